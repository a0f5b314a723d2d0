"""Heading lines read as a headline's parts: kicker (引题), headline, subheadline.

Also the facts about single heading lines that the scoring stages ask:
whether a line is a full headline by itself, drawn twice (a crosshead), or
a subtitle that names a feature genre.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Set as AbstractSet
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import accumulate
from typing import Final

from banmian.tasks.text.chars import BYLINE_MARKS, DIGIT_CLASS, HAN, NAME_CLASS, OFFICIAL_TITLES, han_count
from banmian.tasks.text.credits import (BYLINE_LINE_RE, ORGS, ROLES, is_author_line, is_bare_names, is_commentator,
                                        is_personal_name)
from banmian.tasks.text.clean import (clean_heading, display_width, fold_fullwidth_alnum, is_letterspaced,
                                      remove_cjk_spacing, split_doubled)
from banmian.tasks.text.lexicon import break_splits_word, is_name_word, opens_with_feature_verb
from banmian.tasks.text.lines import (BYLINE, HEAD, ROLE, SUBTITLE, TITLE_COLONS, Line, couplet_shaped, ends_mid_phrase,
                                      is_column_tag, is_one_line_couplet, opens_mid_phrase, wrap_cuts_word)

#: The dashes that open a subtitle (——…): decoration, not its text.
DASHES: Final = "—─－-"
#: A heading line's last and first Chinese characters: the two a wrap's break parts.
_HAN_AT_END: Final = re.compile(f"[{HAN}]$")
_HAN_AT_START: Final = re.compile(f"^[{HAN}]")
#: A kicker printed in brackets: 【民生关注】.
_KICKER_RE: Final = re.compile(r"^\s*[【\[〔].+[】\]〕]\s*$")
#: A heading line this long (Chinese characters) can be a headline on its
#: own; shorter ones (防风险, 财随政走) are kickers, labels or couplet halves.
FULL_HEADLINE_MIN_CHARS: Final = 8
#: Lines a subject line stands under its headline's last line at most: the next line, or after one blank.
SUBJECT_MAX_GAP: Final = 2
#: Lines one headline can take: kicker, a couplet's two lines, a subject line.
MAX_BLOCK_LINES: Final = 4
#: Lines filled to one measure differ in width by at most this (half-width digits and letters
#: change a justified line's width by half a unit or so).
MEASURE_SLACK: Final = 0.5
#: Full lines a headline must fill before a shorter last line shows it wrapped at its measure, when the two
#: lines are shaped like a couplet's halves (one full line and a shorter one not so shaped are a wrap:
#: ``_wrapped_under_one``).
MEASURE_MIN_FULL_LINES: Final = 2
#: Lines of one width in a run this long fill a measure even with no shorter last line (a couplet and
#: its subject line are two widths).
MEASURE_FULL_RUN: Final = 3
#: Subtitle endings that name a feature genre (侧记 "sidelights", 综述
#: "review", 纪实 "record" …): a lead with one is a feature, whose sections
#: are printed apart from its head.
FEATURE_GENRE_WORDS: Final = ("侧记", "综述", "纪实", "巡礼", "扫描", "纪事", "记事", "速写", "札记", "手记",
                              "特写", "调查", "回眸", "观察", "见闻", "探访", "故事")


@dataclass(slots=True)
class Headline:
    """Heading lines read as a headline: its cleaned parts and the lines none of them took."""

    kicker: str | None
    headline: str | None
    subheadline: str | None
    extra: list[Line]     # lines a headline could not take


def parse_headline(lines: list[Line], body_grams: AbstractSet[str] = frozenset()) -> Headline:
    """Read heading lines as kicker / headline / subheadline.

    ``body_grams`` are the bigrams of the headline's text (``lexicon.bigram_set``): a two-line headline whose
    break the text reads across is one phrase wrapped (``_wrap_the_text_reads``), printed with no space.

    ``阅享新时代`` + ``奋进新征程`` + ``铁西区民政局推进书香机关建设`` →
    headline ``阅享新时代 奋进新征程``, subheadline the subject line. A
    ``——`` line is the subheadline, without its dashes.

    >>> from banmian.tasks.text.lines import classify_page
    >>> def read(page):
    ...     h = parse_headline([ln for ln in classify_page(page) if ln.kind != "blank"])
    ...     return h.kicker, h.headline, h.subheadline
    >>> read("阅享新时代\\n奋进新征程\\n铁西区民政局推进书香机关建设\\n")
    (None, '阅享新时代 奋进新征程', '铁西区民政局推进书香机关建设')
    >>> read("【民生关注】\\n开展安全检查 守护平安冬季\\n——全市排查整治安全隐患\\n")
    ('【民生关注】', '开展安全检查 守护平安冬季', '全市排查整治安全隐患')
    """
    parts = _genre_line_as_subject(_letterspaced_couplet(_column_tag_as_kicker(headline_parts(lines))))
    kicker = " ".join(clean_heading(ln.text) for ln in parts.kicker) if parts.kicker else None
    headline = _headline_text(parts.headline, body_grams) if parts.headline else None
    sub = None
    if parts.subtitle is not None:
        sub = clean_heading(parts.subtitle.text.lstrip(DASHES + " ")) + _wrapped(parts.wrapped)
    elif parts.subject is not None:
        sub = clean_heading(parts.subject.text) + _wrapped(parts.wrapped)
    return Headline(kicker, headline, sub, parts.extra + parts.rest)


def _headline_text(lines: list[Line], body_grams: AbstractSet[str]) -> str:
    """The headline's lines cleaned and joined: a couplet's halves with a space, a phrase wrapped onto a second
    line with none. Only two lines each one phrase may be one wrapped: a line with a gap is a couplet on its own."""
    wrapped = len(lines) == 2 and _one_phrase(lines[0]) and _one_phrase(lines[1]) \
        and (_wrap_the_text_reads(lines[0], lines[1], body_grams) or _tail_too_short_for_a_half(lines[0], lines[1])
             or opens_mid_phrase(lines[1].text) or _title_over_what_it_does(lines[0], lines[1]))
    return ("" if wrapped else " ").join(clean_heading(ln.text) for ln in lines)


#: Units of words' width (``_words_width``) a couplet's second half is shorter than its first by at most.
#: Calibration: of the two-line headlines printed with a space, no couplet on gate, gen42 or gen7 (14, 28 and 28
#: distinct) has its second line's words two units or more narrower; 19 of 38 wrapped headlines on gate have.
COUPLET_HALF_MAX_SHORTER: Final = 1


def _tail_too_short_for_a_half(full: Line, tail: Line) -> bool:
    """A second heading line whose words are two characters or more narrower (``_words_width``) is the phrase going
    on, not a couplet's second half (``维也纳新年音乐会`` / ``为何经久不衰``): halves are set as a pair, of about
    one length (a character apart at most).
    """
    return _words_width(tail) < _words_width(full) - COUPLET_HALF_MAX_SHORTER


#: What is not a word's character in a heading line: marks (quotes, book-title brackets) and spaces.
_NOT_A_WORD_CHAR: Final = re.compile(f"[^{HAN}{DIGIT_CLASS}A-Za-zＡ-Ｚａ-ｚ]")


def _words_width(line: Line) -> float:
    """The printed width of a heading line's words, its marks left out: Chinese characters one unit each, digits
    and letters half (``1997大地震减少`` is 7, ``深化“放管服”改革`` 7 as its half ``跑出审批加速度``)."""
    return display_width(_NOT_A_WORD_CHAR.sub("", clean_heading(line.text)))


def _wrap_the_text_reads(full: Line, tail: Line, body_grams: AbstractSet[str]) -> bool:
    """A shorter heading line under one is the phrase going on when the text prints the two characters the break
    parts (``中港集团中标吐乌大`` / ``高等级公路项目``: the text says ``吐乌大高等级公路``).

    Lines shaped like a couplet's halves and cut at no word are read as a couplet (``_wrapped_under_one``). A
    couplet's halves are two clauses: the text says them apart. Of the pairs whose second line is shorter by a
    character or two, none of 130 couplets on the gate, gen42 and gen7 pages has its break's bigram in its text;
    63 of 133 wrapped headlines on the gate pages have (``以色列外长`` / ``宣布辞职``, whose text says ``外长利维4日
    宣布``, has no such evidence and stays two halves).
    """
    left, right = _HAN_AT_END.search(clean_heading(full.text)), _HAN_AT_START.match(clean_heading(tail.text))
    return tail.width < full.width - MEASURE_SLACK and left is not None and right is not None \
        and left.group() + right.group() in body_grams


#: A heading line that is one book or journal title and nothing else: ``《怎样走向成功》``.
_TITLE_ALONE_RE: Final = re.compile(r"^《[^《》]+》$")


def _title_over_what_it_does(full: Line, tail: Line) -> bool:
    """A line that is a book's title alone over a line of words is the phrase's subject, the line under it what the
    book does (``《怎样走向成功》`` / ``揭示成功之道``): a title is no clause, so no couplet's half. Of the two-line
    headlines on gate, gen42 and gen7 printed with a space, no couplet has a half that is a title alone; one
    wrapped headline on gate has."""
    return _TITLE_ALONE_RE.match(clean_heading(full.text)) is not None \
        and _HAN_AT_START.match(clean_heading(tail.text)) is not None


def _column_tag_as_kicker(parts: HeadlineParts) -> HeadlineParts:
    """A column tag read as the headline's first line (``lines.is_column_tag``) is its kicker, the line under it the
    headline: ``经济观察`` / ``天气趋势分析`` read as a couplet, ``经济观察`` / ``企业改制要守法`` as a headline
    over its subject line. A tag is a column's name, no couplet's half, whatever the width of the line under it:
    ``民生实事面对面`` / ``第七章附则`` was one headline wrapped (gate headline_acc +0.0007, gen42 +0.0018).

    Read for the article's text only: head scoring reads the parts as they are (so reading them cost unread-a
    article_f1 0.0002).
    """
    if parts.kicker or not parts.headline or not is_column_tag(parts.headline[0].text):
        return parts
    tag = parts.headline[0]
    if len(parts.headline) == 2:
        return replace(parts, kicker=[tag], headline=parts.headline[1:])
    subject = parts.subject
    if len(parts.headline) == 1 and subject is not None and not parts.wrapped and subject.width > tag.width:
        return replace(parts, kicker=[tag], headline=[subject], subject=None)
    return parts


def _genre_line_as_subject(parts: HeadlineParts) -> HeadlineParts:
    """A couplet's second half that names a feature's genre (``改革平稳发展`` / ``’97财金大势回眸``:
    ``is_feature_subtitle``) is the subject line under the headline: a genre names what the text is, no clause
    of a couplet. Of the gate golds' heads, 31 subheadlines end on a genre word and no couplet's half does.

    Read for the article's text only, as ``_column_tag_as_kicker``: head scoring reads the parts as they are (read
    there too, it cost unread-b article_f1 0.6647 -> 0.6639).
    """
    if len(parts.headline) != 2 or parts.subtitle is not None or parts.subject is not None \
            or not is_feature_subtitle(cleaned_heading(parts.headline[1].text)):
        return parts
    return replace(parts, headline=parts.headline[:1], subject=parts.headline[1])


def _letterspaced_couplet(parts: HeadlineParts) -> HeadlineParts:
    """A couplet with one half letterspaced to fill the other's measure (``优化营商环境`` / ``搭 建 沟 通 平 台``) read
    as the headline's two halves, not as a kicker over a headline or a headline over its subject line.

    ``headline_parts`` reads a line with a gap as a couplet on one line, so a letterspaced half never pairs with
    the other; the letters spaced out to one measure are the evidence that the two lines are set as a pair. A
    subject line wider than its headline says more in smaller type: it is never the couplet's second half.
    Read for the article's text only, as ``_column_tag_as_kicker``: head scoring reads the parts as they are.
    """
    if len(parts.headline) != 1:
        return parts
    head, subject = parts.headline[0], parts.subject
    if len(parts.kicker) == 1 and _spaced_couplet(parts.kicker[0], head):
        return replace(parts, kicker=[], headline=[parts.kicker[0], head])
    if not parts.kicker and subject is not None and not parts.wrapped and subject.width <= head.width \
            and _spaced_couplet(head, subject):
        return replace(parts, headline=[head, subject], subject=None)
    return parts


def _spaced_couplet(a: Line, b: Line) -> bool:
    """Two heading lines shaped like a couplet's halves, one or both letterspaced, each one phrase once read."""
    return (is_letterspaced(a.text) or is_letterspaced(b.text)) and a.kind == b.kind == HEAD \
        and _is_couplet(a, b, cleaned_heading)


def _wrapped(lines: list[Line]) -> str:
    """The lines a subheadline wrapped onto, as its words go on (no space between)."""
    return "".join(clean_heading(ln.text).replace(" ", "") for ln in lines)


@dataclass(slots=True)
class HeadlineParts:
    """Which heading lines ``parse_headline`` reads as what, before any is cleaned."""

    kicker: list[Line]
    headline: list[Line]          # one line, or a couplet's two
    subtitle: Line | None         # the first ——… line: the subheadline
    subject: Line | None          # without a subtitle, the line after the headline is the subheadline
    wrapped: list[Line]           # lines the subtitle (or subject line) wrapped onto
    extra: list[Line]             # subtitles after the first, and a title's word drawn twice
    rest: list[Line]              # heading lines no part takes: the headline is not shaped like one


#: ``headline_parts`` of heading lines read before, by each line's identity, kind and width. The entry keeps its
#: lines, so no id in its key can be reused by another line while it stands.
_PARTS_READ: dict[tuple[tuple[int, str, float], ...], tuple[list[Line], HeadlineParts]] = {}
#: Entries kept at most (a page reads a few dozen): the memo is emptied when full.
PARTS_READ_MAX: Final = 4096


def headline_parts(lines: list[Line]) -> HeadlineParts:
    """The heading lines sorted into a headline's parts: all of ``parse_headline`` but the cleaning.

    Scoring asks only whether a split of a group reads as one headline
    (``assignment.HeadScorer``), which needs no cleaned text. Head
    assignment, far heads and the article read the same heads: each run of
    lines is read once (the parts are shared: callers only read them).
    """
    key = tuple((id(ln), ln.kind, ln.width) for ln in lines)
    found = _PARTS_READ.get(key)
    if found is None:
        if len(_PARTS_READ) >= PARTS_READ_MAX:
            _PARTS_READ.clear()
        found = _PARTS_READ[key] = (list(lines), _read_parts(lines))
    return found[1]


def _read_parts(lines: list[Line]) -> HeadlineParts:
    """``headline_parts`` read afresh."""
    heads, left_out = _heads_and_signatures(lines)
    subs = [ln for ln in lines if ln.kind == SUBTITLE]
    if len(heads) <= 1:  # one line (or none) is the headline: nothing to join, nor to read as kicker or subject
        return HeadlineParts([], heads, subs[0] if subs else None, None, [], left_out + subs[1:], [])
    if _holds_title_colon(heads):
        heads, drawn = _join_at_colons(heads)
        left_out = left_out + drawn
    heads, pieces = _join_wraps(heads, _measure_wraps(heads) | _function_word_wraps(heads))
    if _signed_beneath(heads, pieces):
        heads, left_out = heads[:-1], left_out + heads[-1:]
    main = _main_headline_index(heads, bool(subs))
    if not subs:
        main = max(main, _signed_title_index(heads, lines))
    kicker, heads = heads[:main], heads[main:]
    n = _headline_size(heads, subs[0] if subs else None, pieces)
    headline, rest = heads[:n], heads[n:]
    subject, rest = _split_subject(rest, bool(subs), headline[-1].no if headline else None,
                                   _first_printed(rest[:1], pieces))
    wrapped, rest = _wrapped_lines(subs[0], rest, pieces) if subs else _subject_wrap(subject, headline, rest, pieces)
    return HeadlineParts(kicker, headline, subs[0] if subs else None, subject, wrapped,
                         _as_printed(left_out + subs[1:], pieces), _as_printed(rest, pieces))


#: A name signed under a head is two or three characters (``今哲``, ``丰子义``).
SIGNED_NAME_CHARS: Final = (2, 3)


def _signed_beneath(heads: list[Line], pieces: dict[int, list[Line]]) -> bool:
    """The last heading line, under the others and no piece of a wrapped phrase, is an author's name: two or three
    characters the dictionary reads whole as a person's name (``省委书记的`` / ``菜单`` / ``今哲``), an essay's
    byline set under its title; no headline line is one. A line paired with the one above as a couplet's halves
    is the couplet's (``松花江上`` / ``冰帆扬``).

    A name with a common surname is a byline by its form already (``lines``); a pen name or a rare surname
    (``丰子义``, ``果永毅``) is told by the dictionary only.
    """
    last = heads[-1]
    text = cleaned_heading(last.text)
    return len(heads) >= 2 and id(last) not in pieces and last.kind == HEAD and not _is_couplet(heads[-2], last) \
        and SIGNED_NAME_CHARS[0] <= len(text) <= SIGNED_NAME_CHARS[1] and han_count(text) == len(text) \
        and is_name_word(text)


def _join_wraps(heads: list[Line], filled: AbstractSet[int] = frozenset()) -> tuple[list[Line], dict[int, list[Line]]]:
    """Heading lines wrapped at their measure joined into the phrase they print (``报告文学收`` + ``获不丰``).

    A narrow column wraps a headline wherever its measure falls, cutting a word (``lines.wrap_cuts_word``);
    the pieces are one headline line, read with no space between. A line with a gap (a couplet on one
    line) is whole already. A word spaced out to fill a piece's line (``国 务`` / ``院侨`` / …) is unspaced, the
    first piece's as any other's (``_piece_text``). Returns the lines and, by the ``id`` of each joined line, the lines it joined
    (``_as_printed`` gives back those a headline does not take). The lines at the indexes ``filled``
    go on from the line above too (``_measure_wraps``).
    """
    out: list[Line] = []
    pieces: dict[int, list[Line]] = {}
    for i, ln in enumerate(heads):
        prev = out[-1] if out else None
        if prev is not None and (i in filled or (_wraps_onto(prev, ln) and not _opens_second_half(heads, i))):
            head = _piece_text(prev) if id(prev) not in pieces else clean_heading(prev.text)
            joined = Line(ln.no, head + _piece_text(ln), prev.width + ln.width, HEAD,
                          in_series=prev.in_series and ln.in_series)
            pieces[id(joined)] = pieces.pop(id(prev), [prev]) + [ln]
            out[-1] = joined
        else:
            out.append(ln)
    return out, pieces


def _function_word_wraps(heads: list[Line]) -> set[int]:
    """Indexes of heading lines that go on from a line above ending on a function word (``二○○○年长城将`` /
    ``竖立倒计时钟``, ``省长的`` / ``问候``): no headline ends so (``lines.ends_mid_phrase``), whatever the widths.

    Read for a headline's parts only: a crosshead wrapped so stays two phrases to the segmenter, as before.
    """
    return {i for i in range(1, len(heads))
            if heads[i].no == heads[i - 1].no + 1 and heads[i].kind == heads[i - 1].kind == HEAD
            and not is_one_line_couplet(heads[i - 1].text) and not is_one_line_couplet(heads[i].text)
            and ends_mid_phrase(heads[i - 1].text)}


def _piece_text(ln: Line) -> str:
    """A wrapped headline's piece as the phrase goes on: a word spaced out to fill its line (``扶 贫``) unspaced."""
    text = clean_heading(ln.text)
    return text.replace(" ", "") if _spaced_word(ln) else text


def _measure_wraps(heads: list[Line]) -> set[int]:
    """Indexes of heading lines that go on from the line above because together they fill one measure.

    A headline set in a narrow column wraps wherever its measure falls: every line but the last is
    equally wide (full), the last is shorter. Two full lines and a shorter one under them
    (``第八届世界`` / ``游泳锦标赛`` / ``开幕``) are one phrase, whether or not a break cuts a word,
    and so are three lines or more of one width (the last full too: ``九十年代`` / ``中国文学`` /
    ``十大景点``), and one line with a shorter one under it that no couplet pairs with it
    (``_wrapped_under_one``); a couplet's halves and a subject line are each as wide as their own words.

    >>> texts = ["新进党一分为", "六日政局纷乱", "不已"]
    >>> sorted(_measure_wraps([Line(i, t, float(len(t)), HEAD) for i, t in enumerate(texts)]))
    [1, 2]
    >>> texts = ["阅享新时代", "奋进新征程", "铁西区民政局推进书香机关建设"]
    >>> sorted(_measure_wraps([Line(i, t, float(len(t)), HEAD) for i, t in enumerate(texts)]))
    []
    >>> texts = ["全省冬季长跑比赛今天在长春", "举行千人参赛"]
    >>> sorted(_measure_wraps([Line(i, t, float(len(t)), HEAD) for i, t in enumerate(texts)]))
    [1]
    """
    joined: set[int] = set()
    i = 0
    while i < len(heads):
        if is_column_tag(heads[i].text):  # a column tag over a narrow headline is its kicker, as wide as its measure
            i += 1
            continue
        j = i + 1
        while j < len(heads) and _same_measure(heads[i], heads[j]) and heads[j].no == heads[j - 1].no + 1:
            j += 1
        if j < len(heads) and _tail_of(heads[j - 1], heads[j]) \
                and (j - i >= MEASURE_MIN_FULL_LINES or _wrapped_under_one(heads[i], heads[j])
                     or _wrap_repeated(heads, i)):
            joined.update(range(i + 1, j + 1))
            j += 1
        elif j - i >= MEASURE_FULL_RUN:
            joined.update(range(i + 1, j))
        i = j
    return joined


def _wrap_repeated(heads: list[Line], i: int) -> bool:
    """Line ``i`` and the shorter line under it are printed again at the same two widths straight below or above
    (``强化职责`` / ``担当`` / ``筑牢安全`` / ``防线``): a couplet whose halves each wrapped at one narrow measure.

    A subject line is set in smaller type than its headline: at one measure it holds more characters, so a
    full line and its tail at the headline's own widths are the headline going on.
    """
    return (i + 3 < len(heads) and _same_wrap(heads[i:i + 2], heads[i + 2:i + 4])) \
        or (i >= 2 and _same_wrap(heads[i - 2:i], heads[i:i + 2]))


def _opens_second_half(heads: list[Line], i: int) -> bool:
    """Line ``i`` and the shorter line under it repeat at the same two widths the line and tail straight above
    (``不忘育人`` / ``初心`` / ``共筑廉洁`` / ``校园``): a couplet's second half opening, which goes on from no line
    above, though the dictionary reads a word across its gap (初心|共筑) or the first half, joined, is wider.

    ``_wrap_repeated`` joins each half's tail to its line; the halves stay two phrases of one headline.
    """
    return i >= 2 and i + 1 < len(heads) and _same_wrap(heads[i - 2:i], heads[i:i + 2])


def _same_wrap(first: list[Line], second: list[Line]) -> bool:
    """Two (full line, tail) pairs printed one straight under the other at the same two widths."""
    return second[0].no == first[1].no + 1 and _same_measure(first[0], second[0]) \
        and _tail_of(first[0], first[1]) and _tail_of(second[0], second[1]) \
        and abs(first[1].width - second[1].width) <= MEASURE_SLACK


def _same_measure(a: Line, b: Line) -> bool:
    """Two heading lines with no gap (letterspacing read as words) filled to the same width."""
    return a.kind == b.kind == HEAD and abs(_measure_width(a.text) - _measure_width(b.text)) <= MEASURE_SLACK \
        and len(cleaned_heading(a.text).split()) == 1 and len(cleaned_heading(b.text).split()) == 1


def _wrapped_under_one(full: Line, tail: Line) -> bool:
    """A shorter line straight under one heading line is its wrap, unless the two pair as a couplet's halves.

    A subject line is set in smaller type than its headline and says more: it is the wider line (every
    subject line of the seed and wild pages is). A shorter line with no gap under a headline line with none
    is the headline going on. Of the two-line pairs with a narrower second line, 143 on the pagesim gate
    pages are one headline wrapped and 3 a headline over its subject line; 21 to none on gen42 and gen7.
    Lines shaped like a couplet's halves are a couplet unless a break cuts a word (``_wraps_onto``).
    """
    return _one_phrase(full) and (_spaced_word(tail) or (_one_phrase(tail) and not couplet_shaped(full, tail)
                                                         and not _names_an_official(tail.text)))


#: A heading line that ends on an official's title and a name (``农业部部长刘江``): the name after the title.
_OFFICIAL_NAMED_RE: Final = re.compile(f"(?:{'|'.join(OFFICIAL_TITLES)})([{HAN}]{{2,4}})$")


def _names_an_official(text: str) -> bool:
    """A heading line that names an official by title and name (``农业部部长刘江``, ``中国人民银行行长戴相龙``): the
    author of an address, set under its headline as the subject line, never the headline going on. Of the gate
    golds' heads, 16 subheadlines end so and no headline does.

    >>> [_names_an_official(t) for t in ("农业部部长刘江", "致中国科学院武汉分院副院长吕纯操", "省长的问候", "部长会议")]
    [True, True, False, False]
    """
    named = _OFFICIAL_NAMED_RE.search(cleaned_heading(text))
    return named is not None and is_personal_name(named.group(1))


def _spaced_word(line: Line) -> bool:
    """A heading line of single characters spaced apart (``扶 贫``, ``出 台``): a word spaced out to fill its line,
    too short for ``clean.is_letterspaced`` to read. No couplet's half is so set under an unspaced half: on
    the gate pages every such line under a headline line is its last word (``京郊电信`` / ``扶 贫``)."""
    words = line.text.split()
    return line.kind == HEAD and len(words) >= 2 and all(len(w) == 1 for w in words)


def _one_phrase(line: Line) -> bool:
    """A heading line with no gap in it (letterspacing read as words): one phrase, not a couplet's two."""
    return line.kind == HEAD and len(cleaned_heading(line.text).split()) == 1


def _tail_of(full: Line, ln: Line) -> bool:
    """``ln`` is the short last line of a phrase whose full lines end with ``full``, printed straight under it."""
    return ln.kind == HEAD and ln.no == full.no + 1 \
        and _measure_width(ln.text) < _measure_width(full.text) - MEASURE_SLACK and not is_one_line_couplet(ln.text)


@lru_cache(maxsize=4096)  # the measure of a run is asked of the same heading lines again and again
def _measure_width(text: str) -> float:
    """A heading line's width as its measure sets it: full-width digits and letters count half a unit, as the
    half-width ones they stand for were set (``云南３０`` / ``支工作`` / ``队赴农`` / ``村`` fill one measure of three,
    the text's ``３０`` a habit of its encoding, not of its type)."""
    return display_width(fold_fullwidth_alnum(text))


def heading_phrases(lines: list[Line]) -> list[Line]:
    """Heading lines as the phrases they print: lines wrapped at their measure joined (``_join_wraps``).

    A crosshead wrapped over three lines of a narrow column is one crosshead, and one phrase.

    >>> [ln.text for ln in heading_phrases([Line(1, "从标准要求把", 6.0, HEAD), Line(2, "握全面从严治党永", 8.0, HEAD),
    ...                                     Line(3, "远在路上", 4.0, HEAD)])]
    ['从标准要求把握全面从严治党永远在路上']
    """
    return _join_wraps(lines)[0]


def measure_phrases(lines: list[Line]) -> list[Line]:
    """Heading lines as the phrases they print, the lines that fill one measure joined too (``_measure_wraps``).

    A headline set in a narrow column wraps onto five lines or more (``中国常驻`` / ``联合国代`` / ``表秦华孙`` /
    ``说我多边`` / ``外交赢得`` / ``广泛好评``): one phrase, which one headline takes like any line.

    >>> [ln.text for ln in measure_phrases([Line(i, t, 3.0, HEAD) for i, t in enumerate(["阿联酋", "呼吁欧", "佩克成"])])]
    ['阿联酋呼吁欧佩克成']
    """
    return _join_wraps(lines, _measure_wraps(lines))[0]


def _wraps_onto(prev: Line, ln: Line) -> bool:
    """Heading line ``ln`` goes on from ``prev``, printed straight above it, in the middle of a word, or in one box
    of a series of crossheads (``lines._mark_crosshead_series``: a box holds one crosshead, cut where its measure falls)."""
    return prev.kind == ln.kind == HEAD and ln.no == prev.no + 1 \
        and ((prev.in_series and ln.in_series)
             or (not is_one_line_couplet(prev.text) and not is_one_line_couplet(ln.text)
                 and (wrap_cuts_word(prev, ln) or _shorter_tail_cuts_word(prev, ln))))


def _shorter_tail_cuts_word(prev: Line, ln: Line) -> bool:
    """A shorter line under a heading line goes on with the word the break cut (``俄反对在阿布`` / ``哈兹动武``).

    A couplet's halves are each a whole phrase: ``lines.wrap_cuts_word`` asks a pair shaped like one to
    strand a single character. A couplet whose second half is the shorter is never cut inside a word
    (no pair of 214 on gen42/7/11 and the seeds, 6 on gate), while 44 of the 94 such wrapped headlines on
    the gate pages are: a word across the break is evidence enough there.

    >>> _shorter_tail_cuts_word(Line(1, "俄反对在阿布", 6.0, HEAD), Line(2, "哈兹动武", 4.0, HEAD))
    True
    >>> _shorter_tail_cuts_word(Line(1, "蒲公英奖", 4.0, HEAD), Line(2, "出台", 2.0, HEAD))
    False
    """
    return ln.width < prev.width - MEASURE_SLACK and break_splits_word(prev.text, ln.text)


def _as_printed(lines: list[Line], pieces: dict[int, list[Line]]) -> list[Line]:
    """``lines`` with each joined line given back as the lines it joined."""
    return [piece for ln in lines for piece in pieces.get(id(ln), [ln])]


def _subject_wrap(subject: Line | None, headline: list[Line], rest: list[Line],
                  pieces: dict[int, list[Line]]) -> tuple[list[Line], list[Line]]:
    """The line a subject line wrapped onto, and the lines left: a subject line as wide as any line of the
    headline filled its measure, and the shorter line straight under it is its tail. A couplet printed on one
    line spans the column in larger type and shows no measure: under it the shorter last line is the tail.
    A subject line joined from the lines of its measure (``pieces``) has its tail already. A subject line
    that goes on over lines joined at its own measure (``_goes_on_at_its_measure``) wraps whatever the
    headline's width: those lines show the measure."""
    if subject is None or not rest or id(subject) in pieces:
        return [], rest
    tail = rest[0]
    if _goes_on_at_its_measure(subject, tail, pieces):
        return [tail], rest[1:]
    if any(ln.width > subject.width for ln in headline) and not _couplet_line_over_a_tail(headline, rest):
        return [], rest
    if tail.no == subject.no + 1 and tail.kind == HEAD and tail.width < subject.width:
        return [tail], rest[1:]
    return [], rest


def _goes_on_at_its_measure(subject: Line, tail: Line, pieces: dict[int, list[Line]]) -> bool:
    """The lines straight under a subject line, joined as one phrase wrapped at their measure (a shorter last
    line cutting a word: ``2023年重点工作动`` / ``员部署会``), go on from it when their first line is set to
    the subject line's measure (``四平经开区召开``, ``_set_to_the_measure_of``): one phrase over three lines.
    """
    printed = pieces.get(id(tail))
    return printed is not None and tail.kind == HEAD and printed[0].no == subject.no + 1 \
        and _set_to_the_measure_of(subject, printed[0])


#: Digits and Latin letters at a line's start: a run no line breaks inside.
_OPENING_LATIN_RUN: Final = re.compile(r"[0-9A-Za-z]+")


def _set_to_the_measure_of(line: Line, under: Line) -> bool:
    """``line`` is as wide as the line under it, or narrower only by less than the run of digits or letters
    that opens that line (``四平经开区召开`` / ``2023年重点工作动``): the run, which no break splits, did not
    fit on ``line`` and went down whole, leaving ``line`` short of its measure.

    >>> _set_to_the_measure_of(Line(1, "四平经开区召开", 7.0, HEAD), Line(2, "2023年重点工作动", 8.0, HEAD))
    True
    >>> _set_to_the_measure_of(Line(1, "四平经开区召开", 7.0, HEAD), Line(2, "全市重点工作动", 8.0, HEAD))
    False
    """
    opening = _OPENING_LATIN_RUN.match(clean_heading(under.text))
    kept_whole = display_width(opening.group()) if opening else 0.0
    return -MEASURE_SLACK <= under.width - line.width <= max(MEASURE_SLACK, kept_whole - MEASURE_SLACK)


def _couplet_line_over_a_tail(headline: list[Line], rest: list[Line]) -> bool:
    """The headline is one line holding a couplet, and one line is left under the subject line."""
    return len(headline) == 1 and is_one_line_couplet(headline[0].text) and len(rest) == 1


def _wrapped_lines(sub: Line, rest: list[Line], pieces: dict[int, list[Line]]) -> tuple[list[Line], list[Line]]:
    """The heading lines no part took that go on from the subheadline's line with no blank line between (a
    ``——subtitle`` or subject line too long for its measure wraps), and the lines left.

    Only lines after the subheadline's line can be its wrap: ``rest`` holds
    only lines after the headline, and a subtitle stands under it. A line
    joined from the lines of its measure (``pieces``) is numbered by its last.
    """
    wrapped: list[Line] = []
    last = sub.no
    for ln in rest:
        if _first_printed([ln], pieces) != last + 1 or ln.kind != HEAD:
            break
        wrapped.append(ln)
        last = ln.no
    return wrapped, rest[len(wrapped):]


def _heads_and_signatures(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """The heading lines a headline may take, and the signature lines among them (never a headline)."""
    heads: list[Line] = []
    signatures: list[Line] = []
    for ln in lines:
        if ln.kind == HEAD and is_signature(ln.text):
            signatures.append(ln)
        elif ln.kind in (HEAD, ROLE):
            heads.append(ln)
    return heads, signatures


#: Any colon a title may be split at.
_TITLE_COLON_RE: Final = re.compile(f"[{TITLE_COLONS}]")


def _holds_title_colon(heads: list[Line]) -> bool:
    """A title may be split at its colon (most heads have none: ``_join_at_colons`` is skipped)."""
    return any(_TITLE_COLON_RE.search(ln.text) for ln in heads)


def _join_at_colons(heads: list[Line]) -> tuple[list[Line], list[Line]]:
    """Heading lines of a title split at its colon, joined: ``新时代`` + ``：发展新方位`` → ``新时代：发展新方位``.

    A line that opens with the colon goes on from the line above it. A
    line closed by the colon whose words open the line after it is the
    larger type drawn twice (``新时代：`` over ``新时代``): it is left out.
    Returns the lines joined and the lines left out.
    """
    joined: list[Line] = []
    left_out: list[Line] = []
    for ln in heads:
        text = ln.text.strip()
        if joined and text[:1] in TITLE_COLONS:
            prev = joined[-1]
            joined[-1] = Line(prev.no, prev.text.strip() + text, prev.width + ln.width, prev.kind)
        else:
            joined.append(ln)
    kept: list[Line] = []
    for i, ln in enumerate(joined):
        text = ln.text.strip()
        if text[-1:] in TITLE_COLONS and i + 1 < len(joined) and joined[i + 1].text.strip().startswith(text[:-1]):
            left_out.append(ln)
        else:
            kept.append(ln)
    return kept, left_out


def _main_headline_index(heads: list[Line], has_subtitle: bool) -> int:
    """Where the main headline starts; the lines above it are the kicker (引题).

    Bracketed lines (【民生关注】) are kickers. The main headline is the first
    couplet (on one line or two) within one line of the top (a line over a
    couplet set to one measure is its kicker: ``_kicker_over_couplet``); with three
    lines, no couplet and no ——subtitle, the first line is the kicker, as in
    kicker / headline / subject; with two, a short line over a wider full
    headline is (``_kicker_over_headline``).
    """
    i = 0
    while i < len(heads) - 1 and _KICKER_RE.match(heads[i].text):
        i += 1
    for j in range(i, min(i + 2, len(heads))):
        if is_one_line_couplet(heads[j].text) or (j + 1 < len(heads) and _is_couplet(heads[j], heads[j + 1])
                                                  and not _kicker_over_couplet(heads, j, has_subtitle)):
            return j
    return i + 1 if not has_subtitle and _opens_with_kicker(heads[i:]) else i


def _kicker_over_couplet(heads: list[Line], j: int, has_subtitle: bool) -> bool:
    """Line ``j`` is a kicker over a couplet, not its first half: lines ``j + 1`` and ``j + 2`` fill one measure, line
    ``j`` does not, and a subject line or ——subtitle closes the head (``新春走基层`` / ``引导文明施工`` /
    ``营造宜居环境`` / ``铁西区执法局开展城区噪声污染专项整治``).

    A couplet's halves are set in one type to one measure; a kicker over them, in smaller type, is only about
    as wide (``lines.couplet_shaped`` allows a difference of two). Three short lines alone are a headline
    wrapped at a narrow measure (``’９７医药`` / ``科技大事`` / ``令人欣喜``), which a kicker does not open.
    """
    if j + 2 >= len(heads) or not (has_subtitle or j + 3 < len(heads)) or not _is_couplet(heads[j + 1], heads[j + 2]):
        return False
    return abs(heads[j + 1].width - heads[j + 2].width) <= MEASURE_SLACK < abs(heads[j].width - heads[j + 1].width)


def _opens_with_kicker(heads: list[Line]) -> bool:
    """Heading lines with no couplet and no ——subtitle whose first is a kicker: three or more (kicker /
    headline / subject), or two where ``_kicker_over_headline``."""
    return len(heads) >= 3 or (len(heads) == 2 and _kicker_over_headline(heads[0], heads[1]))


def _kicker_over_headline(first: Line, second: Line) -> bool:
    """A short line over a full-length, wider one: a kicker (``一线见闻``, ``经济观察``) over the headline.

    A subject line goes under a headline at least as full as itself: of the two-line heads of the gate,
    gen42 and gen7 golds, 27 are a kicker over a wider full headline, 6 a short headline over a wider subject.
    A wider line opening with a feature's verb (``华夏绝技惊悉尼`` / ``记中国大马戏团访澳演出``) is the
    subject line: no headline of the gate golds opens so, 23 subheadlines do.
    """
    return not is_full_headline(first) and is_full_headline(second) and second.width > first.width \
        and not is_commentator(second.text) \
        and not opens_with_feature_verb(second.text)  # a commentator signs the title above, a feature's verb is its subject


def _signed_title_index(heads: list[Line], lines: list[Line]) -> int:
    """The last heading line when an author signs straight beneath it, set apart from the line above; else 0.

    A signed essay's title and its author's name are set as one block (no
    blank line between them); a kicker (引题) in smaller type stands apart
    above it, and so does a page's banner. A report's headline is followed
    by its subject line, which its reporters' byline (本报记者…) signs; an
    essay is signed by its author's bare name. A couplet above is itself
    the headline.
    """
    if len(heads) < 2 or heads[-1].no == heads[-2].no + 1 or any(is_one_line_couplet(ln.text) for ln in heads):
        return 0
    signed = any(ln.kind == BYLINE and ln.no == heads[-1].no + 1 and _bare_name(ln.text) for ln in lines)
    return len(heads) - 1 if signed else 0


#: Words a byline names a role or an employer with; a bare name holds none of them.
_ROLE_AND_ORG_WORDS: Final = ROLES + ORGS


def _bare_name(text: str) -> bool:
    """A byline with no role or paper in it (``刘宏达``, ``方``): an author's name, as essays are signed."""
    squashed = "".join(text.split())
    return not any(word in squashed for word in _ROLE_AND_ORG_WORDS)


def _headline_size(heads: list[Line], subtitle: Line | None, pieces: dict[int, list[Line]]) -> int:
    """How many of the lines from the main headline on it takes: a couplet's two, else one (none of no lines).

    A couplet's second half stands above the ——``subtitle``: a heading line printed under it is the subtitle
    wrapped (``——致中国科学院武`` / ``汉分院副院长吕纯操``) or another head, never the headline's half.
    """
    if len(heads) < 2 or not (_is_couplet(heads[0], heads[1]) or _spaced_to_its_first_half(heads[0], heads[1])) \
            or _printed_under(heads[1], subtitle, pieces):
        return min(len(heads), 1)
    return 2


def _printed_under(line: Line, subtitle: Line | None, pieces: dict[int, list[Line]]) -> bool:
    """A (maybe joined) heading line printed below the ——subtitle (None: no subtitle, nothing is below it)."""
    return subtitle is not None and pieces.get(id(line), [line])[0].no > subtitle.no


def _spaced_to_its_first_half(a: Line, b: Line) -> bool:
    """A couplet's second half letterspaced to fill its first half's measure (``抢前抓早购良种`` /
    ``备 足 种 子 保 丰 收``): the letters spaced out to no wider than the line above are the evidence the two are
    set as a pair, so the head reads it as the headline's second half, not as a line no part takes (which cut
    such a head from its ——subtitle and left it over). Gate headline_acc +0.0020, unread-a +0.0020, unread-b
    unchanged; a letterspaced first half too (``不 忘 育 人 初 心`` / ``共筑廉洁校园``) costs unread-b 0.0008."""
    return b.width <= a.width and is_letterspaced(b.text) and _spaced_couplet(a, b)


def _is_couplet(a: Line, b: Line, read: Callable[[str], str] = str) -> bool:
    """Two heading lines that are the halves of one couplet: a line with a gap (any space) is whole already.

    A paper's commentator under an editorial's title (``论狠抓落实`` / ``本报评论员``) is as short, but
    it signs the title: the subject line's place.
    """
    return couplet_shaped(a, b) and len(read(a.text).split()) == 1 and len(read(b.text).split()) == 1 \
        and not is_commentator(b.text)


def _split_subject(rest: list[Line], has_subtitle: bool, headline_end: int | None,
                   next_start: int | None) -> tuple[Line | None, list[Line]]:
    """Without a ——subtitle, the line after the headline is its subject line (the subheadline); the lines after it.

    A subject line is set right under its headline: its first printed line at most ``SUBJECT_MAX_GAP``
    lines under the headline's last (``headline_end``, ``next_start``). A heading line printed
    elsewhere on the page (a section's crosshead given to the text) is none.
    """
    near = headline_end is None or next_start is None or next_start - headline_end <= SUBJECT_MAX_GAP
    if rest and not has_subtitle and near:
        return rest[0], rest[1:]
    return None, rest


def _first_printed(lines: list[Line], pieces: dict[int, list[Line]]) -> int | None:
    """The page line a (maybe joined) heading line starts on; None for no line."""
    return pieces.get(id(lines[0]), lines)[0].no if lines else None


def subtitle_dashes(text: str) -> str:
    """The dashes that open a subtitle line: decoration, kept out of the subheadline.

    >>> subtitle_dashes("——区政务服务局工作侧记"), subtitle_dashes("区政务服务局工作侧记")
    ('——', '')
    """
    return text[: len(text) - len(text.lstrip(DASHES + " "))].strip()


def is_kicker_line(text: str) -> bool:
    """A heading line set as a kicker whatever stands around it: a bracketed label (``【民生关注】``) or a column
    tag (``lines.is_column_tag``), never a headline of its own.

    >>> [is_kicker_line(t) for t in ("【民生关注】", "一线见闻", "花灯装点公园")]
    [True, True, False]
    """
    return _KICKER_RE.match(text) is not None or is_column_tag(text)


def is_full_headline(line: Line) -> bool:
    """A heading line long enough to be a headline by itself."""
    return line.kind == HEAD and han_count(line.text) >= FULL_HEADLINE_MIN_CHARS


def drawn_twice(line: Line) -> bool:
    """A heading line the PDF drew twice: a crosshead (headlines are not), which heads the text after it."""
    return bool(split_doubled(line.text)[1]) or line.in_series  # one of a series of crossheads heads text alike


def all_crossheads(lines: list[Line]) -> bool:
    """Every line drawn twice: crossheads, not a headline."""
    return all(map(drawn_twice, lines))


def is_feature_subtitle(text: str | None) -> bool:
    """``——船营区政务服务局工作侧记`` names a feature genre.

    >>> is_feature_subtitle("——东丰县推进乡村振兴工作综述"), is_feature_subtitle("——靖宇县秋收工作进度过半")
    (True, False)
    """
    return text is not None and text.rstrip().endswith(FEATURE_GENRE_WORDS)


def heading_words(lines: list[Line]) -> str:
    """Heading lines as the words they print, for scoring against a body: letterspacing read as words.

    ``通 过 学 理 论`` is ``通过学理论``; the lines are joined as printed.

    >>> from banmian.tasks.text.lines import Line
    >>> heading_words([Line(1, "明 确 思 路", 4.0, "head"), Line(2, "笃行实干", 4.0, "head")])
    '明确思路笃行实干'
    """
    return "".join(cleaned_heading(ln.text) for ln in lines)


@lru_cache(maxsize=4096)  # scoring reads every split of a heading group, and so the same lines, again and again
def cleaned_heading(text: str) -> str:
    """``clean.clean_heading`` of a heading line, kept: a page's few heading lines are read many times.

    >>> cleaned_heading("明 确 思 路   笃 行 实 干")
    '明确思路 笃行实干'
    """
    return clean_heading(text)


@lru_cache(maxsize=256)  # head assignment and far heads both score headings against each body of a page
def body_words(text: str) -> str:
    """A body's text as its words, for scoring headings against it: letterspaced lines read as words.

    >>> body_words("压 缩 办 理 时 限 ，提 升 效 率")
    '压缩办理时限，提升效率'
    """
    return remove_cjk_spacing(text)


def headline_blocks(lines: list[Line]) -> list[list[Line]]:
    """Heading lines of several headlines printed together, cut into headlines: first where a line must open
    another head (``_one_head_runs``), then each the longest run of the lines left (at most
    ``MAX_BLOCK_LINES``) that reads as one headline with no line left over.

    >>> from banmian.tasks.text.lines import Line
    >>> texts = ["开展安全检查", "守护平安冬季", "全市排查整治安全隐患", "书香润童心", "阅读伴成长", "县图书馆举办少儿读书节"]
    >>> [[ln.text for ln in b] for b in headline_blocks([Line(2 * i, t, 6.0, "head") for i, t in enumerate(texts)])]
    [['开展安全检查', '守护平安冬季', '全市排查整治安全隐患'], ['书香润童心', '阅读伴成长', '县图书馆举办少儿读书节']]
    """
    return [block for run in _one_head_runs(lines) for block in _blocks_of_run(run)]


def _blocks_of_run(lines: list[Line]) -> list[list[Line]]:
    """Lines with no certain second head among them cut into headlines: each the longest run of the phrases
    left (at most ``MAX_BLOCK_LINES`` lines, or one phrase however many) that reads as one headline with no line
    left over.

    Lines wrapped at their measure count as the one phrase they print (``_measure_wraps``): a headline set in a
    narrow column takes five lines or more (``阿联酋`` / ``呼吁欧`` / ``佩克成`` / ``员恪守`` / ``配额``), and a block
    cut inside it would leave its last lines a headline of their own.
    """
    phrases, pieces = _join_wraps(lines, _measure_wraps(lines))
    printed = [pieces.get(id(ph), [ph]) for ph in phrases]
    blocks: list[list[Line]] = []
    i = 0
    while i < len(printed):
        n = _head_through_subtitle_wraps(printed, i)
        if not n:
            longest = _phrases_within(printed, i, MAX_BLOCK_LINES)
            n = next(n for n in range(longest, 0, -1) if n == 1 or _reads_as_one(_flat(printed[i:i + n])))
        blocks.append(_flat(printed[i:i + n]))
        i += n
    return blocks


def _head_through_subtitle_wraps(printed: list[list[Line]], i: int) -> int:
    """How many phrases from ``printed[i]`` on make a head longer than ``MAX_BLOCK_LINES`` lines only because
    its ——subtitle wraps (0 if none): a couplet over a subtitle wrapped twice (``优化营商环境`` / ``搭建沟通平台`` /
    ``——铁西区委统战部`` / ``区工商联召开民营企`` / ``业家座谈会``) takes five lines, and the limit would cut
    the subtitle from its wrap lines.

    Evidence it is one head: the lines print with no blank line between, the subtitle stands under a headline
    within the first ``MAX_BLOCK_LINES``, its first wrap line is set to its measure, the block ends where its
    wrap lines stop going on at their measure (a short line ends them), and the whole reads as one headline
    with no kicker (a kicker over it: +0.0007 gate headline_acc but unread-a article_f1 0.6314 -> 0.6312)."""
    lines = _flat(printed[i:])
    at = next((k for k, ln in enumerate(lines[:MAX_BLOCK_LINES]) if ln.kind == SUBTITLE), None)
    if not at or at + 1 >= len(lines) or not _goes_on_at_subtitle_measure(lines[at], lines[at + 1]):
        return 0
    end = at + 1 + _subtitle_wrap_lines(lines[at:])
    ends = list(accumulate(len(p) for p in printed[i:]))
    if end <= MAX_BLOCK_LINES or end not in ends or not printed_together(lines[:end]):
        return 0
    n = ends.index(end) + 1
    parts = headline_parts(lines[:end])
    return n if not parts.rest and not parts.extra and not parts.kicker else 0


def runs_on_through_subtitle_wraps(lines: list[Line]) -> bool:
    """Heading lines, more than ``MAX_BLOCK_LINES``, that are one head only because its ——subtitle wraps
    (``_head_through_subtitle_wraps``): a text may take them all as its headline."""
    phrases, pieces = _join_wraps(lines, _measure_wraps(lines))
    printed = [pieces.get(id(ph), [ph]) for ph in phrases]
    return _head_through_subtitle_wraps(printed, 0) == len(printed)


def _goes_on_at_subtitle_measure(sub: Line, wrap: Line) -> bool:
    """The subtitle's first wrap line is set to the subtitle's own measure (``——铁西区委统战部`` /
    ``区工商联召开民营企``), or to its measure less the dashes, which some papers hang in the margin: one
    paragraph going on, not a head of its own under it."""
    hung = display_width(subtitle_dashes(sub.text))
    return sub.width - hung - MEASURE_SLACK <= wrap.width <= sub.width + MEASURE_SLACK


def _subtitle_wrap_lines(lines: list[Line]) -> int:
    """How many lines the ——subtitle ``lines[0]`` goes on onto, straight under it: the first wrap line sets the
    measure, and a line goes on only under one filled to it (a short line ends the subtitle)."""
    n = 0
    while n + 1 < len(lines) and _goes_on_under(lines[n + 1], lines[n].no) \
            and (n == 0 or lines[n].width >= lines[1].width - MEASURE_SLACK):
        n += 1
    return n


def printed_together(lines: list[Line]) -> bool:
    """Lines printed one under another with no blank line between."""
    return all(b.no == a.no + 1 for a, b in zip(lines, lines[1:]))


def _phrases_within(printed: list[list[Line]], i: int, most: int) -> int:
    """How many phrases from ``printed[i]`` on fit in ``most`` lines: one at least, however many lines it takes."""
    n = total = 0
    while i + n < len(printed) and (n == 0 or total + len(printed[i + n]) <= most):
        total += len(printed[i + n])
        n += 1
    return n


def _flat(runs: list[list[Line]]) -> list[Line]:
    """Runs of lines as one list, in order."""
    return [ln for run in runs for ln in run]


def _one_head_runs(lines: list[Line]) -> list[list[Line]]:
    """Heading lines cut where a line must open another story's head: a head has one main headline, and its
    subheadline closes it.

    A couplet printed on one line is a main headline, never a kicker or a subject line: a second one opens
    another head. A ——subtitle stands last in its head: a heading line after it (and after the lines it
    wrapped onto, straight under it) opens another head, and so does a second subtitle. Lines wrapped at
    their measure are read as the phrase they print first (``_measure_wraps``) and never cut apart.

    >>> texts = ["开展安全检查 守护平安冬季", "全市排查整治安全隐患", "书香润童心 阅读伴成长", "县图书馆举办少儿读书节"]
    >>> [len(run) for run in _one_head_runs([Line(2 * i, t, 12.0, HEAD) for i, t in enumerate(texts)])]
    [2, 2]
    """
    phrases, pieces = _join_wraps(lines, _measure_wraps(lines))
    runs: list[list[Line]] = []
    has_main = has_sub = False
    sub_end: int | None = None  # the last page line of the subtitle and the lines it wrapped onto
    for ph in phrases:
        printed = pieces.get(id(ph), [ph])
        main = ph.kind == HEAD and is_one_line_couplet(ph.text)
        wraps_sub = not main and _goes_on_under(printed[0], sub_end)
        if not runs or _opens_head(ph, main, wraps_sub, has_main, has_sub):
            runs.append([])
            has_main = has_sub = False
        runs[-1].extend(printed)
        has_main = has_main or main
        has_sub = has_sub or ph.kind == SUBTITLE
        sub_end = printed[-1].no if ph.kind == SUBTITLE or wraps_sub else None
    return runs


def _goes_on_under(line: Line, above: int | None) -> bool:
    """A heading line printed straight under page line ``above`` (None: no line to go on from)."""
    return above is not None and line.kind == HEAD and line.no == above + 1


def _opens_head(ph: Line, main: bool, wraps_sub: bool, has_main: bool, has_sub: bool) -> bool:
    """A phrase opens another head: a second main headline, a second subtitle, or a heading line after a
    subtitle that is not the subtitle going on."""
    return (main and has_main) or (ph.kind == SUBTITLE and has_sub) \
        or (has_sub and ph.kind in (HEAD, ROLE) and not wraps_sub)


def _reads_as_one(lines: list[Line]) -> bool:
    """Heading lines that one headline takes whole: no line left over, none an extra."""
    parts = headline_parts(lines)
    return not parts.rest and not parts.extra


#: A photographer's signature as papers print it: names, then 摄 / 摄影 / 摄影报道 / 文/图 (``/摄`` too),
#: maybe in brackets.
_SIGNATURE_RE: Final = re.compile(rf"^[（(]?[{NAME_CLASS}]{{2,4}}(?:\s+[{NAME_CLASS}]{{2,4}}){{0,3}}"
                                  r"(?:\s*摄影报道|(?:\s+|\s*/\s*)(?:摄影|摄|文\s*/\s*图))[）)]?$")


@lru_cache(maxsize=1024)  # reading a group as headline splits asks it of the same heading lines many times
def is_signature(text: str) -> bool:
    """A line that signs a text or photo (a byline, a bare name, a photo credit): never a headline.

    >>> [is_signature(t) for t in ("宋振平 摄影报道", "胡晓梦/摄", "（姜伟 尚占摄影报道）", "□朱梦魁", "本报记者 王芳")]
    [True, True, True, True, True]
    >>> [is_signature(t) for t in ("双拥的创举", "看北京街头随手拍摄", "冬日摄影")]
    [False, False, False]
    """
    t = text.strip()
    bare = t.lstrip(BYLINE_MARKS + " ")
    return bool(_SIGNATURE_RE.match(t) or BYLINE_LINE_RE.match(t)) \
        or (bare != t and is_author_line(bare)) or is_bare_names(t)
