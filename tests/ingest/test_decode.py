"""decode_page: every encoding a page file arrives in, and every way bytes fail to be a Chinese page.

``CASES`` is the table of real byte cases (README, "What happens when…"): the
bundled sample pages re-encoded, the same pages in traditional characters
(``data/000_zh-tw.txt``, ``data/004_zh-hk.txt``: the samples converted with
OpenCC s2tw and s2hk), and a news paragraph each in Japanese, Korean, French,
German and English (``data/{ja,ko,fr,de,en}.txt``), whole and as one
sentence, with and without stray bytes. Each row gives the encoding the page
must be loaded as, or the reject reason and a part of its detail.
"""

from __future__ import annotations

import codecs
import hashlib
from dataclasses import dataclass
from pathlib import Path

import pytest

from banmian.tasks.ingest.decode import (
    MAX_PAGE_CHARS,
    MAX_PAGE_LINES,
    decode_page,
    looks_like_damaged_utf8,
    normalise_newlines,
    utf16_without_bom,
)
from banmian.tasks.model import DecodedPage, Reject
from tests.support.paths import SAMPLE

DATA = Path(__file__).parent / "data"

PAGE = "本报讯（通讯员 聂英博）为打造书香机关，助力全民阅读。\n第二段 2024 年 100 天，一年一度\n"
ZH_000 = (SAMPLE / "000_3916712325dadccd.txt").read_text(encoding="utf-8")
ZH_004 = (SAMPLE / "004_d9055f662cbf0f76.txt").read_text(encoding="utf-8")
TW = (DATA / "000_zh-tw.txt").read_text(encoding="utf-8")   # traditional, all in Big5
HK = (DATA / "004_zh-hk.txt").read_text(encoding="utf-8")   # Hong Kong forms (衞 裏 羣): Big5-HKSCS only
TW_SHORT = "香港特區政府今日宣佈，全港中小學將於下學年起免費供應午餐。\n"
MIXED = ZH_000[:2000] + TW[2000:4000]                        # simplified, then traditional
JA, KO, FR, DE, EN = ((DATA / f"{lang}.txt").read_text(encoding="utf-8") for lang in ("ja", "ko", "fr", "de", "en"))


def first_sentence(text: str) -> str:
    return text[:text.index("。") + 1] if "。" in text else text[:text.index(".") + 1]


def with_bytes(text: str, encoding: str, extra: bytes, at: int = 200) -> bytes:
    """``text`` in ``encoding`` with ``extra`` bytes put in after its first ``at`` characters."""
    return text[:at].encode(encoding) + extra + text[at:].encode(encoding)


def without(text: str, *chars: str) -> str:
    return text.translate({ord(c): None for c in chars})


@dataclass(frozen=True)
class Case:
    """One row of the table: raw bytes, and the encoding they load as or the reason they are rejected."""

    id: str
    raw: bytes
    expected: str            # an encoding (the page loads) or a reject reason
    detail: str = ""         # rejects: part of the detail sentence
    text: str | None = None  # loads: the page text it must give (None: not checked)


CASES = [
    # Chinese pages: loaded, with the encoding recorded
    Case("utf8-page", ZH_000.encode("utf-8"), "utf-8", text=ZH_000),
    Case("utf8-bom-page", codecs.BOM_UTF8 + ZH_000.encode("utf-8"), "utf-8-sig", text=ZH_000),
    Case("utf16le-bom-page", codecs.BOM_UTF16_LE + ZH_000.encode("utf-16-le"), "utf-16-le", text=ZH_000),
    Case("utf16be-bom-page", codecs.BOM_UTF16_BE + ZH_000.encode("utf-16-be"), "utf-16-be", text=ZH_000),
    Case("utf16le-no-bom-page", ZH_000.encode("utf-16-le"), "utf-16-le", text=ZH_000),
    Case("utf16be-no-bom-page", ZH_000.encode("utf-16-be"), "utf-16-be", text=ZH_000),
    Case("gb18030-page", ZH_000.encode("gb18030"), "gb18030", text=ZH_000),
    Case("gb18030-page-crlf", ZH_004.replace("\n", "\r\n").encode("gb18030"), "gb18030", text=ZH_004),
    Case("gbk-short", PAGE.encode("gbk"), "gb18030", text=PAGE),
    Case("gb18030-4-byte-char", ("本报讯 记者𠮷野报道：" + PAGE).encode("gb18030"), "gb18030"),
    Case("big5-page", TW.encode("big5"), "big5", text=TW),
    Case("big5-page-crlf", TW.replace("\n", "\r\n").encode("big5"), "big5", text=TW),
    Case("big5-short", TW_SHORT.encode("big5"), "big5", text=TW_SHORT),
    Case("big5hkscs-page", HK.encode("big5hkscs"), "big5hkscs", text=HK),
    Case("traditional-utf8-page", TW.encode("utf-8"), "utf-8", text=TW),
    Case("mixed-simplified-traditional-utf8", MIXED.encode("utf-8"), "utf-8", text=MIXED),
    Case("mixed-simplified-traditional-gb18030", MIXED.encode("gb18030"), "gb18030", text=MIXED),
    Case("short-line-that-reads-as-hangul-gb18030", "健全党和国家监督体系\n".encode("gb18030"), "gb18030"),
    Case("crlf", PAGE.replace("\n", "\r\n").encode(), "utf-8", text=PAGE),
    Case("cr-only", PAGE.replace("\n", "\r").encode(), "utf-8", text=PAGE),
    Case("crlf-gb18030", PAGE.replace("\n", "\r\n").encode("gb18030"), "gb18030", text=PAGE),
    Case("crlf-utf16-bom", codecs.BOM_UTF16_LE + PAGE.replace("\n", "\r\n").encode("utf-16-le"), "utf-16-le", text=PAGE),
    Case("tabs-and-formfeed", "第一版\t要闻\f\n".encode(), "utf-8", text="第一版\t要闻\f\n"),
    Case("inner-bom-kept", "第一\ufeff版".encode(), "utf-8", text="第一\ufeff版"),
    # a few stray control bytes: residue of the page, not a reason to lose it
    Case("utf8-page-one-nul", with_bytes(ZH_000, "utf-8", b"\x00"), "utf-8", text=ZH_000),
    Case("gb18030-page-one-nul", with_bytes(ZH_000, "gb18030", b"\x00"), "gb18030", text=ZH_000),
    Case("big5-page-nul-and-del", with_bytes(TW, "big5", b"\x00\x7f"), "big5", text=TW),
    Case("short-page-one-nul", with_bytes(PAGE, "utf-8", b"\x00", at=5), "utf-8", text=PAGE),
    # stray bytes that are no character: not loaded rather than guessed at, the encoding named
    Case("utf8-stray-byte", with_bytes(ZH_000, "utf-8", b"\xff", at=7), "not_text", "UTF-8 with invalid bytes"),
    Case("utf8-truncated", PAGE.encode()[:-2], "not_text", "UTF-8"),
    Case("gb18030-page-stray-byte", with_bytes(ZH_000, "gb18030", b"\x80"), "not_text", "in GB18030 but 1 byte"),
    Case("gb18030-page-truncated", ZH_000.rstrip().encode("gb18030")[:-1], "not_text", "in GB18030 but"),
    Case("big5-page-stray-byte", with_bytes(TW, "big5", b"\xff"), "not_text", "in Big5 but"),
    Case("big5-page-truncated", TW.rstrip().encode("big5")[:-1], "not_text", "in Big5 but"),
    Case("bad-utf8-after-bom", codecs.BOM_UTF8 + b"ok \xff", "not_text", "byte 6"),
    Case("odd-utf16-bom", codecs.BOM_UTF16_LE + b"a\x00b", "not_text", "UTF-16-LE"),
    Case("cyrillic-cp1251", "Москва объявила о бесплатном питании в школах.".encode("cp1251"), "not_text",
         "no encoding reads it"),
    Case("high-bytes-only", bytes(range(0x80, 0x100)) * 4, "not_text", "no encoding reads it"),
    # text, but not Chinese
    Case("japanese-shift-jis-page", JA.encode("shift_jis"), "not_chinese", "Japanese"),
    Case("japanese-cp932-page", JA.encode("cp932"), "not_chinese", "in Shift-JIS"),
    Case("japanese-euc-jp-page", JA.encode("euc_jp"), "not_chinese", "in EUC-JP"),
    Case("japanese-shift-jis-short", first_sentence(JA).encode("shift_jis"), "not_chinese", "Japanese"),
    Case("japanese-euc-jp-short", first_sentence(JA).encode("euc_jp"), "not_chinese", "Japanese"),
    Case("japanese-utf8-page", JA.encode("utf-8"), "not_chinese", "Japanese"),
    Case("japanese-utf16-bom-page", codecs.BOM_UTF16_LE + JA.encode("utf-16-le"), "not_chinese", "Japanese"),
    Case("korean-euc-kr-page", KO.encode("euc_kr"), "not_chinese", "Korean"),
    Case("korean-cp949-page", KO.encode("cp949"), "not_chinese", "in EUC-KR"),
    Case("korean-euc-kr-short", first_sentence(KO).encode("euc_kr"), "not_chinese", "Korean"),
    Case("korean-utf8-page", KO.encode("utf-8"), "not_chinese", "Korean"),
    Case("french-latin1-page", FR.encode("latin-1"), "not_chinese", "European text"),
    Case("french-latin1-short", "café crème, naïve résumé".encode("latin-1"), "not_chinese", "Latin-1"),
    Case("german-cp1252-page", DE.encode("cp1252"), "not_chinese", "Latin-1/Windows-1252"),
    Case("french-utf8-page", FR.encode("utf-8"), "not_chinese", "European text"),
    Case("english-ascii-page", EN.encode("ascii"), "not_chinese", "English"),
    Case("english-ascii-short", b"page 1\nhello\n", "not_chinese", "English"),
    Case("english-naming-a-chinese-person", "Interview with Zhang Wei (张伟) on the city's schools.".encode(),
         "not_chinese", "2 Han characters"),
    Case("cyrillic-utf8", "Москва объявила о бесплатном питании в школах.".encode(), "not_chinese", "other than"),
    Case("digits-only", b"2024 12 31\n100 200\n", "not_chinese", "without any letters"),
    # nothing to read
    Case("empty", b"", "empty", "0 bytes"),
    Case("whitespace-only", b" \r\n\t\n", "empty", "whitespace"),
    Case("utf16-whitespace-only", codecs.BOM_UTF16_LE + " \n".encode("utf-16-le"), "empty", "whitespace"),
    Case("png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary", "NUL"),
    Case("control-bytes", b"\x01\x02\x03\x04abc" * 50, "binary", "control"),
    Case("elf-like", b"\x7fELF\x02\x01\x01" + b"\x00" * 9 + b"\x02\x00\x3e\x00" * 20, "binary", "control"),
    Case("nul-in-both-lanes", b"ab\x00\x00cd\x00\x00" * 30, "binary", "NUL"),
]
REJECT_REASONS_OF_CASES = {"not_text", "not_chinese", "empty", "binary"}
LOADS = [c for c in CASES if c.expected not in REJECT_REASONS_OF_CASES]
REJECTS = [c for c in CASES if c.expected in REJECT_REASONS_OF_CASES]


@pytest.mark.parametrize("case", LOADS, ids=[c.id for c in LOADS])
def test_loads(case: Case) -> None:
    got = decode_page("/in/p.txt", case.raw, 1700000000.5)
    assert isinstance(got, DecodedPage), got
    assert got.encoding == case.expected
    if case.text is not None:
        assert got.text == normalise_newlines(case.text)
    assert got.sha256 == hashlib.sha256(case.raw).hexdigest()  # over the raw bytes, not the text
    assert (got.path, got.size, got.mtime) == ("/in/p.txt", len(case.raw), 1700000000.5)


@pytest.mark.parametrize("case", REJECTS, ids=[c.id for c in REJECTS])
def test_rejects(case: Case) -> None:
    got = decode_page("/in/p.txt", case.raw, 1700000000.5)
    assert isinstance(got, Reject), got
    assert (got.reason, got.size) == (case.expected, len(case.raw))
    assert case.detail in got.detail
    assert got.detail.endswith(".") and "\n" not in got.detail  # one human sentence


def test_big5_is_not_loaded_as_gb18030_mojibake() -> None:
    """The issue's case: Big5 bytes decode as GB18030 without one error, into カ現┎秨盽叭穦某."""
    raw = TW.encode("big5")
    assert raw.decode("gb18030") != TW  # GB18030 'reads' it ...
    page = decode_page("/in/tw.txt", raw, 0.0)
    assert isinstance(page, DecodedPage) and (page.encoding, page.text) == ("big5", TW)  # ... but Big5 is chosen


def test_stray_controls_are_kept_with_their_lines() -> None:
    text = "第1版\n要闻\n本报讯\x00 今天\x7f开会。\n"
    page = decode_page("/in/p.txt", text.encode("gb18030"), 0.0)
    assert isinstance(page, DecodedPage)
    assert page.text == without(text, "\x00", "\x7f")
    assert [(r.text, r.reason, r.line) for r in page.control_chars] == [("\x00\x7f", "control_char", 3)]


def test_a_page_without_stray_controls_has_none() -> None:
    page = decode_page("/in/p.txt", ZH_000.encode(), 0.0)
    assert isinstance(page, DecodedPage) and page.control_chars == ()


def test_many_controls_are_still_binary() -> None:
    raw = with_bytes(ZH_000, "utf-8", b"\x00" * (len(ZH_000) // 50))  # 2% NUL
    got = decode_page("/in/p.txt", raw, 0.0)
    assert isinstance(got, Reject) and got.reason == "binary"


def _lines(n: int) -> str:
    return "第1版 要闻\n" * n


@pytest.mark.parametrize("text,limit", [
    (_lines(MAX_PAGE_LINES + 1), "MAX_PAGE_LINES"),
    ("第" * (MAX_PAGE_CHARS + 1), "MAX_PAGE_CHARS"),
    ("中文内容，" * 1_400_000, "MAX_PAGE_CHARS"),        # 21 MB, no newline at all
], ids=["one-line-too-many", "one-char-too-many", "twenty-megabytes-one-line"])
def test_over_the_page_limits_is_too_complex(text: str, limit: str) -> None:
    got = decode_page("/in/huge.txt", text.encode("utf-8"), 0.0)
    assert isinstance(got, Reject) and got.reason == "too_complex"
    assert limit in got.detail and got.detail.endswith(".")


def test_a_million_short_lines_in_gb18030_is_too_complex() -> None:
    got = decode_page("/in/huge.txt", ("中文内容\r\n" * 1_000_000).encode("gb18030"), 0.0)
    assert isinstance(got, Reject) and got.reason == "too_complex"
    assert "1,000,000 lines" in got.detail


@pytest.mark.parametrize("text", [_lines(MAX_PAGE_LINES), "第" * MAX_PAGE_CHARS], ids=["lines", "chars"])
def test_at_the_page_limits_loads(text: str) -> None:
    page = decode_page("/in/big.txt", text.encode("utf-8"), 0.0)
    assert isinstance(page, DecodedPage)


def test_same_bytes_same_identity_whatever_the_name() -> None:
    a = decode_page("/a.txt", PAGE.encode(), 1.0)
    b = decode_page("/b.txt", PAGE.encode(), 2.0)
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
    assert utf16_without_bom(with_bytes(ZH_000, "utf-8", b"\x00")) is None  # one stray NUL in UTF-8


def test_gb18030_text_is_not_mistaken_for_damaged_utf8() -> None:
    assert not looks_like_damaged_utf8(PAGE.encode("gb18030"))
    assert looks_like_damaged_utf8(PAGE.encode()[:-2])
