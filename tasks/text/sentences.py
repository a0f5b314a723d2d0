"""Split a Chinese paragraph into sentences without losing a character.

The warehouse stores sentences so that readers can query and cite them; the
split must therefore be lossless (``"".join(split_sentences(p)) == p``) so a
paragraph can always be rebuilt from its sentences.
"""

from __future__ import annotations

import re
from typing import Final

from banmian.tasks.text.chars import CLOSERS, IDEOGRAPHIC_SPACE, SENTENCE_ENDS, SPACE_OR_TAB

#: Blanks after a sentence's end belong to it, so the next sentence starts with its first real character.
_GAP: Final = SPACE_OR_TAB + IDEOGRAPHIC_SPACE + "\n"
_ENDS: Final = re.escape(SENTENCE_ENDS)
#: A sentence: text up to a run of end marks (``！？``, ``……``: one ending), the closing quotes and
#: brackets after it (他说：“走吧。”), and the blanks after those; or the text after the last end mark.
_SENTENCE_RE: Final = re.compile(f"[^{_ENDS}]*[{_ENDS}]+[{re.escape(CLOSERS)}]*[{re.escape(_GAP)}]*|[^{_ENDS}]+")


def split_sentences(paragraph: str) -> list[str]:
    """Sentences of ``paragraph``, in order; their concatenation is the paragraph.

    Splits after each run of ``SENTENCE_ENDS``, keeping a closing quote or
    bracket with the sentence it closes. Text after the last end mark is the
    last sentence. An empty paragraph has no sentences.

    >>> split_sentences("他说：“走吧。”然后离开！？ 好")
    ['他说：“走吧。”', '然后离开！？ ', '好']
    """
    return _SENTENCE_RE.findall(paragraph)
