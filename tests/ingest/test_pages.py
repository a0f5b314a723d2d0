"""segment_decoded: stray control characters of a page end in its residue, so no character is lost."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from banmian.tasks.ingest.controls import CONTROL_BYTES, STRAY_CONTROLS_ALLOWED
from banmian.tasks.ingest.decode import decode_page
from banmian.tasks.ingest.pages import segment_decoded
from banmian.tasks.model import DecodedPage, Residue
from banmian.tasks.text.accounting import invented_characters, lost_characters
from banmian.tasks.text.segment import segment_page
from tests.support.paths import SAMPLE

PAGE = (SAMPLE / "000_3916712325dadccd.txt").read_text(encoding="utf-8")


def _insert(text: str, inserts: list[tuple[int, str]]) -> str:
    """``text`` with each ``(position, character)`` put in (positions into the original text)."""
    out, last = [], 0
    for pos, ch in sorted(inserts):
        out += [text[last:pos], ch]
        last = pos
    return "".join(out) + text[last:]


def _decoded(text: str, encoding: str) -> DecodedPage:
    page = decode_page("/in/p.txt", text.encode(encoding), 0.0)
    assert isinstance(page, DecodedPage), page
    return page


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030", "utf-16-le"])
def test_nothing_lost_with_stray_controls(encoding: str) -> None:
    original = _insert(PAGE, [(40, "\x00"), (41, "\x7f"), (900, "\x00"), (3000, "\x08")])
    page = _decoded(original, encoding)
    result = segment_decoded(page)
    assert lost_characters(original, result) == Counter()
    assert invented_characters(original, result) == Counter()
    control = [r for r in result.residue if r.reason == "control_char"]
    lines = [PAGE.count("\n", 0, pos) + 1 for pos in (40, 900, 3000)]
    assert control == [Residue("\x00\x7f", "control_char", lines[0]), Residue("\x00", "control_char", lines[1]),
                       Residue("\x08", "control_char", lines[2])]


def test_segment_page_alone_would_lose_them() -> None:
    """Why callers must switch to segment_decoded: the page's text no longer holds the NUL."""
    original = _insert(PAGE, [(40, "\x00")])
    page = _decoded(original, "utf-8")
    assert lost_characters(original, segment_page(page.text)) == Counter({"\x00": 1})


def test_residue_stays_in_line_order() -> None:
    original = _insert(PAGE, [(len(PAGE) - 3, "\x00"), (5, "\x01")])
    residue = segment_decoded(_decoded(original, "utf-8")).residue
    assert [r.line for r in residue] == sorted(r.line for r in residue)


def test_a_clean_page_segments_as_before() -> None:
    page = _decoded(PAGE, "utf-8")
    assert segment_decoded(page).to_json() == segment_page(PAGE).to_json()


_CONTROL_CHARS = st.sampled_from(sorted(CONTROL_BYTES.decode("ascii")))


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.integers(0, len(PAGE)), _CONTROL_CHARS), max_size=STRAY_CONTROLS_ALLOWED))
def test_no_character_is_lost_whatever_the_stray_controls(inserts: list[tuple[int, str]]) -> None:
    original = _insert(PAGE, inserts)
    result = segment_decoded(_decoded(original, "utf-8"))
    assert lost_characters(original, result) == Counter()
    assert invented_characters(original, result) == Counter()
