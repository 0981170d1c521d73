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
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from .. import lexicon, nlp
from ..record import Member, Span
from .context import Context

_GROUP_WORD = re.compile(r"(?<!\w)(cụm|khối)(?!\w)", re.I)
_INNER = frozenset({"các"})
# "và các xã ...", "và các Sở: A, B": "và" before a new shared head ends the item before it.
_AND_NEW_HEAD = re.compile(r"\s+và\s+(?=các\s+(?:[a-zà-ỹđ]+\s|\w+(?:\s\w+){0,3}?\s*:\s*[A-ZÀ-ỸĐ]))")
_MAX_WORDS = 14  # words in one unit's name
_COUNT = re.compile(r"^(?:\d+(?:/\d+)?\s+)?(?:các\s+)?", re.I)


@dataclass(frozen=True)
class Item:
    name: str            # the unit's name, shared head given
    start: int           # span of the part written in the text
    end: int
    leader_cue: Optional[str] = None


@lru_cache(maxsize=1)
def _trigger_re() -> re.Pattern:
    """Group ``pre``: words between a colon trigger and its colon; ``direct``: a plain trigger;
    ``strict``: set when the trigger only opens a list whose items are all units."""
    rows = lexicon.load("member_triggers")

    def alt(colon, strict):
        ws = sorted({r["trigger"] for r in rows if r["colon"] == colon and r["strict"] == strict},
                    key=len, reverse=True)
        return "|".join(map(re.escape, ws)) or "(?!)"

    # A lookahead, so that triggers overlap: of those sharing a colon the nearest one counts.
    return re.compile(
        r"(?<!\w)(?=(?P<all>(?:(?:" + alt("1", "0") + r")|(?P<strict>" + alt("1", "1") + r"))"
        r"\s*(?P<pre>[^:;.\n()]{0,60}?)\s*:|(?:" + alt("0", "0") + r")\s+(?P<direct>)"
        r"|(?:" + alt("0", "1") + r")\s+(?P<dstrict>)))",
        re.I)


def _triggers(text: str) -> list[re.Match]:
    """Trigger matches, one per list start: the one written nearest to it."""
    by_end: dict[int, re.Match] = {}
    for m in _trigger_re().finditer(text):
        by_end[m.end("all")] = m
    return sorted(by_end.values(), key=lambda m: m.end("all"))


@lru_cache(maxsize=1)
def _generic() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon.words("generic_units"))


@lru_cache(maxsize=1)
def _heads() -> tuple[str, ...]:
    return tuple(sorted(nlp.unit_head_list(), key=len, reverse=True))


@lru_cache(maxsize=1)
def _localities() -> tuple[str, ...]:
    """Administrative levels written before a place name (``lexicon/localities.txt``)."""
    return tuple(sorted(lexicon.words("localities"), key=len, reverse=True))


@lru_cache(maxsize=1)
def _leader_re() -> re.Pattern:
    cues = sorted((r["cue"] for r in lexicon.load("leader_cues")), key=len, reverse=True)
    alt = "|".join(map(re.escape, cues))
    return re.compile(r"\s*(?:\((?:[^()]*?)(?P<c1>" + alt + r")[^()]*\)|[-–]\s*(?:đơn vị\s+)?(?P<c2>" + alt
                      + r")\b.*)$", re.I)


@lru_cache(maxsize=1)
def _heads_by_initial() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for h in _heads():
        out.setdefault(h[:1], []).append(h)
    return {k: tuple(v) for k, v in out.items()}


def _starts_with_head(s: str) -> bool:
    return any(s.startswith(h) and (len(s) == len(h) or not s[len(h)].isalnum())
               for h in _heads_by_initial().get(s[:1], ()))


def _starts_with_locality(s: str) -> bool:
    low = s.lower()
    return any(low.startswith(loc.lower() + " ") for loc in _localities())


def _shared_head(pre: str) -> str:
    """The head a list's items share, from the words between trigger and colon."""
    pre = _COUNT.sub("", pre.strip()).strip()
    pre = _count_before_locality().sub("", pre)  # "BHXH 5 tỉnh" -> "BHXH tỉnh"
    low = pre.lower()
    if not pre or low in _generic():
        return ""
    m = re.match(r"^(.*?)\s*\bcác\s+(\w+(?:\s\w+)?(?:,\s*\w+(?:\s\w+)?)*)$", pre)
    if m:  # "Liên đoàn Lao động các tỉnh" -> "Liên đoàn Lao động tỉnh"; "các tỉnh, thành, đơn vị"
        before, loc = m.group(1), m.group(2)
        if "," in loc:  # "BĐBP các tỉnh, thành phố: ...": the level differs from item to item
            return before
        if loc.lower() in (l.lower() for l in _localities()):
            return (before + " " + loc.lower()).strip()
        return before
    if low in (l.lower() for l in _localities()):
        return low
    if not pre[0].isupper() and not _starts_with_locality(pre):
        pre = pre[0].upper() + pre[1:]
    return pre if len(pre.split()) <= 6 else ""


@lru_cache(maxsize=1)
def _count_before_locality() -> re.Pattern:
    """A count written inside a shared head before its locality word ("BHXH 5 tỉnh",
    "Công an năm huyện"): the count, to drop."""
    nums = "|".join(map(re.escape, sorted((r["word"] for r in lexicon.load("number_words")), key=len, reverse=True)))
    locs = "|".join(map(re.escape, _localities()))
    return re.compile(r"(?<=\s)(?:\d{1,3}|" + nums + r")\s+(?=(?:" + locs + r")$)", re.I)


def _fold(s: str) -> str:
    """Lower-case with one tone style ("hoá" = "hóa", "uỷ" = "ủy"); keeps the length."""
    s = s.lower()
    return _TONE_RE.sub(lambda m: _TONE_MOVES[m.group(1)], s)


_TONE_MOVES: dict[str, str] = {}
for _base, _second in (("o", "a"), ("o", "e"), ("u", "y")):
    for _tone in ("\u0300", "\u0301", "\u0309", "\u0303", "\u0323"):
        _old = unicodedata.normalize("NFC", _base + _tone + _second)
        _new = unicodedata.normalize("NFC", _base + _second + _tone)
        _TONE_MOVES[_new] = _old
_TONE_RE = re.compile("(" + "|".join(map(re.escape, _TONE_MOVES)) + r")(?![a-zà-ỹđ])")


_NAME_TOKEN = re.compile(r"[,\-–]|[^\s,\-–]+")


def _name_pattern(name: str) -> str:
    """A regex for a name as written: any spacing around commas and dashes."""
    out = []
    for tok in _NAME_TOKEN.findall(_fold(name)):
        if tok == ",":
            out.append(r"\s*,\s*")
        elif tok in "-–":
            out.append(r"\s*[-–—]\s*")
        else:
            if out and not out[-1].endswith(r"\s*"):
                out.append(r"\s+")
            out.append(re.escape(tok))
    return "".join(out)


@lru_cache(maxsize=1)
def _department_re() -> re.Pattern:
    """Department names (``lexicon/department_names.txt``), whole, longest first."""
    names = sorted(lexicon.words("department_names"), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(_name_pattern(n) for n in names) + r")(?!\w)")


def _is_department(name: str) -> bool:
    return bool(_department_re().fullmatch(_fold(name.strip())))


@lru_cache(maxsize=4)
def _doc_for(text: str):
    return nlp.make_doc(text)


def _protected_commas(text: str, start: int, end: int) -> set[int]:
    """Commas inside a department name ("Văn hóa, Thể thao và Du lịch"): not item separators."""
    folded = _fold(text[start:end])
    out = set()
    for m in _department_re().finditer(folded):
        out.update(start + i for i in range(m.start(), m.end()) if folded[i] == ",")
    return out


_LIST_CHARS = 4000  # the longest enumeration read: a text without full stops stays linear


def _list_end(text: str, start: int) -> int:
    """End of an enumeration: a full stop, a line break or an unmatched ")" (at most
    ``_LIST_CHARS`` characters on)."""
    depth = 0
    for i in range(start, min(len(text), start + _LIST_CHARS)):
        c = text[i]
        if c == "\n":
            return i
        if c == "(":
            depth += 1
        elif c == ")":
            if depth == 0:
                return i
            depth -= 1
        elif c == "." and depth == 0 and (i + 1 == len(text) or text[i + 1].isspace()):
            return i
        elif c == "." and 0 < i < len(text) - 1 and text[i - 1].islower() and text[i + 1].isupper():
            return i  # a sentence glued to the next one: "Nông Sơn.Theo"
    return min(len(text), start + _LIST_CHARS)


@lru_cache(maxsize=4)
def _folded(text: str) -> str:
    """``_fold`` of a whole text, computed once."""
    return _fold(text)


@lru_cache(maxsize=1024)
def _first_written(text: str, name: str) -> Optional[tuple[int, int]]:
    """Where ``name`` is first written whole in ``text`` (any case, tone style, spacing)."""
    folded = _folded(text)
    pat = re.compile(r"(?<!\w)" + _name_pattern(name) + r"(?!\w)")
    words = _NAME_TOKEN.findall(_fold(name))
    if not words or words[0] in (",", "-", "–"):
        m = pat.search(folded)
        return m.span() if m else None
    # A match starts with the first word as written (folded): try only where it stands.
    pos = folded.find(words[0])
    while pos >= 0:
        m = pat.match(folded, pos)
        if m:
            return m.span()
        pos = folded.find(words[0], pos + 1)
    return None


def _ground(text: str, name: str, start: int, end: int) -> tuple[str, int, int]:
    """(name, start, end) whose span holds the name or the last half of its words.

    A long shared head over a short item ("Liên đoàn Lao động tỉnh" + "An Giang") is grounded
    where the article writes the full name elsewhere; failing that the item stays as written.
    """
    written = text[start:end]
    words = _fold(name).split()
    folded_written = _fold(written)
    if any(" ".join(words[i:]) in folded_written for i in range(0, len(words) // 2 + 1)):
        return name, start, end
    at = _first_written(text, name)
    if at:
        return name, at[0], at[1]
    # "Ban CHQS các huyện: Thống Nhất" -> "Ban CHQS Thống Nhất": the head without its locality.
    head = name[: len(name) - len(written)].strip()
    for loc in _localities():
        if head.lower().endswith(" " + loc.lower()):
            short = head[: len(head) - len(loc)].strip() + " " + written
            words = _fold(short).split()
            if any(" ".join(words[i:]) in folded_written for i in range(0, len(words) // 2 + 1)):
                return short, start, end
    # "Liên đoàn Lao động các tỉnh: ..., An Giang" -> "LĐLĐ tỉnh An Giang": the head's usual
    # abbreviation (``lexicon/unit_abbrevs.tsv``) keeps the written part half the name.
    for r in lexicon.load("unit_abbrevs"):
        if _fold(head).startswith(_fold(r["full"]) + " ") or _fold(head) == _fold(r["full"]):
            short = (r["abbrev"] + head[len(r["full"]):]).strip() + " " + written
            words = _fold(short).split()
            if any(" ".join(words[i:]) in folded_written for i in range(0, len(words) // 2 + 1)):
                return short, start, end
    return written, start, end


def _splits(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Pieces of an enumeration between "," and ";" outside brackets and department names."""
    keep = _protected_commas(text, start, end)
    depth, piece_start, pieces = 0, start, []
    for i in range(start, end):
        c = text[i]
        if c == "(":
            depth += 1
        elif c == ")":
            depth = max(0, depth - 1)
        elif c in ",;" and depth == 0 and i not in keep:
            pieces.append((piece_start, i, c))
            piece_start = i + 1
        elif c == " " and depth == 0 and i > piece_start:
            # "thị trấn Chũ và các xã Hồng Giang, ...": "và" before a new "các" head ends an item.
            m = _AND_NEW_HEAD.match(text, i, end)
            if m:
                pieces.append((piece_start, i, "và"))
                piece_start = m.end()
    pieces.append((piece_start, end, ""))
    return pieces


def _continues(piece: str) -> bool:
    """A lower-case piece that goes on the unit before it ("thuốc, mỹ phẩm, thực phẩm")."""
    words = piece.split()
    stops = nlp.unit_stops()
    return (0 < len(words) <= 3 and piece[0].islower() and words[0] not in ("và", "các")
            and not _starts_with_locality(piece)
            and not any(w.lower() in stops for w in words)
            and not any(f"{a} {b}".lower() in stops for a, b in zip(words, words[1:])))


def _items_of(text: str, start: int, end: int, head: str, doc=None) -> list[Item]:
    doc = doc if doc is not None and nlp.text_of(doc) == text else _doc_for(text)
    out: list[Item] = []
    local_head = head
    pieces = _splits(text, start, end)
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
        if out and not cue and _continues(piece) and nlp.unit_end_char(doc, a, b) == b \
                and out[-1].end == _prev_end(text, a):
            prev = out[-1]
            out[-1] = Item(name=prev.name + text[prev.end:b], start=prev.start, end=b, leader_cue=prev.leader_cue)
            continue
        if piece.lower().startswith("và "):
            a += 3
            piece = text[a:b]
        if n and pieces[n - 1][2] == ";":
            local_head = head  # a ";" closes the group a head written inside the list opened
        # "các sở Nội vụ", "các Sở: Kế hoạch và Đầu tư": a head for this item and the next ones.
        m = re.match(r"các\s+((?:[a-zà-ỹđ]+\s)+?)(?=[A-ZÀ-ỸĐ])|các\s+(\w+(?:\s\w+){0,3}?)\s*:\s*(?=[A-ZÀ-ỸĐ])",
                     piece)
        if m:
            h = (m.group(1) or m.group(2)).strip()
            local_head = h if h in _localities() else h[0].upper() + h[1:]
            a += m.end()
            piece = text[a:b]
        # "Sở TN&MT các tỉnh Tiền Giang, Long An": a unit head, then "các" and a locality.
        m = re.match(r"(\S+(?:\s+\S+){0,4}?)\s+các\s+(" + "|".join(map(re.escape, _localities()))
                     + r")\s+(?=[A-ZÀ-ỸĐ])", piece)
        if m and _starts_with_head(m.group(1)):
            local_head = f"{m.group(1)} {m.group(2)}"
            a += m.end()
            piece = text[a:b]
        if not piece or not (piece[0].isupper() or _starts_with_locality(piece)) \
                or re.match(r"(?:Các|Những)\s+[a-zà-ỹđ]", piece):
            break
        dm = _department_re().match(_fold(piece))
        b2 = b if dm and dm.end() == len(piece) else nlp.unit_end_char(doc, a, b)
        if b2 < b and n < len(pieces) - 1 and nlp.unit_end_char(doc, a, b, _INNER) == b:
            b2 = b  # an item before the last, whole but for "các": "Đảng ủy Khối các cơ quan tỉnh"
        truncated = b2 < b
        b = b2
        piece = text[a:b].strip()
        if len(piece.split()) > 2 * _MAX_WORDS:
            break
        names = [piece]
        # The last item may join two with "và": "Hà Nam và Ninh Bình", "... và Thanh tra tỉnh".
        parts = piece.split(" và ")
        bare_pair = bool(local_head) and len(parts) == 2 and not any(map(_starts_with_head, parts))
        if (n == len(pieces) - 1 or truncated or bare_pair) and not _is_department(piece):
            if len(parts) == 2 and _two_units(parts, local_head):
                names = parts
            elif len(parts) == 2 and _is_department(parts[0]) and (
                    _is_department(parts[1]) or _starts_with_head(parts[1])):
                names = parts  # "Lao động - Thương binh - Xã hội và Cục Thuế tỉnh"
        if any(len(nm.split()) > _MAX_WORDS for nm in names):
            break  # a clause, not a unit; the last item may hold two long names joined by "và"
        pos = a
        for nm in names:
            s = text.index(nm, pos)
            pos = s + len(nm)
            full, e = nm, s + len(nm)
            if _is_department(nm) and (not local_head or local_head.lower() == "sở"):
                full = f"Sở {nm}"
            elif _starts_with_locality(nm) and _head_locality(local_head):
                # "Hội Nông dân các huyện: ..., Nghi Lộc và thị xã Hoàng Mai": the head's
                # locality gives way to the one written.
                full, s, e = _ground(text, f"{_head_locality(local_head)} {nm}", s, e)
            elif _starts_with_locality(nm) and local_head and _starts_with_head(local_head) \
                    and len(local_head.split()) > 1:
                # "BĐBP các tỉnh, thành, đơn vị: Thành phố Hải Phòng, ..." -> BĐBP Thành phố Hải Phòng
                full, s, e = _ground(text, f"{local_head} {nm}", s, e)
            elif _starts_with_head(nm) or _starts_with_locality(nm):
                if _bare_head(nm):
                    continue
            elif local_head:
                full, s, e = _ground(text, f"{local_head} {nm}", s, e)
            out.append(Item(name=full, start=s, end=e,
                            leader_cue=cue if nm is names[-1] or len(names) == 1 else None))
        if truncated and sep != ";":
            break  # a list split on ";" goes on past an item cut short
    return out


def _two_units(parts: list[str], local_head: str) -> bool:
    """The last item's two halves around "và" are two units: a headed unit after it, a bare
    name under a shared head, a locality, or two names opening with one word ("THPT Hà Huy
    Tập và THPT Cẩm Bình")."""
    first, second = parts
    if not second or _is_department(second) or _is_department(first):
        return False
    if _starts_with_locality(second):
        # "Lào Cai, Sơn La và thành phố Hải Phòng": a bare place name before it is a unit too.
        return bool(local_head) or _starts_with_locality(first) or _bare_place(first)
    if not second[0].isupper():
        return False
    w1, w2 = first.split(), second.split()
    return (_starts_with_head(second) or (bool(local_head) and len(w2) <= 3)
            or (len(w1) >= 2 and len(w2) >= 2 and w1[0] == w2[0])
            or (not local_head and not _starts_with_head(first) and len(w1) <= 3 and len(w2) <= 3))


def _bare_place(name: str) -> bool:
    """A place name written bare: one to three capitalised syllables, no unit head."""
    words = name.split()
    return 0 < len(words) <= 3 and all(w[:1].isupper() and w.isalpha() for w in words) \
        and not _starts_with_head(name)


def _head_locality(head: str) -> str:
    """A shared head without the locality it ends with ("Hội Nông dân huyện" -> "Hội Nông
    dân"), or "" when it ends with none."""
    for loc in _localities():
        if head.lower().endswith(" " + loc.lower()):
            return head[: len(head) - len(loc)].strip()
    return ""


def _bare_head(name: str) -> bool:
    """A one-word unit head with no name after it ("Ban" cut before "thi đua"); a head of
    several words is a whole name ("Cục Thuế", "Kho bạc Nhà nước")."""
    return any(name.strip() == h for h in _heads() if " " not in h)


def _prev_end(text: str, a: int) -> int:
    """End of the text before the separator that precedes position ``a``."""
    i = a
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    if i > 0 and text[i - 1] == ",":
        i -= 1
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    return i


_LINE_LIST = re.compile(r"[ \t]*\n")  # a colon at the end of its line: one unit per line
_BULLET = re.compile(r"[ \t]*(?:[-–•+*]|\d{1,2}[.)/])?[ \t]*")


def _line_items(text: str, start: int, head: str, doc) -> list[Item]:
    """A list written one unit a line after a colon ("gồm 4 đơn vị:\nUBND huyện A\nUBND huyện
    B"), bullets allowed; it ends at a blank line or at a line that holds no unit."""
    out: list[Item] = []
    pos = _LINE_LIST.match(text, start).end()
    while pos < len(text):
        eol = text.find("\n", pos)
        eol = len(text) if eol < 0 else eol
        a = _BULLET.match(text, pos, eol).end()
        line = text[a:eol].strip(" \t;,.")
        if not line or len(line.split()) > _MAX_WORDS or not (
                head or _starts_with_head(line) or _starts_with_locality(line)):
            break
        items = _items_of(text, a, a + len(text[a:eol].rstrip(" \t;,.")), head, doc)
        if not items:
            break
        out.extend(items)
        pos = eol + 1
    return out


@lru_cache(maxsize=1)
def _counted_lead() -> re.Pattern:
    """A stated count of units before the list: "5 đơn vị là", "07 cơ quan:"."""
    nums = "|".join(map(re.escape, sorted((r["word"] for r in lexicon.load("number_words")), key=len, reverse=True)))
    nouns = "|".join(map(re.escape, sorted(set(_localities()) | {"đơn vị", "cơ quan", "địa phương", "thành viên"},
                                           key=len, reverse=True)))
    return re.compile(r"(?:\d{1,3}|" + nums + r")\s+(?:" + nouns + r")(?:\s*,\s*(?:" + nouns + r"))*\s*(?:là\s+|:\s*)",
                      re.I)


def in_group_article(ctx: Context) -> bool:
    return ctx.group is not None or bool(_GROUP_WORD.search(ctx.text))


@nlp.once_per_context
def enumerations(ctx: Context) -> list[Item]:
    """Items of the enumerations of units in the text."""
    if not in_group_article(ctx):
        return []
    text = ctx.text
    out: list[Item] = []
    doc = ctx.doc if ctx.doc is not None else _doc_for(text)
    for m in _triggers(text):
        start = m.end("all")
        if m.group("direct") is not None or m.group("dstrict") is not None:
            c = _counted_lead().match(text, start)
            if c:  # "gồm 5 đơn vị là thành phố Kon Tum và các huyện ..."
                start = c.end()
            rest = text[start:start + 40]
            if not _starts_with_head(rest) and not _starts_with_locality(rest):
                continue
            head = ""
        else:
            head = _shared_head(m.group("pre") or "")
        items = (_line_items(text, start, head, doc) if _LINE_LIST.match(text, start)
                 else _items_of(text, start, _list_end(text, start), head, doc))
        if m.group("strict") is not None or m.group("dstrict") is not None:
            # A weak trigger ("như:", "trong Khối:") opens a list of units only if every
            # item is one: a unit head, a locality, a department or a unit-type shared head;
            # without a colon ("đại diện lãnh đạo A, B, C") only a list of three or more.
            least = 3 if m.group("dstrict") is not None else 2
            if len(items) < least or not all(_starts_with_head(i.name) or _starts_with_locality(i.name)
                                         for i in items):
                continue
        if len(items) >= 2 or (items and head):
            out.extend(items)
    return out


@lru_cache(maxsize=1)
def _abbrev_re() -> tuple[re.Pattern, dict[str, str]]:
    """Abbreviations inside unit names (``lexicon/unit_abbrevs.tsv``), folded, to their words."""
    table = {_fold(r["abbrev"]): _fold(r["full"]) for r in lexicon.load("unit_abbrevs")}
    alt = "|".join(map(re.escape, sorted(table, key=len, reverse=True)))
    return re.compile(r"(?<![\w&])(?:" + alt + r")(?![\w&])"), table


def _key(name: str) -> str:
    """One key for the spellings of a unit: case, tone style, dashes, "&" and abbreviations
    ("TAND tỉnh" = "Tòa án nhân dân tỉnh", "Sở NN&PTNT" = "Sở Nông nghiệp và Phát triển
    nông thôn")."""
    pat, table = _abbrev_re()
    s = pat.sub(lambda m: table[m.group()], _fold(name))
    s = re.sub(r"\s*&\s*", " và ", s)
    return re.sub(r"\s+", " ", re.sub(r"\s*[-–]\s*", " - ", s)).strip()


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
    return _drop_short_forms(out)


def _drop_short_forms(members: list[Member]) -> list[Member]:
    """A unit named bare in one place and whole in another ("Đông Giang", "Công an huyện Đông
    Giang") is one member: keep the whole name."""
    keys = [_key(m.name) for m in members]
    # the keys written at the end of a longer one, after a space
    tails = {o[i + 1:] for o in keys for i, c in enumerate(o) if c == " "}
    kept = [(m, k) for m, k in zip(members, keys) if len(k.split()) < 2 or k not in tails]
    out: list[Member] = []
    shorter: set[tuple[str, ...]] = set()  # the names kept, each with one word dropped
    written: set[tuple[str, ...]] = set()  # the names kept, word by word
    for m, k in kept:
        words = tuple(_fold(m.name).split())
        if words in shorter or any(v in written for v in _one_word_variants(m.name)):
            continue
        out.append(m)
        written.add(words)
        shorter.update(_one_word_variants(m.name))
    return out


def _one_word_variants(long: str) -> set[tuple[str, ...]]:
    """The folded words of ``long`` with one inner lower-case word left out, in a name of five
    words or more: a slip of the pen ("Viện kiểm sát nhân thị xã Phú Thọ" for "Viện kiểm sát
    nhân dân thị xã Phú Thọ"); a capitalised word or a place level tells two units apart
    ("Nam", "tỉnh")."""
    w = long.split()
    if len(w) < 5:
        return set()
    folded = [_fold(x) for x in w]
    return {tuple(folded[:i] + folded[i + 1:]) for i in range(1, len(w) - 1)
            if w[i].islower() and w[i] not in _localities()}


def nlp_is_unit(name: str) -> bool:
    return _starts_with_head(name) or _starts_with_locality(name)
