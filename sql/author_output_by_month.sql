-- grain: one row per credited name, role (author or photographer) and month
-- Who wrote or photographed how much, month by month. The month is that of the page's issue_date (its
-- printed date, else its path's); a page without one counts in month null.
-- column month: First day of the month (null for pages without a readable printed date).
-- column name: Name as parsed from the byline.
-- column role: author or photographer.
-- column articles: Articles crediting the name in that role that month.
-- column n_chars: Characters in the paragraphs of those articles.
-- column pages: Distinct pages those articles stand on.
-- column news: Of those articles, how many are news.
-- column features: Of those articles, how many are features.
-- column photos: Of those articles, how many are photos.
CREATE OR REPLACE VIEW author_output_by_month AS
WITH dated AS (
    SELECT page_id, issue_date AS printed FROM pages
), credits AS (
    SELECT article_id, page_id, kind, n_chars, unnest(authors) AS name, 'author' AS role FROM articles
    UNION ALL
    SELECT article_id, page_id, kind, n_chars, unnest(photographers) AS name, 'photographer' AS role FROM articles
)
SELECT date_trunc('month', d.printed)::DATE AS month, c.name, c.role,
       count(DISTINCT c.article_id) AS articles,
       sum(c.n_chars)::BIGINT AS n_chars,
       count(DISTINCT c.page_id) AS pages,
       count(*) FILTER (WHERE c.kind = 'news') AS news,
       count(*) FILTER (WHERE c.kind = 'feature') AS features,
       count(*) FILTER (WHERE c.kind = 'photo') AS photos
FROM credits AS c
JOIN dated AS d USING (page_id)
GROUP BY ALL
