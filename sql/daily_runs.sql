-- grain: one row per UTC day on which runs started
-- What the runs of each day did.
-- column day: UTC date the runs started.
-- column runs: Runs committed.
-- column partial_runs: Runs with status partial.
-- column reports_not_written: Runs whose report was not written after their commit and not re-made since (runs.report_error says why and how to re-make it).
-- column pages_found: Input files discovered, summed over runs.
-- column pages_loaded: New page versions written.
-- column pages_skipped: Files not re-loaded (unchanged or already loaded).
-- column pages_replaced: Page versions superseded.
-- column rejects: Input files rejected.
-- column articles: Articles written.
-- column first_started: When the day's first run started.
-- column last_finished: When the day's last run committed.
-- column total_seconds: Sum of run durations in seconds.
CREATE OR REPLACE VIEW daily_runs AS
SELECT (started_at AT TIME ZONE 'UTC')::DATE AS day,
       count(*) AS runs,
       count(*) FILTER (WHERE status = 'partial') AS partial_runs,
       count(*) FILTER (WHERE report_error IS NOT NULL) AS reports_not_written,
       sum(pages_found)::BIGINT AS pages_found,
       sum(pages_loaded)::BIGINT AS pages_loaded,
       sum(pages_skipped)::BIGINT AS pages_skipped,
       sum(pages_replaced)::BIGINT AS pages_replaced,
       sum(rejects)::BIGINT AS rejects,
       sum(articles)::BIGINT AS articles,
       min(started_at) AS first_started,
       max(finished_at) AS last_finished,
       sum(epoch(finished_at) - epoch(started_at)) AS total_seconds
FROM runs
GROUP BY ALL
