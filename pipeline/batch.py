"""Batch processing: engines that map ``run.process`` over a stream of RawDocuments.

Every engine keeps the output in input order, holds at most a bounded window of articles
in flight (memory does not grow with the batch), and yields exactly one Record per input.

- ``local`` with ``workers=1``: in this process.
- ``local`` with ``workers>1``: a process pool, fed through a sliding window of chunks.
- ``dask``: the same per-article function over partitions on a Dask distributed cluster.

Resume support lives here too: :func:`resume_state` reads what an earlier, interrupted run
wrote, repairs a torn last line, and says which inputs are done.
"""
from __future__ import annotations

import itertools
import json
import os
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Optional

from .ingest import LongLine, capped_lines, safe_label
from .record import error_record
from .run import process
from .types import RawDocument, stable_id

MAX_RECORD_LINE_BYTES = 64 * 2**20   # a line thidua writes is far shorter; longer is damage


def chunked(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def process_chunk(chunk: list[RawDocument]) -> list[str]:
    """Worker side: a chunk of articles -> their JSONL lines (strings pickle cheaply)."""
    return [process(raw).to_json() for raw in chunk]


def _warm_up() -> None:
    """Load lexicons and models once per worker process, before the first article."""
    process(RawDocument(path="<warm-up>", kind="text", data="Hội nghị tổng kết công tác thi đua."))


def run_local(raws: Iterable[RawDocument], workers: int = 1, chunk_size: int = 8,
              window: Optional[int] = None) -> Iterator[str]:
    """JSONL lines in input order. ``window`` bounds the chunks in flight (default 4/worker).

    A worker process that dies (a crash in a parser, the kernel's OOM killer) does not end
    the run: the pool is started anew and the chunks in flight are done again, article by
    article; an article that kills a worker on its own gets an error record.
    """
    if workers <= 1:
        for raw in raws:
            yield process(raw).to_json()
        return
    window = window or workers * 4
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_warm_up)
    pending: deque = deque()  # (chunk, future)
    try:
        for chunk in chunked(raws, chunk_size):
            pending.append((chunk, pool.submit(process_chunk, chunk)))
            while len(pending) >= window:
                lines, pool = _next_result(pending, pool, workers)
                yield from lines
        while pending:
            lines, pool = _next_result(pending, pool, workers)
            yield from lines
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _next_result(pending: deque, pool: ProcessPoolExecutor, workers: int):
    """The lines of the oldest chunk, and the pool to go on with."""
    chunk, future = pending.popleft()
    try:
        return future.result(), pool
    except BrokenProcessPool:
        pool.shutdown(wait=True, cancel_futures=True)
        lines = [_in_own_process(raw) for raw in chunk]
        pool = ProcessPoolExecutor(max_workers=workers, initializer=_warm_up)
        for i, (later, _) in enumerate(pending):
            pending[i] = (later, pool.submit(process_chunk, later))
        return lines, pool


def _in_own_process(raw: RawDocument) -> str:
    """One article in a process of its own, so that if it kills the process, only it fails."""
    with ProcessPoolExecutor(max_workers=1) as single:
        try:
            return single.submit(process_chunk, [raw]).result()[0]
        except BrokenProcessPool:
            return error_record(stable_id(raw.path + "\0worker died"), safe_label(raw.path) or "<unnamed>",
                                "internal error: the worker process died on this article "
                                "(a crash or out of memory)").to_json()


def run_dask(raws: Iterable[RawDocument], scheduler: Optional[str] = None, workers: int = 2,
             chunk_size: int = 16, window: Optional[int] = None) -> Iterator[str]:
    """JSONL lines in input order, computed on a Dask distributed cluster.

    ``scheduler`` is the address of a running scheduler (``tcp://host:8786``); without it a
    LocalCluster with ``workers`` processes is started for the run and closed after.
    """
    from dask.distributed import Client, LocalCluster

    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    try:
        window = window or max(2, len(client.scheduler_info().get("workers", {})) * 4)
        pending: deque = deque()  # (chunk, future)
        for chunk in chunked(raws, chunk_size):
            pending.append((chunk, client.submit(process_chunk, chunk, pure=False)))
            if len(pending) >= window:
                yield from _dask_result(client, *pending.popleft())
        while pending:
            yield from _dask_result(client, *pending.popleft())
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _dask_result(client, chunk: list[RawDocument], future) -> list[str]:
    """A chunk's lines; when its task failed for good (a worker died on it more often than the
    scheduler allows), its articles are done again one task each, and an article whose own
    task fails gets an error record."""
    try:
        return future.result()
    except Exception:  # KilledWorker, a lost connection to a worker, ...
        lines = []
        for raw in chunk:
            try:
                lines.append(client.submit(process_chunk, [raw], pure=False).result()[0])
            except Exception as exc:
                lines.append(error_record(stable_id(raw.path + "\0worker died"), safe_label(raw.path) or "<unnamed>",
                                          f"internal error: the cluster could not process this article "
                                          f"({type(exc).__name__})").to_json())
        return lines


@dataclass
class ResumeState:
    done: set[str]          # source.path of every input already written
    lines: int              # whole lines kept
    repaired_bytes: int     # bytes of a torn last line that were cut off


def resume_state(out: Path) -> ResumeState:
    """Read an earlier run's output: the inputs it finished, cutting a torn last line.

    A line counts as done only when it is whole (ends in a newline and parses as JSON).
    Reads line by line; holds only the set of finished input keys.
    """
    done: set[str] = set()
    if not out.exists():
        return ResumeState(done, 0, 0)
    good_end = 0
    lines = 0
    with out.open("rb") as fh:
        for raw in capped_lines(fh, MAX_RECORD_LINE_BYTES):
            if isinstance(raw, LongLine) or not raw.endswith(b"\n"):
                break
            try:
                obj = json.loads(raw)
                key = obj["source"]["path"]
            except (ValueError, KeyError, TypeError):
                break
            done.add(key)
            lines += 1
            good_end += len(raw)
    size = out.stat().st_size
    if size > good_end:
        with out.open("r+b") as fh:
            fh.truncate(good_end)
    return ResumeState(done, lines, size - good_end)


class LineWriter:
    """Appends whole JSONL lines: each line goes out in one ``os.write`` of its bytes.

    An interrupted run therefore leaves at most one torn line, which
    :func:`resume_state` cuts on the next ``--resume``. ``sync_every`` lines, the file is
    fsynced so a power loss costs at most that many lines.
    """

    def __init__(self, path: Optional[Path], append: bool = False, sync_every: int = 200):
        """``path`` None writes to standard output (no syncing, not closed)."""
        self.path = path
        if path is None:
            self.fd, self.own, self.sync_every = 1, False, 0
        else:
            flags = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if append else os.O_TRUNC)
            self.fd, self.own, self.sync_every = os.open(path, flags, 0o644), True, sync_every
        self.count = 0

    def write(self, line: str) -> None:
        data = (line + "\n").encode("utf-8")
        view = memoryview(data)
        while view:
            n = os.write(self.fd, view)
            view = view[n:]
        self.count += 1
        if self.sync_every and self.count % self.sync_every == 0:
            os.fsync(self.fd)

    def close(self) -> None:
        if self.own and self.fd >= 0:
            os.fsync(self.fd)
            os.close(self.fd)
        self.fd = -1

    def __enter__(self) -> "LineWriter":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def line_summary(line: str) -> tuple[bool, Optional[str], str]:
    """(is meeting, error, source path) of a written line, without building the model."""
    obj = json.loads(line)
    return bool(obj.get("is_emulation_meeting")), obj.get("error"), obj["source"]["path"]


@dataclass
class Summary:
    """What a run did: counted from the lines as they are written."""

    read: int = 0
    meetings: int = 0
    errors: int = 0
    skipped: int = 0
    seconds: float = 0.0
    first_errors: list = field(default_factory=list)

    def add(self, line: str) -> None:
        meeting, error, path = line_summary(line)
        self.read += 1
        self.meetings += int(meeting)
        if error:
            self.errors += 1
            if len(self.first_errors) < 20:
                self.first_errors.append(f"{path}: {error}")

    @property
    def rate(self) -> float:
        return self.read / self.seconds if self.seconds > 0 else 0.0

    def text(self) -> str:
        s = (f"{self.read} articles read, {self.meetings} meetings found, {self.errors} errors"
             f" in {self.seconds:.1f} s ({self.rate:.1f} articles/s)")
        if self.skipped:
            s += f"; {self.skipped} already done (resumed)"
        return s


def count_inputs(inputs: Iterable[str]) -> Optional[int]:
    """How many articles the inputs hold, when that is cheap to know (for the progress ETA).

    Files are counted, JSONL lines too; stdin and containers of unknown size give None.
    """
    from .ingest import expand

    inputs = list(inputs)
    if "-" in inputs:
        return None
    total = 0
    for path, _ in expand(inputs):
        name = path.name.lower()
        if name.endswith((".jsonl", ".ndjson")):
            try:
                with path.open("rb") as fh:
                    total += sum(1 for line in fh if line.strip())
            except OSError:
                total += 1
        elif name.endswith((".warc", ".warc.gz", ".arc", ".arc.gz", ".gz")):
            return None
        else:
            total += 1
    return total


def progress_bar(inputs: Iterable[str], already_done: int = 0):
    """A tqdm bar on stderr: articles done, rate, ETA when the total is known."""
    from tqdm import tqdm

    total = count_inputs(inputs)
    if total is not None:
        total = max(0, total - already_done)
    return tqdm(total=total, unit="art", dynamic_ncols=True, smoothing=0.1, mininterval=0.25)
