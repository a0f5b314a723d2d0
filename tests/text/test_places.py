"""places: provinces, cities and counties named as whole tokens, from cpca's gazetteer, shared names resolved."""

from __future__ import annotations

from collections import Counter

import pytest
from tests.support.paths import SAMPLE

from banmian.tasks.ingest.decode import decode_page
from banmian.tasks.model import Reject
from banmian.tasks.text import places, words
from banmian.tasks.text.places import Context, Place, candidates, place
from banmian.tasks.text.segment import segment_page

SIPING = place("220300")


def found(text: str, page_context: tuple[Place, ...] = ()) -> dict[str, tuple[str | None, str | None, str | None]]:
    """matched text -> (province, city, county) of the places ``text`` names."""
    return {m.matched: (m.place.province, m.place.city, m.place.county)
            for m in places.mentions(places.named(words.cut(text)), page_context)}


# Counties and districts of the seed pages (data/sample), each as the seeds name it.
@pytest.mark.parametrize(("text", "matched", "where"), [
    ("铁西区开展安全生产检查，四平市相关部门参加", "铁西区", ("吉林省", "四平市", "铁西区")),
    ("伊通满族自治县政数局工作综述", "伊通满族自治县", ("吉林省", "四平市", "伊通满族自治县")),
    ("日前，梨树县妇联组织召开学习会", "梨树县", ("吉林省", "四平市", "梨树县")),
    ("四平市铁东区卫健局检查组到辖区", "铁东区", ("吉林省", "四平市", "铁东区")),
    ("双辽市辽东街道党工委", "双辽市", ("吉林省", "四平市", "双辽市")),
    ("严格执行《四平市铁西区人民政府》", "四平市", ("吉林省", "四平市", None)),
    ("为四平经济发展助力", "四平", ("吉林省", "四平市", None)),
    ("依托吉林省工程建设项目审批管理系统", "吉林省", ("吉林省", None, None)),
])
def test_seed_places(text: str, matched: str, where: tuple[str, str | None, str | None]) -> None:
    assert found(text)[matched] == where


def test_the_seed_pages_name_their_counties() -> None:
    """Segmented as the flow does, the two bundled pages name 铁西区, 伊通满族自治县, 梨树县, 铁东区 and 四平 (all in 四平市)."""
    counties: Counter[str] = Counter()
    for path in sorted(SAMPLE.glob("*.txt")):
        page = decode_page(str(path), path.read_bytes(), 0.0)
        assert not isinstance(page, Reject)
        articles = segment_page(page.text).articles
        tokens = [[t for text in [a.headline or "", *a.paragraphs] for t in words.cut(text)] for a in articles]
        for mentions in places.page_mentions(tokens):
            counties.update(m.place.county for m in mentions if m.place.city == "四平市" and m.place.county)
    assert {"铁西区", "伊通满族自治县", "梨树县", "铁东区", "双辽市"} <= set(counties)
    assert counties["铁西区"] >= 5  # articles naming it: most of page 000


@pytest.mark.parametrize("text", [
    "为实现伟大理想而奋斗",        # 大理 inside 伟大理想
    "开展城区噪声污染专项整治",    # 城区: five districts share the name, and it is a common noun
    "市辖区范围内的东区小区",      # 市辖区 is cpca's placeholder, no place; 东区 only inside 东区小区
    "营商环境持续优化",
])
def test_no_place_where_none_is_named(text: str) -> None:
    assert found(text) == {}


def test_a_shared_name_alone_is_not_guessed() -> None:
    assert places.candidates("铁西区") == (place("210106"), place("210303"), place("220302"))
    assert found("铁西区召开会议") == {}


def test_a_shared_name_is_resolved_by_the_article_then_by_the_page() -> None:
    assert found("四平市召开会议，铁西区参加")["铁西区"] == ("吉林省", "四平市", "铁西区")
    assert found("铁西区召开会议", page_context=(SIPING,))["铁西区"] == ("吉林省", "四平市", "铁西区")
    pages = places.page_mentions([words.cut("四平市召开会议"), words.cut("铁西区召开会议")])
    assert [(m.matched, m.place.adcode) for m in pages[1]] == [("铁西区", "220302")]


def test_a_shared_name_keeps_what_its_namesakes_share() -> None:
    """Two 铁西区 lie in 辽宁 (沈阳, 鞍山): next to 辽宁省 only the province is sure."""
    assert found("辽宁省铁西区")["铁西区"] == ("辽宁省", None, None)


def test_counts_are_per_matched_text() -> None:
    mentions = places.mentions(places.named(words.cut("四平市、四平和四平市")))
    assert sorted((m.matched, m.place.adcode, m.count) for m in mentions) == [
        ("四平", "220300", 1), ("四平市", "220300", 2)]


@pytest.mark.parametrize(("one", "other", "related"), [
    ("220302", "220300", True), ("220302", "220000", True), ("220300", "220000", True),
    ("220000", "220302", True), ("210106", "220000", False), ("220302", "220302", True),
    ("220302", "220303", False), ("220300", "210300", False),
])
def test_a_context_relates_a_place_inside_or_around_one_of_its_places(one: str, other: str, related: bool) -> None:
    assert Context.of([place(other)]).relates(place(one)) == related
    assert Context.of([place(one)]).relates(place(other)) == related
    assert Context.of([place("110000"), place(other)]).relates(place(one)) == related
    assert not Context.of([]).relates(place(one))


def test_a_context_relates_as_the_adcode_prefixes_say() -> None:
    """Context's set lookups agree with testing every pair by its adcode prefix, over namesakes and their levels."""
    found = {p for name in ("铁西区", "铁东区", "城区", "东区", "吉林", "四平", "朝阳区", "新华区") for p in candidates(name)}
    levels = found | {place(p.adcode[:n].ljust(6, "0")) for p in found for n in (2, 4)}
    for known in levels:
        for other in levels:
            by_pairs = known.adcode.startswith(other.prefix) or other.adcode.startswith(known.prefix)
            assert Context.of([known]).relates(other) == by_pairs, (known, other)
