"""The per-article function and the streaming writer.

``process(raw)`` turns one RawDocument into one Record and never raises: whatever goes
wrong becomes an error record. ``write_records`` writes each record as one whole line, so an
interrupted run leaves only whole lines.
"""
from __future__ import annotations

import os
import traceback
from dataclasses import dataclass, field
from typing import IO, Iterable, Iterator

from .clean import clean_document
from .extract import build_record
from .record import Record, error_record
from .types import Failure, RawDocument, stable_id


def process(raw: RawDocument) -> Record:
    """One article in, one record out: clean, NER, extract. Never raises."""
    try:
        article = clean_document(raw)
        if isinstance(article, Failure):
            return error_record(article.doc_id, article.path, article.message)
        return build_record(article)
    except Exception as exc:  # one bad article never stops a batch
        where = traceback.extract_tb(exc.__traceback__)[-1]
        message = f"internal error: {type(exc).__name__}: {exc} ({os.path.basename(where.filename)}:{where.lineno})"
        return error_record(stable_id(raw.path + "\0" + message), raw.path, message)


@dataclass
class Summary:
    read: int = 0
    meetings: int = 0
    errors: int = 0
    error_paths: list[str] = field(default_factory=list)

    def add(self, record: Record) -> None:
        self.read += 1
        if record.error:
            self.errors += 1
            if len(self.error_paths) < 20:
                self.error_paths.append(f"{record.source.path}: {record.error}")
        elif record.is_emulation_meeting:
            self.meetings += 1


def write_records(records: Iterable[Record], out: IO[str]) -> Iterator[Record]:
    """Write each record as one line, flushed whole; yields each record once written."""
    for rec in records:
        out.write(rec.to_json() + "\n")
        out.flush()
        yield rec
