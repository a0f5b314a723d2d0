"""Text with no heading over it: a column of briefs, each opened by its bullet, lead or dateline.

A briefs column is set as one run of paragraphs under a section label. Each brief opens with a
bullet (decoration), a lead set before its text (its headline, in bold in print: here the words
before a gap, or before the dateline that follows them), or a dateline; a paragraph that opens
with none of them goes on with the brief before it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Final

from banmian.tasks.pdf.credits import dateline
from banmian.tasks.pdf.flow import Flow
from banmian.tasks.text.chars import BULLET_MARKS
from banmian.tasks.text.clean import clean_heading
from banmian.tasks.text.lines import Line

#: A lead is this many characters at most (a brief's bold lead is one short line or two).
LEAD_MAX_CHARS: Final = 32
#: The gap after a lead: an ideographic space, two spaces, or one space between Chinese characters.
LEAD_GAP_RE: Final = re.compile(r"\u3000|\s{2,}|(?<=[\u4e00-\u9fff])\s(?=[\u4e00-\u9fff“《])")
#: Characters a dateline opens with (本报…, 新华社…, 《…》讯, （据…）): only there is one looked for.
DATELINE_OPENINGS: Final = "本新中人《（(据"
#: Marks no lead holds: a lead is a title, not a sentence.
SENTENCE_MARKS: Final = "。，；！？"


def pieces(flow: Flow) -> list[Flow]:
    """The flow cut before each paragraph that opens a brief (a bullet, a lead, a dateline).

    >>> from banmian.tasks.text.paragraphs import Paragraph
    >>> flow = Flow()
    >>> for i, t in enumerate(("●城区供暖完工 记者从市住建局获悉。", "改造惠及三万户。", "●新桥通车 本报讯（记者 王芳）今天。")):
    ...     flow.paras.append(Paragraph([Line(i + 1, t, 0.0, "prose")], 20.0)); flow.flush_right.append(False)
    >>> [len(p.paras) for p in pieces(flow)]
    [2, 1]
    """
    out: list[Flow] = []
    for i, para in enumerate(flow.paras):
        if not out or opens_brief(para.text):
            out.append(Flow())
        out[-1].paras.append(para)
        out[-1].flush_right.append(flow.flush_right[i])
        for head in flow.crossheads.get(i, []):
            out[-1].crossheads.setdefault(len(out[-1].paras) - 1, []).append(head)
    return out


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
    mark = body[:1] if body[:1] in BULLET_MARKS else ""
    body = body[len(mark):].lstrip()
    if dateline(body) is not None:
        return mark, "", body
    for k in range(2, min(len(body), LEAD_MAX_CHARS + 1)):
        if body[k - 1] in SENTENCE_MARKS:
            break
        if body[k] in DATELINE_OPENINGS and dateline(body[k:]) is not None and _is_lead(body[:k]):
            return mark, body[:k].strip(), body[k:]
    m = LEAD_GAP_RE.search(body[:LEAD_MAX_CHARS + 2])
    if m and _is_lead(body[:m.start()]) and (mark or dateline(body[m.end():]) is not None):
        return mark, body[:m.start()].strip(), body[m.end():].strip()
    return mark, "", body


def _is_lead(text: str) -> bool:
    t = text.strip()
    return 2 <= len(t) <= LEAD_MAX_CHARS and not any(c in SENTENCE_MARKS for c in t)


def take_lead(flow: Flow) -> tuple[str, str | None]:
    """Cut a brief's bullet and lead off its first paragraph: (bullet, lead as a headline)."""
    if not flow.paras:
        return "", None
    para = flow.paras[0]
    mark, lead, rest = split_lead(para.text)
    if not mark and not lead:
        return "", None
    first = para.lines[0]
    flow.paras[0] = replace(para, lines=[Line(first.no, rest, 0.0, first.kind)], bullet=False,
                            dateline=dateline(rest) is not None)
    return mark, clean_heading(lead) if lead else None
