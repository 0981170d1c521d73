"""The searchable archive: records (JSONL) -> one SQLite database with an FTS5 index.

One table per kind of fact, keyed by ``doc_id``:

    articles   one row per record (source, cleaned text, relevance, error)
    meetings   one row per emulation meeting (kinds, date, year, place, group)
    members    the group's member units          } one row per item, in record order (``ord``),
    officials  the named people who took part    } with the item's evidence span
    leaders    the group's leading units         } (``span_start``, ``span_end``) into
    awards     one award to one recipient        } ``articles.text``
    articles_fts  full-text index (FTS5) of title, text, unit names and person names

Matching ignores diacritics and tone placement: the full-text table holds the *folded* text
(:func:`fold`: no diacritics, ``đ`` -> ``d``), and queries are folded the same way, so
"co thi dua" finds "Cờ thi đua" and "hoá" finds "hóa". The ``*_fold`` columns hold the folded
form of the names people filter by.

Indexing a record replaces whatever the database held for its ``doc_id`` (re-indexing never
duplicates), inside one savepoint: a record is written whole or not at all. A line that is not
a valid record is reported and skipped.
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional, Union

from .jsonl import parse_record, read_lines
from .record import Record

SCHEMA_VERSION = 1
COMMIT_EVERY = 500

_SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL UNIQUE,
    path TEXT NOT NULL,
    title TEXT,
    published TEXT,
    authors TEXT NOT NULL DEFAULT '[]',
    url TEXT,
    is_emulation_meeting INTEGER NOT NULL,
    error TEXT,
    text TEXT NOT NULL,
    record_sha TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_published ON articles(published);
CREATE INDEX IF NOT EXISTS articles_path ON articles(path);

CREATE TABLE IF NOT EXISTS meetings (
    doc_id TEXT PRIMARY KEY REFERENCES articles(doc_id) ON DELETE CASCADE,
    kinds TEXT NOT NULL DEFAULT '[]',
    date TEXT,
    year INTEGER,
    location TEXT,
    province TEXT,
    province_fold TEXT,
    group_name TEXT,
    group_kind TEXT,
    group_fold TEXT,
    member_count INTEGER,
    date_start INTEGER,
    date_end INTEGER,
    location_start INTEGER,
    location_end INTEGER
);
CREATE INDEX IF NOT EXISTS meetings_province ON meetings(province);
CREATE INDEX IF NOT EXISTS meetings_province_fold ON meetings(province_fold);
CREATE INDEX IF NOT EXISTS meetings_year ON meetings(year);
CREATE INDEX IF NOT EXISTS meetings_group ON meetings(group_name);
CREATE INDEX IF NOT EXISTS meetings_group_fold ON meetings(group_fold);

CREATE TABLE IF NOT EXISTS members (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES meetings(doc_id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    name TEXT NOT NULL,
    name_fold TEXT NOT NULL,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    UNIQUE (doc_id, ord)
);
CREATE INDEX IF NOT EXISTS members_name ON members(name);
CREATE INDEX IF NOT EXISTS members_name_fold ON members(name_fold);

CREATE TABLE IF NOT EXISTS officials (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES meetings(doc_id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    name TEXT NOT NULL,
    name_fold TEXT NOT NULL,
    title TEXT,
    organization TEXT,
    organization_fold TEXT,
    role TEXT NOT NULL,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    UNIQUE (doc_id, ord)
);
CREATE INDEX IF NOT EXISTS officials_name ON officials(name);
CREATE INDEX IF NOT EXISTS officials_name_fold ON officials(name_fold);
CREATE INDEX IF NOT EXISTS officials_organization_fold ON officials(organization_fold);

CREATE TABLE IF NOT EXISTS leaders (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES meetings(doc_id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    unit TEXT NOT NULL,
    unit_fold TEXT NOT NULL,
    position TEXT NOT NULL,
    year INTEGER,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    UNIQUE (doc_id, ord)
);
CREATE INDEX IF NOT EXISTS leaders_unit ON leaders(unit);
CREATE INDEX IF NOT EXISTS leaders_unit_fold ON leaders(unit_fold);
CREATE INDEX IF NOT EXISTS leaders_year ON leaders(year);

CREATE TABLE IF NOT EXISTS awards (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES meetings(doc_id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    award_type TEXT NOT NULL,
    award TEXT NOT NULL,
    issuer TEXT,
    recipient TEXT,
    recipient_fold TEXT,
    count INTEGER,
    status TEXT NOT NULL,
    year INTEGER,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    UNIQUE (doc_id, ord)
);
CREATE INDEX IF NOT EXISTS awards_type_year ON awards(award_type, year);
CREATE INDEX IF NOT EXISTS awards_recipient ON awards(recipient);
CREATE INDEX IF NOT EXISTS awards_recipient_fold ON awards(recipient_fold);

CREATE INDEX IF NOT EXISTS members_doc ON members(doc_id);
CREATE INDEX IF NOT EXISTS officials_doc ON officials(doc_id);
CREATE INDEX IF NOT EXISTS leaders_doc ON leaders(doc_id);
CREATE INDEX IF NOT EXISTS awards_doc ON awards(doc_id);

CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
    title, body, units, people,
    tokenize = "unicode61 remove_diacritics 2"
);
"""

# Column order of each child table's insert, after doc_id and ord.
_CHILD_COLUMNS = {
    "members": ("name", "name_fold", "span_start", "span_end"),
    "officials": ("name", "name_fold", "title", "organization", "organization_fold", "role",
                  "span_start", "span_end"),
    "leaders": ("unit", "unit_fold", "position", "year", "span_start", "span_end"),
    "awards": ("award_type", "award", "issuer", "recipient", "recipient_fold", "count", "status",
               "year", "span_start", "span_end"),
}
_MEETING_COLUMNS = ("kinds", "date", "year", "location", "province", "province_fold", "group_name",
                    "group_kind", "group_fold", "member_count", "date_start", "date_end",
                    "location_start", "location_end")
_ARTICLE_COLUMNS = ("path", "title", "published", "authors", "url", "is_emulation_meeting", "error",
                    "text", "record_sha")


# --- folding -------------------------------------------------------------------------------

def _fold_char(c: str) -> str:
    if c in "đĐ":
        return "d"
    base = unicodedata.normalize("NFD", c)[0]
    low = base.lower()
    return low if len(low) == 1 else base


_FOLD_TABLE: dict[str, str] = {}


def fold(value: Optional[str]) -> Optional[str]:
    """The search form of a string: lower case, no diacritics, ``đ`` -> ``d``.

    One character in, one character out (on NFC text), so an offset in the folded text is the
    same offset in the original: "Cờ thi đua" -> "co thi dua", "hoá" and "hóa" -> "hoa".
    """
    if value is None:
        return None
    out = []
    for c in unicodedata.normalize("NFC", value):
        f = _FOLD_TABLE.get(c)
        if f is None:
            f = _FOLD_TABLE[c] = _fold_char(c)
        out.append(f)
    return "".join(out)


# --- opening -------------------------------------------------------------------------------

def connect(db: Union[str, Path], create: bool = True) -> sqlite3.Connection:
    """Open the archive with foreign keys on and ``fold()`` in SQL. With ``create`` the file
    and its schema are made when missing; without it the archive is opened read-only and
    must already be one (:class:`NotAnArchive` otherwise)."""
    if create:
        conn = sqlite3.connect(str(db), isolation_level=None)
    else:
        conn = sqlite3.connect(f"{Path(db).resolve().as_uri()}?mode=ro", uri=True, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.create_function("fold", 1, fold, deterministic=True)
    if create:
        conn.executescript(_SCHEMA)
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    elif conn.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
        conn.close()
        raise NotAnArchive(f"{db} is not a thidua archive (make one with: thidua index RECORDS.jsonl --db {db})")
    return conn


class NotAnArchive(sqlite3.DatabaseError):
    """The file opened for reading is not an archive of this version."""


# --- reading -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Problem:
    """A line that was not indexed: where it is and why."""

    where: str
    reason: str

    def text(self) -> str:
        return f"{self.where}: {self.reason}"


def _spans(record: Record) -> Iterator[tuple[str, Any]]:
    m = record.meeting
    if m is None:
        return
    yield "meeting.evidence.date", m.evidence.date
    yield "meeting.evidence.location", m.evidence.location
    for name in ("members", "officials", "leaders", "awards"):
        for i, item in enumerate(getattr(m, name)):
            yield f"meeting.{name}.{i}.evidence", item.evidence


def span_problem(record: Record) -> Optional[str]:
    """Why a record's evidence does not fit its text (a span past the end), or ``None``."""
    size = len(record.text)
    for where, span in _spans(record):
        if span is not None and span.end > size:
            return f"{where}: span [{span.start}, {span.end}) is outside the text ({size} characters)"
    return None


def parse_line(line: str, where: str) -> Union[Record, Problem]:
    """One JSONL line -> a valid Record, or the Problem that keeps it out of the archive."""
    parsed = parse_record(line)
    if parsed.record is None:
        return Problem(where, parsed.problem)
    reason = span_problem(parsed.record)
    return Problem(where, "invalid record: " + reason) if reason else parsed.record


def read_records(paths: Iterable[Union[str, Path]]) -> Iterator[Union[Record, Problem]]:
    """Every non-blank line of the JSONL files, parsed, in order."""
    for line in read_lines(paths):
        yield parse_line(line.text, line.where) if line.error is None else Problem(line.where, line.error)


# --- rows ----------------------------------------------------------------------------------

def _bounds(span) -> tuple[Optional[int], Optional[int]]:
    return (span.start, span.end) if span is not None else (None, None)


def _join(values: Iterable[Optional[str]]) -> str:
    return "\n".join(dict.fromkeys(v for v in values if v))


def record_rows(record: Record) -> dict[str, Any]:
    """The rows one record gives: ``article``, ``meeting`` (or None), the four item lists,
    and ``fts`` (the original, unfolded texts of the full-text columns)."""
    src, m = record.source, record.meeting
    canonical = record.model_dump_json()
    article = {
        "path": src.path,
        "title": src.title,
        "published": src.published.isoformat() if src.published else None,
        "authors": json.dumps(list(src.authors), ensure_ascii=False),
        "url": src.url,
        "is_emulation_meeting": int(record.is_emulation_meeting),
        "error": record.error,
        "text": record.text,
        "record_sha": hashlib.sha256(canonical.encode("utf-8")).hexdigest(),
    }
    rows: dict[str, Any] = {"doc_id": record.doc_id, "article": article, "meeting": None,
                            "members": [], "officials": [], "leaders": [], "awards": []}
    units: list[Optional[str]] = []
    people: list[Optional[str]] = list(src.authors)
    if m is not None:
        group = m.group
        date_start, date_end = _bounds(m.evidence.date)
        loc_start, loc_end = _bounds(m.evidence.location)
        rows["meeting"] = {
            "kinds": json.dumps(list(m.kinds)),
            "date": m.date.isoformat() if m.date else None,
            "year": m.date.year if m.date else (src.published.year if src.published else None),
            "location": m.location,
            "province": m.province,
            "province_fold": fold(m.province),
            "group_name": group.name if group else None,
            "group_kind": group.kind if group else None,
            "group_fold": fold(group.name) if group else None,
            "member_count": m.member_count,
            "date_start": date_start, "date_end": date_end,
            "location_start": loc_start, "location_end": loc_end,
        }
        rows["members"] = [
            {"name": x.name, "name_fold": fold(x.name),
             "span_start": x.evidence.start, "span_end": x.evidence.end} for x in m.members]
        rows["officials"] = [
            {"name": x.name, "name_fold": fold(x.name), "title": x.title,
             "organization": x.organization, "organization_fold": fold(x.organization),
             "role": x.role, "span_start": x.evidence.start, "span_end": x.evidence.end}
            for x in m.officials]
        rows["leaders"] = [
            {"unit": x.unit, "unit_fold": fold(x.unit), "position": x.position, "year": x.year,
             "span_start": x.evidence.start, "span_end": x.evidence.end} for x in m.leaders]
        rows["awards"] = [
            {"award_type": x.award_type, "award": x.award, "issuer": x.issuer,
             "recipient": x.recipient, "recipient_fold": fold(x.recipient), "count": x.count,
             "status": x.status, "year": x.year,
             "span_start": x.evidence.start, "span_end": x.evidence.end} for x in m.awards]
        units = ([group.name if group else None] + [x.name for x in m.members]
                 + [x.unit for x in m.leaders] + [x.recipient for x in m.awards]
                 + [x.organization for x in m.officials])
        people += [x.name for x in m.officials]
    rows["fts"] = {"title": src.title or "", "body": record.text,
                   "units": _join(units), "people": _join(people)}
    return rows


# --- writing -------------------------------------------------------------------------------

def _insert(conn: sqlite3.Connection, table: str, values: dict[str, Any]) -> None:
    cols = ", ".join(values)
    marks = ", ".join("?" for _ in values)
    conn.execute(f"INSERT INTO {table} ({cols}) VALUES ({marks})", tuple(values.values()))


def write_rows(conn: sqlite3.Connection, rows: dict[str, Any]) -> str:
    """Write one record's rows, replacing what its doc_id had. Returns ``added``,
    ``updated`` or ``unchanged``. The caller holds the savepoint."""
    doc_id, article = rows["doc_id"], rows["article"]
    found = conn.execute("SELECT id, record_sha FROM articles WHERE doc_id = ?", (doc_id,)).fetchone()
    if found and found[1] == article["record_sha"]:
        return "unchanged"
    if found:
        article_id = found[0]
        sets = ", ".join(f"{c} = ?" for c in _ARTICLE_COLUMNS)
        conn.execute(f"UPDATE articles SET {sets} WHERE id = ?",
                     tuple(article[c] for c in _ARTICLE_COLUMNS) + (article_id,))
        conn.execute("DELETE FROM meetings WHERE doc_id = ?", (doc_id,))  # items cascade
        conn.execute("DELETE FROM articles_fts WHERE rowid = ?", (article_id,))
    else:
        _insert(conn, "articles", {"doc_id": doc_id, **article})
        article_id = conn.execute("SELECT id FROM articles WHERE doc_id = ?", (doc_id,)).fetchone()[0]
    if rows["meeting"] is not None:
        _insert(conn, "meetings", {"doc_id": doc_id, **rows["meeting"]})
        for table in _CHILD_COLUMNS:
            for ord_, item in enumerate(rows[table]):
                _insert(conn, table, {"doc_id": doc_id, "ord": ord_, **item})
    fts = {k: fold(v) for k, v in rows["fts"].items()}
    _insert(conn, "articles_fts", {"rowid": article_id, **fts})
    return "added" if not found else "updated"


def index_record(conn: sqlite3.Connection, record: Record) -> str:
    """Write one record whole or not at all (a savepoint of its own)."""
    rows = record_rows(record)
    conn.execute("SAVEPOINT record")
    try:
        outcome = write_rows(conn, rows)
    except BaseException:
        conn.execute("ROLLBACK TO record")
        conn.execute("RELEASE record")
        raise
    conn.execute("RELEASE record")
    return outcome


@dataclass
class IndexReport:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def indexed(self) -> int:
        return self.added + self.updated + self.unchanged

    def text(self) -> str:
        return (f"{self.indexed} records indexed ({self.added} new, {self.updated} updated, "
                f"{self.unchanged} unchanged), {len(self.problems)} skipped")


def index_records(conn: sqlite3.Connection, items: Iterable[Union[Record, Problem]]) -> IndexReport:
    """Index records (Problems are collected, not written), committing in batches."""
    report = IndexReport()
    pending = 0
    conn.execute("BEGIN")
    try:
        for item in items:
            if isinstance(item, Problem):
                report.problems.append(item)
                continue
            try:
                outcome = index_record(conn, item)
            except sqlite3.Error as exc:
                report.problems.append(Problem(item.doc_id, f"not written: {exc}"))
                continue
            setattr(report, outcome, getattr(report, outcome) + 1)
            pending += 1
            if pending >= COMMIT_EVERY:
                conn.execute("COMMIT")
                conn.execute("BEGIN")
                pending = 0
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return report


def index_files(paths: Iterable[Union[str, Path]], db: Union[str, Path]) -> IndexReport:
    """``thidua index``: load JSONL record files into the archive at ``db``."""
    conn = connect(db)
    try:
        report = index_records(conn, read_records(paths))
        conn.execute("PRAGMA optimize")
        return report
    finally:
        conn.close()


def table_counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Rows per table (the FTS index included)."""
    tables = ("articles", "meetings", "members", "officials", "leaders", "awards", "articles_fts")
    return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
