"""Datasette plugin: diacritic-free matching in the thidua archive.

The archive's full-text table holds folded text (no diacritics, đ -> d; see
``pipeline.archive.fold``). This plugin gives every connection a ``fold()`` SQL function
(used by the canned queries in ``metadata.json``) and makes Datasette's search box fold the
words typed before matching, so "Cờ thi đua" and "co thi dua" find the same articles.
"""
from datasette import hookimpl
from datasette.utils import escape_fts

from pipeline.archive import fold


def folded_escape_fts(query):
    return escape_fts(fold(query)) if query is not None else query


@hookimpl(trylast=True)  # after Datasette's own escape_fts, which this one replaces
def prepare_connection(conn):
    conn.create_function("fold", 1, fold, deterministic=True)
    conn.create_function("escape_fts", 1, folded_escape_fts, deterministic=True)
