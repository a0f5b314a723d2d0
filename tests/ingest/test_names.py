"""names: which file names are text, and how the others are shown (valid, printable UTF-8)."""

from __future__ import annotations

import os

import pytest

from banmian.tasks.ingest.names import bad_name_detail, is_text_name, printable_path


def _from_bytes(raw: bytes) -> str:
    """A name as Python hands it over from the file system (undecodable bytes as surrogates)."""
    return os.fsdecode(raw)


# (case id, name as the file system holds it, is it text, how it is shown)
NAMES = [
    ("utf8-chinese", "人民日报 第1版.txt".encode(), True, "人民日报 第1版.txt"),
    ("utf8-quotes-and-spaces", "a 'b' \"c\".txt".encode(), True, "a 'b' \"c\".txt"),
    ("gbk", "国家.txt".encode("gbk"), False, "\\xb9\\xfa\\xbc\\xd2.txt"),
    ("big5", "國家.txt".encode("big5"), False, "\\xb0\\xea\\xaea.txt"),  # 家 is b'\\xaea': ASCII trail byte
    ("shift-jis", "東京.txt".encode("shift_jis"), False, "\\x93\\x8c\\x8b\\x9e.txt"),
    ("latin1", "café.txt".encode("latin-1"), False, "caf\\xe9.txt"),
    ("newline", b"a\nb.txt", False, "a\\x0ab.txt"),
    ("escape", b"\x1b[31mred.txt", False, "\\x1b[31mred.txt"),
    ("del", b"a\x7f.txt", False, "a\\x7f.txt"),
    ("c1-control", "a\u0085b.txt".encode(), False, "a\\x85b.txt"),
]


@pytest.mark.parametrize("raw,is_text,shown", [n[1:] for n in NAMES], ids=[n[0] for n in NAMES])
def test_names(raw: bytes, is_text: bool, shown: str) -> None:
    name = _from_bytes(raw)
    assert is_text_name(name) is is_text
    assert printable_path(name) == shown
    shown.encode("utf-8")
    assert shown.isprintable()


def test_detail_names_the_part_at_fault() -> None:
    assert bad_name_detail(_from_bytes(b"/in/\xb9\xfa.txt")).startswith("The file name '\\xb9\\xfa.txt' is not valid UTF-8")
    assert bad_name_detail(_from_bytes(b"/in/\xb9\xfa/p.txt")).startswith("The folder name '\\xb9\\xfa' is not valid")
    assert bad_name_detail("/in/a\nb.txt").startswith("The file name 'a\\x0ab.txt' holds control characters")
