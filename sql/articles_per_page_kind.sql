-- grain: one row per page and article kind
-- How many articles of each kind every current page holds, and how long they are.
-- column page_id: The page (sha256 of its raw bytes).
-- column date: Publication date as printed (null if not found).
-- column page_no: Page number as printed (null if not found).
-- column page_name: Page name as printed (null if not found).
-- column kind: news, photo or feature.
-- column articles: Articles of this kind on the page.
-- column n_chars: Characters in their paragraphs.
-- column n_paragraphs: Paragraphs in them.
CREATE OR REPLACE VIEW articles_per_page_kind AS
SELECT p.page_id, p.date, p.page_no, p.page_name, a.kind,
       count(*) AS articles,
       sum(a.n_chars)::BIGINT AS n_chars,
       sum(a.n_paragraphs)::BIGINT AS n_paragraphs
FROM articles AS a
JOIN pages AS p ON p.page_id = a.page_id
GROUP BY p.page_id, p.date, p.page_no, p.page_name, a.kind
