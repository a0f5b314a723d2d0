"""Stories continued across pages: jump markers matched within an issue, as views over ``articles``.

A story that does not fit its page ends in ``（下转第5版）`` and goes on under
``（上接第1版）`` on page 5 of the same issue. Segmentation keeps both markers
as article metadata (``continued_to``, ``continued_from``) and the records
read the pages they name (``continued_to_page``, ``continued_from_page``).
Pages of one issue may come in different runs, so the parts are matched here,
over the current articles, every time the views are read:

* ``jumps``: one row per marker, with the article it was matched to, or why
  none was: a marker is matched only when exactly one article on the named
  page of the same issue points back to its page, and that article is matched
  by no other marker. Anything else is reported, never guessed.
* ``article_parts``: one row per part of a story continued across pages, in
  reading order, from the matched markers.

Pure: SQL text, executed by ``views.catalogue_script`` with the base views.
"""

from __future__ import annotations

from typing import Final, Literal, get_args

#: What became of a jump marker (the ``jumps`` view's ``status``).
JumpStatus = Literal["matched", "undated", "no_page_number", "no_counterpart", "ambiguous"]
JUMP_STATUSES: Final[tuple[str, ...]] = get_args(JumpStatus)

#: Parts of one story followed at most: a chain longer than this is a loop of markers, not a story.
MAX_PARTS: Final = 20

JUMPS_SQL: Final = """
    CREATE OR REPLACE VIEW jumps AS
    WITH parts AS (
        SELECT a.article_id, a.page_id, p.paper, a.issue_date, a.page_no,
               a.continued_from, a.continued_to, a.continued_from_page, a.continued_to_page
        FROM articles AS a JOIN pages AS p ON p.page_id = a.page_id
    ), markers AS (
        SELECT article_id, page_id, paper, issue_date, page_no, 'to' AS direction,
               continued_to AS marker, continued_to_page AS target_page
        FROM parts WHERE continued_to IS NOT NULL
        UNION ALL
        SELECT article_id, page_id, paper, issue_date, page_no, 'from' AS direction,
               continued_from AS marker, continued_from_page AS target_page
        FROM parts WHERE continued_from IS NOT NULL
    ), candidates AS (
        SELECT m.article_id, m.direction, c.article_id AS other_id, c.direction AS other_direction
        FROM markers AS m JOIN markers AS c
          ON c.direction <> m.direction AND c.article_id <> m.article_id
         AND c.paper IS NOT DISTINCT FROM m.paper AND c.issue_date = m.issue_date
         AND c.page_no = m.target_page AND c.target_page = m.page_no
    ), counted AS (
        SELECT article_id, direction, count(*) AS n, any_value(other_id) AS other_id,
               any_value(other_direction) AS other_direction
        FROM candidates GROUP BY article_id, direction
    )
    SELECT m.article_id, m.page_id, m.paper, m.issue_date, m.page_no, m.direction, m.marker, m.target_page,
           CASE WHEN m.issue_date IS NULL THEN 'undated'
                WHEN m.page_no IS NULL OR m.target_page IS NULL THEN 'no_page_number'
                WHEN c.n IS NULL THEN 'no_counterpart'
                WHEN c.n > 1 OR back.n > 1 THEN 'ambiguous'
                ELSE 'matched' END AS status,
           CASE WHEN c.n = 1 AND back.n = 1 THEN c.other_id END AS matched_article_id
    FROM markers AS m
    LEFT JOIN counted AS c ON c.article_id = m.article_id AND c.direction = m.direction
    LEFT JOIN counted AS back ON back.article_id = c.other_id AND back.direction = c.other_direction
"""

ARTICLE_PARTS_SQL: Final = f"""
    CREATE OR REPLACE VIEW article_parts AS
    WITH RECURSIVE links AS (
        SELECT article_id AS from_id, matched_article_id AS to_id
        FROM jumps WHERE direction = 'to' AND status = 'matched'
    ), chain AS (
        SELECT from_id AS story_id, 1 AS part, from_id AS article_id
        FROM links WHERE from_id NOT IN (SELECT to_id FROM links)
        UNION ALL
        SELECT chain.story_id, chain.part + 1 AS part, links.to_id AS article_id
        FROM chain JOIN links ON links.from_id = chain.article_id
        WHERE chain.part < {MAX_PARTS}
    )
    SELECT chain.story_id, chain.part, chain.article_id, a.page_id, p.paper, a.issue_date, a.page_no,
           first_value(a.headline) OVER (PARTITION BY chain.story_id ORDER BY chain.part) AS headline
    FROM chain
    JOIN articles AS a ON a.article_id = chain.article_id
    JOIN pages AS p ON p.page_id = a.page_id
"""

#: The views of continued stories, in the order they are created (after ``articles`` and ``pages``).
STORY_VIEWS: Final = {"jumps": JUMPS_SQL, "article_parts": ARTICLE_PARTS_SQL}
