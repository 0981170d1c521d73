"""Kill-and-resume: ``thidua extract --resume`` killed with SIGKILL at random points of a batch,
several times, then let finish, leaves every input exactly once, in input order, each line a
valid record."""
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from conftest import CORPUS, ROOT
from pipeline.ingest import read_inputs
from pipeline.validate import check_line

THIDUA = [sys.executable, "-m", "pipeline"]
KILLS = 5


def make_batch(folder: Path) -> None:
    """75 corpus articles under distinct names (29 articles, copied round) and bad inputs."""
    folder.mkdir()
    docs = sorted((CORPUS / "docs").glob("*.txt"))
    for i in range(75):
        src = docs[i % len(docs)]
        shutil.copyfile(src, folder / f"{i:03d}_{src.name}")
    (folder / "050_empty.txt").write_bytes(b"")
    (folder / "051_photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (folder / "052_no_body.html").write_bytes(b"<html><head><title>x</title></head></html>")
    lines = [json.dumps({"id": f"line-{i}", "text": docs[i].read_text(encoding="utf-8")}, ensure_ascii=False)
             for i in range(5)]
    lines.insert(2, '{"id": "torn", "text": "Hội nghị')
    (folder / "060_batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def count_lines(path: Path) -> int:
    try:
        with path.open("rb") as fh:
            return sum(1 for _ in fh)
    except FileNotFoundError:
        return 0


def start(inputs: Path, out: Path) -> subprocess.Popen:
    return subprocess.Popen(THIDUA + ["extract", str(inputs), "-o", str(out), "--resume", "-q",
                                      "--workers", "2", "--chunk-size", "3"],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)


def kill_when(proc: subprocess.Popen, out: Path, lines: int) -> None:
    """SIGKILL the run (its process group: the pool workers too) once the output holds
    ``lines`` lines, or at once if it ends first."""
    while proc.poll() is None and count_lines(out) < lines:
        time.sleep(0.01)
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=60)


def test_extract_killed_at_random_points_then_resumed_writes_every_input_once(tmp_path):
    inputs, out = tmp_path / "in", tmp_path / "out.jsonl"
    make_batch(inputs)
    expected = [raw.path for raw in read_inputs([str(inputs)])]
    assert len(expected) == 75 + 3 + 6
    rng = random.Random(9)
    killed_mid_batch = 0
    for round_ in range(KILLS):
        before = count_lines(out)
        target = rng.randint(before, min(before + 20, len(expected) - 1))
        proc = start(inputs, out)
        kill_when(proc, out, target)
        if proc.returncode == -signal.SIGKILL:
            killed_mid_batch += 1
        if round_ == 2:
            with out.open("ab") as fh:  # a line torn in the middle of its write
                fh.write(b'{"doc_id": "0123456789abcdef", "source": {"pa')
    assert killed_mid_batch >= 3
    assert count_lines(out) < len(expected)

    final = start(inputs, out)
    _, err = final.communicate(timeout=300)
    assert final.returncode == 0, err.decode()

    lines = out.read_bytes().split(b"\n")
    assert lines[-1] == b""
    records = [json.loads(line) for line in lines[:-1]]
    assert [r["source"]["path"] for r in records] == expected
    assert [check_line(line) for line in lines[:-1]] == [[]] * len(expected)
    errors = {r["source"]["path"]: r["error"] for r in records if r["error"]}
    assert errors == {
        str(inputs / "050_empty.txt"): "empty file",
        str(inputs / "051_photo.txt"): "binary file, not text (a PNG image)",
        str(inputs / "052_no_body.html"): "HTML page has no body",
        f"{inputs / '060_batch.jsonl'}:3": "JSONL line 3 is not JSON: Unterminated string starting at column 24",
    }
