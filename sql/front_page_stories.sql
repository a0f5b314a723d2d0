-- grain: one row per current article printed on page 1 of its page's issue
-- Which stories ran on the front page: the articles of every current page whose printed number is page 1 (第1版,
-- 第一版, 01, or A1: the first page of a paper printed in sections), with the page's printed date. size_rank tells
-- the lead story from the briefs: 1 for the page's longest article. Pages without a printed number are not listed.
-- Example: SELECT issue_date, headline FROM front_page_stories WHERE size_rank = 1 ORDER BY issue_date.
-- column article_id: The article (see articles).
-- column issue_date: The day of its page's issue: the printed date, else its path's (null if neither names one).
-- column page_no: Page number as printed (1, 01, 一 or A1).
-- column page_name: Page name as printed (null if not found).
-- column page_id: The page (sha256 of its raw bytes).
-- column source_path: Canonical path of the page's file.
-- column ordinal: 1-based place of the article on its page.
-- column size_rank: 1 for the page's longest article (most characters in its paragraphs), 2 for the next.
-- column kind: news, photo or feature.
-- column headline: Main headline (null if none).
-- column byline: Credit as printed, normalised (null if none).
-- column n_chars: Characters in the article's paragraphs.
CREATE OR REPLACE VIEW front_page_stories AS
SELECT a.article_id, p.issue_date, p.page_no, p.page_name, a.page_id, p.source_path,
       a.ordinal, row_number() OVER (PARTITION BY a.page_id ORDER BY a.n_chars DESC, a.ordinal) AS size_rank,
       a.kind, a.headline, a.byline, a.n_chars
FROM articles AS a
JOIN pages AS p ON p.page_id = a.page_id
WHERE regexp_full_match(p.page_no, '[Aa]?0*1|一')
