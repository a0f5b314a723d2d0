"""Heading lines printed far from their text, given back to the text they restate.

Two habits of theory and essay pages: several essays' heads printed
together in one cluster (or one stacked above another), and a package's
banner printed among other heads while its essay shows only a subtitle and
a byline.
"""

from __future__ import annotations

from typing import Final

from banmian.tasks.text.lexicon import BodyBigrams, overlap
from banmian.tasks.text.lines import HEAD, Line, SUBTITLE
from banmian.tasks.text.segment.headlines import headline_parts, is_full_headline
from banmian.tasks.text.segment.units import Unit


#: A clustered line heads a far unit when this share of its bigrams is in
#: that unit's body (a headline restates its essay's words: listed essays'
#: headlines on the wild pages score 0.6-1.0 against their bodies) ...
FAR_CLAIM_MIN: Final = 0.6


#: ... and this much more than it is in the body of the unit it was given
#: to (theory pages share a vocabulary: 0.3 keeps a line that fits both).
FAR_CLAIM_MARGIN: Final = 0.3


def _heading_lines(unit: Unit) -> list[Line]:
    """A unit's heading lines: those given to it and a lead's own head lines."""
    return [ln for ln in unit.lead_lines if ln.kind in (HEAD, SUBTITLE)] + (unit.head or [])


def _has_full_headline(unit: Unit) -> bool:
    return any(is_full_headline(ln) for ln in _heading_lines(unit))


def _is_cluster(lines: list[Line]) -> bool:
    """Heading lines a headline cannot all take (more than kicker / headline / subject): heads of several essays."""
    if len(lines) <= 3:
        return False
    parts = headline_parts(lines)
    return bool(parts.extra or parts.rest)


def claim_far_heads(units: list[Unit], stacked: list[tuple[Unit, list[Line]]]) -> None:
    """Give heading lines printed far from their text to the unit whose body they restate.

    Pages that print several essays' heads together (a column of heads
    beside the text) leave the cluster to one unit and the other essays
    headless; a head printed straight above another essay's head is taken
    for that essay's crossheads (``stacked``: each unit with the heading
    lines it took so). A full-length line of a cluster, or a stacked head
    with a full-length line, whose words are in a headless unit's body far
    more than in the body of the unit it was given to, heads that unit. The
    best-fitting move is made first; a unit takes one head, and a cluster
    always keeps one full line for its own unit.
    """
    clusters = [u for u in units if u.paras and _is_cluster(_heading_lines(u))]
    stacked = [(u, lines) for u, lines in stacked if u.paras and _has_full_headline(u)
               and any(is_full_headline(ln) for ln in lines)]
    if not clusters and not stacked:
        return  # most pages: every head stands by its text
    bodies = {id(u): BodyBigrams(u.body_text()) for u in units if u.paras}
    while True:
        best: tuple[float, Unit, list[Line], Unit] | None = None
        for donor, lines in _far_heads(clusters, stacked):
            text = "".join(ln.text for ln in lines)
            own = bodies[id(donor)].overlap(text)
            for taker in units:
                if taker is donor or taker.kind not in ("story", "orphan", "lead") or id(taker) not in bodies \
                        or _has_full_headline(taker):
                    continue
                fit = bodies[id(taker)].overlap(text)
                if fit >= FAR_CLAIM_MIN and fit - own >= FAR_CLAIM_MARGIN and (best is None or fit - own > best[0]):
                    best = (fit - own, donor, lines, taker)
        if best is None:
            return
        _, donor, lines, taker = best
        k = next((k for k, (d, ls) in enumerate(stacked) if d is donor and ls is lines), None)
        if k is not None:
            del stacked[k]
            heads = donor.crossheads_before[0]
            for ln in lines:
                heads.remove(ln.text)
            if not heads:
                del donor.crossheads_before[0]
        elif donor.head and any(x is lines[0] for x in donor.head):
            donor.head = [x for x in donor.head if x is not lines[0]]
        else:
            donor.lead_lines = [x for x in donor.lead_lines if x is not lines[0]]
        taker.head = (taker.head or []) + lines


def _lacks_its_headline(unit: Unit) -> bool:
    """A lead printed as ``——subtitle`` and byline with no headline line: its headline is printed elsewhere."""
    return unit.kind == "lead" and unit.head is None and bool(unit.paras) \
        and any(ln.kind == SUBTITLE for ln in unit.lead_lines) and not any(ln.kind == HEAD for ln in unit.lead_lines)


def claim_banners(units: list[Unit]) -> bool:
    """Give a lead that lacks its headline the banner another unit took; True when one moved.

    A package's banner (``推进一带一路建设 构建人类命运共同体`` over an
    essay printed as subtitle and byline) spans the columns, and extractors
    emit it far from the essay, in a group of heads next to other text,
    which then takes it. Once the lead's scattered sections have joined it
    its text is whole, and a one-line head another unit took moves to it
    when it restates the lead's words far more than its own unit's
    (``FAR_CLAIM_MIN``, ``FAR_CLAIM_MARGIN``, as for clustered heads). Each
    such lead, in page order, takes the one head that fits it best.
    """
    moved = False
    for taker in [u for u in units if _lacks_its_headline(u)]:
        grams = taker.body_grams()
        best: tuple[float, Unit] | None = None
        for donor in units:
            if donor.kind not in ("story", "orphan") or donor.head is None or len(donor.head) != 1 \
                    or not is_full_headline(donor.head[0]):
                continue
            text = donor.head[0].text
            fit, own = overlap(text, grams), overlap(text, donor.body_grams())
            if fit >= FAR_CLAIM_MIN and fit - own >= FAR_CLAIM_MARGIN and (best is None or fit - own > best[0]):
                best = (fit - own, donor)
        if best is not None:
            taker.head, best[1].head, moved = best[1].head, None, True
    return moved


def _far_heads(clusters: list[Unit], stacked: list[tuple[Unit, list[Line]]]) -> list[tuple[Unit, list[Line]]]:
    """Heads that may belong far away: each full line of a cluster that has two, and each stacked head."""
    found: list[tuple[Unit, list[Line]]] = []
    for donor in clusters:
        full = [ln for ln in _heading_lines(donor) if is_full_headline(ln)]
        if len(full) >= 2:
            found.extend((donor, [ln]) for ln in full)
    return found + stacked
