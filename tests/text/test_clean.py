"""Each cleaning rule as a table of raw -> clean cases."""

import pytest

from banmian.tasks.text.clean import (
    clean_heading,
    clean_paragraph,
    display_width,
    ends_sentence,
    fold_fullwidth_alnum,
    fullwidth_punctuation,
    is_letterspaced,
    join_lines,
    remove_cjk_spacing,
    split_doubled,
)


@pytest.mark.parametrize("raw, clean", [
    ("通 过 学 理 论 ，诵 经 典 ，做 到", "通过学理论，诵经典，做到"),
    ("1697 项业务", "1697项业务"),
    ("事项 40 项，可受理部门延伸事项 44", "事项40项，可受理部门延伸事项44"),
    ("“四平备案”APP 培训", "“四平备案”APP培训"),
    ("New York 时报", "New York时报"),
    ("Hello world", "Hello world"),
    ("会 议 指 出 ，要 统 一 思", "会议指出，要统一思"),
    ("2.3 万余次", "2.3万余次"),
    ("", ""),
])
def test_remove_cjk_spacing(raw, clean):
    assert remove_cjk_spacing(raw) == clean


@pytest.mark.parametrize("raw, clean", [
    ("流程,开展", "流程，开展"),
    ("全覆盖,2 个社区", "全覆盖，2 个社区"),
    ("本报讯(通讯员 聂英博)", "本报讯（通讯员 聂英博）"),
    ("乡(街道)群众", "乡（街道）群众"),
    ("共计1,000元", "共计1,000元"),
    ("10:30 开会", "10:30 开会"),
    ("(a+b)", "(a+b)"),
    ("他说:好", "他说：好"),
    ("真的吗?是的", "真的吗？是的"),
    ("注意;然后", "注意；然后"),
    # a bracket whose partner is printed full width, or stands on a line kept apart, still touches Chinese
    ("儿子阿旺甘丹(左）又同时被", "儿子阿旺甘丹（左）又同时被"),
    ("村（社区)级账号213个", "村（社区）级账号213个"),
    ("新华社记者周 (", "新华社记者周（"),
    ("f(x) = 1)", "f(x) = 1)"),
])
def test_fullwidth_punctuation(raw, clean):
    assert fullwidth_punctuation(raw) == clean


@pytest.mark.parametrize("raw, clean", [
    ("２０２３年", "2023年"),
    ("ＡＰＰ", "APP"),
    ("５Ｇ基站", "5G基站"),
    ("中　国", "中 国"),
])
def test_fold_fullwidth_alnum(raw, clean):
    assert fold_fullwidth_alnum(raw) == clean


@pytest.mark.parametrize("lines, joined", [
    (["推动统一战线事", "业创新发展。"], "推动统一战线事业创新发展。"),
    (["本报讯（通讯员 杜文", "韬）为确保"], "本报讯（通讯员 杜文韬）为确保"),
    (["the New", "York Times"], "the New York Times"),
    (["达到 100", "%"], "达到 100%"),
    (["", "  一行  ", ""], "一行"),
])
def test_join_lines(lines, joined):
    assert join_lines(lines) == joined


@pytest.mark.parametrize("raw, clean", [
    ("通 过 学 理 论 ，诵 经 典 ，做 到 1697 项(试点),开展", "通过学理论，诵经典，做到1697项（试点），开展"),
    ("２０２３ 年 8 月", "2023年8月"),
    ("  首尾空格  ", "首尾空格"),
])
def test_clean_paragraph(raw, clean):
    assert clean_paragraph(raw) == clean


@pytest.mark.parametrize("raw, clean", [
    ("明 确 思 路   笃 行 实 干", "明确思路 笃行实干"),
    (" 深化服务改革  解决群众难题", "深化服务改革 解决群众难题"),
    ("明确思路 笃行实干", "明确思路 笃行实干"),
    ("阅享新时代", "阅享新时代"),
    # one space between a number and a Chinese character is the extractor's padding, not a word gap
    ("四平经开区召开 2023 年重点工作动员部署会", "四平经开区召开2023年重点工作动员部署会"),
    ("去年总产量逾 85.2 亿公斤", "去年总产量逾85.2亿公斤"),
    ("２０１７ 年中国经济亮点回眸", "2017年中国经济亮点回眸"),
    # a couplet's gap beside a number is wider, or an ideographic space: it stays
    ("奋进2023　再创佳绩", "奋进2023 再创佳绩"),
    ("奋进2023   再创佳绩", "奋进2023 再创佳绩"),
    ("New York 时报", "New York 时报"),
])
def test_clean_heading(raw, clean):
    assert clean_heading(raw) == clean


@pytest.mark.parametrize("raw, expected", [
    ("全面提升政务服务水平全面提升政务服务水平", ("全面提升政务服务水平", "全面提升政务服务水平")),
    ("强化政府网站和政务公开工作强化政府网站和政务公开工作", ("强化政府网站和政务公开工作", "强化政府网站和政务公开工作")),
    ("政务服务水平不断提升", ("政务服务水平不断提升", "")),
    ("哈哈哈哈", ("哈哈哈哈", "")),  # too short to be a doubled crosshead
])
def test_split_doubled(raw, expected):
    assert split_doubled(raw) == expected


@pytest.mark.parametrize("text, width", [
    ("事项 40 项，", 6.0),
    ("通 过 学", 3.0),
    ("ABCD", 2.0),
    ("“学法规，知敬畏”", 9.0),
    ("全 市 80 所 学 校 的 4.6 万 名", 10.5),  # letterspaced: the spaces by the digits are spread too
])
def test_display_width(text, width):
    assert display_width(text) == width


@pytest.mark.parametrize("text, ends", [
    ("设。", True), ("真的很好。”", True), ("是吗？", True), ("推动统一战线事", False),
    ("精心组织", False), ("……", True), ("他说：", False),
])
def test_ends_sentence(text, ends):
    assert ends_sentence(text) is ends


@pytest.mark.parametrize("text, spaced", [
    ("明 确 思 路", True), ("通 过 学 理 论 ，诵 经 典", True), ("明确思路 笃行实干", False), ("本报通讯员 金鑫", False),
])
def test_is_letterspaced(text, spaced):
    assert is_letterspaced(text) is spaced


# --- properties on arbitrary text ----------------------------------------------------------

import re  # noqa: E402

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from banmian.tasks.text.accounting import accounting_chars  # noqa: E402
from banmian.tasks.text.chars import CJK_CLASS, CLOSERS, FOLD_TO_ASCII, SENTENCE_ENDS, WIDE_CLASS  # noqa: E402
from banmian.tasks.text.clean import is_plain  # noqa: E402
from banmian.tasks.text.credits import unletterspace  # noqa: E402

#: Characters the rules look at, and the edges of every range they test.
_ALPHABET = (
    "通过学理论诵经典安全生产检查㐀䶿一鿿豈"  # Han, including range ends
    "，。！？；：、（）《》“”‘’「」『』【】〈〉…—·　"  # Chinese punctuation, ideographic space
    "０９ＡＺａｚ．％＆"  # full-width forms
    ",;:?!()[]. -_%'\"/+"  # ASCII punctuation
    "aZz09 \t\n\r\x0b\x0c\x1c\x85\xa0\u2028\u2029\u200b\ufeff"  # letters, digits and every kind of space
    "\u00e9\u0416\u07ff\u0800\u200f\u2010\u2027\u2028\u202f\u2030\u205e\u205f"  # width-class edges
    "\u259f\u25a0\u25ff\u2600\u27bf\u27c0\u2e7f\u2e80\u2fff\u3040\uac00\ue000\uf8ff"
    "\ufe2f\ufe30\ufe4f\ufe50\uff00\uff01\uffee\uffef\U00020000\U0001f600"
)
_PIECES = ["通 过 学 ", "1697 项", "New York", "(试点)", "10:30", "1,000", "  ", " , ", "２０２３", "明 确 思 路   "]
texts = st.one_of(
    st.lists(st.one_of(st.sampled_from(_ALPHABET), st.sampled_from(_PIECES)), max_size=40).map("".join),
    st.text(max_size=40),
)
_HAN_TEXT = st.text(alphabet="通过学理论诵经典安全生产检查㐀䶿一鿿", min_size=1, max_size=20)
_NO_SPACE = texts.map(lambda t: t.replace(" ", "").replace("\t", ""))
_CJK_SPACE = re.compile(f"[{CJK_CLASS}][ \t]|[ \t][{CJK_CLASS}]")


@settings(max_examples=500, deadline=None)
@given(texts)
def test_folding_changes_only_full_width_forms_and_once(text):
    folded = fold_fullwidth_alnum(text)
    assert len(folded) == len(text) and fold_fullwidth_alnum(folded) == folded
    assert all(a == b or FOLD_TO_ASCII[ord(a)] == ord(b) for a, b in zip(text, folded))
    assert not any(ord(ch) in FOLD_TO_ASCII for ch in folded)


@settings(max_examples=500, deadline=None)
@given(_NO_SPACE, _NO_SPACE)
def test_width_without_spaces_adds_up(a, b):
    assert display_width(a + b) == display_width(a) + display_width(b)
    assert display_width(a) * 2 == int(display_width(a) * 2) >= 0


@settings(max_examples=300, deadline=None)
@given(_HAN_TEXT)
def test_chinese_is_one_unit_a_character_letterspaced_or_not(han):
    assert display_width(han) == len(han) == display_width(" ".join(han))


@settings(max_examples=500, deadline=None)
@given(texts, st.sampled_from(SENTENCE_ENDS), st.text(alphabet=CLOSERS, max_size=3), st.sampled_from(["", " ", "\n"]))
def test_a_sentence_end_ends_a_sentence_whatever_closes_it(text, end, closers, space):
    assert ends_sentence(text + end + closers + space)
    assert not ends_sentence(text + end + closers + "中")


@settings(max_examples=500, deadline=None)
@given(texts)
def test_removing_spacing_drops_only_the_spaces_that_touch_chinese(text):
    spaced = remove_cjk_spacing(text)
    assert spaced.replace(" ", "").replace("\t", "") == text.replace(" ", "").replace("\t", "")
    assert not _CJK_SPACE.search(spaced) and remove_cjk_spacing(spaced) == spaced


@settings(max_examples=500, deadline=None)
@given(texts)
def test_cleaning_loses_no_character(text):
    """What ``accounting.lost_characters`` counts on: cleaning changes forms and whitespace only."""
    for clean in (fold_fullwidth_alnum, fullwidth_punctuation, remove_cjk_spacing, clean_paragraph, clean_heading):
        assert accounting_chars(clean(text)) == accounting_chars(text), clean.__name__


@settings(max_examples=500, deadline=None)
@given(st.lists(texts, max_size=8))
def test_joining_lines_loses_no_character(lines):
    assert accounting_chars(join_lines(lines)) == accounting_chars("".join(lines))


@settings(max_examples=300, deadline=None)
@given(texts)
def test_a_doubled_line_splits_into_its_two_copies(text):
    whole, duplicate = split_doubled(text + text)
    assert whole + duplicate == (text + text).strip()
    if duplicate:
        assert whole == duplicate


@settings(max_examples=300, deadline=None)
@given(_HAN_TEXT.filter(lambda han: len(han) >= 3))
def test_chinese_spread_by_spaces_is_letterspaced(han):
    assert is_letterspaced(" ".join(han)) and not is_letterspaced(han)


#: Lines of the alphabet's characters from the width classes' lowest edge up: plain lines among them.
_MOSTLY_WIDE = st.text(alphabet=sorted(ch for ch in _ALPHABET if ord(ch) >= 0x2010), max_size=30)


@settings(max_examples=500, deadline=None)
@given(st.one_of(texts, _MOSTLY_WIDE))
def test_a_plain_line_is_each_of_its_forms(text):
    """What ``is_plain`` spares a line: its width is its length, and folding and reading back letterspacing keep it."""
    if is_plain(text):
        assert display_width(text) == len(text)
        assert fold_fullwidth_alnum(text) == text and unletterspace(text) == text


_WIDE = re.compile(f"[{WIDE_CLASS}]+")
_FOLDABLE = re.compile("[" + re.escape("".join(map(chr, FOLD_TO_ASCII))) + "]")


@settings(max_examples=500, deadline=None)
@given(st.one_of(texts, _MOSTLY_WIDE))
def test_a_plain_line_is_wide_throughout_with_nothing_to_fold(text):
    """``is_plain``'s one scan tells what its two did: every character one unit wide, none that folding changes."""
    assert is_plain(text) is (_WIDE.fullmatch(text) is not None and _FOLDABLE.search(text) is None)
