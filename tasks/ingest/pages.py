"""Hand a decoded page to segmentation, and give back what decoding kept out of its text.

Decoding takes stray control characters out of a page's text (they would
break segmentation's line rules) and keeps them on the
:class:`~banmian.tasks.model.DecodedPage`; :func:`segment_decoded` puts them
back as ``control_char`` residue, at their lines, so that every character of
the decoded file is in an article or a residue row.

To be called wherever a decoded page is segmented, instead of
``segment_page(page.text)``: ``banmian.tasks.prefect_tasks.segment_safely``
(used by ``decode_and_segment``) and ``banmian.cli.cmd_segment``.
"""

from __future__ import annotations

from banmian.tasks.model import DecodedPage, PageResult
from banmian.tasks.text.segment import segment_page


def segment_decoded(page: DecodedPage) -> PageResult:
    """``segment_page`` on the page's text, with its stray control characters added to the residue in line order.

    >>> from banmian.tasks.ingest.decode import decode_page
    >>> page = decode_page("/in/p.txt", "本报讯 今天，全市开展\\x00安全检查。\\n".encode(), 0.0)
    >>> [(r.text, r.reason, r.line) for r in segment_decoded(page).residue if r.reason == "control_char"]
    [('\\x00', 'control_char', 1)]
    """
    result = segment_page(page.text)
    if page.control_chars:
        result.residue = sorted([*result.residue, *page.control_chars], key=lambda r: r.line)
    return result
