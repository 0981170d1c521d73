"""Members of the group, each grounded in the text.

Sources, all within an article about a cụm/khối:

* enumerations opened by a trigger (``lexicon/member_triggers.tsv``: "gồm", "bao gồm" ...),
  items split on ";" and ",", with the shared head written before the colon given to each item
  ("gồm các sở: Nội vụ, Tài chính" -> Sở Nội vụ, Sở Tài chính; "Liên đoàn Lao động các tỉnh:
  Vĩnh Long" -> Liên đoàn Lao động tỉnh Vĩnh Long); an item marked "(Cụm trưởng)" or
  "– Khối phó" also names a leader;
* the units elected or standing as leaders (:mod:`.leaders`);
* the units ranked or proposed for awards within the group (:mod:`.awards`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from .. import lexicon, nlp
from ..record import Member, Span
from .context import Context

_GROUP_WORD = re.compile(r"(?<!\w)(cụm|khối)(?!\w)", re.I)
_LIST_END = re.compile(r"\.(?=\s)|\n|\)|(?<=\w)\.$")
_COUNT = re.compile(r"^(?:\d+(?:/\d+)?\s+)?(?:các\s+)?", re.I)


@dataclass(frozen=True)
class Item:
    name: str            # the unit's name, shared head given
    start: int           # span of the part written in the text
    end: int
    leader_cue: Optional[str] = None


@lru_cache(maxsize=1)
def _trigger_re() -> re.Pattern:
    rows = lexicon.load("member_triggers")
    with_colon = sorted({r["trigger"] for r in rows if r["colon"] == "1"}, key=len, reverse=True)
    plain = sorted({r["trigger"] for r in rows if r["colon"] == "0"}, key=len, reverse=True)
    alt_c = "|".join(map(re.escape, with_colon))
    alt_p = "|".join(map(re.escape, plain))
    return re.compile(
        r"(?<!\w)(?:(?:" + alt_c + r")\s*(?P<pre>[^:;.\n()]{0,60}?)\s*:|(?:" + alt_p + r")\s+(?P<direct>))",
        re.I)


@lru_cache(maxsize=1)
def _generic() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon.words("generic_units"))


@lru_cache(maxsize=1)
def _heads() -> tuple[str, ...]:
    return tuple(sorted(lexicon.words("unit_heads"), key=len, reverse=True))


@lru_cache(maxsize=1)
def _localities() -> tuple[str, ...]:
    return ("thành phố", "thị xã", "thị trấn", "huyện", "quận", "phường", "xã", "tỉnh", "TP")


@lru_cache(maxsize=1)
def _leader_re() -> re.Pattern:
    cues = sorted((r["cue"] for r in lexicon.load("leader_cues")), key=len, reverse=True)
    alt = "|".join(map(re.escape, cues))
    return re.compile(r"\s*(?:\((?:[^()]*?)(?P<c1>" + alt + r")[^()]*\)|[-–]\s*(?:đơn vị\s+)?(?P<c2>" + alt
                      + r")\b.*)$", re.I)


def _starts_with_head(s: str) -> bool:
    return any(s.startswith(h) and (len(s) == len(h) or not s[len(h)].isalnum()) for h in _heads())


def _starts_with_locality(s: str) -> bool:
    low = s.lower()
    return any(low.startswith(loc.lower() + " ") for loc in _localities())


def _shared_head(pre: str) -> str:
    """The head a list's items share, from the words between trigger and colon."""
    pre = _COUNT.sub("", pre.strip()).strip()
    low = pre.lower()
    if not pre or low in _generic():
        return ""
    m = re.match(r"^(.*?)\s*\bcác\s+(\w+(?:\s\w+)?)$", pre)
    if m:  # "Liên đoàn Lao động các tỉnh" -> "Liên đoàn Lao động tỉnh"
        before, loc = m.group(1), m.group(2).split(",")[0]
        if loc.lower() in (l.lower() for l in _localities()):
            return (before + " " + loc.lower()).strip()
        return before
    if low in (l.lower() for l in _localities()):
        return low
    if not pre[0].isupper() and not _starts_with_locality(pre):
        pre = pre[0].upper() + pre[1:]
    return pre if len(pre.split()) <= 6 else ""


def _cut_clause(doc_text: str, start: int, end: int) -> int:
    """End of the unit-like part of an item: before the first verb or function word."""
    stops = nlp.unit_stops()
    words = list(re.finditer(r"\S+", doc_text[start:end]))
    for k, w in enumerate(words):
        low = w.group().lower().strip(",;")
        nxt = words[k + 1].group().lower() if k + 1 < len(words) else ""
        if k > 0 and not w.group()[0].isupper() and (low in stops or f"{low} {nxt}" in stops) and low != "và":
            return start + words[k - 1].end()
    return end


def _items_of(text: str, start: int, end: int, head: str) -> list[Item]:
    out: list[Item] = []
    depth, piece_start = 0, start
    pieces = []
    for i in range(start, end):
        c = text[i]
        if c == "(":
            depth += 1
        elif c == ")":
            depth = max(0, depth - 1)
        elif c in ",;" and depth == 0:
            pieces.append((piece_start, i, c))
            piece_start = i + 1
    pieces.append((piece_start, end, ""))
    local_head = head
    for n, (a, b, sep) in enumerate(pieces):
        while a < b and text[a] in " \t":
            a += 1
        while b > a and text[b - 1] in " \t":
            b -= 1
        if a >= b:
            continue
        cue = None
        m = _leader_re().search(text[a:b])
        if m:
            cue = m.group("c1") or m.group("c2")
            b = a + m.start()
        piece = text[a:b]
        if piece.lower().startswith("và "):
            a += 3
            piece = text[a:b]
        # "các sở Nội vụ": a head for this item and the next ones.
        m = re.match(r"các\s+((?:[a-zà-ỹđ]+\s)+?)(?=[A-ZÀ-ỸĐ])", piece)
        if m:
            h = m.group(1).strip()
            local_head = h if h in _localities() else h[0].upper() + h[1:]
            a += m.end()
            piece = text[a:b]
        if not piece or not (piece[0].isupper() or _starts_with_locality(piece)):
            break
        b2 = _cut_clause(text, a, b)
        truncated = b2 < b
        b = b2
        piece = text[a:b].strip()
        if len(piece.split()) > 14:
            break
        names = [piece]
        # The last item may join two with "và": "Hà Nam và Ninh Bình", "... và Thanh tra tỉnh".
        if n == len(pieces) - 1 or truncated:
            parts = piece.split(" và ")
            if len(parts) == 2 and parts[1][:1].isupper() and (
                    _starts_with_head(parts[1]) or (local_head and len(parts[1].split()) <= 3)
                    or (not local_head and not _starts_with_head(parts[0])
                        and len(parts[0].split()) <= 3 and len(parts[1].split()) <= 3)):
                names = parts
        pos = a
        for nm in names:
            s = text.index(nm, pos)
            pos = s + len(nm)
            full = nm
            if local_head and not _starts_with_head(nm) and not _starts_with_locality(nm):
                full = f"{local_head} {nm}"
                n_full = len(full.split())
                if len(nm.split()) < n_full - n_full // 2:
                    # Evidence must hold at least the last half of the name's words: a long
                    # shared head over a short item keeps the item as written.
                    full = nm
            out.append(Item(name=full, start=s, end=s + len(nm), leader_cue=cue if nm is names[-1] or len(names) == 1 else None))
        if truncated:
            break
        if sep == ";" and head != local_head and not _starts_with_head(piece):
            pass
    return out


def in_group_article(ctx: Context) -> bool:
    return ctx.group is not None or bool(_GROUP_WORD.search(ctx.text))


def enumerations(ctx: Context) -> list[Item]:
    """Items of the enumerations of units in the text."""
    if not in_group_article(ctx):
        return []
    text = ctx.text
    out: list[Item] = []
    for m in _trigger_re().finditer(text):
        start = m.end()
        if m.group("direct") is not None:
            rest = text[start:start + 40]
            if not _starts_with_head(rest):
                continue
            head = ""
        else:
            head = _shared_head(m.group("pre") or "")
        end_m = _LIST_END.search(text, start)
        end = end_m.start() if end_m else len(text)
        items = _items_of(text, start, end, head)
        if len(items) >= 2 or (items and head):
            out.extend(items)
    return out


def _key(name: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"\s*[-–]\s*", " - ", name.lower())).strip()


def find_members(ctx: Context) -> list[Member]:
    if ctx.doc is None or not in_group_article(ctx):
        return []
    from .awards import find_awards
    from .leaders import find_leaders

    out, seen = [], set()

    def add(name, start, end):
        k = _key(name)
        if k in seen or not name.strip():
            return
        seen.add(k)
        out.append(Member(name=name, evidence=Span(start=start, end=end)))

    for item in enumerations(ctx):
        add(item.name, item.start, item.end)
    for leader in find_leaders(ctx):
        add(leader.unit, leader.evidence.start, leader.evidence.end)
    for award in find_awards(ctx):
        if award.recipient and award.status == "proposed" and nlp_is_unit(award.recipient):
            add(award.recipient, award.evidence.start, award.evidence.end)
    return out


def nlp_is_unit(name: str) -> bool:
    return _starts_with_head(name) or _starts_with_locality(name)
