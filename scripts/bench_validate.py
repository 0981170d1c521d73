"""Benchmark: ``thidua validate`` keeps a constant memory budget whatever the file's size.

Builds JSONL files of real records (the corpus articles run through the pipeline, their lines
repeated) of each size asked for in a temporary folder, runs ``thidua validate`` on each in a
child process, and prints the child's peak resident memory, time and line count. The files
are deleted afterwards. Not a test: it takes minutes at 1 GB.

    .venv/bin/python scripts/bench_validate.py            # 100 MB and 1 GB
    .venv/bin/python scripts/bench_validate.py 10 100     # sizes in MB
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MB = 2**20


def sample_lines() -> list[bytes]:
    """One record line per corpus article, as thidua extract writes them."""
    sys.path.insert(0, str(ROOT))
    from pipeline.run import process
    from pipeline.types import RawDocument

    docs = sorted((ROOT / "corpus" / "docs").glob("*.txt"))
    return [(process(RawDocument(path=p.name, kind="text", data=p.read_bytes())).to_json() + "\n").encode("utf-8")
            for p in docs]


def write_file(path: Path, size: int, lines: list[bytes]) -> int:
    """Write about ``size`` bytes of record lines; the number of lines written."""
    written = count = 0
    with path.open("wb") as fh:
        while written < size:
            line = lines[count % len(lines)]
            fh.write(line)
            written += len(line)
            count += 1
    return count


def validate(path: Path) -> tuple[int, float, int, str]:
    """(peak RSS in KB, seconds, exit status, last output line) of ``thidua validate path``."""
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "pipeline", "validate", str(path)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    last = b""
    assert proc.stdout is not None
    for line in proc.stdout:
        last = line
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return usage.ru_maxrss, time.perf_counter() - started, proc.returncode, last.decode().strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[100, 1024], help="file sizes in MB")
    args = parser.parse_args()
    lines = sample_lines()
    print(f"{len(lines)} sample records, {sum(map(len, lines)) / len(lines) / 1024:.1f} KB per line on average")
    print(f"{'file':>10} {'lines':>10} {'peak RSS':>10} {'seconds':>8}  result")
    with tempfile.TemporaryDirectory(prefix="bench_validate_") as tmp:
        for size_mb in args.sizes:
            path = Path(tmp) / f"records_{size_mb}mb.jsonl"
            count = write_file(path, size_mb * MB, lines)
            try:
                rss_kb, seconds, status, last = validate(path)
            finally:
                real_size = path.stat().st_size
                path.unlink()
            print(f"{real_size / MB:>8.0f}MB {count:>10,} {rss_kb / 1024:>8.0f}MB {seconds:>8.1f}  "
                  f"exit {status}: {last.split(': ', 1)[-1]}")


if __name__ == "__main__":
    main()
