-- grain: one row per reject reason
-- Why input files were rejected, counting each path once per reason (its latest run).
-- column reason: Machine-readable reject code.
-- column paths: Distinct paths rejected for this reason.
-- column times: Rejections over all runs kept.
-- column last_run: Latest run that rejected a file for this reason.
-- column example_path: One such path (the smallest).
CREATE OR REPLACE VIEW rejects_per_reason AS
SELECT reason,
       count(DISTINCT path) AS paths,
       count(*) AS times,
       max(run_id) AS last_run,
       min(path) AS example_path
FROM rejects
GROUP BY reason
