"""discover/read_file against real files: odd names, symlinks, directories, files that vanish."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from banmian.tasks.ingest.discover import SourceNotFound, discover, is_transient, read_file
from banmian.tasks.model import RawFile, Reject

WEIRD_NAMES = [
    "with space.txt",
    "quote'single.txt",
    'quote"double.txt',
    "人民日报 第一版.txt",
    "'; drop table articles; --.txt",
    "a[1].txt",
    "$(echo pwned).txt",
    "-leading-dash.txt",
]


def _write(path: Path, text: str = "本报讯 内容\n") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _paths(items: list[RawFile] | list[Reject]) -> list[str]:
    return [i.path for i in items]


def test_directory_is_walked_recursively_and_sorted(tmp_path: Path) -> None:
    b = _write(tmp_path / "b.txt")
    a = _write(tmp_path / "a.txt")
    deep = _write(tmp_path / "2024" / "05" / "c.TXT")
    _write(tmp_path / "notes.md")
    files, rejects = discover(str(tmp_path))
    assert _paths(files) == sorted(map(str, [a, b, deep]))
    assert rejects == []
    assert all(os.path.isabs(f.path) for f in files)
    found_a = next(f for f in files if f.path == str(a))
    assert (found_a.size, found_a.mtime) == (a.stat().st_size, a.stat().st_mtime)


@pytest.mark.parametrize("name", WEIRD_NAMES)
def test_weird_names_are_ordinary(tmp_path: Path, name: str) -> None:
    path = _write(tmp_path / name)
    files, rejects = discover(str(tmp_path))
    assert _paths(files) == [str(path)] and rejects == []
    # ... also when the weird name is the source itself (a[1].txt is not taken as a pattern)
    files, rejects = discover(str(path))
    assert _paths(files) == [str(path)]
    assert read_file(files[0]) == path.read_bytes()


def test_glob_source(tmp_path: Path) -> None:
    _write(tmp_path / "x" / "p1.txt")
    _write(tmp_path / "x" / "p2.txt")
    _write(tmp_path / "y" / "p3.txt")
    files, _ = discover(str(tmp_path / "x" / "*.txt"))
    assert [Path(p).name for p in _paths(files)] == ["p1.txt", "p2.txt"]
    files, _ = discover(str(tmp_path / "**" / "*.txt"))
    assert len(files) == 3


def test_single_file_source_with_any_suffix(tmp_path: Path) -> None:
    page = _write(tmp_path / "page.out")
    files, rejects = discover(str(page))
    assert _paths(files) == [str(page)] and rejects == []


def test_relative_source_becomes_absolute(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _write(tmp_path / "in" / "a.txt")
    monkeypatch.chdir(tmp_path)
    files, _ = discover("in")
    assert _paths(files) == [str(tmp_path / "in" / "a.txt")]


@pytest.mark.parametrize("source", ["", "   ", "/no/such/dir", "/no/such/*.txt"])
def test_missing_source_raises_a_clear_error(source: str) -> None:
    with pytest.raises(SourceNotFound) as err:
        discover(source)
    assert str(err.value).endswith(".")


def test_bad_entries_become_rejects(tmp_path: Path) -> None:
    good = _write(tmp_path / "good.txt")
    (tmp_path / "dir.txt").mkdir()
    inner = _write(tmp_path / "dir.txt" / "inner.txt")
    (tmp_path / "broken.txt").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    linked = tmp_path / "linked.txt"
    linked.symlink_to(good)
    os.mkfifo(tmp_path / "pipe.txt")

    files, rejects = discover(str(tmp_path))

    assert _paths(files) == sorted([str(good), str(inner), str(linked)])
    by_name = {Path(r.path).name: r for r in rejects}
    assert {n: r.reason for n, r in by_name.items()} == {
        "dir.txt": "is_directory",
        "broken.txt": "broken_symlink",
        "loop.txt": "broken_symlink",
        "pipe.txt": "not_regular_file",
    }
    assert "nowhere.txt" in by_name["broken.txt"].detail
    for r in rejects:
        assert r.detail.endswith(".") and "\n" not in r.detail


def test_directory_given_where_a_file_is_expected(tmp_path: Path) -> None:
    (tmp_path / "a.txt").mkdir()
    files, rejects = discover(str(tmp_path / "*.txt"))
    assert files == [] and [r.reason for r in rejects] == ["is_directory"]


def test_broken_symlink_given_as_source(tmp_path: Path) -> None:
    link = tmp_path / "gone.txt"
    link.symlink_to(tmp_path / "missing")
    files, rejects = discover(str(link))
    assert files == [] and [r.reason for r in rejects] == ["broken_symlink"]


def test_file_deleted_between_discover_and_read(tmp_path: Path) -> None:
    page = _write(tmp_path / "soon-gone.txt")
    files, _ = discover(str(tmp_path))
    page.unlink()
    got = read_file(files[0])
    assert isinstance(got, Reject) and got.reason == "vanished"
    assert got.size == files[0].size


def test_file_replaced_by_directory_before_read(tmp_path: Path) -> None:
    page = _write(tmp_path / "p.txt")
    files, _ = discover(str(tmp_path))
    page.unlink()
    page.mkdir()
    got = read_file(files[0])
    assert isinstance(got, Reject) and got.reason == "is_directory"


def test_symlink_target_removed_before_read(tmp_path: Path) -> None:
    target = _write(tmp_path / "target.dat")
    (tmp_path / "link.txt").symlink_to(target)
    files, _ = discover(str(tmp_path))
    target.unlink()
    got = read_file(files[0])
    assert isinstance(got, Reject) and got.reason == "broken_symlink"


def test_chmod_000_as_root_is_still_readable_or_rejected(tmp_path: Path) -> None:
    """Root ignores mode bits, so a chmod 000 file reads; as another user it is 'unreadable'."""
    page = _write(tmp_path / "locked.txt")
    page.chmod(0)
    try:
        files, rejects = discover(str(tmp_path))
        got = read_file(files[0])
        if os.geteuid() == 0:
            assert got == page.read_bytes()
        else:
            assert isinstance(got, Reject) and got.reason == "unreadable"
    finally:
        page.chmod(0o644)


def test_transient_errors() -> None:
    import errno
    assert is_transient(OSError(errno.EIO, "I/O error"))
    assert is_transient(OSError(errno.ESTALE, "stale"))
    assert not is_transient(FileNotFoundError(errno.ENOENT, "gone"))
    assert not is_transient(ValueError("x"))
