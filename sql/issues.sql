-- grain: one row per issue: the current pages of one paper and issue date
-- The issues of the archive: pages with the same paper and issue_date form one. The paper is what the pages'
-- paths name (null for all pages whose path names none: they form one issue a day); pages without an
-- issue_date (date_source none: neither their furniture nor their path names a day) belong to no issue.
-- column paper: The paper, as the pages' paths name it (null if they do not).
-- column issue_date: The day of the issue.
-- column pages: Current pages of the issue.
-- column page_nos: Their page numbers, in page order (pages without a number left out).
-- column pages_without_no: Pages of the issue with no page number, printed or in their path.
-- column articles: Articles on the issue's pages.
-- column date_sources: Where the pages' dates were read: furniture, path or both.
CREATE OR REPLACE VIEW issues AS
WITH per_page AS (
    SELECT page_id, count(*) AS articles FROM articles GROUP BY page_id
)
SELECT p.paper, p.issue_date,
       count(*) AS pages,
       list(p.page_no ORDER BY try_cast(p.page_no AS INTEGER) NULLS LAST, p.page_no)
           FILTER (WHERE p.page_no IS NOT NULL) AS page_nos,
       count(*) FILTER (WHERE p.page_no IS NULL) AS pages_without_no,
       coalesce(sum(a.articles), 0)::BIGINT AS articles,
       list(DISTINCT p.date_source ORDER BY p.date_source) AS date_sources
FROM pages AS p
LEFT JOIN per_page AS a USING (page_id)
WHERE p.issue_date IS NOT NULL
GROUP BY p.paper, p.issue_date
