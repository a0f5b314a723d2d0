"""Line classification equals its earlier, plainer version on any text.

``classify_line``, ``classify_page``, ``kind_by_rules`` and
``is_heading_shaped`` were rewritten for speed (prefilters on the characters
a rule needs, a second fast path, page-wide width measuring). Below is the
earlier versions' control flow over the module's own patterns (and the one
pattern the speed-up rewrote), the executable specification: on any line,
and any page, the fast versions must give exactly what they give.
"""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from tasks.clean import display_width, fold_fullwidth_alnum, split_doubled
from tasks.credits import (
    AUTHOR_NOTE_RE,
    BYLINE_LINE_RE,
    DATELINE_START_RE,
    PHOTO_CREDIT_RE,
    ROLE_ONLY_RE,
    SOURCE_DATELINE_RE,
    TRAILING_CREDIT_RE,
    is_author_line,
    unletterspace,
)
from tasks.lines import (
    BLANK,
    BULLET,
    BYLINE,
    CREDIT,
    DATELINE,
    FURNITURE,
    HEADISH,
    FURNITURE_MAX_WIDTH,
    HEAD,
    HEAD_MAX_WIDTH,
    JUMP,
    JUMP_FROM_PREFIX_RE,
    JUMP_TO_SUFFIX_RE,
    LABEL,
    PROSE,
    ROLE,
    SOFT_MARK_HEAD_WIDTH,
    SUBTITLE,
    Line,
    _BULLET_RE,
    _DATE_RE,
    _EDITOR_RE,
    _JUMP_RE,
    _LABEL_RE,
    _PAGE_RE,
    _SOFT_MARKS,
    _SPECIAL_FIRST,
    _SPECIAL_LAST,
    _SUBTITLE_RE,
    _closes_a_bracket_from_above,
    _continues_into_prose,
    _fills_column,
    _keep_page_numbers_apart,
    _mark_cut_datelines,
    _mark_lines_apart,
    _mark_heads_above_a_step,
    _opens_indented_paragraph,
    _run_splits_word,
    _stands_apart_from,
    classify_line,
    classify_page,
    is_heading_shaped,
    kind_by_rules,
)

# --- the reference: lines.py before the speed-up -------------------------------------
# The patterns the speed-up left alone are the module's own; the control flow
# (what is tried, in which order, on which lines) is the earlier version's.

_REF_SENTENCE_MARKS = re.compile(r"[。；;：:]|[，,、](?!$)|[，,、]$")


def ref_is_page_number_line(text):
    folded = fold_fullwidth_alnum(text)
    return bool(_PAGE_RE.match(folded)) and (any(ch.isdigit() for ch in folded) or folded.lstrip().startswith("第"))


def _ref_opens_with_source(text):
    m = SOURCE_DATELINE_RE.match(text)
    return bool(m) and bool(text[m.end():].strip())


def ref_is_heading_shaped(text, width):
    if width > HEAD_MAX_WIDTH or width < 2 or JUMP_TO_SUFFIX_RE.search(text) or _closes_a_bracket_from_above(text):
        return False
    if _REF_SENTENCE_MARKS.search(text.rstrip("！？!?")):
        soft = _SOFT_MARKS.findall(text)
        if len(soft) > 1 or width > SOFT_MARK_HEAD_WIDTH or text.rstrip()[-1] in "，,、" or re.search(r"[。；;：:]", text):
            return False
    return not text.rstrip().endswith(("。", "，", "、", ",", "；"))


def _ref_opens_plain_text(text, width):
    first = text[0]
    return ("\u4e00" <= first <= "\u9fff" and first not in _SPECIAL_FIRST and text[-1] not in _SPECIAL_LAST
            and width > 4.5 and " " not in text and "\u3000" not in text)


def ref_classify_line(no, raw):
    text = raw.strip().replace("\f", "")
    if not text:
        return Line(no, "", 0.0, BLANK)
    width = display_width(text)
    if _ref_opens_plain_text(text, width):
        kind = HEADISH if ref_is_heading_shaped(text, width) else PROSE
    else:
        kind = ref_kind_by_rules(text, width)
    return Line(no, text, width, kind)


def ref_kind_by_rules(text, width):
    folded = fold_fullwidth_alnum(text)
    if _DATE_RE.match(folded) or (width <= FURNITURE_MAX_WIDTH and _EDITOR_RE.search(text)) \
            or (width <= 14 and ref_is_page_number_line(text)):
        kind = FURNITURE
    elif _JUMP_RE.match(text):
        kind = JUMP
    elif JUMP_FROM_PREFIX_RE.match(text):
        kind = DATELINE
    elif _LABEL_RE.match(text):
        kind = LABEL
    elif PHOTO_CREDIT_RE.match(credit := unletterspace(folded)):
        kind = CREDIT
    elif ROLE_ONLY_RE.match(credit):
        kind = ROLE
    elif TRAILING_CREDIT_RE.match(text) or AUTHOR_NOTE_RE.match(text):
        kind = PROSE
    elif DATELINE_START_RE.match(text) or _ref_opens_with_source(text) or DATELINE_START_RE.match(credit):
        kind = DATELINE
    elif (BYLINE_LINE_RE.match(credit) and width <= 24) or is_author_line(text):
        kind = BYLINE
    elif _BULLET_RE.match(text):
        kind = BULLET
    elif _SUBTITLE_RE.match(text) and width <= HEAD_MAX_WIDTH + 6:
        kind = SUBTITLE
    elif ref_is_heading_shaped(text, width):
        kind = HEADISH
    else:
        kind = PROSE
    return kind


_REF_HEAD_NEIGHBOURS = {BLANK, HEAD, SUBTITLE, BYLINE, ROLE, CREDIT, FURNITURE, JUMP, LABEL}


def ref_mark_heads(lines):
    n = len(lines)
    i = 0
    while i < n:
        if lines[i].kind != HEADISH:
            i += 1
            continue
        j = i
        while j < n and lines[j].kind == HEADISH:
            j += 1
            if split_doubled(lines[j - 1].text)[1]:
                break
        for m in range(i + 1, j):
            if _opens_indented_paragraph(lines, m):
                for k in range(m, j):
                    lines[k].kind = PROSE
                j = m
                break
        before = lines[i - 1] if i > 0 else None
        after = lines[j] if j < n else None
        top_ok = before is None or before.kind in _REF_HEAD_NEIGHBOURS or (
            before.kind in (PROSE, DATELINE, BULLET) and before.terminal)
        bottom_ok = after is None or after.kind in _REF_HEAD_NEIGHBOURS or after.kind in (DATELINE, BULLET) \
            or (after.kind in (PROSE, HEADISH) and _stands_apart_from(lines[j - 1], lines, j))
        if after is not None and after.kind == JUMP and "转" in after.text:
            bottom_ok = False
        kind = HEAD if top_ok and bottom_ok and j - i <= 4 else PROSE
        if kind == HEAD and (_continues_into_prose(lines, j) or _fills_column(lines, i, j)
                             or _run_splits_word(lines, i, j)):
            kind = PROSE
        for k in range(i, j):
            lines[k].kind = kind
        if kind == PROSE:
            _mark_heads_above_a_step(lines, i, j)
        i = j


def ref_classify_page(text):
    lines = [ref_classify_line(no, raw) for no, raw in enumerate(text.split("\n"), 1)]
    _keep_page_numbers_apart(lines)
    _mark_cut_datelines(lines)
    ref_mark_heads(lines)
    _mark_lines_apart(lines)
    return lines


# --- arbitrary lines made of what the rules look at ----------------------------------

#: Every character a rule or prefilter tests, at the start, inside or at the end of a line.
_ALPHABET = (
    "本报讯新华社中新网央视网人民光明经济日据电月年日星期一农历癸第版责任编辑式美校对排组图片闻要简综合快短者按导读"
    "记通讯员全融媒体摄影特派约见习实驻站首席作生为系单位是文上接下转第转下接上"
    "王李欧阳辉颜晓峰铁西区开展安全生产检查"
    "，。、；：！？…,.;:!?（）()《》【】[]〖〗〔〕“”—─－-/／·•□■◇◆●○▲"
    "0123456789０１２ＡＺａ．％٣ \t\u3000\xa0\f\x00\x1c\u2028"
)
_PIECES = [
    "本报讯（通讯员 ", "本报讯(记者 ", "）", " 摄", "本报通讯员 ", "本报记者 侯 缜", "——", "□",
    "新华社北京9月9日电（记者 ", "（据新华社郑州9月9日电）", "2023年8月25日 星期五", "第3版", "3 综合新闻",
    "责任编辑：王芳", "（上接第一版）", "（下转第3版）", "阅享新时代", "为确保铁西区春节期间安全，",
    "营造安全、祥和的节日氛围。", "●农民丰收节", "要闻简报", "图片新闻", "（记者 王芳）", "（作者为中共中央党校教授）",
    "颜晓峰", "【民生关注】", "本 报 记 者 姚 远", "新华社沈阳 7 月 3 日", "文/图", "中新社", "央视网", "人民网",
    "《吉林日报》", "光明日报记者", "全媒体记者", "实习生", "作者", "张馨月 摄", "通 过 学 理 论 ，",
    # the heads of special lines without their brackets, to meet commas and stops after them
    "本报讯", "本报曲阜讯", "本 报 讯", "《吉林日报》讯", "新华社北京9月9日电", "中新网北京电", "央视网电", "人民网电",
    "新华社长春 9 月", "中新社 吉林 1 月", "2023年8月25日", " 农历", "A3 要闻", "7 理论", "责编：", "◆", "●",
    "【图片新闻】", "编者按", "简讯", "记者", "通讯员", "摄影", "首席记者", "王芳", "欧阳辉", "文／图", "图/文",
]
lines = st.lists(st.one_of(st.sampled_from(_ALPHABET), st.sampled_from(_PIECES)), max_size=16).map("".join)
any_lines = st.one_of(lines, st.text(max_size=30))


@settings(max_examples=3000, deadline=None)
@given(any_lines)
def test_classify_line_same_as_reference(raw):
    assert classify_line(7, raw) == ref_classify_line(7, raw)


@settings(max_examples=3000, deadline=None)
@given(any_lines)
def test_kind_by_rules_and_heading_shape_same_as_reference(text):
    width = display_width(text)
    assert kind_by_rules(text, width) == ref_kind_by_rules(text, width)
    assert is_heading_shaped(text, width) is ref_is_heading_shaped(text, width)


@settings(max_examples=500, deadline=None)
@given(st.lists(any_lines, max_size=12).map("\n".join))
def test_classify_page_same_as_reference(page):
    assert classify_page(page) == ref_classify_page(page)


#: Lines that only one prefilter or fast-path condition keeps from a wrong kind.
TRICKY = [
    "2023年8月25日 农历，。", "２０２３年８月２５日 星期五 农历癸卯年，", "记者 王芳 《吉，林日报》记者 李强",
    "《吉林，日报》讯 近日，", "本报讯 近日，全市", "本 报 讯 近 日 ，", "\x00本 报 讯 近 日 ，", "央视网消息电，",
    "人民网北京电，", "新华社长春 9 月，", "中新网 吉林 1 月 3 日，", "●农民丰收节，", "——记者，", "【图，片】",
    "责任编辑：王芳，", "（下转第3版）", "好，（下转第3版）", "张，馨月 摄", "本报通讯员 张馨月 摄", "文/图，",
    "第3版，", "3 综合新闻", "颜晓峰", "欧 阳 辉", "稳增长，促发展", "稳增长，促发展！", "稳增长，促发展，",
    "好！？", "好，转第", "（上接第一版）近日，", "（据新华社郑州9月9日电）近日，", "（据央视网报道）近日，全市",
    "吉林日报记者 王芳", "作者 颜晓峰", "实习生 王芳", "摄影 王芳", "本报通讯员", "特约通讯员",
]


def test_tricky_lines_same_as_reference():
    for raw in TRICKY:
        for line in (raw, raw + "。", raw + " 摄", " " + raw):
            assert classify_line(1, line) == ref_classify_line(1, line), line
            width = display_width(line)
            assert kind_by_rules(line, width) == ref_kind_by_rules(line, width), line


def _sample_lines():
    from _paths import SAMPLE

    return sorted({ln for path in SAMPLE.glob("*.txt") for ln in path.read_text(encoding="utf-8").split("\n")})


#: Lines that end a sentence after a bullet or a dateline, and short heading-shaped lines.
_NEIGHBOURS = ["●农民丰收节文艺汇演举行。", "本报讯（记者 王芳）全市开展安全检查。", "阅享新时代", "奋进新征程",
               "开展安全检查", "深入开展村庄清洁行动，全面"]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_sample_lines()), st.sampled_from(_NEIGHBOURS), st.just(""), lines),
                max_size=40).map("\n".join))
def test_pages_of_real_lines_same_as_reference(page):
    """Real lines in any order: heading runs meet every kind of neighbour."""
    assert classify_page(page) == ref_classify_page(page)


def test_reference_agrees_on_the_samples():
    from _paths import SAMPLE

    for path in sorted(SAMPLE.glob("*.txt")):
        page = path.read_text(encoding="utf-8")
        assert classify_page(page) == ref_classify_page(page)


# --- round two: prefilters and compiled loops, against the formulations they replace ------

from tasks.credits import DATELINE_START_RE  # noqa: E402
from tasks.lines import (  # noqa: E402
    _SENTENCE_OPENING_RE,
    _has_narrow_characters,
    _may_open_a_sentence,
    _DATE_OPENING_RE,
    _next_opens_a_sentence,
    _opens_dateline,
    _opens_with_digit,
    _shows_a_column,
    _text_lines_from,
    _widest,
)
from tasks.clean import is_letterspaced  # noqa: E402

_OPENINGS = st.lists(st.one_of(st.sampled_from(list("近日前今天昨当目以来中月日，, 0123０１２\u3000")),
                               st.sampled_from(["11 月17 日，", "近日，", "入冬以来，", "以来", "今日 ，"])),
                     max_size=8).map("".join)


@settings(max_examples=2000, deadline=None)
@given(st.one_of(_OPENINGS, any_lines))
def test_sentence_opening_prefilter_lets_every_match_through(text):
    if _SENTENCE_OPENING_RE.match(text):
        assert _may_open_a_sentence(text)


@settings(max_examples=2000, deadline=None)
@given(any_lines)
def test_opens_dateline_same_as_match(text):
    assert _opens_dateline(text) is (DATELINE_START_RE.match(text) is not None)


def old_shows_a_column(widths, column=None):
    if not widths:
        return False
    column = max(widths) if column is None else column
    return sum(w >= column - 1.5 for w in widths) >= 2


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from([0.0, 1.5, 2.0, 3.5, 12.0, 12.5, 13.5, 14.0, 15.5, 16.0]), max_size=5),
       st.one_of(st.none(), st.sampled_from([12.0, 14.0, 16.0])))
def test_shows_a_column_and_widest_same_as_old(widths, column):
    assert _shows_a_column(widths, column) is old_shows_a_column(widths, column)
    if widths:
        assert _widest(widths) == max(widths)


def old_below(lines, j):
    """``_opens_indented_paragraph``'s widths under line ``j`` as it measured them before."""
    return [ln.width for ln in _text_lines_from(lines, j + 1, 4)
            if not _has_narrow_characters(ln.text) and not is_letterspaced(ln.text)][:2]


def old_opens_indented_paragraph(lines, j):
    """``_opens_indented_paragraph`` as it was: every line under ``j`` looked into, then the first two kept."""
    first = lines[j]
    if first.kind not in (PROSE, HEADISH) or first.terminal:
        return False
    if _opens_with_digit(first.text) and _DATE_OPENING_RE.match(first.text):
        return True
    if _has_narrow_characters(first.text) or _next_opens_a_sentence(lines, j):
        return False
    below = old_below(lines, j)
    if len(below) < 2:
        return False
    column = max(below)
    return old_shows_a_column(below, column) and column - 3.5 <= first.width <= column - 1.5


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_sample_lines()), st.sampled_from(_NEIGHBOURS), st.just("")),
                max_size=30).map("\n".join))
def test_opens_indented_paragraph_same_as_old(page):
    lines = classify_page(page)
    for ln in lines:  # before mark_heads, heading lines were heading-shaped
        ln.kind = HEADISH if ln.kind == HEAD else ln.kind
    for j in range(len(lines)):
        assert _opens_indented_paragraph(lines, j) is old_opens_indented_paragraph(lines, j)
