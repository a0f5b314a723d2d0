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
    <warehouse>/.staging/<run_id>/rest.pkl                unchanged files and rejects

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
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Final

from banmian.tasks.model import DecodedPage, PageResult, RawFile, Reject
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


def stage_pages(folder: str | Path, first: int, last: int, pages: Sequence[tuple[DecodedPage, PageResult]],
                known: Sequence[DecodedPage]) -> StagedPart:
    """Stage one batch's segmented and already-known pages; returns its handle."""
    path = Path(folder) / f"pages-{first:06d}-{last:06d}.pkl"
    write_staged((list(pages), list(known)), path)
    return StagedPart(str(path), first, last, len(pages), len(known))


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
        pages, part_known = read_staged(part.path)
        segmented += [(_textless(page), Digested.of(result, with_digests)) for page, result in pages]
        known += [(_textless(page), known_result) for page in part_known]
    unchanged, rejects = read_staged(staged.rest)
    return segmented + known, unchanged, rejects


def _textless(page: DecodedPage) -> DecodedPage:
    """The page's facts without its text (what planning needs, a few hundred bytes)."""
    return replace(page, text="", control_chars=())


def staged_batches(staged: StagedRun) -> Iterator[list[tuple[DecodedPage, PageResult]]]:
    """Each part's pages, whole, one part read at a time: its segmented pages, then its already stored ones
    with :data:`ALREADY_LOADED` (which the writer never needs to write)."""
    for part in staged.parts:
        pages, known = read_staged(part.path)
        yield pages + [(page, ALREADY_LOADED) for page in known]
