"""Synthetic pages, table checksums and small query helpers shared by the warehouse tests.

Pages are built directly as DecodedPage + PageResult, so these tests do not
depend on the decoder or the segmenter.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterable, Sequence
from datetime import datetime, timezone
from pathlib import Path

from banmian.tasks.model import Article, Block, DecodedPage, PageMeta, PageResult, RawFile, Reject, Residue
from banmian.tasks.store.ids import new_run_id
from banmian.tasks.store.warehouse import RunInfo, RunSummary, Warehouse, WarehouseWriter

_HAN = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞"


def _text(rng: random.Random, n: int) -> str:
    out = []
    while len(out) < n:
        out.append(rng.choice(_HAN))
        if rng.random() < 0.08:
            out.append(rng.choice("。。。！？；"))
            if rng.random() < 0.2:
                out.append("”")
    return "".join(out)


def synthetic_result(seed: str, n_articles: int = 3, variant: int = 0) -> PageResult:
    """A plausible PageResult; ``variant`` changes the segmentation, not the page."""
    rng = random.Random(f"{seed}/{variant}")
    articles = []
    for i in range(n_articles):
        blocks = [Block("p", _text(rng, rng.randint(20, 120))) for _ in range(rng.randint(1, 5))]
        if rng.random() < 0.4:
            blocks.insert(1, Block("h", _text(rng, 6)))
        author = _text(rng, 3)
        photo = rng.random() < 0.3
        articles.append(Article(
            kind="photo" if photo else "news",
            headline=_text(rng, 10),
            subheadline=_text(rng, 12) if rng.random() < 0.3 else None,
            byline=f"本报记者 {author}",
            authors=[] if photo else [author],
            photographers=[author] if photo else [],
            blocks=blocks,
            first_line=1 + i * 10,
            confidence=0.4 if i % 3 == 2 else 0.95,  # every third article is flagged for review
            review="a join was close" if i % 3 == 2 else None,
        ))
    residue = [Residue(text=_text(rng, 8), reason=rng.choice(["page_furniture", "unassigned"]),
                       line=1 + 3 * j) for j in range(rng.randint(0, 3))]
    meta = PageMeta(date=f"2023-01-{1 + rng.randint(0, 27):02d}", page_no=str(rng.randint(1, 8)))
    return PageResult(articles=articles, residue=residue, meta=meta)


def synthetic_page(path: str, content: str, mtime: float = 1_700_000_000.0) -> DecodedPage:
    raw = content.encode("utf-8")
    return DecodedPage(path=path, sha256=hashlib.sha256(raw).hexdigest(), size=len(raw),
                       mtime=mtime, encoding="utf-8", text=content)


def page_and_result(path: str, content: str, variant: int = 0, mtime: float = 1_700_000_000.0,
                    n_articles: int = 3) -> tuple[DecodedPage, PageResult]:
    page = synthetic_page(path, content, mtime)
    return page, synthetic_result(page.sha256, n_articles=n_articles, variant=variant)


def run_info(source: str = "test", pages_found: int = 0) -> RunInfo:
    return RunInfo(run_id=new_run_id(), started_at=datetime.now(timezone.utc), source=source,
                   pages_found=pages_found)


def commit(w: WarehouseWriter, pages: Sequence[tuple[DecodedPage, PageResult]],
           unchanged: Sequence[RawFile] = (), rejects: Sequence[Reject] = (), full_refresh: bool = False,
           source: str = "test") -> RunSummary:
    found = len(pages) + len(unchanged) + len(rejects)
    return w.commit_run(run_info(source, found), list(pages), list(unchanged), list(rejects),
                        full_refresh=full_refresh)


# Columns that legitimately differ between two warehouses holding the same
# content (run ids are random) or between two runs of the same input
# (last_seen_run moves forward; runs only grows).
RUN_COLUMNS = ("run_id", "first_seen_run", "last_seen_run", "superseded_by_run")
CHECKED = ("pages", "pages_history", "page_sources", "articles", "blocks", "sentences",
           "residue", "articles_per_page_kind", "output_per_author", "page_coverage")


def _checksum_select(name: str, columns: list[str]) -> str:
    keep = ", ".join(f'"{c}"' for c in columns if c not in RUN_COLUMNS)
    return (f"SELECT '{name}' AS name, count(*) AS n, "
            f"coalesce(sum(hash(t)::HUGEINT), 0)::VARCHAR AS h FROM (SELECT {keep} FROM {name}) AS t")


def state_checksum(wh: Warehouse, names: Iterable[str] = CHECKED) -> dict[str, tuple[int, int]]:
    """Per relation: (row count, order-independent sum of row hashes), run-id columns left out.

    A sum (not xor) of hashes, so duplicate rows do not cancel out. Two
    queries in all, to keep the kill test fast.
    """
    names = tuple(names)
    cols: dict[str, list[str]] = {name: [] for name in names}
    for row in wh.query("SELECT table_name, column_name FROM duckdb_columns() "
                        "WHERE NOT internal ORDER BY column_index").to_pylist():
        if row["table_name"] in cols:
            cols[row["table_name"]].append(row["column_name"])
    sql = " UNION ALL ".join(_checksum_select(name, cols[name]) for name in names)
    return {r["name"]: (int(r["n"]), int(r["h"])) for r in wh.query(sql).to_pylist()}


def table_checksum(wh: Warehouse, name: str) -> tuple[int, int]:
    return state_checksum(wh, (name,))[name]


#: A page whose furniture says everything a PageMeta holds, and one article by 李四.
FURNITURE_PAGE = """2023年8月25日 星期五
第3版 综合新闻
责任编辑：张三

图片新闻

全市秋粮收购工作全面启动
本报讯（记者 李四）记者从市粮食局获悉，今年全市秋粮收购工作已于日前全面启动。

据了解，今年全市计划收购秋粮五十万吨。
"""
#: What segmentation reads in FURNITURE_PAGE's furniture.
FURNITURE_META = {"date": "2023年8月25日 星期五", "page_no": "3", "page_name": "综合新闻",
                  "editor": "责任编辑：张三", "sections": "图片新闻"}

#: Six one-line pages, each with its own synthetic segmentation.
PAGES = [page_and_result(f"/in/p{i}.txt", f"第{i}版") for i in range(6)]


def count(wh: Warehouse, sql: str, params: list[object] | None = None) -> int:
    """The single number a query returns."""
    return int(wh.query(sql, params).column(0)[0].as_py())


def rows(wh: Warehouse, sql: str, params: list[object] | None = None) -> list[dict[str, object]]:
    return wh.query(sql, params).to_pylist()


def data_files(wh: Warehouse) -> list[Path]:
    """Every file under the warehouse's data directory, sorted."""
    return sorted(p for p in (wh.root / "data").rglob("*") if p.is_file())


__all__ = ["synthetic_result", "synthetic_page", "page_and_result", "run_info", "commit",
           "table_checksum", "state_checksum", "RawFile", "Reject", "CHECKED", "RUN_COLUMNS",
           "PAGES", "FURNITURE_PAGE", "FURNITURE_META", "count", "rows", "data_files"]
