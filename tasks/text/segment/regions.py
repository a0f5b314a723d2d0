"""Classified lines grouped into regions: runs of prose, groups of heading lines, single structural lines."""

from __future__ import annotations

from banmian.tasks.text.lines import BLANK, BULLET, BYLINE, CREDIT, DATELINE, HEAD, PROSE, ROLE, SUBTITLE, Line, next_nonblank


def regions(lines: list[Line]) -> list[tuple[str, list[Line]]]:
    """Split classified lines into prose regions and single structural lines.

    A prose region is a run of PROSE/DATELINE lines with the blanks among them;
    heading lines (with the blanks between them) form one 'head' region.
    """
    out: list[tuple[str, list[Line]]] = []
    i, n = 0, len(lines)
    while i < n:
        ln = lines[i]
        if ln.kind in (PROSE, DATELINE, BULLET):
            j = i
            while j < n and lines[j].kind in (PROSE, DATELINE, BULLET, BLANK):
                j += 1
            out.append(("prose", lines[i:j]))
            i = j
        elif ln.kind in (HEAD, SUBTITLE, BYLINE) or (ln.kind == ROLE and not _role_starts_credit(lines, i)):
            j = i
            grp: list[Line] = []
            subtitle_done = False  # a subtitle was followed by a blank line
            while j < n and (lines[j].kind in (HEAD, SUBTITLE, BYLINE, BLANK)
                             or (lines[j].kind == ROLE and not _role_starts_credit(lines, j))):
                if lines[j].kind != BLANK:
                    if lines[j].kind == HEAD and grp and (grp[-1].kind == BYLINE or subtitle_done):
                        break  # a byline or a finished subtitle closes its headline block
                    grp.append(lines[j])
                elif j + 1 < n and lines[j + 1].kind == BLANK:
                    break  # two blank lines end a group
                else:
                    subtitle_done = any(ln.kind == SUBTITLE for ln in grp)
                j += 1
            out.append(("head", grp))
            i = j
        elif ln.kind == ROLE:  # first half of a two-line photo credit
            k = next_nonblank(lines, i + 1)
            out.append(("credit", [ln, lines[k]]))
            i = k + 1
        elif ln.kind == BLANK:
            i += 1
        else:
            out.append((ln.kind, [ln]))
            i += 1
    return out


def _role_starts_credit(lines: list[Line], i: int) -> bool:
    k = next_nonblank(lines, i + 1)
    return k < len(lines) and lines[k].kind == CREDIT
