-- grain: one row per story continued across pages of one issue
-- Stories continued across pages read as one: the articles their jump markers join (article_parts), their
-- bodies in reading order. Markers that joined nothing are in the view jumps with why (status <> 'matched').
-- column story_id: The story: the article_id of its first part.
-- column paper: The issue's paper (null if the pages' paths name none).
-- column issue_date: The issue's date.
-- column headline: The headline of its first part.
-- column parts: How many articles it joins.
-- column page_nos: The pages of its parts, in reading order.
-- column article_ids: Its parts' articles, in reading order.
-- column body: The parts' bodies in reading order, joined by a blank line.
-- column n_chars: Characters in the paragraphs of all its parts.
CREATE OR REPLACE VIEW continued_stories AS
SELECT s.story_id, any_value(s.paper) AS paper, any_value(s.issue_date) AS issue_date,
       any_value(s.headline) AS headline, count(*) AS parts,
       list(s.page_no ORDER BY s.part) AS page_nos,
       list(s.article_id ORDER BY s.part) AS article_ids,
       string_agg(a.body, chr(10) || chr(10) ORDER BY s.part) AS body,
       sum(a.n_chars)::BIGINT AS n_chars
FROM article_parts AS s
JOIN articles AS a ON a.article_id = s.article_id
GROUP BY s.story_id
