-- grain: one row per issue (paper and issue date) and article kind
-- How much each issue printed, by kind: the articles of the pages of one paper and issue date (view issues).
-- Articles whose page names no day (issue_date null) belong to no issue and are not counted here.
-- column paper: The paper, as the pages' paths name it (null if they do not).
-- column issue_date: The day of the issue.
-- column kind: news, photo or feature.
-- column articles: Articles of that kind in the issue.
-- column n_chars: Characters in their paragraphs.
-- column pages: Pages of the issue holding at least one of them.
-- column page_nos: Those pages' numbers, in page order (pages without a number left out).
CREATE OR REPLACE VIEW articles_per_issue AS
SELECT p.paper, a.issue_date, a.kind,
       count(*) AS articles,
       sum(a.n_chars)::BIGINT AS n_chars,
       count(DISTINCT a.page_id) AS pages,
       list(DISTINCT a.page_no ORDER BY try_cast(a.page_no AS INTEGER) NULLS LAST, a.page_no)
           FILTER (WHERE a.page_no IS NOT NULL) AS page_nos
FROM articles AS a
JOIN pages AS p USING (page_id)
WHERE a.issue_date IS NOT NULL
GROUP BY p.paper, a.issue_date, a.kind
