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


# --- the fast implementations equal the plain ones they replaced ---------------------
#
# tasks/clean.py is written for speed (regex and str methods, early returns).
# Below is a verbatim copy of its earlier loop-based version, the executable
# specification: on any text each public function must return exactly what
# its reference returns (same value, same type).

import re  # noqa: E402

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from banmian.tasks.text.clean import is_cjk  # noqa: E402

_REF_CJK = (
    "[\u2010-\u2027\u2030-\u205e\u25a0-\u25ff\u2600-\u27bf"
    "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff01-\uffee]"
)
_REF_TERMINAL_RE = re.compile(f"[{re.escape('。！？!?…；;')}][{re.escape('”’」』）)》〉】')}]*$")
_REF_FULLWIDTH_ALNUM = {c: c - 0xFEE0 for c in range(0xFF10, 0xFF1A)}
_REF_FULLWIDTH_ALNUM.update({c: c - 0xFEE0 for c in range(0xFF21, 0xFF3B)})
_REF_FULLWIDTH_ALNUM.update({c: c - 0xFEE0 for c in range(0xFF41, 0xFF5B)})
_REF_FULLWIDTH_ALNUM.update({0x3000: 0x20, 0x00A0: 0x20, 0xFF0E: 0x2E, 0xFF05: 0x25})


def ref_fold_fullwidth_alnum(text):
    return text.translate(_REF_FULLWIDTH_ALNUM)


def ref_display_width(text):
    w = 0.0
    prev = ""
    n = len(text)
    spread = ref_is_letterspaced(text)  # every space the spread of justification
    for i, ch in enumerate(text):
        if ch == " " or ch == "\t":
            if spread:
                continue
            nxt = text[i + 1] if i + 1 < n else ""
            if (prev and prev.isascii() and prev.isalnum()) or (nxt and nxt.isascii() and nxt.isalnum()):
                w += 0.5
            continue
        prev = ch
        w += 0.5 if ord(ch) < 0x2E80 and not is_cjk(ch) else 1.0
    return w


def ref_ends_sentence(text):
    return bool(_REF_TERMINAL_RE.search(text.rstrip()))


_REF_SPACE_AFTER_CJK = re.compile(f"(?<={_REF_CJK})[ \t]+")
_REF_SPACE_BEFORE_CJK = re.compile(f"[ \t]+(?={_REF_CJK})")


def ref_remove_cjk_spacing(text):
    return _REF_SPACE_BEFORE_CJK.sub("", _REF_SPACE_AFTER_CJK.sub("", text))


_REF_COMMA_RE = re.compile(f"(?<={_REF_CJK})\\s*,\\s*|\\s*,\\s*(?={_REF_CJK})")
_REF_SIMPLE_PUNCT = {";": "；", ":": "：", "?": "？", "!": "！"}
_REF_SIMPLE_RE = re.compile(f"(?<={_REF_CJK})\\s*([;:?!])|([;:?!])\\s*(?={_REF_CJK})")
_REF_PARENS_RE = re.compile(r"\(([^()]*)\)")
_REF_HAS_CJK = re.compile(_REF_CJK)


def _ref_paren_to_fullwidth(m):
    inner = m.group(1)
    s, e = m.start(), m.end()
    src = m.string
    touches = (s > 0 and is_cjk(src[s - 1])) or (e < len(src) and is_cjk(src[e]))
    if _REF_HAS_CJK.search(inner) or touches:
        return f"（{inner}）"
    return m.group(0)


def ref_fullwidth_punctuation(text):
    text = _REF_COMMA_RE.sub("，", text)
    text = _REF_SIMPLE_RE.sub(lambda m: _REF_SIMPLE_PUNCT[m.group(1) or m.group(2)], text)
    if "(" in text:
        text = _REF_PARENS_RE.sub(_ref_paren_to_fullwidth, text)
    return text


_REF_ASCII_WORD_END = re.compile(r"[A-Za-z]$")
_REF_ASCII_WORD_START = re.compile(r"^[A-Za-z]")


def ref_join_lines(lines):
    out = []
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if out and _REF_ASCII_WORD_END.search(out[-1]) and _REF_ASCII_WORD_START.search(line):
            out.append(" ")
        out.append(line)
    return "".join(out)


def ref_split_doubled(text):
    t = text.strip()
    n = len(t)
    if n >= 8 and n % 2 == 0 and t[: n // 2] == t[n // 2:]:
        return t[: n // 2], t[n // 2:]
    return t, ""


def ref_clean_paragraph(text):
    text = ref_fold_fullwidth_alnum(text)
    text = ref_fullwidth_punctuation(text)
    return ref_remove_cjk_spacing(text).strip()


_REF_LETTERSPACED_TOKEN = re.compile(r"\S+")
_REF_WIDE_GAP = re.compile(r"[ \t]{2,}")


def ref_is_letterspaced(text):
    tokens = _REF_LETTERSPACED_TOKEN.findall(text)
    if len(tokens) < 3:
        return False
    singles = sum(1 for t in tokens if len(t) == 1 or (len(t) == 2 and not t[1].isalnum()))
    return singles >= 0.6 * len(tokens)


def ref_clean_heading(text):
    text = ref_fullwidth_punctuation(ref_fold_fullwidth_alnum(text)).strip()
    if ref_is_letterspaced(text):
        parts = _REF_WIDE_GAP.split(text)
        return " ".join(p.replace(" ", "") for p in parts if p.strip())
    return " ".join(text.split())


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

_PAIRS = [
    (fold_fullwidth_alnum, ref_fold_fullwidth_alnum),
    (display_width, ref_display_width),
    (ends_sentence, ref_ends_sentence),
    (remove_cjk_spacing, ref_remove_cjk_spacing),
    (fullwidth_punctuation, ref_fullwidth_punctuation),
    (split_doubled, ref_split_doubled),
    (clean_paragraph, ref_clean_paragraph),
    (is_letterspaced, ref_is_letterspaced),
    (clean_heading, ref_clean_heading),
]


@pytest.mark.parametrize("fast, ref", _PAIRS, ids=[f.__name__ for f, _ in _PAIRS])
@settings(max_examples=1000, deadline=None)
@given(text=texts)
def test_same_as_reference(fast, ref, text):
    got, want = fast(text), ref(text)
    assert got == want and type(got) is type(want)


@settings(max_examples=1000, deadline=None)
@given(st.lists(texts, max_size=8))
def test_join_lines_same_as_reference(lines):
    assert join_lines(lines) == ref_join_lines(lines)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_doubled_text_same_as_reference(text):
    """split_doubled's interesting inputs are a text written twice."""
    assert split_doubled(text + text) == ref_split_doubled(text + text)


def test_reference_agrees_on_the_samples():
    """Every line of the bundled pages, and each page whole, through every rule."""
    from tests.support.paths import SAMPLE

    for path in sorted(SAMPLE.glob("*.txt")):
        page = path.read_text(encoding="utf-8")
        lines = page.splitlines()
        for text in [*lines, page]:
            for fast, ref in _PAIRS:
                assert fast(text) == ref(text), (fast.__name__, text)
        assert join_lines(lines) == ref_join_lines(lines)
