-- grain: one row per current page
-- How much of each page's text ended up in articles and how much in residue.
-- Article text counts paragraphs, crossheads, headlines, subheadlines, kickers and bylines.
-- column page_id: The page (sha256 of its raw bytes).
-- column source_path: Canonical path of the page.
-- column date: Publication date as printed (null if not found).
-- column page_no: Page number as printed (null if not found).
-- column n_chars: Characters of the decoded page text, whitespace included.
-- column articles: Articles on the page.
-- column body_chars: Characters in article paragraphs.
-- column heading_chars: Characters in headlines, subheadlines, kickers, bylines and crossheads.
-- column residue_chars: Characters of residue, all reasons.
-- column unassigned_chars: Characters of residue no article could claim (reason unassigned).
-- column article_share: (body_chars + heading_chars) / (that + residue_chars); null if the page has neither.
CREATE OR REPLACE VIEW page_coverage AS
WITH art AS (
    SELECT page_id, count(*) AS articles, sum(n_chars)::BIGINT AS body_chars,
           sum(coalesce(length(headline), 0) + coalesce(length(subheadline), 0)
               + coalesce(length(kicker), 0) + coalesce(length(byline), 0))::BIGINT AS title_chars
    FROM articles GROUP BY page_id
), heads AS (
    SELECT page_id, sum(length(text))::BIGINT AS crosshead_chars FROM blocks WHERE kind = 'h' GROUP BY page_id
), res AS (
    SELECT page_id, sum(length(text))::BIGINT AS residue_chars,
           (sum(length(text)) FILTER (WHERE reason = 'unassigned'))::BIGINT AS unassigned_chars
    FROM residue GROUP BY page_id
), totals AS (
    SELECT p.page_id, p.source_path, p.date, p.page_no, p.n_chars,
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
SELECT *,
       (body_chars + heading_chars)::DOUBLE
           / nullif(body_chars + heading_chars + residue_chars, 0) AS article_share
FROM totals
