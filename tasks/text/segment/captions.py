"""Photo captions: a photo credit closes the paragraphs right before it.

The credit is a line of its own (``本报通讯员 张馨月 摄``) or closes the
caption's last paragraph in brackets (``…放飞风筝。（新华社记者 王芳 摄）``).
"""

from __future__ import annotations

import re
from typing import Final

from banmian.tasks.model import Residue
from banmian.tasks.text.chars import DIGIT_CLASS
from banmian.tasks.text.credits import Credit, join_keeping_credit_breaks, parse_photo_credit, parse_trailing_credit
from banmian.tasks.text.lexicon import bigram_set, overlap, unspaced
from banmian.tasks.text.lines import Line
from banmian.tasks.text.paragraphs import NUMBERED_PHOTO_RE, PHOTO_NUMBERS, Paragraph, same_flow
from banmian.tasks.text.segment.units import Unit, UnitKind, remove_para, set_para_text
from banmian.tasks.text.sentences import split_sentences

#: Paragraphs one photo caption can hold.
CAPTION_MAX_PARAS: Final = 3
#: A caption's paragraphs are short (the generated sets' longest is 110
#: characters; the seeds' about 100): a longer paragraph before the one the
#: credit closes is the text the photo is set in, not its caption.
CAPTION_PARA_MAX_CHARS: Final = 200


def close_caption(host: Unit | None, credit_lines: list[Line], residue: list[Residue]) -> Unit | None:
    """A photo credit closes a caption: the last paragraphs of ``host``, the unit before it.

    Returns the caption, a new unit to start after ``host``; or None when
    the caption is all of an orphan run, which becomes the caption in place
    so that a title line above it (a heading group before the run) stays
    its neighbour.
    """
    credit = parse_photo_credit(" ".join(ln.text for ln in credit_lines))
    if credit is None:  # pragma: no cover - classify_line guarantees the form
        residue.extend(Residue(ln.text, "unassigned", ln.no) for ln in credit_lines)
        return None
    return _caption_of(host, caption_size(host), credit, credit_lines)


def close_credited_caption(host: Unit) -> Unit | None:
    """A photo credit in brackets closing ``host``'s last paragraph closes a caption, as a credit line does.

    The credit is cut off the paragraph into the caption's credit. Returns
    the caption when it is a new unit (``close_caption``); None when
    ``host`` became the caption, or when the paragraph ends with no photo
    credit or ``host`` keeps it (a story's only paragraph).
    """
    last = host.paras[-1]
    parsed = parse_trailing_credit(join_keeping_credit_breaks([ln.text for ln in last.lines], last=True))
    n = caption_size(host)
    if parsed is None or not parsed[0].photographers or not n:
        return None
    credit, rest = parsed
    set_para_text(host, len(host.paras) - 1, rest)  # a paragraph that was all credit goes
    return _caption_of(host, min(n, len(host.paras)), credit, [])


def _caption_of(host: Unit | None, n: int, credit: Credit, credit_lines: list[Line]) -> Unit | None:
    """The caption of ``host``'s last ``n`` paragraphs: a new unit, or None when ``host`` became it.

    An orphan run that is all caption becomes the caption in place, so that
    a title line above it (a heading group before the run) stays its
    neighbour.
    """
    if host is not None and host.kind == "orphan" and n == len(host.paras) and 0 not in host.crossheads_before:
        host.kind, host.credit, host.credit_lines = "photo", credit, list(credit_lines)
        return None
    caption = Unit("photo", credit=credit, credit_lines=list(credit_lines))
    if n and host is not None:  # n > 0 only with a host
        caption.paras = host.paras[-n:]
        del host.paras[-n:]
    return caption


def caption_size(host: Unit | None) -> int:
    """How many of ``host``'s last paragraphs a photo credit after it closes.

    A caption is the paragraph right before the credit, and the short ones
    before that in the same flow (same column width, no crosshead between),
    up to ``CAPTION_MAX_PARAS`` and ``CAPTION_MAX_CHARS`` in all; a dateline
    story keeps its first paragraph, and a lead one paragraph at least. A
    caption of several photos numbered ``图①：`` … ``图③：`` goes back to its
    first photo's paragraph.
    """
    if host is None or not host.paras or len(host.paras[-1].text) > CAPTION_PARA_MAX_CHARS:
        return 0  # a long last paragraph is text, not a caption: the credit's picture has none (a drawing)
    numbered = _numbered_caption_run(host)
    if host.kind == "story":
        return numbered or (1 if len(host.paras) > 1 else 0)
    n = max(_caption_run(host), numbered)
    if host.kind == "lead" and n == len(host.paras) and n > 1:
        n -= 1
    return n


#: Paragraphs the caption of a group of photos holds at most (four photos, two paragraphs each).
NUMBERED_CAPTION_MAX_PARAS: Final = 8


def _numbered_caption_run(host: Unit) -> int:
    """How many of ``host``'s last paragraphs are a caption numbered by photo, from the one opening with 图①; 0 if none.

    Every paragraph of it is short, no crosshead stands inside it, and a
    second photo's number shows it is a group's caption.
    """
    total = len(host.paras)
    numbers = [photo_number(para.text) for para in host.paras]
    for first in range(total - 1, max(total - NUMBERED_CAPTION_MAX_PARAS, 0) - 1, -1):
        if len(host.paras[first].text) > CAPTION_PARA_MAX_CHARS or (first + 1) in host.crossheads_before:
            return 0
        if numbers[first] == 1:
            return total - first if any(numbers[first + 1:]) else 0
    return 0


def photo_number(text: str) -> int:
    """The number of the photo a caption's paragraph opens with (``图②：`` → 2); 0 when it opens with none.

    >>> photo_number("图 ① ：社区义诊"), photo_number("图3：新年"), photo_number("图为义诊现场")
    (1, 3, 0)
    """
    m = NUMBERED_PHOTO_RE.match(text)
    if m is None:
        return 0
    digit = m.group(1)
    return PHOTO_NUMBERS.index(digit) + 1 if digit in PHOTO_NUMBERS else int(digit)


#: A caption of several paragraphs is this long at most, all its paragraphs together: longer, the paragraph
#: before is the end of the text the photo is set in. Calibration: captions of two paragraphs run to 110
#: characters on the generated sets; on the pagesim gate, 200 gave exact_body 0.5871 -> 0.5922, 160 0.5968,
#: 120 0.5979 (its captions are one paragraph: the bound only stops a story's paragraph joining one).
CAPTION_MAX_CHARS: Final = 120


def _caption_run(host: Unit) -> int:
    """How many paragraphs at ``host``'s end read as one caption (up to ``CAPTION_MAX_PARAS``, ``CAPTION_MAX_CHARS``)."""
    n, size = 1, len(unspaced(host.paras[-1].text))
    while n < min(len(host.paras), CAPTION_MAX_PARAS) and _caption_goes_on_above(host, len(host.paras) - n):
        size += len(unspaced(host.paras[-n - 1].text))
        if size > CAPTION_MAX_CHARS:
            break
        n += 1
    return n


def _caption_goes_on_above(host: Unit, i: int) -> bool:
    """The paragraph before ``host.paras[i]`` is the caption's too: short, finished, same flow, no crosshead between."""
    prev = host.paras[i - 1]
    return i not in host.crossheads_before and same_flow(prev, host.paras[-1]) and prev.terminated \
        and len(prev.text) <= CAPTION_PARA_MAX_CHARS


def gather_numbered_captions(units: list[Unit]) -> list[Unit]:
    """Headless pieces of a numbered caption join the photo unit whose numbers they lead into; returns the units left.

    A group of photos is captioned ``图①：…`` ``图②：…`` ``图③：…`` under one
    credit, and a column break or a change of width can cut its first
    photos' parts off the unit the credit closed (``caption_size`` counts
    only the paragraphs of the unit before the credit). An orphan run that is
    all numbered caption (``numbered_piece``) and stands right before a
    caption whose first paragraph goes on with its numbers (its last photo's
    number, then a higher one) is that caption's start: the numbering is the
    evidence, not the place. Read from the page's end, so a chain of pieces
    (①, ②, then ③ with the credit) ends in one caption. A run left with two
    photos' numbers or more is a group's caption whose credit stands apart
    (or was never printed): a photo unit, which no text joins.
    """
    kept: list[Unit] = []
    for unit in reversed(units):
        after = kept[-1] if kept else None
        if after is not None and after.kind == "photo" and _leads_into(unit, after):
            _prepend(after, unit)
        else:
            kept.append(unit)
    kept.reverse()
    for unit in kept:
        if len(numbered_piece(unit)) >= 2:  # 图① then 图②: a group's caption, whether or not its credit stands by it
            unit.kind = "photo"
    _credit_the_uncredited_group(kept)
    return kept


def _credit_the_uncredited_group(units: list[Unit]) -> None:
    """The page's one numbered caption with no credit takes the one photo credit that closed no caption, in place.

    A group's credit is often printed apart from its numbered caption (above it, or among the headlines),
    and then closes the paragraphs before it: the end of a story, which names no photo. When the page holds
    exactly one group's caption without a credit and exactly one credit over text that names no photo,
    the credit is the group's, and the text it closed is an orphan run again (placed like any other).
    """
    groups = [u for u in units if _uncredited_group(u)]
    donors = [u for u in units if _credit_over_text(u)]
    if len(groups) != 1 or len(donors) != 1 or not _credit_beside(donors[0], groups[0]):
        return
    group, donor = groups[0], donors[0]
    group.credit, group.credit_lines = donor.credit, donor.credit_lines
    donor.kind, donor.credit, donor.credit_lines = "orphan", None, []


def _uncredited_group(unit: Unit) -> bool:
    return unit.kind == "photo" and unit.credit is None and len(_photo_numbers(unit)) >= 2


def _credit_over_text(unit: Unit) -> bool:
    """A photo credit that closed paragraphs naming no photo."""
    return unit.kind == "photo" and unit.credit is not None and bool(unit.paras) and not _names_a_photo(unit)


#: Lines between a group's numbered caption and a credit printed beside it, at most (a blank, or one line).
#: Calibration: with no such bound (any one credit over text) unread-b lost exact_body 0.5003 -> 0.4997 and
#: kind_acc 0.6168 -> 0.6155; with 2, gate credit_acc 0.5899 -> 0.5905 (0196) and both unread sets hold or gain.
CREDIT_BESIDE_LINES: Final = 2


def _credit_beside(donor: Unit, group: Unit) -> bool:
    """The donor's credit line is printed just above the group's first caption line, or just below its last."""
    if not donor.credit_lines:
        return False
    first, last = group.paras[0].lines[0].no, group.paras[-1].lines[-1].no
    credit_first, credit_last = donor.credit_lines[0].no, donor.credit_lines[-1].no
    return 0 < first - credit_last <= CREDIT_BESIDE_LINES or 0 < credit_first - last <= CREDIT_BESIDE_LINES


def _photo_numbers(unit: Unit) -> list[int]:
    return [n for n in (photo_number(p.text) for p in unit.paras) if n]


def _names_a_photo(unit: Unit) -> bool:
    """A paragraph of the unit opens with a photo's number or says what the photo shows (``图为…``)."""
    return bool(_photo_numbers(unit)) or any(PHOTO_SHOWS in p.text for p in unit.paras)


#: The words a caption says what its photo shows with.
PHOTO_SHOWS: Final = "图为"


def numbered_piece(unit: Unit) -> list[int]:
    """The photo numbers of a headless orphan run that is all numbered caption, in order; [] when it is anything else.

    Its first paragraph opens with a photo's number, the numbers rise, every
    paragraph is short and no crosshead stands in it.
    """
    if not _headless_short_run(unit):
        return []
    numbers = [n for n in (photo_number(p.text) for p in unit.paras) if n]
    rising = all(a < b for a, b in zip(numbers, numbers[1:]))
    return numbers if photo_number(unit.paras[0].text) and rising else []


def _headless_short_run(unit: Unit) -> bool:
    """An orphan run with no heading, jump or crosshead, whose paragraphs all print no more than a caption's
    (the characters printed: not the spaces an extractor put between letterspaced ones)."""
    plain = unit.kind == "orphan" and unit.head is None and not (unit.jump_from or unit.jump_to or unit.crossheads_before)
    return plain and bool(unit.paras) and all(len(unspaced(p.text)) <= CAPTION_PARA_MAX_CHARS for p in unit.paras)


def _leads_into(piece: Unit, caption: Unit) -> bool:
    """``piece`` is a numbered caption's part whose numbers the first paragraph of ``caption`` goes on with."""
    numbers = numbered_piece(piece)
    following = photo_number(caption.paras[0].text) if caption.paras else 0
    return bool(numbers) and following > numbers[-1]


def _prepend(caption: Unit, piece: Unit) -> None:
    """``piece``'s paragraphs open ``caption``; its crossheads keep their paragraphs, its decisions go with it."""
    shift = len(piece.paras)
    caption.crossheads_before = {i + shift: heads for i, heads in caption.crossheads_before.items()}
    caption.paras[:0] = piece.paras
    caption.decisions[:0] = piece.decisions


#: Brackets closing a caption after its last sentence: the agency that sent the photo (``（新华社发）``).
_TRAILING_BRACKETS_RE: Final = re.compile(r"[（(][^（()）]*[）)]$")
#: An item of a numbered series (``2、``): one photo of a group, whose caption is the series'.
_SERIES_ITEM_RE: Final = re.compile(rf"^[{DIGIT_CLASS}]+、")


def reports_and_shows(text: str) -> bool:
    """The paragraph says what happened, then, in its last sentence, what its photo shows (``…。图为…。``).

    That is a photo report's caption: a story's text never opens a sentence
    with ``图为``, and a caption that only says what its photo shows (one
    sentence) illustrates the text it is printed with. A bracketed source after
    it (``（新华社发）``) is no sentence.

    >>> reports_and_shows("元旦来临，长街挂起灯笼。图 为 市 民 观 灯 。（新华社发）")
    True
    >>> reports_and_shows("图为公司董事长在与科技人员研究新产品开发。"), reports_and_shows("图为何物？专家鉴定龟龄约百岁。")
    (False, False)
    """
    if PHOTO_SHOWS[0] not in text:  # most paragraphs: nothing to unspace or split (图 为: letterspaced)
        return False
    flat = unspaced(text)
    sentences = split_sentences(_TRAILING_BRACKETS_RE.sub("", flat))
    return len(sentences) > 1 and sentences[-1].startswith(PHOTO_SHOWS)


def is_uncredited_caption(para: Paragraph) -> bool:
    """A short, finished paragraph, no dateline, bullet, number or credit, that reports and closes on what its
    photo shows (``reports_and_shows``): a photo report's caption printed with no credit."""
    return reports_and_shows(para.text) and _plain_short_paragraph(para)


def _plain_short_paragraph(para: Paragraph) -> bool:
    """A finished paragraph no longer than a caption's, with no dateline, bullet, credit or photo or item number."""
    text = unspaced(para.text)
    plain = not (para.dateline or para.bullet or para.credited or photo_number(text) or _SERIES_ITEM_RE.match(text))
    return plain and para.terminated and len(text) <= CAPTION_PARA_MAX_CHARS


def carve_uncredited_captions(units: list[Unit]) -> list[Unit]:
    """Each caption with no credit (``is_uncredited_caption``) read into a story's or lead's text becomes a photo unit.

    A photo printed in a column with its caption and no credit reads as one
    more paragraph of the text around it. The caption is taken out: the text
    before and after it stays one unit (a caption breaks no text), and the
    caption stands after it, a photo no text joins. A text that is all
    caption keeps it. Orphan runs are left as they are
    (``_UNCREDITED_CAPTION_HOSTS``). Returns the units.
    """
    return [part for unit in units for part in _carve(unit)]


def _carve(unit: Unit) -> list[Unit]:
    """``unit`` and the captions taken out of it, in page order."""
    found = [i for i, para in enumerate(unit.paras) if is_uncredited_caption(para)] \
        if unit.kind in _UNCREDITED_CAPTION_HOSTS else []
    if not found or len(found) == len(unit.paras):
        return [unit]
    captions = [Unit("photo", paras=[unit.paras[i]]) for i in found]
    for i in reversed(found):
        remove_para(unit, i)
    return [unit, *captions]


#: Units whose text a caption with no credit is taken out of: a story's and a lead's (a brief is one item, a photo
#: unit has its credit). Calibration (evalall): with orphan runs too, unread-a article_f1 0.6259 -> 0.6257 and
#: unread-b 0.6609 -> 0.6607; with these two, both gain (0.6260, 0.6623).
_UNCREDITED_CAPTION_HOSTS: Final[tuple[UnitKind, ...]] = ("story", "lead")


def credit_captions_printed_after(units: list[Unit]) -> list[Unit]:
    """A photo credit printed over its caption, not under it, goes to that caption.

    A credit closes the paragraphs before it (``close_caption``); printed
    above its caption, it closes the last paragraphs of the orphan run before
    it instead, and the caption after it is left a headless run. The evidence
    is on both sides: the paragraphs the credit closed name no photo and go on
    with the run before them (same flow, and they share ``OWN_TEXT_OVERLAP``
    of their words with it); right after the credit stands one plain short
    paragraph with no head, all of its run, about its photo alone (it shares
    less than ``CAPTION_PAGE_OVERLAP`` of its words with the rest of the
    page). The credit goes to that paragraph, a photo's caption now; the
    paragraphs it closed go back to the end of the run. Returns the units left.
    """
    emptied: set[int] = set()
    for k, (before, credited, after) in enumerate(zip(units, units[1:], units[2:])):
        if _closed_text(before, credited) and _caption_under_credit(credited, after) \
                and _about_its_photo_alone(after, units[:k + 1] + units[k + 3:]):
            after.kind, after.credit, after.credit_lines = "photo", credited.credit, credited.credit_lines
            before.paras.extend(credited.paras)
            emptied.add(id(credited))
    return [unit for unit in units if id(unit) not in emptied]


#: The units whose end a credit printed over its caption is taken to have closed: orphan runs. Calibration
#: (evalall): with stories and leads too, unread-b exact_body 0.5489 -> 0.5483; with orphan runs only, no set loses.
_CLOSED_BY_CREDIT_ABOVE: Final[tuple[UnitKind, ...]] = ("orphan",)
#: The paragraphs a photo credit closed go on with the text before them when they share this much of their
#: bigrams with it. Calibration, pagesim gate: a text's last paragraphs that a credit printed over its caption
#: closed share 0.09-0.44 with the text before them (two 0.00 and 0.04); captions closed by their credit 0.00-0.03
#: (0.15, 0.25 and 0.3 tried: unread-a article_f1 lower than with 0.08).
OWN_TEXT_OVERLAP: Final = 0.08
#: A paragraph sharing less than this of its bigrams with the rest of the page is about something of its own.
#: Calibration: the pagesim gate's captions printed under their credit share 0.05-0.15 (two 0.20 and 0.30);
#: the pagegen seed 7 texts that stand under a caption's credit, 0.27-0.67.
CAPTION_PAGE_OVERLAP: Final = 0.2


def _closed_text(before: Unit, credited: Unit) -> bool:
    """``credited`` is a photo credit over paragraphs, with no title, that name no photo and go on with ``before``."""
    closed = credited.kind == "photo" and credited.credit is not None and bool(credited.credit_lines) \
        and bool(credited.paras) and credited.head is None and before.kind in _CLOSED_BY_CREDIT_ABOVE \
        and bool(before.paras)
    return closed and not _names_a_photo(credited) and same_flow(before.paras[-1], credited.paras[0]) \
        and overlap(credited.body_text(), before.body_grams()) >= OWN_TEXT_OVERLAP


def _caption_under_credit(credited: Unit, after: Unit) -> bool:
    """``after`` is one plain short paragraph (``_plain_short_paragraph``), no head, printed right under the credit."""
    if after.kind != "orphan" or after.head is not None or after.jump_from or len(after.paras) != 1:
        return False
    para = after.paras[0]
    return 0 < para.first_line - credited.credit_lines[-1].no <= CREDIT_BESIDE_LINES and _plain_short_paragraph(para)


def _about_its_photo_alone(caption: Unit, others: list[Unit]) -> bool:
    """The caption shares less than ``CAPTION_PAGE_OVERLAP`` of its bigrams with the other units' text."""
    return overlap(caption.body_text(), bigram_set("".join(u.body_text() for u in others))) < CAPTION_PAGE_OVERLAP
