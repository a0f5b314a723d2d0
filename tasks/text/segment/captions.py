"""Photo captions: a photo credit closes the paragraphs right before it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from banmian.tasks.model import Residue
from banmian.tasks.text.credits import parse_photo_credit
from banmian.tasks.text.lines import Line
from banmian.tasks.text.paragraphs import same_flow
from banmian.tasks.text.segment.units import Unit


#: Paragraphs one photo caption can hold.
CAPTION_MAX_PARAS: Final = 3


#: A caption's paragraphs are short (the generated sets' longest is 110
#: characters; the seeds' about 100): a longer paragraph before the one the
#: credit closes is the text the photo is set in, not its caption.
CAPTION_PARA_MAX_CHARS: Final = 200


def _caption_size(host: Unit | None) -> int:
    """How many of ``host``'s last paragraphs a photo credit after it closes.

    A caption is the paragraph right before the credit, and the short ones
    before that in the same flow (same column width, no crosshead between),
    up to ``CAPTION_MAX_PARAS``; a dateline story keeps its first paragraph.
    """
    if host is None or not host.paras or (host.kind == "story" and len(host.paras) == 1):
        return 0
    last = host.paras[-1]
    if len(last.text) > CAPTION_PARA_MAX_CHARS:  # text, not a caption: the credit's picture has none (a drawing)
        return 0
    if host.kind == "story":
        return 1
    n = 1
    while n < min(len(host.paras), CAPTION_MAX_PARAS):
        i = len(host.paras) - n  # index of the paragraph the caption would start with
        prev = host.paras[i - 1]
        if i in host.crossheads_before or not same_flow(prev, last) or not prev.terminated \
                or len(prev.text) > CAPTION_PARA_MAX_CHARS:
            break
        n += 1
    if host.kind == "lead" and n == len(host.paras) and len(host.paras) > 1:
        n -= 1
    return n


def close_caption(units: list[Unit], lns: list[Line], start: Callable[[Unit], Unit],
                   residue: list[Residue]) -> None:
    """A photo credit closes a caption: the paragraphs right before it.

    A caption that is all of an orphan run becomes that unit in place, so a
    title line above it (a heading group before the run) stays its neighbour.
    """
    credit_text = " ".join(ln.text for ln in lns)
    credit = parse_photo_credit(credit_text)
    if credit is None:  # pragma: no cover - classify_line guarantees the form
        residue.extend(Residue(ln.text, "unassigned", ln.no) for ln in lns)
        return
    host = units[-1] if units else None
    n = _caption_size(host)
    if host is not None and host.kind == "orphan" and n == len(host.paras) and 0 not in host.crossheads_before:
        host.kind, host.credit, host.credit_lines = "photo", credit, list(lns)
        return
    caption = Unit("photo", credit=credit, credit_lines=list(lns))
    if n and host is not None:  # n > 0 only with a host
        caption.paras = host.paras[-n:]
        del host.paras[-n:]
    start(caption)
