"""Venue and province.

Venue: the phrase after "tại" in the sentence that reports the meeting (the one holding the
meeting date when there is one), trimmed at the first comma/period/parenthesis or at a word
that starts the next clause ("tại huyện Đại Từ | Cụm thi đua ..."). "tại hội nghị", "tại buổi
lễ" are not venues.

Province: a province, centrally-run city, alias or well-known city/district
(``lexicon/provinces.tsv``) found in the venue, else the one most mentioned in the
headline and lead (organizers: "Sở Y tế Vĩnh Phúc", source tags: "CDC Hà Nam",
"Baonghean.vn"), else in the whole text.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache
from typing import Optional

from .. import lexicon
from ..record import Span
from .context import Context

MAX_VENUE_CHARS = 120
LEAD_CHARS = 1200


def venue_words(kind: str) -> tuple[str, ...]:
    return lexicon.of_kind("venue_words", kind)


_TAI = re.compile(r"(?:^|(?<=[\s,(]))[Tt]ại\s+")
_HARD_END = re.compile(r"[,;:!?\n()“”\"]|\.(?=\s|$)|\s[-–]\s(?=[A-ZÀ-ỸĐ][a-zà-ỹđ]*\s+(?:thi đua|Thi đua))")


def _venue_at(text: str, pos: int) -> Optional[tuple[int, int]]:
    """Span of the venue phrase starting at ``pos`` (just after "tại "), or None."""
    rest = text[pos:pos + MAX_VENUE_CHARS]
    low = rest.lower()
    if any(low.startswith(w) and (len(low) == len(w) or not low[len(w)].isalpha())
           for w in venue_words("not_venue")):
        return None
    # the dot of an abbreviation ("H.Trảng Bom", "TP. Cần Thơ") does not end the phrase
    masked = rest
    for ab in venue_words("abbrev"):
        masked = re.sub(rf"(?<![\w.]){re.escape(ab)}", ab[:-1] + "_", masked)
    m = _HARD_END.search(masked)
    end = m.start() if m else len(rest)
    for w in venue_words("stop"):
        for sm in re.finditer(rf"\s{re.escape(w)}(?![\w])", rest[:end]):
            if sm.start() > 0 and not _owned(rest[:sm.start()]):
                end = min(end, sm.start())
    phrase = rest[:end].rstrip(" -–")
    if len(phrase) < 2 or not (phrase[0].isupper() or phrase.split()[0].islower()):
        return None
    words = phrase.split()
    if len(words) > 16:
        return None
    return pos, pos + len(phrase)


def _owned(before: str) -> bool:
    """A building or room word right before a body's name makes that body the venue's
    owner, not the next clause: "trụ sở | Liên đoàn Lao động tỉnh", "hội trường | UBND huyện"."""
    low = before.lower().rstrip()
    return any(low == w or low.endswith(" " + w) for w in venue_words("owner_head"))


def _sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    start = max(text.rfind(". ", 0, pos) + 1, text.rfind("\n", 0, pos) + 1)
    ends = [i for i in (text.find(". ", pos), text.find("\n", pos)) if i != -1]
    return start, (min(ends) if ends else len(text))


_MEETING = re.compile(r"(?i)tổ chức|hội nghị|\blễ\b|diễn ra|\bhọp\b|ký kết|tổng kết|sơ kết|phát động|đại hội")


def find_location(ctx: Context):
    text = ctx.text
    venues = []
    for m in _TAI.finditer(text):
        span = _venue_at(text, m.end())
        if span:
            venues.append(span)
    if not venues:
        return None, None
    from .dates import find_meeting_date  # the meeting sentence holds the date
    _, date_span = find_meeting_date(ctx)
    chosen = None
    if date_span is not None:
        s, e = _sentence_bounds(text, date_span.start)
        chosen = next((v for v in venues if s <= v[0] <= e), None)
    if chosen is None:
        for v in venues:
            s, e = _sentence_bounds(text, v[0])
            if v[0] < LEAD_CHARS and _MEETING.search(text[s:e]):
                chosen = v
                break
    if chosen is None:
        return None, None
    start, end = chosen
    return text[start:end], Span(start=start, end=end)


# --- province ---------------------------------------------------------------------------

_DISTRICT_WORD = r"(?:[Hh]uyện|[Qq]uận|[Tt]hị\s+xã|[Tt]hành\s+phố|TP\.?|Tp\.?|H\.|Q\.|TX\.?)\s*"


_B = r"(?<![\wÀ-ỹ])"
_E = r"(?![\wÀ-ỹ])"


@lru_cache(maxsize=None)
def _province_matcher() -> tuple[re.Pattern, dict[str, str], dict[str, str]]:
    """One trie-shaped regex over every name of ``provinces.tsv``: a district only after its
    unit word ("huyện Đại Từ", not a person or street named so), any other name as written.
    Returns the pattern and the name -> province maps for its two groups."""
    names: dict[str, str] = {}
    districts: dict[str, str] = {}
    for r in sorted(lexicon.load("provinces"), key=lambda r: len(r["name"]), reverse=True):
        (districts if r["kind"] == "district" else names).setdefault(r["name"], r["province"])
        if r["kind"] == "province":
            # a banner in capitals: "BỘ CHỈ HUY QUÂN SỰ TỈNH BÌNH PHƯỚC"
            names.setdefault(r["name"].upper(), r["province"])
    pattern = (rf"{_B}(?:{_DISTRICT_WORD}(?P<district>{lexicon.trie_pattern(districts)})"
               rf"|(?P<name>{lexicon.trie_pattern(names)})){_E}")
    return re.compile(pattern), names, districts


def _ws(s: str) -> str:
    return " ".join(s.split())


def _fold(name: str) -> str:
    """ "Nghệ An" -> "nghean": how a province is written in a web address."""
    name = unicodedata.normalize("NFD", name.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in name if c.isascii() and c.isalnum()).lower()


@lru_cache(maxsize=None)
def _site_pattern() -> tuple[re.Pattern, dict[str, str]]:
    """A provincial newspaper's site name ("Baonghean.vn", "baodongnai.com.vn")."""
    slugs = {_fold(r["name"]): r["province"] for r in lexicon.load("provinces") if r["kind"] == "province"}
    alts = "|".join(sorted(slugs, key=len, reverse=True))
    return re.compile(rf"(?i)(?<![\w.])bao({alts})\.(?:com\.)?vn\b"), slugs


@lru_cache(maxsize=None)
def _sub_unit_before() -> re.Pattern:
    """A commune, ward or street word ending the text before a name: "xã | Hòa Bình"."""
    alts = "|".join(re.escape(w) for w in sorted(venue_words("sub_unit"), key=len, reverse=True))
    return re.compile(rf"(?i)(?<![\wÀ-ỹ])(?:{alts})\s+$")


def provinces_in(text: str) -> list[tuple[int, str]]:
    """(offset, province) for every province, alias, known place or provincial newspaper
    site named in ``text``; a name right after a commune, ward or street word ("xã Hòa
    Bình") names that place, not the province."""
    taken: list[tuple[int, int]] = []
    found = []
    pat, slugs = _site_pattern()
    for m in pat.finditer(text):
        taken.append((m.start(), m.end()))
        found.append((m.start(), slugs[m.group(1).lower()]))
    pat, names, districts = _province_matcher()
    for m in pat.finditer(text):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        if m.group("name") and _sub_unit_before().search(text[max(0, m.start() - 14):m.start()]):
            continue
        prov = districts[_ws(m.group("district"))] if m.group("district") else names[_ws(m.group("name"))]
        found.append((m.start(), prov))
    return sorted(found)


def find_province(ctx: Context, location) -> Optional[str]:
    if location:
        hits = provinces_in(location)
        if hits:
            return hits[0][1]
    text = ctx.text
    title = ctx.article.title or ""
    lead = Counter(p for _, p in provinces_in(title + "\n" + text[:LEAD_CHARS]))
    if lead:
        return _most_common(lead)
    whole = Counter(p for _, p in provinces_in(text))
    return _most_common(whole) if whole else None


def _most_common(counts: Counter) -> str:
    return counts.most_common(1)[0][0]
