"""Each cleaning rule as a table of raw -> clean cases."""

import pytest

from tasks.clean import (
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
