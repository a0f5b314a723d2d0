"""The shapes segmentation works on: units of page content and the heading groups between them.

A *unit* is a run of page content that belongs to one article (or is a
photo caption): a story opened by a dateline, a brief opened by its bullet,
orphan prose with neither, a caption closed by a photo credit, or a lead
(a heading group with its own byline). Heading groups stand between units
until ``assignment`` gives their lines to a neighbour. The paragraph edits
here keep a unit's crossheads on the paragraphs they head.
"""

from __future__ import annotations

from dataclasses import KW_ONLY, dataclass, field
from typing import Final, Literal, NamedTuple, get_args

from banmian.tasks.model import PageMeta, Residue
from banmian.tasks.text.credits import Credit
from banmian.tasks.text.lexicon import bigram_set
from banmian.tasks.text.lines import BYLINE, PROSE, Line
from banmian.tasks.text.paragraphs import Paragraph
from banmian.tasks.text.segment.headlines import body_words

#: What a unit is: a story opened by a dateline, orphan prose (no dateline, no
#: headline of its own yet), a photo caption closed by a credit, a lead (heading
#: lines with their own byline, whose text follows), a brief opened by its bullet.
UnitKind = Literal["story", "orphan", "photo", "lead", "brief"]
UNIT_KINDS: Final[tuple[UnitKind, ...]] = get_args(UnitKind)


#: A scored decision that shaped a unit: a cut of its text (or one not made), a join to another text (or none).
DecisionKind = Literal["cut", "no_cut", "joined", "alone"]
DECISION_KINDS: Final[tuple[DecisionKind, ...]] = get_args(DecisionKind)


class Decision(NamedTuple):
    """One scored decision: its kind, the model's probability of yes, and the threshold yes needed.

    Its margin (how far the probability stood from the threshold) says how sure the decision was.
    """

    kind: DecisionKind
    probability: float
    threshold: float

    @property
    def margin(self) -> float:
        """0 on the threshold, 1 at certainty: ``|p - t|`` over the room on that side."""
        room = (1.0 - self.threshold) if self.probability >= self.threshold else self.threshold
        return abs(self.probability - self.threshold) / room if room else 1.0


@dataclass(slots=True)
class HeadGroup:
    """Heading lines standing together between two units."""

    lines: list[Line]
    prev: int | None = None   # index of the unit before it
    next: int | None = None   # index of the unit after it

    @property
    def is_lead(self) -> bool:
        """A group with its own byline heads its own article (its text follows)."""
        return any(ln.kind == BYLINE for ln in self.lines)


@dataclass(slots=True)
class Unit:
    """A run of page content that belongs to one article (or is a caption).

    A unit starts with no text; a lead with its head's lines, a caption with its credit.
    """

    kind: UnitKind
    _: KW_ONLY
    paras: list[Paragraph] = field(default_factory=list)
    crossheads_before: dict[int, list[str]] = field(default_factory=dict)  # para index -> crossheads
    head: list[Line] | None = None                          # heading lines given to it
    credit: Credit | None = None                            # a caption's photo credit
    credit_lines: list[Line] = field(default_factory=list)  # the lines of that credit
    lead_lines: list[Line] = field(default_factory=list)    # a lead's own heading, subtitle and byline lines
    jump_from: str | None = None                            # 上接第一版: where its text comes from
    jump_to: str | None = None                              # 下转第3版: where its text goes on
    scattered: bool = False                                 # a lead that gathered orphan runs
    split_off: bool = False                                 # cut off the text before it where the subject changed
    signed: bool = False                                    # closed by a note on its author and a name set after it
    decisions: list[Decision] = field(default_factory=list)  # the scored decisions that shaped it (confidence)
    inline_jumps: list[str] = field(default_factory=list)   # jump texts taken out of its text as metadata
    _scored: tuple[str, frozenset[str]] | None = field(default=None, init=False, repr=False, compare=False)

    def body_text(self) -> str:
        """Its paragraphs' text, joined: what heading lines are scored against."""
        return "".join(p.text for p in self.paras)

    def scored_bigrams(self) -> frozenset[str]:
        """The bigrams of its body's words (``headlines.body_words``): what heading lines are scored against.

        Head assignment and far heads score many heading lines against the same
        bodies: the bigrams are read once and kept, with the text they were read
        from, until that text changes.
        """
        text = self.body_text()
        if self._scored is None or self._scored[0] != text:
            self._scored = (text, bigram_set(body_words(text)))
        return self._scored[1]

    def body_grams(self) -> frozenset[str]:
        """The bigrams of its text (``lexicon.bigram_set``)."""
        return bigram_set(self.body_text())


@dataclass(slots=True)
class Page:
    """A page read as units (``reader.read_units``), with what the later stages decide about it."""

    units: list[Unit]
    groups: list[HeadGroup]
    residue: list[Residue]
    meta: PageMeta
    jumps: list[tuple[str, int]]  # jump markers (text without brackets, line)
    stacked: list[tuple[Unit, list[Line]]] = field(default_factory=list)  # heads a unit took as crossheads at its top


def unfinished_before_break(unit: Unit, i: int) -> bool:
    """Paragraph ``i`` stops mid-sentence before a crosshead or at the end of the unit's text: it goes on elsewhere."""
    return not unit.paras[i].terminated and ((i + 1) in unit.crossheads_before or i + 1 == len(unit.paras))


def remove_para(unit: Unit, j: int) -> None:
    """Paragraph ``j`` taken out; the crossheads over later paragraphs move up with them."""
    del unit.paras[j]
    shifted: dict[int, list[str]] = {}
    for k, heads in unit.crossheads_before.items():
        shifted.setdefault(k - 1 if k > j else k, []).extend(heads)
    unit.crossheads_before = shifted


def replace_first_line(unit: Unit, i: int, text: str) -> None:
    """Paragraph ``i`` with its first line's text replaced (dropped when empty)."""
    para = unit.paras[i]
    first = para.lines[0]
    rest = ([Line(first.no, text, first.width, first.kind)] if text.strip() else []) + para.lines[1:]
    if rest:
        unit.paras[i] = para.with_lines(rest)
    else:
        remove_para(unit, i)


def set_para_text(unit: Unit, i: int, text: str) -> None:
    """Paragraph ``i`` holds ``text`` once a credit or marker is cut off it (dropped when empty)."""
    para = unit.paras[i]
    if not text.strip():
        remove_para(unit, i)
        return
    unit.paras[i] = Paragraph([Line(para.first_line, text, 0.0, PROSE)], para.column, terminated=para.terminated,
                              indented=para.indented, bullet=para.bullet)
