"""Leaders of the group: the units named cụm/khối trưởng (leader) or phó (deputy).

A leader cue (``lexicon/leader_cues.tsv``) is tied to a unit (``doc.spans["ORG"]``):

* written before it, joined by a few link words (``leader_links.txt``): "X làm Cụm trưởng",
  "X - đơn vị Cụm trưởng", "X (Khối phó)", "Giám đốc Sở Y tế TP Cần Thơ, Cụm Trưởng";
* or after it, introduced by ``leader_intro.txt``: "Cụm trưởng năm 2021 là X",
  "bàn giao trách nhiệm trưởng khối cho X";
* or an item of a member enumeration marked with the cue ("Phú Thọ (Cụm trưởng)");
* or held by a person: the cue written as the title before a name, the person's unit is the
  body of the last title after the name ("Đồng chí Khối trưởng X, Ủy viên BCH ..., Giám đốc
  Sở Giáo dục chủ trì" -> Sở Giáo dục);
* or held by a person named right before the cue with a title and its unit, only link words
  between ("Trung tá X, Trưởng phòng Hậu cần - Kỹ thuật được giao làm Phó khối" -> Phòng Hậu
  cần - Kỹ thuật);
* or opening the sentence as an apposition of its subject ("Là đơn vị Trưởng cụm thi đua năm
  2021, đại diện lãnh đạo UBND huyện X đã phát động": openers in ``leader_openers.txt``).

The year is the first "năm YYYY" after the cue in its sentence, else the last one before it,
else the year under review ("tổng kết ... năm 2022": standing leaders lead for it), else the
year pledged ("ký kết giao ước thi đua năm 2023"), else the meeting's year
(:func:`.period.leading_year`).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from .. import lexicon, nlp
from ..record import Leader, Span
from . import period
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
    # "Cụm trưởng năm 2021 là X", "Đơn vị trưởng khối năm 2016: X"
    return re.compile(r"^[^.;!?\n]{0,60}?(?:\s(?:" + alt + r")\s+|\s*:\s*)$", re.I)


@lru_cache(maxsize=1)
def _member_list_re() -> re.Pattern:
    words = sorted({r["trigger"] for r in lexicon.load("member_triggers") if r["strict"] == "0"},
                   key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")(?!\w)", re.I)


def _opens_member_list(gap: str) -> bool:
    """"Cụm trưởng Cụm số II, gồm 5 đơn vị là X": the units after "gồm" are the members, not
    the one the cue names."""
    return _member_list_re().search(gap) is not None


@lru_cache(maxsize=4)
def _sentence_ends(text: str) -> list[int]:
    """Positions of the sentence-ending marks of ``text`` (``_SENT_END``), read once."""
    return [m.start() for m in _SENT_END.finditer(text)]


def sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    """The sentence around ``pos``: after the last mark before it (a mark right before ``pos``
    counts whatever follows it), up to the first mark at or after it."""
    ends = _sentence_ends(text)
    k = bisect_left(ends, pos)
    if pos > 0 and text[pos - 1] in ".!?\n":
        start = pos
    else:
        j = bisect_left(ends, pos - 1) - 1
        start = ends[j] + 1 if j >= 0 else 0
    return start, (ends[k] if k < len(ends) else len(text))


_WINDOW = 400  # chars read on either side of a cue: a text without full stops stays linear


def year_near(text: str, start: int, end: int, default):
    """The first "năm YYYY" after the cue in its sentence, else the last one before it (within
    ``_WINDOW`` characters), else ``default``."""
    s0, s1 = sentence_bounds(text, start)
    after = _YEAR.search(text, end, min(s1, end + _WINDOW))
    if after:
        return int(after.group(1))
    before = list(_YEAR.finditer(text, max(s0, start - _WINDOW), start))
    if before:
        return int(before[-1].group(1))
    return default


def _valid_year(y):
    return y if y is not None and 1945 <= y <= 2100 else None


def unit_for_cue(text: str, orgs, start: int, end: int, after: bool = False):
    """The ORG span tied to the cue at [start, end): written before it, or (after=True) after it."""
    index = orgs if isinstance(orgs, nlp.CharIndex) else nlp.CharIndex(orgs)
    before = [o for o in index.touching(start - 40, start) if o.end_char <= start and start - o.end_char <= 40]
    if before and not after:
        o = before[-1]
        if _links().match(text[o.end_char:start]) and not _VENUE.search(text[max(0, o.start_char - 8):o.start_char]):
            return o
    later = [o for o in index.starting(end, end + 70) if o.start_char >= end and o.start_char - end <= 70]
    if later and after:
        o = later[0]
        gap = text[end:o.start_char]
        if (_intro().match(text[end - 1:o.start_char]) or _intro().match(" " + gap)) \
                and not _opens_member_list(gap):
            return o
    return None


@lru_cache(maxsize=1)
def _locality_unit() -> re.Pattern:
    """A commune, district or province written as a unit: "Phường Bến Cát làm Cụm trưởng",
    "bầu xã Nghĩa Hồ làm Cụm trưởng" (levels from ``lexicon/localities.txt``)."""
    levels = sorted(lexicon.words("localities"), key=len, reverse=True)
    alt = "|".join("[" + lv[0].upper() + lv[0].lower() + "]" + re.escape(lv[1:]) for lv in levels)
    return re.compile(r"(?<!\w)(?:" + alt + r")(?:\s+[A-ZÀ-ỸĐ][\wÀ-ỹ’']*){1,4}")


@dataclass(frozen=True)
class _Unit:
    """A unit written in the text (the parts of a spaCy ORG span the rules read)."""
    text: str
    start_char: int
    end_char: int


def candidate_units(doc) -> list[_Unit]:
    """ORG spans, and localities written as units where no ORG span covers them."""
    units = [_Unit(o.text, o.start_char, o.end_char) for o in nlp.spans(doc, "ORG")]
    index = nlp.span_index(doc, "ORG")
    # Locality matches do not overlap one another: only the ORG spans can cover one.
    for m in _locality_unit().finditer(nlp.text_of(doc)):
        if not any(u.start_char <= m.start() < u.end_char for u in index.touching(m.start(), m.start())):
            units.append(_Unit(m.group(), m.start(), m.end()))
    return sorted(units, key=lambda u: u.start_char)


def _same_unit(a: str, b: str) -> bool:
    """Two spellings of one unit ("Sở TN&MT tỉnh Long An", "Sở Tài nguyên và Môi trường Long An"):
    same first word and same last two words."""
    wa, wb = a.lower().split(), b.lower().split()
    return len(wa) >= 3 and len(wb) >= 3 and wa[0] == wb[0] and wa[-2:] == wb[-2:]


def _names_after(text: str, orgs, m: re.Match) -> bool:
    """The cue is followed by "là" and a unit: it names that unit, not one written before it."""
    org = unit_for_cue(text, orgs, m.start(), m.end(), after=True)
    return org is not None and re.search(r"\slà\s+$", text[m.end():org.start_char]) is not None


_CHAIN_SEP = frozenset({",", "-", "–", "—"})
_SPACES = re.compile(r"\s+")


def _last_starting_at(index, pos: int):
    """The last item starting at ``pos`` (what a dict by start would keep), or None."""
    found = index.starting(pos, pos)
    return found[-1] if found else None


def _by_token_start(doc, label: str) -> dict:
    """Spans of ``label`` by start token (the last one of a start), built once per doc."""
    cache = doc.user_data.setdefault("by_token_start", {})
    if label not in cache:
        cache[label] = {t.start: t for t in nlp.spans(doc, label)}
    return cache[label]


def person_held_unit(doc, cue_start: int, cue_end: int):
    """(unit, start_char, end_char) of a person titled with the cue right before the name:
    the body of the last title in the appositive chain after the name."""
    from .officials import _body_tokens

    text = nlp.text_of(doc)
    m = _SPACES.match(text, cue_end)
    per = _last_starting_at(nlp.span_index(doc, "PER"), cue_end + (m.end() - cue_end if m else 0))
    if per is None:
        return None
    titles = _by_token_start(doc, "TITLE")
    i, found = per.end, None
    while i < len(doc) and doc[i].text in _CHAIN_SEP:
        t = titles.get(i + 1)
        if t is None:
            break
        end = _body_tokens(doc, t.end)
        if end > t.end and nlp.is_cap(doc[t.end]) and doc[t.end].text in nlp.unit_head_words():
            found = doc[t.end:end]
        i = end
    if found is None:
        return None
    return found.text, found.start_char, found.end_char


def person_before_unit(doc, cue_start: int):
    """(unit, start_char, end_char) of a person named right before the cue with the title they
    hold ("Trung tá X, Trưởng phòng Hậu cần được giao làm Phó khối"): the title's organization,
    when only link words (``leader_links.txt``) stand between it and the cue."""
    from .members import _starts_with_head
    from .officials import _body_end, title_of

    text = nlp.text_of(doc)
    found = [p for p in nlp.span_index(doc, "PER").touching(cue_start - 200, cue_start)
             if p.end_char <= cue_start and cue_start - p.end_char <= 200]
    if not found:
        return None
    per = found[-1]
    titles = _by_token_start(doc, "TITLE")
    i = per.end
    if i >= len(doc) or doc[i].text not in _CHAIN_SEP or (i + 1) not in titles:
        return None
    t = titles[i + 1]
    end = _body_end(doc, t.end)
    _, org = title_of(doc, t)
    if not org or end <= t.end or end >= len(doc) or not _starts_with_head(org) or cue_pattern().match(org):
        return None
    # "Trưởng phòng Hậu cần - Kỹ thuật": a dash and capitalised words (no title) go on the name
    if doc[end].text in nlp.DASHES and doc[end].whitespace_:
        j = end + 1
        while j < len(doc) and j - end <= 3 and doc[j].is_alpha and (nlp.is_cap(doc[j]) or j > end + 1) \
                and doc[j].text.lower() not in nlp.unit_stops() and j not in doc.user_data.get("title_starts", ()):
            j += 1
        if j > end + 1:
            org += " " + doc[end:j].text
            end = j
    body_end = doc[end - 1].idx + len(doc[end - 1])
    if not _links().match(text[body_end:cue_start]):
        return None
    return org, doc[t.end].idx, body_end


@lru_cache(maxsize=1)
def _opener_re() -> re.Pattern:
    """A sentence opened by an apposition naming its subject's leading role: the opener, the
    cue and its words up to a comma, then a few words of representation before the unit."""
    rows = lexicon.load("leader_openers")
    openers = "|".join(re.escape(r["word"]) for r in rows if r["kind"] == "opener")
    lead = "|".join(re.escape(r["word"]) for r in rows if r["kind"] == "subject")
    return re.compile(r"(?:^|(?<=[.!?\n…])\s*)(?:" + openers + r")\s+(?:đơn vị\s+)?(?P<cue>"
                      + cue_pattern().pattern + r")[^,.;:\n]{0,40},\s*(?:(?:" + lead + r")\s+)*$",
                      re.I | re.M)


@nlp.once_per_context
def find_leaders(ctx: Context) -> list[Leader]:
    doc = ctx.doc
    if doc is None:
        return []
    text = ctx.text
    orgs = nlp.CharIndex(candidate_units(doc))
    default = period.leading_year(ctx)
    out, seen = [], set()

    def add(name, position, span_start, span_end, year):
        key = (name.lower(), position)
        if key in seen or any(p == position and _same_unit(n, name) for n, p in seen):
            return
        seen.add(key)
        out.append(Leader(unit=name, position=position, year=_valid_year(year),
                          evidence=Span(start=span_start, end=span_end)))

    # Units a cue written after them names first ("X (Cụm trưởng)"), then cues that introduce
    # a unit after them ("Cụm trưởng, Phó trưởng Cụm năm 2021 là X"), skipping units already tied.
    tied, tied_cues = set(), set()
    for after_pass in (False, True):
        for m in cue_pattern().finditer(text):
            position = positions()[m.group(1).lower()]
            if not after_pass and _names_after(text, orgs, m):
                continue  # "Cụm trưởng ... là X, đơn vị Cụm phó là Y": the cue names X.
            org = unit_for_cue(text, orgs, m.start(), m.end(), after=after_pass)
            if org is None or (after_pass and org.start_char in tied):
                continue
            tied.add(org.start_char)
            tied_cues.add(m.start())
            add(org.text, position, org.start_char, org.end_char, year_near(text, m.start(), m.end(), default))
    for m in cue_pattern().finditer(text):
        if m.start() in tied_cues:
            continue
        held = person_held_unit(doc, m.start(), m.end()) or person_before_unit(doc, m.start())
        if held is not None:
            add(held[0], positions()[m.group(1).lower()], held[1], held[2],
                year_near(text, m.start(), m.end(), default))
    for org in orgs.items:
        s0, _ = sentence_bounds(text, org.start_char)
        # The opener's match is short: read the sentence's last _WINDOW characters before the
        # unit (its own start is a line start or follows a mark, where the pattern may open).
        m = _opener_re().search(text, max(s0, org.start_char - _WINDOW), org.start_char) if s0 > 0 \
            else _opener_re().search(text[:org.start_char]) if org.start_char <= _WINDOW \
            else _opener_re().search(text, org.start_char - _WINDOW, org.start_char)
        if m is not None:
            add(org.text, positions()[m.group("cue").lower()], org.start_char, org.end_char,
                year_near(text, m.start("cue"), m.end("cue"), default))
    for item in enumerations(ctx):
        if item.leader_cue:
            position = positions()[item.leader_cue.lower()]
            add(item.name, position, item.start, item.end, year_near(text, item.start, item.end, default))
    return out
