"""The shapes that flow between banmian's stages.

Every stage is a pure function from one of these to the next, so each can be
tested alone and wrapped by a thin Prefect task. Nothing here imports Prefect
or DuckDB.

    RawFile --decode--> DecodedPage --segment--> PageResult --records--> rows
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Final, Literal

BlockKind = Literal["p", "h"]
ArticleKind = Literal["news", "photo", "feature"]


@dataclass(frozen=True, slots=True, init=False)
class Block:
    """One block of an article body: a paragraph (``p``) or a crosshead (``h``)."""

    kind: BlockKind
    text: str

    # Written out, not generated: mypyc compiles an __init__ in the source (see ``tasks.lines.Line``);
    # fields of a frozen class are set as the generated one sets them.
    def __init__(self, kind: BlockKind, text: str) -> None:
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "text", text)


@dataclass(slots=True, init=False)
class Article:
    """One article as printed, with its credits parsed.

    ``byline`` is the credit as printed (normalised: full-width brackets, no
    letterspacing, one space between role and names); ``authors`` and
    ``photographers`` are the names in it. ``continued_from``/``continued_to``
    hold jump markers such as ``上接第一版`` as metadata, never as body text.
    """

    kind: ArticleKind
    headline: str | None
    subheadline: str | None
    byline: str | None
    authors: list[str]
    photographers: list[str]
    blocks: list[Block]
    kicker: str | None
    continued_from: str | None
    continued_to: str | None
    first_line: int  # 1-based line of the page where the article's first part stands

    # Written out, not generated: mypyc compiles an __init__ in the source (see ``tasks.lines.Line``).
    def __init__(self, kind: ArticleKind, headline: str | None = None, subheadline: str | None = None,
                 byline: str | None = None, authors: list[str] | None = None, photographers: list[str] | None = None,
                 blocks: list[Block] | None = None, kicker: str | None = None, continued_from: str | None = None,
                 continued_to: str | None = None, first_line: int = 0) -> None:
        self.kind = kind
        self.headline = headline
        self.subheadline = subheadline
        self.byline = byline
        self.authors = [] if authors is None else authors
        self.photographers = [] if photographers is None else photographers
        self.blocks = [] if blocks is None else blocks
        self.kicker = kicker
        self.continued_from = continued_from
        self.continued_to = continued_to
        self.first_line = first_line

    @property
    def paragraphs(self) -> list[str]:
        return [b.text for b in self.blocks if b.kind == "p"]

    @property
    def crossheads(self) -> list[str]:
        return [b.text for b in self.blocks if b.kind == "h"]

    @property
    def body(self) -> str:
        """Paragraphs joined by blank lines (crossheads left out)."""
        return "\n\n".join(self.paragraphs)

    def to_eval(self) -> dict[str, Any]:
        """The shape ``shared/eval/score.py`` reads."""
        return {
            "kind": self.kind,
            "headline": self.headline,
            "subheadline": self.subheadline,
            "byline": self.byline,
            "authors": list(self.authors),
            "photographers": list(self.photographers),
            "blocks": [{"kind": b.kind, "text": b.text} for b in self.blocks],
        }

    def to_json(self) -> dict[str, Any]:
        """Everything, for ``banmian segment`` and debugging."""
        d = self.to_eval()
        d.update(kicker=self.kicker, continued_from=self.continued_from,
                 continued_to=self.continued_to, first_line=self.first_line)
        return d


# Why a piece of page text is not in any article. Every reason is one of these.
ResidueReason = Literal[
    "page_furniture",      # dates, page numbers and names, editor lines
    "duplicate_crosshead", # second copy of a crosshead the PDF drew twice
    "decoration",          # subtitle dashes, bullets, box marks, jump-marker brackets
    "unassigned",          # text no article could claim (labels, stray lines, sidebars)
]


@dataclass(frozen=True, slots=True)
class Residue:
    """Page text that is kept out of every article, with the reason why."""

    text: str
    reason: ResidueReason
    line: int  # 1-based line of the page where it stands


@dataclass(slots=True)
class PageResult:
    """What segmentation makes of one page."""

    articles: list[Article]
    residue: list[Residue]
    meta: dict[str, str] = field(default_factory=dict)  # e.g. date, page_no, page_name, editor

    def to_eval(self) -> dict[str, Any]:
        return {"articles": [a.to_eval() for a in self.articles]}

    def to_json(self) -> dict[str, Any]:
        return {
            "articles": [a.to_json() for a in self.articles],
            "residue": [asdict(r) for r in self.residue],
            "meta": dict(self.meta),
        }


@dataclass(frozen=True, slots=True)
class RawFile:
    """A discovered input file, before it is read."""

    path: str   # as given/discovered, absolute
    size: int
    mtime: float


@dataclass(frozen=True, slots=True)
class DecodedPage:
    """A page's text, decoded, with the facts needed to store it once."""

    path: str
    sha256: str      # of the raw bytes: the page's identity
    size: int        # bytes
    mtime: float
    encoding: str    # e.g. utf-8, utf-8-sig, utf-16, gb18030
    text: str        # decoded; line ends normalised to \n


#: Reject reasons that flag a page which was loaded all the same (a warning, not a rejection):
#: the warehouse records them in ``rejects`` but keeps the page current.
WARNING_REASONS: Final[frozenset[str]] = frozenset({"no_articles"})


@dataclass(frozen=True, slots=True)
class Reject:
    """An input that could not become a page, and why. Never stops a run.

    With a reason in ``WARNING_REASONS`` it is a warning about a page that
    was loaded all the same (e.g. ``no_articles``).
    """

    path: str
    reason: str       # short machine-readable code, e.g. empty, binary, not_text, unreadable, vanished, is_directory, broken_symlink, no_articles
    detail: str       # one human sentence
    size: int | None

    @property
    def is_warning(self) -> bool:
        """True if the file was loaded as a page despite this reject (see ``WARNING_REASONS``)."""
        return self.reason in WARNING_REASONS
