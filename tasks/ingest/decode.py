"""Turn a page file's raw bytes into text, or say precisely why not.

Pure: bytes in, :class:`~banmian.tasks.model.DecodedPage` or :class:`~banmian.tasks.model.Reject`
out. PDF-to-text and OCR tools emit UTF-8 most of the time, but Windows tools
and older Chinese systems still write UTF-16 (often without a BOM) or GB18030,
so each is recognised and the choice recorded in ``DecodedPage.encoding``.

Every step is linear in the input (C-level ``bytes`` methods, no per-line
Python loops), so a 20 MB single-line file decodes in well under a second.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from typing import NamedTuple

from banmian.tasks.model import DecodedPage, Reject

#: C0 control bytes that do not occur in text (tab, LF, VT, FF, CR and ESC are allowed).
_CONTROL_BYTES = bytes(b for b in range(0x20) if b not in (0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1B)) + b"\x7f"
_CONTROL_CHAR_RE = re.compile("[" + re.escape(_CONTROL_BYTES.decode("ascii")) + "]")

#: Share of control characters above which a file is taken to be binary.
MAX_CONTROL_SHARE = 0.01
#: Broken UTF-8 sequences per non-ASCII byte up to which a file counts as damaged UTF-8, not GB18030.
MAX_DAMAGED_UTF8_ERROR_SHARE = 0.1  # GB18030 text measures about 0.6
_ASCII_BYTES = bytes(range(0x80))
_UTF8_REPLACEMENT = "\ufffd".encode("utf-8")
#: Share of NUL bytes in one byte lane (odd or even offsets) that marks BOM-less UTF-16.
MIN_UTF16_NUL_LANE_SHARE = 0.05
#: NULs allowed in the other lane, relative to the first (CJK code points ending in 00, e.g. 一).
MAX_UTF16_OTHER_LANE_NULS = 0.2


def decode_page(path: str, data: bytes, mtime: float) -> DecodedPage | Reject:
    """Decode one page's bytes; line ends become ``\\n``; ``sha256`` is over the raw bytes.

    Order matters: BOMs are certain, so they go first; NUL bytes mean UTF-16
    or binary; then strict UTF-8 (which almost never accepts non-UTF-8 text
    by accident); GB18030 last, since it accepts many byte strings.
    """
    size = len(data)
    if size == 0:
        return Reject(path, "empty", "File is empty (0 bytes).", 0)

    decoded = guess_and_decode(data)
    if isinstance(decoded, NotText):
        return Reject(path, decoded.reason, decoded.detail, size)
    text, encoding = decoded

    share = control_share(text)
    if share > MAX_CONTROL_SHARE:
        return Reject(path, "binary",
                      f"Decodes as {encoding} but {share:.0%} of it is control characters, "
                      "so it is not page text.", size)
    text = normalise_newlines(text)
    if not text.strip():
        return Reject(path, "empty", f"File holds only whitespace ({size} bytes).", size)
    return DecodedPage(path=path, sha256=hashlib.sha256(data).hexdigest(), size=size,
                       mtime=mtime, encoding=encoding, text=text)


class NotText(NamedTuple):
    """Why some bytes are not page text: a Reject's reason code and detail sentence."""

    reason: str
    detail: str


def guess_and_decode(data: bytes) -> tuple[str, str] | NotText:
    """``(text, encoding)``, or :class:`NotText` when the bytes are no text we can read."""
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

    if b"\x00" in data:
        codec = utf16_without_bom(data)
        if codec is not None:
            text = _try_decode(data, codec)
            if text is not None:
                return text, codec
        return NotText("binary", f"Contains NUL bytes ({data.count(0)} of {len(data)}), "
                       "which text files do not, and is not UTF-16.")

    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        first_bad = exc.start

    share = raw_control_share(data)
    if share > MAX_CONTROL_SHARE:
        return NotText("binary", f"{share:.0%} of the bytes are control codes, so it is not a text file.")
    bad = f"0x{data[first_bad]:02x} at offset {first_bad}"
    if looks_like_damaged_utf8(data):
        # GB18030 would "decode" this too, as mojibake: refuse rather than load garbage.
        return NotText("not_text", f"Is UTF-8 with invalid bytes (first bad byte {bad}); "
                       "it was not loaded rather than guessed at.")
    text = _try_decode(data, "gb18030")
    if text is not None:
        return text, "gb18030"
    return NotText("not_text", f"Not valid UTF-8 (first bad byte {bad}), nor GB18030 or UTF-16.")


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
    a few NULs there are allowed. Binary data scatters NULs over both lanes.
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


def control_share(text: str) -> float:
    """Share of characters that are C0 controls other than whitespace and ESC."""
    if not text:
        return 0.0
    return len(_CONTROL_CHAR_RE.findall(text)) / len(text)


def raw_control_share(data: bytes) -> float:
    """Share of bytes that are C0 controls other than whitespace and ESC (no decoding needed)."""
    if not data:
        return 0.0
    return (len(data) - len(data.translate(None, _CONTROL_BYTES))) / len(data)
