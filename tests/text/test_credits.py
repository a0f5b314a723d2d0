"""Credits: datelines, bylines and photo credits as tables of printed -> parsed."""

import pytest

from banmian.tasks.text.credits import (
    PHOTO_MARKS,
    SIGNERS,
    TEXT_AND_PHOTO_MARKS,
    Credit,
    is_author_line,
    is_boxed_names,
    is_commentator,
    is_names_run,
    join_keeping_credit_breaks,
    normalise_credit_text,
    parse_byline,
    parse_dateline,
    parse_names,
    parse_photo_credit,
    parse_signature,
    parse_trailing_credit,
    split_run_of_names,
    unletterspace,
)


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
    ("新华社南京 9月9 日电(记者 王东宣)9月", "新华社南京9月9日电（记者 王东宣）", ["王东宣"], "9月"),
    ("本 报 讯（记者 王芳）近日", "本报讯（记者 王芳）", ["王芳"], "近日"),
    ("本报讯（记者 田 野 通 讯 员 吴 禹浩）为确保", "本报讯（记者 田野 通讯员 吴禹浩）", ["田野", "吴禹浩"], "为确保"),
    ("新 华 社 长 春 1 月 1 日 电 （ 记 者 王 芳 ） 近日", "新华社长春1月1日电（记者 王芳）", ["王芳"], "近日"),
    # letterspaced names lose the gap between them: found again at a surname
    ("新 华 社 长 春 1 月 12 日 电 （ 记 者 陆 川 谢 雨 欣 ）近日", "新华社长春1月12日电（记者 陆川 谢雨欣）",
     ["陆川", "谢雨欣"], "近日"),
    ("本 报 讯 （ 记 者 刘 国 昌 魏 巍 ）日前", "本报讯（记者 刘国昌 魏巍）", ["刘国昌", "魏巍"], "日前"),
    ("新 华 社 北 京 1 月 5 日 电 （ 张 东 波 陈 学 如 ）近 日", "新华社北京1月5日电（张东波 陈学如）",
     ["张东波", "陈学如"], "近 日"),  # no role: the names of a letterspaced credit apart at a surname too
    # the paper's own wire dateline: 本报 and a place and date, then 电
    ("本报开罗1月4日电（记者 王芳）当地", "本报开罗1月4日电（记者 王芳）", ["王芳"], "当地"),
    ("本报约翰内斯堡12月31日电(记者 李强)南非", "本报约翰内斯堡12月31日电（记者 李强）", ["李强"], "南非"),
    ("本报福州电 记者赵磊报道：近日", "本报福州电 记者赵磊报道：", ["赵磊"], "近日"),
    # the 1998 style: no bracket, names parted by 、 or ，, closed by 报道：
    ("本报北京1月5日讯 记者王芳报道：今天", "本报北京1月5日讯 记者王芳报道：", ["王芳"], "今天"),
    ("新华社西安1月5日电 记者王芳、李强报道：近日", "新华社西安1月5日电 记者王芳、李强报道：", ["王芳", "李强"], "近日"),
    ("本报北京1月8日讯 新华社记者王芳、李强，本报记者赵磊报道：日前", "本报北京1月8日讯 新华社记者王芳、李强，本报记者赵磊报道：",
     ["王芳", "李强", "赵磊"], "日前"),
    ("本报讯 通讯员王 芳、李强报道:为", "本报讯 通讯员王芳、李强报道：", ["王芳", "李强"], "为"),
    ("新华社广州1月10日电 王芳、李强报道：近日", "新华社广州1月10日电 王芳、李强报道：", ["王芳", "李强"], "近日"),
    ("本 报 讯 全 媒 体 记 者 杨 光 远 报 道 ：为 深 入", "本报讯 全媒体记者杨光远报道：", ["杨光远"], "为 深 入"),
    ("本报北京1 月 5 日讯 记者王芳、李 强 报 道 ：全 面", "本报北京1月5日讯 记者王芳、李强报道：", ["王芳", "李强"], "全 面"),
    ("本报讯 近日，记者报道：", "本报讯", [], "近日，记者报道："),  # no names before 报道：
    ("新华社北京1 月 7 日电（ 上 接 第 12 版 ）中共", "新华社北京1月7日电", [], "（ 上 接 第 12 版 ）中共"),  # a jump marker
])
def test_parse_dateline(paragraph, byline, authors, rest):
    credit, body = parse_dateline(paragraph)
    assert (credit.text, credit.authors, body) == (byline, authors, rest)


@pytest.mark.parametrize("paragraph", ["近日，本报讯", "本报通讯员 金鑫", "为打造书香机关", "本 报 通 讯 员 聂 英 博",
                                       "本报记者电话采访了他", "本报今年开通电视频道"])
def test_not_a_dateline(paragraph):
    assert parse_dateline(paragraph) is None


@pytest.mark.parametrize("line, text, authors", [
    ("本报通讯员 金鑫", "本报通讯员 金鑫", ["金鑫"]),
    ("□本报记者 王芳 本报通讯员 李强", "本报记者 王芳 本报通讯员 李强", ["王芳", "李强"]),
    ("本报记者 侯 缜", "本报记者 侯缜", ["侯缜"]),
    ("全媒体记者  刘洋", "全媒体记者 刘洋", ["刘洋"]),
    ("本 报 见 习 记 者 马 波", "本报见习记者 马波", ["马波"]),
    ("□本 报 记 者 姚 远 本 报 通 讯 员 赵 磊", "本报记者 姚远 本报通讯员 赵磊", ["姚远", "赵磊"]),
    ("颜晓峰", "颜晓峰", ["颜晓峰"]),
    ("本 报 通 讯 员 聂 英 博", "本报通讯员 聂英博", ["聂英博"]),
    ("本 报 记 者 刘 国 昌 魏 巍", "本报记者 刘国昌 魏巍", ["刘国昌", "魏巍"]),
    ("本报驻俄罗斯记者 王芳", "本报驻俄罗斯记者 王芳", ["王芳"]),
    ("□本报驻开罗记者 李强", "本报驻开罗记者 李强", ["李强"]),
    ("本 报 驻 日 本 记 者 赵 磊", "本报驻日本记者 赵磊", ["赵磊"]),
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
    ("翟桂溪作（新华社发）", "翟桂溪作（新华社发）", ["翟桂溪"], []),
    ("王芳 摄（新华社发）", "王芳摄（新华社发）", ["王芳"], []),
    ("王芳 摄影报道", "王芳 摄影报道", ["王芳"], []),
    ("陈 杰 刘亮明 摄影报道", "陈杰 刘亮明 摄影报道", ["陈杰", "刘亮明"], []),
    ("王芳/摄", "王芳/摄", ["王芳"], []),
    ("王 芳 / 摄", "王芳/摄", ["王芳"], []),
    ("王芳 李强／摄", "王芳 李强/摄", ["王芳", "李强"], []),
    ("王芳 文／图", "王芳 文/图", ["王芳"], ["王芳"]),
    ("王芳 图/文", "王芳 图/文", ["王芳"], ["王芳"]),
    ("王 芳 摄 影 报 道", "王芳 摄影报道", ["王芳"], []),
])
def test_parse_photo_credit(line, text, photographers, authors):
    credit = parse_photo_credit(line)
    assert credit is not None
    assert (credit.text, credit.photographers, credit.authors) == (text, photographers, authors)


@pytest.mark.parametrize("line", ["扎实推进工作", "王芳作", "推进工作（记者 王芳）"])
def test_a_line_closed_by_zuo_without_an_agency_note_is_no_credit(line):
    """作 alone closes too many headings (工作) to credit a drawing."""
    assert parse_photo_credit(line) is None


@pytest.mark.parametrize("text, names", [
    ("记者 王芳 通讯员 李强 赵磊", ["王芳", "李强", "赵磊"]),
    ("本报记者 侯 缜", ["侯缜"]),
    ("通讯员 欧阳 修", ["欧阳修"]),
    ("记者 彭丽娜 杜 文韬", ["彭丽娜", "杜文韬"]),  # a line break inside 杜|文韬, kept as a space
    ("记者 杜文 韬", ["杜文韬"]),
    ("记者 唐海涛 雷 鸣", ["唐海涛", "雷鸣"]),
    ("本报通讯员 李登 申 维辰", ["李登", "申维辰"]),  # a line break after a surname: it opens the next name
    ("记者 王芳李强", ["王芳", "李强"]),            # two names run together: apart at the second surname
    ("张东波陈学如", ["张东波", "陈学如"]),
    ("记者 索朗罗布", ["索朗罗布"]),                # no common surname opens it: one name
    ("记者 欧阳晓峰", ["欧阳晓峰"]),
    ("记者 诸 葛仓麟", ["诸葛仓麟"]),               # a break inside a compound surname's name: no name before, it opens the next
    ("通讯员 司 马相如 记者 王芳", ["司马相如", "王芳"]),
    ("中央人民广播电台记者李涛、新华社记者张宿堂", ["李涛", "张宿堂"]),  # an employer run into its role: no name
    ("记者王芳通讯员李强", ["王芳", "李强"]),      # a name run into the next role after its own
    ("王芳摄影", ["王芳"]),                        # a role set after the name
])
def test_parse_names(text, names):
    assert parse_names(text) == names


def test_normalise_credit_text_removes_letterspacing_and_ascii_brackets():
    assert normalise_credit_text("本 报 讯(通讯员  聂英博)") == "本报讯（通讯员 聂英博）"


@pytest.mark.parametrize("paragraph, byline, authors, rest", [
    ("圆满完成。（记者 欧阳晓 通讯员 冯志刚）", "（记者 欧阳晓 通讯员 冯志刚）", ["欧阳晓", "冯志刚"], "圆满完成。"),
    ("圆满完成。(通讯员 曹 阳)", "（通讯员 曹阳）", ["曹阳"], "圆满完成。"),
    ("（据新华社广州9月4日电）", "（据新华社广州9月4日电）", [], ""),
    ("保 障 。（ 本 报 记 者 王 芳 李强）", "（本报记者 王芳 李强）", ["王芳", "李强"], "保 障 。"),
    # names alone: a credit when the text before ends a sentence and every name opens with a surname
    ("圆满完成。（王芳 李强）", "（王芳 李强）", ["王芳", "李强"], "圆满完成。"),
    ("圆满完成。”（欧阳晓）", "（欧阳晓）", ["欧阳晓"], "圆满完成。”"),
    ("（陈 佳）", "（陈佳）", ["陈佳"], ""),
    ("新 华 社 电 。（ 王 芳 李 强 ）", "（王芳 李强）", ["王芳", "李强"], "新 华 社 电 。"),
])
def test_parse_trailing_credit(paragraph, byline, authors, rest):
    credit, body = parse_trailing_credit(paragraph)
    assert (credit.text, credit.authors, body) == (byline, authors, rest)


@pytest.mark.parametrize("mark", PHOTO_MARKS)
def test_every_photo_mark_closes_a_caption_in_brackets(mark):
    credit, body = parse_trailing_credit(f"放飞风筝。（新华社记者 王芳{mark}）")
    authors = ["王芳"] if mark in TEXT_AND_PHOTO_MARKS else []
    assert (credit.photographers, credit.authors, body) == (["王芳"], authors, "放飞风筝。")


@pytest.mark.parametrize("paragraph, byline, photographers", [
    ("运往灾区。（李强 摄）", "（李强 摄）", ["李强"]),
    ("运往灾区。(记者 王 芳摄)", "（记者 王芳 摄）", ["王芳"]),
    ("保 障 。（ 本 报 记 者 王 芳 李强 摄）", "（本报记者 王芳 李强 摄）", ["王芳", "李强"]),
])
def test_a_caption_closed_by_its_photo_credit_in_brackets(paragraph, byline, photographers):
    credit, body = parse_trailing_credit(paragraph)
    assert (credit.text, credit.photographers, credit.authors) == (byline, photographers, [])
    assert body == paragraph[:paragraph.rindex("。") + 1]


@pytest.mark.parametrize("paragraph", ["增长了三成（同比）。", "（下转第三版）", "记者王芳说。", "（作者为山东大学教授）",
                                       "开展活动。（试点）", "来自全县（王家村）", "各有侧重。（上）"])
def test_not_a_trailing_credit(paragraph):
    assert parse_trailing_credit(paragraph) is None


@pytest.mark.parametrize("printed, read", [
    ("本 报 记 者 宋 志 强", "本报记者 宋志强"),
    ("本 报 通 讯 员  张 馨 月 摄", "本报通讯员 张馨月 摄"),
    ("本报记者 王芳", "本报记者 王芳"),  # not letterspaced: unchanged
    ("记 者 陆 川 谢 雨 欣", "记者 陆川 谢雨欣"),
    ("□本 报 记 者 姚 远 本 报 通 讯 员 赵 磊", "□本报记者 姚远 本报通讯员 赵磊"),
    ("王 芳 摄 影 报 道", "王芳 摄影报道"),  # 摄影报道 holds the role word 摄影: the mark is set apart whole
])
def test_unletterspace(printed, read):
    assert unletterspace(printed) == read


@pytest.mark.parametrize("line, is_name", [
    ("颜晓峰", True), ("欧 阳 辉", True), ("严书翰", True), ("上官云", True), ("习亚哲", True),
    ("消费升级", False), ("新时代", False), ("王", False), ("颜晓峰说。", False),
])
def test_is_author_line(line, is_name):
    assert is_author_line(line) is is_name


@pytest.mark.parametrize("line, is_run", [
    ("冯金武 郭启宏", True), ("徐宝康 王林昌 ", True), ("高扬文 史怀璧 焦善民 王锐", True), ("罗昌爱 单菊", True),
    ("上官云 何黄彪", True),
    ("高标准 严要求", False),     # a couplet's halves can open with a surname: the dictionary holds them as words
    ("明确思路 笃行实干", False), ("阅享新时代 奋进新征程", False), ("江城母虎觅配偶 盼望虎年得虎仔", False),
    ("颜晓峰", False),            # one name: is_author_line's
    ("姚祥明 羊盘初", False),     # 羊 is no common surname: not every piece is a name
    ("冯金武，郭启宏", False), ("冯金武 郭启宏 摄", False),
])
def test_is_names_run(line, is_run):
    assert is_names_run(line) is is_run


@pytest.mark.parametrize("line, boxed", [
    ("□ 今 哲", True), ("□ 建 达", True), ("□ 李 彦 生 陈 爱 国", True), ("□张书政 剑武安", True), ("□朱梦魁", True),
    ("■谢世杰当选中共四川省委书记", False),  # ■ opens a brief's headline too
    ("□一、事件经过", False),
    ("今哲", False), ("□", False),
])
def test_is_boxed_names(line, boxed):
    assert is_boxed_names(line) is boxed


@pytest.mark.parametrize("run, names", [
    ("陆川谢雨欣", ["陆川", "谢雨欣"]),
    ("刘国昌魏巍", ["刘国昌", "魏巍"]),
    ("王芳李强", ["王芳", "李强"]),
    ("赵磊欧阳晓", ["赵磊", "欧阳晓"]),  # the second name opens with a compound surname
    ("欧阳晓峰", ["欧阳晓峰"]),           # a compound surname: one name
    ("张馨月", ["张馨月"]),               # two or three characters: one name
    ("侯缜", ["侯缜"]),
    ("陈建国强", ["陈建国强"]),           # no surname where a second name could start
])
def test_split_run_of_names(run, names):
    assert split_run_of_names(run) == names


@pytest.mark.parametrize("lines, last, joined", [
    (["本报讯（记者 彭程", "刘一鸣）9月6日，公", "主岭市举行"], False, "本报讯（记者 彭程 刘一鸣）9月6日，公主岭市举行"),
    (["本报讯（通讯员", "李猛 曹雪梅）今年以", "来，全县"], False, "本报讯（通讯员 李猛 曹雪梅）今年以来，全县"),
    (["新华社成都5", "月3日电（记者 冯", "博）为了加强"], False, "新华社成都5月3日电（记者 冯 博）为了加强"),
    (["近日，全县（街", "道）开展活动。"], False, "近日，全县（街道）开展活动。"),  # no dateline bracket on the first line
    (["本报讯（记者 王芳", "近日，全县开展"], False, "本报讯（记者 王芳近日，全县开展"),  # never closes
    (["进行检查。（记", "者 冯 博 通讯员 曹 阳）"], True, "进行检查。（记者 冯 博 通讯员 曹 阳）"),  # break inside 记|者
    (["习惯。（记者 唐海涛 雷", "鸣）"], True, "习惯。（记者 唐海涛 雷 鸣）"),
    (["（街", "道）开展活动，", "效果明显。"], True, "（街道）开展活动，效果明显。"),  # the last bracket closes early
])
def test_join_keeping_credit_breaks(lines, last, joined):
    """A line break between two names in a credit is their only separator: it is kept as a space."""
    assert join_keeping_credit_breaks(lines, last=last) == joined


@pytest.mark.parametrize("signer", SIGNERS)
def test_every_signer_signs_a_letter_with_a_name_or_described(signer):
    assert parse_signature(f"{signer} 王芳") == Credit(f"{signer} 王芳", ["王芳"])
    assert parse_signature(f"{signer} 王 芳") == Credit(f"{signer} 王芳", ["王芳"])
    for anonymous in (f"一{signer}", f"一位热心的{signer}", f"梨树县一{signer}", f"一名{signer}"):
        assert parse_signature(anonymous) == Credit(anonymous)


@pytest.mark.parametrize("line", ["读者来信", "市民服务中心", "致敬一位老党员", "我们采访了一位市民", "一村民说。"])
def test_not_a_signature(line):
    assert parse_signature(line) is None


@pytest.mark.parametrize("line, commentator", [
    ("本报评论员", True), (" 本报评论员", True), ("新华社特约评论员", True), ("人民日报评论员", True),
    ("评论员文章引起反响", False), ("本报记者 王芳", False), ("评论员", False),
])
def test_is_commentator(line, commentator):
    assert is_commentator(line) is commentator
