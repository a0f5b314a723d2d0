"""Jump markers (（上接第一版）, （下转第3版）): an article's continuation, kept as metadata and never as text."""

from __future__ import annotations

from typing import Final

from banmian.tasks.model import Article, Residue
from banmian.tasks.text.lines import JUMP_FROM_PREFIX_RE, JUMP_TO_SUFFIX_RE
from banmian.tasks.text.segment.units import Unit, replace_first_line, set_para_text

#: Words that open a jump-from marker (（上接第一版）): the text goes on from another page.
JUMP_FROM_WORDS: Final = ("上接", "接上", "接第")


def brackets_of(text: str) -> str:
    """A jump marker's brackets: residue once its words are kept as metadata.

    >>> brackets_of("（上接第一版）")
    '（）'
    """
    return "".join(ch for ch in text if ch in "（）()")


def take_inline_jumps(unit: Unit, residue: list[Residue]) -> None:
    """（上接第一版） opening the text and （下转第3版） closing it are metadata."""
    first = unit.paras[0]
    m = JUMP_FROM_PREFIX_RE.match(first.lines[0].text)
    if m:
        kept = unit.jump_from is None
        if kept:
            unit.jump_from = m.group(1).strip()
            unit.inline_jumps.append(unit.jump_from)
        residue.append(_marker_residue(m.group(0), kept, first.first_line))
        replace_first_line(unit, 0, first.lines[0].text[m.end():])
    if not unit.paras:
        return
    last = unit.paras[-1]
    text = last.text
    m = JUMP_TO_SUFFIX_RE.search(text) if "转" in text else None  # every jump-to marker holds 转
    if m:
        kept = unit.jump_to is None
        if kept:
            unit.jump_to = m.group(1).strip()
            unit.inline_jumps.append(unit.jump_to)
        residue.append(_marker_residue(m.group(0), kept, last.lines[-1].no))
        set_para_text(unit, len(unit.paras) - 1, text[:m.start()])


def _marker_residue(marker: str, kept: bool, line: int) -> Residue:
    """A jump marker's brackets when its text became metadata; the whole marker when the unit had one already."""
    return Residue(brackets_of(marker) if kept else marker.strip(), "decoration", line)


def keep_unclaimed_jumps(jumps: list[tuple[str, int]], articles: list[Article], inline_jumps: list[str],
                          residue: list[Residue]) -> None:
    """A jump marker line no article kept as metadata goes to residue.

    Articles' jump metadata taken from markers inside their text
    (``inline_jumps``) claims no marker line.
    """
    claimed = [x for a in articles for x in (a.continued_from, a.continued_to) if x]
    for text in inline_jumps:
        if text in claimed:
            claimed.remove(text)
    for text, no in jumps:
        if text in claimed:
            claimed.remove(text)
        else:
            residue.append(Residue(text, "unassigned", no))
