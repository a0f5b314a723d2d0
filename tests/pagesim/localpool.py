"""The second article pool: local city-daily material, and letters to the editor.

News, photos, briefs and features come from the data constants of ``tests/pagegen/corpus.py``
(the seed pages' own articles and the generator's written ones).  That module is loaded by path,
for its constants only: none of the old generator's code runs here.  Letters to the editor
(``编辑同志：`` … signed ``一村民`` … ``8月20日，X镇政府回复：``) were written for this simulator,
in three disjoint sets so configurations can keep them apart.

Pool parts: ``seed`` (the seed pages' articles), ``synth_even`` and ``synth_odd`` (the written
material, split by position).
"""

from __future__ import annotations

import importlib.util
import sys
from functools import lru_cache
from pathlib import Path
from types import ModuleType
from typing import Final

from .stories import Photo, Story

PAGEGEN_CORPUS: Final = Path(__file__).resolve().parents[1] / "pagegen" / "corpus.py"

#: (title, paragraphs, signature, reply) of letters; the salutation 编辑同志： is added in print.
LETTERS: Final[dict[str, tuple[tuple[str, tuple[str, ...], str, str], ...]]] = {
    "a": (
        ("村口路灯何时能亮", (
            "我是卧虎镇西山村的村民。村口通往镇上的那段路有六盏路灯，从今年春天起就一直不亮，晚上出行很不方便，前些天还有村民骑车摔伤。希望有关部门尽快修一修。",
        ), "一村民", "8月20日，卧虎镇政府回复：经现场核实，路灯不亮是线路老化所致。镇里已安排电工更换线路和灯具，目前六盏路灯已全部恢复照明。"),
        ("小区门前积水谁来管", (
            "我家住在铁东区南湖社区。每逢下雨，小区门前的路面就积起很深的水，老人孩子出门只能绕行。我们向物业反映过几次，至今没有解决。",
            "希望相关部门能来看一看，把排水问题彻底解决。",
        ), "读者 刘淑琴", "9月3日，铁东区住建局回复：我局已会同街道对该路段进行勘察，将在本月内完成雨水管网疏通和路面抬高改造，施工期间请居民注意绕行。"),
        ("农村客运班车能否加密", (
            "我们村离县城四十多里，每天只有早晚两趟班车，赶集、看病都不方便。能不能在中午再加一趟？",
        ), "双辽市一村民", "10月12日，双辽市交通运输局回复：经调研，我局已协调客运企业自下月起在该线路增开中午班次，具体时刻将在各站点公示。"),
        ("公园健身器材坏了没人修", (
            "南河公园里的健身器材有好几件已经损坏，有的螺丝松动，有的扶手断裂，存在安全隐患。不少晨练的老人都盼着早点修好。",
        ), "一位晨练的市民", "7月28日，市城市管理局回复：我局已对园内健身器材逐一排查，损坏的9件器材已完成维修，下一步将建立定期巡检制度。"),
    ),
    "b": (
        ("学校门口能否设减速带", (
            "我的孩子在镇中心小学读书。学校门口是一条过境公路，车速很快，每天放学时家长们都提心吊胆。建议在学校门口设置减速带和警示标志。",
        ), "一名学生家长", "11月5日，孤家子镇政府回复：镇里已协调交警部门实地查看，近期将在学校门口前后各设置一道减速带，并安排人员在上下学时段值守。"),
        ("老旧小区加装电梯难在哪", (
            "我住在绿园区一处老旧小区六楼，年纪大了上下楼越来越吃力。听说可以申请加装电梯，但不知道该找哪个部门，手续怎么办。",
            "盼望有关部门给我们讲一讲。",
        ), "读者 孙桂兰", "6月17日，绿园区住建局回复：老旧小区加装电梯由业主自愿申请，可到所在街道便民服务中心咨询办理。我局将派人到该小区现场讲解政策。"),
    ),
    "c": (
        ("冬季供暖温度不达标", (
            "入冬以来，我家室内温度一直在十五六度，家里有老人和孩子，冻得不行。向供热公司打了几次电话，答复总是正在处理。",
        ), "一市民", "12月8日，市供热管理办公室回复：经入户测温，该楼栋因管道堵塞导致温度偏低。供热企业已完成管道清洗，目前室温已达到18℃以上。"),
        ("乡间道路被货车压坏", (
            "我们村到乡里的水泥路修了没几年，近来常有超载货车经过，路面被压得坑坑洼洼，雨天更是泥泞难行。希望有关部门管一管。",
        ), "一村民", "9月26日，万发镇政府回复：镇里已联合交通部门在该路段设置限高限重设施，并将受损路面纳入今年农村公路养护计划，年底前修复完毕。"),
        ("菜市场占道经营何时休", (
            "我家楼下的菜市场，一到早上就有商贩把摊位摆到马路中间，车辆行人挤成一团，垃圾也没人及时清理。希望城管部门管一管。",
        ), "读者 赵振华", "4月9日，铁西区城市管理执法局回复：我局已在该路段划定临时疏导点，安排执法队员每天早市时段巡查，对占道经营依法劝导整改。"),
        ("村里自来水时有时无", (
            "去年村里通了自来水，可今年入夏以来经常停水，一停就是两三天，村民只好又去挑井水。希望有关部门查查原因。",
        ), "榆树台镇几位村民", "7月15日，梨树县水利局回复：经排查，停水系该村供水管道多处渗漏所致。我局已组织施工队更换管道，现已恢复正常供水。"),
    ),
}


def _pagegen_data() -> ModuleType:
    """``tests/pagegen/corpus.py`` loaded by path, for its data constants."""
    spec = importlib.util.spec_from_file_location("_pagesim_pagegen_data", PAGEGEN_CORPUS)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses look their module up while the file runs
    spec.loader.exec_module(mod)
    return mod


@lru_cache(maxsize=1)
def data() -> ModuleType:
    """The old generator's data constants (loaded once)."""
    return _pagegen_data()


def _part(i: int, seed: bool) -> str:
    return "seed" if seed else ("synth_even" if i % 2 == 0 else "synth_odd")


@lru_cache(maxsize=1)
def stories() -> tuple[Story, ...]:
    """Every local story, its pool part in ``extras['part']``."""
    d = data()
    out: list[Story] = []
    for group, seed in ((d.SEED_NEWS, True), (d.SYNTH_NEWS, False)):
        for i, s in enumerate(group):
            out.append(Story(f"local-{s.key}", "local", "news", tuple(s.headline), tuple(s.paras),
                             subheadline=s.subject, extras={"part": _part(i, seed)}))
    for group, seed in ((d.SEED_FEATURES, True), (d.SYNTH_FEATURES, False)):
        for i, f in enumerate(group):
            out.append(Story(f"local-{f.key}", "local", "feature", tuple(f.headline), (f.intro, *f.pre),
                             subheadline=f.subtitle, sections=tuple((h, tuple(ps)) for h, ps in f.sections),
                             extras={"part": _part(i, seed)}))
    for group, seed in ((d.SEED_PHOTOS, True), (d.SYNTH_PHOTOS, False)):
        for i, p in enumerate(group):
            title = (p.title,) if p.title else ()
            out.append(Story(f"local-{p.key}", "local", "photo", title, (),
                             photos=(Photo(tuple(p.paras), None, p.title),), extras={"part": _part(i, seed)}))
    for i, b in enumerate(d.SYNTH_BRIEFS):
        out.append(Story(f"local-brief-{i}", "local", "brief", (b.lead,) if b.lead else (), (b.text,),
                         extras={"part": _part(i, False)}))
    return tuple(out)


def letters(which: str) -> tuple[Story, ...]:
    """The letters of one set as stories (kind ``letter``)."""
    return tuple(Story(f"letter-{which}-{i}", "letters", "letter", (title,), paras, signature=sig, reply=reply)
                 for i, (title, paras, sig, reply) in enumerate(LETTERS[which]))


def names() -> tuple[str, ...]:
    """Names for credits the local stories are given in print."""
    return tuple(data().NAMES)
