"""Ingest: input paths -> RawDocuments, one per article, streamed.

Inputs are files, folders (recursive), globs, or ``-`` for stdin. A reader is registered per
file extension; a file no reader knows is read as text. Nothing here decodes or cleans: it
only finds articles and says where they came from. An input that cannot be read becomes a
RawDocument with ``error`` set, never an exception.
"""
from __future__ import annotations

import glob
import json
import os
import sys
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .types import RawDocument

Reader = Callable[[Path, str], Iterator[RawDocument]]
READERS: dict[str, Reader] = {}


def reader(*extensions: str):
    def register(fn: Reader) -> Reader:
        for ext in extensions:
            READERS[ext] = fn
        return fn
    return register


@reader(".txt", ".text", "")
def read_text_file(path: Path, label: str) -> Iterator[RawDocument]:
    yield RawDocument(path=label, kind="text", data=path.read_bytes())


@reader(".html", ".htm", ".xhtml")
def read_html_file(path: Path, label: str) -> Iterator[RawDocument]:
    yield RawDocument(path=label, kind="html", data=path.read_bytes())


_META_KEYS = ("title", "url", "published", "date", "authors", "author")


def jsonl_documents(lines: Iterable[bytes], label: str) -> Iterator[RawDocument]:
    """One article per JSONL line: ``text`` or ``html``, keyed by ``id`` or ``url``."""
    for lineno, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        where = f"{label}:{lineno}"
        try:
            obj = json.loads(raw)
        except (ValueError, UnicodeDecodeError) as exc:
            yield RawDocument(path=where, kind="text", error=f"line {lineno} is not JSON: {exc}")
            continue
        if not isinstance(obj, dict):
            yield RawDocument(path=where, kind="text", error=f"line {lineno} is not a JSON object")
            continue
        key = obj.get("id") or obj.get("url")
        if key is not None:
            where = f"{label}#{key}"
        meta = {k: obj[k] for k in _META_KEYS if obj.get(k) is not None}
        if isinstance(obj.get("text"), str) and obj["text"].strip():
            yield RawDocument(path=where, kind="text", data=obj["text"], meta=meta)
        elif isinstance(obj.get("html"), str) and obj["html"].strip():
            yield RawDocument(path=where, kind="html", data=obj["html"], meta=meta)
        else:
            yield RawDocument(path=where, kind="text", meta=meta,
                              error=f"line {lineno} has no 'text' or 'html' field with content")


@reader(".jsonl", ".ndjson")
def read_jsonl_file(path: Path, label: str) -> Iterator[RawDocument]:
    with path.open("rb") as fh:
        yield from jsonl_documents(fh, label)


def read_path(path: Path, label: str) -> Iterator[RawDocument]:
    """All articles of one file, or one error document when it cannot be opened."""
    fn = READERS.get(path.suffix.lower(), read_text_file)
    try:
        yield from fn(path, label)
    except OSError as exc:
        yield RawDocument(path=label, kind="text", error=f"cannot read file: {exc.strerror or exc}")


def expand(inputs: Iterable[str]) -> Iterator[tuple[Path, str]]:
    """Input arguments -> (file, label) in a stable order. Folders recurse, globs expand.

    The label is the path as the user named it (relative stays relative), so records never
    leak absolute paths the user did not pass.
    """
    for arg in inputs:
        if arg == "-":
            continue
        p = Path(arg)
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith("."):
                        f = Path(root) / name
                        yield f, str(f)
        elif p.exists():
            yield p, str(p)
        elif glob.has_magic(arg):
            for m in sorted(glob.glob(arg, recursive=True)):
                if Path(m).is_file():
                    yield Path(m), m
        else:
            yield p, str(p)  # read_path turns the missing file into an error document


def read_stdin() -> Iterator[RawDocument]:
    """stdin: JSONL when every non-empty line starts with '{', otherwise one text article."""
    data = sys.stdin.buffer.read()
    lines = [ln for ln in data.splitlines() if ln.strip()]
    if lines and all(ln.lstrip().startswith(b"{") for ln in lines):
        yield from jsonl_documents(data.splitlines(), "<stdin>")
    else:
        kind = "html" if data.lstrip()[:200].lower().startswith((b"<!doctype", b"<html")) else "text"
        yield RawDocument(path="<stdin>", kind=kind, data=data)


def read_inputs(inputs: Iterable[str]) -> Iterator[RawDocument]:
    inputs = list(inputs)
    for path, label in expand(inputs):
        yield from read_path(path, label)
    if "-" in inputs:
        yield from read_stdin()
