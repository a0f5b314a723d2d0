"""What a run changes in the warehouse, decided before anything is written.

Pure: the writer reads the warehouse's state once (:class:`WarehouseState`),
asks :func:`plan_run` what the run's pages, unchanged files and rejects
mean for it, writes what the plan says and commits it in one transaction.
So the rules are read and tested here, without files or DuckDB:

* content already current is not written again, only its path recorded
  (unless ``full_refresh`` and the segmentation result changed);
* a path whose content changed stops pointing at the old content;
* a rejected path stops holding a page, unless the reject is only a warning
  about a page loaded all the same (``Reject.is_warning``, e.g.
  ``no_articles``): that one is recorded and the page stays current;
* with ``full_refresh`` a path this run did not see stops being current;
* a page version is superseded when no current path holds its content any
  more, or when this run writes a new version of it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Generic, TypeVar

from banmian.tasks.model import DecodedPage, PageResult, RawFile, Reject, RunInfo, RunStatus
from banmian.tasks.store import records

PageKey = tuple[str, str]  # (path, page_id)
PageVersion = tuple[str, str]  # (page_id, run_id)


@dataclass(frozen=True)
class Digested:
    """What planning needs of a result it does not hold: its ``records.result_digest`` (only for a full
    refresh, else "") and whether it is dated (the commit of staged batches plans from these, so it
    never holds a run's results at once)."""

    digest: str
    dated: bool

    @classmethod
    def of(cls, result: PageResult, with_digest: bool) -> Digested:
        return cls(records.result_digest(result) if with_digest else "", _dated(result))


#: A page's segmentation as a plan holds it: the result itself, or only what planning needs of it.
Segmentation = TypeVar("Segmentation", PageResult, Digested)


@dataclass(frozen=True)
class Source:
    """One row of ``page_sources``: a path and a content it held."""

    path: str
    page_id: str
    size: int
    mtime: float
    first_seen_run: str
    last_seen_run: str
    current: bool

    @property
    def key(self) -> PageKey:
        return (self.path, self.page_id)


@dataclass(frozen=True)
class ManifestEntry:
    """One row of ``_manifest``: a live Parquet file."""

    table_name: str
    file: str       # relative to the root, posix
    run_id: str
    n_rows: int
    n_bytes: int
    sha256: str | None = None  # of the file's bytes; None only for files written before schema 4


@dataclass
class WarehouseState:
    """What a writer needs to plan a run, read once per transaction."""

    sources: dict[PageKey, Source] = field(default_factory=dict)
    current_versions: dict[str, tuple[str, str]] = field(default_factory=dict)  # page_id -> (run_id, digest)
    manifest: list[ManifestEntry] = field(default_factory=list)

    def current_source_by_path(self) -> dict[str, Source]:
        return {s.path: s for s in self.sources.values() if s.current}


@dataclass
class RunPlan(Generic[Segmentation]):
    """What a run changes, decided before anything is written."""

    write: list[tuple[DecodedPage, Segmentation]]  # new page versions
    sources: list[Source]                         # page_sources rows to insert or replace
    superseded: list[PageVersion]                 # versions replaced
    skipped: int
    unknown_unchanged: list[str] = field(default_factory=list)  # "unchanged" paths never loaded


@dataclass
class _Paths:
    """The ``page_sources`` rows a run touches, and what each path holds as the run goes on."""

    state: WarehouseState
    touched: dict[PageKey, Source] = field(default_factory=dict)
    by_path: dict[str, Source] = field(default_factory=dict)

    @classmethod
    def of(cls, state: WarehouseState) -> _Paths:
        return cls(state, by_path=state.current_source_by_path())

    def put(self, src: Source) -> None:
        """Record ``src`` as this run's row for its (path, content)."""
        self.touched[src.key] = src
        if src.current:
            self.by_path[src.path] = src
        elif src.path in self.by_path and self.by_path[src.path].key == src.key:
            del self.by_path[src.path]

    def hold(self, page: DecodedPage, run_id: str) -> None:
        """``page.path`` now holds ``page``'s content (and no longer what it held before)."""
        previous = self.by_path.get(page.path)
        if previous is not None and previous.page_id != page.sha256:
            self.put(replace(previous, current=False))
        key = (page.path, page.sha256)
        old = self.touched.get(key) or self.state.sources.get(key)
        self.put(Source(page.path, page.sha256, page.size, page.mtime,
                        old.first_seen_run if old else run_id, run_id, True))

    def keep(self, raw: RawFile, run_id: str) -> bool:
        """An unchanged file keeps its content; False if the path holds nothing known."""
        src = self.by_path.get(raw.path)
        if src is None:
            return False
        self.put(replace(src, size=raw.size, mtime=raw.mtime, last_seen_run=run_id))
        return True

    def release(self, path: str) -> None:
        """``path`` holds no page any more (rejected, or gone in a full refresh)."""
        src = self.by_path.get(path)
        if src is not None:
            self.put(replace(src, current=False))


def _needs_writing(state: WarehouseState, page_id: str, result: PageResult | Digested, full_refresh: bool) -> bool:
    """No current version of this content, or (full refresh) one from another segmentation."""
    current = state.current_versions.get(page_id)
    if current is None:
        return True
    digest = result.digest if isinstance(result, Digested) else records.result_digest(result)
    return full_refresh and current[1] != digest


def _plan_pages(paths: _Paths, pages: Sequence[tuple[DecodedPage, Segmentation]], run_id: str,
                full_refresh: bool) -> tuple[dict[str, tuple[DecodedPage, Segmentation]], int]:
    """The page versions to write (one per content), and how many pages need none."""
    write: dict[str, tuple[DecodedPage, Segmentation]] = {}
    skipped = 0
    for page, result in pages:
        paths.hold(page, run_id)
        if page.sha256 in write:
            skipped += 1
            if _dated(result) and not _dated(write[page.sha256][1]):
                write[page.sha256] = (page, result)  # copies of one content: the first dated one is stored
        elif not _needs_writing(paths.state, page.sha256, result, full_refresh):
            skipped += 1
        else:
            write[page.sha256] = (page, result)
    return write, skipped


def _dated(result: PageResult | Digested) -> bool:
    """The page's issue date was read (from its furniture or path) when it was segmented."""
    if isinstance(result, Digested):
        return result.dated
    return result.dating is not None and result.dating.issue_date is not None


def _superseded(state: WarehouseState, live_paths: Iterable[Source], written: Iterable[str]) -> list[PageVersion]:
    """Current versions whose content no current path holds, or which this run writes anew."""
    live = {src.page_id for src in live_paths}
    rewritten = set(written)
    return sorted((pid, run) for pid, (run, _) in state.current_versions.items()
                  if pid not in live or pid in rewritten)


def _forget_unseen(paths: _Paths, seen: set[str]) -> None:
    """A full refresh saw every file there is: a path it did not see holds no page any more."""
    for path in [p for p in paths.by_path if p not in seen]:
        paths.release(path)


def plan_run(state: WarehouseState, pages: Sequence[tuple[DecodedPage, Segmentation]],
             unchanged: Sequence[RawFile], rejects: Sequence[Reject], run_id: str,
             full_refresh: bool = False) -> RunPlan[Segmentation]:
    """Decide what a run writes and which page versions it supersedes (the rules: module docstring)."""
    paths = _Paths.of(state)
    write, skipped = _plan_pages(paths, pages, run_id, full_refresh)
    unknown = [raw.path for raw in unchanged if not paths.keep(raw, run_id)]
    for rej in rejects:
        if not rej.is_warning:  # a warning only flags the page loaded at this path
            paths.release(rej.path)
    if full_refresh:
        seen = {p.path for p, _ in pages} | {f.path for f in unchanged} | {r.path for r in rejects}
        _forget_unseen(paths, seen)
    return RunPlan(write=list(write.values()), sources=list(paths.touched.values()),
                   superseded=_superseded(state, paths.by_path.values(), write),
                   skipped=skipped + len(unchanged) - len(unknown), unknown_unchanged=unknown)


def run_status(run: RunInfo, n_pages: int, n_unchanged: int, n_rejects: int) -> RunStatus:
    """``partial`` if the orchestration says so or some found file is unaccounted for.

    ``n_rejects`` counts files that did not become pages (warnings about loaded
    pages are already counted in ``n_pages``).
    """
    if run.partial or n_pages + n_unchanged + n_rejects < run.pages_found:
        return "partial"
    return "complete"
