-- grain: one row per article holding a term of the query, best first
-- search(q, ...) ranks the current articles by BM25 over their terms (article_terms):
-- score = sum over the query's terms of idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * doc_terms / avgdl)),
-- idf = ln(1 + (N - df + 0.5) / (df + 0.5)), N the articles, df those using the term, avgdl their mean terms
-- (article_lengths, summed in _word_stats at each commit). The query is cut into the terms the articles were
-- cut into: each blank-separated piece stands for the longest of the warehouse's terms it holds (a term inside
-- a longer one found there does not count), so search('营商环境') looks for 营商 and 环境, as the tokenizer cuts
-- it. Stop words and punctuation are no terms and are ignored. Named parameters, all optional: date_from and
-- date_to (DATE, the page's issue date; undated pages drop out once either is given), author (a name credited
-- as author or photographer), kind (news, feature, photo), k1 (1.2), b (0.75) and cut (true; false takes each
-- piece as one term, as banmian search passes the tokenizer's own cut).
-- Example: SELECT rank, date, headline FROM search('营商环境', kind := 'news') LIMIT 10.
-- column rank: 1 for the best match.
-- column article_id: The article (see articles).
-- column score: BM25 score of the article for the query.
-- column terms: The query's terms the article uses.
-- column date: The page's issue date: its printed date, else its path's (null if neither names one).
-- column page_no: Page number: as printed, else from the file's path (null if neither gives one).
-- column page_name: Page name as printed (null if not found).
-- column kind: news, feature or photo.
-- column headline: Main headline (null if none).
-- column authors: Author names from the byline.
-- column page_id: The page (sha256 of its raw bytes).
CREATE OR REPLACE MACRO search(q, date_from := NULL, date_to := NULL, author := NULL, kind := NULL,
                               k1 := 1.2, b := 0.75, cut := true) AS TABLE
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
    SELECT t.term, t.article_id, t.page_id, t.tf, t.doc_terms
    FROM article_terms AS t
    WHERE t.term IN (SELECT term FROM candidates)
), vocab AS MATERIALIZED (
    SELECT term, count(*) AS df FROM postings GROUP BY term
), known AS (
    SELECT c.* FROM candidates AS c SEMI JOIN vocab AS v ON v.term = c.term
), reading AS (
    -- the longest terms of each piece: a known term inside a longer known one is no term of the query
    SELECT DISTINCT k.term FROM known AS k
    ANTI JOIN known AS longer
      ON longer.piece = k.piece AND longer.l > k.l AND longer.i <= k.i AND longer.i + longer.l >= k.i + k.l
), corpus AS (
    SELECT articles::DOUBLE AS n, terms / greatest(articles, 1)::DOUBLE AS avgdl FROM _word_stats
), scored AS (
    SELECT p.article_id, any_value(p.page_id) AS page_id,
           sum(ln(1 + (c.n - v.df + 0.5) / (v.df + 0.5)) * p.tf * (k1::DOUBLE + 1)
               / (p.tf + k1::DOUBLE * (1 - b::DOUBLE + b::DOUBLE * p.doc_terms / c.avgdl))) AS score,
           list(p.term ORDER BY p.term) AS terms
    FROM postings AS p
    SEMI JOIN reading AS r ON r.term = p.term
    JOIN vocab AS v ON v.term = p.term
    CROSS JOIN corpus AS c
    GROUP BY p.article_id
), found AS (
    SELECT s.*, a.kind AS article_kind, a.headline, a.authors, h.page_no, h.page_name,
           h.issue_date AS printed
    FROM scored AS s
    JOIN articles AS a ON a.article_id = s.article_id
    JOIN pages_history AS h ON h.page_id = s.page_id AND h.superseded_by_run IS NULL
    WHERE (kind IS NULL OR a.kind = kind::VARCHAR)
      AND (author IS NULL OR list_contains(a.authors, author::VARCHAR) OR list_contains(a.photographers, author::VARCHAR))
)
SELECT row_number() OVER (ORDER BY score DESC, article_id) AS rank, article_id, score, terms, printed AS date,
       page_no, page_name, article_kind AS kind, headline, authors, page_id
FROM found
WHERE (date_from IS NULL OR printed >= date_from::DATE) AND (date_to IS NULL OR printed <= date_to::DATE)
ORDER BY rank
