"""Heading lines printed far from their text, given back to the text they restate.

Two habits of theory and essay pages: several essays' heads printed
together in one cluster (or one stacked above another), and a package's
banner printed among other heads while its essay shows only a subtitle and
a byline.
"""

from __future__ import annotations

import math
from operator import attrgetter, itemgetter
from typing import Final, NamedTuple

from banmian.tasks.text.lexicon import bigram_set, break_splits_word, is_word_other_than_name, overlap, unspaced
from banmian.tasks.text.credits import AUTHOR_NOTE_RE
from banmian.tasks.text.chars import SENTENCE_MARKS
from banmian.tasks.text.lines import (BYLINE, HEAD, INDENT_MAX, MAX_HEAD_RUN, NARROW_HEAD_SHARE, SUBTITLE, Line,
                                      is_one_line_couplet)
from banmian.tasks.text.segment.headlines import (DASHES, body_words, cleaned_heading, heading_phrases, heading_words,
                                                  headline_blocks, headline_parts, is_full_headline,
                                                  printed_together)
from banmian.tasks.text.segment.units import Unit, UnitKind

#: A clustered line heads a far unit when this share of its bigrams is in
#: that unit's body (a headline restates its essay's words: listed essays'
#: headlines on the wild pages score 0.6-1.0 against their bodies) ...
FAR_CLAIM_MIN: Final = 0.6
#: A text opened by its own dateline or signed (a story, a lead), or prose on a page with no lead (no
#: scattered section of another text), that has no headline takes a far head restating this share of its
#: words (with the same margin): a short head (``开罗萍水几人家``) restates few of its body's words.
#: Prose on a page with no lead too: gate/unread-a/unread-b +0/+0.0009/+0.0004. Calibrated on all sets:
#: 0.4 lifts gate/unread-a/unread-b article_f1 (+0.0007/+0.0015/+0.0023), gen and wild alike; 0.3 heads
#: more (gate headline_acc +0.0014) but costs gate article_f1 0.0002; 0.4 for every taker costs gen42 0.0026.
HEADLESS_STORY_CLAIM_MIN: Final = 0.4
#: ... and this much more than it is in the body of the unit it was given
#: to (theory pages share a vocabulary: 0.3 keeps a line that fits both).
FAR_CLAIM_MARGIN: Final = 0.3
#: A head moves far only when it has this many distinct bigrams: a short
#: label (``第一期``) shares its few with many bodies. Calibrated on gate
#: and the unread scores: 4 and none score within 0.001 (gate article_f1
#: +0.0005); kept as the floor of evidence a move needs.
FAR_HEAD_MIN_BIGRAMS: Final = 4
#: A text takes the headline of a cluster stacked on it that restates this share of its words (the
#: evidence a cut of a group between two texts needs, ``assignment.SPLIT_MIN_FIT``, is any shared word).
STACKED_HEAD_MIN_FIT: Final = 0.0
#: Lines a subject line stands under its headline when a blank sets it apart (``headlines.SUBJECT_MAX_GAP``).
SUBJECT_APART_GAP: Final = 2
#: A name is set under its head in a stack of essays' heads at most this many lines below the line before
#: it (a blank between): on the wild stacks (011607, 012207) each name stands 1-2 lines under its head.
NAME_UNDER_HEAD_MAX_GAP: Final = 2

#: A couplet left over over a head is its main headline when its two halves print as many characters, at least
#: this many: the couplets over subject lines on gate print 4-7 a half (``明确思路`` / ``笃行实干``); ``八十八`` /
#: ``亿元`` and ``进万家 四川`` are a figure and a place cut from other lines.
COUPLET_HALF_MIN_CHARS: Final = 4

#: A ——subtitle under a left-over couplet that the text under it prints word for word is its subject line cut
#: into pieces when it says this many characters at least: a subject line names the event (gate: 11-21).
SUBJECT_SAID_MIN_CHARS: Final = 8

#: Units that can take a head printed far from them: the texts of a page, and a photo's caption (its title
#: wrapped over more lines than a photo takes from above, ``assignment.PHOTO_TITLE_MAX_LINES``), which takes
#: only a head no text took (``_may_take_from``). Not briefs. Photos as takers of left-over heads: gate/unread-a
#: headline_acc +0.002/+0.003, unread-a article_f1 +0.0009; of any text's head too, unread-b article_f1 -0.0008.
_FAR_TAKERS: Final[tuple[UnitKind, ...]] = ("story", "orphan", "lead", "photo")
#: Units whose one-line head can be a banner another unit lacks.
_BANNER_DONORS: Final[tuple[UnitKind, ...]] = ("story", "orphan")


class FarMove(NamedTuple):
    """A head given back: ``lines`` leave ``donor`` for ``taker``, whose body restates them by ``margin`` more."""

    margin: float
    donor: Unit | None
    lines: list[Line]
    taker: Unit


def claim_far_heads(units: list[Unit], stacked: list[tuple[Unit, list[Line]]],
                    leftovers: list[list[Line]] | None = None) -> list[list[Line]]:
    """Give heading lines printed far from their text to the unit whose body they restate.

    Pages that print several essays' heads together (a column of heads
    beside the text) leave the cluster to one unit and the other essays
    headless; a head printed straight above another essay's head is taken
    for that essay's crossheads (``stacked``: each unit with the heading
    lines it took so); a head printed after its body, or moved down past
    other stories, is taken by the text it lands next to, or left over
    (``leftovers``). A full-length line of a cluster, a stacked head with a
    full-length line, a unit's whole head, or a left-over group, whose words
    are in one text's body far more than in the body of the unit it was
    given to (and of any other unit), heads that text, when the text has no
    headline of its own or one that restates it far less (that head is
    then given to the unit the moved head left, when that one is headless,
    or left over). The best-fitting move is made first (a line with the whole
    head it is part of, when that may move to the same text); a cluster always
    keeps one full line for its own unit. A couplet left over right above a
    text's head then takes that head as its subject line (``_take_couplet_above``).
    Returns the lines still left over.
    """
    left = list(leftovers or [])
    left.extend(_heads_glued_to_captions(units))
    bodies = _bodies(units)
    _head_from_stacked_clusters(stacked, left, bodies)
    _head_from_clustered_heads(units, left, bodies)
    moved: set[int] = set()  # ids of the heads moved: each moves once
    while (move := _best_far_move(units, _far_heads(units, stacked, left, moved, bodies), bodies)) is not None:
        move = _with_its_head_cluster(move, units, _source_of(move, stacked, left), bodies)
        moved.add(id(move.lines))
        names = _names_under(move)
        _move_far_head(move, stacked, left)
        _carry_names(move, names, units)
    for unit in units:
        _leave_others_subject(unit, units, left, bodies)
    for unit in units:
        _head_signed_essay(unit, units, bodies)
    for unit in units:
        _take_couplet_above(unit, left)
    return left


def _heads_glued_to_captions(units: list[Unit]) -> list[list[Line]]:
    """Heads read as the first lines of a photo's caption, cut off it: each is left over, to head the text it
    restates.

    A head printed after its text, or moved down past it, may land right over a photo's caption; its lines carry
    no sentence mark, so they are read as the caption's opening (``天津蓟县发现17亿`` / ``年前宇宙尘`` / ``新 疆 军 区
    某 汽 车 团 …``). Their measure gives them away: narrow lines over a caption set at a far wider one
    (``_head_atop_caption``). They leave the caption only when a headless text restates them as a far head must
    (``_restated_by_a_headless_text``), far more than what is left of the caption does; else the caption keeps
    them (a photo's title set with its caption, or an opening it restates).
    """
    found = []
    for unit in units:
        head = _head_atop_caption(unit)
        if head and _restated_by_a_headless_text(head, unit, units):
            para = unit.paras[0]
            unit.paras[0] = para.with_lines(para.lines[len(head):])
            for ln in head:
                ln.kind = HEAD
            found.append(head)
    return found


def _head_atop_caption(unit: Unit) -> list[Line]:
    """A photo caption's first lines that are a head's: up to ``lines.MAX_HEAD_RUN`` lines with no sentence mark,
    each at most ``lines.NARROW_HEAD_SHARE`` of the caption line under them and more than an indent
    (``lines.INDENT_MAX``) short of it (text goes on at its column's width; a caption's first line is full or an
    indent short); none when there are no such lines or nothing under them."""
    if unit.kind != "photo" or not unit.paras:
        return []
    lines = unit.paras[0].lines
    for k in range(1, min(MAX_HEAD_RUN, len(lines) - 1) + 1):
        if any(mark in lines[k - 1].text for mark in SENTENCE_MARKS):
            return []
        widest = max(ln.width for ln in lines[:k])
        if widest <= lines[k].width * NARROW_HEAD_SHARE and lines[k].width - widest > INDENT_MAX:
            return lines[:k]
    return []


def _restated_by_a_headless_text(head: list[Line], photo: Unit, units: list[Unit]) -> bool:
    """A text with no full-length headline restates the head as a far head needs (``HEADLESS_STORY_CLAIM_MIN`` for
    a headless story, else ``FAR_CLAIM_MIN``), by ``FAR_CLAIM_MARGIN`` more than the rest of the caption and any
    other unit does."""
    grams = bigram_set(heading_words(head))
    if len(grams) < FAR_HEAD_MIN_BIGRAMS:
        return False
    fits = [(u, _share(grams, u.scored_bigrams())) for u in units if u is not photo and u.paras]
    takers = [(u, fit) for u, fit in fits if _may_take_a_glued_head(u)]
    if not takers:
        return False
    taker, fit = max(takers, key=itemgetter(1))
    rest = photo.body_text()[len("".join(ln.text for ln in head)):]
    rival = max([_share(grams, bigram_set(body_words(rest)))] + [f for u, f in fits if u is not taker])
    floor = HEADLESS_STORY_CLAIM_MIN if _headless_story(taker, units) else FAR_CLAIM_MIN
    return _restates_far_more(fit, rival, floor)


def _may_take_a_glued_head(unit: Unit) -> bool:
    """A text (no photo) that may take a far head and has no full-length headline yet."""
    return unit.kind in _FAR_TAKERS and unit.kind != "photo" and not _has_full_headline(unit)


def _take_couplet_above(unit: Unit, left: list[list[Line]]) -> None:
    """A couplet no text took, printed right above a unit's one-phrase head, is that head's main headline: the head
    is its subject line.

    A couplet headline (``明确思路`` / ``笃行实干``) over its subject line (``四平经开区召开2023年重点工作动员部署会``)
    takes more lines than one heading block may (``headlines.MAX_BLOCK_LINES``) when a half or the subject wraps:
    the block is cut, the subject (it restates the text's words) heads the text and the couplet is left over. The
    evidence is the shape: the left-over lines end at most ``SUBJECT_APART_GAP`` lines over the head, and they and
    the head read as one headline whose main headline is a couplet of those lines alone, with the head under it
    as subject line, nothing left over.
    """
    head = unit.head
    if not head or not unit.paras or headline_parts(head).subject is not None:
        return
    body = body_words(unit.body_text()).replace(" ", "")
    for group in left:
        above = _couplet_over(group, head, body)
        if above:
            unit.head = above + head
            _drop_left_lines(left, above)
            return


def _couplet_over(group: list[Line], head: list[Line], body: str) -> list[Line]:
    """The most last lines of ``group`` printed right over ``head`` that make it a couplet's subject line (``body``:
    the text's words, unspaced)."""
    run = _run_ending_over(group, head[0].no)
    for k in range(len(run)):
        if _couplet_with_subject(run[k:], head, body):
            return run[k:]
    return []


def _run_ending_over(group: list[Line], start: int) -> list[Line]:
    """The lines of ``group`` printed one under another (a blank between at most) that end at most
    ``SUBJECT_APART_GAP`` lines above page line ``start`` (none when the group ends elsewhere)."""
    above = [ln for ln in group if ln.no < start]
    if not above or start - above[-1].no > SUBJECT_APART_GAP:
        return []
    k = len(above) - 1
    while k > 0 and above[k].no - above[k - 1].no <= SUBJECT_APART_GAP:
        k -= 1
    return above[k:]


def _couplet_with_subject(lines: list[Line], head: list[Line], body: str) -> bool:
    """``lines`` over ``head`` read as a couplet headline printed on ``lines`` alone, with a subject line under
    it and no line left over; or a ——subtitle under it (a subject line cut into pieces, some left over with the
    couplet) that the text prints word for word (``body``): ``——四平经开区`` / ``召开2023年重点`` over
    ``工作动员部署会``, the text says 四平经开区召开2023年重点工作动员部署会."""
    parts = headline_parts(lines + head)
    if parts.kicker or parts.extra or parts.rest or not _couplet_headline_over(parts.headline, head[0].no):
        return False
    if parts.subtitle is None:
        return parts.subject is not None
    said = heading_words([parts.subtitle] + parts.wrapped).lstrip(DASHES + " ").replace(" ", "")
    return len(said) >= SUBJECT_SAID_MIN_CHARS and said in body


def _couplet_headline_over(headline: list[Line], start: int) -> bool:
    """A couplet of two halves as long (``COUPLET_HALF_MIN_CHARS`` at least), printed above page line ``start``."""
    return _couplet_of_halves_as_long(headline) and all(ln.no < start for ln in headline)


def _couplet_halves(headline: list[Line]) -> list[int]:
    """The characters of each half of a couplet headline (two lines, or one line with a gap); else of each line."""
    texts = [cleaned_heading(ln.text) for ln in headline]
    if len(texts) == 1 and is_one_line_couplet(headline[0].text):
        texts = texts[0].split()
    return [len(t.replace(" ", "")) for t in texts]


def _head_signed_essay(taker: Unit, units: list[Unit], bodies: dict[int, frozenset[str]]) -> None:
    """A signed essay with no head takes the second headline of a text given two, when no body restates it more.

    A note and a name close a whole essay (``Unit.signed``), so it has a
    headline somewhere; two essays' headlines printed together land on one
    text, which keeps the one it restates better. On a page of one theme
    every body restates every headline a little (no far margin,
    ``FAR_CLAIM_MARGIN``, can be had: wild 010407, ``准确把握社会主要矛盾的变化``
    over 颜晓峰's intro, which keeps ``我国社会主要矛盾变化的重大意义``): the
    evidence is that the essay needs a head, and that it restates this one
    best of all the page's texts.
    """
    if not taker.signed or _heading_lines(taker) or id(taker) not in bodies:
        return
    offers = [(fit, donor, ln) for fit, donor, ln in _spare_headline_fits(taker, units, bodies)
              if fit >= FAR_CLAIM_MIN and fit > _best_other_fit(ln, taker, units, bodies)]
    if offers:
        _, donor, line = max(offers, key=itemgetter(0))
        donor.head = [ln for ln in donor.head or [] if ln is not line]
        taker.head = [line]


def _spare_headline_fits(taker: Unit, units: list[Unit],
                         bodies: dict[int, frozenset[str]]) -> list[tuple[float, Unit, Line]]:
    """Each other text's spare headline (``_spare_headlines``) with how much ``taker``'s body restates it."""
    return [(_share(bigram_set(heading_words([ln])), bodies[id(taker)]), donor, ln)
            for donor in units if donor is not taker and id(donor) in bodies for ln in _spare_headlines(donor, bodies)]


def _spare_headlines(donor: Unit, bodies: dict[int, frozenset[str]]) -> list[Line]:
    """The full-length lines of a text's head of two or more that it restates less than another it keeps."""
    full = [ln for ln in donor.head or [] if is_full_headline(ln)]
    if len(full) < 2:
        return []
    fits = [overlap(heading_words([ln]), bodies[id(donor)]) for ln in full]
    return [ln for ln, fit in zip(full, fits) if fit < max(fits)]


def _best_other_fit(line: Line, taker: Unit, units: list[Unit], bodies: dict[int, frozenset[str]]) -> float:
    """How much the body that best restates ``line`` among every text but ``taker`` restates it."""
    grams = bigram_set(heading_words([line]))
    return max((_share(grams, bodies[id(u)]) for u in units if u is not taker and id(u) in bodies), default=0.0)


def _subject_set_apart(head: list[Line]) -> Line | None:
    """The head's subject line when it is a full-length line set a blank apart under its headline (else None)."""
    if len(head) < 2:  # a one-line head has none: no need to read it
        return None
    parts = headline_parts(head)
    subject = parts.subject
    if subject is None or parts.wrapped or not parts.headline or not is_full_headline(subject):
        return None
    return subject if subject.no - parts.headline[-1].no >= SUBJECT_APART_GAP else None


def _leave_others_subject(unit: Unit, units: list[Unit], left: list[list[Line]],
                          bodies: dict[int, frozenset[str]]) -> None:
    """A subject line set apart under the unit's headline that another text restates far more is another essay's
    head, stacked under this one: it is left over (for a text that takes it, or the residue).

    Two essays' heads printed one under the other read as headline and subject
    line; when no text took the second one by a margin over every other
    (several pieces of one scattered essay restate it alike), the unit under
    it still must not keep it: its body restates it far less than another's.
    """
    head = unit.head
    subject = _subject_set_apart(head) if head is not None and id(unit) in bodies else None
    if head is None or subject is None:
        return
    grams = bigram_set(heading_words([subject]))
    own = _share(grams, bodies[id(unit)])
    if len(grams) < FAR_HEAD_MIN_BIGRAMS or own > 1.0 - FAR_CLAIM_MARGIN:  # no body can restate it far more
        return
    best = max((_share(grams, bodies[id(u)]) for u in units if u is not unit and id(u) in bodies), default=0.0)
    if _restates_far_more(best, own):
        unit.head = [ln for ln in head if ln is not subject]
        left.append([subject])


def _head_from_stacked_clusters(stacked: list[tuple[Unit, list[Line]]], left: list[list[Line]],
                                bodies: dict[int, frozenset[str]]) -> None:
    """A headless text under a stacked cluster of several headlines takes the one that restates its words.

    Pages that print a few stories' heads together over one of the texts
    (``集中资金…`` / ``燃太岳烽火树浩然正气`` / ``——忆…`` over a story) leave
    the whole cluster to that text as crossheads: no headline could take
    them all. The text's headline is the cluster's block its body restates
    best; the other blocks are left over, for the texts they restate
    (``claim_far_heads``) or the residue.
    """
    for k in reversed(range(len(stacked))):
        unit, lines = stacked[k]
        if unit.head is not None or _heading_lines(unit) or _in_series(lines):
            continue
        picked = _block_it_restates(unit, lines, bodies)
        if picked is not None:
            del stacked[k]
            _drop_top_crossheads(unit, lines)
            unit.head = _keep_one_block(picked, left)


def _head_from_clustered_heads(units: list[Unit], left: list[list[Line]], bodies: dict[int, frozenset[str]]) -> None:
    """A text given a head of several headlines (a cluster no headline takes whole) keeps the one it restates.

    A group of up to four lines may hold two short headlines (``全市冬储蔬菜供应充足`` over
    ``抢前抓早购良种`` / ``备足种子保丰收``); the text under it takes them all. The blocks its body
    restates less are left over, as in ``_head_from_stacked_clusters``.
    """
    for unit in units:
        if unit.head and not any(ln.kind == HEAD for ln in unit.lead_lines):
            picked = _block_it_restates(unit, unit.head, bodies)
            if picked is not None:
                unit.head = _keep_one_block(picked, left)


def _block_it_restates(unit: Unit, lines: list[Line], bodies: dict[int, frozenset[str]]) -> tuple[int, list[list[Line]]] | None:
    """Heading lines read as several headlines (``headline_blocks``), with the index of the one ``unit``'s body
    restates best; None when they are one headline, or it restates none of them (``STACKED_HEAD_MIN_FIT``)."""
    blocks = headline_blocks(lines)
    if len(blocks) < 2 or id(unit) not in bodies:
        return None
    fits = [overlap(heading_words(block), bodies[id(unit)]) for block in blocks]
    best = max(range(len(blocks)), key=lambda i: fits[i])
    return (best, blocks) if fits[best] > STACKED_HEAD_MIN_FIT else None


def _keep_one_block(picked: tuple[int, list[list[Line]]], left: list[list[Line]]) -> list[Line]:
    """The picked block, the others left over."""
    best, blocks = picked
    left.extend(block for i, block in enumerate(blocks) if i != best)
    return blocks[best]


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


def _may_give_stacked_head(unit: Unit, lines: list[Line], bodies: dict[int, frozenset[str]]) -> bool:
    """A stacked head with a full-length line, taken as crossheads by a text that has a full-length headline too,
    or by a headless text that restates none of its words (no section of that text)."""
    if not (unit.paras and any(is_full_headline(ln) for ln in lines)):
        return False
    return _has_full_headline(unit) or overlap(heading_words(lines), bodies[id(unit)]) == 0.0


def _bodies(units: list[Unit]) -> dict[int, frozenset[str]]:
    """Each unit's body (by ``id``) as a far head is scored against it; units with no text have none."""
    return {id(u): u.scored_bigrams() for u in units if u.paras}


def _far_heads(units: list[Unit], stacked: list[tuple[Unit, list[Line]]], left: list[list[Line]],
               moved: set[int], bodies: dict[int, frozenset[str]]) -> list[tuple[Unit | None, list[Line]]]:
    """Heads that may belong far away: a unit's whole head, each left-over group, each stacked head, and each
    full line of heading lines that hold two (several essays' heads)."""
    found = [head for k in range(len(units)) for head in _heads_of_unit(units, k, moved)]
    for lines in left:
        found.extend(_left_over_heads(lines, units, moved, bodies))
    found.extend((u, lines) for u, lines in stacked if _may_give_stacked_head(u, lines, bodies))
    found.extend((u, block) for u, lines in stacked if u.paras for block in _stacked_headlines(lines))
    return [(donor, lines) for donor, lines in found if not _in_series(lines)]


def _left_over_heads(lines: list[Line], units: list[Unit], moved: set[int],
                     bodies: dict[int, frozenset[str]]) -> list[tuple[Unit | None, list[Line]]]:
    """The heads of one left-over group that may move: its headlines when it reads as several, its full lines
    and itself (``_heads_of``), and the two heads of a narrow block it holds (``_narrow_heads_of_two_texts``)."""
    blocks = headline_blocks(lines)
    found: list[tuple[Unit | None, list[Line]]] = [(None, block) for block in blocks if len(blocks) > 1]
    found.extend(_heads_of(None, lines, lines, moved))
    found.extend((None, part) for block in blocks for part in _narrow_heads_of_two_texts(block, units, bodies))
    return found


def _narrow_heads_of_two_texts(block: list[Line], units: list[Unit],
                               bodies: dict[int, frozenset[str]]) -> list[list[Line]]:
    """The two parts of a left-over head wrapped in a narrow column (no full-length line) where it reads as the
    heads of two headless texts (``香港特`` / ``区政府`` ... then ``中亚五`` / ``国首脑`` / ``会晤``): cut where each
    part restates a different headless text far more (``FAR_CLAIM_MARGIN``) than it does the other part's; of such
    cuts, the one whose worse part does so by the most. A block with a subject line (``——记……``) is one head.
    Each part is a candidate far head; ``_far_moves`` still asks each for its own evidence."""
    texts = [u for u in units if id(u) in bodies]
    if len(block) < 2 or not texts or not _narrow_head_lines(block):
        return []
    cuts = [(margin, k) for k in range(1, len(block))
            if (margin := _two_heads_margin(block, k, texts, bodies)) is not None]
    if not cuts:
        return []
    k = max(cuts)[1]
    return [block[:k], block[k:]]


def _text_restating_most(grams: frozenset[str], texts: list[Unit], bodies: dict[int, frozenset[str]]) -> Unit:
    """The text whose body holds the largest share of a head's bigrams (the first of equals)."""
    return max(texts, key=lambda unit: _share(grams, bodies[id(unit)]))


def _narrow_head_lines(block: list[Line]) -> bool:
    """Head lines only (no subject line), none of them full-length: what heads wrapped in a narrow column print."""
    return all(ln.kind == HEAD and not is_full_headline(ln) for ln in block)


def _two_heads_margin(block: list[Line], k: int, texts: list[Unit],
                      bodies: dict[int, frozenset[str]]) -> float | None:
    """How much more each part of ``block`` cut before line ``k`` restates the text it fits best than the other
    part's text (the smaller of the two), when both parts have enough words to move, both texts are headless (no
    full-length headline) and both margins reach ``FAR_CLAIM_MARGIN``."""
    parts = [bigram_set(heading_words(part)) for part in (block[:k], block[k:])]
    if min(map(len, parts)) < FAR_HEAD_MIN_BIGRAMS:
        return None
    best = [_text_restating_most(grams, texts, bodies) for grams in parts]
    if any(map(_has_full_headline, best)):
        return None
    margin = min(_share(grams, bodies[id(own)]) - _share(grams, bodies[id(other)])
                 for grams, own, other in zip(parts, best, best[::-1]))
    return margin if margin >= FAR_CLAIM_MARGIN else None


def _heads_of_unit(units: list[Unit], k: int, moved: set[int]) -> list[tuple[Unit | None, list[Line]]]:
    """The heads of unit ``k`` that may belong far away: of a text, its heads (``_heads_of``), the headlines of a
    head that reads as several, and a stacked lead's own head; of a lead with no text, its head."""
    donor = units[k]
    if not donor.paras:
        own = _head_of_textless_lead(donor)
        heads = ([] if own is None else [own]) + _full_headlines_of_textless_lead(donor)
        return [(donor, lines) for lines in heads]
    found = _heads_of(donor, _heading_lines(donor), donor.head, moved)
    found.extend((donor, block) for block in _stacked_headlines(_heading_lines(donor)))
    if k and _is_textless_lead(units[k - 1]):
        found.extend((donor, own) for own in _stacked_lead_head(donor))
    return found


def _full_headlines_of_textless_lead(unit: Unit) -> list[list[Line]]:
    """The headlines of a lead with no text whose heads read as several (a stack of heads printed apart from their
    texts), each one with a full-length line: a far head on its own. A headline with no full line (``开展安全`` /
    ``生产检查``) is too short to leave the stack on its words alone: offered too, such heads cost unread-b
    article_f1 0.6625 -> 0.6623 and exact_body 0.5521 -> 0.5515."""
    if not _is_textless_lead(unit):
        return []
    blocks = _stacked_headlines([ln for ln in unit.lead_lines if ln.kind == HEAD])
    return [block for block in blocks if any(map(is_full_headline, block))]


def _is_textless_lead(unit: Unit) -> bool:
    """A lead with no text: heads (and names) printed apart from the text they head."""
    return unit.kind == "lead" and not unit.paras


def _stacked_lead_head(unit: Unit) -> list[list[Line]]:
    """A lead's own head (one headline with a full-length line) printed in a stack of essays' heads and names, right
    after a lead with no text: the stack lands over one essay's text, which its last head and name may not be
    (none for a unit that is no lead, or took a head already)."""
    heads = [ln for ln in unit.lead_lines if ln.kind == HEAD]
    if unit.kind != "lead" or unit.head is not None or not any(is_full_headline(ln) for ln in heads):
        return []
    return [heads] if len(headline_blocks(heads)) == 1 else []


def _head_of_textless_lead(unit: Unit) -> list[Line] | None:
    """The head lines of a lead with a byline and no text: a head and name printed in a stack of essays' heads,
    whose text is printed elsewhere; with no full-length headline, a head wrapped at a narrow measure whose last
    piece was read as its name (``_head_wrapped_into_a_name``); None for any other unit."""
    if not _is_textless_lead(unit) or not any(ln.kind == BYLINE for ln in unit.lead_lines):
        return None
    heads = [ln for ln in unit.lead_lines if ln.kind == HEAD]
    return heads if any(is_full_headline(ln) for ln in heads) else _head_wrapped_into_a_name(unit.lead_lines)


def _head_wrapped_into_a_name(lead: list[Line]) -> list[Line] | None:
    """A textless lead's lines as one head: heading lines and, last, a "name" that finishes the word the heading
    line above it breaks (``加拿大银`` / ``行注销无`` / ``主户头政`` / ``府增收千`` / ``万加元``, ``医疗机构安`` /
    ``全检查``) or that the dictionary reads whole as a word that is no name (``挠赴伊`` / ``商 船``, ``送你一束`` /
    ``阳光``). A headline wrapped at a narrow measure breaks its words anywhere, and a last piece of two or three
    characters reads as a bare name; a name signs a head, it does not finish its word, nor is it a common word.
    The head is a far head like any other, which moves only to a text that restates it (the piece is then a
    heading line: ``_move_far_head``). None for any other lead."""
    if len(lead) < 2 or lead[-1].kind != BYLINE or any(ln.kind != HEAD for ln in lead[:-1]):
        return None
    piece = unspaced(lead[-1].text)
    return list(lead) if break_splits_word(lead[-2].text, piece) or is_word_other_than_name(piece) else None


def _stacked_headlines(lines: list[Line] | None) -> list[list[Line]]:
    """The headlines of heading lines that read as several (``headline_blocks``), each one a head that may move
    to the text it restates; none when they read as one."""
    blocks = headline_blocks(lines) if lines else []
    return blocks if len(blocks) > 1 else []


def _in_series(lines: list[Line]) -> bool:
    """Crossheads of a series set inside an essay (``lines._mark_crosshead_series``): they stay with its text."""
    return all(ln.in_series for ln in lines)


def _heads_of(donor: Unit | None, lines: list[Line], whole: list[Line] | None,
              moved: set[int]) -> list[tuple[Unit | None, list[Line]]]:
    """The heads in one donor's heading lines: each full line when there are two (a unit keeps one of its own;
    left-over lines have no unit to keep one for), and the whole head when it is one headline (not a cluster)
    that has not moved yet."""
    full = [ln for ln in lines if is_full_headline(ln)]
    several = len(full) >= 2 or (donor is None and len(lines) > 1)
    found: list[tuple[Unit | None, list[Line]]] = [(donor, [ln]) for ln in full] if several else []
    if whole is not None and id(whole) not in moved and not _is_cluster(lines):
        found.append((donor, whole))
    return found


def _best_far_move(units: list[Unit], far_heads: list[tuple[Unit | None, list[Line]]],
                   bodies: dict[int, frozenset[str]]) -> FarMove | None:
    """The far head that restates one text's words by the widest margin over every other unit's (first of equals)."""
    to_beat = _fits_to_beat(units, bodies)
    moves = [move for donor, lines in far_heads for move in _far_moves(units, donor, lines, bodies, to_beat)]
    best = max(moves, key=_rank, default=None)
    if best is None:
        return None
    whole = _whole_head_of(best, moves)
    return whole if whole is not best else _with_its_headline(best, far_heads, units, bodies)


def _with_its_headline(best: FarMove, far_heads: list[tuple[Unit | None, list[Line]]], units: list[Unit],
                       bodies: dict[int, frozenset[str]]) -> FarMove:
    """A subject line moving alone takes the headline it is read under (``_subject_of``) along, when the text it
    moves to restates that whole head more than any other text does.

    A subject line says what happened and restates its text far more than its couplet (``引导文明施工`` /
    ``营造宜居环境``); the couplet, whose words other texts share, may not move by a margin of its own
    (``FAR_CLAIM_MARGIN``), but the subject line's move places the head it belongs to.
    """
    head = next((lines for donor, lines in far_heads if donor is best.donor and _subject_of(lines, best.lines)), None)
    if head is None:
        return best
    grams = bigram_set(heading_words(head))
    fit = _share(grams, bodies[id(best.taker)])
    if any(_share(grams, bodies[id(u)]) >= fit for u in units if u is not best.taker and id(u) in bodies):
        return best
    return FarMove(best.margin, best.donor, head, best.taker)


def _whole_head_of(best: FarMove, moves: list[FarMove]) -> FarMove:
    """The move of the whole head ``best``'s line is part of, when that head may move to the same text too and
    is printed as one (no blank line between its lines, or a subject line set a blank under its headline:
    ``_subject_of``): a headline moves with its subject line, not without it."""
    lines = {id(ln) for ln in best.lines}
    return next((m for m in moves if m.donor is best.donor and m.taker is best.taker and len(m.lines) > len(best.lines)
                 and lines <= {id(ln) for ln in m.lines}
                 and (printed_together(m.lines) or _subject_of(m.lines, best.lines))), best)


def _source_of(move: FarMove, stacked: list[tuple[Unit, list[Line]]], left: list[list[Line]]) -> list[Line]:
    """The heading lines a moving head is read from, in printed order: its left-over group, the stacked head it is
    part of, or its donor's heading lines."""
    if move.donor is None:
        return next((group for group in left if _part_of(move.lines, group)), [])
    found = next((lines for donor, lines in stacked if donor is move.donor and _part_of(move.lines, lines)), None)
    return found if found is not None else sorted(_heading_lines(move.donor), key=attrgetter("no"))


def _with_its_head_cluster(move: FarMove, units: list[Unit], source: list[Line],
                           bodies: dict[int, frozenset[str]]) -> FarMove:
    """A subject line (or a piece of one) moving far takes the headline printed straight over it, and the rest of
    its own lines, when the text it moves to restates that headline as a head's text must (``_goes_with_its_subject``).

    A head cluster printed away from its text (``不忘育人`` / ``初心`` / ``共筑廉洁`` / ``校园`` /
    ``铁西区中小学举行国`` / ``旗下宣誓活动``, over another essay's byline) is cut into blocks, or its lines are
    weighed one by one: the subject line, which restates its text's words most, moves; the couplet over it, with
    fewer words of its own to move on, stays to head the text under the cluster. Lines printed one under another
    (``headlines.printed_together``) that read as one headline, its subject line under it
    (``_head_around``), are one head; the evidence that the headline goes with its subject line is that the
    text the subject line moves to restates it no less than the essay under the cluster (``共筑廉洁校园`` is in the
    铁西区 text, not in the essay), or, for a couplet no text restates, its place over the subject line. A couplet
    restated by no text, and another text restating the headline within ``FAR_CLAIM_MARGIN``: gate headline_acc
    0.4367 -> 0.4388, unread-a 0.2622 -> 0.2648 (article_f1 0.6316 -> 0.6323), unread-b 0.2957 -> 0.2964.
    Prose (an orphan run) keeps the last heading lines it holds: once headless it joins another text
    (``orphans``), which a head's move does not decide (taking them cost unread-a exact_body 0.5369 -> 0.5365).
    """
    found = _head_around(source, move.lines)
    if found is None or _leaves_prose_headless(move.donor, found[0]):
        return move
    whole, headline = found
    grams = bigram_set(heading_words(headline))
    if len(grams) < FAR_HEAD_MIN_BIGRAMS or not _goes_with_its_subject(move, grams, whole, units, bodies):
        return move
    return FarMove(move.margin, move.donor, whole, move.taker)


def _goes_with_its_subject(move: FarMove, grams: frozenset[str], whole: list[Line], units: list[Unit],
                           bodies: dict[int, frozenset[str]]) -> bool:
    """The headline over a moving subject line (its bigrams ``grams``; ``whole``: the head) goes with it: the text
    it moves to restates it no less than the text under the cluster (the donor's), and no other text restates it
    far more (``FAR_CLAIM_MARGIN``); a headline whose words no text restates is a couplet (two halves as long,
    ``_couplet_halves``), which says no fact of its text (``明确思路`` / ``笃行实干``). The subject line taken whole
    restates the text as a far head must (``FAR_CLAIM_MIN``): a line read as the wrap of another head's subject
    line (``梨树县种子市场热闹起来了`` / ``全市冬储蔬菜供应充足``) takes neither along (unread-a headline_acc
    0.2648 -> 0.2637 but unread-b 0.2964 -> 0.2972, and no couplet over a line that is not its subject)."""
    fit = _share(grams, bodies[id(move.taker)])
    fits = {id(u): _share(grams, bodies[id(u)]) for u in units if u is not move.taker and id(u) in bodies}
    headline = headline_parts(whole).headline
    subject = [ln for ln in whole if ln.no > max(ln.no for ln in headline)]
    if fit < fits.get(id(move.donor), 0.0) or max(fits.values(), default=0.0) - fit >= FAR_CLAIM_MARGIN \
            or _share(bigram_set(heading_words(subject)), bodies[id(move.taker)]) < FAR_CLAIM_MIN:
        return False
    return fit > 0.0 or _couplet_of_halves_as_long(headline)


def _couplet_of_halves_as_long(headline: list[Line]) -> bool:
    """A headline of two halves as long (``_couplet_halves``), ``COUPLET_HALF_MIN_CHARS`` at least each."""
    halves = _couplet_halves(headline)
    return len(halves) == 2 and halves[0] == halves[1] >= COUPLET_HALF_MIN_CHARS


def _head_around(source: list[Line], lines: list[Line]) -> tuple[list[Line], list[Line]] | None:
    """The head ``lines`` are the subject line (or part of it) of, with its headline: the most lines of ``source``
    printed together with them (``_printed_with``) that read as one headline over a subject line or ——subtitle
    taking ``lines`` and no line of the headline (no kicker, no line left over). None when there is none."""
    at = [k for k, ln in enumerate(source) if _part_of([ln], lines)]
    if len(at) != len(lines) or not at or at[-1] - at[0] + 1 != len(at):
        return None
    first, last = at[0], at[-1]
    top, bottom = _printed_with(source, first, last)
    for i in range(top, first):
        for j in range(bottom, last - 1, -1):
            headline = _headline_over(source[i:j + 1], source[first].no)
            if headline:
                return source[i:j + 1], headline
    return None


def _printed_with(source: list[Line], first: int, last: int) -> tuple[int, int]:
    """The first and last index of the heading lines of ``source`` printed together with ``source[first:last + 1]``
    (one under another, no blank between)."""
    top, bottom = first, last
    while top > 0 and _heading_pair_printed_together(source[top - 1], source[top]):
        top -= 1
    while bottom + 1 < len(source) and _heading_pair_printed_together(source[bottom], source[bottom + 1]):
        bottom += 1
    return top, bottom


def _heading_pair_printed_together(above: Line, below: Line) -> bool:
    """Two heading lines (no name) printed one straight under the other."""
    return above.kind in (HEAD, SUBTITLE) and below.kind in (HEAD, SUBTITLE) and printed_together([above, below])


def _headline_over(lines: list[Line], start: int) -> list[Line]:
    """The lines of the headline ``lines`` read as, when they read as one headline (no kicker, nothing left over)
    over a subject line or ——subtitle, the headline ending above page line ``start``; else none."""
    parts = headline_parts(lines)
    if parts.kicker or parts.extra or parts.rest or (parts.subtitle is None and parts.subject is None):
        return []
    end = max(ln.no for ln in parts.headline)  # a headline wrapped onto several lines is read as its last
    return [ln for ln in lines if ln.no <= end] if end < start else []


def _leaves_prose_headless(donor: Unit | None, lines: list[Line]) -> bool:
    """Taking ``lines`` leaves an orphan run with no heading line."""
    return donor is not None and donor.kind == "orphan" \
        and all(_part_of([ln], lines) for ln in _heading_lines(donor))


def _subject_of(head: list[Line], lines: list[Line]) -> bool:
    """``lines`` are the subject line of ``head``, set a blank under a headline (and kicker) printed as one.

    A couplet's halves restate their text less than the subject line that says what happened
    (``强化职责担当`` / ``筑牢安全防线`` / blank / ``双辽市辽东街做好安全生产工作``): the subject line moves
    first, and its headline, read with it as one head (``headline_parts``), goes with it.
    """
    parts = headline_parts(head)
    above = parts.kicker + parts.headline
    return len(lines) == 1 and parts.subject is lines[0] and len(above) + 1 == len(head) and printed_together(above)


def _far_moves(units: list[Unit], donor: Unit | None, lines: list[Line],
               bodies: dict[int, frozenset[str]], to_beat: dict[int, float]) -> list[FarMove]:
    """The move of one head to a text that restates its words far more than its own unit and any other taker
    (a signed essay's scattered sections aside: ``_no_rival_of``).

    Only the best-fitting taker can restate them far more than every other (``FAR_CLAIM_MARGIN`` is above
    zero), so only it is weighed against the rest: a list of one move or none.
    """
    grams = bigram_set(heading_words(lines))  # read once, scored against every body
    if len(grams) < FAR_HEAD_MIN_BIGRAMS:
        return []
    own = _share(grams, bodies[id(donor)]) if donor is not None and id(donor) in bodies else 0.0
    fits = [(u, fit) for u in units if u is not donor and _may_take_from(u, donor, lines)
            and (fit := _far_fit(u, grams, bodies, to_beat)) is not None]
    if not fits:
        return []
    taker, fit = max(fits, key=itemgetter(1))
    rival = _best_rival(fits, taker)
    floor = HEADLESS_STORY_CLAIM_MIN if _headless_story(taker, units) or _first_text_under(taker, donor, lines, units) \
        else FAR_CLAIM_MIN
    return [FarMove(fit - own, donor, lines, taker)] if _restates_far_more(fit, max(own, rival), floor) else []


def _may_take_from(taker: Unit, donor: Unit | None, lines: list[Line]) -> bool:
    """A photo takes only a head no text took (left over, or a lead's with no text), or a whole headline set atop
    the head a text keeps (``_headline_set_atop_a_head``): a text's own head is never a photo's title."""
    return (donor is None or taker.kind != "photo" or _is_textless_lead(donor)
            or _headline_set_atop_a_head(donor, lines))


def _headline_set_atop_a_head(donor: Unit | None, lines: list[Line]) -> bool:
    """``lines`` are one full-length headline line printed in a text's head beside other heading lines, and no
    word runs across its breaks (``break_splits_word``): a whole headline of its own over (or under) the head its
    text keeps (``农民乐队新年为群众义演`` over ``阅享新时代`` / ``奋进新征程``), which a photo may take as its title
    when its caption restates it (gate headline_acc +0.0021, unread-a +0.0005, unread-b and the rest unchanged).
    A wrapped line (``冷水性珍稀鱼类获保`` / ``护专家建议重点保护``) is a piece of its text's own headline."""
    if donor is None or len(lines) != 1 or not is_full_headline(lines[0]):
        return False
    head = _heading_lines(donor)
    breaks = [(a, b) for a, b in zip(head, head[1:]) if lines[0] in (a, b)]
    return bool(breaks) and not any(break_splits_word(a.text, b.text) for a, b in breaks)


def _headless_story(unit: Unit, units: list[Unit]) -> bool:
    """A text with no heading line of its own whose headline is printed elsewhere: a story, a signed text, or
    prose on a page with no signed lead (whose scattered sections headless prose would be)."""
    if _heading_lines(unit):
        return False
    return unit.kind in ("story", "lead") or (unit.kind == "orphan" and not any(u.kind == "lead" for u in units))


def _first_text_under(unit: Unit, donor: Unit | None, lines: list[Line], units: list[Unit]) -> bool:
    """Headless prose that is the first text printed after a head no text took (``松花江上冰帆扬`` / a photo's credit /
    its text): where the head stands says it is this text's, so it needs the words of a headless story
    (``HEADLESS_STORY_CLAIM_MIN``), not of a far one, on a lead's page too (gate headline_acc +0.0007, unread-a and
    unread-b unchanged). Any prose a left-over head restates so: gate +0.0021 more, but unread-a/unread-b article_f1
    -0.0006/-0.0008 (a lead's section takes a head and stays apart); a unit's own head too: -0.0001/-0.0002.
    """
    if donor is not None or unit.kind != "orphan" or not unit.paras or _heading_lines(unit):
        return False
    starts = [u.paras[0].first_line for u in units if u.paras and u.paras[0].first_line > lines[-1].no]
    return unit.paras[0].first_line == min(starts, default=-1)


def _best_rival(fits: list[tuple[Unit, float]], taker: Unit) -> float:
    """The best fit of a far head to any unit but its taker that may contest it (``_no_rival_of``)."""
    return max((f for u, f in fits if u is not taker and not _no_rival_of(taker, u)), default=0.0)


def _no_rival_of(taker: Unit, unit: Unit) -> bool:
    """A signed essay's sections scattered over the page (headless orphan prose) join it later: their words are
    its words, and they contest no headline it takes (``_far_moves``)."""
    return taker.kind == "lead" and unit.kind == "orphan" and unit.head is None


def _rank(move: FarMove) -> tuple[bool, float]:
    """Left-over lines move as a whole headline before any one of their lines does; then the widest margin."""
    return move.donor is None and len(move.lines) > 1, move.margin


def _far_fit(unit: Unit, grams: frozenset[str], bodies: dict[int, frozenset[str]],
             to_beat: dict[int, float]) -> float | None:
    """How much of a far head's words (its bigrams ``grams``) ``unit``'s body restates, when the unit may take it
    (else None).

    ``to_beat``: ``_fits_to_beat`` of the page's units as they are now.
    """
    if id(unit) not in to_beat:
        return None
    fit = _share(grams, bodies[id(unit)])
    return fit if fit - to_beat[id(unit)] >= FAR_CLAIM_MARGIN else None


def _fits_to_beat(units: list[Unit], bodies: dict[int, frozenset[str]]) -> dict[int, float]:
    """For each unit that may take a far head (by ``id``), the fit of its own head, which a far head must beat by
    ``FAR_CLAIM_MARGIN``.

    Told once for every head weighed in one round (no head moves during it), not once for each head and unit.
    """
    return {id(u): _fit_to_beat(u, bodies) for u in units if u.kind in _FAR_TAKERS and id(u) in bodies}


def _fit_to_beat(unit: Unit, bodies: dict[int, frozenset[str]]) -> float:
    """How much the unit's own head restates its body: -inf for a text with no full-length headline yet (any
    far head may take it), inf for one whose head no far head displaces."""
    if not _has_full_headline(unit):
        return -math.inf
    if unit.head is None or any(ln.kind == HEAD for ln in unit.lead_lines) or _is_cluster(unit.head):
        return math.inf
    return overlap(heading_words(unit.head), bodies[id(unit)])


def _share(grams: frozenset[str], body: frozenset[str]) -> float:
    """Share of a head's bigrams (not none) that its body holds: ``lexicon.overlap`` of a head read once."""
    return len(grams & body) / len(grams)


def _restates_far_more(fit: float, own: float, floor: float = FAR_CLAIM_MIN) -> bool:
    """A head's words are in a far body (``fit``) far more than in its own unit's (``own``)."""
    return fit >= floor and fit - own >= FAR_CLAIM_MARGIN


def _move_far_head(move: FarMove, stacked: list[tuple[Unit, list[Line]]], left: list[list[Line]]) -> None:
    """The head leaves its donor and heads the taker; a head the taker had goes to the donor it leaves
    headless, or is left over. Lines the taker held without a full headline (a wrapped head's short last
    line) join the head in printed order: a headline read after its own tail reads backwards."""
    donor, lines, taker = move.donor, move.lines, move.taker
    _take_from_donor(move, stacked, left)
    for ln in lines:  # the last piece of a head wrapped into a name (``_head_wrapped_into_a_name``)
        if ln.kind == BYLINE:
            ln.kind = HEAD
    displaced = taker.head if _has_full_headline(taker) else None
    taker.head = lines if displaced is not None else sorted((taker.head or []) + lines, key=attrgetter("no"))
    if displaced is None:
        return
    if donor is not None and donor.head is None and donor.paras:
        donor.head = displaced
    else:
        left.append(displaced)


def _names_under(move: FarMove) -> list[Line]:
    """The name lines a lead printed right under the head that moves: the byline of that head's essay.

    A stack of several essays' heads prints each head with its author's name
    under it; the stack lands over one essay's text, which takes all of it
    as its lead, so a head moving to its own text takes its name along.
    """
    donor = move.donor
    if donor is None:
        return []
    lead = donor.lead_lines
    ids = [k for k, ln in enumerate(lead) if any(ln is x for x in move.lines)]
    if not ids:
        return []
    names: list[Line] = []
    prev = lead[ids[-1]]
    for ln in lead[ids[-1] + 1:]:
        if ln.kind != BYLINE or ln.no - prev.no > NAME_UNDER_HEAD_MAX_GAP:
            break
        names.append(ln)
        prev = ln
    return names


def _carry_names(move: FarMove, names: list[Line], units: list[Unit]) -> None:
    """The names set under a moved head go with it, when the taker's own name goes back to its essay.

    The evidence that the page pairs each head with the name under it is the
    taker's own name: printed in front of its text, after the heads that
    close the essay before it, it is that essay's name when that essay
    closes with an author note (``（作者单位：…）``, an essay that is signed)
    and has no name of its own. Without it (a text with no name, or one the
    essay before cannot take) the names stay where they were: a lead's name
    under a second head in its stack may be its own (a package's heads).
    """
    taker, donor = move.taker, move.donor
    if not names or donor is None:
        return
    own = [ln for ln in taker.lead_lines if ln.kind == BYLINE]
    if not (_signs_nothing_else(donor, taker) or (own and _give_back_names(taker, own, units))):
        return
    donor.lead_lines = [ln for ln in donor.lead_lines if not _part_of([ln], names)]
    taker.lead_lines = taker.lead_lines + names


def _signs_nothing_else(donor: Unit, taker: Unit) -> bool:
    """The names under a head that left its lead whole sign nothing else there: the lead has no text, or its text
    closes with an author note (a signed essay, whose own name is printed with its note); they go with the head,
    unless the taker is a story (its dateline credits it)."""
    if any(ln.kind == HEAD for ln in donor.lead_lines) or taker.kind == "story":
        return False
    return not donor.paras or AUTHOR_NOTE_RE.match(donor.paras[-1].lines[-1].text) is not None


def _give_back_names(taker: Unit, own: list[Line], units: list[Unit]) -> bool:
    """The taker's own names go to the signed essay printed right before it (see ``_carry_names``)."""
    k = next((k for k, u in enumerate(units) if u is taker), 0)
    before = units[k - 1] if k > 0 else None
    if before is None or not _signed_and_nameless(before) or any(ln.no < before.paras[-1].lines[-1].no for ln in own):
        return False
    taker.lead_lines = [ln for ln in taker.lead_lines if not _part_of([ln], own)]
    before.lead_lines = before.lead_lines + own
    return True


def _signed_and_nameless(unit: Unit) -> bool:
    """The unit's text closes with an author note (``（作者单位：…）``) and it has no name line of its own."""
    if not unit.paras or any(ln.kind == BYLINE for ln in unit.lead_lines):
        return False
    return AUTHOR_NOTE_RE.match(unit.paras[-1].lines[-1].text) is not None


def _take_from_donor(move: FarMove, stacked: list[tuple[Unit, list[Line]]], left: list[list[Line]]) -> None:
    """The head's lines leave where they were: the left-over lines, a unit's top crossheads, its head, or a lead's
    own lines."""
    donor, lines = move.donor, move.lines
    if donor is None:
        _drop_left_lines(left, lines)
        return
    k = next((k for k, (d, ls) in enumerate(stacked) if d is donor and _part_of(lines, ls)), None)
    if k is not None:
        _drop_stacked_lines(donor, stacked, k, lines)
    elif donor.head is lines:
        donor.head = None
    elif donor.head and _part_of(lines, donor.head):
        donor.head = [x for x in donor.head if not _part_of([x], lines)] or None
    else:
        for ln in lines:  # a line of a cluster, or a headline of several a lead printed over its byline
            _drop_head_line(donor, ln)


def _part_of(lines: list[Line], whole: list[Line]) -> bool:
    """Every one of ``lines`` is one of ``whole`` (the same objects)."""
    ids = {id(ln) for ln in whole}
    return all(id(ln) in ids for ln in lines)


def _drop_stacked_lines(donor: Unit, stacked: list[tuple[Unit, list[Line]]], k: int, lines: list[Line]) -> None:
    """Lines taken from the heads ``stacked[k]`` the donor took as crossheads: the rest stay its crossheads."""
    whole = stacked[k][1]
    del stacked[k]
    _drop_top_crossheads(donor, whole)
    rest = [ln for ln in whole if not _part_of([ln], lines)]
    if rest:
        donor.crossheads_before.setdefault(0, []).extend(ln.text for ln in heading_phrases(rest))
        stacked.insert(k, (donor, rest))


def _drop_left_lines(left: list[list[Line]], lines: list[Line]) -> None:
    """Lines taken from the left-over groups: their group keeps the rest (and goes when nothing is left)."""
    taken = {id(ln) for ln in lines}
    rest = [[ln for ln in group if id(ln) not in taken] for group in left]
    left[:] = [group for group in rest if group]


def _drop_top_crossheads(unit: Unit, lines: list[Line]) -> None:
    """A stacked head's lines leave the crossheads over the unit's first paragraph."""
    heads = unit.crossheads_before[0]
    for ln in heading_phrases(lines):  # as ``assignment`` stacked them: a wrapped phrase is one crosshead
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


def trade_banners(units: list[Unit], leftovers: list[list[Line]]) -> list[Line]:
    """Give a lead headed only by the page's banner the head no text took that restates its text; the banners left.

    A banner over a page's essays (``认真学习宣传贯彻党的十九大精神``) spans
    the columns, and extractors may emit it over one essay as that essay's
    only heading line. It restates the words of the page's theme, another
    essay's no less than its own: no headline of its own. When a heading
    line no text took (``leftovers``, one line each) restates the lead's
    words far more (``FAR_CLAIM_MIN``, ``FAR_CLAIM_MARGIN``) and fits no
    other text better, it is the lead's headline and the banner is left.
    Returns the banner lines taken off; ``leftovers`` loses the heads given.
    """
    banners: list[Line] = []
    if not any(len(group) == 1 for group in leftovers):
        return banners  # most pages: no one-line head left over to trade for
    for unit in units:
        banner = _sole_banner(unit, units)
        if banner is None:
            continue
        head = _head_left_for(unit, units, leftovers, overlap(banner.text, unit.body_grams()))
        if head is not None:
            unit.lead_lines = [head if ln is banner else ln for ln in unit.lead_lines]
            leftovers[:] = [group for group in leftovers if group[0] is not head]
            banners.append(banner)
    return banners


def _sole_banner(unit: Unit, units: list[Unit]) -> Line | None:
    """A lead's one heading line when it restates another text's words no less than its own: maybe a banner."""
    heads = [ln for ln in unit.lead_lines if ln.kind == HEAD]
    if unit.kind != "lead" or unit.head or len(heads) != 1 or not is_full_headline(heads[0]):
        return None
    own = overlap(heads[0].text, unit.body_grams())
    others = (overlap(heads[0].text, other.body_grams()) for other in units if other is not unit and other.paras)
    return heads[0] if any(fit >= own for fit in others) else None


def _head_left_for(unit: Unit, units: list[Unit], leftovers: list[list[Line]], banner_fit: float) -> Line | None:
    """The one-line head no text took that restates ``unit``'s words far more than its banner does and fits it best."""
    grams = unit.body_grams()
    for group in leftovers:
        if len(group) != 1 or not is_full_headline(group[0]):
            continue
        fit = overlap(group[0].text, grams)
        if _restates_far_more(fit, banner_fit) and _fits_best(group[0], unit, units, fit):
            return group[0]
    return None


def _fits_best(line: Line, unit: Unit, units: list[Unit], fit: float) -> bool:
    """``line`` restates ``unit``'s words more than any other text's."""
    return all(overlap(line.text, other.body_grams()) < fit for other in units if other is not unit)
