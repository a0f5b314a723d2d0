"""Which neighbour each heading group heads: the unit before it, the unit after it, or both.

Every split of a group is scored (``HeadScorer``) by how much of its text
each side's body restates, with bonuses and penalties for the habits of
page layout; the best decision over the page is taken first.
"""

from __future__ import annotations

from typing import Final

from banmian.tasks.text.lexicon import BodyBigrams
from banmian.tasks.text.lines import HEAD, Line, SUBTITLE, is_one_line_couplet
from banmian.tasks.text.segment.headlines import all_crossheads, drawn_twice, headline_parts, is_full_headline
from banmian.tasks.text.segment.units import HeadGroup, Page, Unit


#: Lines of a heading group that one headline can take: kicker, a couplet of
#: two lines, a subject line.
MAX_HEADLINE_LINES: Final = 4


#: Bonus for a headline shaped like a real one (couplet + subject, or one
#: line + subject): breaks near-ties between splits of a group.
SHAPE_BONUS: Final = 0.05


#: Heading lines explain the orphan prose after them a little less well as
#: crossheads than as its headline: a crosshead names one section only.
CROSSHEAD_WEIGHT: Final = 0.9


#: Heading lines printed with no blank line between them are one headline
#: (main line and subject line); splitting them between two articles costs
#: this much of a score (overlap scores run 0–1 per line). Any value from
#: 0.15 to 1.0 gives the same scores on the generated set.
ADJACENT_SPLIT_PENALTY: Final = 0.3


#: A story with no heading lines above it can only be headed by the lines
#: after it: a bonus for that claim, per line. Calibrated on two generated
#: sets (seeds 42 and 7): 0.1–0.3 score alike, 0.5 takes crossheads as heads.
NO_HEAD_ABOVE_BONUS: Final = 0.2


#: On a lead feature's page, head-less prose is most often a section of the
#: feature, scattered over the page: heading lines given to it as its own
#: headline cost this much, per line (prose closed by its own trailing credit
#: is a story and pays nothing). Calibrated on two generated sets: 0.1–0.2
#: score alike (seed 7's article_f1 +0.004, body_cer −0.012), 0.4 loses
#: headlines.
ORPHAN_ON_LEAD_PAGE_PENALTY: Final = 0.2


#: A signed text with no headline (a byline or a bare name, nothing above it)
#: has its headline elsewhere, most often in the heading lines after its
#: text: a bonus for that claim, per line, like ``NO_HEAD_ABOVE_BONUS``.
#: Calibrated on three generated sets (seeds 42, 7, 11) and the wild pages:
#: 0.2–0.3 score alike (two wild pages' essay counts exact, headline_acc up
#: on all three sets), 0.5 takes another essay's headline.
HEADLESS_LEAD_BONUS: Final = 0.2


#: A text with heading lines straight above it that restate its words
#: better than the lines after it do is headed from above: its claim on the
#: lines after it costs this much, per line, while those above are undecided.
#: Calibrated on four generated sets (seeds 42, 7, 11, 99): 0.2 heads three pages better
#: (seed 11's body_cer 0.0345 -> 0.033, seed 99's headline_acc +0.001), 0.4 one page more;
#: the seeds, the wild pages and seeds 42 and 7 score alike.
HEADED_ABOVE_PENALTY: Final = 0.2


#: A photo's title is one line (two when it wraps).
PHOTO_TITLE_MAX_LINES: Final = 2


def _claim_score(lines: list[Line], unit: Unit, bodies: dict[int, BodyBigrams], idx: int) -> float:
    """How well heading lines fit a unit's body: bigram overlap, plus a shape bonus."""
    if idx not in bodies:
        bodies[idx] = BodyBigrams(unit.body_text())
    score = bodies[idx].overlap("".join(ln.text for ln in lines))
    if not headline_parts(lines).rest:  # shaped like a headline
        score += SHAPE_BONUS
    return score


def _can_take_headline(unit: Unit | None, lines: list[Line], after: bool, has_lead: bool) -> bool:
    """Whether heading lines can be a headline of ``unit``.

    Stories and orphan prose take a headline before or after their body
    (pages that print the head below the text do so for continued and
    credit-less stories too); a photo takes a short title above it only. On
    a page with a lead feature, whose body is scattered in orphan runs, a
    single phrase next to orphan prose is a crosshead, not a headline.
    """
    if unit is None or unit.head is not None or not unit.paras or len(lines) > MAX_HEADLINE_LINES:
        return False
    if unit.kind == "story":
        return True
    if unit.kind == "lead":  # a byline with no headline above it: the headline comes after
        return not any(ln.kind in (HEAD, SUBTITLE) for ln in unit.lead_lines)
    if unit.kind == "photo":
        return not after and len(lines) <= PHOTO_TITLE_MAX_LINES
    if unit.kind != "orphan":
        return False
    # on a lead's page a single phrase is a crosshead; a one-line couplet, or a full line over signed text, is a headline
    return not (has_lead and len(lines) == 1 and not is_one_line_couplet(lines[0].text)
                and not (_closed_by_own_credit(unit) and is_full_headline(lines[0])))


def assign_heads(page: Page) -> list[tuple[HeadGroup, list[Line]]]:
    """Give each heading group's lines to the unit before or after it.

    Every split of a group (first k lines to the unit before, the rest to the
    unit after) is scored by how much of the group's text each side's body
    explains, weighted by lines; the best decision over all groups is taken
    first, then the rest are re-scored with the units that are left. Lines
    printed with no blank between are split only at a cost
    (``ADJACENT_SPLIT_PENALTY``); a story with no heading lines above it
    favours the lines below it (``NO_HEAD_ABOVE_BONUS``), and a signed text
    with no headline the lines after it (``HEADLESS_LEAD_BONUS``), and a text
    whose undecided heads straight above fit it better does not
    (``HEADED_ABOVE_PENALTY``); a line
    drawn twice is a crosshead and never goes to the text above it; on a
    lead's page, head-less prose without its own credit is likely a section
    of the lead and claims a headline at a cost (``ORPHAN_ON_LEAD_PAGE_PENALTY``).
    Lines given to an orphan unit that already has a headline, or that no
    headline can take, become crossheads of the unit after them.
    Returns the lines left unassigned for each group.
    """
    units, groups = page.units, page.groups
    has_lead = any(u.kind == "lead" for u in units)
    cache: dict[int, BodyBigrams] = {}  # body of each unit scored
    todo = list(range(len(groups)))
    headed_from_above = {g.next for g in groups if g.next is not None}
    group_above = {g.next: gi for gi, g in enumerate(groups) if g.next is not None}  # unit -> the group over it
    leftovers: list[tuple[HeadGroup, list[Line]]] = []
    claims: dict[tuple[int, int, bool], float] = {}

    def claim(gi: int, k: int, above: bool) -> float:
        """Claim score of group ``gi``'s lines before (``above``) or from split ``k``: fixed while units are."""
        key = (gi, k, above)
        if key not in claims:
            g = groups[gi]
            idx = g.prev if above else g.next
            assert idx is not None  # claims are asked only of a side with a unit
            claims[key] = _claim_score(g.lines[:k] if above else g.lines[k:], units[idx], cache, idx)
        return claims[key]

    def _headed_above(idx: int | None, fit: float) -> bool:
        """Unit ``idx`` has undecided heading lines straight above it that fit it better than ``fit``."""
        if idx is None or idx not in group_above:
            return False
        above = group_above[idx]
        return above in todo and units[idx].kind in ("story", "orphan") and claim(above, 0, False) > fit

    def best_split(gi: int) -> tuple[float, int] | None:
        """The best score of group ``gi`` over its splits, and the split (the first of equal ones)."""
        g = groups[gi]
        n = len(g.lines)
        prev = units[g.prev] if g.prev is not None else None
        nxt = units[g.next] if g.next is not None else None
        found: tuple[float, int] | None = None
        for k in range(n + 1):
            a, b = g.lines[:k], g.lines[k:]
            if a and (not _can_take_headline(prev, a, True, has_lead) or any(map(drawn_twice, a))):
                continue  # a crosshead drawn twice heads the text after it, never the text above
            b_head = bool(b) and _can_take_headline(nxt, b, False, has_lead) and not all_crossheads(b)
            if b and not b_head and not (nxt is not None and nxt.kind in ("orphan", "lead", "story")):
                continue
            score = 0.0
            if a:
                assert prev is not None  # _can_take_headline said yes
                score += claim(gi, k, True) * len(a)
                if prev.kind == "story" and g.prev not in headed_from_above:
                    score += NO_HEAD_ABOVE_BONUS * len(a)
                elif prev.kind == "lead":
                    score += HEADLESS_LEAD_BONUS * len(a)
                elif _headed_above(g.prev, claim(gi, k, True)):
                    score -= HEADED_ABOVE_PENALTY * len(a)
            if b:
                # as headline of what follows, or as its crossheads
                score += claim(gi, k, False) * len(b) * (1.0 if b_head else CROSSHEAD_WEIGHT)
            score /= n
            if 0 < k < n and b[0].no == a[-1].no + 1:
                score -= ADJACENT_SPLIT_PENALTY
            if has_lead:
                if a and prev is not None and prev.kind == "orphan" and not _closed_by_own_credit(prev):
                    score -= ORPHAN_ON_LEAD_PAGE_PENALTY * len(a) / n
                if b and b_head and nxt is not None and nxt.kind == "orphan" and not _closed_by_own_credit(nxt):
                    score -= ORPHAN_ON_LEAD_PAGE_PENALTY * len(b) / n
            if found is None or score > found[0]:
                found = (score, k)
        return found

    # A group's best split changes only when a unit next to it takes a headline: kept until then.
    bests: dict[int, tuple[float, int] | None] = {}
    while todo:
        best: tuple[float, int, int] | None = None
        for gi in todo:
            if gi not in bests:
                bests[gi] = best_split(gi)
            found = bests[gi]
            if found is not None and (best is None or found[0] > best[0]):
                best = (found[0], gi, found[1])
        if best is None:
            break
        _, gi, k = best
        todo.remove(gi)
        g = groups[gi]
        a, b = g.lines[:k], g.lines[k:]
        headed: set[int | None] = set()
        if a:
            assert g.prev is not None  # best_split gives lines above only to a unit there
            units[g.prev].head = a
            headed.add(g.prev)
        if b:
            nxt = units[g.next] if g.next is not None else None
            if nxt is not None and _can_take_headline(nxt, b, False, has_lead) and not all_crossheads(b):
                nxt.head = b
                headed.add(g.next)
            elif nxt is not None:
                nxt.crossheads_before.setdefault(0, []).extend(ln.text for ln in b)
                page.stacked.append((nxt, b))
            else:
                leftovers.append((g, b))
        for other in todo:
            if groups[other].prev in headed or groups[other].next in headed or groups[other].prev == g.next:
                bests.pop(other, None)  # the group under this one no longer has it undecided above its text
    for gi in todo:
        leftovers.append((groups[gi], groups[gi].lines))
    return leftovers


def _closed_by_own_credit(unit: Unit) -> bool:
    """Orphan prose closed by a trailing credit ``（记者 X）`` or an author note is an article of its own, not a feature's section."""
    return bool(unit.paras) and unit.paras[-1].credited
