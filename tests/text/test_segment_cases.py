"""Segmentation behaviour on small hand-made pages, one habit each."""

import pytest

from banmian.tasks.text.accounting import lost_characters
from banmian.tasks.text.segment import segment_page
from tests.support.pages import WIRE

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
    assert result.meta["page_no"] == "3" and "page_name" not in result.meta
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


# --- regressions: habits seen on real pages ---------------------------------------------

#: A lead feature whose intro stops mid-sentence at a column break; its text
#: goes on somewhere else on the page.
LEAD = """绘就乡村振兴新画卷
——东丰县推进乡村振兴工作综述

本报通讯员 金鑫

今年以来，东丰县坚持把乡村振兴作为全县工作的重中之重，
统筹推进产业发展、人才培育和生态保护，农村面貌焕然一新，
农民收入持续增长。全县新建高标准农田十二万亩，培育新型
"""
#: An orphan run: the text of a story continued from page 3, no dateline.
CONTINUED = """为确保项目按期投产，区里成立
了工作专班，实行一个项目一名
领导、一套班子、一抓到底的工
作机制，帮助企业解决用工、融
资等难题二十余个。

目前，二期厂房主体已经封顶，
预计明年三月全面投产。
"""
#: Orphan text that is not a story's first words (it continues from 第五版).
TEXT_C = """来，全区已建成社区食堂十
二家，每天为辖区老年人提供
午餐一千余份，老人们在家门
口就能吃上热乎饭菜。

下一步，全区还将新建社区食
堂八家，实现街道全覆盖。
"""
HEAD_C = "社区食堂暖了老人胃\n"


def by_kind(result, kind):
    return [a for a in result.articles if a.kind == kind]


def test_orphan_after_a_jump_marker_takes_the_headline_printed_after_it():
    page = "（上接第三版）\n" + CONTINUED + "\n重点项目建设跑出加速度\n\n" + STORY_B + "\n" + HEAD_B
    result = segment_page(page)
    by_head = heads(result)
    assert set(by_head) == {"重点项目建设跑出加速度", "书香润童心 阅读伴成长"}
    orphan = by_head["重点项目建设跑出加速度"]
    assert orphan.continued_from == "上接第三版"
    assert orphan.paragraphs[0].startswith("为确保项目按期投产")
    assert len(orphan.paragraphs) == 2
    assert by_head["书香润童心 阅读伴成长"].authors == ["李强", "赵磊"]
    check_nothing_lost(page, result)


def test_trailing_credit_split_over_two_lines_ends_the_article():
    """（记者 … 冯志 / 刚） closes its text: the wide prose after it continues the lead."""
    page = (LEAD + "\n秋粮收购有序开展\n全市已收购新粮八十万吨\n\n"
            "近日，全市秋粮收购工作全\n面展开，各收储企业敞开收购，\n确保农民卖粮不难。截至目前，\n"
            "已收购新粮八十万吨，收购工作\n进展顺利。（记者 欧阳晓 通讯员 冯志\n刚）\n\n"
            "农业经营主体三百余家，建成现代农业产业园五个，带动农户户均\n"
            "增收四千元，乡村振兴的成色更足、底色更亮。\n")
    result = segment_page(page)
    story = heads(result)["秋粮收购有序开展"]
    assert (story.byline, story.authors) == ("（记者 欧阳晓 通讯员 冯志刚）", ["欧阳晓", "冯志刚"])
    assert story.paragraphs == ["近日，全市秋粮收购工作全面展开，各收储企业敞开收购，确保农民卖粮不难。"
                                "截至目前，已收购新粮八十万吨，收购工作进展顺利。"]
    (feature,) = by_kind(result, "feature")
    assert "农业经营主体三百余家" in "".join(feature.paragraphs)
    check_nothing_lost(page, result)


def test_jump_marker_line_between_two_texts_starts_a_new_article():
    page = HEAD_A + "\n" + STORY_A + "（上接第五版）\n" + TEXT_C + "\n" + HEAD_C
    result = segment_page(page)
    by_head = heads(result)
    assert set(by_head) == {"开展安全检查 守护平安冬季", "社区食堂暖了老人胃"}
    first, continued = by_head["开展安全检查 守护平安冬季"], by_head["社区食堂暖了老人胃"]
    assert first.continued_from is None
    assert first.paragraphs[-1] == "检查组共出动人员二百余人次，排查整治隐患四十多项。"
    assert continued.continued_from == "上接第五版"
    assert continued.paragraphs[0].startswith("来，全区已建成社区食堂十二家")
    check_nothing_lost(page, result)


def test_continued_to_marker_at_a_body_end_ends_the_article():
    page = HEAD_A + "\n" + STORY_A + "（下转第6版）\n" + "今年以" + TEXT_C + "\n" + HEAD_C
    result = segment_page(page)
    by_head = heads(result)
    assert set(by_head) == {"开展安全检查 守护平安冬季", "社区食堂暖了老人胃"}
    assert by_head["开展安全检查 守护平安冬季"].continued_to == "下转第6版"
    assert len(by_head["开展安全检查 守护平安冬季"].paragraphs) == 2
    new = by_head["社区食堂暖了老人胃"]
    assert (new.continued_from, new.continued_to) == (None, None)
    assert new.paragraphs[0].startswith("今年以来，全区已建成社区食堂")
    check_nothing_lost(page, result)


FURNISHED_PAGE = """第1版 社会民生

开展安全检查
守护平安冬季

本报讯（记者 王芳）近日，
全市开展冬季安全生产大检
查，重点检查危化企业、人员
密集场所和建筑工地。

7 理论

市书画作品展日前开幕，
132余幅作品集中展示了当
地书画爱好者的创作成果。

本报通讯员 龙飞 摄

中欧班列首发

本报讯（记者 王芳）日前，满载
汽车配件的中欧班列从我市出发，
15 天后抵达俄罗
斯莫斯科，为企业节省运输时间。

责任编辑 许诺  版式设计 黄磊
第十二版
"""


def test_page_numbers_names_and_editor_lines_are_furniture_numbers_in_text_are_not():
    result = segment_page(FURNISHED_PAGE)
    assert [r.text for r in result.residue if r.reason == "page_furniture"] == [
        "第1版 社会民生", "7 理论", "责任编辑 许诺  版式设计 黄磊", "第十二版"]
    assert (result.meta["page_no"], result.meta["page_name"]) == ("1", "社会民生")  # the first printed
    assert result.meta["editor"] == "责任编辑 许诺 版式设计 黄磊"  # no colon, still the editors' line
    (photo,) = by_kind(result, "photo")
    assert photo.paragraphs == ["市书画作品展日前开幕，132余幅作品集中展示了当地书画爱好者的创作成果。"]
    assert heads(result)["中欧班列首发"].paragraphs == [
        "日前，满载汽车配件的中欧班列从我市出发，15天后抵达俄罗斯莫斯科，为企业节省运输时间。"]
    body = "".join(p for a in result.articles for p in a.paragraphs)
    assert "责任编辑" not in body and "第十二版" not in body and "理论" not in body
    check_nothing_lost(FURNISHED_PAGE, result)


def test_caption_of_two_one_line_paragraphs_of_different_widths():
    page = (STORY_A + "\n" + HEAD_A + "\n"
            "图为市民在新落成的滨河公园里散步健身，尽享秋日的美好时光。\n\n"  # 29 wide
            "滨河公园全长三点二公里，沿线设置了健身步道、儿童乐园和休息座椅等多种便民设施。\n\n"  # 39 wide
            "本报记者 廖凡 摄\n")
    result = segment_page(page)
    (photo,) = by_kind(result, "photo")
    assert photo.photographers == ["廖凡"]
    assert photo.paragraphs == ["图为市民在新落成的滨河公园里散步健身，尽享秋日的美好时光。",
                                "滨河公园全长三点二公里，沿线设置了健身步道、儿童乐园和休息座椅等多种便民设施。"]
    assert len(heads(result)["开展安全检查 守护平安冬季"].paragraphs) == 2
    check_nothing_lost(page, result)


FEATURE_TOP = ("优化营商环境 激发市场活力\n——市住建局深化审批改革工作侧记\n\n本报通讯员 金鑫\n\n"
               "今年以来，市住建局持续深化“放管服”改革，全力打造一流营商环境。\n\n")
DOUBLED = "工程建设项目审批制度改革不断完善工程建设项目审批制度改革不断完善\n"


@pytest.mark.parametrize("text, paragraph", [
    pytest.param(  # the first text line breaks a word (审|批) across the column break
        "全面推行工程建设项目并联审\n\n批，审批时限压缩至四十个工作\n日以内，企业办事更加便捷高效，\n项目落地跑出了加速度。\n",
        "全面推行工程建设项目并联审批，审批时限压缩至四十个工作日以内，企业办事更加便捷高效，项目落地跑出了加速度。",
        id="line_breaks_a_word"),
    pytest.param(  # an indented first line that ends on a word boundary (项目|分阶段)
        "今年全市全面推行工程建设项目\n\n分阶段并联审批，审批时限压缩至四\n十个工作日以内，企业办事更加便捷\n高效，项目落地跑出了加速度。\n",
        "今年全市全面推行工程建设项目分阶段并联审批，审批时限压缩至四十个工作日以内，企业办事更加便捷高效，项目落地跑出了加速度。",
        id="line_ends_on_a_word_boundary"),
])
def test_doubled_crosshead_above_a_first_text_line_cut_by_a_column_break(text, paragraph):
    page = FEATURE_TOP + DOUBLED + text
    result = segment_page(page)
    (feature,) = result.articles
    assert feature.kind == "feature"
    assert [b.kind for b in feature.blocks] == ["p", "h", "p"]
    assert feature.crossheads == ["工程建设项目审批制度改革不断完善"]
    assert feature.paragraphs[-1] == paragraph
    assert ("duplicate_crosshead", "工程建设项目审批制度改革不断完善") in [(r.reason, r.text) for r in result.residue]
    check_nothing_lost(page, result)


BOOKS_TOP = ("书香浸润机关 阅读点亮初心\n——市直机关推进书香机关建设纪实\n\n本报通讯员 金鑫\n\n"
             "今年以来，市直机关工委把全民阅读作为加强机关党建的重要抓手，推动读书活动走深走实。\n\n")


def test_indented_paragraph_start_before_a_column_break_is_prose_not_a_crosshead():
    page = (BOOKS_TOP + "读书活动紧紧围绕深入学习贯彻习近平\n\n"  # 17 wide over a 19-wide column
            "新时代中国特色社会主义思想和党的二十大\n精神，组织党员干部开展读书分享会、经典\n"
            "诵读和主题征文等活动，营造了多读书、读\n好书的浓厚氛围。\n")
    (feature,) = segment_page(page).articles
    assert feature.crossheads == []
    assert feature.paragraphs[-1] == ("读书活动紧紧围绕深入学习贯彻习近平新时代中国特色社会主义思想和党的二十大精神，"
                                      "组织党员干部开展读书分享会、经典诵读和主题征文等活动，营造了多读书、读好书的浓厚氛围。")


def test_short_crosshead_over_an_indented_first_line_is_still_a_crosshead():
    page = (BOOKS_TOP + "机关职工书屋实现全面覆盖\n\n"  # 12 wide; the column is 16, its first line 14
            "全市新建机关职工书屋六十个，\n配备各类图书三万余册，实现市直机\n"
            "关全覆盖。各单位还开设了线上读书\n专栏，方便干部随时随地阅读。\n")
    (feature,) = segment_page(page).articles
    assert feature.crossheads == ["机关职工书屋实现全面覆盖"]
    assert feature.paragraphs[-1] == "全市新建机关职工书屋六十个，配备各类图书三万余册，实现市直机关全覆盖。各单位还开设了线上读书专栏，方便干部随时随地阅读。"


def test_subject_line_wider_than_the_text_column_below_it_is_part_of_the_headline():
    page = ("特色产业兴\n乡村振兴路更宽\n靖宇县孤家子镇发展庭院经济带动农民增收\n"  # 19 wide, no blank below
            "走进靖宇县孤家子镇农户庭院，\n一排排大棚整齐排列，棚内的香菇长\n势喜人。近年来，孤家子镇因地制宜\n"
            "发展庭院经济，带动农民增收致富。\n\n今年，全镇种植户达三百余户，\n户均增收五千元以上。\n")
    result = segment_page(page)
    (article,) = result.articles
    assert (article.headline, article.subheadline) == ("特色产业兴 乡村振兴路更宽", "靖宇县孤家子镇发展庭院经济带动农民增收")
    assert article.paragraphs == [
        "走进靖宇县孤家子镇农户庭院，一排排大棚整齐排列，棚内的香菇长势喜人。近年来，孤家子镇因地制宜发展庭院经济，带动农民增收致富。",
        "今年，全镇种植户达三百余户，户均增收五千元以上。",
    ]
    check_nothing_lost(page, result)


HEATING = """本报讯（记者 王芳）入冬以来，
市供热公司提前启动管网巡检，
对全市供热管网进行全面排查，
确保居民温暖过冬。

截至目前，已完成老旧供热管网
改造三十公里。
"""
RENOVATION = """本报讯（通讯员 李强）日前，市
住建局对老旧小区改造工程进行
验收，共惠及居民一万二千户，
小区面貌焕然一新。
"""


@pytest.mark.parametrize("above, headline, subject", [
    pytest.param("", "管网改造暖民心", "老旧小区改造工程通过验收", id="story_above_unheaded"),
    pytest.param("供热管网巡检全面展开\n\n", "全市供热管网改造提速", "一万二千户居民小区面貌焕然一新",
                 id="story_above_headed"),
    pytest.param("", "全市供热管网改造提速", "一万二千户居民小区面貌焕然一新", marks=pytest.mark.xfail(
        strict=True, reason=("the story above has no head of its own (NO_HEAD_ABOVE_BONUS) and each line shares "
                             "words with one neighbour: the adjacent-split penalty (0.3) is outweighed and the "
                             "two lines are split between the two stories")), id="story_above_unheaded_lines_pulled_apart"),
])
def test_two_heading_lines_without_a_blank_between_them_are_not_split(above, headline, subject):
    page = above + HEATING + "\n" + headline + "\n" + subject + "\n\n" + RENOVATION
    result = segment_page(page)
    assert len(result.articles) == 2
    assert (headline, subject) in [(a.headline, a.subheadline) for a in result.articles]
    check_nothing_lost(page, result)


CLINIC = """本报讯（记者 王芳）日前，市
中心医院组织医疗专家走进社区
开展义诊活动，为居民免费测量
血压、血糖，提供健康咨询。
"""


@pytest.mark.parametrize("head, headline", [
    ("社区义诊暖人心\n", "社区义诊暖人心"),
    ("义诊进社区\n健康送到家\n", "义诊进社区 健康送到家"),
], ids=["one_line", "couplet"])
def test_heading_above_a_section_label_is_not_the_title_of_the_photo_after_it(head, headline):
    page = CLINIC + "\n" + head + "\n图片新闻\n\n" + "8月16日，医护人员在社区义诊现场为老人测量血压。\n\n本报通讯员 龙飞 摄\n"
    result = segment_page(page)
    (photo,) = by_kind(result, "photo")
    assert photo.headline is None
    assert photo.paragraphs == ["8月16日，医护人员在社区义诊现场为老人测量血压。"]
    assert heads(result)[headline].byline == "本报讯（记者 王芳）"
    assert ("page_furniture", "图片新闻") in [(r.reason, r.text) for r in result.residue]
    check_nothing_lost(page, result)


@pytest.mark.parametrize("head", ["图书馆活动丰富多彩", "图书馆里书香浓", "少儿读书节开幕"],
                         ids=["shares_words_with_both", "shares_fewer_words", "names_its_story"])
def test_story_with_nothing_above_it_takes_the_head_below_it(head):
    page = ("记者从市住建局获悉，今年全市\n老旧小区改造工程已全部完工。\n\n"
            "本报讯（记者 王芳）近日，市图\n书馆举办少儿读书节，吸引了上\n千名小读者参加，共借阅图书两\n万余册。\n\n"
            + head + "\n\n"
            "本报讯（通讯员 李强）日前，县\n图书馆开展送书下乡活动，为农\n家书屋送去图书五千余册。\n")
    result = segment_page(page)
    assert [(a.headline, a.byline) for a in result.articles] == [
        (None, None), (head, "本报讯（记者 王芳）"), (None, "本报讯（通讯员 李强）")]
    check_nothing_lost(page, result)


WIRE_WIDE = WIRE + """
工程计划于2028年建成通车，届时将与沪宁沿江高铁等线路相连，进一步织密长三角地区的
高速铁路网络，为沿线群众出行提供更多选择，为区域经济社会发展注入新的动能和持久活力。
"""


@pytest.mark.parametrize("page", [
    WIRE_WIDE + "\n沪宁合高铁上海段开工建设\n",  # headline printed after the text
    "沪宁合高铁上海段开工建设\n\n" + WIRE_WIDE,
], ids=["headline_after", "headline_before"])
def test_dateline_on_its_own_line_above_wide_text_keeps_all_its_paragraphs(page):
    result = segment_page(page)
    (article,) = result.articles
    assert article.headline == "沪宁合高铁上海段开工建设"
    assert (article.byline, article.authors) == ("新华社上海6月27日电（记者 侯缜）", ["侯缜"])
    assert [p[:6] for p in article.paragraphs] == ["记者27日从", "据介绍，该线", "工程计划于2"]
    check_nothing_lost(page, result)


def test_wrapped_line_pair_shaped_like_a_couplet_is_not_a_headline():
    page = ("纪检监察工作高质量发展\n——市纪委监委推进改革工作纪实\n\n本报通讯员 金鑫\n\n"
            "今年以来，市纪委监委坚持以改革精神推动工作创新，各项工作取得新成效。\n\n"
            "完善党和国家监\n督体系的历史性探索\n\n"
            "市纪委监委深化派驻机构改革，\n推动监督触角向基层延伸，构建\n起全覆盖的监督网络。\n")
    result = segment_page(page)
    assert [a.headline for a in result.articles] == ["纪检监察工作高质量发展"]
    assert "完善党和国家监督体系的历史性探索" in "".join(result.articles[0].paragraphs)
    check_nothing_lost(page, result)


def test_text_closed_by_an_inline_jump_marker_ends_before_the_leads_wide_intro():
    """增长（下转第一版）: nothing of that story follows on this page, so the wide text after it is the lead's."""
    page = ("提升政务服务水平 助力高质量发展\n——县政数局工作综述\n\n本报通讯员 王晓东\n\n"
            + HEAD_A + "\n" + STORY_A.rstrip("\n")[:-1] + "，累计\n整改到位三十余项，同比增长（下转第一版）\n\n"
            "一年来，县政数局始终坚持以人民为中心，紧紧围绕改革痛点堵点问题，坚持优化政务服务流程，\n"
            "全力打造高效便捷的政务服务体系，全面优化全县营商环境，被评为全省先进档次。\n")
    result = segment_page(page)
    story = heads(result)["开展安全检查 守护平安冬季"]
    assert story.continued_to == "下转第一版"
    assert story.paragraphs[-1].endswith("同比增长")
    (feature,) = by_kind(result, "feature")
    assert feature.paragraphs[0].startswith("一年来，县政数局")
    check_nothing_lost(page, result)


def test_on_a_lead_page_a_headline_between_a_section_and_a_story_heads_the_story():
    """The lead's head-less section shares more of the headline's words than the story under it, which takes it.

    On a lead's page head-less prose is most often one of the lead's scattered
    sections (``ORPHAN_ON_LEAD_PAGE_PENALTY``).
    """
    page = ("深化服务改革 解决群众难题\n——区政务服务局工作侧记\n\n本报通讯员 钱坤\n\n"
            "年初以来，区政务服务局持续深化“放管服”改革，为项目建设提速度、为经济发展添活力。\n\n"
            "区政务服务局深入贯彻营商环境\n建设会议部署，召开全区推进会，\n为全区经济发展提供有力支撑，\n"
            "打造一流营商环境。\n\n"
            "项目建设提速\n经济发展添劲\n本报讯（记者 谢雨欣）８月１０日，\n全市举行重点项目集中开工仪\n"
            "式，十二个项目总投资四十六亿\n元，项目建设涵盖新能源、现代\n物流等领域。\n")
    result = segment_page(page)
    story = heads(result)["项目建设提速 经济发展添劲"]
    assert story.authors == ["谢雨欣"]
    assert story.paragraphs[0].startswith("8月10日，全市举行")
    (feature,) = by_kind(result, "feature")
    assert any(p.startswith("区政务服务局深入贯彻") for p in feature.paragraphs)
    check_nothing_lost(page, result)


def test_wide_text_after_the_last_brief_and_a_blank_is_not_the_briefs():
    page = ("要闻简报\n\n"
            "●供暖管网改造完工  记者从市住\n建局获悉，管网改造工程已全部\n完工，居民冬季供暖有保障。\n\n"
            "一年来，县政数局始终坚持以人民为中心，紧紧围绕改革痛点堵点问题，坚持优化政务服务流程，\n"
            "全力打造高效便捷的政务服务体系，被评为全省先进档次。\n")
    result = segment_page(page)
    brief = heads(result)["供暖管网改造完工"]
    assert brief.paragraphs == ["记者从市住建局获悉，管网改造工程已全部完工，居民冬季供暖有保障。"]
    check_nothing_lost(page, result)


@pytest.mark.parametrize("jump", [
    "力争全年目标任务圆满完成\n。（下转第四版）\n",  # the marker closing the text's last line
    "为项目建设提供全\n（下转第四版）\n",            # the marker on a line of its own
])
def test_text_after_a_story_that_jumped_to_another_page_does_not_go_on_with_it(jump):
    """Same column, no heading between: still not the story's, whose text went on to page 4."""
    page = (HEAD_A + "\n本报讯（记者 王芳）近日，\n全市开展冬季安全生产大检\n查，排查整治隐患四十多项，\n" + jump + "\n"
            "县政数局组织各部门开展培\n训指导，在十二个卡口设置\n宣传展板，累计备案车辆两\n万余次。\n")
    result = segment_page(page)
    story = heads(result)["开展安全检查 守护平安冬季"]
    assert story.continued_to == "下转第四版"
    assert not any("县政数局" in p for p in story.paragraphs)
    check_nothing_lost(page, result)


def test_one_line_couplet_is_not_paired_with_the_subject_line_under_it():
    """``送岗位进社区　助力稳就业`` is a whole couplet: the line under it, as wide, is its subject line."""
    page = ("送岗位进社区　助力稳就业\n舒兰市举办秋季人才招聘会\n\n" + STORY_A)
    (article,) = segment_page(page).articles
    assert (article.headline, article.subheadline) == ("送岗位进社区 助力稳就业", "舒兰市举办秋季人才招聘会")


def test_text_after_a_trailing_credit_in_the_same_column_is_another_article():
    """（记者 贾鹏） closes its article: the section of a feature set under it is not that story's."""
    page = (LEAD + "\n守护绿水青山 建设美丽家园\n\n"
            "今年以来，全县坚持生态优\n先，深入打好蓝天碧水保卫战，\n空气质量优良天数持续提升。\n"
            "该县持续开展河湖专项行\n动，累计清理河道垃圾一万余\n立方米，实现河湖管护全覆盖。\n(记者 贾鹏)\n\n"
            "政府数字化水平不断提高\n县政数局组织各部门进行备案\n培训指导，在卡口设置宣传展板，\n积极推广线上备案服务。\n")
    result = segment_page(page)
    story = heads(result)["守护绿水青山 建设美丽家园"]
    assert story.authors == ["贾鹏"]
    assert story.paragraphs[-1].endswith("实现河湖管护全覆盖。")
    (feature,) = by_kind(result, "feature")
    assert any("县政数局" in p for p in feature.paragraphs)
    check_nothing_lost(page, result)


def test_a_finished_subtitle_closes_its_headline_block():
    """After ``——…述要`` and a blank line, a new heading line with a byline is another article's head."""
    page = ("（作者为中国社会科学院研究员）\n\n"
            "加快构建新时代中国特色社会学\n——“新时代中国特色社会体制改革与社会治理\n创新研讨会”述要\n\n"
            "实现合作共赢的伟大创举\n石云霞\n\n"
            "习近平同志在党的十九大报告\n中指出，中国坚持对外开放的基本国\n策，坚持打开国门搞建设，积极促进\n"
            "国际合作，打造国际合作新平台。\n")
    result = segment_page(page)
    essay = heads(result)["实现合作共赢的伟大创举"]
    assert essay.authors == ["石云霞"]
    assert essay.subheadline is None
    check_nothing_lost(page, result)


def test_a_long_paragraph_before_a_caption_is_not_part_of_it():
    """Under a crosshead, a section of 200-odd characters, then a two-line caption and its credit."""
    section = ("压缩办理时限提升审批效率。按照省\n市营商环境大会精神，结合全市压缩政务\n审批时间的最低要求，积极组织全\n"
               "区相关部门，继续优化政务审批工作流程，\n压缩审批时限，实现改革向内让利群众和\n企业的主要目的。推进全流程审批系统向\n"
               "基层延伸。按照市政数局要求，铁西区承\n接新版全流程审批系统向基层延伸试点工\n作，通过专业考试选拔了一批综合素质高、\n"
               "接受新鲜事物快的工作人员，充实到基层\n一线，专门从事全流程审批系统的业务操\n作工作，切实解决群众事项中遇到的问题。\n\n")
    page = (LEAD + "\n全面提升政务服务水平全面提升政务服务水平\n\n" + section +
            "近日，四平市举办中秋节主题活动，\n孩子们在老师的带领下学做月饼，感受传\n统文化魅力，活动吸引了上百名市民和游\n"
            "客参与，现场气氛热烈，欢声笑语不断。\n大家纷纷点赞。\n\n胡斌 文/图\n")
    result = segment_page(page)
    (photo,) = by_kind(result, "photo")
    assert photo.paragraphs[0].startswith("近日，四平市举办中秋节主题活动")
    (feature,) = by_kind(result, "feature")
    assert any(p.startswith("压缩办理时限") for p in feature.paragraphs)
    check_nothing_lost(page, result)


def test_a_credit_wrapped_over_two_lines_ends_its_paragraph_before_a_caption():
    """（据新华社武汉 / 7月12日电） closes the story: the caption under it, same column, is the photo's."""
    page = (HEAD_A + "\n近日，铁东区政务服务中心正式\n推行企业开办服务模式，将营业执\n照办理等环节整合到一个窗口，企\n"
            "业开办时间大幅压缩。（据新华社武汉\n7月12日电）\n\n"
            "日前，梨树县妇联组织召开\n了新修订《妇女权益保障法》专\n题学习会，为促进男女平等提供\n坚实的法律保障。\n\n本报通讯员\n曾艳 摄\n")
    result = segment_page(page)
    (photo,) = by_kind(result, "photo")
    assert photo.paragraphs[0].startswith("日前，梨树县妇联")
    assert photo.photographers == ["曾艳"]
    story = heads(result)["开展安全检查 守护平安冬季"]
    assert story.byline == "（据新华社武汉7月12日电）"
    check_nothing_lost(page, result)


def test_a_headline_in_another_essays_cluster_of_heads_heads_the_essay_it_restates():
    """A page that prints several essays' heads together leaves one essay headless and the cluster to another.

    The cluster's line whose words are the headless essay's (and not its
    own unit's) heads that essay; the rest stay with the essay under them.
    """
    sea = ("海洋是高质量发展的战略要地。建设海洋强国，必须\n完善海洋法律体系，以法治保障海洋权益，推进海洋\n"
           "法律体系建设，让海洋强国建设于法有据。\n（作者为中国海洋大学法学院教授）\n\n")
    cluster = "数字经济推动产业转型升级\n\n建设海洋强国需完善海洋法律体系\n\n为高质量发展注入新动能\n\n坚持创新驱动发展\n\n王建国\n\n"
    digital = ("数字经济是推动产业转型升级的重要力量。发展数字\n经济，要推动数字技术与实体经济深度融合，为产业\n"
               "转型升级注入新动能，以创新驱动高质量发展。\n（作者为浙江大学经济学院教授）\n")
    page = sea + cluster + digital
    result = segment_page(page)
    sea_essay, digital_essay = result.articles
    assert sea_essay.headline == "建设海洋强国需完善海洋法律体系"
    assert sea_essay.paragraphs[0].startswith("海洋是高质量发展的战略要地")
    assert digital_essay.headline.startswith("数字经济推动产业转型升级")
    assert digital_essay.authors == ["王建国"]
    check_nothing_lost(page, result)


@pytest.mark.parametrize("box, before, after", [
    pytest.param("防风险\n\n严监管\n", "国在关心海洋、认识海洋、经略海洋", "方面已经积累了一定经验，为海洋强", id="kicker_fragments"),
    pytest.param("江\n\n张济坤\n", "国在关心海洋、认识海洋、经略海洋", "方面已经积累了一定经验，为海洋强", id="author_name"),
    pytest.param("坚持和加强党的全面领导\n", "国在关心海洋、认识海洋、推进海洋建", "设方面已经积累了一定经验，为海洋强", id="break_splits_a_word"),
])
def test_text_cut_by_a_box_printed_inside_its_column_goes_on_after_it(box, before, after):
    """The sentence a box of heading lines cut mid-column goes on in the same paragraph."""
    page = ("建设海洋强国需完善海洋法律体系\n\n王海\n\n海洋是高质量发展的战略要地，建设\n"
            "海洋强国是实现中华民族伟大复兴的\n重大战略任务。经过多年的发展，我\n"
            f"{before}\n\n{box}\n{after}\n国建设打下了坚实基础。\n")
    result = segment_page(page)
    essay = heads(result)["建设海洋强国需完善海洋法律体系"]
    assert essay.paragraphs[-1].endswith(before + after + "国建设打下了坚实基础。")
    check_nothing_lost(page, result)


def test_a_crosshead_after_text_cut_mid_sentence_still_heads_its_section():
    """A crosshead is no box: after a cut sentence (its tail moved away) it heads the section under it."""
    page = (LEAD + "\n优化政务审批服务\n\n压缩办理时限提升审批效率。按照省市\n营商环境大会精神，结合全市压缩政务审批\n"
            "时间的最低要求，积极组织全区相关部门，\n继续优化政务审批工作流程，压缩审批时\n"
            "限，通过专业考试选拔的方式初筛了一批综\n合素质高、业务能力强，接受新鲜事物快的\n\n"
            "强化政府网站和政务公开工作\n\n"
            "紧紧围绕区委、区政府中心工作，着力强化\n正面宣传、信息发布、互动回应等网站功\n能。统筹推进政务新媒体健康有序发展。常态化\n做好政务新媒体管理工作。\n")
    result = segment_page(page)
    (feature,) = by_kind(result, "feature")
    assert "强化政府网站和政务公开工作" in feature.crossheads
    assert any(p.startswith("紧紧围绕区委") for p in feature.paragraphs)
    check_nothing_lost(page, result)


@pytest.mark.parametrize("credit", ["翟桂溪作（新华社发）", "新华社记者 徐 昱摄"])
def test_a_credit_after_a_long_paragraph_credits_a_picture_with_no_caption(credit):
    """A drawing's or photo's credit after an essay's text takes none of it as a caption."""
    essay = ("我们要在继续推动发展的基础上，着力解决好发展不平衡不充分问题，大力提升发展质量和效益，"
             "更好满足人民在经济、政治、文化、社会、生态等方面日益增长的需要。") * 3
    lines = "\n".join(essay[i:i + 15] for i in range(0, len(essay), 15))
    page = f"准确把握社会主要矛盾的变化\n\n严书翰\n\n{lines}\n\n{credit}\n"
    result = segment_page(page)
    (article,) = result.articles
    assert article.headline == "准确把握社会主要矛盾的变化"
    assert "".join(article.paragraphs) == essay
    check_nothing_lost(page, result)


def test_on_a_lead_page_text_signed_by_an_author_note_takes_the_one_line_head_above_it():
    """Orphan text closed by its own author note is an essay, not the lead's section: its head is a headline."""
    page = (LEAD + "\n加强党的政治建设不能有半点含糊\n\n党的十九大报告强调新时代党的建设要以党\n的政治建设为统领，"
            "把党的政治建设摆在首\n位，在态度上不能有半点含糊。\n（作者为山东大学教授）\n")
    result = segment_page(page)
    essay = heads(result)["加强党的政治建设不能有半点含糊"]
    assert essay.paragraphs[-1] == "（作者为山东大学教授）"
    check_nothing_lost(page, result)


@pytest.mark.parametrize("title", [["新时代：", "新时代", "：发展新方位 奋进新目标"], ["新时代", "：发展新方位 奋进新目标"]])
def test_a_title_split_at_its_colon_is_one_headline_and_its_word_drawn_twice_is_left_out(title):
    page = ("\n".join(title) + "\n陈曙光\n\n从现代化国家升级为现代化强国，意\n味着新目标不是建成一般意义上的社\n"
            "会主义现代化国家。\n")
    result = segment_page(page)
    (essay,) = result.articles
    assert (essay.headline, essay.authors) == ("新时代：发展新方位 奋进新目标", ["陈曙光"])
    check_nothing_lost(page, result)


def test_a_head_stacked_above_another_essays_head_heads_the_far_text_it_restates():
    """A head printed straight above another essay's head is no crosshead of that essay's text.

    It heads the headless text whose words it restates.
    """
    page = ("加快构建新时代中国特色社会学\n——社会治理创新研讨会述要\n\n实现合作共赢的伟大创举\n石云霞\n\n"
            "共建一带一路倡议提出以来，沿线国\n家积极参与，政策沟通、设施联通、贸\n易畅通成效显著。\n"
            "（作者为武汉大学教授）\n\n侯利文\n"
            "社会治理创新研讨会近日在上海举\n行。与会者认为，社会学者应加强理\n论提炼，为加快构建新时代中国特色\n"
            "社会学作出贡献。\n")
    result = segment_page(page)
    essay = heads(result)["实现合作共赢的伟大创举"]
    assert not essay.crossheads
    report = heads(result)["加快构建新时代中国特色社会学"]
    assert report.authors == ["侯利文"]
    assert report.paragraphs[0].startswith("社会治理创新研讨会")
    check_nothing_lost(page, result)


def test_a_banner_printed_among_another_essays_heads_titles_the_subtitled_essay_it_restates():
    """An essay printed as ``——subtitle`` and byline lacks its headline: the banner over it is elsewhere.

    Extracted far away, in another essay's group of heads, the banner first
    goes to that essay's signed section under the group; it restates the
    subtitled essay's words far more, so it titles that essay, and the
    section, headless again, joins the essay signed nearest before it.
    """
    green = ("当前，我国生态文明建设正处于关\n键期。推动绿色发展，建设美丽中国，\n是新时代的重要任务。绿色发展\n"
             "是构建高质量现代化经济体系的必\n然要求，是解决污染问题的根本之\n策。建设美丽中国，要坚持绿色发\n"
             "展理念，推动形成绿色发展方式和\n生活方式，让美丽中国建设落到实处。\n")
    village = ("乡村振兴是新时代的重大战略。基层干部普遍认为，推进乡村振兴，要坚持农业农村优先发展，\n"
               "加快补齐农村基础设施短板，让农民群众有更多获得感。\n")
    section = ("许多基层干部认为，乡村振兴关键在人。要培养一支懂农业、爱农村、爱农民的工作队伍，\n"
               "让人才在乡村大有作为。也有干部提出，乡村振兴要因地制宜，发展特色产业，壮大集体经济，\n"
               "让乡村成为美丽中国的重要组成部分。\n（作者为中国农业大学教授）\n")
    page = ("——深入学习关于生态文明建设的重要论述\n李明\n\n" + green + "\n王芳\n\n" + village
            + "\n基层干部对乡村振兴的看法\n\n多方合力推进乡村振兴\n\n推动绿色发展 建设美丽中国\n\n" + section)
    result = segment_page(page)
    green_essay, village_essay = result.articles
    assert (green_essay.headline, green_essay.authors) == ("推动绿色发展 建设美丽中国", ["李明"])
    assert green_essay.subheadline == "深入学习关于生态文明建设的重要论述"
    assert village_essay.authors == ["王芳"]
    assert village_essay.paragraphs[-1] == "（作者为中国农业大学教授）"
    check_nothing_lost(page, result)


@pytest.mark.parametrize("head_above", [False, True])
def test_heading_lines_between_a_subtitled_byline_and_its_text_title_its_first_section(head_above):
    """Under ``——…`` and a byline, the heading lines before the text are its first crosshead.

    With a headline of its own above the byline, a lead's text is
    elsewhere on the page: the heading lines after it head another story.
    """
    top = "推进合作共赢\n" if head_above else ""
    page = (f"{top}——深入学习关于开放发展的重要论述\n范祚军\n\n形成全面开放\n新格局的重大举措\n"
            "当前，我国发展正从引进来向引进\n来和走出去并重转变，开放型经济\n水平不断提升。\n")
    result = segment_page(page)
    (article,) = result.articles
    if head_above:
        assert (article.headline, article.crossheads) == ("形成全面开放 新格局的重大举措", [])
    else:
        assert (article.authors, article.crossheads) == (["范祚军"], ["形成全面开放", "新格局的重大举措"])
    check_nothing_lost(page, result)


def test_a_signed_text_with_no_headline_takes_the_heading_lines_after_it():
    """A byline with nothing above it leaves its text headless: the heads after that text are its own.

    The story under the heads has its own headline after its body, as the
    page prints them; both texts share the headline's words alike.
    """
    page = ("本报记者 袁媛\n\n入冬以来，全市中小学利用操场浇\n筑冰场，开设滑冰课程，冰雪课程\n"
            "走进校园，学生快乐体验滑冰。\n\n冰雪运动进校园\n快乐体验促健康\n\n"
            "本报讯（通讯员 胡斌）日前，全市\n冰雪运动季开幕，市民快乐参加冰\n雪运动，体验冰雪，健康意识增强。\n\n"
            "全民健身热\n赛场展风采\n")
    result = segment_page(page)
    essay = heads(result)["冰雪运动进校园 快乐体验促健康"]
    assert essay.authors == ["袁媛"]
    assert heads(result)["全民健身热 赛场展风采"].authors == ["胡斌"]
    check_nothing_lost(page, result)


def test_a_crosshead_drawn_twice_heads_the_section_after_it_not_the_text_above():
    """Between a headless signed text and a feature's section, the doubled line stays the section's crosshead."""
    page = ("提升政务服务水平 助力高质量发展\n——县政数局工作综述\n\n本报通讯员 吴禹浩\n\n"
            "今年以来，县政数局持续深化改革，政务服务水平不断提升，群众办事更加便捷。\n\n"
            "全媒体记者 张馨月\n\n近日，区政务服务中心推行企业开\n办一窗通办服务模式，企业开办时\n间压缩至一个工作日以内。\n\n"
            "深化放管服改革  跑出审批加速度\n\n政务服务水平不断提升政务服务水平不断提升\n\n"
            "全县依申请政务服务事项进驻比例\n达九成，政务服务中心设置自助服\n务区，群众办事更加便捷高效。\n")
    result = segment_page(page)
    report = heads(result)["深化放管服改革 跑出审批加速度"]
    assert report.authors == ["张馨月"]
    assert report.subheadline is None and "政务服务水平不断提升" not in report.crossheads
    (feature,) = by_kind(result, "feature")
    assert "政务服务水平不断提升" in feature.crossheads
    check_nothing_lost(page, result)


def test_a_moved_tail_whose_first_line_stops_short_before_a_number_rejoins_its_sentence():
    """A line stops short where the number after it would not fit: like an indent, but no paragraph start.

    The tail, printed far from its sentence (after the next section),
    completes the section's cut paragraph.
    """
    page = ("提升政务服务水平 助力高质量发展\n——县政数局工作侧记\n\n本报记者 邓欣\n\n"
            "一年来，县政数局始终坚持以人民为\n中心，全力打造高效便捷的政务服务\n环境，群众满意度持续提升。\n\n"
            "审批制度改革不断完善\n\n"
            "不断推进工程建设项目全流程线上\n审批，全流程审批覆盖率达到百分百。\n重点推进前期协同服务，加快项目落地\n"
            "生成一单五清告知单和协同服务码。截\n至目前，工改系统在线\n\n"
            "营商环境不断优化\n\n重新调整了县营商环境建设领导小\n组成员，设立了开办企业、办理建筑许\n"
            "可等专项小组，出台优化提升方案，进\n一步明确工作思路。\n\n"
            "审批项目１５０件，计划完成投资\n３０１．６亿元，打通了群众办事的最\n后一公里，企业和群众办事更加便捷，\n"
            "办事效率明显提高，营商环境持续向好\n发展。\n")
    result = segment_page(page)
    (feature,) = by_kind(result, "feature")
    assert any(p.endswith("截至目前，工改系统在线审批项目150件，计划完成投资301.6亿元，打通了群众办事的最后一公里，"
                          "企业和群众办事更加便捷，办事效率明显提高，营商环境持续向好发展。")
               for p in feature.paragraphs)
    check_nothing_lost(page, result)


@pytest.mark.parametrize("opening", ["近日,", "日前,", "今年以来,", "11月17日，"])
def test_a_subject_line_straight_above_text_that_opens_a_sentence_is_part_of_the_headline(opening):
    """A subject line an indent short of the text under it, with no blank between, is no paragraph's first line.

    A first line, unfinished, runs on into the line below; it cannot run on
    into a sentence that opens there. (The text's own first line holds an
    ASCII comma or digits, so its indent cannot be measured.)
    """
    page = ("深化放管服改革\n跑出审批加速度\n绿园区企业开办实现一日办结\n"
            f"{opening}绿园区政务服务中心正式推\n行企业开办一窗通办服务模式，将营业\n执照办理、公章刻制、税务登记等环节整\n"
            "合到一个窗口，企业开办时间由原来的\n四个工作日压缩至一个工作日以内。\n")
    result = segment_page(page)
    (article,) = result.articles
    assert (article.headline, article.subheadline) == ("深化放管服改革 跑出审批加速度", "绿园区企业开办实现一日办结")
    assert article.paragraphs[0].startswith(opening.replace(",", "，"))
    check_nothing_lost(page, result)


def test_a_text_headed_from_above_leaves_the_heading_lines_after_it_to_the_next_story():
    """A signed text whose own heads stand straight above it does not take the couplet after it.

    The couplet shares words with each text (服务, 贴心 with the first, 义诊
    with the second); the subject line under it restates the second. Given to
    the first text, the couplet would leave its own heads above it to be
    read as crossheads.
    """
    page = ("深化改革 跑出审批加速度\n城区企业开办实现一日办结\n\n"
            "近日，城区政务服务中心推行企业开办\n一窗通办模式，将执照办理、税务登记\n"
            "等环节整合到一个窗口，企业开办时间\n由原来的三天缩短至一天，服务更加贴\n心。\n"
            "（记者 蒋睿）\n\n"
            "健康义诊进乡村 贴心服务暖人心\n\n东丰县开展健康下乡义诊活动\n\n"
            "本报讯（通讯员 胡斌）近日，东丰县卫生\n健康局组织医务人员走进乡镇开展健康\n"
            "下乡义诊活动，为群众提供免费健康咨\n询和常见病诊疗，义诊活动受到欢迎。\n")
    result = segment_page(page)
    first = heads(result)["深化改革 跑出审批加速度"]
    assert first.subheadline == "城区企业开办实现一日办结" and first.authors == ["蒋睿"]
    second = heads(result)["健康义诊进乡村 贴心服务暖人心"]
    assert second.subheadline == "东丰县开展健康下乡义诊活动" and second.authors == ["胡斌"]
    check_nothing_lost(page, result)
