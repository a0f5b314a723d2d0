"""How a story's text opens: with a bullet, a lead (its headline, bold in print), or a dateline.

A brief in a column of briefs, or a story set beside another with no heading of its own, shows
that it starts here by one of these; text that goes on from a column before shows none.
"""

from __future__ import annotations

import re
from typing import Final

from banmian.tasks.pdf.credits import dateline
from banmian.tasks.text.chars import BULLET_MARKS

#: A lead is this many characters at most (a brief's bold lead is one short line or two).
LEAD_MAX_CHARS: Final = 32
#: The gap after a lead: an ideographic space, two spaces, or one space between Chinese characters.
LEAD_GAP_RE: Final = re.compile(r"\u3000|\s{2,}|(?<=[\u4e00-\u9fff])\s(?=[\u4e00-\u9fff“《])")
#: Characters a dateline opens with (本报…, 新华社…, 《…》讯, （据…）): only there is one looked for.
DATELINE_OPENINGS: Final = "本新中人《（(据"
#: Marks no lead holds: a lead is a title, not a sentence.
SENTENCE_MARKS: Final = "。，；！？"
#: Bullets that open a brief: the text rules' marks and the white circle papers set in brief columns
#: (``○海南超额完成发行任务``), before the brief's first character.
BULLETS: Final = BULLET_MARKS + "○"
_BULLET_RE: Final = re.compile(f"^\\s*[{BULLETS}]\\s*[\u4e00-\u9fff“《0-9０-９]")


def opens_with_bullet(text: str) -> bool:
    """A line or paragraph that opens with a brief's bullet.

    >>> opens_with_bullet("○海南超额完成发行任务"), opens_with_bullet("●新华社北京电"), opens_with_bullet("○、")
    (True, True, False)
    """
    return _BULLET_RE.match(text) is not None


def opens_brief(text: str) -> bool:
    """A paragraph that opens a brief: a bullet, a dateline, or a lead before a dateline."""
    mark, lead, rest = split_lead(text)
    return bool(mark) or dateline(text) is not None or (bool(lead) and dateline(rest) is not None)


def split_lead(text: str) -> tuple[str, str, str]:
    """(bullet, lead, rest) of a brief's first paragraph; the lead is its headline.

    A lead stands before a gap, or right before the dateline it is set against; with a bullet
    and a gap no dateline is needed.

    >>> split_lead("◆海南超额完成发行任务本报海口1月2日电 记者鲍洪俊报道：")
    ('◆', '海南超额完成发行任务', '本报海口1月2日电 记者鲍洪俊报道：')
    >>> split_lead("●城区供暖完工 记者从市住建局获悉")
    ('●', '城区供暖完工', '记者从市住建局获悉')
    """
    body = text.strip()
    mark = body[:1] if opens_with_bullet(body) else ""
    body = body[len(mark):].lstrip()
    if dateline(body) is not None:
        return mark, "", body
    k = _lead_before_dateline(body)
    if k:
        return mark, body[:k].strip(), body[k:]
    m = LEAD_GAP_RE.search(body[:LEAD_MAX_CHARS + 2])
    if m and _is_lead(body[:m.start()]) and (mark or dateline(body[m.end():]) is not None):
        return mark, body[:m.start()].strip(), body[m.end():].strip()
    return mark, "", body


def _lead_before_dateline(body: str) -> int:
    """Where a lead set right against its dateline ends (0: none), within the lead's first sentence."""
    for k in range(2, min(len(body), LEAD_MAX_CHARS + 1)):
        if body[k - 1] in SENTENCE_MARKS:
            return 0
        if body[k] in DATELINE_OPENINGS and dateline(body[k:]) is not None and _is_lead(body[:k]):
            return k
    return 0


def _is_lead(text: str) -> bool:
    t = text.strip()
    return 2 <= len(t) <= LEAD_MAX_CHARS and not any(c in SENTENCE_MARKS for c in t)
