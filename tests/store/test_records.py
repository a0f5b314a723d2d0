"""records: the rows a page becomes, without any warehouse."""

from __future__ import annotations

import re
from dataclasses import asdict

import pytest

from tests.support.warehouse_fixtures import FURNITURE_META, FURNITURE_PAGE, page_and_result, synthetic_page

from banmian.tasks.model import PAGE_META_KEYS, Article, Block, PageMeta, PageResult, Reject, Residue
from banmian.tasks.store import ids, records, schema
from banmian.tasks.text.segment import segment_page

RUN = "20250101T000000Z-abcdef"


def _page():
    page = synthetic_page("/in/a.txt", "一版全文")
    result = PageResult(
        articles=[
            Article(kind="news", headline="标题", byline="本报记者 张三", authors=["张三"],
                    blocks=[Block("p", "第一段。第二句！"), Block("h", "小标题"), Block("p", "第三段")],
                    continued_to="下转第二版", first_line=3),
            Article(kind="photo", photographers=["李四"], blocks=[Block("p", "图片说明。")]),
        ],
        residue=[Residue("2023年1月1日", "page_furniture", 1), Residue("■", "decoration", 9)],
        meta=PageMeta(date="2023-01-01", page_no="1", page_name=""),
    )
    return page, result


def test_tables_have_exactly_the_declared_schemas() -> None:
    tables = records.page_tables([_page()], RUN)
    assert set(tables) == set(schema.STORED)
    for name, table in tables.items():
        assert table.schema.equals(schema.STORED[name]), name


def test_empty_input_gives_empty_typed_tables() -> None:
    tables = records.page_tables([], RUN)
    assert all(t.num_rows == 0 and t.schema.equals(schema.STORED[n]) for n, t in tables.items())


def test_page_row_carries_metadata_and_blank_meta_is_null() -> None:
    page, result = _page()
    row = records.page_row(page, result, RUN)
    assert row["page_id"] == page.sha256 and row["run_id"] == RUN
    assert {key: row[key] for key in PAGE_META_KEYS} == {
        "date": "2023-01-01", "page_no": "1", "page_name": None, "editor": None, "sections": None,
        "source_kind": None, "geometry": None}
    assert row["n_chars"] == len(page.text)
    assert row["visible_chars"] == len("一版全文")


def test_the_page_row_holds_what_segmentation_read_in_the_furniture() -> None:
    """The contract between segmentation and the pages table, across both: every PageMeta key is a column."""
    page = synthetic_page("/in/p3.txt", FURNITURE_PAGE)
    row = records.page_row(page, segment_page(page.text), "r1")
    assert {key: row[key] for key in PAGE_META_KEYS} == FURNITURE_META


def test_article_rows_count_and_join_paragraphs() -> None:
    page, result = _page()
    arts = records.page_tables([(page, result)], RUN)["articles"].to_pylist()
    first, second = arts
    assert first["ordinal"] == 1 and second["ordinal"] == 2
    assert first["body"] == "第一段。第二句！\n\n第三段"
    assert first["n_chars"] == len("第一段。第二句！") + len("第三段")
    assert (first["n_paragraphs"], first["n_crossheads"]) == (2, 1)
    assert first["authors"] == ["张三"] and first["photographers"] == []
    assert second["photographers"] == ["李四"] and second["headline"] is None
    assert first["continued_to"] == "下转第二版" and first["first_line"] == 3
    assert first["article_id"] == ids.article_id(page.sha256, 1, first["body"])


def test_blocks_and_sentences_rebuild_the_paragraphs() -> None:
    tables = records.page_tables([_page()], RUN)
    blocks = tables["blocks"].to_pylist()
    sentences = tables["sentences"].to_pylist()
    assert [b["kind"] for b in blocks] == ["p", "h", "p", "p"]
    assert [b["ordinal"] for b in blocks] == [1, 2, 3, 1]
    for block in blocks:
        mine = [s["text"] for s in sentences if s["block_id"] == block["block_id"]]
        # crossheads are not split into sentences
        assert "".join(mine) == (block["text"] if block["kind"] == "p" else "")
    first_article = [s for s in sentences if s["article_id"] == blocks[0]["article_id"]]
    assert [s["ordinal"] for s in first_article] == [1, 2, 3]
    assert [s["text"] for s in first_article] == ["第一段。", "第二句！", "第三段"]


def test_residue_rows_in_page_order() -> None:
    rows = records.page_tables([_page()], RUN)["residue"].to_pylist()
    assert [(r["ordinal"], r["line"], r["reason"], r["visible_chars"]) for r in rows] == [
        (1, 1, "page_furniture", 9), (2, 9, "decoration", 1)]


def test_row_ids_are_deterministic_and_unique() -> None:
    a = records.page_tables([_page()], RUN)
    b = records.page_tables([_page()], "20990101T000000Z-000000")
    for table, key in (("articles", "article_id"), ("blocks", "block_id"), ("sentences", "sentence_id")):
        ka, kb = a[table].column(key).to_pylist(), b[table].column(key).to_pylist()
        assert ka == kb, "ids must not depend on the run"
        assert len(set(ka)) == len(ka)
        assert all(re.fullmatch(r"[0-9a-f]{16}", k) for k in ka)
    first = a["articles"].to_pylist()[0]
    assert first["article_id"] == ids.article_id(first["page_id"], 1, first["body"])


def test_result_digest_follows_the_segmentation() -> None:
    _, r0 = page_and_result("/x", "same page", variant=0)
    _, r0b = page_and_result("/y", "same page", variant=0)
    _, r1 = page_and_result("/x", "same page", variant=1)
    assert records.result_digest(r0) == records.result_digest(r0b)
    assert records.result_digest(r0) != records.result_digest(r1)


@pytest.mark.parametrize("residue", [
    Residue("第3版", "page_furniture", 1), Residue("\x00", "control_char", 12), Residue("", "page_furniture", 2),
])
def test_a_residue_is_digested_as_its_fields(residue: Residue) -> None:
    assert residue.to_json() == asdict(residue)


def test_rejects_table() -> None:
    t = records.rejects_table([Reject("/a", "empty", "the file is empty", 0),
                               Reject("/b", "unreadable", "permission denied", None)], RUN)
    assert t.schema.equals(schema.REJECTS)
    assert t.to_pylist()[1] == {"run_id": RUN, "path": "/b", "reason": "unreadable",
                                "detail": "permission denied", "size": None}


def test_every_table_and_column_is_documented() -> None:
    for name, sch in list(schema.STORED.items()) + [(n, s) for n, (s, _) in schema.NATIVE.items()]:
        if name == "pages":
            continue  # stored pages are shown through the pages and pages_history views
        assert name in schema.TABLE_COMMENTS, name
        assert set(sch.names) <= set(schema.COLUMN_COMMENTS[name]), name
