"""Segmentation behaviour on small hand-made pages, one habit each."""

from tasks.accounting import lost_characters
from tasks.segment import segment_page

STORY_A = """本报讯（记者 王芳）近日，
全市开展冬季安全生产大检
查，重点检查危化企业、人员
密集场所和建筑工地。

检查组共出动人员二百余人
次，排查整治隐患四十多项。
"""
HEAD_A = """开展安全检查
守护平安冬季

全市排查整治安全隐患
"""
STORY_B = """本报讯（通讯员 李强 赵磊）
日前，县图书馆举办少儿读书
节，吸引了上千名小读者参加
活动。

读书节期间，图书馆还开展了
绘本故事会和亲子阅读活动。
"""
HEAD_B = """书香润童心
阅读伴成长

县图书馆举办少儿读书节
"""


def heads(result):
    return {a.headline: a for a in result.articles}


def check_nothing_lost(text, result):
    assert not lost_characters(text, result)


def test_headline_after_its_body():
    page = STORY_A + "\n" + HEAD_A + "\n" + STORY_B + "\n" + HEAD_B
    result = segment_page(page)
    by_head = heads(result)
    assert set(by_head) == {"开展安全检查 守护平安冬季", "书香润童心 阅读伴成长"}
    assert by_head["开展安全检查 守护平安冬季"].subheadline == "全市排查整治安全隐患"
    assert by_head["开展安全检查 守护平安冬季"].authors == ["王芳"]
    assert by_head["书香润童心 阅读伴成长"].authors == ["李强", "赵磊"]
    check_nothing_lost(page, result)


def test_headline_before_its_body():
    page = HEAD_A + "\n" + STORY_A + "\n" + HEAD_B + "\n" + STORY_B
    by_head = heads(segment_page(page))
    assert by_head["开展安全检查 守护平安冬季"].byline == "本报讯（记者 王芳）"
    assert by_head["书香润童心 阅读伴成长"].paragraphs[0].startswith("日前，县图书馆")


def test_paragraphs_rebuilt_across_column_breaks_and_without_blank_lines():
    result = segment_page(HEAD_A + "\n" + STORY_A)
    (article,) = result.articles
    assert article.paragraphs == [
        "近日，全市开展冬季安全生产大检查，重点检查危化企业、人员密集场所和建筑工地。",
        "检查组共出动人员二百余人次，排查整治隐患四十多项。",
    ]


def test_dateline_byline_broken_across_lines():
    page = "保障春节安全\n\n本报讯（通讯员 杜文\n韬）为确保全区春节期间安全\n生产形势稳定，开展大检查。\n"
    (article,) = segment_page(page).articles
    assert (article.byline, article.authors) == ("本报讯（通讯员 杜文韬）", ["杜文韬"])
    assert article.paragraphs == ["为确保全区春节期间安全生产形势稳定，开展大检查。"]


def test_photo_caption_with_credit_split_over_two_lines():
    page = STORY_A + "\n" + HEAD_A + "\n" + "8月16日，法官走进小区\n开展矛盾化解专项行动。\n\n本报通讯员\n张馨月 摄\n"
    result = segment_page(page)
    photos = [a for a in result.articles if a.kind == "photo"]
    assert len(photos) == 1
    assert photos[0].byline == "本报通讯员 张馨月 摄"
    assert photos[0].photographers == ["张馨月"]
    assert photos[0].paragraphs == ["8月16日，法官走进小区开展矛盾化解专项行动。"]
    check_nothing_lost(page, result)


def test_lead_feature_gathers_scattered_body_and_undoubles_crossheads():
    page = ("深化服务改革 解决群众难题\n——区政务服务局工作侧记\n\n本报通讯员 金鑫\n\n"
            + STORY_A + "\n" + HEAD_A + "\n"
            + "年初以来，区政务服务局持续深化改革，全力推进营商环境建设。\n\n"
            + "提升服务水平提升服务水平\n\n"
            + "压缩办理时限，提升审批效\n率。推进全流程审批系统向基\n层延伸，切实解决群众难题。\n")
    result = segment_page(page)
    (feature,) = [a for a in result.articles if a.kind == "feature"]
    assert feature.headline == "深化服务改革 解决群众难题"
    assert feature.subheadline == "区政务服务局工作侧记"
    assert (feature.byline, feature.authors) == ("本报通讯员 金鑫", ["金鑫"])
    assert [b.kind for b in feature.blocks] == ["p", "h", "p"]
    assert feature.crossheads == ["提升服务水平"]
    assert {r.reason for r in result.residue} == {"decoration", "duplicate_crosshead"}
    check_nothing_lost(page, result)


def test_letterspaced_and_number_spacing_cleaned_in_body():
    page = "图书馆举办读书节\n\n本报讯（记者 王芳）全县 1697 名\n学 生 参 加 了 读 书 节 活 动 ，\n共借阅图书 2.3 万余册。\n"
    (article,) = segment_page(page).articles
    assert article.paragraphs == ["全县1697名学生参加了读书节活动，共借阅图书2.3万余册。"]


def test_run_in_head_stays_with_its_paragraph():
    page = ("强化安全防线\n\n本报讯（通讯员 杨大雨）街道\n党工委强化职责担当，确保安\n全生产形势持续稳定。\n\n"
            "严格执法，执剑前行。\n\n检查组深入辖区内危化企业\n和敬老院等重点区域检查。\n")
    (article,) = segment_page(page).articles
    assert article.paragraphs[-1] == "严格执法，执剑前行。检查组深入辖区内危化企业和敬老院等重点区域检查。"


def test_page_furniture_goes_to_residue_and_metadata():
    page = "2023年8月25日 星期五\n第3版\n\n" + HEAD_A + "\n" + STORY_A + "\n责任编辑：张三 版式：李四\n"
    result = segment_page(page)
    assert len(result.articles) == 1
    assert result.meta["date"] == "2023年8月25日 星期五"
    assert result.meta["editor"] == "责任编辑：张三 版式：李四"
    assert "第3版" in result.meta["page"]
    assert {r.reason for r in result.residue} == {"page_furniture"}
    body = "".join(result.articles[0].paragraphs)
    assert "星期五" not in body and "责任编辑" not in body


def test_jump_markers_are_metadata_not_body():
    page = HEAD_A + "\n（上接第一版）\n" + STORY_A + "（下转第3版）\n"
    result = segment_page(page)
    (article,) = result.articles
    assert article.continued_from == "上接第一版"
    assert article.continued_to == "下转第3版"
    assert "上接" not in "".join(article.paragraphs)
    check_nothing_lost(page, result)


def test_wire_dateline():
    page = "国务院部署秋粮收购\n\n新华社北京9月9日电（记者 侯 缜）国务院\n常务会议9日召开，部署秋粮\n收购工作。\n"
    (article,) = segment_page(page).articles
    assert (article.byline, article.authors) == ("新华社北京9月9日电（记者 侯缜）", ["侯缜"])
    assert article.paragraphs == ["国务院常务会议9日召开，部署秋粮收购工作。"]


def test_empty_and_blank_pages():
    for text in ["", "\n\n\n", "   \f  "]:
        result = segment_page(text)
        assert result.articles == [] and result.residue == []


def test_bullet_mark_before_a_byline_is_kept_as_decoration():
    """Found by hypothesis: the □ before a standalone byline must not vanish."""
    for page in ["□本报记者 侯 缜", "深化改革\n——工作侧记\n\n□本报记者 侯 缜\n\n年初以来，全区深化改革。\n"]:
        result = segment_page(page)
        check_nothing_lost(page, result)
        assert ("decoration", "□") in [(r.reason, r.text) for r in result.residue]


# --- habits of other papers -------------------------------------------------------------


def test_briefs_under_a_section_label_are_one_article_each():
    page = ("要闻简报\n\n"
            "●农民丰收节文艺汇演举行\n9月23日，县里举办农民丰收节\n文艺汇演，共庆丰收。\n"
            "●供暖管网改造完工  记者从市住\n建局获悉，管网改造工程已全部\n完工。（记者 王芳）\n")
    result = segment_page(page)
    assert [(a.headline, a.paragraphs, a.authors) for a in result.articles] == [
        ("农民丰收节文艺汇演举行", ["9月23日，县里举办农民丰收节文艺汇演，共庆丰收。"], []),
        ("供暖管网改造完工", ["记者从市住建局获悉，管网改造工程已全部完工。"], ["王芳"]),
    ]
    assert any(r.text == "要闻简报" and r.reason == "page_furniture" for r in result.residue)
    check_nothing_lost(page, result)


def test_trailing_credit_closes_the_body():
    page = HEAD_A + "\n" + "近日，全市开展冬季安全生产\n大检查，排查隐患四十多项。\n（记者 王 芳 通讯员 李强）\n"
    (article,) = segment_page(page).articles
    assert (article.byline, article.authors) == ("（记者 王芳 通讯员 李强）", ["王芳", "李强"])
    assert article.paragraphs == ["近日，全市开展冬季安全生产大检查，排查隐患四十多项。"]


def test_letterspaced_byline_line_and_dateline():
    page = ("书香润童心 阅读伴成长\n\n□本 报 记 者 姚 远 本 报 通 讯 员 赵 磊\n\n"
            "日前，县图书馆举办少儿读书\n节，吸引了上千名小读者参加。\n")
    (article,) = segment_page(page).articles
    assert article.authors == ["姚远", "赵磊"]
    wire = "新 华 社 长 春 1 月 1 日 电 （ 记 者 王 芳 ） 近 日 ， 全 市\n开展安全检查。\n"
    (article,) = segment_page(wire).articles
    assert (article.byline, article.authors) == ("新华社长春1月1日电（记者 王芳）", ["王芳"])


def test_wire_dateline_cut_before_its_last_character():
    page = "新华社沈阳 7 月 3 日\n\n电（记者 罗杰）近日，全市开展\n安全生产大检查。\n"
    (article,) = segment_page(page).articles
    assert article.authors == ["罗杰"]
    assert article.paragraphs == ["近日，全市开展安全生产大检查。"]


def test_kicker_above_a_one_line_couplet():
    page = "【民生关注】\n\n中欧班列开行 开放通道更畅\n四平市中欧班列实现常态化运营\n\n" + STORY_A
    (article,) = segment_page(page).articles
    assert (article.kicker, article.headline, article.subheadline) == (
        "【民生关注】", "中欧班列开行 开放通道更畅", "四平市中欧班列实现常态化运营")


def test_photo_title_and_picture_label():
    page = (STORY_A + "\n" + HEAD_A + "\n图片新闻\n\n义诊服务暖人心\n"
            "8月16日，社区联合医院开展义诊活动，让居民在家门口享受医疗服务。\n\n本报通讯员 龙飞 摄\n")
    result = segment_page(page)
    (photo,) = [a for a in result.articles if a.kind == "photo"]
    assert photo.headline == "义诊服务暖人心"
    assert photo.paragraphs == ["8月16日，社区联合医院开展义诊活动，让居民在家门口享受医疗服务。"]
    assert any(r.text == "图片新闻" for r in result.residue)
    check_nothing_lost(page, result)


def test_caption_of_two_paragraphs():
    page = (STORY_A + "\n" + HEAD_A + "\n傍晚时分，市民在公\n园散步。\n\n该步道全长3.5\n公里，配套建设了\n"
            "休息座椅。\n\n于洋 文/图\n")
    (photo,) = [a for a in segment_page(page).articles if a.kind == "photo"]
    assert photo.paragraphs == ["傍晚时分，市民在公园散步。", "该步道全长3.5公里，配套建设了休息座椅。"]
    assert photo.authors == photo.photographers == ["于洋"]


def test_inline_jump_markers_are_metadata():
    page = HEAD_A + "\n（上接第一版）今年以来，全市开展冬季\n安全生产大检查，排查隐患四十多\n项，整改到位（下转第三版）\n"
    result = segment_page(page)
    (article,) = result.articles
    assert (article.continued_from, article.continued_to) == ("上接第一版", "下转第三版")
    assert article.paragraphs == ["今年以来，全市开展冬季安全生产大检查，排查隐患四十多项，整改到位"]
    check_nothing_lost(page, result)


def test_essay_author_line_and_author_note():
    page = ("深刻理解新时代划时代意义\n\n颜晓峰\n\n中国特色社会主义进入新时代，这是我国发展新的\n"
            "历史方位。\n\n（作者为中共中央党校教授）\n")
    (article,) = segment_page(page).articles
    assert (article.headline, article.authors) == ("深刻理解新时代划时代意义", ["颜晓峰"])
    assert article.paragraphs[-1] == "（作者为中共中央党校教授）"


def test_crosshead_straight_above_its_text_and_full_line_before_a_column_break():
    page = ("深化服务改革 解决群众难题\n——区政务服务局工作侧记\n\n本报通讯员 金鑫\n\n"
            "年初以来，区政务服务局持续深化改革，全力推进营商环境建设。\n\n"
            "人居环境持续改善\n深入开展村庄清洁行动，全\n县清理垃圾４万吨。\n\n"
            "读书活动紧紧围绕深入学习\n\n贯彻党的二十大精神，组织\n党员干部品评好书，分享读\n书体会。\n")
    (feature,) = segment_page(page).articles
    assert feature.kind == "feature"
    assert feature.crossheads == ["人居环境持续改善"]
    assert feature.paragraphs[-1] == "读书活动紧紧围绕深入学习贯彻党的二十大精神，组织党员干部品评好书，分享读书体会。"
