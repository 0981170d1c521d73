"""Leaders of the group: the units named cụm/khối trưởng (leader) or phó (deputy).

A leader cue (``lexicon/leader_cues.tsv``) is tied to a unit (``doc.spans["ORG"]``):

* written before it, joined by a few link words (``leader_links.txt``): "X làm Cụm trưởng",
  "X - đơn vị Cụm trưởng", "X (Khối phó)", "Giám đốc Sở Y tế TP Cần Thơ, Cụm Trưởng";
* or after it, introduced by ``leader_intro.txt``: "Cụm trưởng năm 2021 là X",
  "bàn giao trách nhiệm trưởng khối cho X";
* or an item of a member enumeration marked with the cue ("Phú Thọ (Cụm trưởng)").

The year is the first "năm YYYY" after the cue in its sentence, else the last one before it,
else the meeting's year.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .. import lexicon, nlp
from ..record import Leader, Span
from .context import Context
from .members import enumerations

_YEAR = re.compile(r"năm\s+(\d{4})", re.I)
# A unit written after "tại" is the venue: "tại Sở Y tế Vĩnh Phúc, Trưởng Khối ... đã tổ chức".
_VENUE = re.compile(r"(?<!\w)tại\s+$", re.I)
_SENT_END = re.compile(r"[.!?\n](?=\s|$)")


@lru_cache(maxsize=1)
def cue_pattern() -> re.Pattern:
    cues = sorted((r["cue"] for r in lexicon.load("leader_cues")), key=len, reverse=True)
    return re.compile(r"(?<!\w)(" + "|".join(re.escape(c) for c in cues) + r")(?!\w)", re.I)


@lru_cache(maxsize=1)
def positions() -> dict[str, str]:
    return {r["cue"]: r["position"] for r in lexicon.load("leader_cues")}


@lru_cache(maxsize=1)
def _links() -> re.Pattern:
    words = sorted(lexicon.words("leader_links"), key=len, reverse=True)
    alt = "|".join(re.escape(w) for w in words)
    return re.compile(r"^(?:\s*(?:" + alt + r"))*\s*$", re.I)


@lru_cache(maxsize=1)
def _intro() -> re.Pattern:
    alt = "|".join(re.escape(w) for w in lexicon.words("leader_intro"))
    return re.compile(r"^[^.;!?\n]{0,60}?\s(?:" + alt + r")\s+$", re.I)


def sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    starts = [m.end() for m in _SENT_END.finditer(text, 0, pos)]
    start = starts[-1] if starts else 0
    m = _SENT_END.search(text, pos)
    return start, (m.start() if m else len(text))


def year_near(text: str, start: int, end: int, default):
    s0, s1 = sentence_bounds(text, start)
    after = _YEAR.search(text, end, s1)
    if after:
        return int(after.group(1))
    before = list(_YEAR.finditer(text, s0, start))
    if before:
        return int(before[-1].group(1))
    return default


def _valid_year(y):
    return y if y is not None and 1945 <= y <= 2100 else None


def unit_for_cue(text: str, orgs, start: int, end: int, after: bool = False):
    """The ORG span tied to the cue at [start, end): written before it, or (after=True) after it."""
    before = [o for o in orgs if o.end_char <= start and start - o.end_char <= 40]
    if before and not after:
        o = before[-1]
        if _links().match(text[o.end_char:start]) and not _VENUE.search(text[max(0, o.start_char - 8):o.start_char]):
            return o
    later = [o for o in orgs if o.start_char >= end and o.start_char - end <= 70]
    if later and after:
        o = later[0]
        if _intro().match(text[end - 1:o.start_char]) or _intro().match(" " + text[end:o.start_char]):
            return o
    return None


def find_leaders(ctx: Context) -> list[Leader]:
    doc = ctx.doc
    if doc is None:
        return []
    text = ctx.text
    orgs = list(doc.spans["ORG"])
    out, seen = [], set()

    def add(name, position, span_start, span_end, year):
        key = (name.lower(), position)
        if key in seen:
            return
        seen.add(key)
        out.append(Leader(unit=name, position=position, year=_valid_year(year),
                          evidence=Span(start=span_start, end=span_end)))

    # Units a cue written after them names first ("X (Cụm trưởng)"), then cues that introduce
    # a unit after them ("Cụm trưởng, Phó trưởng Cụm năm 2021 là X"), skipping units already tied.
    tied = set()
    for after_pass in (False, True):
        for m in cue_pattern().finditer(text):
            position = positions()[m.group(1).lower()]
            org = unit_for_cue(text, orgs, m.start(), m.end(), after=after_pass)
            if org is None or (after_pass and org.start_char in tied):
                continue
            tied.add(org.start_char)
            add(org.text, position, org.start_char, org.end_char, year_near(text, m.start(), m.end(), ctx.year))
    for item in enumerations(ctx):
        if item.leader_cue:
            position = positions()[item.leader_cue.lower()]
            add(item.name, position, item.start, item.end, year_near(text, item.start, item.end, ctx.year))
    return out
