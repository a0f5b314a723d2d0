"""The residue share: banmian's one measure of how much of a page no article holds.

    residue share = visible characters of the page's residue
                    / visible characters of the page's text

where *visible* means not whitespace (``str.isspace``): line breaks,
indents and letterspacing are layout, not text. Over several pages both
counts are summed before dividing. A page without visible text has no share
(None), not 0.

Every place that shows a share shows this one: the run summary artifact and
the run's log (``RunSummary.residue_share``, from the rows the run wrote),
each row of the page coverage artifact (``PageCoverage.residue_share``) and
the ``page_coverage`` view (``residue_share``, the same quotient of the
counts the warehouse stores: ``pages.visible_chars`` and
``residue.visible_chars``, both computed by :func:`visible_chars`). So for
one page the artifact and the view show the same number.

Pure: no Prefect, no DuckDB.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

from banmian.tasks.model import Residue


#: One whitespace character: ``\s`` of a str pattern is exactly ``str.isspace`` (the same C test), and
#: counting its few matches in a page is ~4x faster than testing each character in Python.
_WHITESPACE: Final = re.compile(r"\s")


def visible_chars(text: str) -> int:
    """Characters of ``text`` that are not whitespace (ideographic space U+3000 included).

    >>> visible_chars("第3版　综合新闻\\n")
    7
    """
    return len(text) - len(_WHITESPACE.findall(text))


def residue_visible_chars(residue: Iterable[Residue]) -> int:
    """Visible characters of a page's residue, every reason counted."""
    return sum(visible_chars(r.text) for r in residue)


def residue_share(residue_chars: int, page_chars: int) -> float | None:
    """``residue_chars / page_chars`` (both visible characters); None when the page has no visible text.

    >>> residue_share(25, 100)
    0.25
    >>> residue_share(0, 0) is None
    True
    """
    return residue_chars / page_chars if page_chars else None
