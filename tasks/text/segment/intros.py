"""An essay's intro printed far from its sections: the text that opens the essay is given back to it.

Theory pages set an essay's intro wide under its headline, across the columns its sections run in;
pdftotext emits that block apart from the columns, often among the page's headlines or under another
essay's byline. The essay is left opening on a crosshead, which no essay does (a section heading
follows an opening), and the intro becomes a short text of its own, headless or under a stray head.
"""

from __future__ import annotations

from typing import Final

from banmian.tasks.model import Residue
from banmian.tasks.text.lexicon import break_splits_word, overlap
from banmian.tasks.text.paragraphs import Paragraph
from banmian.tasks.text.segment.headlines import heading_words
from banmian.tasks.text.segment.units import Unit, remove_para, unfinished_before_break

#: Share of the essay's heading words (headline and crossheads) its intro restates, at least.
#: Calibration: the wild intros restate 0.40-0.60 of them; the next-best short texts 0.27 at most.
INTRO_MIN_FIT: Final = 0.35
#: Crossheads (sections) an essay missing its opening has at least: one heading over a text may be its headline.
ESSAY_MIN_SECTIONS: Final = 2
#: Paragraphs an intro set apart holds at most (the wild ones hold one or two).
INTRO_MAX_PARAS: Final = 2


def give_back_intros(units: list[Unit], residue: list[Residue]) -> list[Unit]:
    """Each essay that opens on a crosshead takes, as its opening, the short text that restates its heads best.

    The intro must be a text of no credit and no crossheads; when both have a headline of their own,
    the essay's stays and the intro's goes to the residue. Returns the units left.
    """
    taken: set[int] = set()
    for essay in units:
        if not _opens_on_a_crosshead(essay) or id(essay) in taken:
            continue
        intro = _best_intro(essay, [u for u in units if id(u) not in taken and u is not essay])
        if intro is not None:
            _prepend(essay, intro, residue)
            taken.add(id(intro))
    return [u for u in units if id(u) not in taken]


def _opens_on_a_crosshead(unit: Unit) -> bool:
    """The unit's text opens on a crosshead and has sections after it: an essay whose opening is elsewhere."""
    return bool(unit.paras) and 0 in unit.crossheads_before and len(unit.crossheads_before) >= ESSAY_MIN_SECTIONS \
        and unit.kind != "photo"


def _heads_of(unit: Unit) -> str:
    """The essay's heading words: its crossheads, and its headline when it has one."""
    words = "".join(h for heads in unit.crossheads_before.values() for h in heads)
    return words + (heading_words(unit.head) if unit.head else "")


def _may_be_an_intro(unit: Unit) -> bool:
    return bool(unit.paras) and len(unit.paras) <= INTRO_MAX_PARAS and not unit.crossheads_before \
        and unit.credit is None and unit.kind in ("orphan", "lead", "story") and not unit.jump_from


def _best_intro(essay: Unit, others: list[Unit]) -> Unit | None:
    words = _heads_of(essay)
    fits = [(overlap(words, u.body_grams()), i) for i, u in enumerate(others) if _may_be_an_intro(u)]
    if not fits:
        return None
    fit, i = max(fits)
    return others[i] if fit >= INTRO_MIN_FIT else None


def _prepend(essay: Unit, intro: Unit, residue: list[Residue]) -> None:
    """The intro's paragraphs open the essay; a headline the essay lacks comes from the intro's."""
    n = len(intro.paras)
    essay.paras = intro.paras + essay.paras
    essay.crossheads_before = {k + n: heads for k, heads in essay.crossheads_before.items()}
    if essay.head is None:
        essay.head = intro.head
    elif intro.head:
        residue.extend(Residue(ln.text, "unassigned", ln.no) for ln in intro.head)
    essay.lead_lines = intro.lead_lines + essay.lead_lines
    _send_tails_home(essay, n)


def _send_tails_home(essay: Unit, n: int) -> None:
    """A paragraph the intro's block brought (after its first ``n``) that completes a section's cut sentence goes there.

    pdftotext emits the block an intro spans with the tail of a column under it (wild 010407: the intro, then
    ``展跃升期。…``, the end of the section cut at ``…同步发``): a full first line whose first word the
    section's last line began is that section's, not the intro's.
    """
    for k in range(n - 1, 0, -1):
        home = _section_it_ends(essay, n, essay.paras[k])
        if home is not None:
            essay.paras[home].append(essay.paras[k])
            remove_para(essay, k)
            n -= 1


def _section_it_ends(essay: Unit, start: int, para: Paragraph) -> int | None:
    """The first of the essay's own paragraphs (``start`` on) cut mid-word before a break whose word ``para`` (a full first line) ends."""
    if para.indented or para.dateline:
        return None
    return next((i for i in range(start, len(essay.paras)) if unfinished_before_break(essay, i)
                 and break_splits_word(essay.paras[i].lines[-1].text, para.lines[0].text)), None)


def fill_empty_sections(units: list[Unit]) -> None:
    """In each essay, a section pdftotext printed after the rest fills the crosshead stacked with nothing under it.

    Two crossheads at one place head no text between them: the first one's section is printed elsewhere. When
    the essay's text opens with paragraphs printed further down the page than those after them (a headless text
    the essay took, placed first), and that text has no crosshead of its own, it is the missing section: it
    goes under the first crosshead of the stack. Nothing is lost; paragraphs only change places.
    """
    for unit in units:
        stack = _empty_section(unit)
        front = _front_printed_after(unit)
        if stack is not None and 0 < front < stack:
            _move_front_under_stack(unit, front, stack)


def _empty_section(unit: Unit) -> int | None:
    """The paragraph two or more crossheads stand straight before, with no text between them (the first such)."""
    return next((k for k, heads in sorted(unit.crossheads_before.items()) if len(heads) >= 2 and k > 0), None)


def _front_printed_after(unit: Unit) -> int:
    """How many paragraphs open the unit that are printed below the one after them: a text placed before its
    place on the page (0 when the unit opens in page order, or when those paragraphs hold a crosshead)."""
    paras = unit.paras
    back = next((m for m in range(1, len(paras)) if paras[m].first_line < paras[m - 1].first_line), 0)
    if any(0 < k < back for k in unit.crossheads_before) or 0 in unit.crossheads_before:
        return 0
    return back


def _move_front_under_stack(unit: Unit, front: int, stack: int) -> None:
    """``unit.paras[:front]`` go under the first crosshead standing before paragraph ``stack``."""
    paras = unit.paras
    unit.paras = paras[front:stack] + paras[:front] + paras[stack:]
    heads = {(k - front if k < stack else k): hs for k, hs in unit.crossheads_before.items() if k != stack}
    first, *rest = unit.crossheads_before[stack]
    heads[stack - front] = [first]
    heads[stack] = rest
    unit.crossheads_before = dict(sorted(heads.items()))
