"""The data that flows forward between stages (ingest -> clean -> nlp -> extract -> write).

Plain frozen dataclasses: no behaviour, no I/O. The output contract is :mod:`pipeline.record`.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Optional


@dataclass(frozen=True)
class RawDocument:
    """One input article as ingest found it, before cleaning.

    ``data`` is the undecoded bytes of a file, or the text/HTML of a JSONL field. ``kind`` is
    ``"text"`` or ``"html"``. ``meta`` holds what the container said about the article
    (a JSONL line's title, url, published, authors). ``error`` is set, and ``data`` empty,
    when the input could not be read at all.
    """

    path: str
    kind: str
    data: bytes | str = b""
    meta: dict = field(default_factory=dict)
    error: Optional[str] = None


@dataclass(frozen=True)
class Article:
    """A cleaned article: the text every offset of its record refers to."""

    doc_id: str
    path: str
    text: str
    title: Optional[str] = None
    published: Optional[dt.date] = None
    authors: tuple[str, ...] = ()
    url: Optional[str] = None
    # Character span of the title in ``text`` when the headline is part of the text.
    title_span: Optional[tuple[int, int]] = None


@dataclass(frozen=True)
class Failure:
    """An input that could not be turned into an Article: becomes an error record."""

    doc_id: str
    path: str
    message: str


def stable_id(content: str | bytes) -> str:
    """Same content, same id: the first 16 hex digits of its SHA-256."""
    if isinstance(content, str):
        content = content.encode("utf-8", "surrogatepass")
    return hashlib.sha256(content).hexdigest()[:16]
