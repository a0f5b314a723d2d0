"""The line rules (``lines.LINE_RULES``): each word a rule declares fires as its kind, and the one
fast-path test (``may_be_special``) lets every line through that some rule takes.

A rule's regex is built from its declaration (``LABEL_WORDS``, ``ROLES``, ``AGENCIES``, …), so a
word added to a declaration is a word the rule knows: the tables below walk every declaration.
"""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from banmian.tasks.text.chars import BULLET_MARKS, BYLINE_MARKS, RING
from banmian.tasks.text.clean import bracket_depth, display_width
from banmian.tasks.text.credits import (_ANONYMOUS_SIGNER_AHEAD, _CLOSING_MARK_CHARS, _TOKEN_FIRSTS, AGENCIES,
                                        BYLINE_LINE_RE, DRAWING_MARK, ORGS, PHOTO_CREDIT_RE, PHOTO_MARKS, POSTED,
                                        REPORTED_WORD, ROLE_ONLY_RE, ROLES, SALUTATIONS, SIGNATURE_RE, SIGNERS,
                                        any_of_ahead, parse_dateline)
from banmian.tasks.text.lines import (
    BULLET,
    BYLINE,
    CREDIT,
    DATELINE,
    EDITOR_ROLES,
    FURNITURE,
    JUMP_TO_SUFFIX_RE,
    HEADISH,
    LABEL,
    LABEL_WORDS,
    LINE_RULES,
    PROSE,
    ROLE,
    SUBTITLE,
    SUBTITLE_DASHES,
    LineForm,
    _EDITOR_RE,
    _EDITOR_ROLE_AHEAD,
    _closes_a_bracket_from_above,
    _ends_on_a_jump,
    classify_line,
    is_heading_shaped,
    line_kind,
    special_kind,
)


def kind(text: str) -> str:
    return classify_line(1, text).kind


@pytest.mark.parametrize("word", LABEL_WORDS)
def test_every_label_word_is_a_label(word):
    assert [kind(word), kind(f"【{word}】"), kind(" ".join(word))] == [LABEL] * 3


@pytest.mark.parametrize("role", EDITOR_ROLES)
def test_every_editor_role_makes_an_editors_line(role):
    assert [kind(f"{role}：张三"), kind(f"{role} 张三"), kind(f"责任编辑：王芳 {role}：李强")] == [FURNITURE] * 3


@pytest.mark.parametrize("role", ROLES)
def test_every_role_alone_is_a_role_and_with_names_a_byline(role):
    assert kind(role) == ROLE
    assert kind(f"本报{role} 王芳") == BYLINE
    assert kind(f"{role} 王芳 李强") == BYLINE


@pytest.mark.parametrize("org", ORGS)
def test_every_employer_makes_a_byline(org):
    assert [kind(f"{org}记者"), kind(f"{org}记者 王芳"), kind(" ".join(f"{org}记者王芳"))] == [ROLE, BYLINE, BYLINE]
    assert [kind(f"{org}{POSTED}埃及记者 王芳"), kind(" ".join(f"{org}{POSTED}日本记者王芳"))] == [BYLINE, BYLINE]


@pytest.mark.parametrize("mark", BYLINE_MARKS)
def test_every_box_before_a_byline_is_decoration(mark):
    assert kind(f"{mark}本报记者 王芳") == BYLINE


@pytest.mark.parametrize("mark", PHOTO_MARKS)
def test_every_photo_mark_closes_a_credit(mark):
    assert [kind(f"本报记者 王芳 {mark}"), kind(f"王芳 李强{mark}")] == [CREDIT, CREDIT]


@pytest.mark.parametrize("mark", PHOTO_MARKS)
def test_every_photo_mark_in_brackets_alone_closes_the_text_above(mark):
    """``（新华社记者 王芳 摄）`` alone on its line is the end of a caption's text: read with it."""
    assert [kind(f"（新华社记者 王芳 {mark}）"), kind(f"(王芳{mark})")] == [PROSE, PROSE]


@pytest.mark.parametrize("line, line_kind", [
    ("（本报珀斯 1月７ 日电）", PROSE),           # the paper's dateline, digits of either width
    ("（新华社北京１９９７年 １２ 月29 日电）", PROSE),  # a wire's, with the year
    ("（本报开罗电）", PROSE),                    # place only
    ("（新华社发法新社照片）", HEADISH),           # a photo's source: no 电, no dateline
])
def test_a_dateline_alone_in_brackets_closes_the_text_above_and_is_no_heading(line, line_kind):
    """A story's dateline printed after its text (``（本报珀斯1月7日电）``) was read as a heading and became the next
    article's headline; it is the last paragraph of the story above."""
    assert kind(line) == line_kind


@pytest.mark.parametrize("line, line_kind", [("（陈佳）", PROSE), ("（王芳 李强）", PROSE), ("（试点）", HEADISH)])
def test_names_alone_in_brackets_close_the_text_above_and_are_no_heading(line, line_kind):
    assert kind(line) == line_kind


@pytest.mark.parametrize("start", [*(f"{agency}成都 5 月" for agency in AGENCIES), "本报武汉 1 月 8"])
def test_a_dateline_cut_before_its_date_ends_opens_a_story(start):
    assert kind(start) == DATELINE


def test_the_drawing_mark_closes_a_credit_only_before_an_agency_note():
    assert kind(f"翟桂溪{DRAWING_MARK}（新华社发）") == CREDIT
    assert kind(f"扎实推进工{DRAWING_MARK}") != CREDIT


@pytest.mark.parametrize("agency", AGENCIES)
def test_every_agency_opens_a_story(agency):
    assert kind(f"{agency}北京9月9日电（记者 王芳）近日，全市开展安全生产检查。") == DATELINE
    assert kind(f"{agency}北京9月9日电 记者王芳、李强{REPORTED_WORD}：近日，全市开展安全生产检查。") == DATELINE


@pytest.mark.parametrize("role", ROLES)
def test_every_role_credits_reporters_in_the_1998_style(role):
    credit, rest = parse_dateline(f"本报北京1月5日讯 {role}王芳、李强{REPORTED_WORD}：近日")
    assert (credit.authors, rest) == (["王芳", "李强"], "近日")


@pytest.mark.parametrize("salutation", SALUTATIONS)
def test_every_salutation_opens_a_letter(salutation):
    assert [kind(f"{salutation}："), kind(f"{salutation}:我是卧虎镇的村民。")] == [DATELINE, DATELINE]


@pytest.mark.parametrize("signer", SIGNERS)
def test_every_signature_is_text_never_a_heading(signer):
    assert [kind(f"{signer} 王芳"), kind(f"一{signer}"), kind(f"一位晨练的{signer}")] == [PROSE] * 3


@pytest.mark.parametrize("mark", BULLET_MARKS.replace(RING, ""))  # a ring needs its dateline: test_lines
def test_every_bullet_opens_a_brief(mark):
    assert kind(f"{mark}农民丰收节文艺汇演举行") == BULLET


@pytest.mark.parametrize("dash", SUBTITLE_DASHES)
def test_every_subtitle_dash_opens_a_subtitle(dash):
    assert kind(f"{dash}市直机关推进书香机关建设纪实") == SUBTITLE


def test_a_word_no_declaration_holds_is_no_label():
    assert kind("专题") == HEADISH


# --- the fast path ---------------------------------------------------------------------------

#: The words of every declaration, and pieces of the lines the rules take, so random lines hit them.
WORDS = [*LABEL_WORDS, *EDITOR_ROLES, *ROLES, *ORGS, *AGENCIES, *PHOTO_MARKS, DRAWING_MARK, POSTED, REPORTED_WORD,
         *SALUTATIONS, *SIGNERS, *BULLET_MARKS, *BYLINE_MARKS,
         *SUBTITLE_DASHES, "本报讯", "电", "讯", "（", "）", "(", ")", "：", "【", "】", "第3版", "版",
         "2023年8月25日", "星期五", "（上接第一版）", "（下转第3版）", "据", "发）", "王芳", "欧阳", "颜晓峰", "李",
         "　", " ", "  ", "，", "。", "２", "9月9日", "作者为", "上接", "下转", "全市开展检查"]
lines = st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=3)), max_size=8).map(lambda parts: "".join(parts).strip())


@settings(max_examples=3000, deadline=None)
@given(lines)
def test_a_rule_holds_only_where_one_of_its_patterns_matches(text):
    """``LineRule.patterns`` are what ``holds`` needs (its narrow patterns on a narrow line): the fast path may skip a line none of them matches."""
    if not text:
        return
    form = LineForm.of(text, display_width(text))
    for rule in LINE_RULES:
        if rule.holds(form):
            patterns = rule.all_patterns() if form.width <= rule.narrow_width else rule.patterns
            assert any(p.match(f) for p in patterns for f in (form.text, form.folded, form.credit)), rule.kind


@settings(max_examples=3000, deadline=None)
@given(lines)
def test_the_fast_path_classifies_like_every_rule(text):
    """A line ``may_be_special`` turns away gets the kind trying every rule gives it."""
    if not text:
        return
    width = display_width(text)
    form = LineForm.of(text, width)
    every_rule = special_kind(form) or (HEADISH if is_heading_shaped(text, width) else PROSE)
    assert line_kind(text, width) == every_rule
    if special_kind(form) is not None:
        assert form.may_be_special()


@settings(max_examples=1000, deadline=None)
@given(lines)
def test_the_cheap_tests_before_a_pattern_let_every_match_through(text):
    """A line's last character is looked at before ``JUMP_TO_SUFFIX_RE`` searches it, its brackets before they are counted."""
    assert _ends_on_a_jump(text) is (JUMP_TO_SUFFIX_RE.search(text) is not None)
    assert _closes_a_bracket_from_above(text) is (bracket_depth(text) < 0)


# --- the cheap lookaheads before the costly patterns (issue 15) --------------------------------

#: Lines and what each pattern took from them (end, groups) before its cheap lookahead was set
#: in it: a lookahead may spare a line work, never change its match.
MATCHES_BEFORE_THE_LOOKAHEADS = [
    (PHOTO_CREDIT_RE, "本报通讯员 张馨月 摄", (11, ("张馨月 ", "摄"))),
    (PHOTO_CREDIT_RE, "新华社记者 王芳 摄影报道", (13, ("王芳 ", "摄影报道"))),
    (PHOTO_CREDIT_RE, "马波/摄", (4, ("马波", "/摄"))),
    (PHOTO_CREDIT_RE, "王芳 李强 文 / 图", (11, ("王芳 李强 ", "文 / 图"))),
    (PHOTO_CREDIT_RE, "张三作（新华社发）", (9, ("张三", "作"))),
    (PHOTO_CREDIT_RE, "通 讯 员 侯缜 摄（新华社发）", (16, ("通 讯 员 侯缜 ", "摄"))),
    (PHOTO_CREDIT_RE, "王芳\n/摄", (5, ("王芳\n", "/摄"))),
    (PHOTO_CREDIT_RE, "文／图 王芳", None),
    (PHOTO_CREDIT_RE, "图/文 本报记者 刘国昌", None),
    (PHOTO_CREDIT_RE, "扎实推进工作", None),
    (PHOTO_CREDIT_RE, "学习热情和干事担当、履职作", None),
    (PHOTO_CREDIT_RE, "功底，提升了思想道德和文化", None),
    (PHOTO_CREDIT_RE, "全市开展安全检查，记者从市里获悉", None),
    (_EDITOR_RE, "责任编辑：张三 版式：李四", (5, ())),
    (_EDITOR_RE, "责任编辑 张三  版式设计 李四", (16, ())),
    (_EDITOR_RE, "基层党建责任编辑：董伟", (9, ())),
    (_EDITOR_RE, "社会民生 本版编辑：谢雨欣", (10, ())),
    (_EDITOR_RE, "一二三四五六 责编：王芳", (10, ())),
    (_EDITOR_RE, "□编辑：王芳", (4, ())),
    (_EDITOR_RE, "编 辑 王 芳", (7, ())),
    (_EDITOR_RE, "一二三四五六七责编：王芳", None),  # a section's name has six characters at most
    (_EDITOR_RE, "本报记者 王芳", None),
    (_EDITOR_RE, "本版编辑部门的工作", None),
    (_EDITOR_RE, "本报讯（通讯员 吴禹浩）为深入", None),
    (_EDITOR_RE, "全市开展安全检查，记者从市里获悉", None),
    (SIGNATURE_RE, "读者 刘淑琴", (6, ("刘淑琴",))),
    (SIGNATURE_RE, "消费者 王 芳", (7, ("王 芳",))),
    (SIGNATURE_RE, "双辽市一村民", (6, (None,))),
    (SIGNATURE_RE, "一位晨练的市民", (7, (None,))),
    (SIGNATURE_RE, "一村民", (3, (None,))),
    (SIGNATURE_RE, "一二三四五六市一村民", (10, (None,))),
    (SIGNATURE_RE, "一二三四五六七市一村民", None),  # a place has six characters at most, and its kind
    (SIGNATURE_RE, "市里一位老党员", None),
    (SIGNATURE_RE, "全市一些村民", None),
    (SIGNATURE_RE, "一个人的市民生活", None),
    (ROLE_ONLY_RE, "本报记者", (4, ())),
    (ROLE_ONLY_RE, "□本报通讯员", (6, ())),
    (ROLE_ONLY_RE, "新华社驻日本记者", (8, ())),
    (ROLE_ONLY_RE, "《吉林日报》记者", (8, ())),
    (ROLE_ONLY_RE, "全媒体记者 ", (6, ())),
    (ROLE_ONLY_RE, "作者", (2, ())),
    (ROLE_ONLY_RE, "本报讯", None),
    (ROLE_ONLY_RE, "记者从市里获悉", None),
    (BYLINE_LINE_RE, "本报通讯员 金鑫", (8, ())),
    (BYLINE_LINE_RE, "□本报记者 姚远 本报通讯员 赵磊", (17, ())),
    (BYLINE_LINE_RE, "记者 王芳 李强", (8, ())),
    (BYLINE_LINE_RE, "新华社驻日本记者 王芳", (11, ())),
    (BYLINE_LINE_RE, "作者 颜晓峰", (6, ())),
    (BYLINE_LINE_RE, "王芳 李强", None),
    (BYLINE_LINE_RE, "本报讯（通讯员 聂英博）", None),
    (BYLINE_LINE_RE, "全市开展检查", None),
]


@pytest.mark.parametrize("pattern, line, taken", MATCHES_BEFORE_THE_LOOKAHEADS)
def test_a_pattern_with_a_cheap_lookahead_takes_what_it_took(pattern, line, taken):
    m = pattern.match(line)
    assert (m and (m.end(), m.groups())) == taken


#: The cheap lookaheads set before costly parts of the line rules' patterns.
CHEAP_LOOKAHEADS = (any_of_ahead(_CLOSING_MARK_CHARS), _EDITOR_ROLE_AHEAD, _ANONYMOUS_SIGNER_AHEAD,
                    f"(?=[{_TOKEN_FIRSTS}])")
#: Random lines of the characters those patterns turn on.
credit_like_lines = st.text(alphabet="王芳李强张三 \n/／：（）(□《》摄影报道文图作新华社发记者通讯员责任编辑本版美校一市位村民读",
                            max_size=24)


@settings(max_examples=3000, deadline=None)
@given(credit_like_lines)
def test_a_cheap_lookahead_changes_no_match(text):
    """Each pattern with a cheap lookahead, with the lookaheads taken out again, matches just as it does."""
    for pattern in (PHOTO_CREDIT_RE, _EDITOR_RE, SIGNATURE_RE, ROLE_ONLY_RE, BYLINE_LINE_RE):
        ungated = pattern.pattern
        for gate in CHEAP_LOOKAHEADS:
            ungated = ungated.replace(gate, "")
        assert ungated != pattern.pattern
        m, u = pattern.match(text), re.match(ungated, text)
        assert (m and (m.span(), m.groups())) == (u and (u.span(), u.groups()))
