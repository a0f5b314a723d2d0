"""Stray control characters: a few are residue of a page, many make a file binary.

A NUL or a DEL now and then is what OCR tools, broken copies and old editors
leave in a page; the page is still a page. Decoding takes such characters
out of the text it hands to segmentation (they would break line and
paragraph rules) and keeps each, with its 1-based line, as a
``control_char`` residue row, so nothing is lost. Past
``MAX_CONTROL_SHARE`` (and ``STRAY_CONTROLS_ALLOWED``) the file is binary, not text.

Tab, LF, VT, FF, CR and ESC are not stray: they occur in text (ESC in OCR
output of some tools) and stay in it.
"""

from __future__ import annotations

import re
from typing import Final

from banmian.tasks.model import Residue

#: C0 control bytes that do not occur in text (tab, LF, VT, FF, CR and ESC are allowed), and DEL.
CONTROL_BYTES: Final = bytes(b for b in range(0x20) if b not in (0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1B)) + b"\x7f"
#: One control character (a class without ``+``: the regex engine scans for it several times faster).
_CONTROL_CHAR_RE: Final = re.compile("[" + re.escape(CONTROL_BYTES.decode("ascii")) + "]")

#: Share of control characters above which a file is taken to be binary: text pages have none, or a
#: handful in tens of thousands of characters; executables and images have 10% and more.
MAX_CONTROL_SHARE: Final = 0.01
#: Stray control characters any text may have whatever its length, so one NUL in a 20-character file
#: (5%) is still residue of a page, not a binary file.
STRAY_CONTROLS_ALLOWED: Final = 4


def control_count(text: str) -> int:
    """How many characters of ``text`` are C0 controls other than whitespace and ESC, or DEL.

    >>> control_count("ab\\x00d\\x7f")
    2
    """
    return len(_CONTROL_CHAR_RE.findall(text))


def raw_control_count(data: bytes) -> int:
    """How many bytes are C0 controls other than whitespace and ESC, or DEL (no decoding needed)."""
    return len(data) - len(data.translate(None, CONTROL_BYTES))


def too_many_controls(controls: int, length: int) -> bool:
    """True if ``controls`` control characters in ``length`` make a binary file rather than a page.

    >>> too_many_controls(1, 20), too_many_controls(30, 1000), too_many_controls(2, 10_000)
    (False, True, False)
    """
    return controls > max(STRAY_CONTROLS_ALLOWED, MAX_CONTROL_SHARE * length)


def split_controls(text: str) -> tuple[str, tuple[Residue, ...]]:
    """``text`` without its stray control characters, and those characters as residue (one row per line).

    Linear: one regex pass, and line numbers counted between matches.

    >>> split_controls("第1版\\n要\\x00闻\\x00\\x7f\\n")
    ('第1版\\n要闻\\n', (Residue(text='\\x00\\x00\\x7f', reason='control_char', line=2),))
    """
    if not _CONTROL_CHAR_RE.search(text):
        return text, ()
    by_line: dict[int, str] = {}
    line, counted_to = 1, 0
    for match in _CONTROL_CHAR_RE.finditer(text):
        line += text.count("\n", counted_to, match.start())
        counted_to = match.start()
        by_line[line] = by_line.get(line, "") + match.group()
    residue = tuple(Residue(chars, "control_char", no) for no, chars in by_line.items())
    return _CONTROL_CHAR_RE.sub("", text), residue
