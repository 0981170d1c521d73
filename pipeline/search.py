"""Searching the archive (:mod:`pipeline.archive`): ranked full-text hits with filters.

A plain query ("co thi dua lang son") finds the articles holding every word, with or without
diacritics. A query that uses FTS5 syntax (``"phrase"``, ``AND``/``OR``/``NOT``, ``NEAR``,
``prefix*``, ``title:word``, parentheses) is passed to FTS5 after folding; a malformed one
raises :class:`QueryError` with a readable message. Filters narrow the hits to meetings of a
province, year, group, award type, person or unit. An empty query with filters lists the
matching meetings, newest first.
"""
from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import asdict, dataclass, field
from typing import Optional

from .archive import fold
from .record import AwardType
from .textnorm import norm

# Weights of the FTS columns (title, body, units, people) in the bm25 rank.
_WEIGHTS = (8.0, 1.0, 4.0, 4.0)
_SYNTAX_RE = re.compile(r'["()*^:+]|\b(?:AND|OR|NOT|NEAR)\b')
# Pieces of an FTS5 query that are kept as written: quoted strings are folded, operators not.
_OPERATOR_RE = re.compile(r"\b(AND|OR|NOT|NEAR)\b")
_WORD_RE = re.compile(r"\w+")
_TERM_RE = re.compile(r"(\w+)(\*?)")
SNIPPET_WIDTH = 180
# Among this many times --limit bm25 candidates, the hits that spell the query's accented
# words exactly, then those holding its words as a phrase, come first.
RERANK_POOL = 3


class QueryError(ValueError):
    """A query or filter the archive cannot run; the message says why, for a person."""


@dataclass(frozen=True)
class Filters:
    province: Optional[str] = None
    year: Optional[int] = None
    group: Optional[str] = None
    award_type: Optional[str] = None
    person: Optional[str] = None
    unit: Optional[str] = None

    def any(self) -> bool:
        return any(v is not None for v in asdict(self).values())


@dataclass
class Hit:
    rank: int
    doc_id: str
    path: str
    title: Optional[str]
    date: Optional[str]
    year: Optional[int]
    province: Optional[str]
    group: Optional[str]
    kinds: list[str]
    score: Optional[float]
    snippet: str
    # [start, end) of each highlighted match within ``snippet``.
    highlights: list[tuple[int, int]] = field(default_factory=list)
    # Offset of the snippet in the article's text (None when the snippet is not from the text).
    snippet_start: Optional[int] = None

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)


def fts_query(query: str) -> str:
    """The FTS5 MATCH expression of a user query (folded; plain words all required)."""
    if not _SYNTAX_RE.search(query):
        words = _WORD_RE.findall(fold(query))
        return " ".join(f'"{w}"' for w in words)
    pieces = _OPERATOR_RE.split(query)
    return "".join(p if i % 2 else fold(p) for i, p in enumerate(pieces))


def query_terms(query: str) -> list[tuple[str, bool]]:
    """The folded words of a query to highlight, each with whether it is a prefix."""
    text = _OPERATOR_RE.sub(" ", query)
    text = re.sub(r"\b\w+:", " ", text)  # column filters are not terms
    return [(w, star == "*") for w, star in _TERM_RE.findall(fold(text))]


def _filter_sql(filters: Filters) -> tuple[list[str], list]:
    where, args = [], []
    if filters.province is not None:
        where.append("m.province_fold = ?")
        args.append(fold(filters.province.strip()))
    if filters.year is not None:
        where.append("m.year = ?")
        args.append(filters.year)
    if filters.group is not None:
        where.append("instr(m.group_fold, ?) > 0")
        args.append(fold(filters.group.strip()))
    if filters.award_type is not None:
        choices = [t.value for t in AwardType]
        if filters.award_type not in choices:
            raise QueryError(f"unknown award type {filters.award_type!r}; one of: {', '.join(choices)}")
        where.append("EXISTS (SELECT 1 FROM awards w WHERE w.doc_id = a.doc_id AND w.award_type = ?)")
        args.append(filters.award_type)
    if filters.person is not None:
        where.append("EXISTS (SELECT 1 FROM officials o WHERE o.doc_id = a.doc_id "
                     "AND instr(o.name_fold, ?) > 0)")
        args.append(fold(filters.person.strip()))
    if filters.unit is not None:
        unit = fold(filters.unit.strip())
        where.append(
            "(EXISTS (SELECT 1 FROM members x WHERE x.doc_id = a.doc_id AND instr(x.name_fold, ?) > 0)"
            " OR EXISTS (SELECT 1 FROM leaders x WHERE x.doc_id = a.doc_id AND instr(x.unit_fold, ?) > 0)"
            " OR EXISTS (SELECT 1 FROM awards x WHERE x.doc_id = a.doc_id AND instr(x.recipient_fold, ?) > 0)"
            " OR EXISTS (SELECT 1 FROM officials x WHERE x.doc_id = a.doc_id"
            " AND instr(x.organization_fold, ?) > 0))")
        args += [unit] * 4
    return where, args


_SELECT = ("SELECT a.doc_id, a.path, a.title, a.text, m.date, m.year, m.province, m.group_name, "
           "m.kinds, {score} AS score FROM {source} "
           "LEFT JOIN meetings m ON m.doc_id = a.doc_id")


def _rows(conn: sqlite3.Connection, query: str, filters: Filters, limit: int) -> list[tuple]:
    where, args = _filter_sql(filters)
    if query.strip():
        match = fts_query(query)
        if not match:
            raise QueryError(f"the query {query!r} has no word to search for")
        check_query(conn, query, match)
        weights = ", ".join(str(w) for w in _WEIGHTS)
        sql = _SELECT.format(score=f"-bm25(articles_fts, {weights})",
                             source="articles_fts f JOIN articles a ON a.id = f.rowid")
        sql += " WHERE articles_fts MATCH ?" + "".join(f" AND {w}" for w in where)
        sql += " ORDER BY score DESC, a.id LIMIT ?"
        args = [match] + args
    else:
        if not filters.any():
            raise QueryError("give a query, a filter, or both")
        sql = _SELECT.format(score="NULL", source="articles a")
        sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY m.date IS NULL, m.date DESC, a.published DESC, a.id LIMIT ?"
    return conn.execute(sql, args + [limit]).fetchall()


def check_query(conn: sqlite3.Connection, query: str, match: str) -> None:
    """Raise :class:`QueryError` when FTS5 cannot read ``match`` (the folded ``query``)."""
    try:
        conn.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? LIMIT 1", (match,)).fetchall()
    except sqlite3.OperationalError as exc:
        reason = str(exc).replace("fts5: ", "")
        raise QueryError(f"cannot read the query {query!r}: {reason}. "
                         'Use plain words, "a phrase", AND / OR / NOT, prefix*') from None


def _term_pattern(word: str, prefix: bool) -> str:
    return re.escape(word) + (r"\w*" if prefix else r"\b")


def _matches(folded: str, terms: list[tuple[str, bool]]) -> list[tuple[int, int]]:
    if not terms:
        return []
    pattern = re.compile(r"\b(?:" + "|".join(_term_pattern(w, p) for w, p in terms) + ")")
    return [m.span() for m in pattern.finditer(folded)]


def _best_start(folded: str, terms: list[tuple[str, bool]], matches: list[tuple[int, int]],
                width: int) -> int:
    """Where the snippet's first match is: the query written as a phrase, else the match
    whose window holds the most distinct terms (the earliest of those)."""
    phrase = re.search(r"\b" + r"\W+".join(_term_pattern(w, p) for w, p in terms), folded)
    if phrase:
        return phrase.start()
    best, best_count = matches[0][0], 0
    for s, _ in matches:
        seen = {folded[a:b] for a, b in matches if s <= a and b <= s + width * 2 // 3}
        if len(seen) > best_count:
            best, best_count = s, len(seen)
    return best


def snippet(text: str, terms: list[tuple[str, bool]],
            width: int = SNIPPET_WIDTH) -> tuple[str, list[tuple[int, int]], Optional[int]]:
    """A window of ``text`` around the first run of query terms, with the matches in it.

    Matching runs on the folded text, whose offsets are the original's. Returns the snippet,
    the ``[start, end)`` of each match inside it, and the snippet's offset in ``text``
    (``None`` when no term is in the text: the snippet is then the text's start)."""
    if not text:
        return "", [], None
    folded = fold(text)
    if len(folded) != len(text):  # not NFC: offsets would not line up
        return text[:width], [], None
    matches = _matches(folded, terms)
    if not matches:
        return text[:width].rstrip(), [], None
    first = _best_start(folded, terms, matches, width)
    start = max(0, first - width // 3)
    if start:
        space = text.rfind(" ", 0, start + 1)
        start = space + 1 if space >= 0 and first - space < width // 2 else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > first else end
    inside = [(s - start, e - start) for s, e in matches if s >= start and e <= end]
    return text[start:end], inside, start


def accented_words(query: str) -> list[str]:
    """The query's words written with diacritics, in comparison form (tone placement unified)."""
    text = _OPERATOR_RE.sub(" ", query)
    return [norm(w) for w in _WORD_RE.findall(text) if fold(w) != w.lower()]


def exact_spellings(words: list[str], title: Optional[str], text: str) -> int:
    """How many of the accented query words the title and text spell exactly as typed."""
    hay = norm(f"{title or ''}\n{text}")
    return sum(1 for w in words if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", hay))


def has_phrase(terms: list[tuple[str, bool]], title: Optional[str], text: str) -> bool:
    """Do the title or text hold the query's words in a row (diacritics ignored)?"""
    if len(terms) < 2:
        return False
    pattern = r"\b" + r"\W+".join(_term_pattern(w, p) for w, p in terms)
    return re.search(pattern, fold(f"{title or ''}\n{text}")) is not None


def search(conn: sqlite3.Connection, query: str = "", filters: Filters = Filters(),
           limit: int = 10) -> list[Hit]:
    """Ranked hits of ``query`` under ``filters`` (best first), at most ``limit``.

    Matching ignores diacritics. Among the best bm25 candidates, the hits that spell the
    query's accented words exactly as typed come first, then those holding its words as a
    phrase; bm25 orders the rest."""
    if limit < 1:
        raise QueryError("--limit must be at least 1")
    terms = query_terms(query) if query.strip() else []
    accented = accented_words(query) if query.strip() else []
    rerank = bool(accented) or len(terms) > 1
    rows = _rows(conn, query, filters, limit * RERANK_POOL if rerank else limit)
    if rerank:
        rows = sorted(rows, key=lambda r: (-exact_spellings(accented, r[2], r[3]),
                                           not has_phrase(terms, r[2], r[3])))[:limit]
    hits = []
    for n, (doc_id, path, title, text, date, year, province, group, kinds, score) in enumerate(rows, 1):
        snip, marks, offset = snippet(text, terms)
        if not marks and title:
            t_snip, t_marks, _ = snippet(title, terms)
            if t_marks:
                snip, marks, offset = t_snip, t_marks, None
        hits.append(Hit(rank=n, doc_id=doc_id, path=path, title=title, date=date, year=year,
                        province=province, group=group, kinds=json.loads(kinds) if kinds else [],
                        score=round(score, 4) if score is not None else None,
                        snippet=snip, highlights=marks, snippet_start=offset))
    return hits


def mark(snip: str, highlights: list[tuple[int, int]], before: str, after: str) -> str:
    """The snippet with ``before``/``after`` around each highlighted match."""
    out, at = [], 0
    for s, e in highlights:
        out += [snip[at:s], before, snip[s:e], after]
        at = e
    out.append(snip[at:])
    return "".join(out)


def format_hit(hit: Hit, color: bool) -> str:
    """A hit as a few lines for a terminal: matches in bold yellow, or in [brackets]."""
    before, after = ("\x1b[1;33m", "\x1b[0m") if color else ("[", "]")
    bold, reset = ("\x1b[1m", "\x1b[0m") if color else ("", "")
    facts = " · ".join(str(v) for v in (hit.date or hit.year, hit.province, hit.group) if v)
    body = " ".join(mark(hit.snippet, hit.highlights, before, after).split())
    lines = [f"{hit.rank}. {bold}{hit.title or hit.path}{reset}",
             f"   {facts + ' · ' if facts else ''}{hit.path} · {hit.doc_id}"]
    if body:
        lines.append(f"   …{body}…")
    return "\n".join(lines)
