"""decode_page: every encoding a page file arrives in, and every way bytes fail to be a page."""

from __future__ import annotations

import codecs
import hashlib
import time

import pytest

from banmian.tasks.ingest.decode import decode_page, looks_like_damaged_utf8, normalise_newlines, utf16_without_bom
from banmian.tasks.model import DecodedPage, Reject

PAGE = "本报讯（通讯员 聂英博）为打造书香机关，助力全民阅读。\n第二段 2024 年 100 天，一年一度\n"


def _u16(enc: str, bom: bytes = b"") -> bytes:
    return bom + PAGE.encode(enc)


# (case id, raw bytes, expected encoding, expected text)
DECODES = [
    ("utf8", PAGE.encode("utf-8"), "utf-8", PAGE),
    ("utf8-bom", codecs.BOM_UTF8 + PAGE.encode("utf-8"), "utf-8-sig", PAGE),
    ("utf16le-bom", _u16("utf-16-le", codecs.BOM_UTF16_LE), "utf-16-le", PAGE),
    ("utf16be-bom", _u16("utf-16-be", codecs.BOM_UTF16_BE), "utf-16-be", PAGE),
    ("utf16le-no-bom", _u16("utf-16-le"), "utf-16-le", PAGE),
    ("utf16be-no-bom", _u16("utf-16-be"), "utf-16-be", PAGE),
    ("gb18030", PAGE.encode("gb18030"), "gb18030", PAGE),
    ("gbk", PAGE.encode("gbk"), "gb18030", PAGE),
    ("crlf", PAGE.replace("\n", "\r\n").encode(), "utf-8", PAGE),
    ("cr-only", PAGE.replace("\n", "\r").encode(), "utf-8", PAGE),
    ("crlf-gb18030", PAGE.replace("\n", "\r\n").encode("gb18030"), "gb18030", PAGE),
    ("crlf-utf16-bom", codecs.BOM_UTF16_LE + PAGE.replace("\n", "\r\n").encode("utf-16-le"), "utf-16-le", PAGE),
    ("ascii-only", b"page 1\nhello\n", "utf-8", "page 1\nhello\n"),
    ("tabs-and-formfeed", "第一版\t要闻\f\n".encode(), "utf-8", "第一版\t要闻\f\n"),
    ("inner-bom-kept", "a\ufeffb".encode(), "utf-8", "a\ufeffb"),
]


@pytest.mark.parametrize("raw,encoding,text", [c[1:] for c in DECODES], ids=[c[0] for c in DECODES])
def test_decodes(raw: bytes, encoding: str, text: str) -> None:
    page = decode_page("/in/p.txt", raw, 1700000000.5)
    assert isinstance(page, DecodedPage), page
    assert page.encoding == encoding
    assert page.text == text
    assert page.sha256 == hashlib.sha256(raw).hexdigest()  # over the raw bytes, not the text
    assert (page.path, page.size, page.mtime) == ("/in/p.txt", len(raw), 1700000000.5)


_UTF8 = PAGE.encode("utf-8")

# (case id, raw bytes, expected reason, substring of the detail)
REJECTS = [
    ("empty", b"", "empty", "0 bytes"),
    ("whitespace-only", b" \r\n\t\n", "empty", "whitespace"),
    ("utf16-whitespace-only", codecs.BOM_UTF16_LE + " \n".encode("utf-16-le"), "empty", "whitespace"),
    ("nul-bytes", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary", "NUL"),
    ("control-bytes", b"\x01\x02\x03\x04abc" * 50, "binary", "control"),
    ("elf-like", b"\x7fELF\x02\x01\x01" + b"\x00" * 9 + b"\x02\x00\x3e\x00" * 20, "binary", "control"),
    ("nul-in-both-lanes", b"ab\x00\x00cd\x00\x00" * 30, "binary", "NUL"),
    ("latin1", "café crème, naïve résumé".encode("latin-1"), "not_text", "offset 3"),
    ("invalid-everywhere", b"hello \xff\xff world", "not_text", "first bad byte 0xff at offset 6"),
    ("damaged-utf8", _UTF8[:21] + b"\xff" + _UTF8[21:], "not_text", "byte 0xff at offset 21"),
    ("truncated-utf8", _UTF8[:-2], "not_text", "UTF-8"),
    ("bad-utf8-after-bom", codecs.BOM_UTF8 + b"ok \xff", "not_text", "byte 6"),
    ("odd-utf16-bom", codecs.BOM_UTF16_LE + b"a\x00b", "not_text", "UTF-16-LE"),
]


@pytest.mark.parametrize("raw,reason,detail", [c[1:] for c in REJECTS], ids=[c[0] for c in REJECTS])
def test_rejects(raw: bytes, reason: str, detail: str) -> None:
    got = decode_page("/in/bad.txt", raw, 0.0)
    assert isinstance(got, Reject), got
    assert got.reason == reason
    assert detail in got.detail
    assert got.size == len(raw)
    assert got.detail.endswith(".") and "\n" not in got.detail  # one human sentence


def test_twenty_megabyte_single_line_decodes_fast() -> None:
    raw = ("中文内容，" * 1_400_000).encode("utf-8")  # 21 MB, no newline at all
    assert len(raw) > 20_000_000
    start = time.perf_counter()
    page = decode_page("/in/huge.txt", raw, 0.0)
    elapsed = time.perf_counter() - start
    assert isinstance(page, DecodedPage)
    assert len(page.text) == 7_000_000
    assert elapsed < 3.0, f"decoding 21 MB took {elapsed:.1f}s: something is not linear"


def test_twenty_megabyte_crlf_gb18030_decodes_fast() -> None:
    raw = ("中文内容\r\n" * 1_000_000).encode("gb18030")
    start = time.perf_counter()
    page = decode_page("/in/huge.txt", raw, 0.0)
    assert time.perf_counter() - start < 3.0
    assert isinstance(page, DecodedPage) and page.encoding == "gb18030"
    assert "\r" not in page.text and page.text.count("\n") == 1_000_000


def test_same_bytes_same_identity_whatever_the_name() -> None:
    a = decode_page("/a.txt", _UTF8, 1.0)
    b = decode_page("/b.txt", _UTF8, 2.0)
    assert isinstance(a, DecodedPage) and isinstance(b, DecodedPage)
    assert a.sha256 == b.sha256


@pytest.mark.parametrize("text,expected", [
    ("a\r\nb", "a\nb"), ("a\rb", "a\nb"), ("a\r\r\nb", "a\n\nb"), ("a\n\rb", "a\n\nb"), ("abc", "abc"),
])
def test_normalise_newlines(text: str, expected: str) -> None:
    assert normalise_newlines(text) == expected


def test_utf16_lane_detection() -> None:
    assert utf16_without_bom("abc\n".encode("utf-16-le")) == "utf-16-le"
    assert utf16_without_bom("abc\n".encode("utf-16-be")) == "utf-16-be"
    assert utf16_without_bom(b"\x00\x00ab") is None      # NULs in both lanes
    assert utf16_without_bom("第一版 2024 年\n".encode("utf-16-be")) == "utf-16-be"  # 一 is U+4E00
    assert utf16_without_bom(b"a\x00b") is None          # odd length


def test_gb18030_text_is_not_mistaken_for_damaged_utf8() -> None:
    assert not looks_like_damaged_utf8(PAGE.encode("gb18030"))
    assert looks_like_damaged_utf8(_UTF8[:-2])
