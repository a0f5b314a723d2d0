"""Which neighbour each heading group heads: the unit before it, the unit after it, or both.

Every split of a group is scored (``HeadScorer``) by how much of its text
each side's body restates, with bonuses and penalties for the habits of
page layout; the best decision over the page is taken first.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field
from typing import Final, NamedTuple

from banmian.tasks.text.budget import check_budget
from banmian.tasks.text.chars import SENTENCE_ENDS, han_count
from banmian.tasks.text.lexicon import overlap
from banmian.tasks.text.lines import HEAD, SUBTITLE, Line, is_byline_text, is_one_line_couplet, opens_mid_phrase
from banmian.tasks.text.segment.headlines import (all_crossheads, drawn_twice, heading_phrases, heading_words,
                                                  headline_parts, is_full_headline, is_kicker_line, measure_phrases,
                                                  runs_on_through_subtitle_wraps)
from banmian.tasks.text.segment.units import HeadGroup, Page, Unit, UnitKind

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

#: Each part of a group cut into two headlines (the unit above's and the unit
#: below's) must share more than this of its words with its text: a part
#: that restates nothing there is no evidence for the cut (the unit above
#: may take it without when it is a story or signed text with nothing above
#: it, the habit of pages that print heads after their text). Calibrated on
#: all sets: 0.0 (any shared bigram) lifts gen42/7/11/99 (gen42 article_f1
#: 0.9902 -> 0.9909), costs gate article_f1 0.0025; with no exemption gen7 and
#: gen11 lose 0.002.
SPLIT_MIN_FIT: Final = 0.0

#: A lead's first heading lines, set apart by a blank from its own, head the text straight above them instead when
#: that text restates at least this share of their words and the lead's text none (a head printed after its
#: body, just above the next article's head). Calibrated on the pagesim gate pages: of the 23 leads with such a
#: first block, the 5 at 0.42-0.83 head the text above, those at 0.25 and under (a trailing credit, a line of
#: prose) do not; a banner over a theory page's essays restates the lead's text too (wild: 0.29-0.71).
HEAD_AFTER_TEXT_MIN_FIT: Final = 0.3

#: A single heading line set apart by a blank over a text's headline that restates none of its words is not its
#: head (a page banner, another text's head, a trailing credit read as a head) when the lines under it restate
#: at least this share of theirs. Calibrated on the pagesim gate pages: headline_acc 0.3408 at 0.5, 0.3414 at 0.3,
#: 0.3421 at 0.1; pagegen, seeds and wild alike at all three.
OWN_HEAD_MIN_FIT: Final = 0.1

#: A photo's title printed after its caption (pdftotext reads a title set under the picture after the caption)
#: restates at least this share of its words there. Calibrated on all sets: gate headline_acc 0.3449 -> 0.3526
#: at 0.1 and 0.2, 0.3519 at 0.3; 0.1 costs gen99 headline_acc 0.9564 -> 0.9555; with no minimum gen99
#: article_f1 falls 0.9748 -> 0.9732 and gate 0.7176 -> 0.7173 (heads of the next story taken).
PHOTO_TITLE_AFTER_MIN_FIT: Final = 0.2

#: Two heads printed together (the head of one text printed after it, over the head of the next) are split at no
#: cost when each side's lines restate at least this share of their words in the text on their side and none in
#: the other's. Calibrated on all sets: 0.25 heads gate-s2026-0167's two texts (0.25 and 0.68); generated sets,
#: seeds and wild alike; 0.15 costs unread-a article_f1 0.6326 -> 0.6322.
TWO_HEADS_MIN_FIT: Final = 0.25

#: Each of two heads printed together is a phrase of at least this many Chinese characters: a shorter piece
#: (``评出``, ``来了``) is a wrapped headline's tail, cut from it by a split. Calibrated on the pagesim gate pages.
TWO_HEADS_MIN_CHARS: Final = 4

#: A photo's title is one line (two when it wraps).
PHOTO_TITLE_MAX_LINES: Final = 2

#: Unit kinds that take heading lines after a headline as crossheads over their text.
_TAKES_CROSSHEADS: Final[tuple[UnitKind, ...]] = ("orphan", "lead", "story")

#: A decision: the group's index and its split (its first k lines go to the unit above, the rest below).
Split = tuple[int, int]


class HeadDecision(NamedTuple):
    """How a heading group was split, with its best score and the best score of any other split (None when no
    other split was possible): how close the decision was."""

    split: int
    best: float
    runner_up: float | None

    @property
    def margin(self) -> float | None:
        """How far the chosen split scored above the next best (None when it was the only reading)."""
        return None if self.runner_up is None else self.best - self.runner_up


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
    scorer = HeadScorer.of(page)
    leftovers: list[tuple[HeadGroup, list[Line]]] = []
    while (decision := scorer.best_decision()) is not None:
        check_budget()
        headed = _give_lines(page, decision, scorer.has_lead, leftovers)
        scorer.decided(decision[0], headed)
    leftovers.extend((page.groups[gi], page.groups[gi].lines) for gi in sorted(scorer.undecided))
    return leftovers


def give_heads_after_text(page: Page) -> None:
    """A lead's first heading block that restates the text straight above it heads that text.

    Pages that print a head after its body set it just above the next
    article's head and byline, which reads them as one lead: ``蒲公英奖出台``
    (blank) ``飞机上开不得玩笑`` / ``——向旅客进一言`` / byline would be one
    couplet. The block set apart by a blank line whose words the text above
    restates (``HEAD_AFTER_TEXT_MIN_FIT``), and the lead's text not at all,
    is the text above's headline (a banner over a page of essays restates
    the lead's text too).
    """
    for i in range(1, len(page.units)):
        lead, above = page.units[i], page.units[i - 1]
        block = _first_head_block(lead)
        if block is not None and _straight_after(page, i) and _restates_above(block, above, lead):
            above.head = block
            lead.lead_lines = lead.lead_lines[len(block):]


def _first_head_block(unit: Unit) -> list[Line] | None:
    """A lead's first run of heading lines when a blank line sets it apart from more heading lines of its own,
    no kicker among them (a kicker stands apart over its own headline: ``【民生关注】`` / blank / headline)."""
    if unit.kind != "lead" or not unit.lead_lines:
        return None
    lines = unit.lead_lines
    n = _first_block_size(lines)
    block, rest = lines[:n], lines[n:]
    if any(ln.kind != HEAD or is_kicker_line(ln.text) for ln in block) \
            or not any(ln.kind in (HEAD, SUBTITLE) for ln in rest):
        return None
    return block


def _first_block_size(lines: list[Line]) -> int:
    """How many lines the first run of ``lines`` printed with no blank line between holds."""
    return next((j for j in range(1, len(lines)) if lines[j].no != lines[j - 1].no + 1), len(lines))


def _straight_after(page: Page, i: int) -> bool:
    """No heading group stands between unit ``i - 1``'s text and unit ``i``."""
    return not any(g.prev == i - 1 or g.next == i for g in page.groups)


def _restates_above(block: list[Line], above: Unit, lead: Unit) -> bool:
    """The text above can take the block as its headline and restates its words enough; the lead's text none."""
    if not can_take_headline(above, block, True, False):
        return False
    words = heading_words(block)
    fit = overlap(words, above.scored_bigrams())
    return fit >= HEAD_AFTER_TEXT_MIN_FIT and overlap(words, lead.scored_bigrams()) == 0.0


def _give_lines(page: Page, decision: Split, has_lead: bool, leftovers: list[tuple[HeadGroup, list[Line]]]) -> set[int]:
    """Group ``gi``'s lines given as split ``k`` decides; the units that took a headline.

    Lines below that cannot be the next unit's headline are its crossheads
    (``page.stacked`` remembers them), or left over when no unit follows.
    """
    gi, k = decision
    g = page.groups[gi]
    above, below = g.lines[:k], g.lines[k:]
    headed: set[int] = set()
    if above:
        assert g.prev is not None  # best_split gives lines above only to a unit there
        page.units[g.prev].head = above
        headed.add(g.prev)
    if not below:
        return headed
    if g.next is None:
        leftovers.append((g, below))
        return headed
    nxt = page.units[g.next]
    if heads_below(nxt, below, has_lead):
        apart = _set_apart_unrelated(nxt, below)
        if apart:
            leftovers.append((g, below[:apart]))
        nxt.head = below[apart:]
        headed.add(g.next)
    else:
        nxt.crossheads_before.setdefault(0, []).extend(ln.text for ln in heading_phrases(below))
        page.stacked.append((nxt, below))
    return headed


def _set_apart_unrelated(unit: Unit, lines: list[Line]) -> int:
    """How many of the heading lines given to ``unit`` as its headline are not its own: the first block, set apart
    by a blank line, that restates none of its body while the lines under it restate it (``OWN_HEAD_MIN_FIT``).

    A banner (``学习贯彻十五大精神``) or another text's head printed over a headline reads as its
    kicker or makes it a subject line; left over, far heads may give it to the text it names.
    """
    n = _first_block_size(lines)
    top, rest = lines[:n], lines[n:]
    if not rest or len(top) > 1 or top[0].kind != HEAD or is_kicker_line(top[0].text) \
            or is_one_line_couplet(top[0].text):
        return 0
    body = unit.scored_bigrams()
    if overlap(heading_words(top), body) == 0.0 and overlap(heading_words(rest), body) >= OWN_HEAD_MIN_FIT:
        return n
    return 0


@dataclass(slots=True)
class HeadScorer:
    """The scores of every heading group's splits, and the caches that keep them cheap.

    A group's lines claim a unit by the share of their bigrams its body
    holds (plus ``SHAPE_BONUS``); bodies do not change while heads are
    given, so each body is read once and each fit made once. Whether lines
    read as one headline is asked only of a claim (a cut without evidence
    needs only fits), and once for a run of lines (a whole group is the
    same lines above its last split and below its first). A group's
    best split changes only when a unit next to it takes a headline, or the
    group straight above its text is decided: it is kept until then. The
    best splits wait in a heap, and a decision rescores only the groups
    beside the units it touched: a page of thousands of groups stays linear.
    """

    units: list[Unit]
    groups: list[HeadGroup]
    has_lead: bool                  # a lead is on the page: its sections are scattered orphan runs
    undecided: set[int]             # indexes of the groups not decided yet
    headed_from_above: set[int]     # units with a heading group straight above them
    group_above: dict[int, int]     # unit -> the (last) group straight above it
    bodies: dict[int, frozenset[str]] = field(default_factory=dict)         # unit -> its body's bigrams, as scored
    fits: dict[tuple[int, int, bool], float] = field(default_factory=dict)  # (group, split, above) -> its fit
    shapes: dict[tuple[int, int, int], bool] = field(default_factory=dict)  # (group, start, end) -> a headline's shape
    bests: dict[int, HeadDecision | None] = field(default_factory=dict)  # group -> its best split now
    decisions: dict[int, HeadDecision] = field(default_factory=dict)     # group -> the split taken, as it scored
    beside: dict[int, list[int]] = field(default_factory=dict)    # unit -> the groups just before and after it
    unscored: set[int] = field(default_factory=set)               # undecided groups without a best split now
    ranked: list[tuple[float, int, int]] = field(default_factory=list)  # heap of (-best score, group, split)

    @classmethod
    def of(cls, page: Page) -> HeadScorer:
        """A scorer for a page whose groups are all undecided."""
        groups = page.groups
        beside: dict[int, list[int]] = {}
        for gi, g in enumerate(groups):
            for idx in (g.prev, g.next):
                if idx is not None:
                    beside.setdefault(idx, []).append(gi)
        return cls(page.units, groups, any(u.kind == "lead" for u in page.units), set(range(len(groups))),
                   {g.next for g in groups if g.next is not None},
                   {g.next: gi for gi, g in enumerate(groups) if g.next is not None},
                   beside=beside, unscored=set(range(len(groups))))

    def best_decision(self) -> Split | None:
        """The undecided group with the best split (the first of equal ones), and that split."""
        for gi in sorted(self.unscored):
            found = self.bests[gi] = self._best_split(gi)
            if found is not None:
                heapq.heappush(self.ranked, (-found.best, gi, found.split))
        self.unscored.clear()
        while self.ranked:
            neg_best, gi, k = self.ranked[0]
            found = self.bests.get(gi)
            if gi in self.undecided and found is not None and (found.best, found.split) == (-neg_best, k):
                return gi, k
            heapq.heappop(self.ranked)  # decided, or scored anew since
        return None

    def decided(self, gi: int, headed: set[int]) -> None:
        """Group ``gi`` is decided: groups beside a unit that took a headline, and the group under it, score anew."""
        found = self.bests.get(gi)
        if found is not None:
            self.decisions[gi] = found
        self.undecided.remove(gi)
        below = self.groups[gi].next
        near = headed if below is None else headed | {below}
        for other in {o for idx in near for o in self.beside.get(idx, ()) if o in self.undecided}:
            g = self.groups[other]
            if g.prev in headed or g.next in headed or g.prev == below:
                self.bests.pop(other, None)  # the group under this one no longer has it undecided above its text
                self.unscored.add(other)

    def claim(self, gi: int, k: int, above: bool) -> float:
        """Claim of group ``gi``'s lines before (``above``) or from split ``k`` on the unit on that side."""
        span = (gi, 0, k) if above else (gi, k, len(self.groups[gi].lines))
        return self.fit(gi, k, above) + (SHAPE_BONUS if self._shaped(span) else 0.0)

    def fit(self, gi: int, k: int, above: bool) -> float:
        """The share of the words of group ``gi``'s lines on one side of split ``k`` that the unit there restates."""
        key = (gi, k, above)
        found = self.fits.get(key)
        if found is None:
            g = self.groups[gi]
            idx = g.prev if above else g.next
            assert idx is not None  # claims are asked only of a side with a unit
            found = self.fits[key] = overlap(heading_words(g.lines[:k] if above else g.lines[k:]), self._body(idx))
        return found

    def _body(self, idx: int) -> frozenset[str]:
        """Unit ``idx``'s body as heading lines are scored against it (``Unit.scored_bigrams``), read once."""
        body = self.bodies.get(idx)
        if body is None:
            body = self.bodies[idx] = self.units[idx].scored_bigrams()
        return body

    def _shaped(self, span: tuple[int, int, int]) -> bool:
        """Lines ``start:end`` of a group read as one headline, no line left over (``headline_parts``)."""
        found = self.shapes.get(span)
        if found is None:
            gi, start, end = span
            found = self.shapes[span] = not headline_parts(self.groups[gi].lines[start:end]).rest
        return found

    def _best_split(self, gi: int) -> HeadDecision | None:
        """The best split of group ``gi`` (the first of equal ones), with the best score of the other splits."""
        scored = [(score, k) for k in range(len(self.groups[gi].lines) + 1)
                  if (score := self.split_score(gi, k)) is not None]
        if not scored:
            return None
        score, k = max(scored, key=lambda sk: (sk[0], -sk[1]))
        others = [s for s, j in scored if j != k]
        return HeadDecision(k, score, max(others) if others else None)

    def split_score(self, gi: int, k: int) -> float | None:
        """The score of group ``gi``'s first ``k`` lines heading the unit above and the rest the unit below.

        None when a side cannot take its lines: lines above must be a
        headline there (a crosshead drawn twice heads the text after it,
        never the text above); lines below are a headline or crossheads.
        """
        g = self.groups[gi]
        above, below = g.lines[:k], g.lines[k:]
        prev, nxt = self._unit(g.prev), self._unit(g.next)
        if above and not _headline_above(prev, above, self.has_lead):
            return None
        if above and self._photo_title_unrestated(gi, k):
            return None
        headline_below = bool(below) and heads_below(nxt, below, self.has_lead)
        if below and not headline_below and not (nxt is not None and nxt.kind in _TAKES_CROSSHEADS):
            return None
        if above and below and not self._split_has_evidence(gi, k, headline_below):
            return None
        return self._score(gi, k, headline_below)

    def _photo_title_unrestated(self, gi: int, k: int) -> bool:
        """Group ``gi``'s first ``k`` lines would title the photo before them, whose caption restates too few of
        their words (``PHOTO_TITLE_AFTER_MIN_FIT``): a title printed after a caption must name what it shows."""
        prev = self._unit(self.groups[gi].prev)
        return prev is not None and prev.kind == "photo" and self.fit(gi, k, True) < PHOTO_TITLE_AFTER_MIN_FIT

    def _split_has_evidence(self, gi: int, k: int, headline_below: bool) -> bool:
        """A group is cut into two headlines only where each shares words with the text it heads.

        Giving the whole group to one side needs no such evidence (its place
        decides), nor do crossheads below (a section's title need not repeat
        its words); two headlines cut from one group do, or the unit above
        takes a headline it never restates.
        """
        above_ok = self.fit(gi, k, True) > SPLIT_MIN_FIT or self._awaits_head_after(self.groups[gi].prev)
        return above_ok and (not headline_below or self.fit(gi, k, False) > SPLIT_MIN_FIT)

    def _awaits_head_after(self, idx: int | None) -> bool:
        """Unit ``idx`` can only be headed by the lines after it: a story or a signed text with nothing above it."""
        return idx is not None and self.units[idx].kind in ("story", "lead") and idx not in self.headed_from_above

    def _score(self, gi: int, k: int, headline_below: bool) -> float:
        """The score of a split both sides can take: the claims per line of the group, less what it costs."""
        g = self.groups[gi]
        n = len(g.lines)
        above, below = g.lines[:k], g.lines[k:]
        claims = (self._above_score(gi, k) if above else 0.0) \
            + (self._below_score(gi, k, headline_below) if below else 0.0)
        score = claims / n
        if _splits_adjacent_lines(above, below) and not self._two_heads(gi, k):
            score -= ADJACENT_SPLIT_PENALTY
        if self.has_lead:
            score -= _lead_page_cost(self._unit(g.prev), above, n)
            score -= _lead_page_cost(self._unit(g.next), below if headline_below else [], n)
        return score

    def _two_heads(self, gi: int, k: int) -> bool:
        """Split ``k`` cuts group ``gi`` into two heads printed together, each its own side's.

        Pages print the head of one text after it, just over the head of the
        next: ``与人奋斗`` / ``为足球拾遗`` / ``排查整治隐患`` / ``营造祥和氛围`` /
        ``铁西区开展安全生产检查``. The group is more than one headline can
        hold (``headline_parts`` leaves lines over), the split cuts neither a
        couplet nor a kicker from its main line, each side is a whole head
        (``_whole_heads_meet``) that restates its own text
        (``TWO_HEADS_MIN_FIT``) and none of the other's: that evidence
        outweighs the habit of lines printed together being one headline
        (``ADJACENT_SPLIT_PENALTY``).
        """
        g = self.groups[gi]
        if g.prev is None or g.next is None or not _whole_heads_meet(g.lines, k) or self._one_headline_at(gi, k):
            return False
        if min(self.fit(gi, k, True), self.fit(gi, k, False)) < TWO_HEADS_MIN_FIT:
            return False
        if not (self._shaped((gi, 0, k)) and self._shaped((gi, k, len(g.lines)))):
            return False
        return overlap(heading_words(g.lines[:k]), self._body(g.next)) == 0.0 \
            and overlap(heading_words(g.lines[k:]), self._body(g.prev)) == 0.0

    def _one_headline_at(self, gi: int, k: int) -> bool:
        """Group ``gi`` reads as one headline (``headline_parts`` leaves no line over), or split ``k`` falls inside
        its main lines: line ``k`` is a couplet's second half or the main line under a kicker."""
        lines = self.groups[gi].lines
        parts = headline_parts(lines)
        return not parts.rest or any(ln is lines[k] for ln in parts.headline)

    def _unit(self, idx: int | None) -> Unit | None:
        """The unit at ``idx``, if a group has one on that side."""
        return self.units[idx] if idx is not None else None

    def _above_score(self, gi: int, k: int) -> float:
        """The claim of group ``gi``'s first ``k`` lines on the unit above, per line, with what their place adds."""
        g = self.groups[gi]
        assert g.prev is not None  # can_take_headline said yes
        prev = self.units[g.prev]
        fit = self.claim(gi, k, True)
        score = fit * k
        if prev.kind == "story" and g.prev not in self.headed_from_above:
            score += NO_HEAD_ABOVE_BONUS * k
        elif prev.kind == "lead":
            score += HEADLESS_LEAD_BONUS * k
        elif self._headed_above(g.prev, fit):
            score -= HEADED_ABOVE_PENALTY * k
        return score

    def _below_score(self, gi: int, k: int, headline: bool) -> float:
        """The claim of group ``gi``'s lines from split ``k`` on the unit below, per line: as headline or crossheads."""
        return self.claim(gi, k, False) * (len(self.groups[gi].lines) - k) * (1.0 if headline else CROSSHEAD_WEIGHT)

    def _headed_above(self, idx: int, fit: float) -> bool:
        """Unit ``idx`` has undecided heading lines straight above it that fit it better than ``fit``."""
        above = self.group_above.get(idx)
        return above is not None and above in self.undecided and self.units[idx].kind in ("story", "orphan") \
            and self.claim(above, 0, False) > fit


def _headline_above(unit: Unit | None, lines: list[Line], has_lead: bool) -> bool:
    """Heading lines are the headline of the unit before them (none drawn twice: crossheads head the text after)."""
    return can_take_headline(unit, lines, True, has_lead) and not any(map(drawn_twice, lines))


def _whole_heads_meet(lines: list[Line], k: int) -> bool:
    """The phrases on either side of split ``k`` are whole heads: long enough (``TWO_HEADS_MIN_CHARS``), no
    byline, the lower not going on from the upper (``opens_mid_phrase``) nor its ——subtitle (``——本报评论员``)."""
    last, first = heading_phrases(lines[:k])[-1].text, heading_phrases(lines[k:])[0].text
    return lines[k].kind == HEAD and not opens_mid_phrase(first) and all(
        han_count(text) >= TWO_HEADS_MIN_CHARS and not is_byline_text(text) for text in (last, first))


def _splits_adjacent_lines(above: list[Line], below: list[Line]) -> bool:
    """The split falls between two lines printed with no blank line between them."""
    return bool(above) and bool(below) and below[0].no == above[-1].no + 1


def _lead_page_cost(unit: Unit | None, lines: list[Line], n: int) -> float:
    """On a lead's page, what heading lines cost as the headline of orphan prose without its own credit."""
    if lines and unit is not None and unit.kind == "orphan" and not _closed_by_own_credit(unit):
        return ORPHAN_ON_LEAD_PAGE_PENALTY * len(lines) / n
    return 0.0


def heads_below(unit: Unit | None, lines: list[Line], has_lead: bool) -> bool:
    """Heading lines are the headline of the unit after them (not all drawn twice: those are crossheads)."""
    return can_take_headline(unit, lines, False, has_lead) and not all_crossheads(lines)


def can_take_headline(unit: Unit | None, lines: list[Line], after: bool, has_lead: bool) -> bool:
    """Whether heading lines can be a headline of ``unit``.

    Stories and orphan prose take a headline before or after their body
    (pages that print the head below the text do so for continued and
    credit-less stories too); a photo takes a short title above it, or after
    its caption when the caption restates it (``HeadScorer``'s
    ``PHOTO_TITLE_AFTER_MIN_FIT``). On
    a page with a lead feature, whose body is scattered in orphan runs, a
    single phrase next to orphan prose is a crosshead, not a headline.
    """
    if unit is None or not _open_for_headline(unit, lines, after):
        return False
    if unit.kind == "story":
        return True
    if unit.kind == "lead":  # a byline with no headline above it: the headline comes after
        return not any(ln.kind in (HEAD, SUBTITLE) for ln in unit.lead_lines)
    if unit.kind == "photo":
        return len(lines) <= PHOTO_TITLE_MAX_LINES
    return unit.kind == "orphan" and not (has_lead and _crosshead_on_lead_page(unit, lines))


def _open_for_headline(unit: Unit, lines: list[Line], after: bool) -> bool:
    """The unit has text and no headline yet, and one headline can take all the lines: a few, a head longer only
    because its ——subtitle wraps (``runs_on_through_subtitle_wraps``), or however many one phrase wraps onto at a
    narrow measure (``_one_wrapped_phrase``), over the text or after a story it restates.

    Pages that print a head after its text do so for stories opened by their dateline: a narrow headline wrapped
    over five lines or more after one whose text restates it (``我陆上石油勘`` / … / ``改革攻坚和科`` / ``技攻关``)
    is its headline whole, where the lines past ``MAX_HEADLINE_LINES`` were left over or went to the next text.
    Orphan prose above such a phrase may be a column's tail whose head stands elsewhere (taking it too cost unread-a
    exact_body 0.5354 -> 0.5346), and a story that restates none of it leaves it to the text after it.
    """
    return unit.head is None and bool(unit.paras) \
        and (len(lines) <= MAX_HEADLINE_LINES or runs_on_through_subtitle_wraps(lines)
             or (_one_wrapped_phrase(lines) and (not after or _heads_story_after(unit, lines))))


def _heads_story_after(unit: Unit, lines: list[Line]) -> bool:
    """The unit is a story that restates enough of the heading lines' words (``HEAD_AFTER_TEXT_MIN_FIT``) to be the
    text they head from after it."""
    return unit.kind == "story" and overlap(heading_words(lines), unit.scored_bigrams()) >= HEAD_AFTER_TEXT_MIN_FIT


def _one_wrapped_phrase(lines: list[Line]) -> bool:
    """Heading lines that fill one narrow measure as one phrase (``measure_phrases``), with no sentence end in it: a
    headline wrapped at its measure. Text misread as heading lines wraps at its column too, but its sentences end
    (``……``, ``！``)."""
    phrases = measure_phrases(lines)
    return len(phrases) == 1 and not any(mark in phrases[0].text for mark in SENTENCE_ENDS)


def _crosshead_on_lead_page(unit: Unit, lines: list[Line]) -> bool:
    """On a lead's page a single phrase is a crosshead.

    A one-line couplet, or a full-length line over text signed by its own credit, is a headline.
    """
    phrases = heading_phrases(lines)  # a phrase wrapped over lines of a narrow column is one
    return len(phrases) == 1 and not is_one_line_couplet(phrases[0].text) \
        and not (_closed_by_own_credit(unit) and is_full_headline(phrases[0]))


def _closed_by_own_credit(unit: Unit) -> bool:
    """Orphan prose closed by a trailing credit ``（记者 X）`` or an author note: an article, not a feature's section."""
    return bool(unit.paras) and unit.paras[-1].credited
