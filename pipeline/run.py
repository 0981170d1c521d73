"""The per-article function: ``process(raw)`` turns one RawDocument into one Record.

It never raises: whatever goes wrong becomes an error record, so one bad article never
stops a batch. Engines that map it over many articles live in :mod:`pipeline.batch`.
"""
from __future__ import annotations

import os
import traceback

from .clean import clean_document
from .extract import build_record
from .ingest import safe_label
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
        message = safe_label(f"internal error: {type(exc).__name__}: {exc} "
                             f"({os.path.basename(where.filename)}:{where.lineno})")
        path = safe_label(raw.path) or "<unnamed>"
        return error_record(stable_id(path + "\0" + message), path, message)
