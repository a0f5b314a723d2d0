-- grain: one row per article and keyword (its 10 words of highest TF-IDF)
-- The words an article is about, weighed by TF-IDF over the whole warehouse, from the counts of its tokens
-- (article_terms): tf = the word's occurrences / the article's terms (doc_terms), idf = ln(articles / articles
-- using the word). Only words count: no stop words (stopwords-iso's Chinese list), punctuation, numbers or
-- single characters. A word every article uses weighs nothing.
-- column article_id: The article (see articles).
-- column page_id: The page (sha256 of its raw bytes).
-- column rank: 1 for the article's heaviest word, up to 10.
-- column term: The word.
-- column tf: Occurrences of the word in the article.
-- column df: Articles of the warehouse using the word.
-- column tfidf: (tf / doc_terms) * ln(articles / df).
CREATE OR REPLACE VIEW article_keywords AS
WITH words AS (
    SELECT article_id, page_id, term, tf, doc_terms FROM article_terms WHERE kind = 'word' AND length(term) > 1
), df AS (
    SELECT term, count(*) AS df FROM words GROUP BY term
), totals AS (
    SELECT count(*)::DOUBLE AS articles FROM article_lengths
), weighed AS (
    SELECT w.article_id, w.page_id, w.term, w.tf, df.df, w.tf / w.doc_terms * ln(totals.articles / df.df) AS tfidf
    FROM words AS w JOIN df USING (term) CROSS JOIN totals
)
SELECT article_id, page_id, row_number() OVER (PARTITION BY article_id ORDER BY tfidf DESC, term) AS rank,
       term, tf, df, tfidf
FROM weighed
QUALIFY rank <= 10
