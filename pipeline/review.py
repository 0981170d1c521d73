"""The review page: every extracted fact highlighted in its article, in one HTML file.

``thidua review RECORDS.jsonl -o review.html`` writes a self-contained page (inline CSS and
JS, no network, no server) for checking records before trusting them: a paged list of the
articles with filters (relevance, province, field), and for the selected article its cleaned
text with every evidence span highlighted in a colour per field, beside the record as tables.
Non-relevant articles and error records are listed with their reason.

The steps are plain functions, data in, data out:

* :func:`read_entries` reads JSONL lines into :func:`review_entry` dicts (a line that is not
  a valid record becomes an error entry saying why);
* :func:`record_items` lists the grounded items of a record (field, columns, span);
* :func:`layout_pieces` cuts overlapping spans into properly nested pieces, so the page can
  draw nested highlights and split only the spans that cross;
* :func:`embed_json` and :func:`render_page` put the data into the page template.

The page builds an article's highlighted text only when it is selected (``#doc=ID`` in the
URL selects one), and draws the list a page at a time, so it stays usable for many thousands
of articles.
"""
from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional, Union

from .jsonl import parse_record, read_lines
from .record import Record

# The highlighted fields, in the order of the legend and of the record tables; for spans
# covering the same characters the earlier field is drawn outside the later one.
FIELDS = ("member", "official", "leader", "award", "date", "location")

# The columns the record table shows for each field's items.
COLUMNS = {
    "member": ("name",),
    "official": ("name", "title", "organization", "role"),
    "leader": ("unit", "position", "year"),
    "award": ("award", "award_type", "issuer", "recipient", "count", "status", "year"),
    "date": ("date",),
    "location": ("location",),
}

_LISTS = {"member": "members", "official": "officials", "leader": "leaders", "award": "awards"}

NOT_RELEVANT = "not an emulation meeting"
TEMPLATE = "review_template.html"


@dataclass(frozen=True)
class Piece:
    """A stretch ``[start, end)`` of the text drawn as one highlight element of ``item``."""

    start: int
    end: int
    item: int


def record_items(record: Record) -> list[dict[str, Any]]:
    """The grounded items of a record, one dict each: ``f`` (field), ``d`` (the columns of
    :data:`COLUMNS`), ``s``/``e`` (the evidence span) and ``bad`` when the span does not fit
    the text. Members, officials, leaders and awards in order, then date and location."""
    meeting = record.meeting
    if meeting is None:
        return []
    items = []
    for field_name in FIELDS:
        if field_name in _LISTS:
            for obj in getattr(meeting, _LISTS[field_name]):
                data = obj.model_dump(mode="json")
                items.append(_item(field_name, {c: data.get(c) for c in COLUMNS[field_name]},
                                   obj.evidence, len(record.text)))
        else:
            span = getattr(meeting.evidence, field_name)
            value = getattr(meeting, field_name)
            if span is not None:
                shown = value.isoformat() if hasattr(value, "isoformat") else value
                items.append(_item(field_name, {field_name: shown}, span, len(record.text)))
    return items


def _item(field_name: str, data: dict[str, Any], span, size: int) -> dict[str, Any]:
    item = {"f": field_name, "d": data, "s": span.start, "e": span.end}
    if span.end > size:
        item["bad"] = f"span [{span.start}, {span.end}) is outside the text ({size} characters)"
    return item


def layout_pieces(spans: Iterable[tuple[int, int]]) -> list[Piece]:
    """Cut spans into pieces that nest properly, in drawing order.

    Spans are taken longest first among those starting at the same place (for the same
    characters, the earlier one in ``spans`` goes outside). A span that nests inside or
    beside the pieces already laid out stays whole; one that crosses them is cut at their
    boundaries, so its pieces nest too. The result is sorted by start, outer pieces first:
    the order in which nested elements are opened.
    """
    order = sorted(((s, e, i) for i, (s, e) in enumerate(spans) if e > s),
                   key=lambda t: (t[0], -t[1], t[2]))
    placed: list[tuple[int, int, int, int]] = []  # start, end, item, rank (outer first)
    for start, end, item in order:
        cuts = sorted({b for ps, pe, _, _ in placed if _crosses(ps, pe, start, end)
                       for b in (ps, pe) if start < b < end})
        bounds = [start, *cuts, end]
        for s, e in zip(bounds, bounds[1:]):
            placed.append((s, e, item, len(placed)))
    placed.sort(key=lambda p: (p[0], -p[1], p[3]))
    return [Piece(s, e, item) for s, e, item, _ in placed]


def _crosses(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    """Do ``[a_start, a_end)`` and ``[b_start, b_end)`` overlap without one holding the other?"""
    overlap = a_start < b_end and b_start < a_end
    nested = (a_start <= b_start and b_end <= a_end) or (b_start <= a_start and a_end <= b_end)
    return overlap and not nested


def review_entry(record: Record) -> dict[str, Any]:
    """What the page shows of one record: the list row, the reason, the tables, the text and
    the highlight pieces (``[start, end, item]`` triples)."""
    meeting, source = record.meeting, record.source
    items = record_items(record)
    drawable = [(it["s"], it["e"]) if "bad" not in it else (0, 0) for it in items]
    if record.error is not None:
        status, reason = "error", record.error
    elif not record.is_emulation_meeting:
        status, reason = "not_relevant", NOT_RELEVANT
    else:
        status, reason = "relevant", None
    group = meeting.group if meeting else None
    return {
        "id": record.doc_id,
        "path": source.path,
        "title": source.title,
        "label": entry_label(source.title, record.text, source.path),
        "published": source.published.isoformat() if source.published else None,
        "authors": list(source.authors),
        "url": source.url,
        "status": status,
        "reason": reason,
        "province": meeting.province if meeting else None,
        "date": meeting.date.isoformat() if meeting and meeting.date else None,
        "group": {"name": group.name, "kind": group.kind} if group else None,
        "meeting": _meeting_rows(meeting) if meeting else [],
        "fields": sorted({it["f"] for it in items}, key=FIELDS.index),
        "items": items,
        "pieces": [[p.start, p.end, p.item] for p in layout_pieces(drawable)],
        "text": record.text,
    }


def entry_label(title: Optional[str], text: str, path: str, width: int = 160) -> str:
    """What the list shows for an article: its title, else its first line of text, else its path."""
    if title and title.strip():
        return title.strip()
    line = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
    if not line:
        return path
    return line if len(line) <= width else line[:width].rsplit(" ", 1)[0] + " …"


def _meeting_rows(meeting) -> list[list[Any]]:
    """The meeting's own values as (label, value) rows of the record table."""
    group = meeting.group
    return [
        ["kinds", ", ".join(meeting.kinds) or None],
        ["date", meeting.date.isoformat() if meeting.date else None],
        ["location", meeting.location],
        ["province", meeting.province],
        ["group", f"{group.name} ({group.kind})" if group else None],
        ["member_count", meeting.member_count],
    ]


def problem_entry(where: str, reason: str, obj: Any = None) -> dict[str, Any]:
    """The entry for a line that is not a valid record: listed as an error, with why."""
    obj = obj if isinstance(obj, dict) else {}
    source = obj.get("source") if isinstance(obj.get("source"), dict) else {}
    text = obj.get("text") if isinstance(obj.get("text"), str) else ""
    doc_id = obj.get("doc_id") if isinstance(obj.get("doc_id"), str) and obj.get("doc_id") else where
    return {
        "id": doc_id, "path": source.get("path") if isinstance(source.get("path"), str) else where,
        "title": source.get("title") if isinstance(source.get("title"), str) else None,
        "label": entry_label(source.get("title") if isinstance(source.get("title"), str) else None,
                             text, where),
        "published": None, "authors": [], "url": None,
        "status": "error", "reason": f"{where}: {reason}",
        "province": None, "date": None, "group": None, "meeting": [],
        "fields": [], "items": [], "pieces": [], "text": text,
    }


def parse_entry(line: str, where: str) -> dict[str, Any]:
    """One JSONL line -> its review entry (an error entry when the line is not a record)."""
    parsed = parse_record(line)
    if parsed.record is None:
        return problem_entry(where, parsed.problem, parsed.value)
    return review_entry(parsed.record)


def read_entries(paths: Iterable[Union[str, Path]]) -> Iterator[dict[str, Any]]:
    """The review entries of every non-blank line of the JSONL files, in order."""
    for line in read_lines(paths):
        yield parse_entry(line.text, line.where) if line.error is None else problem_entry(line.where, line.error)


def embed_json(data: Any) -> str:
    """JSON safe inside ``<script type="application/json">``: no ``<``, ``>`` or ``&`` left
    raw, so ``</script>`` or ``<!--`` in an article cannot end the block early."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for raw, escaped in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, escaped)
    return text


def render_page(entries: list[dict[str, Any]], title: str = "thidua review") -> str:
    """The whole page: the template with the title and the entries embedded."""
    template = resources.files("pipeline").joinpath(TEMPLATE).read_text(encoding="utf-8")
    payload = {"fields": list(FIELDS), "columns": {f: list(c) for f, c in COLUMNS.items()},
               "entries": entries}
    values = {"__TITLE__": html.escape(title), "__DATA__": embed_json(payload)}
    return re.sub("__TITLE__|__DATA__", lambda m: values[m.group(0)], template)


@dataclass
class Summary:
    articles: int = 0
    meetings: int = 0
    not_relevant: int = 0
    errors: int = 0

    def text(self) -> str:
        return (f"{self.articles} articles: {self.meetings} meetings, "
                f"{self.not_relevant} not relevant, {self.errors} errors")


def summarize(entries: Iterable[dict[str, Any]]) -> Summary:
    summary = Summary()
    for entry in entries:
        summary.articles += 1
        summary.meetings += entry["status"] == "relevant"
        summary.not_relevant += entry["status"] == "not_relevant"
        summary.errors += entry["status"] == "error"
    return summary


def write_review(paths: Iterable[Union[str, Path]], output: Union[str, Path],
                 title: Optional[str] = None) -> Summary:
    """Read the records, write the page to ``output``, return what it holds."""
    paths = [Path(p) for p in paths]
    entries = list(read_entries(paths))
    page = render_page(entries, title or "thidua review: " + ", ".join(p.name for p in paths))
    Path(output).write_text(page, encoding="utf-8")
    return summarize(entries)
