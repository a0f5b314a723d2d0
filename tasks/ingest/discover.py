"""Find the input files of a run and read their bytes.

This is the only module that touches the input file system. It never raises
for a bad *entry* (a broken symlink, a directory named ``x.txt``, a FIFO, a
file deleted mid-run): each becomes a :class:`~banmian.tasks.model.Reject` with a
short reason code and one human sentence, so a single bad file can never stop
a run. It raises only when the *source itself* is unusable
(:class:`SourceNotFound`), because then there is no run to speak of.

File names are data, never code: names with spaces, quotes, Chinese or
``'; drop table articles; --`` go through untouched (nothing here builds a
shell command or SQL string). A name that is not valid UTF-8 (copied from a
GBK system) or holds control characters cannot be stored or shown as text:
it becomes a ``bad_file_name`` reject whose path is printable (see
:mod:`banmian.tasks.ingest.names`), so every path that leaves this module is
valid UTF-8.
"""

from __future__ import annotations

import errno
import glob
import os
import stat

from banmian.tasks.ingest.names import bad_name_detail, is_text_name, printable_path
from banmian.tasks.model import RawFile, Reject

#: Pages are tens of kilobytes; anything past this is not a newspaper page and
#: would only exhaust memory. Big enough for a 20 MB single-line OCR dump.
MAX_FILE_BYTES = 100 * 1024 * 1024

#: errno values after which a second read may well succeed (network and
#: overloaded file systems); everything else is taken as permanent.
TRANSIENT_ERRNOS = frozenset(
    e for e in (
        getattr(errno, name, None)
        for name in ("EIO", "EAGAIN", "EINTR", "ETIMEDOUT", "ESTALE", "EBUSY", "ENOLCK", "EMFILE", "ENFILE")
    ) if e is not None
)

_GLOB_MAGIC = ("*", "?", "[")
#: The suffixes of page files in a source directory (any case): page text, and page PDFs (``tasks/pdf``).
PAGE_SUFFIXES = (".txt", ".pdf")


class SourceNotFound(FileNotFoundError):
    """The run's source (directory, glob or file) does not exist or matches nothing."""


class BadSourceName(SourceNotFound):
    """The run's source itself is not a text name (not UTF-8, or with control characters).

    A :class:`SourceNotFound`, so every caller that already turns that into a
    clear message and exit code does so here too: a run whose source cannot be
    recorded as text cannot be recorded at all.
    """


def discover(source: str) -> tuple[list[RawFile], list[Reject]]:
    """List the page files of ``source``, sorted by path, and the entries that cannot be pages.

    ``source`` may be a directory (every ``*.txt`` and ``*.pdf`` below it, recursively), a
    glob pattern (``**`` allowed) or a single file (taken whatever its
    suffix, since the user named it). An existing path wins over a pattern, so
    a file literally named ``a[1].txt`` is found. Symlinks to files are
    followed; symlinked directories are not descended into (no cycles).
    """
    files: list[RawFile] = []
    rejects: list[Reject] = []
    for candidate in sorted(set(source_candidates(source))):
        found = classify_entry(candidate) if is_text_name(candidate) else bad_name_reject(candidate)
        if isinstance(found, RawFile):
            files.append(found)
        else:
            rejects.append(found)
    return files, rejects


def require_text_source(source: str) -> None:
    """Raise :class:`BadSourceName` if the source's own name is not valid UTF-8 (or has control characters).

    :func:`discover` checks this itself; ``banmian.cli._check_source`` must call it before its shortcut
    for existing paths, because such a name fails inside Prefect (flow parameters are UTF-8 JSON) before
    discovery runs.
    """
    if not is_text_name(source):
        raise BadSourceName(f"Source '{printable_path(source)}': {bad_name_detail(source)}")


def source_candidates(source: str) -> list[str]:
    """The paths ``source`` names (see :func:`discover`); raises :class:`SourceNotFound` if there are none."""
    if not source or not source.strip():
        raise SourceNotFound("No source given: name a directory, a glob pattern or a .txt file.")
    require_text_source(source)
    path = os.path.abspath(os.path.expanduser(source))
    if os.path.lexists(path):
        return _walk_txt(path) if os.path.isdir(path) else [path]
    if not any(ch in source for ch in _GLOB_MAGIC):
        raise SourceNotFound(f"Source {source!r} does not exist (looked for {path}).")
    candidates = glob.glob(path, recursive=True)
    if not candidates:
        raise SourceNotFound(f"No files match the pattern {source!r}.")
    return candidates


def _walk_txt(root: str) -> list[str]:
    """Every path below ``root`` whose name ends in ``.txt`` or ``.pdf`` (any case), files and directories alike.

    Directories named ``*.txt`` are returned too, so they become visible
    rejects rather than silently vanishing; they are still descended into.
    """
    found: list[str] = []

    def note_error(exc: OSError) -> None:
        # An unreadable subdirectory: report it as an entry of its own.
        if exc.filename:
            found.append(os.fspath(exc.filename))

    for dirpath, dirnames, filenames in os.walk(root, onerror=note_error, followlinks=False):
        for name in filenames + dirnames:
            if name.lower().endswith(PAGE_SUFFIXES):
                found.append(os.path.join(dirpath, name))
    return found


def bad_name_reject(path: str) -> Reject:
    """The ``bad_file_name`` reject of a path that is no text name: shown escaped, never opened."""
    try:
        size: int | None = os.lstat(path).st_size
    except OSError:
        size = None
    return Reject(printable_path(path), "bad_file_name", bad_name_detail(path), size)


def classify_entry(path: str) -> RawFile | Reject:
    """Stat one candidate path: a regular file becomes a RawFile, anything else a Reject."""
    try:
        st = os.stat(path)  # follows symlinks
    except FileNotFoundError:
        if os.path.islink(path):
            target = _readlink(path)
            return Reject(path, "broken_symlink",
                          f"Symbolic link points to '{printable_path(target)}', which does not exist.", None)
        return Reject(path, "vanished", "File disappeared while the source was being listed.", None)
    except PermissionError:
        return Reject(path, "unreadable", "Permission denied when looking at this entry.", None)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return Reject(path, "broken_symlink", "Symbolic link loops back on itself.", None)
        return Reject(path, "unreadable", f"Cannot inspect this entry: {exc.strerror or exc}.", None)

    if stat.S_ISDIR(st.st_mode):
        if os.access(path, os.R_OK | os.X_OK):
            detail = "Is a directory, not a file; its .txt and .pdf files, if any, are listed on their own."
        else:
            detail = "Is a directory that cannot be listed (permission denied)."
        return Reject(path, "is_directory", detail, None)
    if not stat.S_ISREG(st.st_mode):
        return Reject(path, "not_regular_file",
                      f"Is a {_file_kind(st.st_mode)}, not a regular file, so it is not read.", None)
    if st.st_size > MAX_FILE_BYTES:
        return Reject(path, "too_large",
                      f"Is {st.st_size / 1e6:.0f} MB, more than the {MAX_FILE_BYTES // 2**20} MiB a page may be.",
                      st.st_size)
    return RawFile(path=path, size=st.st_size, mtime=st.st_mtime)


def read_bytes(path: str) -> bytes:
    """Read a whole file; raises OSError, for callers that want to retry transient errors."""
    with open(path, "rb") as fh:
        return fh.read()


def read_file(f: RawFile) -> bytes | Reject:
    """Read a discovered file, turning any OS error into a Reject (never raises OSError)."""
    try:
        return read_bytes(f.path)
    except OSError as exc:
        return reject_for_read_error(f, exc)


def is_transient(exc: BaseException) -> bool:
    """True if a read that failed with ``exc`` is worth trying again."""
    return isinstance(exc, OSError) and exc.errno in TRANSIENT_ERRNOS


def reject_for_read_error(f: RawFile, exc: OSError) -> Reject:
    """The Reject that explains why reading ``f`` failed."""
    if isinstance(exc, FileNotFoundError):
        if os.path.islink(f.path):
            return Reject(f.path, "broken_symlink",
                          "Symbolic link target disappeared before the file was read.", f.size)
        return Reject(f.path, "vanished",
                      "File was deleted or moved after it was found and before it was read.", f.size)
    if isinstance(exc, IsADirectoryError):
        return Reject(f.path, "is_directory", "Was replaced by a directory before it was read.", f.size)
    if isinstance(exc, PermissionError):
        return Reject(f.path, "unreadable", "Permission denied when reading the file.", f.size)
    reason = exc.strerror or type(exc).__name__
    return Reject(f.path, "unreadable", f"Reading the file failed: {reason} (errno {exc.errno}).", f.size)


def _readlink(path: str) -> str:
    try:
        return os.readlink(path)
    except OSError:
        return "?"


def _file_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "named pipe"
    if stat.S_ISSOCK(mode):
        return "socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    return "special file"

