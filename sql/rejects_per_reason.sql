-- grain: one row per reject reason
-- Why input files were rejected, counting each path once per reason (its latest run).
-- Reason no_articles is a warning: those pages were loaded (all their text as residue).
-- column reason: Machine-readable reject code.
-- column severity: rejected (the file did not become a page) or warning (no_articles: the page was loaded).
-- column paths: Distinct paths rejected for this reason.
-- column times: Rejections over all runs kept.
-- column last_run: Latest run that rejected a file for this reason.
-- column example_path: One such path (the smallest).
CREATE OR REPLACE VIEW rejects_per_reason AS
SELECT reason,
       CASE WHEN reason = 'no_articles' THEN 'warning' ELSE 'rejected' END AS severity,
       count(DISTINCT path) AS paths,
       count(*) AS times,
       max(run_id) AS last_run,
       min(path) AS example_path
FROM rejects
GROUP BY reason
