"""discover/read_file against real files: odd names, symlinks, directories, files that vanish."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from banmian.tasks.ingest.discover import (
    BadSourceName,
    SourceNotFound,
    discover,
    is_transient,
    read_file,
    require_text_source,
)
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


# ---------------------------------------------------------------------------
# Names that are not text: bytes from a GBK system, control characters
# ---------------------------------------------------------------------------

GBK_NAME = "国".encode("gbk")  # b'\xb9\xfa': not UTF-8


def _write_bytes_path(path: bytes, data: bytes = "本报讯 内容\n".encode()) -> None:
    """Create a file at a bytes path, as a copy from a GBK system leaves it."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        os.write(fd, data)
    finally:
        os.close(fd)


def _assert_text(paths: list[str]) -> None:
    """Every path is valid UTF-8 and printable: what Parquet, DuckDB, Prefect and the terminal need."""
    for p in paths:
        p.encode("utf-8")  # raises on the surrogates of undecodable bytes
        assert p.isprintable(), p


def test_file_name_with_gbk_bytes_is_a_reject_and_the_rest_loads(tmp_path: Path) -> None:
    good = _write(tmp_path / "good.txt")
    _write_bytes_path(os.fsencode(tmp_path) + b"/" + GBK_NAME + b".txt")
    files, rejects = discover(str(tmp_path))
    assert _paths(files) == [str(good)]
    assert [(r.path, r.reason) for r in rejects] == [(f"{tmp_path}/\\xb9\\xfa.txt", "bad_file_name")]
    assert "not valid UTF-8" in rejects[0].detail and "convmv -f gbk -t utf8" in rejects[0].detail
    assert rejects[0].size == len("本报讯 内容\n".encode())
    _assert_text(_paths(files) + _paths(rejects) + [r.detail for r in rejects])


def test_directory_with_gbk_bytes_does_not_stop_discovery(tmp_path: Path) -> None:
    good = _write(tmp_path / "a" / "good.txt")
    folder = os.fsencode(tmp_path) + b"/" + GBK_NAME
    os.mkdir(folder)
    _write_bytes_path(folder + b"/p1.txt")
    _write_bytes_path(folder + b"/p2.txt")
    files, rejects = discover(str(tmp_path))
    assert _paths(files) == [str(good)]
    assert [(r.path, r.reason) for r in rejects] == [
        (f"{tmp_path}/\\xb9\\xfa/p1.txt", "bad_file_name"), (f"{tmp_path}/\\xb9\\xfa/p2.txt", "bad_file_name")]
    assert all(r.detail.startswith("The folder name '\\xb9\\xfa'") for r in rejects)
    _assert_text(_paths(rejects) + [r.detail for r in rejects])


@pytest.mark.parametrize("name", ["new\nline.txt", "esc\x1b[31m.txt", "tab\there.txt"])
def test_file_name_with_control_characters_is_a_reject(tmp_path: Path, name: str) -> None:
    _write(tmp_path / name)
    files, rejects = discover(str(tmp_path))
    assert files == [] and [r.reason for r in rejects] == ["bad_file_name"]
    assert "control characters" in rejects[0].detail
    _assert_text(_paths(rejects) + [rejects[0].detail])


def test_symlink_to_a_gbk_name_shows_it_escaped(tmp_path: Path) -> None:
    os.symlink(os.fsencode(tmp_path) + b"/" + GBK_NAME, tmp_path / "link.txt")  # broken: target absent
    _, rejects = discover(str(tmp_path))
    assert [r.reason for r in rejects] == ["broken_symlink"]
    assert "\\xb9\\xfa" in rejects[0].detail
    _assert_text([rejects[0].detail])


def test_source_whose_own_name_is_not_utf8_fails_clearly(tmp_path: Path) -> None:
    folder = os.fsencode(tmp_path) + b"/" + GBK_NAME
    os.mkdir(folder)
    with pytest.raises(SourceNotFound) as err:  # BadSourceName: callers already handle SourceNotFound
        discover(os.fsdecode(folder))
    assert isinstance(err.value, BadSourceName)
    assert "\\xb9\\xfa" in str(err.value) and "convmv" in str(err.value)
    _assert_text([str(err.value)])
    with pytest.raises(BadSourceName):
        require_text_source(os.fsdecode(folder))
    require_text_source(str(tmp_path))  # a text name passes


def test_gbk_named_reject_can_be_stored_in_parquet_and_duckdb(tmp_path: Path) -> None:
    """The reject's path goes where the crash was: a Parquet file and a DuckDB query over it."""
    import duckdb
    import pyarrow as pa
    import pyarrow.parquet as pq

    _write_bytes_path(os.fsencode(tmp_path) + b"/" + GBK_NAME + b".txt")
    _, rejects = discover(str(tmp_path))
    table = pa.table({"path": [r.path for r in rejects], "detail": [r.detail for r in rejects]})
    pq.write_table(table, tmp_path / "rejects.parquet")
    rows = duckdb.connect().execute("SELECT path FROM read_parquet(?)", [str(tmp_path / "rejects.parquet")]).fetchall()
    assert rows == [(f"{tmp_path}/\\xb9\\xfa.txt",)]
