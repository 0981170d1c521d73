#!/usr/bin/env python3
"""Compare thidua's NER stage with underthesea's ``ner`` alone, on a gold-annotated set.

    .venv/bin/python scripts/ner_compare.py [DOCS_DIR] [GOLD.jsonl]

For every positive gold article: persons found (thidua: ``doc.spans["PER"]``; underthesea:
B-PER/I-PER entities over every sentence) against the gold ``officials`` names, and
organizations (thidua: ``doc.spans["ORG"]``; underthesea: ORG entities) against the gold
``members``. Precision is over distinct predicted names, recall over gold items (a gold item
is found when one of its spellings equals a predicted name, case-insensitively). Also prints
the mean time per article of each. A measurement script, not a test.
"""
from __future__ import annotations

import json
import re
import sys
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline import ingest, nlp  # noqa: E402
from pipeline.clean import clean_document  # noqa: E402


def norm(s: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", s).casefold()).strip(" .,;:-–")


def aliases(v) -> set[str]:
    return {norm(x) for x in (v if isinstance(v, list) else [v]) if x}


def underthesea_entities(text: str) -> tuple[set[str], set[str]]:
    from underthesea import ner, sent_tokenize

    per, org = set(), set()
    for para in text.split("\n"):
        for sent in sent_tokenize(para) if para.strip() else []:
            cur, label = [], None
            for tok in ner(sent) + [("", "", "", "O")]:
                word, tag = tok[0], tok[-1]
                if tag.startswith("I-") and label == tag[2:]:
                    cur.append(word)
                    continue
                if cur:
                    (per if label == "PER" else org if label == "ORG" else set()).add(" ".join(cur))
                cur, label = ([word], tag[2:]) if tag.startswith("B-") else ([], None)
    return per, org


def prf(tp_pred: int, n_pred: int, tp_gold: int, n_gold: int) -> str:
    p = tp_pred / n_pred if n_pred else 0.0
    r = tp_gold / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P={p:.3f} R={r:.3f} F1={f:.3f}"


def main(argv: list[str]) -> int:
    docs = Path(argv[1]) if len(argv) > 1 else ROOT.parent / "shared/eval/dev/docs"
    gold_path = Path(argv[2]) if len(argv) > 2 else docs.parent / "gold.jsonl"
    gold = [json.loads(l) for l in gold_path.read_text(encoding="utf-8").splitlines() if l.strip()]
    stats = {k: [0, 0, 0, 0] for k in ("rules PER", "rules ORG", "underthesea PER", "underthesea ORG")}
    times = {"rules": 0.0, "underthesea": 0.0}
    n = 0
    for g in gold:
        if g.get("relevance") != "positive":
            continue
        paths = list(docs.glob(g["id"] + ".*"))
        if not paths:
            continue
        art = clean_document(next(ingest.read_inputs([str(paths[0])])))
        m = g.get("meeting") or {}
        gold_per = [aliases(o["name"]) for o in m.get("officials") or []]
        gold_org = [aliases(x["name"]) for x in m.get("members") or []]
        t0 = time.perf_counter()
        doc = nlp.annotate(art.text)
        times["rules"] += time.perf_counter() - t0
        rules = ({norm(s.text) for s in doc.spans["PER"]}, {norm(s.text) for s in doc.spans["ORG"]})
        t0 = time.perf_counter()
        uts = underthesea_entities(art.text)
        times["underthesea"] += time.perf_counter() - t0
        uts = ({norm(x) for x in uts[0]}, {norm(x) for x in uts[1]})
        for name, (per, org) in (("rules", rules), ("underthesea", uts)):
            for kind, pred, gl in (("PER", per, gold_per), ("ORG", org, gold_org)):
                all_gold = set().union(*gl) if gl else set()
                s = stats[f"{name} {kind}"]
                s[0] += len(pred & all_gold)
                s[1] += len(pred)
                s[2] += sum(1 for a in gl if a & pred)
                s[3] += len(gl)
        n += 1
    print(f"{n} positive articles from {gold_path}")
    for key, (tpp, np_, tpg, ng) in stats.items():
        print(f"{key:<17} {prf(tpp, np_, tpg, ng)}  (predicted {np_}, gold {ng})")
    for key, t in times.items():
        print(f"time per article, {key:<12} {1000 * t / max(n, 1):8.1f} ms")
    if times["rules"]:
        print(f"speed-up of the rules over underthesea ner: {times['underthesea'] / times['rules']:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
