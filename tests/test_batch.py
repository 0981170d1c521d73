"""Batch engines: parallel and cluster runs write what one worker writes; resume completes."""
import json
import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline import batch
from pipeline.cli import app
from pipeline.ingest import read_inputs
from pipeline.types import RawDocument

from conftest import CORPUS

runner = CliRunner()


@pytest.fixture(scope="module")
def many_articles(tmp_path_factory) -> Path:
    """40 articles: the five seed articles under several names, plus one unreadable file."""
    folder = tmp_path_factory.mktemp("many")
    sources = sorted((CORPUS / "docs").glob("00[0-4]_*.txt"))
    assert len(sources) == 5
    for i in range(8):
        for src in sources:
            shutil.copy(src, folder / f"{i:02d}_{src.name}")
    (folder / "zz_empty.txt").write_bytes(b"")
    return folder


def extract(*args) -> None:
    result = runner.invoke(app, ["extract", *map(str, args), "-q"])
    assert result.exit_code == 0, result.output


def test_two_workers_write_exactly_what_one_worker_writes(many_articles, tmp_path):
    extract(many_articles, "-o", tmp_path / "one.jsonl", "--workers", "1")
    extract(many_articles, "-o", tmp_path / "two.jsonl", "--workers", "2", "--chunk-size", "3")
    one = (tmp_path / "one.jsonl").read_text(encoding="utf-8")
    assert one == (tmp_path / "two.jsonl").read_text(encoding="utf-8")
    paths = [json.loads(line)["source"]["path"] for line in one.splitlines()]
    assert len(paths) == 41 and paths == sorted(paths)


def test_resume_cuts_a_torn_line_and_completes_the_run(many_articles, tmp_path):
    full = tmp_path / "full.jsonl"
    extract(many_articles, "-o", full, "--workers", "1")
    data = full.read_bytes()
    lines = data.splitlines(keepends=True)
    part = tmp_path / "part.jsonl"
    # An interrupted run: 17 whole lines and the first half of the 18th.
    part.write_bytes(b"".join(lines[:17]) + lines[17][: len(lines[17]) // 2])
    extract(many_articles, "-o", part, "--workers", "2", "--resume")
    assert part.read_bytes() == data


def test_resume_state_counts_whole_lines_only(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_bytes(b'{"source": {"path": "a.txt"}}\n{"source": {"path": "b.txt"}}\n{"source": {"pa')
    state = batch.resume_state(out)
    assert state.done == {"a.txt", "b.txt"} and state.lines == 2 and state.repaired_bytes == 15
    assert out.read_bytes().endswith(b'"b.txt"}}\n')


def test_local_window_keeps_input_order_with_more_chunks_than_the_window(many_articles):
    raws = list(read_inputs([str(many_articles)]))
    serial = list(batch.run_local(iter(raws), workers=1))
    parallel = list(batch.run_local(iter(raws), workers=2, chunk_size=2, window=3))
    assert parallel == serial


def test_dask_engine_on_a_local_cluster_writes_the_local_engine_output(many_articles, tmp_path):
    pytest.importorskip("dask.distributed")
    from dask.distributed import LocalCluster

    extract(many_articles, "-o", tmp_path / "local.jsonl", "--workers", "1")
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        extract(many_articles, "-o", tmp_path / "dask.jsonl", "--engine", "dask",
                "--scheduler", cluster.scheduler_address, "--chunk-size", "5")
    assert (tmp_path / "dask.jsonl").read_text(encoding="utf-8") == (tmp_path / "local.jsonl").read_text(encoding="utf-8")


def _crash_on_marked(real):
    def process(raw):
        if "CRASH" in raw.path:
            os._exit(13)  # what a segfault in a parser or the OOM killer does to a worker
        return real(raw)
    return process


def test_an_article_that_kills_its_worker_gets_an_error_record_and_the_run_goes_on(many_articles, monkeypatch):
    raws = list(read_inputs([str(many_articles)]))
    expected = list(batch.run_local(iter(raws), workers=1))
    killer = RawDocument(path="CRASH.txt", kind="text", data=b"x")
    monkeypatch.setattr(batch, "process", _crash_on_marked(batch.process))
    mixed = raws[:7] + [killer] + raws[7:]
    lines = list(batch.run_local(iter(mixed), workers=2, chunk_size=3, window=2))
    assert len(lines) == len(mixed)
    assert lines[:7] + lines[8:] == expected
    dead = json.loads(lines[7])
    assert dead["source"]["path"] == "CRASH.txt" and dead["is_emulation_meeting"] is False
    assert dead["error"] == "internal error: the worker process died on this article (a crash or out of memory)"


class _Future:
    def __init__(self, fn, *args):
        self.fn, self.args = fn, args

    def result(self):
        return self.fn(*self.args)


class _ClusterWithAPoisonedArticle:
    """Stands for a Dask client whose workers die on any task holding a CRASH article."""

    def submit(self, fn, chunk, pure=False):
        if any("CRASH" in raw.path for raw in chunk):
            def killed(*_):
                raise RuntimeError("KilledWorker: the task killed 3 workers")
            return _Future(killed)
        return _Future(fn, chunk)


def test_dask_chunk_whose_task_keeps_killing_workers_is_redone_article_by_article():
    raws = list(read_inputs([str(CORPUS / "docs" / "000_7386b0def3f7ce0d.txt"),
                             str(CORPUS / "docs" / "004_65d5dee3be421046.txt")]))
    chunk = [raws[0], RawDocument(path="CRASH.txt", kind="text", data=b"x"), raws[1]]
    client = _ClusterWithAPoisonedArticle()
    lines = batch._dask_result(client, chunk, client.submit(batch.process_chunk, chunk))
    assert lines[0] == batch.process_chunk([raws[0]])[0] and lines[2] == batch.process_chunk([raws[1]])[0]
    dead = json.loads(lines[1])
    assert dead["source"]["path"] == "CRASH.txt"
    assert dead["error"] == "internal error: the cluster could not process this article (RuntimeError)"


def test_output_folder_is_created_and_an_unwritable_output_is_a_clear_error(tmp_path):
    seed = CORPUS / "docs" / "000_7386b0def3f7ce0d.txt"
    extract(seed, "-o", tmp_path / "new" / "deeper" / "out.jsonl")
    assert len((tmp_path / "new" / "deeper" / "out.jsonl").read_text(encoding="utf-8").splitlines()) == 1
    (tmp_path / "afile").write_text("x")
    result = runner.invoke(app, ["extract", str(seed), "-o", str(tmp_path / "afile" / "out.jsonl"), "-q"])
    assert result.exit_code == 2
    assert f"error: cannot write {tmp_path / 'afile' / 'out.jsonl'}" in result.output
