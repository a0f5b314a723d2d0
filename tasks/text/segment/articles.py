"""The last step: each unit made into an ``Article`` (headline, credits, blocks); what it cannot use goes to residue."""

from __future__ import annotations

from typing import Final

from banmian.tasks.model import Article, ArticleKind, Block, Residue
from banmian.tasks.text.chars import BULLET_MARKS, SENTENCE_ENDS
from banmian.tasks.text.clean import clean_heading, clean_paragraph, display_width, split_doubled
from banmian.tasks.text.credits import (AUTHOR_NOTE_RE, BYLINE_MARKS, SALUTATION_RE, dateline_after_lead, is_author_line,
                                        is_names_run, is_undated_source, join_keeping_credit_breaks, opens_a_name,
                                        parse_byline, parse_dateline, parse_signature, parse_trailing_credit)
from banmian.tasks.text.lines import BYLINE, SUBTITLE, Line, is_byline_text, is_heading_shaped, split_bullet_lead
from banmian.tasks.text.lexicon import overlap
from banmian.tasks.text.segment.headlines import heading_words, is_feature_subtitle, parse_headline, subtitle_dashes
from banmian.tasks.text.segment.jumps import take_inline_jumps
from banmian.tasks.text.segment.units import Unit, UnitKind, replace_first_line, set_para_text


#: The article each unit kind makes (a lead with sections, or a feature's subtitle, makes a feature).
_ARTICLE_KIND: Final[dict[UnitKind, ArticleKind]] = {
    "story": "news", "orphan": "news", "photo": "photo", "lead": "news", "brief": "news"}


def article_of(unit: Unit, residue: list[Residue]) -> Article | None:
    """The article a unit makes; None when it has no text (its head and credits go to residue).

    The headline is read first; then the credits, where each kind prints
    them: a lead's byline lines, a photo's credit, a story's dateline, a
    brief's bold lead, or a credit closing the text. Jump markers in the
    text become metadata. What the text keeps are the article's blocks.
    """
    art = Article(kind=_article_kind(unit))
    _take_headline(art, unit, residue)
    if unit.kind == "photo" and unit.credit:
        art.byline, art.photographers, art.authors = unit.credit.text, unit.credit.photographers, unit.credit.authors
    if unit.paras:
        _take_text_credits(art, unit, residue)
        if unit.kind in _SIGNED_KINDS:
            _take_name_split_at_seams(art, unit, residue)
    art.blocks = _blocks_of(unit, residue)
    art.continued_from, art.continued_to = unit.jump_from, unit.jump_to
    art.first_line = _first_line(unit)
    if not art.blocks:  # a head or credit with no text under it is not an article
        residue.extend(Residue(t, "unassigned", art.first_line)
                       for t in (art.kicker, art.headline, art.subheadline, art.byline, *unit.inline_jumps) if t)
        return None
    return art


def head_with_first_crosshead(pairs: list[tuple[Unit, Article]]) -> None:
    """A headless text that opens under a crosshead is headed by it (in place): no section opens an article.

    A phrase is read as a crosshead when it stands over prose on a lead's
    page (a section of the scattered lead), or was stacked over prose that
    could not take it; once the prose stands as an article of its own, the
    phrase over its first paragraph is its headline. A lead is left as it
    is: the heading lines under its subtitle and byline title its first
    section, its headline printed elsewhere.
    """
    for unit, art in pairs:
        if art.headline is None and unit.kind != "lead" and art.blocks[0].kind == "h":
            art.headline = art.blocks.pop(0).text


#: A line of text set apart straight over a headless text is its headline when the text restates at least this
#: share of its words (``lexicon.overlap``). Calibrated on all sets: 0.5 gate headline_acc +0.0006, 0.3 and 0.1
#: alike, +0.0006 and article_f1 +0.0006, unread-a headline_acc +0.0005; the other sets unchanged at all three.
PHRASE_HEAD_MIN_FIT: Final = 0.3
#: Such a line is a phrase no longer than a headline set on one line.
PHRASE_HEAD_MAX_CHARS: Final = 24
#: Lines between the phrase and the text it heads at most (a blank).
PHRASE_HEAD_MAX_GAP: Final = 2


def heads_from_phrases_above(pairs: list[tuple[Unit, Article]]) -> list[tuple[Unit, Article]]:
    """Articles of one short phrase (no sentence end, no credit) set straight over a headless text that restates
    its words are that text's headline: the pairs left, the phrase's article gone.

    A headline set in a column as wide as its text's (``重庆：关怀孤`` / ``寡老人`` over
    ``本报重庆1月1日电…``) reads as a paragraph cut by a column break, and stands alone as prose.
    """
    kept: list[tuple[Unit, Article]] = []
    for k, (unit, art) in enumerate(pairs):
        if k + 1 < len(pairs) and _phrase_heads(unit, art, *pairs[k + 1]):
            pairs[k + 1][1].headline = art.paragraphs[0]
            pairs[k + 1][1].first_line = art.first_line
        else:
            kept.append((unit, art))
    return kept


def _phrase_heads(unit: Unit, art: Article, text: Unit, text_art: Article) -> bool:
    """``art`` is one short phrase straight over the headless ``text``, which restates its words."""
    if not _lone_phrase(unit, art) or text_art.headline or text.kind not in ("story", "orphan") or not text.paras:
        return False
    if not 0 < text.paras[0].first_line - unit.paras[0].lines[-1].no <= PHRASE_HEAD_MAX_GAP:
        return False
    return overlap(heading_words(unit.paras[0].lines), text.scored_bigrams()) >= PHRASE_HEAD_MIN_FIT


def _lone_phrase(unit: Unit, art: Article) -> bool:
    """An article of orphan prose that is one short paragraph with no sentence end, no head and no credit."""
    if unit.kind != "orphan" or len(unit.paras) != 1 or len(art.blocks) != 1 or art.byline or art.headline:
        return False
    phrase = art.paragraphs[0]
    return len(phrase) <= PHRASE_HEAD_MAX_CHARS and not any(mark in phrase for mark in SENTENCE_ENDS)


def _article_kind(unit: Unit) -> ArticleKind:
    """A lead is a feature when it has sections (crossheads, runs gathered from the page) or a genre's subtitle."""
    if unit.kind == "lead" and (unit.crossheads_before or unit.scattered
                                or any(is_feature_subtitle(ln.text) for ln in unit.lead_lines)):
        return "feature"
    return _ARTICLE_KIND[unit.kind]


def _take_headline(art: Article, unit: Unit, residue: list[Residue]) -> None:
    """A lead's own heading lines and those given to it, with its byline lines; any other unit's given lines."""
    if unit.kind == "lead":
        left = _apply_headline(art, unit.lead_lines + (unit.head or []), unit, residue)
        _take_bylines(art, unit, residue)
    elif unit.head:
        left = _apply_headline(art, unit.head, unit, residue)
        _take_bylines(art, unit, residue)  # the name set under a head that moved here (``far_heads``)
    else:
        return
    if art.byline is None:
        _take_names_left_by_head(art, left, residue)


def _take_names_left_by_head(art: Article, left: list[Residue], residue: list[Residue]) -> None:
    """Co-authors' names among its heading lines (``冯金武 郭启宏``, ``□冯金武 郭启宏``), which no headline takes, sign it.

    ``headlines`` leaves such a line out of the headline (``is_signature``): it
    signs the text, as a byline line under a head does. Its box is decoration.
    Only names a common surname opens each of are taken: a pen name in a box
    (``□今哲``) stays unassigned, as a byline has no evidence for it but the box.
    """
    names = next((r for r in left if is_names_run(r.text.lstrip(BYLINE_MARKS + " "))), None)
    if names is None:
        return
    residue.remove(names)
    credit = parse_byline(names.text)
    art.byline, art.authors = credit.text, credit.authors
    marks = "".join(ch for ch in names.text if ch in BYLINE_MARKS)
    if marks:
        residue.append(Residue(marks, "decoration", names.line))


def _apply_headline(article: Article, lines: list[Line], unit: Unit, residue: list[Residue]) -> list[Residue]:
    """Heading lines read as the article's headline (against ``unit``'s text: ``parse_headline``); subtitle dashes
    are decoration, lines no part took unassigned.

    Returns the unassigned lines' residue.
    """
    h = parse_headline(lines, unit.body_grams())
    article.kicker, article.headline, article.subheadline = h.kicker, h.headline, h.subheadline
    for ln in lines:
        if ln.kind == SUBTITLE and not any(ln is x for x in h.extra):
            dashes = subtitle_dashes(ln.text)
            if dashes:
                residue.append(Residue(dashes, "decoration", ln.no))
    left = [Residue(ln.text, "unassigned", ln.no) for ln in h.extra]
    residue.extend(left)
    return left


def _take_bylines(art: Article, unit: Unit, residue: list[Residue]) -> None:
    """A lead's byline lines are its credit; the box marks before them (□) are decoration."""
    bylines = [ln for ln in unit.lead_lines if ln.kind == BYLINE]
    if not bylines:
        return
    # the first character of a name set vertically: the rest is further on
    texts = [ln.text + _rest_of_vertical_name(unit, ln.no, residue) if len(ln.text.strip()) == 1 else ln.text
             for ln in bylines]
    credit = parse_byline(" ".join(texts))
    art.byline, art.authors = credit.text, credit.authors
    marks = "".join(ch for ln in bylines for ch in ln.text if ch in BYLINE_MARKS)
    if marks:
        residue.append(Residue(marks, "decoration", bylines[0].no))


def _rest_of_vertical_name(unit: Unit, after: int, residue: list[Residue]) -> str:
    """The next piece of a name set vertically: a lone character set apart in the unit's text (taken out of residue).

    ``lines`` reads the characters of such a name after the first as pieces
    set apart (STRAY), which the reader leaves unassigned; the first among
    the unit's lines after line ``after`` completes a two-character name,
    the commonest. None there: the name stays as it is.
    """
    first, last = _line_span(unit) if unit.paras else (after, after)
    start = after if after < first else first  # a name printed apart from its text (a stack of heads): all of it
    piece = next((r for r in residue if r.reason == "unassigned" and start < r.line <= last
                  and len(r.text.strip()) == 1), None)
    if piece is None:
        return ""
    residue.remove(piece)
    return piece.text.strip()


#: Units whose text a name signs, whose co-author's name may be set down the gutter: a lead, and prose that took a
#: head and byline printed apart from it (a stack of essays' heads, ``far_heads``).
_SIGNED_KINDS: Final[tuple[UnitKind, ...]] = ("lead", "orphan")
#: Lines a piece of a name set apart stands from the essay's text it is printed beside (a blank between).
NAME_PIECE_MAX_GAP: Final = 2


def _take_name_split_at_seams(art: Article, unit: Unit, residue: list[Residue]) -> None:
    """One more author's name, or the only one, its characters set vertically beside the essay: pieces at its seams.

    A co-author's name printed down the gutter comes out one character per
    line at the tops and feet of the essay's own column blocks (``高`` after
    one block, ``静`` before the block that goes on with it); so does an
    essay's only name (wild 011607: ``肖`` over its intro, ``培`` under a
    section's end). Lone characters set apart (unassigned) next to the essay's
    own lines, two of them, in the order of its text and opening with a
    surname, are that name.
    """
    pieces = _pieces_beside(unit, residue)
    if len(pieces) != 2 or not opens_a_name(pieces[0].text.strip()):
        return
    name = "".join(r.text.strip() for r in pieces)
    if name in art.authors:
        return
    art.authors = [*art.authors, name]
    art.byline = f"{art.byline} {name}" if art.byline else name
    for r in pieces:
        residue.remove(r)


def _pieces_beside(unit: Unit, residue: list[Residue]) -> list[Residue]:
    """Lone characters set apart (unassigned) next to the unit's own lines, in the order of its text.

    The name runs down the gutter as the essay's columns do: a piece's place is that of the first of the
    text's lines it stands beside, which is page order unless the text was put together from parts the
    page prints apart (``continued``: the second half printed above the first).
    """
    lone = [r for r in residue if r.reason == "unassigned" and len(r.text.strip()) == 1]
    if len(lone) < 2:  # most pages set no name apart: no need to know which lines stand beside the text
        return []
    place = _places_beside(unit)
    return sorted((r for r in lone if r.line in place), key=lambda r: (place[r.line], r.line))


def _places_beside(unit: Unit) -> dict[int, int]:
    """Each page line within ``NAME_PIECE_MAX_GAP`` of the unit's own lines -> the place in its text of the first."""
    place: dict[int, int] = {}
    lines = [ln.no for para in unit.paras for ln in para.lines]
    for k, no in enumerate(lines):
        for gap in range(-NAME_PIECE_MAX_GAP, NAME_PIECE_MAX_GAP + 1):
            place.setdefault(no + gap, k)
    return place


def _take_text_credits(art: Article, unit: Unit, residue: list[Residue]) -> None:
    """What opens or closes a unit's text and is no text: jump markers, a dateline, a brief's lead, a trailing credit.

    Each step may leave the unit with fewer paragraphs (a paragraph that was
    only a marker or a credit), so each asks again whether any is left.
    """
    take_inline_jumps(unit, residue)
    if unit.kind in _DATELINED_KINDS and unit.paras:
        _take_dateline(art, unit)
        if unit.paras:  # 新华社北京1月7日电（上接第12版）…: the marker after the dateline
            take_inline_jumps(unit, residue)
    if unit.kind == "brief" and unit.paras:
        _take_brief_lead(art, unit, residue)
    if unit.kind != "photo":
        _take_closing_credit(art, unit, residue)


#: Units whose text may open with a dateline: a story (its dateline line opened it), and orphan prose whose
#: dateline the reader did not see as one (wrapped in a runaround's short lines: 本 / 报福州 / 电 记者).
_DATELINED_KINDS: Final[frozenset[UnitKind]] = frozenset({"story", "orphan"})


def _take_closing_credit(art: Article, unit: Unit, residue: list[Residue]) -> None:
    """A credit the text closes with, while the article has none: in brackets, dropped inside it, a signature, a name."""
    for take in (_take_trailing_credit, _take_dropped_credit, _take_signature, _take_name_after_note):
        if art.byline is not None or not unit.paras:
            return
        take(art, unit, residue)


def _take_dateline(art: Article, unit: Unit) -> None:
    """本报讯（记者 王芳） opening a story is its credit, not its text."""
    parsed = parse_dateline(join_keeping_credit_breaks([ln.text for ln in unit.paras[0].lines]))
    if parsed:
        credit, rest = parsed
        art.byline, art.authors = credit.text, credit.authors
        set_para_text(unit, 0, rest)


def _take_brief_lead(art: Article, unit: Unit, residue: list[Residue]) -> None:
    """A brief's bullet is decoration and its bold lead its headline; a dateline after the lead is its credit.

    Convention: a section label over briefs or photos (图片新闻, 要闻简报,
    简讯) is page furniture, not a headline; each bullet brief under it is
    an item of its own, and its bullet mark is residue (decoration).

    The lead stands before a gap or alone on its line (``split_bullet_lead``),
    or runs straight into the dateline (``◆海南完成发行任务本报海口1月2日电…``).
    """
    if _take_lead_before_dateline(art, unit, residue):
        return
    first = unit.paras[0]
    mark, lead, rest = split_bullet_lead(first.lines[0].text)
    residue.append(Residue(mark, "decoration", first.first_line))
    art.headline = clean_heading(lead) if lead else None
    replace_first_line(unit, 0, rest)
    if unit.paras:  # a dateline (maybe letterspaced) opening the text after the lead's gap
        _take_dateline(art, unit)


def _take_lead_before_dateline(art: Article, unit: Unit, residue: list[Residue]) -> bool:
    """A brief whose first words are a heading-shaped lead (maybe none) and a dateline: both taken; False when not."""
    first = unit.paras[0]
    texts = [ln.text.strip() for ln in first.lines]
    mark = texts[0][0] if texts[0][:1] in BULLET_MARKS else ""  # a brief printed with no bullet has a lead
    texts[0] = texts[0][len(mark):]
    at = _lead_end("".join(texts))
    if at is None:
        return False
    lead, rest = _cut_lines(texts, at)
    lead = "".join(lead.split())
    if lead and not is_heading_shaped(lead, display_width(lead)):
        return False
    if mark:
        residue.append(Residue(mark, "decoration", first.first_line))
    art.headline = clean_heading(lead) if lead else None
    set_para_text(unit, 0, join_keeping_credit_breaks(rest))  # the dateline opens them: breaks in its credit kept
    _take_dateline(art, unit)
    return True


def _lead_end(text: str) -> int | None:
    """Where the dateline after a brief's lead starts in ``text``, spaces counted (letterspacing may space both out).

    >>> _lead_end("海 南 完 成 任 务 本 报 海 口 1 月 2 日 电 截至"), _lead_end("全市开展安全检查，记者获悉")
    (12, None)
    """
    kept = [i for i, ch in enumerate(text) if not ch.isspace()]
    at = dateline_after_lead("".join(text[i] for i in kept))
    return None if at is None else kept[at] if at < len(kept) else len(text)


def _cut_lines(texts: list[str], at: int) -> tuple[str, list[str]]:
    """Lines cut at character ``at`` of their text run together: the text before, and the lines from there on.

    >>> _cut_lines(["海南完成", "任务本报讯（记者 王", "芳）近日"], 6)
    ('海南完成任务', ['本报讯（记者 王', '芳）近日'])
    """
    for k, text in enumerate(texts):
        if at <= len(text):
            return "".join(texts[:k]) + text[:at], [text[at:], *texts[k + 1:]]
        at -= len(text)
    return "".join(texts), []


def _take_trailing_credit(art: Article, unit: Unit, residue: list[Residue]) -> None:
    """（记者 王芳） at the end of a body is the article's credit, not its text; an undated source (``（据新华社电）``)
    is a note the text keeps."""
    last = unit.paras[-1]
    parsed = parse_trailing_credit(join_keeping_credit_breaks([ln.text for ln in last.lines], last=True))
    if parsed is None or is_undated_source(parsed[0].text):
        return
    credit, rest = parsed
    art.byline, art.authors, art.photographers = credit.text, credit.authors, credit.photographers
    set_para_text(unit, len(unit.paras) - 1, rest)


def _take_dropped_credit(art: Article, unit: Unit, residue: list[Residue]) -> None:
    """A trailing credit dropped between two lines of the text (``lines`` sets it apart) is the article's credit."""
    first, last = _line_span(unit)
    for r in residue:
        parsed = parse_trailing_credit(r.text) if r.reason == "unassigned" and first < r.line < last else None
        if parsed is not None and not parsed[1]:
            art.byline, art.authors, art.photographers = parsed[0].text, parsed[0].authors, parsed[0].photographers
            residue.remove(r)
            return


#: Lines a name printed after an essay's closing note stands below the note at most (a blank between).
NAME_AFTER_NOTE_MAX_LINES: Final = 2


def _take_name_after_note(art: Article, unit: Unit, residue: list[Residue]) -> None:
    """A name printed right after the note or the sentence that closes the essay (``（作者为…）`` / ``陈先达``) is its byline.

    ``lines`` sets such a name apart; it is the unassigned byline just under
    the unit's last line (after a finished sentence, a bare personal name).
    """
    last = unit.paras[-1].lines[-1]
    noted = AUTHOR_NOTE_RE.match(last.text) is not None
    if not noted and not last.terminal:
        return
    for r in residue:
        if r.reason == "unassigned" and last.no < r.line <= last.no + NAME_AFTER_NOTE_MAX_LINES \
                and (is_byline_text(r.text) if noted else is_author_line(r.text)):
            credit = parse_byline(r.text)
            art.byline, art.authors = credit.text, credit.authors
            residue.remove(r)
            return


def _line_span(unit: Unit) -> tuple[int, int]:
    """The first and last page line of the unit's text."""
    numbers = [ln.no for para in unit.paras for ln in para.lines]
    return min(numbers), max(numbers)


def _take_signature(art: Article, unit: Unit, residue: list[Residue]) -> None:
    """A letter's signature (``一村民``, ``读者 刘淑琴``) is its credit; the office's reply after it stays its text.

    A letter to the editor is one item: the salutation, the letter, the
    signature, then the reply it got (``8月20日，卧虎镇政府回复：…``). The
    signature is a line of its own, which the reply's first line may have
    been read into one paragraph with.
    """
    if unit.kind != "story" or not SALUTATION_RE.match(unit.paras[0].text):
        return
    for i, para in enumerate(unit.paras[1:], start=1):
        credit = parse_signature(para.lines[0].text)
        if credit is not None:
            art.byline, art.authors = credit.text, credit.authors
            replace_first_line(unit, i, "")
            return


def _blocks_of(unit: Unit, residue: list[Residue]) -> list[Block]:
    """The article's body: each paragraph cleaned, under its crossheads (the copy of one drawn twice is residue)."""
    blocks: list[Block] = []
    for i, para in enumerate(unit.paras):
        for text in unit.crossheads_before.get(i, []):
            head, dup = split_doubled(text)
            blocks.append(Block("h", clean_heading(head)))
            if dup:
                residue.append(Residue(dup, "duplicate_crosshead", para.first_line))
        text = clean_paragraph(para.text)
        if text:
            blocks.append(Block("p", text))
    # heading lines with no paragraph after them head nothing in this article
    for k, texts in unit.crossheads_before.items():
        if k >= len(unit.paras):
            residue.extend(Residue(t, "unassigned", _first_line(unit)) for t in texts)
    return blocks


def _first_line(unit: Unit) -> int:
    """The page line where the unit's first part stands: articles and residue are sorted by it."""
    nums = [p.first_line for p in unit.paras] + [ln.no for ln in (unit.head or [])] \
        + [ln.no for ln in unit.lead_lines] + [ln.no for ln in unit.credit_lines]
    return min(nums) if nums else 0
