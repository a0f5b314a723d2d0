"""Paragraphs cut by a column jump, rejoined with their far-away tails."""

from __future__ import annotations

from typing import Final

from banmian.tasks.text.lexicon import break_splits_word
from banmian.tasks.text.paragraphs import Paragraph, broke_before_a_number
from banmian.tasks.text.segment.units import Unit, remove_para, unfinished_before_break

#: Score a far-away paragraph must reach to complete an unfinished one.
#: Each signal is worth 1 (a full, unindented first line; being the last
#: paragraph of its article, where moved tails land; a join that forms a
#: dictionary word); one strong signal is not enough on its own. A first
#: line short only because the number after it would not fit is worth half:
#: it may be an indent as well (seed 11's set: one such tail found, seed 7's:
#: one paragraph start taken for a tail).
TAIL_MIN_SCORE: Final = 1.5
#: Score a tail under a crosshead must reach: every signal at once (full first line, last place, a word
#: across the join). A box set at a column's top reads before the tail of the section it heads, whose
#: start the extractor emitted elsewhere (wild 013107: 从覆盖范围… over ``导干部…``, cut at ``党员领``);
#: under a crosshead anything less is a section's own first paragraph (gate, pagegen: none score 3).
TAIL_UNDER_HEAD_MIN_SCORE: Final = 3.0


def rejoin_tails(unit: Unit) -> None:
    """Rejoin a paragraph cut by a column jump with its far-away tail.

    A paragraph cannot end without sentence-final punctuation, so an
    unfinished one followed by a crosshead or the end of its run continues
    elsewhere: in the later paragraph of the same article that best looks
    like a continuation (``_tail_score``).
    """
    i = 0
    while i < len(unit.paras):
        if unfinished_before_break(unit, i):
            j = _tail_of(unit, i)
            if j is not None:
                _move_heads_of_tail(unit, j, i)
                unit.paras[i].append(unit.paras[j])
                remove_para(unit, j)
        i += 1


def _move_heads_of_tail(unit: Unit, j: int, i: int) -> None:
    """The crossheads over tail ``j`` head the section it ends: they move over paragraph ``i``, which it completes."""
    heads = unit.crossheads_before.pop(j, [])
    if heads:
        unit.crossheads_before[i] = heads + unit.crossheads_before.get(i, [])


def _tail_of(unit: Unit, i: int) -> int | None:
    """The later paragraph that best continues paragraph ``i`` (the first of equal ones), if any scores enough."""
    paras = unit.paras
    best: tuple[float, int] | None = None
    for j in range(i + 1, len(paras)):
        if not _may_be_a_tail(unit, j):
            continue
        score = _tail_score(paras[i], paras[j], j == len(paras) - 1)
        least = TAIL_UNDER_HEAD_MIN_SCORE if j in unit.crossheads_before else TAIL_MIN_SCORE
        if score >= least and (best is None or score > best[0]):
            best = (score, j)
    return None if best is None else best[1]


def _may_be_a_tail(unit: Unit, j: int) -> bool:
    """Paragraph ``j`` opens no story and follows a finished paragraph."""
    return not unit.paras[j].dateline and unit.paras[j - 1].terminated


def _tail_score(p: Paragraph, q: Paragraph, is_last: bool) -> float:
    """How much ``q`` looks like the tail of ``p``: a full first line, the last place, a word across the join."""
    if not q.indented:
        score = 1.0
    else:
        score = 0.5 if broke_before_a_number(q.lines, q.column) else 0.0
    score += 1.0 if is_last else 0.0
    score += 1.0 if break_splits_word(p.lines[-1].text, q.lines[0].text) else 0.0
    return score
