"""Photo captions: which paragraphs a photo credit closes, and a photo's title."""

import pytest

from banmian.tasks.text.segment import segment_page
from tests.text.segment.stories import CONTINUED, HEAD_A, HEAD_B, LEAD, STORY_A, STORY_B, by_kind, heads, segment_checked


def test_photo_caption_with_credit_split_over_two_lines():
    page = STORY_A + "\n" + HEAD_A + "\n" + "8月16日，法官走进小区\n开展矛盾化解专项行动。\n\n本报通讯员\n张馨月 摄\n"
    result = segment_checked(page)
    photos = [a for a in result.articles if a.kind == "photo"]
    assert len(photos) == 1
    assert photos[0].byline == "本报通讯员 张馨月 摄"
    assert photos[0].photographers == ["张馨月"]
    assert photos[0].paragraphs == ["8月16日，法官走进小区开展矛盾化解专项行动。"]


def test_caption_of_two_paragraphs():
    page = (STORY_A + "\n" + HEAD_A + "\n傍晚时分，市民在公\n园散步。\n\n该步道全长3.5\n公里，配套建设了\n"
            "休息座椅。\n\n于洋 文/图\n")
    (photo,) = [a for a in segment_page(page).articles if a.kind == "photo"]
    assert photo.paragraphs == ["傍晚时分，市民在公园散步。", "该步道全长3.5公里，配套建设了休息座椅。"]
    assert photo.authors == photo.photographers == ["于洋"]


def test_photo_title_and_picture_label():
    page = (STORY_A + "\n" + HEAD_A + "\n图片新闻\n\n义诊服务暖人心\n"
            "8月16日，社区联合医院开展义诊活动，让居民在家门口享受医疗服务。\n\n本报通讯员 龙飞 摄\n")
    result = segment_checked(page)
    (photo,) = [a for a in result.articles if a.kind == "photo"]
    assert photo.headline == "义诊服务暖人心"
    assert photo.paragraphs == ["8月16日，社区联合医院开展义诊活动，让居民在家门口享受医疗服务。"]
    assert any(r.text == "图片新闻" for r in result.residue)


def test_caption_of_two_one_line_paragraphs_of_different_widths():
    page = (STORY_A + "\n" + HEAD_A + "\n"
            "图为市民在新落成的滨河公园里散步健身，尽享秋日的美好时光。\n\n"  # 29 wide
            "滨河公园全长三点二公里，沿线设置了健身步道、儿童乐园和休息座椅等多种便民设施。\n\n"  # 39 wide
            "本报记者 廖凡 摄\n")
    result = segment_checked(page)
    (photo,) = by_kind(result, "photo")
    assert photo.photographers == ["廖凡"]
    assert photo.paragraphs == ["图为市民在新落成的滨河公园里散步健身，尽享秋日的美好时光。",
                                "滨河公园全长三点二公里，沿线设置了健身步道、儿童乐园和休息座椅等多种便民设施。"]
    assert len(heads(result)["开展安全检查 守护平安冬季"].paragraphs) == 2


def test_a_long_paragraph_before_a_caption_is_not_part_of_it():
    """Under a crosshead, a section of 200-odd characters, then a two-line caption and its credit."""
    section = ("压缩办理时限提升审批效率。按照省\n市营商环境大会精神，结合全市压缩政务\n审批时间的最低要求，积极组织全\n"
               "区相关部门，继续优化政务审批工作流程，\n压缩审批时限，实现改革向内让利群众和\n企业的主要目的。推进全流程审批系统向\n"
               "基层延伸。按照市政数局要求，铁西区承\n接新版全流程审批系统向基层延伸试点工\n作，通过专业考试选拔了一批综合素质高、\n"
               "接受新鲜事物快的工作人员，充实到基层\n一线，专门从事全流程审批系统的业务操\n作工作，切实解决群众事项中遇到的问题。\n\n")
    page = (LEAD + "\n全面提升政务服务水平全面提升政务服务水平\n\n" + section +
            "近日，四平市举办中秋节主题活动，\n孩子们在老师的带领下学做月饼，感受传\n统文化魅力，活动吸引了上百名市民和游\n"
            "客参与，现场气氛热烈，欢声笑语不断。\n大家纷纷点赞。\n\n胡斌 文/图\n")
    result = segment_checked(page)
    (photo,) = by_kind(result, "photo")
    assert photo.paragraphs[0].startswith("近日，四平市举办中秋节主题活动")
    (feature,) = by_kind(result, "feature")
    assert any(p.startswith("压缩办理时限") for p in feature.paragraphs)


def test_a_credit_wrapped_over_two_lines_ends_its_paragraph_before_a_caption():
    """（据新华社武汉 / 7月12日电） closes the story: the caption under it, same column, is the photo's."""
    page = (HEAD_A + "\n近日，铁东区政务服务中心正式\n推行企业开办服务模式，将营业执\n照办理等环节整合到一个窗口，企\n"
            "业开办时间大幅压缩。（据新华社武汉\n7月12日电）\n\n"
            "日前，梨树县妇联组织召开\n了新修订《妇女权益保障法》专\n题学习会，为促进男女平等提供\n坚实的法律保障。\n\n本报通讯员\n曾艳 摄\n")
    result = segment_checked(page)
    (photo,) = by_kind(result, "photo")
    assert photo.paragraphs[0].startswith("日前，梨树县妇联")
    assert photo.photographers == ["曾艳"]
    story = heads(result)["开展安全检查 守护平安冬季"]
    assert story.byline == "（据新华社武汉7月12日电）"


@pytest.mark.parametrize("credit", ["翟桂溪作（新华社发）", "新华社记者 徐 昱摄"])
def test_a_credit_after_a_long_paragraph_credits_a_picture_with_no_caption(credit):
    """A drawing's or photo's credit after an essay's text takes none of it as a caption."""
    essay = ("我们要在继续推动发展的基础上，着力解决好发展不平衡不充分问题，大力提升发展质量和效益，"
             "更好满足人民在经济、政治、文化、社会、生态等方面日益增长的需要。") * 3
    lines = "\n".join(essay[i:i + 15] for i in range(0, len(essay), 15))
    page = f"准确把握社会主要矛盾的变化\n\n严书翰\n\n{lines}\n\n{credit}\n"
    result = segment_checked(page)
    (article,) = result.articles
    assert article.headline == "准确把握社会主要矛盾的变化"
    assert "".join(article.paragraphs) == essay


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
    result = segment_checked(page)
    (photo,) = by_kind(result, "photo")
    assert photo.headline is None
    assert photo.paragraphs == ["8月16日，医护人员在社区义诊现场为老人测量血压。"]
    assert heads(result)[headline].byline == "本报讯（记者 王芳）"
    assert ("page_furniture", "图片新闻") in [(r.reason, r.text) for r in result.residue]


@pytest.mark.parametrize("credit, photographers", [("（新华社记者 黄 河 摄）", ["黄河"]), ("(本报记者 龙飞 摄)", ["龙飞"]),
                                                   ("（龙飞 文/图）", ["龙飞"])])
def test_a_photo_credit_in_brackets_closes_its_caption(credit, photographers):
    """A caption's credit set at the end of its last line closes it: the text under it is another story's."""
    page = (STORY_A + "\n" + HEAD_A + "\n今冬气温较往年偏高，一些喜爱户外\n活动的居民纷纷来到公园，随冬日暖\n"
            f"风放飞风筝。{credit}\n" + CONTINUED)
    result = segment_checked(page)
    (photo,) = by_kind(result, "photo")
    assert photo.paragraphs == ["今冬气温较往年偏高，一些喜爱户外活动的居民纷纷来到公园，随冬日暖风放飞风筝。"]
    assert photo.photographers == photographers
    assert not any("放飞风筝" in p for a in result.articles if a is not photo for p in a.paragraphs)


@pytest.mark.parametrize("numbers", [("①", "②", "③"), (" ① ", " ② ", " ③ "), ("1", "2", "3")],
                         ids=["circled", "spaced", "digits"])
def test_a_caption_numbered_by_photo_is_one_caption_back_to_its_first_photo(numbers):
    """图①…图②…图③… then the credit: every part is the group's caption, however many paragraphs it has."""
    first, second, third = numbers
    page = (STORY_A + "\n" + HEAD_A + "\n"
            f"图{first}：1月1日，满载捐助物资的车队运往灾区。\n\n"
            f"图{second}：新年来临之际，全省8个贫困县全部达到脱贫标准。\n\n"
            "近年来，全省加大开发式扶贫力度，改善山区交通。\n\n"
            "图为村民竖起鸣谢碑。\n\n"
            f"图{third}：社区开展义诊活动，居民在家门口享受医疗服务。\n\n"
            "本报记者 杨二 江涛 摄\n")
    result = segment_checked(page)
    (photo,) = by_kind(result, "photo")
    text = "".join(photo.paragraphs)
    assert text.startswith("图") and "鸣谢碑" in text and text.endswith("享受医疗服务。")
    assert photo.photographers == ["杨二", "江涛"]
    assert heads(result)["开展安全检查 守护平安冬季"].paragraphs[-1] == "检查组共出动人员二百余人次，排查整治隐患四十多项。"


#: Parts of a numbered caption set at three column widths: a change of width after a blank starts another unit.
WIDE_PART = "图①：元旦期间，市民在广场观看冰灯展览，冰灯造型各异、流光\n溢彩，吸引了众多游客驻足拍照。\n\n"
MIDDLE_PART = "图②：孩子们在城南的冰雪乐园里\n滑冰嬉戏，笑声不断。\n\n"
NARROW_PARTS = "图②：孩子们在冰雪乐园\n里滑冰嬉戏。\n\n图③：社区志愿者为独居\n老人送去年货。\n\n本报记者 杨二 摄\n"
NARROW_THIRD = "图③：社区志愿者为独居\n老人送去年货。\n\n本报记者 杨二 摄\n"
#: The first part letterspaced by the extractor: with its spaces it is longer than a caption's paragraph.
_SPACED_TEXT = ("元旦期间，市民在城北广场观看冰灯展览，冰灯造型各异、流光溢彩，吸引了众多游客驻足拍照留念，"
                "孩子们在冰灯前追逐嬉戏，老人们三五成群地欣赏冰雕作品，广场上一片欢声笑语。"
                "今年的冰灯展共展出大小冰灯作品三百余件，展期将持续到正月十五。")
SPACED_PART = "".join(" ".join(_SPACED_TEXT[i:i + 40]) + "\n" for i in range(0, len(_SPACED_TEXT), 40))
SPACED_PART = "图 ① ：" + SPACED_PART + "\n"


@pytest.mark.parametrize("parts, first_words", [
    (WIDE_PART + NARROW_PARTS, ["图①", "图②", "图③"]),                 # ① cut off by the width change
    (WIDE_PART + MIDDLE_PART + NARROW_THIRD, ["图①", "图②", "图③"]),   # ① and ② each at a width of their own
    (WIDE_PART + NARROW_THIRD, ["图①", "图③"]),                        # ② printed elsewhere: the numbers still rise
    (SPACED_PART + NARROW_PARTS, ["图①", "图②", "图③"]),               # letterspaced: its spaces are no text
    (WIDE_PART.replace("图①：", "") + NARROW_PARTS, ["图②", "图③"]),    # no number: nothing says it is the caption's
    (WIDE_PART.replace("①", "③") + NARROW_PARTS, ["图②", "图③"]),      # ③ before ②: the numbers do not go on
], ids=["first-cut-off", "chain", "gap", "spaced", "unnumbered", "not-rising"])
def test_numbered_caption_parts_cut_by_the_column_end_in_the_credited_caption(parts, first_words):
    """A numbered caption's parts before the credited one join it when their photo numbers go on into it."""
    page = STORY_A + "\n" + HEAD_A + "\n" + parts + "\n" + HEAD_B + "\n" + STORY_B
    result = segment_checked(page)
    (photo,) = by_kind(result, "photo")
    assert [p[:2] for p in photo.paragraphs] == first_words
    assert photo.photographers == ["杨二"]
    assert heads(result)["书香润童心 阅读伴成长"].paragraphs[0].startswith("日前，")


@pytest.mark.parametrize("parts, kind", [
    ("图①：元旦期间，市民在城北广\n场观看冰灯展览。\n\n图②：孩子们在冰雪乐园里滑\n冰嬉戏。\n", "photo"),
    ("图①：元旦期间，市民在城北广\n场观看冰灯展览。\n\n孩子们在城南的冰雪乐园里滑\n冰嬉戏。\n", "news"),  # one number
], ids=["group", "one-number"])
def test_a_numbered_caption_group_with_no_credit_by_it_is_a_photo_caption(parts, kind):
    """图① then 图②, no credit: the rising numbers say it is the captions of a group of photos."""
    page = STORY_A + "\n" + HEAD_A + "\n" + parts + "\n" + HEAD_B + "\n" + STORY_B
    result = segment_checked(page)
    (caption,) = [a for a in result.articles if a.paragraphs[0].startswith("图①")]
    assert caption.kind == kind
    assert heads(result)["书香润童心 阅读伴成长"].paragraphs[0].startswith("日前，")


GROUP_PARTS = "图①：元旦期间，市民在城北广\n场观看冰灯展览。\n\n图②：孩子们在冰雪乐园里滑\n冰嬉戏。\n"


@pytest.mark.parametrize("page, group_credited", [
    # the group's credit printed just above its numbered caption, after a story: the group's, the story keeps its text
    (HEAD_A + "\n" + STORY_A + "本报记者 杨二 摄\n\n" + GROUP_PARTS + "\n" + HEAD_B + "\n" + STORY_B, True),
    # a credit printed far from the group: nothing says it is the group's; it closes what it follows
    (HEAD_A + "\n" + STORY_A + "本报记者 杨二 摄\n\n" + HEAD_B + "\n" + STORY_B + "\n" + GROUP_PARTS, False),
], ids=["beside", "far"])
def test_a_credit_printed_beside_an_uncredited_numbered_group_is_the_groups(page, group_credited):
    result = segment_checked(page)
    (group,) = [a for a in result.articles if a.paragraphs[0].startswith("图①")]
    assert (group.photographers == ["杨二"]) == group_credited
    story = heads(result)["开展安全检查 守护平安冬季"]
    assert (len(story.paragraphs) == 2) == group_credited


#: A text with no dateline, its last paragraph short (70 characters): the paragraph before a caption, in its column.
TEXT_BEFORE_CAPTION = ("为确保春节期间安全生产形势稳定，全区专题部署节前安全生产工作，认\n真组织开展安全生产大检查。\n\n"
                       "多家企业代表分别发言，大家围绕优化营商环境、提振信心、转型升级、\n融资困难、搭建沟通平台等方面，畅谈当前企业面临的困难，提出发展的\n意见和建议。\n\n")


@pytest.mark.parametrize("caption, paragraphs", [
    # a one-paragraph caption of 56 characters: with the paragraph before, longer than a caption
    ("8月16日，社区联合医院开展了爱心义诊进社区志愿服务活动，让社区\n居民在家门口享受优质医疗服务，提升居民的幸福感。\n",
     ["8月16日，社区联合医院开展了爱心义诊进社区志愿服务活动，让社区居民在家门口享受优质医疗服务，提升居民的幸福感。"]),
    # a caption of two short paragraphs (29 and 39 characters): both the caption's
    ("图为市民在新落成的滨河公园里散步健身，尽享秋日的美好时光。\n\n"
     "滨河公园全长三点二公里，沿线设置了健身步道、儿童乐园和休息座椅等多种便民设施。\n",
     ["图为市民在新落成的滨河公园里散步健身，尽享秋日的美好时光。",
      "滨河公园全长三点二公里，沿线设置了健身步道、儿童乐园和休息座椅等多种便民设施。"]),
], ids=["text-then-caption", "two-paragraph-caption"])
def test_a_caption_takes_no_more_paragraphs_than_a_captions_length(caption, paragraphs):
    """A credit closes the short paragraphs before it only while together they are no longer than a caption."""
    page = HEAD_A + "\n" + TEXT_BEFORE_CAPTION + caption + "\n本报通讯员 龙飞 摄\n"
    result = segment_checked(page)
    (photo,) = by_kind(result, "photo")
    assert photo.paragraphs == paragraphs
    text = heads(result)["开展安全检查 守护平安冬季"].paragraphs
    assert text[-1].startswith("多家企业代表") if len(paragraphs) == 1 else len(text) == 2


#: A story whose paragraphs end short of its column (13 characters), and a photo report's caption with no
#: credit in that column: what happened, then what the photo shows (``图为…``).
SHORT_STORY = "本报讯（记者 王芳）近日，\n全市开展冬季安全生产大检\n查。\n\n检查组共出动人员二百余人\n次，排查隐患。\n"
REPORT_CAPTION = "元旦来临，合肥市长江路悬挂\n起三千盏大红灯笼。图为市民\n在灯下散步。\n"


@pytest.mark.parametrize("page, photo, story_paragraphs", [
    # after a story's text, in its column: the story keeps its two paragraphs, the caption is a photo's
    (HEAD_A + "\n" + SHORT_STORY + "\n" + REPORT_CAPTION,
     ["元旦来临，合肥市长江路悬挂起三千盏大红灯笼。图为市民在灯下散步。"], 2),
    # between a story's paragraphs: the story's text goes on around it
    (HEAD_A + "\n" + SHORT_STORY.replace("\n\n", "\n\n" + REPORT_CAPTION + "\n"),
     ["元旦来临，合肥市长江路悬挂起三千盏大红灯笼。图为市民在灯下散步。"], 2),
    # a caption that only says what its photo shows illustrates the story it is printed in: the story keeps it
    (HEAD_A + "\n" + SHORT_STORY + "\n图为检查组在建筑工地排查\n隐患。\n", None, 3),
    # a numbered item of a group's caption is the group's: no caption on its own
    (HEAD_A + "\n" + SHORT_STORY + "\n2、" + REPORT_CAPTION, None, 3),
], ids=["after-text", "inside-text", "shows-only", "numbered-item"])
def test_a_photo_reports_caption_with_no_credit_is_no_part_of_the_story(page, photo, story_paragraphs):
    """A paragraph that says what happened and closes on what its photo shows is a photo's caption."""
    result = segment_checked(page)
    assert [a.paragraphs for a in by_kind(result, "photo")] == ([photo] if photo else [])
    assert len(heads(result)["开展安全检查 守护平安冬季"].paragraphs) == story_paragraphs


#: An orphan run (no dateline, no head; its first paragraph longer than a caption with the last), a photo credit
#: under its last paragraph, and a short caption under that.
RUN_OPENING = ("为确保项目按期投产，区里成立\n了工作专班，实行一个项目一名\n领导、一套班子、一抓到底的工\n作机制，"
               "专班成员每周\n深入企业走访，现场协调解决\n土地、规划、环评等方面的困\n难，协调供电、供水、供气等\n"
               "配套设施建设，保障项目顺利\n推进。\n\n")
CREDIT_THEN_CAPTION = "\n本报记者 杨二 摄\n元旦来临，合肥市长江路悬挂起\n三千盏大红灯笼。\n"


@pytest.mark.parametrize("last_paragraph, photo, run_paragraphs", [
    # the run's last paragraph goes on with it (项目, 工作专班, 企业): the credit is the caption's under it
    ("目前，工作专班已帮助项目企业\n解决用工难题。\n",
     ["元旦来临，合肥市长江路悬挂起三千盏大红灯笼。"], 2),
    # a paragraph about something else closes on the credit: it is the credit's caption, as printed
    ("傍晚时分，市民在滨河公园新建\n步道上散步。\n",
     ["傍晚时分，市民在滨河公园新建步道上散步。"], 1),
], ids=["credit-over-caption", "credit-under-caption"])
def test_a_credit_printed_over_its_caption_is_the_captions(last_paragraph, photo, run_paragraphs):
    """A credit closes the paragraph before it unless that paragraph goes on with its text and a caption stands under."""
    result = segment_checked(RUN_OPENING + last_paragraph + CREDIT_THEN_CAPTION)
    (credited,) = [a for a in result.articles if a.photographers]
    assert credited.kind == "photo" and credited.photographers == ["杨二"]
    assert credited.paragraphs == photo
    (run,) = [a for a in result.articles if a.paragraphs[0].startswith("为确保项目")]
    assert len(run.paragraphs) == run_paragraphs
