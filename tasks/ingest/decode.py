"""Turn a page file's raw bytes into text, or say precisely why not.

Pure: bytes in, :class:`~banmian.tasks.model.DecodedPage` or :class:`~banmian.tasks.model.Reject`
out. PDF-to-text and OCR tools emit UTF-8 most of the time, but Windows tools
and older systems still write UTF-16 (often without a BOM), GB18030 or, in
Hong Kong and Taiwan, Big5; each is recognised and the choice recorded in
``DecodedPage.encoding``. Text that is not Chinese (Japanese, Korean,
English, other European languages) is a ``not_chinese`` reject, a page over
the per-page limits a ``too_complex`` one, and a few stray control bytes
are residue of the page (:mod:`~banmian.tasks.ingest.controls`), not a
reason to lose it.

Every step is linear in the input (C-level ``bytes`` methods, no per-line
Python loops) and the encoding and language checks read a bounded sample,
so a 20 MB single-line file decodes in well under a second.
"""

from __future__ import annotations

import codecs
import hashlib
from typing import Final

from banmian.tasks.ingest.controls import control_count, raw_control_count, split_controls, too_many_controls
from banmian.tasks.ingest.charsets import NotText, not_chinese, read_legacy
from banmian.tasks.model import DecodedPage, Reject

__all__ = ["MAX_PAGE_CHARS", "MAX_PAGE_LINES", "NotText", "decode_page", "guess_and_decode", "normalise_newlines"]

#: Broken UTF-8 sequences per non-ASCII byte up to which a file counts as damaged UTF-8, not GB18030.
MAX_DAMAGED_UTF8_ERROR_SHARE: Final = 0.1  # GB18030 text measures about 0.6
_ASCII_BYTES: Final = bytes(range(0x80))
_UTF8_REPLACEMENT: Final = "\ufffd".encode("utf-8")
#: Share of NUL bytes in one byte lane (odd or even offsets) that marks BOM-less UTF-16.
MIN_UTF16_NUL_LANE_SHARE: Final = 0.05
#: NULs allowed in the other lane, relative to the first (CJK code points ending in 00, e.g. 一).
MAX_UTF16_OTHER_LANE_NULS: Final = 0.2

#: Lines a page may have. Real pages have 300–600 (wild pages 480–596, seeds and generated ones up to
#: 312); 20,000 is 33 times the longest, and still segments in seconds. A file of a million short lines
#: is not a page, and would only stall the run.
MAX_PAGE_LINES: Final = 20_000
#: Characters a page may have. Real pages have 5,000–30,000 (wild pages 9,941–13,152); 400,000 is 30
#: times the longest, more than any broadsheet page holds.
MAX_PAGE_CHARS: Final = 400_000


def decode_page(path: str, data: bytes, mtime: float) -> DecodedPage | Reject:
    """Decode one page's bytes; line ends become ``\\n``; ``sha256`` is over the raw bytes.

    Order matters: BOMs are certain, so they go first; NUL bytes may mean
    UTF-16; then strict UTF-8 (which almost never accepts non-UTF-8 text by
    accident); many control bytes mean binary; the legacy encodings last,
    judged by what their readings say. Stray control characters are taken
    out of the text and kept in ``DecodedPage.control_chars``.
    """
    size = len(data)
    if size == 0:
        return Reject(path, "empty", "File is empty (0 bytes).", 0)

    decoded = guess_and_decode(data)
    if isinstance(decoded, NotText):
        return Reject(path, decoded.reason, decoded.detail, size)
    text, encoding = decoded

    controls = control_count(text)
    if too_many_controls(controls, len(text)):
        return Reject(path, "binary",
                      f"Decodes as {encoding} but {controls / len(text):.0%} of it is control characters "
                      f"({text.count(chr(0))} of them NUL), so it is not page text.", size)
    text, stray = split_controls(normalise_newlines(text)) if controls else (normalise_newlines(text), ())
    if not text.strip():
        return Reject(path, "empty", f"File holds only whitespace ({size} bytes).", size)
    refused = over_limits(text) or not_chinese(text, encoding)
    if refused is not None:
        return Reject(path, refused.reason, refused.detail, size)
    return DecodedPage(path=path, sha256=hashlib.sha256(data).hexdigest(), size=size,
                       mtime=mtime, encoding=encoding, text=text, control_chars=stray)


def over_limits(text: str) -> NotText | None:
    """The ``too_complex`` reject of a text over ``MAX_PAGE_LINES`` or ``MAX_PAGE_CHARS``, else None.

    >>> over_limits("第1版\\n" * 3) is None, over_limits("\\n" * (MAX_PAGE_LINES + 1)).reason
    (True, 'too_complex')
    """
    lines = text.count("\n") + (not text.endswith("\n"))
    if lines > MAX_PAGE_LINES:
        return NotText("too_complex", f"Has {lines:,} lines, more than the {MAX_PAGE_LINES:,} a page may have "
                       "(MAX_PAGE_LINES; real pages have 300–600), so it is not segmented.")
    if len(text) > MAX_PAGE_CHARS:
        return NotText("too_complex", f"Has {len(text):,} characters, more than the {MAX_PAGE_CHARS:,} a page "
                       "may have (MAX_PAGE_CHARS; real pages have 5,000–30,000), so it is not segmented.")
    return None


def guess_and_decode(data: bytes) -> tuple[str, str] | NotText:
    """``(text, encoding)``, or :class:`NotText` when the bytes are no text we can read."""
    with_bom = decode_with_bom(data)
    if with_bom is not None:
        return with_bom
    if b"\x00" in data:
        codec = utf16_without_bom(data)
        text = None if codec is None else _try_decode(data, codec)
        if codec is not None and text is not None:
            return text, codec
    try:
        return data.decode("utf-8"), "utf-8"  # control characters in it are judged on the text
    except UnicodeDecodeError as exc:
        first_bad = exc.start

    controls = raw_control_count(data)
    if too_many_controls(controls, len(data)):
        return NotText("binary", f"{controls / len(data):.0%} of the bytes are control codes "
                       f"({data.count(0)} of them NUL), so it is not a text file.")
    if looks_like_damaged_utf8(data):
        # GB18030 would "decode" this too, as mojibake: refuse rather than load garbage.
        return NotText("not_text", f"Is UTF-8 with invalid bytes (first bad byte 0x{data[first_bad]:02x} at "
                       f"offset {first_bad}); it was not loaded rather than guessed at.")
    return read_legacy(data)


def decode_with_bom(data: bytes) -> tuple[str, str] | NotText | None:
    """Text of a file that starts with a UTF-8 or UTF-16 byte order mark; None without one."""
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            return NotText("not_text",
                           f"Starts with a UTF-8 byte order mark but byte {exc.start + 3} is not valid UTF-8.")
    for bom, codec in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            text = _try_decode(data[2:], codec)
            if text is not None:
                return text, codec
            return NotText("not_text",
                           f"Starts with a {codec.upper()} byte order mark but is not valid {codec.upper()}.")
    return None


def looks_like_damaged_utf8(data: bytes) -> bool:
    """True when nearly all non-ASCII bytes form valid UTF-8 and only a few sequences are broken.

    Real GB18030 text breaks UTF-8 at almost every Chinese character;
    a truncated or bit-flipped UTF-8 file breaks it in a handful of places.
    """
    non_ascii = len(data.translate(None, _ASCII_BYTES))
    if non_ascii == 0:
        return False
    errors = data.decode("utf-8", "replace").count("\ufffd") - data.count(_UTF8_REPLACEMENT)
    return errors <= MAX_DAMAGED_UTF8_ERROR_SHARE * non_ascii


def utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` when NUL bytes sit (nearly) in one byte lane, as ASCII does in UTF-16.

    Every newline, space and digit in UTF-16 has a zero byte, always in the
    same lane: odd offsets for little-endian, even for big-endian. Chinese
    characters rarely have one, and then in the other lane (一 is U+4E00), so
    a few NULs there are allowed. Binary data scatters NULs over both lanes,
    and a stray NUL in a UTF-8 page is far below the lane share.
    """
    if len(data) % 2:
        return None
    even_nuls = data[0::2].count(0)
    odd_nuls = data[1::2].count(0)
    lane = len(data) // 2
    for major, minor, codec in ((odd_nuls, even_nuls, "utf-16-le"), (even_nuls, odd_nuls, "utf-16-be")):
        if major >= MIN_UTF16_NUL_LANE_SHARE * lane and minor <= MAX_UTF16_OTHER_LANE_NULS * major:
            return codec
    return None


def _try_decode(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR (old Mac, some OCR tools) become LF."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")
