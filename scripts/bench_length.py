#!/usr/bin/env python3
"""Time per stage against article length (prints figures; not a test).

Repeats one real article (corpus/docs/000_7386b0def3f7ce0d.txt by default), cleaned, N times
(not cleaned again: cleaning drops repeated paragraphs), builds the frame context and times NER (nlp.annotate) and each entity extractor on it.
Every stage should grow roughly linearly with N. Each stage is timed alone; members includes
the leaders and awards it reads (in the pipeline they are computed once and shared).

    .venv/bin/python scripts/bench_length.py                 # 10 40 160 320 repeats
    .venv/bin/python scripts/bench_length.py --repeats 40 160 --profile members
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline import nlp  # noqa: E402
from pipeline.clean import clean_text  # noqa: E402
from pipeline.extract import awards, groups, leaders, members, officials  # noqa: E402
from pipeline.extract.context import Context  # noqa: E402
from pipeline.types import Article  # noqa: E402

STAGES = {
    "members": members.find_members,
    "officials": officials.find_officials,
    "leaders": leaders.find_leaders,
    "awards": awards.find_awards,
}


def context_for(text: str) -> Context:
    ctx = Context(article=Article(doc_id="bench", path="bench", text=text))
    return ctx.with_(group=groups.find_group(ctx))


def timed(fn, *args):
    start = time.perf_counter()
    out = fn(*args)
    return time.perf_counter() - start, out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--article", default=str(ROOT / "corpus" / "docs" / "000_7386b0def3f7ce0d.txt"))
    ap.add_argument("--repeats", type=int, nargs="+", default=[10, 40, 160, 320])
    ap.add_argument("--profile", choices=["annotate", *STAGES], help="cProfile this stage at the last size")
    a = ap.parse_args()
    base = clean_text(Path(a.article).read_text(encoding="utf-8"))
    nlp.annotate(base)  # load lexicons and matchers outside the timing
    print(f"{'repeats':>7} {'chars':>9} {'annotate':>9} " + " ".join(f"{s:>9}" for s in STAGES) + f" {'total':>8}")
    for n in a.repeats:
        text = "\n\n".join([base] * n)  # cleaning would drop the repeated paragraphs
        ctx = context_for(text)
        t_nlp, doc = timed(nlp.annotate, text)
        ctx = ctx.with_(doc=doc)
        times = []
        for name, fn in STAGES.items():
            ctx = ctx.with_()  # a context of its own: nothing kept from the stages before
            if a.profile == name and n == a.repeats[-1]:
                prof = cProfile.Profile()
                prof.enable()
                t, _ = timed(fn, ctx)
                prof.disable()
                pstats.Stats(prof).sort_stats("cumulative").print_stats(25)
            else:
                t, _ = timed(fn, ctx)
            times.append(t)
        if a.profile == "annotate" and n == a.repeats[-1]:
            cProfile.runctx("nlp.annotate(text)", globals(), {"text": text}, sort="cumulative")
        print(f"{n:>7} {len(text):>9,} {t_nlp:>9.2f} " + " ".join(f"{t:>9.2f}" for t in times)
              + f" {t_nlp + sum(times):>8.2f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
