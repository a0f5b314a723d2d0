"""The residue share: one definition, in visible (non-whitespace) characters."""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from banmian.tasks.model import Residue
from banmian.tasks.store.coverage import residue_share, residue_visible_chars, visible_chars


@pytest.mark.parametrize(("text", "visible"), [
    ("", 0),
    ("第3版 综合新闻", 7),
    ("2023年8月25日\u3000星期五\n", 13),   # ideographic space, as letterspaced furniture prints it
    ("\t \u00a0\u2003\r\n", 0),            # tabs, no-break and em spaces: all layout
    ("张  三", 2),
])
def test_visible_chars_leave_out_every_kind_of_whitespace(text: str, visible: int) -> None:
    assert visible_chars(text) == visible


@given(st.text())
def test_visible_chars_are_what_splitting_on_whitespace_keeps(text: str) -> None:
    assert visible_chars(text) == len("".join(text.split())) == len(re.sub(r"\s", "", text))


def test_every_code_point_is_visible_unless_python_calls_it_whitespace() -> None:
    chars = "".join(chr(i) for i in range(sys.maxunicode + 1) if not 0xD800 <= i <= 0xDFFF)
    assert visible_chars(chars) == sum(1 for ch in chars if not ch.isspace()) == len(chars) - 29


def test_residue_of_every_reason_counts() -> None:
    residue = [Residue("第3版 综合新闻", "page_furniture", 1), Residue("■", "decoration", 4),
               Residue("图 片", "unassigned", 9)]
    assert residue_visible_chars(residue) == 7 + 1 + 2


@pytest.mark.parametrize(("residue", "page", "share"), [(0, 40, 0.0), (10, 40, 0.25), (40, 40, 1.0), (0, 0, None)])
def test_the_share_is_residue_over_page_and_none_without_text(residue: int, page: int, share: float | None) -> None:
    assert residue_share(residue, page) == share
