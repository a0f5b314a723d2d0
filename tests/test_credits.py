"""Credits: datelines, bylines and photo credits as tables of printed -> parsed."""

import pytest

from tasks.credits import normalise_credit_text, parse_byline, parse_dateline, parse_names, parse_photo_credit


@pytest.mark.parametrize("paragraph, byline, authors, rest", [
    ("本报讯（通讯员 杜文韬）为确保", "本报讯（通讯员 杜文韬）", ["杜文韬"], "为确保"),
    ("本报讯(通讯员 聂英博)为打造", "本报讯（通讯员 聂英博）", ["聂英博"], "为打造"),
    ("本报讯（记者 王芳）近日", "本报讯（记者 王芳）", ["王芳"], "近日"),
    ("本报讯（记者 王芳 通讯员 李强 赵磊）近日", "本报讯（记者 王芳 通讯员 李强 赵磊）", ["王芳", "李强", "赵磊"], "近日"),
    ("本报曲阜讯（记者 孔明）今天", "本报曲阜讯（记者 孔明）", ["孔明"], "今天"),
    ("《吉林日报》讯（特派记者 张三）日前", "《吉林日报》讯（特派记者 张三）", ["张三"], "日前"),
    ("新华社北京9月9日电（记者 侯 缜）国务院", "新华社北京9月9日电（记者 侯缜）", ["侯缜"], "国务院"),
    ("（据新华社郑州9月9日电）近日", "（据新华社郑州9月9日电）", [], "近日"),
    ("本报讯（全媒体记者 刘洋）昨天", "本报讯（全媒体记者 刘洋）", ["刘洋"], "昨天"),
])
def test_parse_dateline(paragraph, byline, authors, rest):
    credit, body = parse_dateline(paragraph)
    assert (credit.text, credit.authors, body) == (byline, authors, rest)


@pytest.mark.parametrize("paragraph", ["近日，本报讯", "本报通讯员 金鑫", "为打造书香机关"])
def test_not_a_dateline(paragraph):
    assert parse_dateline(paragraph) is None


@pytest.mark.parametrize("line, text, authors", [
    ("本报通讯员 金鑫", "本报通讯员 金鑫", ["金鑫"]),
    ("□本报记者 王芳 本报通讯员 李强", "本报记者 王芳 本报通讯员 李强", ["王芳", "李强"]),
    ("本报记者 侯 缜", "本报记者 侯缜", ["侯缜"]),
    ("全媒体记者  刘洋", "全媒体记者 刘洋", ["刘洋"]),
])
def test_parse_byline(line, text, authors):
    credit = parse_byline(line)
    assert (credit.text, credit.authors) == (text, authors)


@pytest.mark.parametrize("line, text, photographers, authors", [
    ("本报通讯员 张馨月 摄", "本报通讯员 张馨月 摄", ["张馨月"], []),
    ("本报通讯员 张馨月 摄", "本报通讯员 张馨月 摄", ["张馨月"], []),
    ("张馨月 摄", "张馨月 摄", ["张馨月"], []),
    ("记者王芳摄", "记者 王芳 摄", ["王芳"], []),
    ("新华社记者 徐 昱摄", "新华社记者 徐昱 摄", ["徐昱"], []),
    ("王芳 文/图", "王芳 文/图", ["王芳"], ["王芳"]),
])
def test_parse_photo_credit(line, text, photographers, authors):
    credit = parse_photo_credit(line)
    assert credit is not None
    assert (credit.text, credit.photographers, credit.authors) == (text, photographers, authors)


@pytest.mark.parametrize("text, names", [
    ("记者 王芳 通讯员 李强 赵磊", ["王芳", "李强", "赵磊"]),
    ("本报记者 侯 缜", ["侯缜"]),
    ("通讯员 欧阳 修", ["欧阳修"]),
])
def test_parse_names(text, names):
    assert parse_names(text) == names


def test_normalise_credit_text_removes_letterspacing_and_ascii_brackets():
    assert normalise_credit_text("本 报 讯(通讯员  聂英博)") == "本报讯（通讯员 聂英博）"
