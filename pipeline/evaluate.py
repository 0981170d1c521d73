"""Field-level scores of thidua records against gold records.

Implements the scoring rules of ``EXTRACTION_GUIDE.md`` ("Gold file format"):

* records are matched by id: the gold ``id`` is the file stem of a record's ``source.path``
  (for an article read from a JSONL file, ``x.jsonl#ID``, the ``ID``);
* relevance is scored on positive and negative gold only (borderline left out); every other
  meeting field only on positive gold;
* ``source.title`` / ``published`` / ``authors`` only where the gold line has a ``source``;
* a gold string may be a list of accepted spellings; strings compare after
  :func:`pipeline.textnorm.norm` (person names after :func:`~pipeline.textnorm.norm_name`);
* a gold null ``date``, ``group`` or ``member_count`` makes a predicted value a false
  positive; a gold null ``location`` or ``province`` is not scored;
* list fields are matched one to one, greedily in gold order: members by name, officials by
  name (their title then checked), leaders by (unit, position), awards by (award_type,
  recipient), or (award_type, count) when the recipient is null;
* every item a record emits for a meeting is checked against the grounding rule
  (:func:`pipeline.textnorm.grounded`), giving the grounding rate.

``evaluate(gold, pred)`` returns the whole result as a dict (JSON-ready);
``format_report`` prints it as a table. Predictions are read line by line and only those
matching a gold id are kept.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Optional

from .textnorm import grounded, norm, norm_name, spellings, token_f1

COUNTED_FIELDS = ("relevance", "kinds", "date", "group", "member_count", "members",
                  "officials", "leaders", "awards", "published", "authors")
# The fields whose F1 makes up the overall score, with location token F1 and province
# accuracy when the gold gives any.
HEADLINE_FIELDS = ("relevance", "kinds", "date", "group", "member_count", "members",
                   "officials", "leaders", "awards")
RATIOS = ("location_exact", "location_token_f1", "province_acc", "title_acc",
          "official_title_acc", "grounding_rate")


# ---------------------------------------------------------------- counting

@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int = 0, fp: int = 0, fn: int = 0) -> None:
        self.tp += tp
        self.fp += fp
        self.fn += fn

    def prf(self) -> tuple[float, float, float]:
        """Precision, recall, F1. Nothing predicted and nothing to find counts as perfect."""
        if self.tp + self.fp:
            p = self.tp / (self.tp + self.fp)
        else:
            p = 0.0 if self.fn else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    def as_dict(self) -> dict:
        p, r, f = self.prf()
        return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class Ratio:
    total: float = 0.0
    n: int = 0

    def add(self, value: float) -> None:
        self.total += value
        self.n += 1

    def value(self) -> Optional[float]:
        return round(self.total / self.n, 4) if self.n else None


@dataclass
class Matching:
    pairs: list[tuple[int, int]]
    misses: list[int]
    extras: list[int]


def match_items(gold: list[list[Any]], pred: list[Any]) -> Matching:
    """One-to-one matching: each gold item (its accepted keys) takes, in gold order, the
    first unused predicted key it accepts."""
    used = [False] * len(pred)
    pairs, misses = [], []
    for gi, accepted in enumerate(gold):
        hit = next((pi for pi, key in enumerate(pred) if not used[pi] and key in accepted), None)
        if hit is None:
            misses.append(gi)
        else:
            used[hit] = True
            pairs.append((gi, hit))
    return Matching(pairs, misses, [pi for pi, u in enumerate(used) if not u])


def one_of(gold_value: Any) -> list[Any]:
    """A gold scalar's accepted values: the list itself, or the value alone."""
    return gold_value if isinstance(gold_value, list) else [gold_value]


# ---------------------------------------------------------------- reading

def record_id(source_path: Any) -> str:
    """The gold id of a record: the file stem of ``source.path``, or the id after ``#`` of
    an article read from a JSONL file (``x.jsonl#ID``)."""
    path = str(source_path)
    head, sep, key = path.partition("#")
    if sep and key and head.lower().endswith((".jsonl", ".ndjson")):
        return key
    return Path(path).stem


def read_gold(path: Path) -> dict[str, dict]:
    """Gold lines keyed by id; a line that is not a JSON object with an ``id`` is an error
    naming the file and line."""
    gold = {}
    with open(path, encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                g = json.loads(line)
            except ValueError as exc:
                raise ValueError(f"{path}:{number}: gold line is not JSON: {exc}") from None
            if not isinstance(g, dict) or not isinstance(g.get("id"), str):
                raise ValueError(f"{path}:{number}: gold line is not an object with an 'id'")
            gold[g["id"]] = g
    return gold


@dataclass
class Predictions:
    by_id: dict[str, dict] = field(default_factory=dict)
    ids_seen: set = field(default_factory=set)
    unreadable_lines: int = 0


def read_predictions(lines: Iterable[str], wanted: set) -> Predictions:
    """Predicted records keyed by gold id, keeping only the wanted ids (the last line wins)."""
    found = Predictions()
    for line in lines:
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except ValueError:
            found.unreadable_lines += 1
            continue
        if not isinstance(rec, dict):
            found.unreadable_lines += 1
            continue
        src = rec.get("source")
        rid = record_id(src.get("path") if isinstance(src, dict) else None)
        found.ids_seen.add(rid)
        if rid in wanted:
            found.by_id[rid] = rec
    return found


def _lines(path: Path) -> Iterator[str]:
    with open(path, encoding="utf-8") as fh:
        yield from fh


def _dict(value: Any) -> dict:
    return value if isinstance(value, dict) else {}


# ---------------------------------------------------------------- the scorer

class Scorer:
    """Accumulates counts over documents; :meth:`result` gives the totals."""

    def __init__(self) -> None:
        self.tallies = {name: Tally() for name in COUNTED_FIELDS}
        self.ratios = {name: Ratio() for name in RATIOS}
        self.details: dict[str, list[str]] = {}

    def note(self, doc_id: str, message: str) -> None:
        self.details.setdefault(doc_id, []).append(message)

    # -- one document
    def score_doc(self, doc_id: str, gold: dict, pred: dict) -> None:
        said = bool(pred.get("is_emulation_meeting"))
        self.score_relevance(doc_id, gold.get("relevance"), said)
        if gold.get("source") is not None:
            self.score_source(doc_id, gold["source"], _dict(pred.get("source")))
        meeting = pred.get("meeting") if said else None
        if isinstance(meeting, dict):
            self.score_grounding(doc_id, pred.get("text"), meeting)
        if gold.get("relevance") == "positive":
            self.score_meeting(doc_id, gold.get("meeting") or {}, _dict(meeting))

    def score_relevance(self, doc_id: str, relevance: Any, said: bool) -> None:
        if relevance not in ("positive", "negative"):
            return
        truth = relevance == "positive"
        self.tallies["relevance"].add(tp=int(said and truth), fp=int(said and not truth),
                                      fn=int(truth and not said))
        if said != truth:
            self.note(doc_id, f"relevance: gold {relevance}, predicted {said}")

    def score_source(self, doc_id: str, gold: dict, pred: dict) -> None:
        if gold.get("title") is not None:
            ok = norm(pred.get("title")) in spellings(gold["title"])
            self.ratios["title_acc"].add(ok)
            if not ok:
                self.note(doc_id, f"title: gold {_first(gold['title'])!r}, predicted {pred.get('title')!r}")
        self.score_scalar(doc_id, "published", gold.get("published"), pred.get("published"))
        gold_authors = [spellings(a, norm_name) for a in gold.get("authors") or []]
        pred_authors = [norm_name(a) for a in pred.get("authors") or [] if isinstance(a, str)]
        self.score_items(doc_id, "authors", gold_authors, pred_authors)

    def score_grounding(self, doc_id: str, text: Any, meeting: dict) -> None:
        rate = self.ratios["grounding_rate"]
        for name, keys in GROUNDED_ITEMS:
            for i, item in enumerate(meeting.get(name) or []):
                item = _dict(item)
                ok = grounded(text, item.get("evidence"), [item.get(k) for k in keys])
                rate.add(ok)
                if not ok:
                    self.note(doc_id, f"{name}.{i}: not grounded ({', '.join(str(item.get(k)) for k in keys)})")
        if isinstance(meeting.get("location"), str):
            evidence = _dict(meeting.get("evidence")).get("location")
            ok = grounded(text, evidence, [meeting["location"]])
            rate.add(ok)
            if not ok:
                self.note(doc_id, f"location: not grounded ({meeting['location']})")

    def score_meeting(self, doc_id: str, gold: dict, pred: dict) -> None:
        gold_kinds, pred_kinds = set(gold.get("kinds") or []), set(pred.get("kinds") or [])
        self.tallies["kinds"].add(tp=len(gold_kinds & pred_kinds), fp=len(pred_kinds - gold_kinds),
                                  fn=len(gold_kinds - pred_kinds))
        if gold_kinds != pred_kinds:
            self.note(doc_id, f"kinds: gold {sorted(gold_kinds)}, predicted {sorted(pred_kinds)}")
        self.score_scalar(doc_id, "date", gold.get("date"), pred.get("date"))
        self.score_scalar(doc_id, "member_count", gold.get("member_count"), pred.get("member_count"))
        self.score_group(doc_id, gold.get("group"), pred.get("group"))
        self.score_location(doc_id, gold.get("location"), pred.get("location"))
        self.score_province(doc_id, gold.get("province"), pred.get("province"))
        for name, keys_of, label in ITEM_FIELDS:
            gold_items = [_dict(x) for x in gold.get(name) or []]
            pred_items = [x for x in pred.get(name) or [] if isinstance(x, dict)]
            matching = self.score_items(doc_id, name, [keys_of(x, True) for x in gold_items],
                                        [keys_of(x, False)[0] for x in pred_items],
                                        [label(x) for x in gold_items], [label(x) for x in pred_items])
            if name == "officials":
                self.score_official_titles(doc_id, gold_items, pred_items, matching)

    def score_scalar(self, doc_id: str, name: str, gold: Any, pred: Any) -> None:
        """A single value: right, wrong (a false positive and, when gold has one, a miss),
        predicted where gold has none (false positive), or missing (a miss)."""
        ok = pred is not None and pred in one_of(gold)
        self.tallies[name].add(tp=int(ok), fp=int(pred is not None and not ok),
                               fn=int(gold is not None and not ok))
        if not ok and (gold is not None or pred is not None):
            self.note(doc_id, f"{name}: gold {gold!r}, predicted {pred!r}")

    def score_group(self, doc_id: str, gold: Any, pred: Any) -> None:
        name = norm(pred.get("name")) if isinstance(pred, dict) else ""
        ok = (bool(name) and isinstance(gold, dict) and name in spellings(gold.get("name"))
              and pred.get("kind") in one_of(gold.get("kind")))
        self.tallies["group"].add(tp=int(ok), fp=int(bool(name) and not ok), fn=int(gold is not None and not ok))
        if not ok and (gold or name):
            self.note(doc_id, f"group: gold {gold!r}, predicted {pred!r}")

    def score_location(self, doc_id: str, gold: Any, pred: Any) -> None:
        if gold is None:
            return
        exact = norm(pred) in spellings(gold)
        self.ratios["location_exact"].add(exact)
        self.ratios["location_token_f1"].add(max([token_f1(pred or "", g) for g in one_of(gold)] or [0.0]))
        if not exact:
            self.note(doc_id, f"location: gold {gold!r}, predicted {pred!r}")

    def score_province(self, doc_id: str, gold: Any, pred: Any) -> None:
        if gold is None:
            return
        ok = norm(pred) in spellings(gold)
        self.ratios["province_acc"].add(ok)
        if not ok:
            self.note(doc_id, f"province: gold {gold!r}, predicted {pred!r}")

    def score_items(self, doc_id: str, name: str, gold: list[list[Any]], pred: list[Any],
                    gold_labels: Optional[list[str]] = None, pred_labels: Optional[list[str]] = None) -> Matching:
        """Match gold items (their accepted keys) with predicted keys; labels name the items
        in the details (default: the keys)."""
        matching = match_items(gold, pred)
        self.tallies[name].add(tp=len(matching.pairs), fp=len(matching.extras), fn=len(matching.misses))
        for gi in matching.misses:
            self.note(doc_id, f"{name}: missed {gold_labels[gi] if gold_labels else repr(_first(gold[gi]))}")
        for pi in matching.extras:
            self.note(doc_id, f"{name}: extra {pred_labels[pi] if pred_labels else repr(pred[pi])}")
        return matching

    def score_official_titles(self, doc_id: str, gold: list[dict], pred: list[dict], matching: Matching) -> None:
        for gi, pi in matching.pairs:
            gold_title = gold[gi].get("title")
            if gold_title is None:
                continue
            ok = norm(pred[pi].get("title")) in spellings(gold_title)
            self.ratios["official_title_acc"].add(ok)
            if not ok:
                self.note(doc_id, f"officials: title of {pred[pi].get('name')!r}: gold {_first(gold_title)!r}, "
                                  f"predicted {pred[pi].get('title')!r}")

    # -- totals
    def result(self) -> dict:
        fields = {name: t.as_dict() for name, t in self.tallies.items()}
        extra = {name: r.value() for name, r in self.ratios.items()}
        parts = [fields[name]["f1"] for name in HEADLINE_FIELDS]
        parts += [v for v in (extra["location_token_f1"], extra["province_acc"]) if v is not None]
        return {"overall": round(sum(parts) / len(parts), 4), "fields": fields, "extra": extra}


def _first(value: Any) -> Any:
    return value[0] if isinstance(value, list) and value else value


# ---- item keys: what identifies an item of each list field (gold side: every accepted key)

def member_keys(item: dict, gold: bool) -> list[Any]:
    return spellings(item.get("name")) if gold else [norm(item.get("name"))]


def official_keys(item: dict, gold: bool) -> list[Any]:
    return spellings(item.get("name"), norm_name) if gold else [norm_name(item.get("name"))]


def leader_keys(item: dict, gold: bool) -> list[Any]:
    units = spellings(item.get("unit")) if gold else [norm(item.get("unit"))]
    return [(u, item.get("position")) for u in units]


def award_keys(item: dict, gold: bool) -> list[Any]:
    if item.get("recipient") is None:
        return [(item.get("award_type"), None, item.get("count"))]
    names = spellings(item["recipient"], norm_name) if gold else [norm_name(item["recipient"])]
    return [(item.get("award_type"), n, None) for n in names]


def member_label(item: dict) -> str:
    return repr(_first(item.get("name")))


def leader_label(item: dict) -> str:
    return f"{_first(item.get('unit'))!r} ({item.get('position')})"


def award_label(item: dict) -> str:
    recipient = _first(item.get("recipient"))
    return f"{item.get('award_type')} to {recipient!r}" if recipient is not None else (
        f"{item.get('award_type')} x {item.get('count')}")


# Each list field: how its items are keyed for matching, and named in the details.
ITEM_FIELDS: tuple[tuple[str, Callable[[dict, bool], list[Any]], Callable[[dict], str]], ...] = (
    ("members", member_keys, member_label),
    ("officials", official_keys, member_label),
    ("leaders", leader_keys, leader_label),
    ("awards", award_keys, award_label),
)
# The values an item's evidence must show (any one of them).
GROUNDED_ITEMS = (("members", ("name",)), ("officials", ("name",)),
                  ("leaders", ("unit",)), ("awards", ("recipient", "award")))


# ---------------------------------------------------------------- entry points

def evaluate(gold_path: Path | str, pred_path: Path | str) -> dict:
    """Score the records of ``pred_path`` against the gold lines of ``gold_path``."""
    gold = read_gold(Path(gold_path))
    preds = read_predictions(_lines(Path(pred_path)), set(gold))
    scorer = Scorer()
    missing = []
    for doc_id in sorted(gold):
        pred = preds.by_id.get(doc_id)
        if pred is None:
            missing.append(doc_id)
            scorer.note(doc_id, "no predicted record")
        scorer.score_doc(doc_id, gold[doc_id], pred or {})
    result = scorer.result()
    result["docs"] = {"gold": len(gold), "predicted": len(preds.ids_seen), "missing": len(missing),
                      "unreadable_lines": preds.unreadable_lines}
    result["missing_ids"] = missing
    result["details"] = scorer.details
    return result


def format_report(result: dict, details: bool = False) -> str:
    """The result as an aligned table; with ``details`` every miss and extra, by document."""
    lines = [f"{'field':<16}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}"]
    for name, v in result["fields"].items():
        lines.append(f"{name:<16}{v['p']:>7.3f}{v['r']:>7.3f}{v['f1']:>7.3f}{v['tp']:>6}{v['fp']:>6}{v['fn']:>6}")
    lines.append("")
    for name, v in result["extra"].items():
        lines.append(f"{name:<23}{'-' if v is None else format(v, '.3f'):>7}")
    d = result["docs"]
    lines.append("")
    lines.append(f"docs: {d['gold']} gold, {d['predicted']} predicted, {d['missing']} missing, "
                 f"{d['unreadable_lines']} unreadable lines")
    if details:
        for doc_id, notes in sorted(result.get("details", {}).items()):
            lines.append(f"{doc_id}:")
            lines.extend(f"  {n}" for n in notes)
    lines.append(f"overall {result['overall']:.4f}")
    return "\n".join(lines)
