"""Heading lines printed far from their text, given back to the text they restate.

Two habits of theory and essay pages: several essays' heads printed
together in one cluster (or one stacked above another), and a package's
banner printed among other heads while its essay shows only a subtitle and
a byline.
"""

from __future__ import annotations

from typing import Final, NamedTuple

from banmian.tasks.text.lexicon import BodyBigrams, overlap
from banmian.tasks.text.lines import HEAD, SUBTITLE, Line
from banmian.tasks.text.segment.headlines import headline_parts, is_full_headline
from banmian.tasks.text.segment.units import Unit, UnitKind

#: A clustered line heads a far unit when this share of its bigrams is in
#: that unit's body (a headline restates its essay's words: listed essays'
#: headlines on the wild pages score 0.6-1.0 against their bodies) ...
FAR_CLAIM_MIN: Final = 0.6
#: ... and this much more than it is in the body of the unit it was given
#: to (theory pages share a vocabulary: 0.3 keeps a line that fits both).
FAR_CLAIM_MARGIN: Final = 0.3
#: Units that can take a head printed far from them: the texts of a page (not captions or briefs).
_FAR_TAKERS: Final[tuple[UnitKind, ...]] = ("story", "orphan", "lead")
#: Units whose one-line head can be a banner another unit lacks.
_BANNER_DONORS: Final[tuple[UnitKind, ...]] = ("story", "orphan")


class FarMove(NamedTuple):
    """A head given back: ``lines`` leave ``donor`` for ``taker``, whose body restates them by ``margin`` more."""

    margin: float
    donor: Unit
    lines: list[Line]
    taker: Unit


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
    clusters = [u for u in units if u.paras and _is_cluster(_heading_lines(u))]  # units given several essays' heads
    stacked = [(u, lines) for u, lines in stacked if _may_give_stacked_head(u, lines)]
    if not clusters and not stacked:
        return  # most pages: every head stands by its text
    bodies = _bodies(units)
    while (move := _best_far_move(units, _far_heads(clusters, stacked), bodies)) is not None:
        _move_far_head(move, stacked)


def _is_cluster(lines: list[Line]) -> bool:
    """Heading lines a headline cannot all take (more than kicker / headline / subject): heads of several essays."""
    if len(lines) <= 3:
        return False
    parts = headline_parts(lines)
    return bool(parts.extra or parts.rest)


def _heading_lines(unit: Unit) -> list[Line]:
    """A unit's heading lines: those given to it and a lead's own head lines."""
    return [ln for ln in unit.lead_lines if ln.kind in (HEAD, SUBTITLE)] + (unit.head or [])


def _has_full_headline(unit: Unit) -> bool:
    """The unit has a heading line long enough to be its headline."""
    return any(is_full_headline(ln) for ln in _heading_lines(unit))


def _may_give_stacked_head(unit: Unit, lines: list[Line]) -> bool:
    """A stacked head with a full-length line, taken as crossheads by a text that has a full-length headline too."""
    return bool(unit.paras) and _has_full_headline(unit) and any(is_full_headline(ln) for ln in lines)


def _bodies(units: list[Unit]) -> dict[int, BodyBigrams]:
    """Each unit's body (by ``id``) as a far head is scored against it; units with no text have none."""
    return {id(u): BodyBigrams(u.body_text()) for u in units if u.paras}


def _far_heads(clusters: list[Unit], stacked: list[tuple[Unit, list[Line]]]) -> list[tuple[Unit, list[Line]]]:
    """Heads that may belong far away: each full line of a cluster that has two, and each stacked head."""
    found: list[tuple[Unit, list[Line]]] = []
    for donor in clusters:
        full = [ln for ln in _heading_lines(donor) if is_full_headline(ln)]
        if len(full) >= 2:
            found.extend((donor, [ln]) for ln in full)
    return found + stacked


def _best_far_move(units: list[Unit], far_heads: list[tuple[Unit, list[Line]]],
                   bodies: dict[int, BodyBigrams]) -> FarMove | None:
    """The far head that restates a headless unit's words by the widest margin over its own unit's (first of equals)."""
    best: FarMove | None = None
    for donor, lines in far_heads:
        text = "".join(ln.text for ln in lines)
        own = bodies[id(donor)].overlap(text)
        for taker in units:
            if taker is donor or not _may_take_far_head(taker, bodies):
                continue
            fit = bodies[id(taker)].overlap(text)
            if _restates_far_more(fit, own) and (best is None or fit - own > best.margin):
                best = FarMove(fit - own, donor, lines, taker)
    return best


def _may_take_far_head(unit: Unit, bodies: dict[int, BodyBigrams]) -> bool:
    """A text with no full-length headline yet."""
    return unit.kind in _FAR_TAKERS and id(unit) in bodies and not _has_full_headline(unit)


def _restates_far_more(fit: float, own: float) -> bool:
    """A head's words are in a far body (``fit``) far more than in its own unit's (``own``)."""
    return fit >= FAR_CLAIM_MIN and fit - own >= FAR_CLAIM_MARGIN


def _move_far_head(move: FarMove, stacked: list[tuple[Unit, list[Line]]]) -> None:
    """The head leaves its donor (its crossheads, its head, or a lead's own lines) and heads the taker."""
    donor, lines = move.donor, move.lines
    k = next((k for k, (d, ls) in enumerate(stacked) if d is donor and ls is lines), None)
    if k is not None:
        del stacked[k]
        _drop_top_crossheads(donor, lines)
    else:
        _drop_head_line(donor, lines[0])
    move.taker.head = (move.taker.head or []) + lines


def _drop_top_crossheads(unit: Unit, lines: list[Line]) -> None:
    """A stacked head's lines leave the crossheads over the unit's first paragraph."""
    heads = unit.crossheads_before[0]
    for ln in lines:
        heads.remove(ln.text)
    if not heads:
        del unit.crossheads_before[0]


def _drop_head_line(unit: Unit, line: Line) -> None:
    """A cluster's line leaves the unit's head, or a lead's own lines."""
    if unit.head and any(x is line for x in unit.head):
        unit.head = [x for x in unit.head if x is not line]
    else:
        unit.lead_lines = [x for x in unit.lead_lines if x is not line]


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
        donor = _banner_donor(taker, units)
        if donor is not None:
            taker.head, donor.head, moved = donor.head, None, True
    return moved


def _lacks_its_headline(unit: Unit) -> bool:
    """A lead printed as ``——subtitle`` and byline with no headline line: its headline is printed elsewhere."""
    return unit.kind == "lead" and unit.head is None and bool(unit.paras) \
        and any(ln.kind == SUBTITLE for ln in unit.lead_lines) and not any(ln.kind == HEAD for ln in unit.lead_lines)


def _banner_donor(taker: Unit, units: list[Unit]) -> Unit | None:
    """The unit whose one full-length head restates ``taker``'s words by the widest margin over its own."""
    grams = taker.body_grams()
    best: tuple[float, Unit] | None = None
    for donor in units:
        head = _one_full_head(donor)
        if head is None:
            continue
        fit, own = overlap(head.text, grams), overlap(head.text, donor.body_grams())
        if _restates_far_more(fit, own) and (best is None or fit - own > best[0]):
            best = (fit - own, donor)
    return None if best is None else best[1]


def _one_full_head(unit: Unit) -> Line | None:
    """A story's or orphan run's head when it is one full-length line: maybe a banner."""
    if unit.kind not in _BANNER_DONORS or unit.head is None or len(unit.head) != 1:
        return None
    return unit.head[0] if is_full_headline(unit.head[0]) else None
