-- grain: one row per token of a sentence of an article
-- The tokens of every sentence of the articles' paragraphs, in order: rjieba's cut with banmian's user
-- dictionary (banmian.tasks.text.words); a sentence's tokens concatenate to its text. Stored as one list per
-- sentence (sentence_tokens), unnested here.
-- column article_id: The article (see articles).
-- column sentence_id: The sentence (see sentences).
-- column sentence: 1-based place of the sentence in its article.
-- column position: 1-based place of the token in its sentence.
-- column token: The token.
-- column kind: word, number, stopword, punct or space; words and numbers are the terms (article_terms).
-- column page_id: The page (sha256 of its raw bytes).
CREATE OR REPLACE VIEW tokens AS
SELECT article_id, sentence_id, ordinal AS sentence,
       unnest(range(1, len(tokens) + 1))::INTEGER AS position, unnest(tokens) AS token, unnest(kinds) AS kind,
       page_id
FROM sentence_tokens
