-- grain: one row per current page
-- How much of each page's text ended up in articles and how much in residue.
-- residue_share is banmian's one measure of what segmentation left out (banmian.tasks.store.coverage):
-- the page's visible residue characters over its visible characters, whitespace not counted in either;
-- the run summary and page coverage artifacts show the same quotient of the same counts.
-- column page_id: The page (sha256 of its raw bytes).
-- column source_path: Canonical path of the page.
-- column date: Publication date as printed (null if not found).
-- column page_no: Page number as printed (null if not found).
-- column page_name: Page name as printed (null if not found).
-- column n_chars: Characters of the decoded page text, whitespace included.
-- column visible_chars: Characters of the page text that are not whitespace (null if loaded before schema 2).
-- column articles: Articles on the page.
-- column body_chars: Characters in article paragraphs, whitespace included.
-- column heading_chars: Characters in headlines, subheadlines, kickers, bylines and crossheads, whitespace included.
-- column residue_chars: Characters of residue that are not whitespace, all reasons.
-- column unassigned_chars: Characters of residue that are not whitespace and that no article could claim (reason unassigned).
-- column residue_share: residue_chars / visible_chars: the share of the page's text kept out of every article (null if the page has no visible text).
CREATE OR REPLACE VIEW page_coverage AS
WITH art AS (
    SELECT page_id, count(*) AS articles, sum(n_chars)::BIGINT AS body_chars,
           sum(coalesce(length(headline), 0) + coalesce(length(subheadline), 0)
               + coalesce(length(kicker), 0) + coalesce(length(byline), 0))::BIGINT AS title_chars
    FROM articles GROUP BY page_id
), heads AS (
    SELECT page_id, sum(length(text))::BIGINT AS crosshead_chars FROM blocks WHERE kind = 'h' GROUP BY page_id
), res AS (
    SELECT page_id, sum(visible_chars)::BIGINT AS residue_chars,
           (sum(visible_chars) FILTER (WHERE reason = 'unassigned'))::BIGINT AS unassigned_chars
    FROM residue GROUP BY page_id
), totals AS (
    SELECT p.page_id, p.source_path, p.date, p.page_no, p.page_name, p.n_chars, p.visible_chars,
           coalesce(art.articles, 0) AS articles,
           coalesce(art.body_chars, 0) AS body_chars,
           coalesce(art.title_chars, 0) + coalesce(heads.crosshead_chars, 0) AS heading_chars,
           coalesce(res.residue_chars, 0) AS residue_chars,
           coalesce(res.unassigned_chars, 0) AS unassigned_chars
    FROM pages AS p
    LEFT JOIN art ON art.page_id = p.page_id
    LEFT JOIN heads ON heads.page_id = p.page_id
    LEFT JOIN res ON res.page_id = p.page_id
)
SELECT *, residue_chars::DOUBLE / nullif(visible_chars, 0) AS residue_share
FROM totals
