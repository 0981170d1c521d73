"""Emulation cluster/block (cụm/khối thi đua) and its stated member count.

The group name is read from a mention "Cụm|Khối|Khu vực [thi đua] <tail>": a number ("số 3",
"IV") ends the name; otherwise the descriptive tail runs until a verb or function word
("đã", "tổ chức", "gồm"...), punctuation, or just after "tỉnh" (a stop word inside a known
compound, "hàng không", "nhỏ và vừa", does not end it). Mentions with "thi đua" are
preferred, then the headline's and the earliest ones. Member count is a number the text
states ("8 đơn vị trong Cụm", "gồm 13 Trung tâm", "lãnh đạo của 07 đơn vị trong khối",
"08/08 Hội", "gồm 5 Cảng: ..."), never a count of a list. Word lists are data: ``lexicon/group_words.tsv``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from .. import lexicon
from ..record import Group
from .context import Context
from .source import find_title

MAX_TAIL_WORDS = 12


def words(kind: str) -> tuple[str, ...]:
    return lexicon.of_kind("group_words", kind)


_HEAD = re.compile(r"\b(Cụm|Khối|Khu vực|CỤM|KHỐI|cụm|khối|khu vực)(\s+(?:thi\s+đua|Thi\s+đua|Thi\s+Đua|THI\s+ĐUA))?(?=\s)")
_NUMBER = re.compile(r"\s+(?:(?:số|Số)\s+)?(\d{1,2}|[IVX]{1,5})\b(?!\s*/)")
_ABBREV = re.compile(r"[^\S\n]*\([A-ZĐ][A-ZĐ0-9&-]{1,9}\)(?=[^\S\n])")
_TOKEN = re.compile(r"\s*(,|[-–—]|[^\s,.;:()\"“”'!?|/-]+)")


@dataclass(frozen=True)
class Mention:
    name: str
    kind: str
    start: int
    has_thi_dua: bool
    numbered: bool
    tail_words: int
    written_capital: bool = False  # "Cụm"/"Khối" capitalised as written, not by _clean
    regional: bool = False  # the name ends with a standard region ("... đồng bằng sông Hồng")


def _kind(head: str) -> str:
    return "khoi" if head.lower().startswith("khối") else "cum"


def _is_outside(text: str, start: int) -> bool:
    before = text[max(0, start - 20):start].rstrip()
    return any(before.endswith(w) for w in words("outside"))


def _tail(text: str, pos: int) -> tuple[int, int]:
    """End offset and word count of the descriptive tail starting at ``pos``."""
    stops = words("stop")
    cont = words("continue")
    end, count, pending_sep, prev = pos, 0, None, ""
    i, protected_until = pos, -1
    while count < MAX_TAIL_WORDS:
        ab = _ABBREV.match(text, i)
        if ab and count:
            i = ab.end()  # "lực lượng vũ trang (LLVT) tỉnh": the abbreviation is skipped over
            continue
        m = _TOKEN.match(text, i)
        if not m or "\n" in text[i:m.start(1)]:
            break
        tok = m.group(1)
        rest = text[m.start(1):m.start(1) + 30].lower()
        if m.start(1) >= protected_until:
            protected_until = _compound_end(text, m.start(1))
        if m.start(1) < protected_until:
            # inside a compound that holds a stop word ("hàng không", "nhỏ và vừa")
            pending_sep = None
            i = end = m.end()
            count += 1
            prev = tok.lower()
            continue
        if tok in (",", "-", "–", "—"):
            if pending_sep is not None:
                break
            pending_sep = tok
            i = m.end()
            continue
        low = tok.lower()
        if any(rest.startswith(s) and (len(rest) == len(s) or not rest[len(s)].isalpha()) for s in stops):
            break
        if low.isdigit() and len(low) == 4:
            break
        if pending_sep == "," and not (tok[0].isupper() or any(
                rest.startswith(c) and (len(rest) == len(c) or not rest[len(c)].isalpha()) for c in cont)):
            break
        pending_sep = None
        i = end = m.end()
        count += 1
        if low == "tỉnh" and prev not in ("các", "những") and not prev.isdigit():
            end = _province_after(text, end)
            break
        prev = low
    return end, count


def _starts_with_word(rest: str, w: str) -> bool:
    return rest.startswith(w) and (len(rest) == len(w) or not rest[len(w)].isalpha())


def _compound_end(text: str, pos: int) -> int:
    """End offset of a compound starting at ``pos`` whose words include a stop word
    ("hàng không": "không" does not end "Khối thi đua các Cảng hàng không ..."), else -1."""
    rest = re.sub(r"\s+", " ", text[pos:pos + 40]).lower()
    for c in words("compound"):
        if _starts_with_word(rest, c):
            m = re.compile(r"[^\S\n]+".join(re.escape(t) for t in c.split()), re.I).match(text, pos)
            if m:
                return m.end()
    return -1


@lru_cache(maxsize=None)
def _province_names() -> re.Pattern:
    names = {r["name"] for r in lexicon.load("provinces") if r["kind"] in ("province", "alias")}
    return re.compile(rf"[^\S\n]+(?:{lexicon.trie_pattern(names)})(?![\wÀ-ỹ])")


def _province_after(text: str, pos: int) -> int:
    """ "... tỉnh | Thái Nguyên": a province's name right after "tỉnh" belongs to the name."""
    m = _province_names().match(text, pos)
    return m.end() if m else pos


def mentions(text: str, offset: int = 0) -> list[Mention]:
    out = []
    for m in _HEAD.finditer(text):
        head, thi_dua = m.group(1), m.group(2)
        if head.isupper() and len(head) > 1 and (thi_dua or "").isupper():
            continue  # all-caps headline: names are not cased reliably
        if _is_outside(text, m.start()):
            continue
        pos = m.end()
        num = _NUMBER.match(text, pos)
        if num and "số" not in num.group(0).lower() and _counts_members(text, num.end()):
            num = None
        if num:
            name = text[m.start():num.end()]
            out.append(Mention(_clean(name), _kind(head), m.start() + offset, bool(thi_dua), True, 1,
                               head[0].isupper()))
            continue
        end, count = _tail(text, pos)
        name = text[m.start():end]
        if not thi_dua and count == 0:
            continue
        name = _clean(name)
        out.append(Mention(name, _kind(head), m.start() + offset, bool(thi_dua), False, count,
                           head[0].isupper(), count > 0 and _ends_with_region(name)))
    return out


def _ends_with_region(name: str) -> bool:
    """ "Cụm thi đua các tỉnh miền Đông Nam bộ": the name ends with a standard region."""
    low = re.sub(r"\s+", " ", name).lower()
    return any(low.endswith(" " + r.lower()) for r in words("region"))


def _counts_members(text: str, pos: int) -> bool:
    """ "Cụm thi đua 7 tỉnh ...": the number counts members, it is not the group's number
    (never so after "số": "Cụm thi đua số 5 Cục Thi hành án ..." is group 5)."""
    rest = text[pos:pos + 25].lstrip().lower()
    return any(rest.startswith(n.lower() + " ") or rest.startswith(n.lower() + ",") for n in words("member"))


def _clean(name: str) -> str:
    name = re.sub(r"\s+", " ", name).strip(" ,-–")
    return name[0].upper() + name[1:] if name else name


def _rank(m: Mention, title_len: int) -> tuple:
    descriptive = m.numbered or m.tail_words > 0
    # Without "thi đua" a capitalised "Cụm/Khối" with a tail still names a group.
    return (descriptive, m.has_thi_dua or m.numbered or m.regional, m.start < title_len, -m.start)


def find_group(ctx: Context) -> Optional[Group]:
    text = ctx.text
    title = ctx.article.title or find_title(text) or ""
    found = mentions(title, offset=-len(title) - 1) if title and title not in text else []
    found += mentions(text)
    found = [m for m in found if (m.has_thi_dua and m.tail_words) or m.numbered or m.regional
             or (m.written_capital and _capitalised(m.name))]
    if not found:
        return None
    title_end = text.index(title) + len(title) if title and title in text else 0
    best = max(found, key=lambda m: _rank(m, title_end))
    best = _fuller_spelling(best, found)
    if not (best.has_thi_dua or best.numbered or best.regional) and not any(m.has_thi_dua for m in found):
        # only "Khối các ..." mentions: need at least two of them to call it a group
        if sum(1 for m in found if m.name == best.name) < 2 and best.start >= title_end:
            return None
    return Group(name=best.name, kind=best.kind)


def _fuller_spelling(best: Mention, found: list[Mention]) -> Mention:
    """A numbered group shortened in the headline ("Cụm số 3") is named as the body spells it
    in full ("Cụm thi đua số 3"): same kind, same number, with "thi đua"."""
    if not best.numbered or best.has_thi_dua:
        return best
    number = best.name.split()[-1]
    return next((m for m in found if m.numbered and m.has_thi_dua and m.kind == best.kind
                 and m.name.split()[-1] == number), best)


def _capitalised(name: str) -> bool:
    return name[:1].isupper() and len(name.split()) >= 3


# --- member count -----------------------------------------------------------------------

@dataclass(frozen=True)
class CountRule:
    pattern: re.Pattern
    needs_group: bool  # only trusted once a cụm/khối has been found for the article


@lru_cache(maxsize=None)
def _count_rules() -> tuple[CountRule, ...]:
    nouns = "|".join(re.escape(n) for n in words("member"))
    units = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(
        set(words("unit")) | set(words("member")), key=len, reverse=True))
    # a number that is not a group's own number ("Cụm số 3") nor part of a date or time
    num = r"(?<!số )(?<![\d:/.,])(\d{1,3})(?=[^\S\n])"
    grp = r"(?:cụm|khối)"
    sign = r"(?:ký|kí)\s+(?:kết\s+)?(?:bản\s+)?giao\s+ước"
    table = (
        # "08/08 Hội"
        (rf"(?<![\d/])(\d{{1,3}})\s*/\s*\1\s+(?:{nouns})", True),
        # "Cụm ... bao gồm 8 tỉnh, thành", "Khối ... có 10 đơn vị"
        (rf"{grp}[^.;:\n]{{0,120}}?\b(?:gồm|bao gồm|có)\s+(?:các\s+)?{num}\s+(?:{nouns})\b", False),
        # "Cụm thi đua số 3 gồm Hội LHPN 5 huyện:", "Khối gồm Công an 6 tỉnh": the agency's
        # name before the number of localities it is found in
        (rf"{grp}[^.;:\n]{{0,120}}?\b(?:gồm|bao gồm)\s+(?:[A-ZÀ-ỸĐ][^\s\d.;:,]*\s+){{1,4}}?{num}\s+(?:{nouns})\b", False),
        # "8 đơn vị trong Cụm", "07 đơn vị thành viên của khối"
        (rf"\b{num}\s+(?:{nouns})(?:\s+thành viên)?\s+(?:(?:trong|thuộc|của)\s+)?(?:các\s+)?{grp}", True),
        # "12 đồng chí Bí thư Khu phố trong cụm": the units' delegates counted
        (rf"\b{num}\s+(?:[^\s.;,]+\s+){{1,4}}?(?:{nouns})\s+(?:trong|thuộc)\s+{grp}\b", True),
        # "7 tỉnh đã ký kết giao ước", "11 Chi cục Thuế các huyện, thị, thành đã thống nhất ký kết giao ước"
        (rf"\b{num}\s+(?:{nouns})\b[^.;:\n]{{0,45}}?\b{sign}", False),
        (rf"\b{num}\s+(?:{nouns})\s+thành viên\b", True),
        (rf"\b(?:gồm|bao gồm)\s+{num}\s+(?:{nouns})\b", True),
        # "Khối gồm 5 Cảng: Cảng HKQT Đà Nẵng, ...": a number of units whose list follows
        (rf"\b(?:gồm|bao gồm|có)\s+(?:các\s+)?{num}\s+(?:{units})(?:\s+thành viên)?\s*:", True),
        # "cụm thi đua 7 tỉnh"
        (rf"\b{grp}\s+(?:thi đua\s+)?(?:của\s+)?{num}\s+(?:{nouns})\b", True),
        # "đại diện 9 huyện", "lãnh đạo của 07 đơn vị", "kiểm sát viên của 03 đơn vị"
        (rf"\b(?:đại diện|lãnh đạo|của)\s+(?:của\s+)?(?:các\s+)?{num}\s+(?:{nouns})\b", True),
    )
    return tuple(CountRule(re.compile(p, re.I), g) for p, g in table)


_GROUP_HEAD = re.compile(r"(?i)^(?:cụm|khối)\s+(?:thi\s+đua\s+)?(?:các\s+|của\s+)?")


def _members_phrase(group: Optional[Group]) -> Optional[str]:
    """What a group's name says its members are: "Cụm thi đua các Sở Y tế miền Tây" ->
    "Sở Y tế"; None for a numbered group ("Cụm thi đua số 3")."""
    if group is None:
        return None
    rest = _GROUP_HEAD.sub("", group.name)
    toks = rest.split()
    if not toks or toks[0].lower() in ("số",) or toks[0][0].isdigit() or re.fullmatch(r"[IVX]+", toks[0]):
        return None
    phrase = " ".join(toks[:3])
    low = phrase.lower()
    if not any(low == n.lower() or low.startswith(n.lower() + " ") for n in words("member")):
        return None
    return phrase


def _count_by_name(text: str, group: Optional[Group]) -> Optional[int]:
    """ "13 Sở Y tế", "11 Chi cục Thuế": a number before the members the group is named for."""
    phrase = _members_phrase(group)
    if not phrase:
        return None
    pat = r"\s+".join(re.escape(t) for t in phrase.split())
    m = re.search(rf"(?<![\d/.,])\b(\d{{1,3}})\s+{pat}(?![\w])", text, re.I)
    return int(m.group(1)) if m else None


def _after_unit_head(text: str, pos: int) -> bool:
    """ "Công an 11 xã, phường": the number counts one agency's local units, not peers."""
    before = text[max(0, pos - 40):pos].rstrip().lower()
    return any(before.endswith(h.lower()) and (len(before) == len(h) or not before[-len(h) - 1].isalpha())
               for h in lexicon.words("unit_heads"))


def find_member_count(ctx: Context) -> Optional[int]:
    text = ctx.text
    for rule in _count_rules():
        if rule.needs_group and ctx.group is None:
            continue
        for m in rule.pattern.finditer(text):
            if ctx.group is None and _after_unit_head(text, m.start(1)):
                continue
            n = int(m.group(1))
            if 2 <= n <= 200:
                return n
            break
    n = _count_by_name(text, ctx.group)
    if n is not None and 2 <= n <= 200:
        return n
    return None
