"""Jump markers (（上接第一版）, （下转第3版）): an article's continuation, kept as metadata and never as text."""

from __future__ import annotations

import re

from banmian.tasks.model import Article, Residue
from banmian.tasks.text.lines import JUMP_FROM_PREFIX_RE, JUMP_TO_SUFFIX_RE
from banmian.tasks.text.segment.units import Unit, replace_first_line, set_para_text


def brackets_of(text: str) -> str:
    """A jump marker's brackets: residue once its words are kept as metadata.

    >>> brackets_of("（上接第一版）")
    '（）'
    """
    return "".join(ch for ch in text if ch in "（）()")


def marker_words(text: str) -> str:
    """A jump marker's words, without its brackets and the spaces of letterspacing: the jump kept as metadata.

    >>> marker_words("（ 上 接 第 13 版 ）"), marker_words("下转第3版")
    ('上接第13版', '下转第3版')
    """
    return "".join(text.split()).strip("（）()")


def take_inline_jumps(unit: Unit, residue: list[Residue]) -> None:
    """（上接第一版） opening the text and （下转第3版） closing it are metadata.

    A unit that has jump metadata already (from a marker line) keeps it: the
    marker in its text is then decoration as a whole.
    """
    _take_jump_from(unit, residue)
    if unit.paras:
        _take_jump_to(unit, residue)


def _take_jump_from(unit: Unit, residue: list[Residue]) -> None:
    """（上接第一版） opening the unit's first line."""
    first = unit.paras[0]
    m = JUMP_FROM_PREFIX_RE.match(first.lines[0].text)
    if not m:
        return
    unit.jump_from = _read_marker(unit, unit.jump_from, m, first.first_line, residue)
    replace_first_line(unit, 0, first.lines[0].text[m.end():])


def _take_jump_to(unit: Unit, residue: list[Residue]) -> None:
    """（下转第3版） closing the unit's last paragraph."""
    last = unit.paras[-1]
    text = last.text
    m = JUMP_TO_SUFFIX_RE.search(text) if "转" in text else None  # every jump-to marker holds 转
    if not m:
        return
    unit.jump_to = _read_marker(unit, unit.jump_to, m, last.lines[-1].no, residue)
    set_para_text(unit, len(unit.paras) - 1, text[:m.start()])


def _read_marker(unit: Unit, known: str | None, m: re.Match[str], line: int, residue: list[Residue]) -> str:
    """The unit's jump once marker ``m`` in its text is read: the marker's words, unless a jump is ``known``.

    Words kept as metadata leave the marker's brackets as decoration; when
    the unit had its jump already (from a marker line) the whole marker is.
    """
    if known is not None:
        residue.append(Residue(m.group(0).strip(), "decoration", line))
        return known
    text = marker_words(m.group(1))
    unit.inline_jumps.append(text)
    residue.append(Residue(brackets_of(m.group(0)), "decoration", line))
    return text


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
