"""Text with no heading over it: a column of briefs, each opened by its bullet, lead or dateline.

A briefs column is set as one run of paragraphs under a section label. Each brief opens with a
bullet (decoration), a lead set before its text (its headline, in bold in print: here the words
before a gap, or before the dateline that follows them), or a dateline; a paragraph that opens
with none of them goes on with the brief before it.
"""

from __future__ import annotations

from dataclasses import replace

from banmian.tasks.pdf.credits import dateline
from banmian.tasks.pdf.flow import Flow
from banmian.tasks.pdf.openings import opens_brief, split_lead
from banmian.tasks.text.clean import clean_heading
from banmian.tasks.text.lines import Line


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
