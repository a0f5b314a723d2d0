"""The shapes segmentation works on: units of page content and the heading groups between them.

A *unit* is a run of page content that belongs to one article (or is a
photo caption): a story opened by a dateline, a brief opened by its bullet,
orphan prose with neither, a caption closed by a photo credit, or a lead
(a heading group with its own byline). Heading groups stand between units
until ``assignment`` gives their lines to a neighbour. The paragraph edits
here keep a unit's crossheads on the paragraphs they head.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from banmian.tasks.model import PageMeta, Residue
from banmian.tasks.text.credits import Credit
from banmian.tasks.text.lexicon import bigram_set
from banmian.tasks.text.lines import BYLINE, Line, PROSE
from banmian.tasks.text.paragraphs import Paragraph


@dataclass(slots=True, init=False)
class HeadGroup:
    """Heading lines standing together between two units."""

    lines: list[Line]
    prev: int | None   # index of the unit before it
    next: int | None   # index of the unit after it

    # Written out, not generated: mypyc compiles an __init__ in the source (see ``Line``).
    def __init__(self, lines: list[Line], prev: int | None = None, next: int | None = None) -> None:
        self.lines = lines
        self.prev = prev
        self.next = next

    @property
    def is_lead(self) -> bool:
        """A group with its own byline heads its own article (its text follows)."""
        return any(ln.kind == BYLINE for ln in self.lines)


@dataclass(slots=True, init=False)
class Unit:
    """A run of page content that belongs to one article (or is a caption)."""

    kind: str                                # story | orphan | photo | lead
    paras: list[Paragraph]
    crossheads_before: dict[int, list[str]]  # para index -> crossheads
    head: list[Line] | None                  # heading lines given to it
    credit: Credit | None
    credit_lines: list[Line]
    lead_lines: list[Line]
    jump_from: str | None
    jump_to: str | None
    scattered: bool                          # a lead that gathered orphan runs
    inline_jumps: list[str]                  # jump texts taken out of its text as metadata

    # Written out, not generated: mypyc compiles an __init__ in the source (see ``Line``). A unit
    # starts with no text; a lead with its head's lines, a caption with its credit.
    def __init__(self, kind: str, *, lead_lines: list[Line] | None = None, credit: Credit | None = None,
                 credit_lines: list[Line] | None = None) -> None:
        self.kind = kind
        self.paras = []
        self.crossheads_before = {}
        self.head = None
        self.credit = credit
        self.credit_lines = [] if credit_lines is None else credit_lines
        self.lead_lines = [] if lead_lines is None else lead_lines
        self.jump_from = None
        self.jump_to = None
        self.scattered = False
        self.inline_jumps = []

    def body_text(self) -> str:
        return "".join(p.text for p in self.paras)

    def body_grams(self) -> frozenset[str]:
        return bigram_set(self.body_text())


@dataclass(slots=True)
class Page:
    units: list[Unit]
    groups: list[HeadGroup]
    residue: list[Residue]
    meta: PageMeta
    jumps: list[tuple[str, int]]  # jump markers (text without brackets, line)
    stacked: list[tuple[Unit, list[Line]]] = field(default_factory=list)  # heads a unit took as crossheads at its top


def remove_para(unit: Unit, j: int) -> None:
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
    unit.paras[i] = Paragraph([Line(para.first_line, text, 0.0, PROSE)], para.column, para.terminated,
                              para.indented, False, para.bullet)
