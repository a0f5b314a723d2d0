-- grain: one row per word and week
-- How often the paper used each word, week by week: the trend of a topic (WHERE term = '营商'), or the words
-- rising fastest. Words as in article_keywords (no stop words, punctuation, numbers or single characters). The
-- week is that of the page's issue_date (its printed date, else its path's); a page without one counts in week null.
-- column week: Monday of the week (null for pages without a readable printed date).
-- column term: The word.
-- column articles: Articles of the week using the word.
-- column mentions: Times those articles use it.
-- column week_articles: Articles of the week, with or without the word.
-- column share: articles / week_articles: the share of the week's articles using the word.
CREATE OR REPLACE VIEW keyword_trend_by_week AS
WITH dated AS (
    SELECT page_id, date_trunc('week', issue_date)::DATE AS week FROM pages
), weekly AS (
    -- every article with its week and the articles of that week (undated ones form one week, null)
    SELECT l.article_id, d.week, count(*) OVER (PARTITION BY d.week) AS week_articles
    FROM article_lengths AS l JOIN dated AS d USING (page_id)
)
SELECT a.week, t.term, count(*) AS articles, sum(t.tf)::BIGINT AS mentions,
       any_value(a.week_articles) AS week_articles, count(*) / any_value(a.week_articles) AS share
FROM article_terms AS t
JOIN weekly AS a USING (article_id)
WHERE t.kind = 'word' AND length(t.term) > 1
GROUP BY a.week, t.term
