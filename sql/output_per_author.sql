-- grain: one row per credited name and role (author or photographer)
-- Output of every name credited in a byline of a current page.
-- column name: Name as parsed from the byline.
-- column role: author or photographer.
-- column articles: Articles crediting the name in that role.
-- column n_chars: Characters in the paragraphs of those articles.
-- column pages: Distinct pages those articles stand on.
-- column first_date: Earliest printed page date (text order; null if no date found).
-- column last_date: Latest printed page date (text order; null if no date found).
CREATE OR REPLACE VIEW output_per_author AS
WITH credits AS (
    SELECT article_id, page_id, n_chars, unnest(authors) AS name, 'author' AS role FROM articles
    UNION ALL
    SELECT article_id, page_id, n_chars, unnest(photographers) AS name, 'photographer' AS role FROM articles
)
SELECT c.name, c.role,
       count(DISTINCT c.article_id) AS articles,
       sum(c.n_chars)::BIGINT AS n_chars,
       count(DISTINCT c.page_id) AS pages,
       min(p.date) AS first_date,
       max(p.date) AS last_date
FROM credits AS c
JOIN pages AS p ON p.page_id = c.page_id
GROUP BY c.name, c.role
