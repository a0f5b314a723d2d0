"""Classified lines grouped into regions: runs of prose, groups of heading lines, single structural lines.

>>> from banmian.tasks.text.lines import classify_page
>>> page = classify_page("开展安全检查\\n\\n本报讯（记者 王芳）今天，全市开展安全\\n检查。\\n")
>>> [(r.kind, [ln.no for ln in r.lines]) for r in regions(page)]
[('head', [1]), ('prose', [3, 4, 5])]
"""

from __future__ import annotations

from typing import Final, NamedTuple

from banmian.tasks.text.lines import (BLANK, BULLET, BYLINE, CREDIT, DATELINE, HEAD, PROSE, ROLE, SUBTITLE, Line,
                                      next_nonblank)

_PROSE_KINDS: Final = (PROSE, DATELINE, BULLET)
_PROSE_OR_BLANK: Final = (*_PROSE_KINDS, BLANK)
_HEADING_KINDS: Final = (HEAD, SUBTITLE, BYLINE)


class Region(NamedTuple):
    """Lines read together: ``prose`` (with the blanks among them), ``head`` (a heading group,
    blanks left out), ``credit`` (a photo credit over two lines), or one line of its own kind."""

    kind: str
    lines: list[Line]


def regions(lines: list[Line]) -> list[Region]:
    """Split classified lines into prose regions, heading groups and single structural lines.

    A prose region is a run of PROSE/DATELINE/BULLET lines with the blanks
    among them; heading lines (with the blanks between them) form one
    'head' region. Blank lines between regions belong to none.
    """
    out: list[Region] = []
    i = 0
    while i < len(lines):
        if lines[i].kind == BLANK:
            i += 1
            continue
        region, i = _region_at(lines, i)
        out.append(region)
    return out


def _region_at(lines: list[Line], i: int) -> tuple[Region, int]:
    """The region that starts at line ``i`` (not blank), and the index after it."""
    kind = lines[i].kind
    if kind in _PROSE_KINDS:
        j = i
        while j < len(lines) and lines[j].kind in _PROSE_OR_BLANK:
            j += 1
        return Region("prose", lines[i:j]), j
    if _is_heading(lines, i):
        return _head_region(lines, i)
    if kind == ROLE:  # first half of a two-line photo credit
        k = next_nonblank(lines, i + 1)
        return Region("credit", [lines[i], lines[k]]), k + 1
    return Region(kind, [lines[i]]), i + 1


def _is_heading(lines: list[Line], i: int) -> bool:
    """A heading, subtitle or byline line, or a role word alone that opens no photo credit."""
    kind = lines[i].kind
    return kind in _HEADING_KINDS or (kind == ROLE and not _role_starts_credit(lines, i))


def _role_starts_credit(lines: list[Line], i: int) -> bool:
    """The role word at line ``i`` is the first half of a photo credit: the next line that is not blank is one."""
    k = next_nonblank(lines, i + 1)
    return k < len(lines) and lines[k].kind == CREDIT


def _head_region(lines: list[Line], i: int) -> tuple[Region, int]:
    """The heading group that starts at line ``i``, and the index after it.

    Two blank lines end a group; so does a heading line after a byline, or
    after a subtitle that a blank line followed (each closes its headline
    block).
    """
    group: list[Line] = []
    subtitle_done = False  # a subtitle was followed by a blank line
    j = i
    while j < len(lines) and (lines[j].kind == BLANK or _is_heading(lines, j)):
        ln = lines[j]
        if ln.kind != BLANK:
            if _closes_headline_block(ln, group, subtitle_done):
                break
            group.append(ln)
        elif j + 1 < len(lines) and lines[j + 1].kind == BLANK:
            break
        else:
            subtitle_done = any(x.kind == SUBTITLE for x in group)
        j += 1
    return Region("head", group), j


def _closes_headline_block(line: Line, group: list[Line], subtitle_done: bool) -> bool:
    """A heading line after a byline, or after a subtitle and a blank, starts another group."""
    return line.kind == HEAD and bool(group) and (group[-1].kind == BYLINE or subtitle_done)
