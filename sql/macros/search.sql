-- grain: one row per article holding a term of the query (in its body or its headlines), best first
-- search(q, ...) ranks the current articles by BM25F over two fields: the terms of their sentences (article_terms)
-- and of their kicker, headline and subheadline (headline_terms). For each of the query's terms, the field counts
-- are weighed into one: x = tf / (1 - b + b * doc_terms / avgdl) + head_weight * head_tf (the body normalised by
-- its length, headlines being all short), then saturated once: score = sum of idf * x * (k1 + 1) / (k1 + x), with
-- idf = ln(1 + (N - df + 0.5) / (df + 0.5)), N the articles, df those using the term in either field, avgdl their
-- mean terms (_word_stats). Without a headline hit this is BM25: idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b *
-- doc_terms / avgdl)). head_weight 4 = 1 / (1 - b) at the default b: a headline mention outweighs a body mention
-- in an article of any length (the most a body mention weighs, in an article of no length, is 1 / (1 - b)).
-- The query is cut into the terms the articles were cut into: each blank-separated piece stands for the longest
-- of the warehouse's terms it holds (a term inside a longer one found there does not count), so
-- search('营商环境') looks for 营商 and 环境, as the tokenizer cuts it. Stop words and punctuation are no terms and
-- are ignored. A query reads only the postings of its terms (the term tables' files are sorted by term) and
-- _search_articles, never the articles' or pages' files. Named parameters, all optional: date_from and date_to
-- (DATE, the page's issue date; undated pages drop out once either is given), author (a name credited as author
-- or photographer), kind (news, feature, photo), k1 (1.2), b (0.75), head_weight (4.0) and cut (true; false
-- takes each piece as one term, as banmian search passes the tokenizer's own cut).
-- Example: SELECT rank, date, headline FROM search('营商环境', kind := 'news') LIMIT 10.
-- column rank: 1 for the best match.
-- column article_id: The article (see articles).
-- column score: BM25F score of the article for the query.
-- column terms: The query's terms the article uses (in its body or headlines).
-- column date: The page's issue date: its printed date, else its path's (null if neither names one).
-- column page_no: Page number: as printed, else from the file's path (null if neither gives one).
-- column page_name: Page name as printed (null if not found).
-- column kind: news, feature or photo.
-- column headline: Main headline (null if none).
-- column authors: Author names from the byline.
-- column page_id: The page (sha256 of its raw bytes).
CREATE OR REPLACE MACRO search(q, date_from := NULL, date_to := NULL, author := NULL, kind := NULL,
                               k1 := 1.2, b := 0.75, head_weight := 4.0, cut := true) AS TABLE
WITH pieces AS (
    SELECT DISTINCT unnest(string_split_regex(trim(q::VARCHAR), '\s+')) AS piece
), starts AS (
    SELECT piece, unnest(range(1, length(piece) + 1)) AS i FROM pieces WHERE piece <> '' AND cut::BOOLEAN
), spans AS (
    -- every way a piece may hold a term: 1 to 8 characters from each position
    SELECT piece, i, unnest(range(1, least(8, length(piece) - i + 1) + 1)) AS l FROM starts
), candidates AS (
    SELECT piece, i, l, substr(piece, i, l) AS term FROM spans
    UNION ALL
    SELECT piece, 1, length(piece), piece FROM pieces WHERE piece <> '' AND NOT cut::BOOLEAN
), postings AS MATERIALIZED (
    -- the candidates' postings in each field: DuckDB reads only the row groups whose terms may hold them
    SELECT term, article_id, tf, 0 AS head_tf FROM article_terms WHERE term IN (SELECT term FROM candidates)
    UNION ALL
    SELECT term, article_id, 0 AS tf, tf AS head_tf FROM headline_terms WHERE term IN (SELECT term FROM candidates)
), vocab AS MATERIALIZED (
    SELECT term, count(DISTINCT article_id) AS df FROM postings GROUP BY term
), known AS (
    SELECT c.* FROM candidates AS c SEMI JOIN vocab AS v ON v.term = c.term
), reading AS (
    -- the longest terms of each piece: a known term inside a longer known one is no term of the query
    SELECT DISTINCT k.term FROM known AS k
    ANTI JOIN known AS longer
      ON longer.piece = k.piece AND longer.l > k.l AND longer.i <= k.i AND longer.i + longer.l >= k.i + k.l
), corpus AS (
    SELECT articles::DOUBLE AS n, greatest(terms, 1) / greatest(articles, 1)::DOUBLE AS avgdl FROM _word_stats
), fields AS (
    -- one row per article and term of the query: its count in each field
    SELECT p.article_id, p.term, sum(p.tf) AS tf, sum(p.head_tf) AS head_tf
    FROM postings AS p SEMI JOIN reading AS r ON r.term = p.term
    GROUP BY p.article_id, p.term
), weighed AS (
    SELECT f.article_id, f.term, ln(1 + (c.n - v.df + 0.5) / (v.df + 0.5)) AS idf,
           f.tf / (1 - b::DOUBLE + b::DOUBLE * a.terms / c.avgdl) + head_weight::DOUBLE * f.head_tf AS x
    FROM fields AS f
    JOIN vocab AS v ON v.term = f.term
    JOIN _search_articles AS a ON a.article_id = f.article_id
    CROSS JOIN corpus AS c
    WHERE (kind IS NULL OR a.kind = kind::VARCHAR)
      AND (author IS NULL OR list_contains(a.authors, author::VARCHAR) OR list_contains(a.photographers, author::VARCHAR))
      AND (date_from IS NULL OR a.date >= date_from::DATE) AND (date_to IS NULL OR a.date <= date_to::DATE)
), scored AS (
    SELECT article_id, sum(idf * x * (k1::DOUBLE + 1) / (k1::DOUBLE + x)) AS score, list(term ORDER BY term) AS terms
    FROM weighed
    GROUP BY article_id
)
SELECT row_number() OVER (ORDER BY s.score DESC, s.article_id) AS rank, s.article_id, s.score, s.terms, a.date,
       a.page_no, a.page_name, a.kind, a.headline, a.authors, a.page_id
FROM scored AS s
JOIN _search_articles AS a ON a.article_id = s.article_id
ORDER BY rank
