"""Lines with a gap take the fast path of ``classify_line`` and keep their kind.

``_opens_plain_text`` used to send every line holding a space or an
ideographic space through the whole rule chain, because a letterspaced
credit (``本 报 记 者 姚 远``) can hide behind it. It now lets through a
line with a gap that opens with a plain Chinese character and ends with
anything but 摄/图/版, 文 (``… 图/文``) or a NUL. The reference is
``tests/test_speed_lines.py``'s copy of the earlier flow, which tries every
rule on such a line: on any of these lines both must agree.
"""

from hypothesis import given, settings
from hypothesis import strategies as st

from tasks.clean import display_width
from tasks.lines import _opens_plain_text, classify_line
from test_speed_lines import ref_classify_line

#: Characters a line may open with: plain Chinese (surnames among them, as
#: names open credits), and a few special ones for contrast.
_FIRST = "王李欧阳张馨月铁西区开展安全检查和样品都被整齐地摆放引资力度本记图"
#: What may follow: names, role words, credit marks, gaps of every kind, the
#: ends that keep a line off the fast path, and what the other rules look at.
_PIECES = [
    " ", "  ", "\u3000", "\t", "\xa0", "\x00", "王", "芳", "李强", "欧阳辉", "张馨月", " 摄", "摄", " 图/文", "图/文",
    "文/图", "文／图", "文", "图", "版", "第3版", "记者", "本报记者", "通讯员", "本 报 记 者", "通 讯 员", "（", "）",
    "讯", "电", "：", "，", "。", "2023", "年", "8 月", "日", "100 天", "New York", "——", "●", "□", "·",
]
gapped_lines = st.tuples(st.sampled_from(_FIRST), st.lists(st.sampled_from(_PIECES), max_size=14)).map(
    lambda t: t[0] + "".join(t[1]))


@settings(max_examples=5000, deadline=None)
@given(gapped_lines)
def test_lines_with_a_gap_same_as_reference(raw):
    assert classify_line(3, raw) == ref_classify_line(3, raw)


#: Letterspaced credits and their near misses, which only the ends of the line tell apart.
CREDITS = [
    "王 芳 李 强 图/文", "王芳 李强 图/文", "王 芳 图 / 文", "张 馨 月 李 强 摄", "王 芳 李 强 摄\x00", "王 芳 李 强 摄 \x00",
    "王芳李强 摄\x00", "王 芳 李 强 文/图", "王 芳\u3000李 强 图/文", "王芳\u3000李强\u3000图/文", "王 芳 李 强 论 文",
    "欧 阳 辉 晓 峰 版", "王 芳 本 报 记 者 李 强", "开 2023 年 重 点 工 作 动 员", "和 10 个 1 亿元以上项目的",
]


def test_letterspaced_credits_same_as_reference():
    for raw in CREDITS:
        for line in (raw, raw + " ", "  " + raw):
            assert classify_line(1, line) == ref_classify_line(1, line), line


def test_gapped_plain_lines_take_the_fast_path():
    """The point of the change: letterspaced prose and headings skip the rules."""
    for text in ("开 2023 年 重 点 工 作 动 员", "深化服务改革 解决群众难题", "局对全区具有行政检查职能的 11 家单"):
        assert _opens_plain_text(text, display_width(text))
    for text in ("王 芳 李 强 图/文", "王 芳 李 强 摄\x00", "张 馨 月 李 强 摄"):
        assert not _opens_plain_text(text, display_width(text))
