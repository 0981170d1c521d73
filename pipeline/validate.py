"""Checking a JSONL file of records: the schema and the grounding rule, line by line.

Each line must be one JSON object that the record model accepts
(``Record.model_validate_json``), and every extracted item must be grounded: its evidence
span lies inside ``text`` and ``text[start:end]`` shows the item's value
(:func:`pipeline.textnorm.grounded`: compared after normalization, person names without
honorifics, a name expanded from a shared head shown by at least the last half of its
words). A problem is reported as ``line N: field.path: reason``.

The file is read one line at a time: :func:`check_lines` takes any iterable of lines (a
file, a generator) and yields problems as it goes, so memory does not grow with the file.
"""
from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Iterable, Iterator, Optional

from pydantic import BaseModel, ValidationError

from .ingest import LongLine, capped_lines
from .record import Record
from .textnorm import grounded, span_bounds

LINE = "<line>"      # the path of a problem with the line itself (not JSON, not UTF-8)
RECORD = "<record>"  # the path of a problem with the record as a whole

# The items whose evidence must show a value, and the keys holding that value (any one).
GROUNDED_ITEMS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("members", ("name",)),
    ("officials", ("name",)),
    ("leaders", ("unit",)),
    ("awards", ("recipient", "award")),
)
# meeting.evidence keys, and the meeting field whose value that span must show (None: the
# span need only lie inside the text; a date is written in many forms).
MEETING_SPANS: tuple[tuple[str, Optional[str]], ...] = (("date", None), ("location", "location"))
EXCERPT = 60


@dataclass(frozen=True)
class Problem:
    line: int
    path: str
    reason: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.path}: {self.reason}"


# ---------------------------------------------------------------- schema

def _field_names(model: type[BaseModel], seen: Optional[set] = None) -> set[str]:
    """Every field name of the record model and the models inside it."""
    seen = set() if seen is None else seen
    if model in seen:
        return set()
    seen.add(model)
    names = set(model.model_fields)
    for f in model.model_fields.values():
        for sub in _models_in(f.annotation):
            names |= _field_names(sub, seen)
    return names


def _models_in(annotation: Any) -> Iterator[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        yield from _models_in(arg)


FIELD_NAMES = frozenset(_field_names(Record))
_NAMED_FIELD = re.compile(r"([a-z_]+(?:\.[a-z_]+)*)\b")


def error_path(loc: tuple, message: str) -> str:
    """The dotted field path of a pydantic error. A model-level rule ("end (3) must be
    greater than start (5)", "meeting must be null when ...") is reported at the field
    its message names."""
    parts = [str(p) for p in loc]
    named = _NAMED_FIELD.match(message)
    if named and named.group(1).split(".")[0] in FIELD_NAMES:
        fields = named.group(1).split(".")
        if parts and parts[-1] == fields[0]:
            parts.pop()
        parts += fields
    return ".".join(parts) or RECORD


def schema_problems(line: str) -> list[tuple[str, str]]:
    """(path, reason) for each way the line breaks the record model."""
    try:
        Record.model_validate_json(line)
    except ValidationError as exc:
        found = []
        for err in exc.errors():
            message = err["msg"].removeprefix("Value error, ")
            path = error_path(err["loc"], message) if err["type"] == "value_error" else (
                ".".join(str(p) for p in err["loc"]) or RECORD)
            found.append((path, message))
        return found
    return []


# ---------------------------------------------------------------- grounding

def _excerpt(text: str) -> str:
    return text if len(text) <= EXCERPT else text[:EXCERPT - 1] + "…"


def span_problem(evidence: Any, text: str) -> Optional[str]:
    """Why an evidence span does not lie inside the text (None when it does, or when it is
    malformed in a way the schema check reports)."""
    if not isinstance(evidence, dict):
        return None
    start, end = evidence.get("start"), evidence.get("end")
    if type(start) is not int or type(end) is not int or start < 0 or end <= start:
        return None  # reported by the schema
    if end > len(text):
        return f"span [{start}, {end}) ends past the text ({len(text)} characters)"
    return None


def value_problem(evidence: Any, text: str, item: dict, keys: tuple[str, ...]) -> Optional[str]:
    """Why a span inside the text does not show the item's value (None when it does)."""
    bounds = span_bounds(evidence, len(text))
    values = [item.get(k) for k in keys if isinstance(item.get(k), str)]
    if bounds is None or not values or grounded(text, evidence, values):
        return None
    shown = " or ".join(f"{k} {item[k]!r}" for k in keys if isinstance(item.get(k), str))
    return f"text[{bounds[0]}:{bounds[1]}] {_excerpt(text[bounds[0]:bounds[1]])!r} does not contain {shown}"


def grounding_problems(record: dict) -> list[tuple[str, str]]:
    """(path, reason) for each evidence span outside the text or not showing its value."""
    text, meeting = record.get("text"), record.get("meeting")
    if not isinstance(text, str) or not isinstance(meeting, dict):
        return []
    found = []

    def check(path: str, evidence: Any, item: dict, keys: tuple[str, ...]) -> None:
        reason = span_problem(evidence, text) or value_problem(evidence, text, item, keys)
        if reason:
            found.append((path, reason))

    for name, keys in GROUNDED_ITEMS:
        items = meeting.get(name)
        for i, item in enumerate(items if isinstance(items, list) else []):
            if isinstance(item, dict):
                check(f"meeting.{name}.{i}.evidence", item.get("evidence"), item, keys)
    evidence = meeting.get("evidence")
    if isinstance(evidence, dict):
        for key, value_field in MEETING_SPANS:
            keys = (value_field,) if value_field else ()
            check(f"meeting.evidence.{key}", evidence.get(key), meeting, keys)
    return found


# ---------------------------------------------------------------- lines and files

MAX_LINE_BYTES = 64 * 2**20   # a record line (text plus items) is far shorter


def check_line(raw: str | bytes | LongLine) -> list[tuple[str, str]]:
    """(path, reason) for each problem of one JSONL line."""
    if isinstance(raw, LongLine):
        return [(LINE, f"line too long: {raw.size:,} bytes (at most {MAX_LINE_BYTES:,} read)")]
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            return [(LINE, f"not UTF-8 text ({exc.reason} at byte {exc.start})")]
    line = raw.rstrip("\r\n")
    if not line.strip():
        return [(LINE, "blank line (one JSON record per line expected)")]
    try:
        obj = json.loads(line)
    except ValueError as exc:
        return [(LINE, f"not JSON: {exc}")]
    if not isinstance(obj, dict):
        return [(LINE, f"not a JSON object but {type(obj).__name__}")]
    return schema_problems(line) + grounding_problems(obj)


def check_lines(lines: Iterable[str | bytes]) -> Iterator[Problem]:
    """Problems of each line in turn, numbered from 1; lines are consumed one at a time."""
    for number, raw in enumerate(lines, start=1):
        for path, reason in check_line(raw):
            yield Problem(number, path, reason)


@dataclass
class Tally:
    lines: int = 0
    bad_lines: int = 0
    problems: int = 0


def _counted(lines: Iterable[bytes | LongLine], tally: Tally) -> Iterator[bytes | LongLine]:
    for raw in lines:
        tally.lines += 1
        yield raw


def validate_file(path: Path | str, out: IO[str] = sys.stdout, max_listed: int = 1000) -> int:
    """Check every line of a JSONL file (``-``: standard input); print each problem (up to
    ``max_listed``) and a summary. Returns the number of problems."""
    tally, last_bad = Tally(), 0
    try:
        fh = sys.stdin.buffer if str(path) == "-" else open(path, "rb")
    except OSError as exc:
        print(f"{path}: cannot read: {exc.strerror or exc}", file=out)
        return 1
    try:
        for problem in check_lines(_counted(capped_lines(fh, MAX_LINE_BYTES), tally)):
            tally.problems += 1
            if problem.line != last_bad:
                tally.bad_lines, last_bad = tally.bad_lines + 1, problem.line
            if tally.problems <= max_listed:
                print(problem, file=out)
    finally:
        if fh is not sys.stdin.buffer:
            fh.close()
    print(summary(path, tally, max_listed), file=out)
    return tally.problems


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def summary(path: Path | str, tally: Tally, max_listed: int) -> str:
    if not tally.problems:
        return f"{path}: {tally.lines} lines, all valid and grounded"
    unlisted = tally.problems - max_listed
    more = f" ({unlisted} not listed)" if unlisted > 0 else ""
    return (f"{path}: {tally.lines} lines, {_count(tally.problems, 'problem')} on "
            f"{_count(tally.bad_lines, 'line')}{more}")
