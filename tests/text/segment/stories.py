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
