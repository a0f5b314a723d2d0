"""Nothing lost: every character of a page ends in an article field or a residue row.

Cleaning changes the *form* of some characters (``,`` → ``，``, ``２`` → ``2``)
and drops whitespace, so both sides are compared after the same folding, as
multisets of non-whitespace characters.

>>> from banmian.tasks.text.segment import segment_page
>>> text = "本报讯(记者 王芳)今天，全市开展安全\\n检查。\\n\\n开展安全检查\\n"
>>> lost_characters(text, segment_page(text))
Counter()
"""

from __future__ import annotations

from collections import Counter
from typing import Final

from banmian.tasks.model import PageResult
from banmian.tasks.text.chars import ASCII_TO_FULLWIDTH_MARKS
from banmian.tasks.text.clean import fold_fullwidth_alnum

#: ASCII marks to the full-width ones cleaning writes for them.
_FOLD_MARKS: Final = str.maketrans(ASCII_TO_FULLWIDTH_MARKS)


def accounting_chars(text: str) -> Counter[str]:
    """The multiset of a text's non-whitespace characters, folded as cleaning folds them."""
    folded = fold_fullwidth_alnum(text).translate(_FOLD_MARKS)
    return Counter(ch for ch in folded if not ch.isspace())


def result_text(result: PageResult) -> str:
    """All text a segmentation keeps: every article field that holds page text, and residue."""
    parts: list[str] = []
    for a in result.articles:
        parts.extend(x for x in (a.kicker, a.headline, a.subheadline, a.byline,
                                 a.continued_from, a.continued_to) if x)
        parts.extend(b.text for b in a.blocks)
    parts.extend(r.text for r in result.residue)
    return "\n".join(parts)


def lost_characters(text: str, result: PageResult) -> Counter[str]:
    """Characters of the page that no article field or residue row holds (should be empty)."""
    return accounting_chars(text) - accounting_chars(result_text(result))


def invented_characters(text: str, result: PageResult) -> Counter[str]:
    """Characters in the result that the page does not have (should be empty)."""
    return accounting_chars(result_text(result)) - accounting_chars(text)
