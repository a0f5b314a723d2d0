"""File names that cannot be text, and how to show them anyway.

On Linux a file name is bytes. Python hands a name that is not UTF-8 (an
archive copied from a GBK system: ``国`` is ``b'\\xb9\\xfa'``) to us as a
``str`` with lone surrogates (``'\\udcb9\\udcfa'``), which every later step
refuses to encode: Parquet, DuckDB, Prefect's logs and artifacts, the
terminal. One such name used to fail every run. A name with control
characters (a newline, an ESC) is valid UTF-8 but breaks log lines and
can drive the terminal. Both kinds are kept out of a run as a
``bad_file_name`` reject whose path is :func:`printable_path`: valid UTF-8,
with the offending bytes escaped, so the user can see which file it is.
"""

from __future__ import annotations

import os
import re
from typing import Final

#: C0 controls, DEL and C1 controls: characters a file name can hold but no log line or terminal should show.
_CONTROL_RE: Final = re.compile("[\x00-\x1f\x7f-\x9f]")
#: Lone surrogates: the bytes of a name that were not UTF-8 (os.fsdecode's ``surrogateescape``).
_SURROGATE_RE: Final = re.compile("[\udc80-\udcff]")

#: The command that renames GBK (or GB18030) names to UTF-8, which the reject's detail suggests.
CONVMV_HINT: Final = "convmv -f gbk -t utf8 --notest"


def printable_path(path: str) -> str:
    r"""``path`` as valid, printable UTF-8: bytes that are not UTF-8 and control characters become ``\xNN``.

    >>> printable_path(os.fsdecode(b"/in/\xb9\xfa.txt"))
    '/in/\\xb9\\xfa.txt'
    >>> printable_path("/in/a\nb.txt"), printable_path("/in/人民日报.txt")
    ('/in/a\\x0ab.txt', '/in/人民日报.txt')
    """
    text = os.fsencode(path).decode("utf-8", "backslashreplace")
    return _CONTROL_RE.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def is_text_name(path: str) -> bool:
    r"""True if ``path`` is valid UTF-8 without control characters: safe to store, log and print as it is.

    >>> is_text_name("/in/第1版 要闻.txt"), is_text_name(os.fsdecode(b"/in/\xb9\xfa.txt"))
    (True, False)
    """
    return not (_SURROGATE_RE.search(path) or _CONTROL_RE.search(path))


def bad_name_detail(path: str) -> str:
    r"""The reject's sentence: which part of the path is at fault, and how to rename it.

    >>> print(bad_name_detail(os.fsdecode(b"/in/\xb9\xfa/p.txt")))  # doctest: +ELLIPSIS
    The folder name '\xb9\xfa' is not valid UTF-8 (its bytes are shown as \xNN), ... `convmv -f gbk -t utf8 --notest -r FOLDER` ...
    """
    parent, name = os.path.split(path)
    if not is_text_name(name):
        where, part = ("folder name" if os.path.isdir(path) else "file name"), name
    else:
        where, part = "folder name", next(p for p in parent.split(os.sep) if not is_text_name(p))
    if _SURROGATE_RE.search(part):
        return (f"The {where} '{printable_path(part)}' is not valid UTF-8 (its bytes are shown as \\xNN), "
                "so it cannot be stored or shown as text; rename it to UTF-8, e.g. with "
                f"`{CONVMV_HINT} -r FOLDER` if it was named on a GBK system.")
    return (f"The {where} '{printable_path(part)}' holds control characters (shown as \\xNN), "
            "which would break logs and terminals; rename it without them.")
