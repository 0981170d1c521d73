"""Reading thidua's JSONL output back, line by line, for the tools that consume it."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterable, Iterator, NamedTuple, Optional, Union

from pydantic import ValidationError

from .record import Record


class Line(NamedTuple):
    where: str             # "FILE:LINENO", or the file alone when it cannot be opened
    text: Optional[str]    # the line, or None when the file cannot be opened
    error: Optional[str]   # why the file cannot be opened


def read_lines(paths: Iterable[Union[str, Path]]) -> Iterator[Line]:
    """Every non-blank line of the JSONL files, in order, streamed (undecodable bytes replaced)."""
    for path in paths:
        path = Path(path)
        try:
            fh = path.open(encoding="utf-8", errors="replace")
        except OSError as exc:
            yield Line(str(path), None, f"cannot read: {exc.strerror or exc}")
            continue
        with fh:
            for lineno, line in enumerate(fh, 1):
                if line.strip():
                    yield Line(f"{path}:{lineno}", line, None)


class Parsed(NamedTuple):
    value: Any                 # the line's JSON value (None when it is not JSON)
    record: Optional[Record]   # the valid record, or None
    problem: Optional[str]     # why the line is not a record


def parse_record(line: str) -> Parsed:
    """One JSONL line -> the Record it holds, or the reason it holds none."""
    try:
        value = json.loads(line)
    except json.JSONDecodeError as exc:
        return Parsed(None, None, f"not JSON: {exc.msg} at column {exc.colno}")
    try:
        return Parsed(value, Record.model_validate(value), None)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = ".".join(str(p) for p in first.get("loc", ())) or "(record)"
        more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
        return Parsed(value, None, f"invalid record: {loc}: {first.get('msg')}{more}")
