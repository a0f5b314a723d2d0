-- grain: one row per place (adcode) and month
-- Which provinces, cities and counties the paper names, and how often, month by month (article_places:
-- cpca's gazetteer, names matched as whole tokens, shared names resolved by the places around them). The month
-- is that of the page's issue_date (its printed date, else its path's); a page without one counts in month null.
-- column month: First day of the month (null for pages without a readable printed date).
-- column adcode: 6-digit administrative code of the place.
-- column province: Province of the place.
-- column city: City of the place (null for a province, or a county its province runs directly).
-- column county: County or district (null for a province or city).
-- column articles: Articles naming the place that month.
-- column mentions: Times they name it (every spelling: 四平市 and 四平 alike).
-- column pages: Distinct pages those articles stand on.
-- column spellings: The texts that named it, e.g. [四平, 四平市].
CREATE OR REPLACE VIEW place_mentions_by_month AS
WITH dated AS (
    SELECT page_id, issue_date AS printed FROM pages
)
SELECT date_trunc('month', d.printed)::DATE AS month, p.adcode,
       any_value(p.province) AS province, any_value(p.city) AS city, any_value(p.county) AS county,
       count(DISTINCT p.article_id) AS articles,
       sum(p.mentions)::BIGINT AS mentions,
       count(DISTINCT p.page_id) AS pages,
       list(DISTINCT p.matched ORDER BY p.matched) AS spellings
FROM article_places AS p
JOIN dated AS d USING (page_id)
GROUP BY 1, 2
