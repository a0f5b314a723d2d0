"""The article pool's records: what a story *is*, before any page decides how to print it.

A ``Story`` holds gold-convention text only (``chars.to_gold``).  Credits are kept in parts
(agency, place, date, roles and names) so a page can print one in any of the shapes real papers
use (``credits.py``); the same holds for headlines (couplet halves, subject line, kicker).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, get_args

#: What a pool record is.  Gold kinds are fewer: everything but photos and features is ``news``.
StoryKind = Literal["news", "essay", "brief", "photo", "feature", "letter"]
STORY_KINDS: tuple[str, ...] = get_args(StoryKind)
GoldKind = Literal["news", "photo", "feature"]
#: Where the pool's text had the credit.
CreditAt = Literal["dateline", "line", "trailing", "source", "none"]


@dataclass(frozen=True)
class Credit:
    """Who wrote (or photographed) a story and where it was filed from.

    ``groups`` pairs a role (``记者``, ``本报记者``, ``通讯员``, ``新华社记者`` or ``""`` for a bare
    name) with its names.  ``agency``/``place``/``date``/``verb`` make a dateline
    (``本报`` ``北京`` ``1月1日`` ``讯``); all may be empty.
    """

    groups: tuple[tuple[str, tuple[str, ...]], ...] = ()
    agency: str = ""
    place: str = ""
    date: str = ""
    verb: str = ""

    @property
    def names(self) -> list[str]:
        """Every name, in print order."""
        return [n for _, ns in self.groups for n in ns]

    @property
    def has_dateline(self) -> bool:
        """Whether there is an agency to open a dateline with."""
        return bool(self.agency and self.verb)


@dataclass(frozen=True)
class Photo:
    """A picture's caption (one paragraph per ``图①`` part), title and credit."""

    caption: tuple[str, ...]
    credit: Credit | None
    title: str | None = None


@dataclass(frozen=True)
class Story:
    """One article of the pool.  ``paras`` come before the first section of a feature."""

    key: str
    pool: str
    kind: StoryKind
    headline: tuple[str, ...]
    paras: tuple[str, ...]
    subheadline: str | None = None
    kicker: str | None = None
    credit: Credit | None = None
    credit_at: CreditAt = "none"
    sections: tuple[tuple[str, tuple[str, ...]], ...] = ()
    photos: tuple[Photo, ...] = ()
    day: int = 0
    signature: str | None = None
    reply: str | None = None
    extras: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    @property
    def gold_kind(self) -> GoldKind:
        """The kind gold gives this story when it is printed as one article."""
        if self.kind == "photo":
            return "photo"
        return "feature" if self.sections else "news"

    @property
    def length(self) -> int:
        """Characters of body text."""
        return sum(map(len, self.paras)) + sum(len(h) + sum(map(len, ps)) for h, ps in self.sections)
