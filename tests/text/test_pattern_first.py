"""``pattern_first.first_class`` and the line rules' one pattern built with it (``lines._ANY_RULE_PATTERN``).

A pattern's first characters are read off its parse tree; the one pattern of every rule tries a
pattern only on lines that open with one of them. Every match must still be found: the class holds
the first character of every string the pattern matches, and the one pattern matches exactly where
the plain alternation of every rule's pattern does.
"""

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import banmian.data
from banmian.tasks.text.lines import _ANY_RULE_PATTERN, LINE_RULES
from banmian.tasks.text.credits import PHOTO_MARKS
from banmian.tasks.text.pattern_first import class_without, first_class, found_ahead

RULE_PATTERNS = [p for rule in LINE_RULES for p in rule.all_patterns()]
#: What trying every rule's pattern in turn finds: the reference the guarded pattern must equal.
PLAIN_ALTERNATION = re.compile("|".join(f"(?:{p.pattern})" for p in RULE_PATTERNS))


@pytest.mark.parametrize(("pattern", "opens", "other"), [
    (r"^\s*[（(]\s*下转", "（", "下"),
    (r"(?=[^摄]*+摄)王", "王", "摄"),          # a lookahead holds any character: the rest's first is kept
    (r"(?=[ab])\w+", "a", "c"),                 # the lookahead's class is narrower than \w
    (r"x?y", "y", "z"),                         # an optional opening: the next one may open too
    (r"(?:第|\d)版", "7", "版"),
])
def test_a_pattern_opens_with_its_first_class(pattern, opens, other):
    """The class holds what the pattern may open with, and not what it may not."""
    first = first_class(re.compile(pattern))
    assert first is not None and first.match(opens) and not first.match(other)


@pytest.mark.parametrize("pattern", [r"[一-龥]{2,4}$", r"x*", r"(?i)ab", r".+", r"a|", r"\w"])
def test_a_pattern_that_may_open_with_anything_has_no_first_class(pattern):
    """Many possible first characters, an empty match or case folding: no class is claimed."""
    assert first_class(re.compile(pattern)) is None


#: Lines of each special kind (and their letterspaced and bracketed forms), read by every rule pattern below.
SPECIAL_LINES = ["本报讯（记者 王芳）", "（下转第3版）", "（上接第一版）今年", "2023年8月16日 星期三", "第1版 社会民生",
                 "A3 要闻", "综合新闻 第 3 版", "责任编辑：张三", "社会民生 本版编辑：谢雨欣", "JILIN DAILY", "【图片新闻】",
                 "本报通讯员 张馨月 摄", "马波/摄", "记者", "（记者 王芳）", "（作者为某大学教授）", "（王芳 李强）",
                 "读者 刘淑琴", "一村民", "新华社北京9月9日电", "（据新华社北京1月7日电）今天", "编辑同志：",
                 "□本报记者 姚远", "颜晓峰", "◆农民丰收节文艺汇演举行", "——市直机关推进书香机关建设纪实", "全市开展安全检查"]
SAMPLE_LINES = [line.strip() for page in sorted((Path(banmian.data.__file__).parent / "sample").glob("*.txt"))
                for line in page.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("pattern", [p for p in RULE_PATTERNS if first_class(p) is not None],
                         ids=lambda p: p.pattern[:30])
def test_every_match_of_a_rule_pattern_opens_with_its_first_class(pattern):
    """A line a rule's pattern matches opens with a character of the pattern's first class."""
    first = first_class(pattern)
    for text in SPECIAL_LINES + SAMPLE_LINES:
        assert pattern.match(text) is None or first.match(text), text


#: Characters the rules' patterns are written with, and some they are not: lines built of them reach deep into the patterns.
ALPHABET = sorted({ch for p in RULE_PATTERNS for ch in p.pattern if not ch.isascii() or ch.isalnum()}
                  | set(" \t（）()：:——第版1９Ａ的是在"))


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=16))
def test_the_guarded_pattern_matches_where_every_rule_pattern_does(text):
    """The one pattern of every rule finds a match exactly where trying each rule's pattern does."""
    assert (_ANY_RULE_PATTERN.match(text) is None) is (PLAIN_ALTERNATION.match(text) is None)


@pytest.mark.parametrize("text", ["本报讯（记者 王芳）", "（下转第3版）", "2023年8月16日 星期三", "第1版 社会民生",
                                  "——市直机关推进书香机关建设纪实", "颜晓峰", "◆农民丰收节文艺汇演举行", "全市开展安全检查"])
def test_the_guarded_pattern_on_lines_of_each_kind(text):
    """Lines a rule takes, and one none does, are matched as the plain alternation matches them."""
    assert (_ANY_RULE_PATTERN.match(text) is None) is (PLAIN_ALTERNATION.match(text) is None)


@pytest.mark.parametrize(("members", "excluded", "expected"), [
    ("a-z0-9", "bz5", "ac-y0-46-9"),   # a cut inside a range, at its end, and a second range cut
    ("a-c", "abc", ""),                # every member excluded
    ("a", "b", "a"),                   # nothing of the class excluded
    ("a-c", "a", "b-c"),               # the range's first
    ("ab", "a", "b"),                  # literals
])
def test_a_class_without_some_characters(members, excluded, expected):
    """The class's literals and ranges less the excluded code points, as a class's contents."""
    assert class_without(members, map(ord, excluded)) == expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abcxyz0189-_", min_size=1, max_size=6), st.text(alphabet="abcxyz0189-_", max_size=4),
       st.sampled_from("abcxyz0189-_"))
def test_a_class_without_holds_what_the_class_holds_but_the_excluded(members, excluded, ch):
    """A character is in the class less the excluded ones exactly when it is in the class and not excluded."""
    members = re.escape(members)
    left = class_without(members, map(ord, excluded))
    inside = re.fullmatch(f"[{members}]", ch) is not None and ch not in excluded
    assert (left != "" and re.fullmatch(f"[{left}]", ch) is not None) is inside


#: Alternatives in the form of the photo credit's closing marks: some open with a space or a slash, one with a lookahead.
MARKS = r"摄影报道|摄|\s?[/／]\s?摄|文\s?[/／]\s?图|作(?=\s*[（(])"


@pytest.mark.parametrize(("text", "found"), [
    ("本报通讯员 王芳 摄", True),          # the mark at the end
    ("王芳 文 / 图", True),               # a mark opening with a space, spaced around its slash
    ("扎实推进工作", False),              # 作 not before a bracket
    ("漫画作（新华社发）", True),          # 作 before a bracket
    ("文化图书馆开馆", False),            # the marks' characters, no mark
    ("文化\n摄", False),                  # ``.`` stops at a line's end: so does the scan
    ("", False),
])
def test_found_ahead_finds_a_match_anywhere_on_the_line(text, found):
    """The lookahead holds exactly where a match of the alternatives starts somewhere before the line's end."""
    assert (re.match(found_ahead(MARKS), text) is not None) is found
    assert (re.match(f"(?=.*(?:{MARKS}))", text) is not None) is found


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="摄影报道文图作/／ （(王芳\n", max_size=14))
def test_found_ahead_holds_where_the_backtracking_lookahead_does(text):
    """``found_ahead`` tells what ``(?=.*(?:…))`` tells, on any text of the marks' characters."""
    marks = "|".join([*(re.escape(mark).replace("/", r"\s?[/／]\s?") for mark in PHOTO_MARKS), MARKS])
    assert (re.match(found_ahead(marks), text) is None) is (re.match(f"(?=.*(?:{marks}))", text) is None)
