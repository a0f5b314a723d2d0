"""Text whose every character remembers where it belongs: a gold field of an article, or residue.

Layout and extraction cut, reorder, space out and re-code characters; because each character
carries its tag to the end, the page's residue records and the accounting check ("every printed
character is in a gold string or in residue") fall out of the output without guessing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal, get_args

ResidueReason = Literal["page_furniture", "duplicate_crosshead", "decoration", "unassigned"]
RESIDUE_REASONS: Final[tuple[str, ...]] = get_args(ResidueReason)
GoldField = Literal["headline", "subheadline", "kicker", "byline", "p", "h", "continued_from", "continued_to"]
GOLD_FIELDS: Final[tuple[str, ...]] = get_args(GoldField)
#: The tag of whitespace an extractor inserts: it belongs to nothing and is never accounted.
SPACE: Final = -1


@dataclass(frozen=True)
class Tag:
    """An owner: ``article`` (page-local gold index) and ``field``, or ``article`` None and a reason."""

    article: int | None
    field: str
    block: int = -1  # the gold block a ``p``/``h`` character belongs to

    @property
    def is_residue(self) -> bool:
        """Whether characters with this tag go to the residue records."""
        return self.article is None


class TagTable:
    """The page's tags; characters carry indexes into it."""

    def __init__(self) -> None:
        self.tags: list[Tag] = []
        self._index: dict[Tag, int] = {}

    def of(self, article: int | None, field: str, block: int = -1) -> int:
        """The index of a tag, made on first use."""
        tag = Tag(article, field, block)
        if tag not in self._index:
            self._index[tag] = len(self.tags)
            self.tags.append(tag)
        return self._index[tag]

    def residue(self, reason: ResidueReason) -> int:
        """The index of a residue tag."""
        return self.of(None, reason)

    def __getitem__(self, i: int) -> Tag:
        return self.tags[i]


@dataclass(frozen=True)
class TText:
    """A string and one tag index per character.

    >>> t = TText.of("本报讯", 0) + TText.of("（", 1)
    >>> t.text, t.tags, t[1:].text
    ('本报讯（', (0, 0, 0, 1), '报讯（')
    """

    text: str
    tags: tuple[int, ...]

    @staticmethod
    def of(text: str, tag: int) -> TText:
        """The whole string under one tag."""
        return TText(text, (tag,) * len(text))

    @staticmethod
    def join(parts: list[TText]) -> TText:
        """Concatenation of several pieces."""
        return TText("".join(p.text for p in parts), tuple(t for p in parts for t in p.tags))

    def __add__(self, other: TText) -> TText:
        return TText(self.text + other.text, self.tags + other.tags)

    def __getitem__(self, s: slice) -> TText:
        return TText(self.text[s], self.tags[s])

    def __len__(self) -> int:
        return len(self.text)

    def strip(self) -> TText:
        """Without leading and trailing whitespace."""
        lo, hi = 0, len(self.text)
        while lo < hi and self.text[lo].isspace():
            lo += 1
        while hi > lo and self.text[hi - 1].isspace():
            hi -= 1
        return self[lo:hi]


def spaces(n: int = 1, ch: str = " ") -> TText:
    """Extractor whitespace, accounted to nothing."""
    return TText(ch * n, (SPACE,) * n)
