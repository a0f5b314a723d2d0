"""A directory of every kind of bad (and odd-but-fine) input file, for flow and CLI tests."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

from tests.support.paths import REPO, SAMPLE

INGEST_DATA = REPO / "tests" / "ingest" / "data"

#: file name -> the reject reason it must get (None: it must load as a page).
EXPECTED: dict[str, str | None] = {
    "empty.txt": "empty",
    "binary.txt": "binary",
    "not_text.txt": "not_text",
    "gb18030.txt": None,
    "utf16le.txt": None,
    "utf16be-no-bom.txt": None,
    "utf8-bom.txt": None,
    "crlf.txt": None,
    "huge-one-line.txt": "too_complex",    # 20 MB: over MAX_PAGE_CHARS (with huge_mb=1 it loads)
    "big5.txt": None,
    "japanese.txt": "not_chinese",
    "one-nul.txt": None,
    "\\xb9\\xfa.txt": "bad_file_name",     # a name in GBK bytes (国), shown escaped
    "broken-link.txt": "broken_symlink",
    "a.txt": "is_directory",
    "with space 'quote\" 人民日报.txt": None,
    "'; drop table articles; --.txt": None,
}

PAGE_HEAD = "本报讯（通讯员 聂英博）为打造书香机关，助力全民阅读，推动精神文明建设。\n"


def make_bad_inputs(root: Path, huge_mb: int = 20) -> Path:
    """Fill ``root`` with the files of EXPECTED and return it."""
    root.mkdir(parents=True, exist_ok=True)
    sample = sorted(SAMPLE.glob("*.txt"))[0].read_text(encoding="utf-8")
    (root / "empty.txt").write_bytes(b"")
    (root / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    (root / "not_text.txt").write_bytes(b"caf\xe9 \xff\xfe\xfd cr\xe8me " * 20)
    (root / "gb18030.txt").write_bytes(sample.encode("gb18030"))
    (root / "utf16le.txt").write_bytes(codecs.BOM_UTF16_LE + sample.encode("utf-16-le"))
    (root / "utf16be-no-bom.txt").write_bytes(sample.encode("utf-16-be"))
    (root / "utf8-bom.txt").write_bytes(codecs.BOM_UTF8 + (PAGE_HEAD + sample).encode("utf-8"))
    (root / "crlf.txt").write_bytes(("CRLF " + sample).replace("\n", "\r\n").encode("utf-8"))
    line = PAGE_HEAD.strip()
    (root / "huge-one-line.txt").write_bytes((line * (huge_mb * 1024 * 1024 // len(line.encode()) + 1)).encode())
    (root / "broken-link.txt").symlink_to(root / "does-not-exist.txt")
    (root / "big5.txt").write_bytes((INGEST_DATA / "000_zh-tw.txt").read_text(encoding="utf-8").encode("big5"))
    (root / "japanese.txt").write_bytes((INGEST_DATA / "ja.txt").read_text(encoding="utf-8").encode("shift_jis"))
    (root / "one-nul.txt").write_bytes(sample[:100].encode() + b"\x00" + sample[100:].encode())
    fd = os.open(os.fsencode(root) + b"/\xb9\xfa.txt", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    os.write(fd, sample.encode("utf-8"))
    os.close(fd)
    (root / "a.txt").mkdir()
    (root / "with space 'quote\" 人民日报.txt").write_text("引号 " + sample, encoding="utf-8")
    (root / "'; drop table articles; --.txt").write_text("注入 " + sample, encoding="utf-8")
    os.utime(root / "empty.txt", (1_700_000_000, 1_700_000_000))
    return root
