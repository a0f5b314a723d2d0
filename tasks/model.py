"""The shapes that flow between banmian's stages.

Every stage is a pure function from one of these to the next, so each can be
tested alone and wrapped by a thin Prefect task. Nothing here imports Prefect
or DuckDB.

    RawFile --decode--> DecodedPage --segment--> PageResult --records--> rows
    RunInfo --commit (the warehouse writer)--> RunSummary
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Final, Literal, TypedDict, get_args

BlockKind = Literal["p", "h"]
ArticleKind = Literal["news", "photo", "feature"]
ARTICLE_KINDS: Final[tuple[str, ...]] = get_args(ArticleKind)


@dataclass(frozen=True, slots=True)
class Block:
    """One block of an article body: a paragraph (``p``) or a crosshead (``h``)."""

    kind: BlockKind
    text: str


@dataclass(slots=True)
class Article:
    """One article as printed, with its credits parsed.

    ``byline`` is the credit as printed (normalised: full-width brackets, no
    letterspacing, one space between role and names); ``authors`` and
    ``photographers`` are the names in it. ``continued_from``/``continued_to``
    hold jump markers such as ``上接第一版`` as metadata, never as body text.
    """

    kind: ArticleKind
    headline: str | None = None
    subheadline: str | None = None
    byline: str | None = None
    authors: list[str] = field(default_factory=list)
    photographers: list[str] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    kicker: str | None = None
    continued_from: str | None = None
    continued_to: str | None = None
    first_line: int = 0  # 1-based line of the page where the article's first part stands
    confidence: float = 1.0  # the probability that its body is exactly right (segment.confidence)
    review: str | None = None  # when confidence is low: which decision to check, in words

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
                 continued_to=self.continued_to, first_line=self.first_line,
                 confidence=self.confidence, review=self.review)
        return d


# Why a piece of page text is not in any article. Every reason is one of these.
ResidueReason = Literal[
    "page_furniture",      # dates, page numbers and names, editor lines
    "duplicate_crosshead", # second copy of a crosshead the PDF drew twice
    "decoration",          # subtitle dashes, bullets, box marks, jump-marker brackets
    "unassigned",          # text no article could claim (labels, stray lines, sidebars)
    "control_char",        # stray control characters (a NUL, a DEL) that decoding kept out of the text
]
RESIDUE_REASONS: Final[tuple[str, ...]] = get_args(ResidueReason)


@dataclass(frozen=True, slots=True)
class Residue:
    """Page text that is kept out of every article, with the reason why."""

    text: str
    reason: ResidueReason
    line: int  # 1-based line of the page where it stands

    def to_json(self) -> dict[str, Any]:
        """Its fields as a dict: what ``asdict`` gives, without its deep copy (a page's digest takes every
        residue's, issue 19)."""
        return {"text": self.text, "reason": self.reason, "line": self.line}


class PageMeta(TypedDict, total=False):
    """What a page's own furniture says about it (and, for a PDF page, its source and geometry): the
    contract between segmentation and the ``pages`` table.

    Every key is optional (most pages print only some of them); each value is
    the text as printed, spaces folded. The warehouse stores exactly these
    keys as columns of ``pages``.
    """

    date: str        # 2023年8月25日 星期五
    page_no: str     # 3, A3, 十二: the number of 第3版 / A3 / 第十二版
    page_name: str   # 社会民生: the name printed beside the number
    editor: str      # 责任编辑：张三 版式：李四
    sections: str    # section labels printed on the page (图片新闻 要闻简报), space-separated
    source_kind: str  # pdf for a page read from a PDF (absent: text); set by ``tasks/pdf/pages.py``
    geometry: str    # a PDF page's make-up as JSON: body_size, leading, columns, display_sizes, regions


#: The keys of :class:`PageMeta`, in the order the ``pages`` table stores them.
PAGE_META_KEYS: Final[tuple[str, ...]] = tuple(PageMeta.__annotations__)


#: Where a page's issue date (or page number) was read: its own furniture, the file's path, or nowhere.
DateSource = Literal["furniture", "path", "none"]
DATE_SOURCES: Final[tuple[str, ...]] = get_args(DateSource)


@dataclass(frozen=True, slots=True)
class PageDating:
    """Which issue a page belongs to and where it stands in it, and where each fact was read
    (``banmian.tasks.ingest.dating``): the page's furniture first, else its file's path."""

    issue_date: date | None = None
    date_source: DateSource = "none"
    paper: str | None = None       # only a path names it (rmrb2018010207.txt, --path-pattern's paper group)
    page_no: str | None = None     # 3 for 第3版, 第三版 or …/03.txt; A3 as printed
    page_name: str | None = None   # 综合新闻, as printed beside the number
    page_source: DateSource = "none"


@dataclass(slots=True)
class PageResult:
    """What segmentation makes of one page (``dating``: set by the ingest step that knows its path;
    None: read from the path's conventions when it is stored, ``banmian.tasks.store.records``)."""

    articles: list[Article]
    residue: list[Residue]
    meta: PageMeta = field(default_factory=lambda: PageMeta())
    dating: PageDating | None = None

    def to_eval(self) -> dict[str, Any]:
        return {"articles": [a.to_eval() for a in self.articles]}

    def to_json(self) -> dict[str, Any]:
        return {
            "articles": [a.to_json() for a in self.articles],
            "residue": [r.to_json() for r in self.residue],
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
    encoding: str    # e.g. utf-8, utf-8-sig, utf-16, gb18030, big5
    text: str        # decoded; line ends normalised to \n; stray control characters taken out
    #: The stray control characters taken out of ``text``, as ``control_char`` residue rows (with their lines).
    control_chars: tuple[Residue, ...] = ()


#: Reject reasons that flag a page which was loaded all the same (a warning, not a rejection):
#: the warehouse records them in ``rejects`` but keeps the page current.
WARNING_REASONS: Final[frozenset[RejectReason]] = frozenset({"no_articles"})


#: Why an input did not become a page (or, for the ``WARNING_REASONS``, a flag on a page loaded all the same).
RejectReason = Literal[
    "empty",             # 0 bytes, or only whitespace
    "binary",            # control bytes or NULs: not a text file
    "not_text",          # no encoding reads it as text
    "not_chinese",       # text, but Japanese, Korean, English or another non-Chinese language
    "bad_file_name",     # its path is not valid UTF-8 (or has control characters): it cannot be stored as text
    "too_complex",       # over a per-page limit: lines, characters (``decode.MAX_PAGE_*``), time (``text.budget``)
    "unreadable",        # the OS refused to read it
    "vanished",          # gone between discovery and read
    "is_directory",      # a directory named like a page
    "broken_symlink",    # a link to nothing, or a loop
    "not_regular_file",  # a FIFO, socket or device
    "too_large",         # over ``discover.MAX_FILE_BYTES``
    "segment_error",     # segmentation raised on it (a bug): the rest of the run goes on
    "batch_failed",      # its batch's task failed
    "no_articles",       # loaded, but no article found (a warning)
    "no_text_layer",     # a PDF page with no text layer (a scan): OCR it first
    "encrypted_pdf",     # a PDF that opens only with a password
    "damaged_pdf",       # a PDF that PDFium cannot open
]
REJECT_REASONS: Final[tuple[str, ...]] = get_args(RejectReason)


@dataclass(frozen=True, slots=True)
class Reject:
    """An input that could not become a page, and why. Never stops a run.

    With a reason in ``WARNING_REASONS`` it is a warning about a page that
    was loaded all the same (e.g. ``no_articles``).
    """

    path: str
    reason: RejectReason
    detail: str       # one human sentence
    size: int | None

    @property
    def is_warning(self) -> bool:
        """True if the file was loaded as a page despite this reject (see ``WARNING_REASONS``)."""
        return self.reason in WARNING_REASONS


#: How a committed run ended: ``partial`` if some input was rejected or unaccounted for.
RunStatus = Literal["complete", "partial"]
RUN_STATUSES: Final[tuple[str, ...]] = get_args(RunStatus)


@dataclass
class RunInfo:
    """What the orchestration knows about a run before it commits.

    ``partial`` lets the orchestration mark a run whose tasks partly failed; ``models`` names the
    learned segmentation models that read its pages (``segment.models_version``), so a change in
    the articles can be traced to a retrained model.
    """

    run_id: str
    started_at: datetime
    source: str
    pages_found: int
    partial: bool = False
    models: str | None = None


@dataclass
class RunSummary:
    """What a committed run did: the numbers of its ``runs`` row, and where it went.

    ``report_error`` is set by the ingest flow after the commit when the warehouse's report could not
    be drawn (why, in one line): the load stands, but the run ends partial for the user (exit 1). The
    run's ``runs`` row gets it too, by a transaction of its own (``runs.report_error``, schema 9).
    """

    run_id: str
    pages_loaded: int
    pages_skipped: int
    pages_replaced: int
    articles: int
    residue_chars: int            # visible characters of the residue of the pages written
    residue_share: float | None   # see ``banmian.tasks.store.coverage``; None if no page was written
    rejects: int
    status: RunStatus
    warehouse: str
    duration_s: float
    report_error: str | None = None
