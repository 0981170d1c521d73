"""Reading thidua's JSONL output back, line by line, for the tools that consume it."""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator, NamedTuple, Optional, Union


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
