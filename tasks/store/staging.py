"""A run's batch results on disk, handed between tasks as small handles.

Prefect walks every argument of a task (``visit_collection``) and a Dask
worker would ship every result back by value: passing all of a run's pages
to the commit task cost more than segmenting them (issue 19). So each
segmentation batch pickles what it made into the run's staging folder and
returns a :class:`StagedPart` (its page range, file and counts); the commit
task gets a :class:`StagedRun` and reads the parts back itself, one at a
time (``WarehouseWriter.commit_staged``), so memory does not grow with the run.

    <warehouse>/.staging/<run_id>/skip_ids.pkl            page ids already stored
    <warehouse>/.staging/<run_id>/pages-000001-000200.pkl one per batch
    <warehouse>/.staging/<run_id>/plan-000001-000200.pkl  its pages without their text, with their digests
    <warehouse>/.staging/<run_id>/rows-000001-000200.pkl  its pages' stored rows (``records.page_tables``)
    <warehouse>/.staging/<run_id>/rest.pkl                unchanged files and rejects

A batch that knows its run (:func:`stage_pages` with ``run_id``) also turns its
pages into the rows the warehouse stores (cutting their words, finding their
places): that is most of a commit's work, and a batch does it in parallel with
the others, while the commit, in the flow's process, runs alone. The commit
then plans from the small ``plan-`` files and writes each part's rows as
staged, unless the plan keeps only some of a part's pages (copies of one
content, a full refresh's unchanged results): those parts' rows are made
again from their pages, so the rows are those of the pages the plan chose.

Staged files are never part of the warehouse: only the writer-lock holder
stages, it clears what a killed run left when it starts, and removes its own
folder after the commit (whether the commit succeeded or not). The commit
itself stays one atomic step (``WarehouseWriter.commit_staged``).

Workers on other machines must see the warehouse at the same path.
"""

from __future__ import annotations

import os
import pickle
import shutil
import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Final

import pyarrow as pa

from banmian.tasks.model import DecodedPage, PageResult, RawFile, Reject
from banmian.tasks.store import records
from banmian.tasks.store.plan import Digested

#: The staging area, under the warehouse root (hidden: no reader looks there).
STAGING_DIR: Final = ".staging"

#: Stand-in result for content the warehouse already holds as current: the
#: writer then only records the path (``plan_run``) and never looks at the
#: result outside a full refresh, where nothing is skipped this way.
ALREADY_LOADED = PageResult(articles=[], residue=[], meta={})


@dataclass(frozen=True, slots=True)
class StagedPart:
    """One batch's segmented pages, on disk: what a segmentation task returns instead of the pages."""

    path: str
    first: int
    last: int
    pages: int    # pages segmented in this batch
    known: int    # pages whose content the warehouse already holds (their paths are recorded)
    run_id: str = ""    # the run its rows were made for ("": none staged)
    planning: str = ""  # its pages without their text, with their results' digests and datings
    rows: str = ""      # its segmented pages' stored rows, in page order (``records.page_tables``)


@dataclass(frozen=True, slots=True)
class StagedRun:
    """Everything a commit needs, on disk: the batches' parts and the run's unchanged files and rejects."""

    parts: tuple[StagedPart, ...]
    rest: str


def run_staging_dir(root: Path, run_id: str) -> Path:
    """A fresh staging folder for ``run_id``, after clearing what earlier (killed) runs left.

    Call it only while holding the warehouse's writer lock.
    """
    clear_staging(root)
    folder = Path(root) / STAGING_DIR / run_id
    folder.mkdir(parents=True)
    return folder


def clear_staging(root: Path) -> None:
    """Remove the whole staging area (nothing in it is ever needed after its run)."""
    shutil.rmtree(Path(root) / STAGING_DIR, ignore_errors=True)


def write_staged(obj: Any, path: Path) -> None:
    """Pickle ``obj`` to ``path`` whole (temp name, then rename), so a reader never sees half a file."""
    tmp = path.with_name(f".tmp-{uuid.uuid4().hex}")
    with open(tmp, "wb") as fh:
        pickle.dump(obj, fh, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, path)


def read_staged(path: str | Path) -> Any:
    """What :func:`write_staged` wrote (only ever our own files, from this run)."""
    with open(path, "rb") as fh:
        return pickle.load(fh)  # noqa: S301 - written by this run into the lock holder's staging folder


def stage_skip_ids(folder: Path, page_ids: Iterable[str]) -> str:
    """Stage the ids of the pages already stored, once per run, for every batch to read."""
    path = folder / "skip_ids.pkl"
    write_staged(frozenset(page_ids), path)
    return str(path)


def staged_run_id(folder: str | Path) -> str:
    """The run a staging folder is for (:func:`run_staging_dir` names it so)."""
    return Path(folder).name


def stage_pages(folder: str | Path, first: int, last: int, pages: Sequence[tuple[DecodedPage, PageResult]],
                known: Sequence[DecodedPage], rows: Mapping[str, pa.Table] | None = None,
                run_id: str = "") -> StagedPart:
    """Stage one batch's segmented and already-known pages; returns its handle.

    ``rows``: the pages' stored rows for run ``run_id`` (``records.page_tables(pages, run_id)``),
    staged with what planning needs of each page, so the commit neither makes them nor reads the pages.
    """
    span = f"{first:06d}-{last:06d}"
    path = Path(folder) / f"pages-{span}.pkl"
    write_staged((list(pages), list(known)), path)
    if rows is None:
        return StagedPart(str(path), first, last, len(pages), len(known))
    planning, rows_path = Path(folder) / f"plan-{span}.pkl", Path(folder) / f"rows-{span}.pkl"
    digests = rows["pages"].column("result_digest").to_pylist()
    write_staged(([(_textless(page), Digested(digest, _dated(result)))
                   for (page, result), digest in zip(pages, digests, strict=True)],
                  [_textless(page) for page in known]), planning)
    write_staged(dict(rows), rows_path)
    return StagedPart(str(path), first, last, len(pages), len(known), run_id, str(planning), str(rows_path))


def stage_run(folder: Path, parts: Iterable[StagedPart], unchanged: Sequence[RawFile],
              rejects: Sequence[Reject]) -> StagedRun:
    """The commit's handle: the parts in page order, and the run's unchanged files and rejects staged."""
    rest = folder / "rest.pkl"
    write_staged((list(unchanged), list(rejects)), rest)
    return StagedRun(tuple(sorted(parts, key=lambda p: p.first)), str(rest))


def planning_pages(staged: StagedRun, with_digests: bool) -> tuple[list[tuple[DecodedPage, Digested]],
                                                                    list[RawFile], list[Reject]]:
    """``(pages, unchanged, rejects)`` as ``plan_run`` takes them, read one part at a time and kept small.

    Each page comes without its text, with what planning needs of its result
    (``plan.Digested``: the digest only ``with_digests``, which a full refresh
    compares). Segmented pages come first, in page order, then those already
    stored (as :data:`ALREADY_LOADED`), as the commit once took them whole.
    """
    segmented: list[tuple[DecodedPage, Digested]] = []
    known: list[tuple[DecodedPage, Digested]] = []
    known_result = Digested.of(ALREADY_LOADED, with_digests)
    for part in staged.parts:
        planned, part_known = _planned_part(part, with_digests)
        segmented += planned
        known += [(page, known_result) for page in part_known]
    unchanged, rejects = read_staged(staged.rest)
    return segmented + known, unchanged, rejects


def _planned_part(part: StagedPart, with_digests: bool) -> tuple[list[tuple[DecodedPage, Digested]],
                                                                 list[DecodedPage]]:
    """A part's segmented pages as planning takes them, and its known pages, all without their text."""
    if part.planning:
        planned, known = read_staged(part.planning)
        if not with_digests:
            planned = [(page, replace(digested, digest="")) for page, digested in planned]
        return planned, known
    pages, known = read_staged(part.path)
    return ([(_textless(page), Digested.of(result, with_digests)) for page, result in pages],
            [_textless(page) for page in known])


def _dated(result: PageResult) -> bool:
    return Digested.of(result, with_digest=False).dated


def _textless(page: DecodedPage) -> DecodedPage:
    """The page's facts without its text (what planning needs, a few hundred bytes)."""
    return replace(page, text="", control_chars=())


def staged_batches(staged: StagedRun) -> Iterator[list[tuple[DecodedPage, PageResult]]]:
    """Each part's pages, whole, one part read at a time: its segmented pages, then its already stored ones
    with :data:`ALREADY_LOADED` (which the writer never needs to write)."""
    for part in staged.parts:
        yield _whole_part(part)


def _whole_part(part: StagedPart) -> list[tuple[DecodedPage, PageResult]]:
    pages, known = read_staged(part.path)
    return pages + [(page, ALREADY_LOADED) for page in known]


def staged_rows(staged: StagedRun, planned: Sequence[tuple[DecodedPage, object]], chosen: Iterable[DecodedPage],
                run_id: str) -> Iterator[dict[str, pa.Table]]:
    """The stored rows of the ``chosen`` pages (a plan's ``write``) of run ``run_id``, one part at a time.

    A part's rows as its batch staged them when they were made for this run
    and the plan chose every page it segmented (and none it knew); else made
    here from its pages, the chosen ones only. ``planned``: the pages as
    :func:`planning_pages` gave them (a part's are found there by its counts,
    so its planning file is read once per commit, not twice).
    """
    wanted = {(page.sha256, page.path) for page in chosen}
    segmented_at, known_at = 0, sum(part.pages for part in staged.parts)
    for part in staged.parts:
        segmented = [page for page, _ in planned[segmented_at:segmented_at + part.pages]]
        known = [page for page, _ in planned[known_at:known_at + part.known]]
        segmented_at, known_at = segmented_at + part.pages, known_at + part.known
        if part.rows and part.run_id == run_id and _chosen_whole(segmented, known, wanted):
            yield read_staged(part.rows)
            continue
        pages = [(page, result) for page, result in _whole_part(part) if (page.sha256, page.path) in wanted]
        yield records.page_tables(pages, run_id)


def _chosen_whole(segmented: Sequence[DecodedPage], known: Sequence[DecodedPage], wanted: set[tuple[str, str]]) -> bool:
    """Whether the plan writes exactly the pages a part segmented (and none of those it knew)."""
    return (all((page.sha256, page.path) in wanted for page in segmented)
            and not any((page.sha256, page.path) in wanted for page in known))
