"""banmian's pure text logic (decode, clean, segment, records) and its Prefect task wrappers.

The segmentation modules also come compiled with mypyc (``make native``,
kept in ``build/mypyc``): they are used only while they were compiled from
exactly these sources, else the plain Python here runs. ``NATIVE`` says
which; see :mod:`tasks._native`.
"""

from __future__ import annotations

from tasks import _native

try:
    _compiled, NATIVE = _native.check()
except Exception as exc:  # a damaged build never stops the plain Python  # pragma: no cover
    _compiled, NATIVE = None, f"pure Python (compiled build unreadable: {exc!r})"

#: The compiled modules are in use.
COMPILED: bool = _compiled is not None
if _compiled is not None:
    __path__.insert(0, str(_compiled))
