"""Small pages the segmentation tests share, and the checks they make on a result."""

from banmian.tasks.text.accounting import lost_characters
from banmian.tasks.text.segment import segment_page

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


def heads(result):
    """The articles of a result by headline."""
    return {a.headline: a for a in result.articles}


def by_kind(result, kind):
    """The articles of a result of one kind (news, photo, feature)."""
    return [a for a in result.articles if a.kind == kind]


def check_nothing_lost(text, result):
    """Every character of the page is in an article field or a residue."""
    assert not lost_characters(text, result)


def segment_checked(page):
    """``segment_page(page)``, checked to lose no character of the page."""
    result = segment_page(page)
    check_nothing_lost(page, result)
    return result


# --- a signed essay with a series of crossheads set in boxes (the theory pages' habit) -----------------

ESSAY_INTRO = "实施乡村振兴战略，是党的十九大作出的重大决策部署，是决胜全面建成小康社会、全面建设社会主义现代化国家的重大历史任务。"
ESSAY_SECTIONS = (
    ["产业兴旺是乡村振兴的重点。要推动农村一二三产业融合发展，延长产业链、提升价值链，让农民合理分享全产业链增值收益。",
     "各地要立足资源禀赋，发展特色种养业和农产品加工业，培育新产业新业态，拓宽农民增收渠道。"],
    ["人才振兴是乡村振兴的关键。要把人力资本开发放在首要位置，培养造就一支懂农业、爱农村、爱农民的工作队伍。",
     "要鼓励外出农民工、高校毕业生返乡创业，让愿意留在乡村、建设家乡的人留得安心。"],
)
#: Two crossheads alike (``…把握乡村振兴的…``), each in a box narrower than the column, wrapped mid-word.
ESSAY_BOXES = (["从产业发展把", "握乡村振兴的", "着力点"], ["从人才培养把", "握乡村振兴的", "支撑点"])


#: A third section, whose box the page prints at the top of a column, apart, over the tail of its text.
ESSAY_CUT_SECTION = ("生态宜居是乡村振兴的关键。要统筹山水林田湖草系统治理，加强农村突出环境问题综合治理，"
                     "建设美丽乡村，让良好生态成为乡村振兴的支撑点。")
#: The box of that section, as wide line by line as the series' boxes (6/6/3).
ESSAY_APART_BOX = ["从生态保护把", "握乡村振兴的", "落脚点"]


def essay_with_a_box_apart(box: list[str] = ESSAY_APART_BOX, cut: int = 30, tail_indent: int = 0) -> str:
    """An essay whose first section opens at once under its intro, cut mid-word at ``cut`` where its column ends;
    its crosshead box is printed apart, at the page's end, over the tail (as pdftotext reads a box set at the top
    of the next column). ``tail_indent``: the tail's first line indented, as a paragraph opens."""
    intro = "\n".join(column_lines(ESSAY_INTRO))
    page = essay_page().replace(intro, intro + "\n" + "\n".join(column_lines(ESSAY_CUT_SECTION[:cut])))
    return page + "\n".join(["", "", *box, "", *column_lines(ESSAY_CUT_SECTION[cut:], indent=tail_indent), ""])


def column_lines(text: str, width: int = 16, indent: int = 2) -> list[str]:
    """A paragraph as a narrow column prints it: the first line indented, the rest full."""
    first, rest = text[:width - indent], text[width - indent:]
    return [first] + [rest[k:k + width] for k in range(0, len(rest), width)]


def essay_page(boxes: tuple[list[str], ...] = ESSAY_BOXES, width: int = 16, intro: str | None = ESSAY_INTRO,
               after: str | None = None) -> str:
    """A theory page's signed essay: headline, byline, intro, then each section under its boxed crosshead.

    ``after``: a text set wide at the page's end, as pdftotext emits the block an essay's intro spans.
    """
    out = ["2018 年 3 月 5 日 星期一", "", "7 理论", "", "扎实推进乡村全面振兴", "", "李明", ""]
    out += column_lines(intro, width) if intro else []
    for box, section in zip(boxes, ESSAY_SECTIONS):
        out += [""] + box if out[-1] else box
        for para in section:
            out += column_lines(para, width)
    out += ["（作者为某大学农学院教授）", ""]
    out += ["", *column_lines(after, 2 * width), ""] if after else []
    return "\n".join(out)


# --- a feature wrapped round another essay: its subtitle and byline over the second half of its text --------

#: The first half, under the headline printed at its foot; it stops mid-sentence (``…作用日益``).
WRAPPED_FIRST = ("党的十九大报告明确指出，我国经济已由高速增长阶段转向高质量发展阶段。可以说，2017年我国经济的最大"
                 "亮点是转型发展的态势逐渐稳固，在高质量发展上迈出一大步。",
                 "创新驱动发展战略深入实施，创新成为引领经济发展的主动力，在稳定宏观经济、增进民生福祉方面的作用日益")
#: The second half, under the subtitle and byline: it opens on the tail of the first half's last paragraph.
WRAPPED_SECOND = ("凸显。",
                  "打造先发科技优势，产业结构加速迈向中高端。我国创新指数世界排名从2012年的第三十四位上升到2017年的"
                  "第二十二位，高质量发展的创新动力不断增强。",
                  "数字经济积聚新动能，创造数字新红利。我国已成为世界数字用户最大国、移动支付最大国，数字经济推动高质量"
                  "发展。（作者单位：清华大学国情研究院）")


def wrapped_feature_page(heading: str = "—— 2017 年中国经济亮点回眸\n胡鞍钢", first: tuple[str, ...] = WRAPPED_FIRST,
                         second: tuple[str, ...] = WRAPPED_SECOND, after_first: str = "", in_second: str = "") -> str:
    """pdftotext's order for a feature wrapped round another essay: ``heading`` (subtitle, byline) and the second
    half of the text, then the first half and the headline under it. ``after_first``: a line set after the first
    half; ``in_second``: a line set between the second half's paragraphs (a name set down the gutter)."""
    def col(p: str) -> str:
        return "\n".join(column_lines(p, 16, 0 if len(p) < 16 else 2))
    second_text = "\n".join(col(p) for p in second[:2]) + (f"\n\n{in_second}\n\n" if in_second else "\n") \
        + "\n".join(col(p) for p in second[2:])
    first_text = "\n".join(col(p) for p in first) + (f"\n\n{after_first}" if after_first else "")
    return f"{heading}\n{second_text}\n\n{first_text}\n\n高质量发展迈出一大步\n"
