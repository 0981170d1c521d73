#!/usr/bin/env python3
"""Benchmark thidua (prints figures; not a test). Run with `make bench`.

In one run, on this machine, against the baseline a user would otherwise run:
  1. full pipeline, one worker: articles per second over a corpus of N articles built from
     the shipped ones (corpus/docs), in a fresh process;
  2. underthesea's `ner` over every sentence of a sample of the same articles (baseline);
  3. their ratio;
  4. peak RSS of `thidua extract` on 1k and on 4x that many articles (separate processes);
  5. the speed-up of 2 workers over 1 on the same corpus.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
THIDUA = [sys.executable, "-m", "pipeline"]


def build_corpus(folder: Path, n: int) -> Path:
    """N article files under folder/, cycling through corpus/docs (txt and html)."""
    sources = sorted(p for p in (ROOT / "corpus" / "docs").iterdir() if p.is_file())
    folder.mkdir(parents=True, exist_ok=True)
    width = len(str(n))
    for i in range(n):
        src = sources[i % len(sources)]
        dst = folder / f"{i:0{width}d}_{src.name}"
        if not dst.exists():
            os.link(src, dst) if hasattr(os, "link") else shutil.copy(src, dst)
    return folder


def run_extract(folder: Path, out: Path, workers: int) -> tuple[float, int]:
    """Wall seconds and peak RSS (KiB) of one `thidua extract` process."""
    start = time.perf_counter()
    proc = subprocess.Popen([*THIDUA, "extract", str(folder), "-o", str(out), "-q", "--workers", str(workers)],
                            cwd=ROOT)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"thidua extract failed with status {status}")
    return seconds, usage.ru_maxrss


def lines_in(path: Path) -> int:
    with path.open("rb") as fh:
        return sum(1 for _ in fh)


def baseline_rate(folder: Path, sample: int) -> tuple[float, int]:
    """underthesea `ner` over every sentence of `sample` articles: articles/s and sentences."""
    from underthesea import ner, sent_tokenize

    from pipeline.clean import clean_document
    from pipeline.ingest import read_inputs

    articles = []
    for raw in read_inputs([str(folder)]):
        art = clean_document(raw)
        if hasattr(art, "text"):
            articles.append(art.text)
        if len(articles) >= sample:
            break
    ner("Khởi động mô hình.")  # load the model outside the timing
    sentences = 0
    start = time.perf_counter()
    for text in articles:
        for para in text.split("\n"):
            for sent in sent_tokenize(para) if para.strip() else []:
                ner(sent)
                sentences += 1
    return len(articles) / (time.perf_counter() - start), sentences


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=2000, help="corpus size for the speed runs")
    ap.add_argument("--rss-base", type=int, default=1000, help="smaller corpus for the RSS check (4x too)")
    ap.add_argument("--baseline-sample", type=int, default=200, help="articles the baseline runs over")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="thidua-bench-") as tmp:
        tmp = Path(tmp)
        big = build_corpus(tmp / "corpus", max(a.articles, a.rss_base * 4))
        speed = tmp / "speed"
        speed.mkdir()
        for p in sorted(big.iterdir())[: a.articles]:
            os.link(p, speed / p.name)
        small = tmp / "small"
        small.mkdir()
        for p in sorted(big.iterdir())[: a.rss_base]:
            os.link(p, small / p.name)

        print(f"corpus: {a.articles} articles from {ROOT / 'corpus' / 'docs'}; machine: {os.cpu_count()} cores")
        t1, _ = run_extract(speed, tmp / "w1.jsonl", workers=1)
        n1 = lines_in(tmp / "w1.jsonl")
        rate1 = n1 / t1
        print(f"full pipeline, 1 worker : {rate1:8.1f} articles/s  ({n1} articles in {t1:.1f} s, incl. start-up)")
        base, sents = baseline_rate(speed, a.baseline_sample)
        print(f"underthesea ner baseline: {base:8.1f} articles/s  ({a.baseline_sample} articles, {sents} sentences)")
        print(f"ratio pipeline/baseline : {rate1 / base:8.1f}x  (target >= 5x)")
        t2, _ = run_extract(speed, tmp / "w2.jsonl", workers=2)
        same = (tmp / "w1.jsonl").read_bytes() == (tmp / "w2.jsonl").read_bytes()
        print(f"full pipeline, 2 workers: {n1 / t2:8.1f} articles/s  speed-up {t1 / t2:.2f}x (target >= 1.6x); "
              f"output identical to 1 worker: {same}")
        _, rss_small = run_extract(small, tmp / "small.jsonl", workers=1)
        _, rss_big = run_extract(big, tmp / "big.jsonl", workers=1)
        growth = (rss_big - rss_small) / rss_small * 100
        print(f"peak RSS, 1 worker      : {rss_small / 1024:.0f} MiB at {a.rss_base} articles, "
              f"{rss_big / 1024:.0f} MiB at {a.rss_base * 4} articles ({growth:+.1f}%, target within 10%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
