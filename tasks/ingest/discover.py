"""Find the input files of a run and read their bytes.

This is the only module that touches the input file system. It never raises
for a bad *entry* (a broken symlink, a directory named ``x.txt``, a FIFO, a
file deleted mid-run): each becomes a :class:`~banmian.tasks.model.Reject` with a
short reason code and one human sentence, so a single bad file can never stop
a run. It raises only when the *source itself* is unusable
(:class:`SourceNotFound`), because then there is no run to speak of.

File names are data, never code: names with spaces, quotes, Chinese or
``'; drop table articles; --`` go through untouched (nothing here builds a
shell command or SQL string).
"""

from __future__ import annotations

import errno
import glob
import os
import stat

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


class SourceNotFound(FileNotFoundError):
    """The run's source (directory, glob or file) does not exist or matches nothing."""


def discover(source: str) -> tuple[list[RawFile], list[Reject]]:
    """List the page files of ``source``, sorted by path, and the entries that cannot be pages.

    ``source`` may be a directory (every ``*.txt`` below it, recursively), a
    glob pattern (``**`` allowed) or a single file (taken whatever its
    suffix, since the user named it). An existing path wins over a pattern, so
    a file literally named ``a[1].txt`` is found. Symlinks to files are
    followed; symlinked directories are not descended into (no cycles).
    """
    if not source or not source.strip():
        raise SourceNotFound("No source given: name a directory, a glob pattern or a .txt file.")
    path = os.path.abspath(os.path.expanduser(source))
    if os.path.lexists(path):
        if os.path.isdir(path):
            candidates = _walk_txt(path)
        else:
            candidates = [path]
    elif any(ch in source for ch in _GLOB_MAGIC):
        pattern = os.path.abspath(os.path.expanduser(source))
        candidates = glob.glob(pattern, recursive=True)
        if not candidates:
            raise SourceNotFound(f"No files match the pattern {source!r}.")
    else:
        raise SourceNotFound(f"Source {source!r} does not exist (looked for {path}).")

    files: list[RawFile] = []
    rejects: list[Reject] = []
    for candidate in sorted(set(candidates)):
        found = classify_entry(candidate)
        (files if isinstance(found, RawFile) else rejects).append(found)
    return files, rejects


def _walk_txt(root: str) -> list[str]:
    """Every path below ``root`` whose name ends in ``.txt`` (any case), files and directories alike.

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
            if name.lower().endswith(".txt"):
                found.append(os.path.join(dirpath, name))
    return found


def classify_entry(path: str) -> RawFile | Reject:
    """Stat one candidate path: a regular file becomes a RawFile, anything else a Reject."""
    try:
        st = os.stat(path)  # follows symlinks
    except FileNotFoundError:
        if os.path.islink(path):
            target = _readlink(path)
            return Reject(path, "broken_symlink", f"Symbolic link points to {target!r}, which does not exist.", None)
        return Reject(path, "vanished", "File disappeared while the source was being listed.", None)
    except PermissionError:
        return Reject(path, "unreadable", "Permission denied when looking at this entry.", None)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return Reject(path, "broken_symlink", "Symbolic link loops back on itself.", None)
        return Reject(path, "unreadable", f"Cannot inspect this entry: {exc.strerror or exc}.", None)

    if stat.S_ISDIR(st.st_mode):
        if os.access(path, os.R_OK | os.X_OK):
            detail = "Is a directory, not a file; its .txt files, if any, are listed on their own."
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

