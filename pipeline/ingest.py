"""Ingest: input arguments -> RawDocuments, one per article, streamed.

Inputs are files, folders (recursive), globs, or ``-`` for stdin. A reader is registered per
file extension; a file no reader knows is read as text (clean.py then tells text from HTML and
from binary). Nothing here decodes or cleans: ingest only finds articles and says where they
came from (``RawDocument.path``: the file as named, plus ``#id`` or ``:line`` inside a JSONL
file, ``#url`` inside a WARC file). An input that cannot be read becomes a RawDocument with
``error`` set, never an exception: every article input gives exactly one document.

Hostile inputs stay cheap: a file over MAX_FILE_BYTES is not read, a JSONL line over
MAX_LINE_BYTES is skipped (read in pieces, never held whole) with an error document, and
lone surrogates (from a JSON escape or a file name that is not UTF-8) never reach a record.
"""
from __future__ import annotations

import glob
import itertools
import json
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Callable, Iterable, Iterator

from .types import RawDocument

Reader = Callable[[Path, str], Iterator[RawDocument]]
READERS: dict[str, Reader] = {}

MAX_FILE_BYTES = 64 * 2**20     # one article file: news pages are well under 2 MB
MAX_LINE_BYTES = 32 * 2**20     # one JSONL line (an article with its HTML)
PIECE_BYTES = 2**20             # an over-long line is skipped in pieces of this size

_SURROGATE = re.compile(r"[\ud800-\udfff]")


def safe_label(label: str) -> str:
    """A path as text that can be written: a byte of a non-UTF-8 file name (kept by Python as a
    surrogate escape) shown as ``\\xNN``, any other lone surrogate as U+FFFD."""
    return _SURROGATE.sub(lambda m: (f"\\x{ord(m.group()) - 0xDC00:02x}" if "\udc80" <= m.group() <= "\udcff"
                                     else "\ufffd"), label)


def without_surrogates(value):
    """A parsed JSON value with every lone surrogate in its strings replaced by U+FFFD."""
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, list):
        return [without_surrogates(v) for v in value]
    if isinstance(value, dict):
        return {without_surrogates(k): without_surrogates(v) for k, v in value.items()}
    return value


def too_large(path: Path, label: str) -> Iterator[RawDocument]:
    """An error document when the file is over MAX_FILE_BYTES (then it is not read at all)."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        yield RawDocument(path=label, kind="text",
                          error=f"file too large: {size:,} bytes (at most {MAX_FILE_BYTES:,} read)")


@dataclass(frozen=True)
class LongLine:
    """A line over the size cap, skipped: only its length is kept."""

    size: int


def capped_lines(fh: IO[bytes], limit: int = MAX_LINE_BYTES) -> Iterator[bytes | LongLine]:
    """The lines of a binary stream, read in pieces; a line longer than ``limit`` bytes is
    given as a LongLine, its pieces dropped as soon as it is known to be too long, so memory
    stays within about ``limit`` whatever the stream holds."""
    while True:
        pieces: list[bytes] | None = []
        size = 0
        while True:
            piece = fh.readline(PIECE_BYTES)
            if not piece:
                break
            size += len(piece)
            if pieces is not None:
                pieces.append(piece)
                if size > limit + 1:
                    pieces = None
            if piece.endswith(b"\n"):
                break
        if size == 0:
            return
        if pieces is None or size - pieces[-1].endswith(b"\n") > limit:
            yield LongLine(size)
        else:
            yield pieces[0] if len(pieces) == 1 else b"".join(pieces)


def reader(*extensions: str):
    """Register a reader for file names ending with any of ``extensions``."""
    def register(fn: Reader) -> Reader:
        for ext in extensions:
            READERS[ext] = fn
        return fn
    return register


def reader_for(path: Path) -> Reader:
    """The reader of the longest registered ending of the file name; text when none fits."""
    name = path.name.lower()
    for ext in sorted(READERS, key=len, reverse=True):
        if ext and name.endswith(ext):
            return READERS[ext]
    return read_text_file


@reader(".txt", ".text", ".md")
def read_text_file(path: Path, label: str) -> Iterator[RawDocument]:
    for refused in too_large(path, label):
        yield refused
        return
    yield RawDocument(path=label, kind="text", data=path.read_bytes())


@reader(".html", ".htm", ".xhtml", ".shtml")
def read_html_file(path: Path, label: str) -> Iterator[RawDocument]:
    for refused in too_large(path, label):
        yield refused
        return
    yield RawDocument(path=label, kind="html", data=path.read_bytes())


# --- JSONL ------------------------------------------------------------------------------------

# Article facts a JSONL line may carry besides its text: key in the line -> key in meta.
JSONL_META = {"title": "title", "url": "url", "published": "published", "date": "published",
              "authors": "authors", "author": "authors"}


def jsonl_documents(lines: Iterable[bytes | LongLine], label: str) -> Iterator[RawDocument]:
    """One article per JSONL line: ``text`` or ``html``, keyed by ``id`` or ``url``.

    Blank lines are skipped; every other line gives one document (an error one when it is not
    a JSON object with text, or is over the size cap).
    """
    for lineno, raw in enumerate(lines, start=1):
        if isinstance(raw, LongLine):
            yield RawDocument(path=f"{label}:{lineno}", kind="text",
                              error=f"JSONL line {lineno} is too long: {raw.size:,} bytes "
                                    f"(at most {MAX_LINE_BYTES:,} read)")
            continue
        if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        if not raw.strip():
            continue
        yield jsonl_document(raw, label, lineno)


def jsonl_document(raw: bytes, label: str, lineno: int) -> RawDocument:
    where = f"{label}:{lineno}"
    try:
        obj = json.loads(raw.decode("utf-8").strip())
    except UnicodeDecodeError as exc:
        return RawDocument(path=where, kind="text",
                           error=f"JSONL line {lineno} is not UTF-8 (bad byte at {exc.start})")
    except ValueError as exc:
        detail = (f"{exc.msg.removesuffix(' at')} at column {exc.colno}" if isinstance(exc, json.JSONDecodeError)
                  else str(exc))
        return RawDocument(path=where, kind="text", error=f"JSONL line {lineno} is not JSON: {detail}")
    if not isinstance(obj, dict):
        return RawDocument(path=where, kind="text",
                           error=f"JSONL line {lineno} is not a JSON object but a {type(obj).__name__}")
    obj = without_surrogates(obj)
    key = obj.get("id")
    if key is None or isinstance(key, (dict, list)) or str(key).strip() == "":
        key = obj.get("url") if isinstance(obj.get("url"), str) and obj["url"].strip() else None
    if key is not None:
        where = f"{label}#{key}"
    meta = {}
    for field, name in JSONL_META.items():
        if obj.get(field) not in (None, "", []) and name not in meta:
            meta[name] = obj[field]
    for field, kind in (("text", "text"), ("html", "html")):
        value = obj.get(field)
        if isinstance(value, str) and value.strip():
            return RawDocument(path=where, kind=kind, data=value, meta=meta)
    present = [f for f in ("text", "html") if f in obj]
    why = (f"its '{present[0]}' field is empty or not a string" if present
           else "it has no 'text' or 'html' field")
    return RawDocument(path=where, kind="text", meta=meta, error=f"JSONL line {lineno} has no article text: {why}")


@reader(".jsonl", ".ndjson")
def read_jsonl_file(path: Path, label: str) -> Iterator[RawDocument]:
    found = False
    with path.open("rb") as fh:
        for doc in jsonl_documents(capped_lines(fh), label):
            found = True
            yield doc
    if not found:
        message = "empty file" if path.stat().st_size == 0 else "JSONL file holds only blank lines"
        yield RawDocument(path=label, kind="text", error=message)


# --- gzip -------------------------------------------------------------------------------------

@reader(".gz")
def read_gzip_file(path: Path, label: str) -> Iterator[RawDocument]:
    """A gzip-compressed input (``x.jsonl.gz``, ``x.txt.gz``, ``x.html.gz``): read as what its
    inner name says, decompressed as a stream (JSONL line by line). ``.warc.gz`` has its own reader."""
    import gzip
    import zlib

    inner = path.name[: -len(".gz")].lower()
    try:
        with gzip.open(path, "rb") as fh:
            if inner.endswith((".jsonl", ".ndjson")):
                yield from jsonl_documents(capped_lines(fh), label)
            else:
                kind = "html" if inner.endswith((".html", ".htm", ".xhtml", ".shtml")) else "text"
                data = fh.read(MAX_FILE_BYTES + 1)
                if len(data) > MAX_FILE_BYTES:
                    yield RawDocument(path=label, kind="text", error=f"file too large: over "
                                      f"{MAX_FILE_BYTES:,} bytes once decompressed (at most that read)")
                    return
                yield RawDocument(path=label, kind=kind, data=data)
    except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
        yield RawDocument(path=label, kind="text", error=f"not a readable gzip file: {exc}")


# --- WARC -------------------------------------------------------------------------------------

@reader(".warc", ".warc.gz", ".arc", ".arc.gz")
def read_warc_file(path: Path, label: str) -> Iterator[RawDocument]:
    """Each HTML or text response of a web archive is one article, keyed by its URL."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    found = False
    with path.open("rb") as fh:
        try:
            for rec in ArchiveIterator(fh, arc2warc=True):
                if rec.rec_type != "response" or rec.http_headers is None:
                    continue
                ctype = (rec.http_headers.get_header("Content-Type") or "").lower()
                if "html" not in ctype and "text/plain" not in ctype:
                    continue
                url = rec.rec_headers.get_header("WARC-Target-URI") or ""
                kind = "html" if "html" in ctype else "text"
                found = True
                yield RawDocument(path=f"{label}#{url}", kind=kind, data=rec.content_stream().read(),
                                  meta={"url": url} if url else {})
        except ArchiveLoadFailed as exc:
            yield RawDocument(path=label, kind="text", error=f"not a readable WARC/ARC archive: {exc}")
            return
    if not found:
        yield RawDocument(path=label, kind="text", error="WARC archive holds no HTML or text response")


# --- files, folders, globs ----------------------------------------------------------------------

def read_path(path: Path, label: str) -> Iterator[RawDocument]:
    """All articles of one input, or one error document saying why it cannot be read."""
    label = safe_label(label)
    if path.is_dir():
        yield RawDocument(path=label, kind="text", error="folder holds no article files")
        return
    if not path.exists():
        message = (f"no file matches the pattern {label!r}" if glob.has_magic(label)
                   else "no such file or folder")
        yield RawDocument(path=label, kind="text", error=message)
        return
    try:
        yield from reader_for(path)(path, label)
    except OSError as exc:
        yield RawDocument(path=label, kind="text", error=f"cannot read file: {exc.strerror or exc}")


def folder_files(folder: Path) -> list[Path]:
    """Every file under the folder, hidden ones left out, sorted by their path inside it (so a
    subfolder's files stand where its name sorts: a.txt, b/c.txt, d.txt)."""
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found.extend(Path(root) / name for name in files if not name.startswith("."))
    return sorted(found, key=lambda p: p.relative_to(folder).parts)


def expand(inputs: Iterable[str]) -> Iterator[tuple[Path, str]]:
    """Input arguments -> (file, label) in a stable order. Folders recurse, globs expand.

    The label is the path as the user named it (relative stays relative), so records never
    leak absolute paths the user did not pass. An argument that names nothing (a missing
    file, a glob matching nothing, an empty folder) is passed on as itself, so that read_path
    turns it into an error document. ``-`` (stdin) is left to read_inputs.
    """
    for arg in inputs:
        if arg == "-":
            continue
        p = Path(arg)
        if p.is_dir():
            files = folder_files(p)
            if not files:
                yield p, arg
            for f in files:
                yield f, str(f)
        elif p.exists() or not glob.has_magic(arg):
            yield p, arg
        else:
            matches = sorted(m for m in glob.glob(arg, recursive=True) if Path(m).is_file())
            if not matches:
                yield p, arg
            for m in matches:
                yield Path(m), m


# --- stdin ----------------------------------------------------------------------------------------

STDIN_LABEL = "<stdin>"


def read_stream(stream: IO[bytes], label: str = STDIN_LABEL) -> Iterator[RawDocument]:
    """A byte stream: JSONL when its first non-empty line is a JSON object (later lines that are
    not give error documents, as in a .jsonl file), otherwise one article (HTML or text:
    clean.py tells them apart). JSONL is read line by line, each line under the size cap, so
    a stream of any length runs in bounded memory; a single article is read whole."""
    lines = capped_lines(stream)
    head: list = []
    for line in lines:
        head.append(line)
        if isinstance(line, LongLine) or line.strip():
            break
    first = head[-1] if head else b""
    if not isinstance(first, LongLine):
        first = first.strip().removeprefix(b"\xef\xbb\xbf")
        if first.startswith(b"{") and _json_object(first):
            yield from jsonl_documents(itertools.chain(head, lines), label)
            return
    parts = head + list(lines)
    if any(isinstance(line, LongLine) for line in parts):
        yield RawDocument(path=label, kind="text",
                          error=f"input too long: a line of over {MAX_LINE_BYTES:,} bytes")
        return
    yield RawDocument(path=label, kind="text", data=b"".join(parts))


def _json_object(line: bytes) -> bool:
    try:
        return isinstance(json.loads(line.decode("utf-8")), dict)
    except ValueError:  # not JSON, or not UTF-8
        return False


def read_stdin() -> Iterator[RawDocument]:
    yield from read_stream(sys.stdin.buffer)


def read_inputs(inputs: Iterable[str]) -> Iterator[RawDocument]:
    """Every article of every input, in order; stdin (``-``) where it stands among them."""
    for arg in inputs:
        if arg == "-":
            yield from read_stdin()
            continue
        for path, label in expand([arg]):
            yield from read_path(path, label)
