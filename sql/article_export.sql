-- grain: one row per current article
-- The flat article file `banmian export` writes: each article with its page's date, number and name and its
-- source, in page order. Lists (authors, photographers) stay lists in Parquet and JSON lines; CSV joins them with 、.
-- column article_id: The article (see articles).
-- column issue_date: The day of its page's issue: the printed date, else its path's (null if neither names one).
-- column page_no: Page number: as printed, else from the file's path (null if neither gives one).
-- column page_name: Page name as printed (null if not found).
-- column source_path: Canonical path of the page's file.
-- column page_id: The page (sha256 of its raw bytes).
-- column ordinal: 1-based place of the article on its page.
-- column kind: news, photo or feature.
-- column headline: Main headline (null if none).
-- column subheadline: Subheadline (null if none).
-- column kicker: Line above the headline (null if none).
-- column byline: Credit as printed, normalised (null if none).
-- column authors: Author names parsed from the byline.
-- column photographers: Photographer names parsed from the byline.
-- column body: Paragraphs joined by a blank line.
-- column n_chars: Characters in the paragraphs.
-- column confidence: Probability that the body is exactly right (null if loaded before schema 3).
-- column review: What to check when confidence is low (null otherwise).
-- column run_id: The run that loaded the article's page version.
CREATE OR REPLACE VIEW article_export AS
SELECT a.article_id, a.issue_date, p.page_no, p.page_name, p.source_path, a.page_id,
       a.ordinal, a.kind, a.headline, a.subheadline, a.kicker, a.byline, a.authors, a.photographers, a.body,
       a.n_chars, a.confidence, a.review, a.run_id
FROM articles AS a
JOIN pages AS p ON p.page_id = a.page_id
ORDER BY p.source_path, a.ordinal
