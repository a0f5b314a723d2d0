-- grain: one row per current article that segmentation flags for review
-- The articles least sure of their segmentation, least sure first: what a person should check.
-- An article is flagged when its calibrated confidence (the probability that its body is exactly
-- right) is below the confidence model's review threshold; review says which decision to check.
-- Articles loaded before schema 3 have no confidence and are not listed (a full refresh rates them).
-- column article_id: The article (see articles).
-- column page_id: The page it stands on.
-- column source_path: Canonical path of the page.
-- column page_no: Page number as printed (null if not found).
-- column ordinal: 1-based place of the article on its page.
-- column first_line: 1-based line of the page where the article begins.
-- column kind: The article's kind.
-- column headline: Its headline (null if none).
-- column n_chars: Characters in its paragraphs.
-- column confidence: Probability that its body is exactly right.
-- column review: What to check, in words.
CREATE OR REPLACE VIEW articles_to_review AS
SELECT a.article_id, a.page_id, p.source_path, p.page_no, a.ordinal, a.first_line, a.kind,
       a.headline, a.n_chars, a.confidence, a.review
FROM articles AS a
JOIN pages AS p ON p.page_id = a.page_id
WHERE a.review IS NOT NULL
ORDER BY a.confidence, p.source_path, a.ordinal
