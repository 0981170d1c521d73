"""Awards proposed or conferred at the meeting: one item per award, issuer and recipient.

An award *mention* is a phrase of ``lexicon/awards.tsv`` (``doc.spans["AWARD"]``, label =
award_type), or a bare "cờ" right after a giving verb ("đề nghị Chính phủ tặng cờ"). The
phrase as written runs on over a quoted name, words like "dẫn đầu", "xuất sắc", and
"của <issuer>". Then, in the mention's clause (from the previous mention or the last ";"/":"
of its sentence):

* issuers: "của/do <issuer>" after the phrase, else the bodies named between a proposing word
  and the giving verb ("đề nghị Thủ tướng Chính phủ, UBND tỉnh tặng" gives one item each);
* recipients, the first of:
  - the units after "cho" ("tặng Cờ thi đua cho Chi cục ..."), split like a member list, with
    a shared head ("cho lực lượng công an các huyện A, B") and a parenthesised list after a
    count ("cho 02 tập thể (A, B)");
  - a list after a colon or "gồm:" ("tặng Cờ thi đua xuất sắc gồm: A và B"), persons when
    the list names persons;
  - the units written before the giving verb ("A, B được đề nghị UBND tỉnh tặng",
    "A và B nhận", "đề nghị suy tôn A đạt danh hiệu"), or a unit named "là đơn vị dẫn đầu";
  - the recipients of the previous mention when the two are joined by "và" ("đạt danh hiệu
    A và B");
  - counts written before or after the phrase ("16 tập thể lao động tiên tiến", "03 tập thể
    và 14 cá nhân được Sở Y tế tặng giấy khen", "cho ba đơn vị");
* status: ``proposed`` when a cue of ``lexicon/award_status.tsv`` stands in the sentence
  before the phrase, else ``conferred``;
* year: the year of achievement (:func:`_year`): "năm YYYY" right after the phrase or in the
  clause before it, else the year under review, else the meeting's year (the year before for a
  meeting in the first quarter).

Left out: a count of an award type that is also given to named recipients (the names are the
items), an item cut off by the end of the text, and results of past years reported as "đã có N
đơn vị được tặng ...".
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from .. import lexicon, nlp
from ..record import Award, Span
from . import period
from .context import Context

# Upper-case letters of Vietnamese (a character class; [A-Z] misses "Ủ", "Đ" ...).
_UP = "".join(sorted({c for c in map(chr, range(0x41, 0x1F00)) if c.isalpha() and c.isupper()}))
CAP = "[" + re.escape(_UP) + "]"

_QUOTED = re.compile(r'(?:\s+danh hiệu)?\s+["“][^"”\n]{1,80}["”]')
_CLOSE_QUOTE = re.compile(r'[^"”\n]{0,80}["”]')
_FLAG_WORDS = re.compile(r"(?:\s+(?:dẫn đầu|xuất sắc|phong trào thi đua|cụm thi đua|khối thi đua))+")
@lru_cache(maxsize=1)
def _issuer_re() -> re.Pattern:
    """ "của/do <issuer>" after a phrase; a lower-case word inside the issuer's name is one
    before a capitalised word and no verb or function word (``unit_stops``: "cho", "tại")."""
    stop = r"(?!(?:" + "|".join(map(re.escape, sorted(nlp.unit_stops(), key=len, reverse=True))) + r")(?!\w))"
    return re.compile(r"\s+(?:của|do)\s+((?:[A-ZĐÀ-Ỹ][^\s,;:.()]*|tỉnh|nhân|dân|nước|thành|phố|Chính|phủ)"
                      r"(?:\s+(?:[A-ZĐÀ-Ỹ][^\s,;:.()]*|tỉnh|nhân|dân|nước|thành phố|phủ|tối cao|" + stop
                      + r"[a-zà-ỹđ]+(?=\s+[A-ZĐ])))*)")


_COUNT_JOIN = re.compile(r"\s*(?:,\s*(?:và\s+)?|và\s+)")
_YEAR_AFTER = re.compile(r"\s*(?:xuất sắc\s+)?năm\s+(\d{4})")
_SENT_END = re.compile(r"[.!?\n](?=\s|$)")
_BARE_FLAG = re.compile(r"(?:tặng|nhận|trao)\s+([Cc]ờ)(?!\w)")
_CHO = re.compile(r"[^.;\n]{0,80}?\bcho\s+(?:(?:các\s+)?đơn vị:?\s*)?", re.I)
_COLON_LIST = re.compile(r"\s*,?\s*(?:gồm|bao gồm)?\s*:\s*")
_SEG_TAIL = re.compile(r"(?:\s|,|\bvà\b|\bcùng\b|\bdanh hiệu\b|[“\"])+$")
_LIST_CUT = re.compile(r";|[,;]\s*(?:tặng|trao|đề nghị|đề xuất)\b|\s-\s*đơn vị|[-–]\s*(?:đơn vị|Đơn vị)")
_SHARED_HEAD = re.compile(r"(?:các\s+)?((?:[a-zà-ỹđ]+\s){1,4}?)các\s+(huyện|tỉnh|quận|phường|xã|đơn vị)\s*:?\s*")
_GLUED_STOP = re.compile(r"(?<=[a-zà-ỹđ])\.(?=" + CAP + r")")
_JOINED = re.compile(r"^\s*(?:,|và|,\s*và|cùng)\s*(?:danh hiệu\s*)?[“\"]?\s*$")
_AND_NEXT = re.compile(r"\svà\s+(?:danh hiệu\s*)?[“\"]?\s*$")
_PAST_RESULTS = re.compile(r"\bđã có\s+\d")
_UNIT_NUMBER = re.compile(r"(?<!\w)" + CAP + r"\w*\s+$")  # a capitalised word right before a count
# "suy tôn X là đơn vị dẫn đầu, đề nghị ... tặng", "suy tôn X dẫn đầu Cụm, đề nghị ... tặng"
_NAMED_AS = re.compile(r"(?:suy tôn|bình chọn|bầu chọn|chọn)\s+(?P<x>" + CAP
                       + r"[^,;:]*?)\s+(?:là\s+(?:đơn vị|tập thể)|(?:xuất sắc\s+)?dẫn đầu)[^;:]*$")

# "X được suy tôn là ... và (được đề nghị Y tặng)": a passive predicate, then "và" before the verb
_PASSIVE_AND = re.compile(r"\s+được\s[^,;:]*\svà\s*$")


@dataclass
class Mention:
    start: int
    end: int            # end of the phrase as written (issuer and quoted name included)
    award_type: str
    phrase: str
    issuer: Optional[str]
    year: Optional[int]


# --------------------------------------------------------------------------- lexicon

@lru_cache(maxsize=1)
def _status_cues() -> tuple[tuple[re.Pattern, str], ...]:
    rows = lexicon.load("award_status")
    return tuple((re.compile(r"(?<!\w)" + re.escape(r["cue"]) + r"(?!\w)", re.I), r["status"]) for r in rows)


@lru_cache(maxsize=1)
def _grammar() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for r in lexicon.load("award_grammar"):
        out.setdefault(r["kind"], []).append(r["cue"])
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


@lru_cache(maxsize=1)
def _number_words() -> dict[str, int]:
    return {r["word"]: int(r["value"]) for r in lexicon.load("number_words")}


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in words)


@lru_cache(maxsize=1)
def _give_tail() -> re.Pattern:
    """The giving verb group at the end of the text before a mention, with its issuers."""
    g = _grammar()
    pre_words = ("đã", "được", "vinh dự", "đề nghị", "đề xuất", "trình", "xét", "để", "cùng", "bình chọn",
                 "nhất trí")
    stops = sorted(set(nlp.unit_stops()) | set(pre_words) | set(g["give"]) | set(g["receive"]), key=len, reverse=True)
    # a lower-case word inside a body's name ("Sở Y tế", "Bộ Tài chính"), not a verb or function word
    lower = r"(?!(?:" + _alt(stops) + r")(?!\w))[a-zà-ỹđ]+"
    # a number closes a unit's name ("Tư lệnh Quân khu 3", "Sư đoàn 395")
    word = r"(?:" + CAP + r"\w*|" + _alt(g["issuer_word"]) + r"|" + lower + r"|\d{1,4}(?!\w))"
    one = CAP + r"\w*(?:\s+" + word + r"){0,7}"
    issuers = one + r"(?:\s*(?:,|và)\s*" + one + r")*"
    pre = r"(?:(?:" + _alt(pre_words) + r")\s+)*"
    return re.compile(r"(?P<pre>" + pre + r")(?:(?P<iss>" + issuers + r")\s+)?(?:(?:xét|đã)\s+)*"
                      r"(?P<give>(?<!\w)(?:" + _alt(sorted(g["give"] + g["receive"], key=len, reverse=True)) + r"))\s*[“\"]?\s*$")


@lru_cache(maxsize=1)
def _count_re() -> tuple[re.Pattern, re.Pattern]:
    num = r"(\d{1,3}|" + _alt(_number_words()) + r")"
    noun = r"(?:" + _alt(_grammar()["counted"]) + r")(?!\w)"
    # "03 tập thể và 14 cá nhân được ...", "8 tập thể, 12 cá nhân được", "16 <tập thể lao động tiên tiến>"
    before = re.compile(r"(?:(?<!\w)" + num + r"\s+" + noun + r"[^,;:\d]{0,40}?(?:\s+và\s+|\s*,\s*))?(?<![\w/])" + num
                        + r"(?:\s+" + noun + r"[^,;:\d]{0,40}?)?\s*$", re.I)
    after = re.compile(num + r"\s+" + noun, re.I)
    return before, after


def _number(word: str) -> Optional[int]:
    w = word.lower()
    return int(w) if w.isdigit() else _number_words().get(w)


# --------------------------------------------------------------------------- mentions

def _sentence(text: str, pos: int) -> tuple[int, int]:
    """The sentence around ``pos``, read at most 600 characters on either side (a text without
    full stops stays linear)."""
    starts = [m.end() for m in _SENT_END.finditer(text, max(0, pos - 600), pos)]
    start = starts[-1] if starts else max(0, pos - 600)
    m = _SENT_END.search(text, pos, pos + 600)
    return start, (m.start() if m else min(len(text), pos + 600))


def _mention(ctx: Context, start: int, end: int, award_type: str) -> Mention:
    text = ctx.text
    if text.count("“", start, end) > text.count("”", start, end) or text.count('"', start, end) % 2:
        q = _CLOSE_QUOTE.match(text, end)
        if q:
            end = q.end()
    elif start > 0 and text[start - 1] in "“\"":
        # '“Cờ thi đua ngành Kiểm sát nhân dân”': the quoted name is the phrase
        q = _CLOSE_QUOTE.match(text, end) if text[end:end + 1] not in "”\"" else None
        end = q.end() if q else end + (text[end:end + 1] in "”\"")
    if award_type == "co_thi_dua":
        f = _FLAG_WORDS.match(text, end)
        if f:
            end = f.end()
    q = _QUOTED.match(text, end)
    if q and award_type in ("co_thi_dua", "danh_hieu_khac", "ky_niem_chuong", "huy_chuong", "huan_chuong"):
        end = q.end()
    issuer = None
    im = _issuer_re().match(text, end)
    org = nlp.span_index(ctx.doc, "ORG").first_starting_at(im.start(1)) if im else None
    if org is not None:
        issuer, end = org.text, org.end_char
    elif im:
        a = im.start(1)
        b = max(im.end(), nlp.unit_end_char(ctx.doc, a, _sentence(text, a)[1]))
        issuer, end = text[a:b].strip(), b
    if start > 0 and text[start - 1] in "“\"" and re.match(r'[^"“”]*["”]', text[start:end]):
        start -= 1  # '"Cờ thi đua" của Bộ Công an' keeps its opening quote
    phrase = text[start:end].strip()
    if phrase[:1] in "“\"" and phrase[-1:] in "”\"" and len(phrase) > 2:
        phrase = phrase[1:-1]
    ym = _YEAR_AFTER.match(text, end)
    return Mention(start, end, award_type, phrase, issuer, int(ym.group(1)) if ym else None)


def mentions(ctx: Context) -> list[Mention]:
    text = ctx.text
    awards = nlp.span_index(ctx.doc, "AWARD")
    spans = [(s.start_char, s.end_char, s.label_) for s in awards.items]
    for m in _BARE_FLAG.finditer(text):
        a, b = m.span(1)
        if not any(x.start_char < b and a < x.end_char for x in awards.touching(a, b)):
            spans.append((a, b, "co_thi_dua"))
    spans.sort()
    return [_mention(ctx, a, b, t) for a, b, t in spans]


# --------------------------------------------------------------------------- recipients
# A recipient is ("unit", name, start, end), ("person", name, start, end) or
# ("count", value, start, end).

def _status(text: str, s0: int, start: int) -> str:
    before = text[s0:start]
    for pat, status in _status_cues():
        if status == "proposed" and pat.search(before):
            return "proposed"
    return "conferred"


def _year(ctx: Context, m: Mention, s0: int) -> Optional[int]:
    """The year of achievement: written right after the phrase, else in the clause before it
    ("Theo đó, năm 2021, X được tặng ..."), else the year under review (:mod:`.period`); a
    year after the meeting's is when the award is given, not what it is for."""
    text = ctx.text
    when = ctx.date or ctx.published
    clause = max(s0, text.rfind(";", s0, m.start) + 1)
    # "vì có thành tích ... giai đoạn 2018 - 2022" after the phrase, in its clause: the end year
    after = _SENT_END.search(text, m.end, min(len(text), m.end + 200))
    hi = after.start() if after else min(len(text), m.end + 200)
    semi = text.find(";", m.end, hi)
    spans_after = period.PERIOD.search(text, m.end, semi if semi >= 0 else hi)
    ends = [int(spans_after.group(2))] if spans_after and int(spans_after.group(1)) < int(spans_after.group(2)) else []
    stated = [m.year] + ends + [int(y.group(1)) for y in reversed(list(period.YEAR.finditer(text, clause, m.start)))]
    for y in stated:
        if y is not None and 1945 <= y <= 2100 and (when is None or y <= when.year):
            return y
    return period.achievement_year(ctx)


def _units(ctx: Context, start: int, stop: int, head: str = ""):
    from .members import _items_of

    return [("unit", it.name, it.start, it.end) for it in _items_of(ctx.text, start, stop, head, ctx.doc)]


def _seg_stop(text: str, start: int, stop: int) -> int:
    glued = _GLUED_STOP.search(text, start, stop)  # "... Nam Trà My.ĐĂNG NGUYÊN"
    if glued:
        stop = glued.start()
    t = _SEG_TAIL.search(text, start, stop)
    return t.start() if t and t.start() >= start else stop


def _after_cho(ctx: Context, m: Mention, stop: int):
    """Units or a count after "cho"."""
    text = ctx.text
    c = _CHO.match(text, m.end, stop)
    if not c:
        return []
    stop = _seg_stop(text, c.end(), stop)
    cut = _LIST_CUT.search(text, c.end(), stop)
    if cut:
        stop = cut.start()
    persons = _persons_listed(ctx, c.end(), stop)
    if persons:
        return persons
    start, head = c.end(), ""
    hm = _SHARED_HEAD.match(text, start, stop)
    if hm:
        first = hm.group(1).strip()
        head = (first[0].upper() + first[1:] + " " + hm.group(2)) if hm.group(2) != "đơn vị" else ""
        start = hm.end()
    cm = _count_re()[1].match(text, start, stop)
    if cm:
        p = re.match(r"[^()]{0,40}?\(", text[cm.end():stop])
        if p:  # "cho 02 tập thể (A, B)": the names are the items
            a = cm.end() + p.end()
            close = text.find(")", a, stop + 1)
            units = _units(ctx, a, close if close > 0 else stop)
            if units:
                return units
        colon = re.match(r"[^():;,]{0,40}?:\s*", text[cm.end():stop])
        if colon:  # "cho 2 đơn vị: A, B": the names are the items
            units = _units(ctx, cm.end() + colon.end(), stop)
            if units:
                return units
        out = []
        while cm:  # "cho 3 tập thể và 2 cá nhân", "cho 45 tập thể, 60 cá nhân": one item each
            value = _number(cm.group(1))
            if value:
                out.append(("count", value, cm.start(), cm.end()))
            j = _COUNT_JOIN.match(text, cm.end(), stop)
            cm = _count_re()[1].match(text, j.end(), stop) if j else None
        if out:
            return out
    return _units(ctx, start, stop, head)


_PERSON_JOIN = re.compile(r"(?:^|[,;]|(?<!\w)và)\s*$")
_TO_THOSE = re.compile(r"\s+cho\s+(?:các|những)\s+cá nhân\b")
_PERSONS_INTRO = re.compile(r"(?:các|những)\s+cá nhân\b[^.:;\n]{0,80}?\bgồm\s*:", re.I)
_LOOK_BACK = 2000


def _persons_introduced(ctx: Context, m: Mention):
    """ "trao giấy khen cho các cá nhân ..." after a list "các cá nhân được tuyên dương gồm: A và
    B (...); C": the persons of the last such list within ``_LOOK_BACK`` characters, each a
    run of 2-5 name syllables opening with a family name, outside parentheses."""
    text, doc = ctx.text, ctx.doc
    if not _TO_THOSE.match(text, m.end):
        return []
    intro = None
    for intro in _PERSONS_INTRO.finditer(text, max(0, m.start - _LOOK_BACK), m.start):
        pass
    if intro is None:
        return []
    stop = min(_sentence(text, intro.end())[1], m.start)
    span = doc.char_span(intro.end(), stop, alignment_mode="contract")
    if span is None:
        return []
    sur, out, depth, i = nlp.surnames(), [], 0, span.start
    while i < span.end:
        tok = doc[i]
        depth += (tok.text == "(") - (tok.text == ")")
        if depth == 0 and tok.text in sur and not (i > span.start and nlp.is_name_syllable(doc[i - 1])):
            j = min(nlp.name_run(doc, i), span.end)
            if 2 <= j - i <= 5:
                out.append(("person", doc[i:j].text, doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text)))
                i = j
                continue
        i += 1
    return out


def _after_honorific(ctx: Context, pos: int) -> int:
    """Start of the honorific written right before ``pos`` ("ông ", "bà "), else ``pos``."""
    text = ctx.text
    i = pos
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    hon = nlp.span_index(ctx.doc, "HONORIFIC").touching(i - 1, i - 1)
    ends = [h for h in hon if h.end_char == i]
    return ends[-1].start_char if ends else pos


def _persons_listed(ctx: Context, start: int, stop: int):
    """Persons named as the recipients from ``start`` ("cho ông A, Trưởng phòng X và bà B,
    Chánh Văn phòng Sở"): the first right there (an honorific allowed), each next one after a
    "," or "và" (their titles between)."""
    text = ctx.text
    out, last = [], start
    for p in nlp.span_index(ctx.doc, "PER").starting(start, stop):
        if p.end_char > stop:
            break
        lead = _after_honorific(ctx, p.start_char)
        if not out:
            if text[start:lead].strip():
                return []
        elif not _PERSON_JOIN.search(text, last, lead):
            continue
        out.append(("person", p.text, p.start_char, p.end_char))
        last = p.end_char
    return out


def _persons_before(ctx: Context, lo: int, hi: int):
    """Persons written right before the giving verb ("ông A được trao ...", "ông A và bà B
    nhận ..."): the last one ends at ``hi``, earlier ones joined to it by "," or "và"."""
    text = ctx.text
    found = [p for p in nlp.span_index(ctx.doc, "PER").starting(lo, hi) if p.end_char <= hi]
    out, edge = [], hi
    for p in reversed(found):
        gap = text[p.end_char:edge]
        if out and not re.fullmatch(r"\s*(?:,|và)\s*", gap) or not out and gap.strip():
            break
        out.insert(0, ("person", p.text, p.start_char, p.end_char))
        edge = _after_honorific(ctx, p.start_char)
    if out and text[lo:edge].strip(" ,"):
        lead = text[lo:edge].rstrip()
        if not lead.endswith(",") and not re.search(r"(?<!\w)(?:và|cùng)$", lead):
            return []  # "Dịp này, ông A được trao": a lead-in ends with a comma
    return out


def _after_colon(ctx: Context, m: Mention, stop: int):
    """A list after a colon: "tặng Cờ thi đua gồm: A và B", persons when it names persons."""
    text = ctx.text
    c = _COLON_LIST.match(text, m.end, stop)
    if not c:
        return []
    persons = [p for p in nlp.span_index(ctx.doc, "PER").starting(c.end(), stop)
               if c.end() <= p.start_char and p.end_char <= stop]
    if persons:
        out, pieces = [], set()
        for p in persons:
            piece = text.count(";", c.end(), p.start_char)
            if piece not in pieces:
                pieces.add(piece)
                out.append(("person", p.text, p.start_char, p.end_char))
        return out
    counts = _listed_counts(text, c.end(), stop)
    if counts:
        return counts
    semi = re.search(r";\s*(?=[a-zà-ỹđ])", text[c.end():stop])
    if semi:
        stop = c.end() + semi.start()
    return _units(ctx, c.end(), _seg_stop(text, c.end(), stop))


_ITEM_END = re.compile(r"\s*(?:[;.]|$)")


def _listed_counts(text: str, start: int, stop: int):
    """Counts making up the whole list after a colon ("Danh hiệu “Lao động tiên tiến”: 18 cá
    nhân;", ": 03 tập thể và 12 cá nhân."): one item each."""
    out, pos = [], start
    cm = _count_re()[1].match(text, pos, stop)
    while cm:
        value = _number(cm.group(1))
        if value:
            out.append(("count", value, cm.start(), cm.end()))
        pos = cm.end()
        j = _COUNT_JOIN.match(text, pos, stop)
        cm = _count_re()[1].match(text, j.end(), stop) if j else None
    return out if out and _ITEM_END.match(text, pos, stop + 1) else []


@lru_cache(maxsize=1)
def _proposing_re() -> re.Pattern:
    """A proposing word right before a capitalised name ("... thống nhất bình xét thi đua và đề
    nghị Thanh tra tỉnh được nhận"): the name after the last one is the subject."""
    cues = sorted((r["cue"] for r in lexicon.load("award_status") if r["status"] == "proposed"), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + _alt(cues) + r")\s+(?=" + CAP + r")")


def _subject(ctx: Context, lo: int, hi: int):
    """Units written before the giving verb: "A, B được đề nghị ...", "suy tôn A đạt ..."."""
    from .members import _starts_with_head, _starts_with_locality

    text = ctx.text
    seg = text[lo:hi]
    named = _NAMED_AS.search(seg)
    if named:
        a = lo + named.start("x")
        b = nlp.unit_end_char(ctx.doc, a, lo + named.end("x"))
        if _starts_with_head(text[a:b]):
            return [("unit", text[x:y], x, y) for x, y in _split_units(text, a, b)]
    pieces, depth, p0 = [], 0, lo
    for i in range(lo, hi):
        ch = text[i]
        depth += ch == "("
        depth -= ch == ")" and depth > 0
        if ch == "," and depth == 0:
            pieces.append((p0, i))
            p0 = i + 1
    pieces.append((p0, hi))
    out = []
    for a, b in reversed(pieces):
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        piece, last = text[a:b], False
        if piece[:1].islower() and not _starts_with_locality(piece):
            # a lead-in: "trong đó Đài PTTH", "đề nghị suy tôn Viện kiểm sát ...", or words
            # ending in a proposing word ("các đơn vị trong Khối ... đề nghị Thanh tra tỉnh")
            proposing = list(_proposing_re().finditer(piece))
            w = proposing[-1] if proposing else re.search(r"(?<!\S)(?=" + CAP + r")", piece)
            if not w or not proposing and not re.fullmatch(r"[a-zà-ỹđ\s]+", piece[:w.start()]):
                break
            a += w.end()
            piece, last = text[a:b], True
        if piece and _PASSIVE_AND.match(text, nlp.unit_end_char(ctx.doc, a, b), b) \
                and _starts_with_head(piece):
            # "X được suy tôn là đơn vị dẫn đầu Cụm và được đề nghị Y tặng": the unit that opens
            # a chain of passive verbs joined by "và" is the recipient.
            b = nlp.unit_end_char(ctx.doc, a, b)
            piece, last = text[a:b], True
        if not piece or nlp.unit_end_char(ctx.doc, a, b) < b:
            break
        if not (_starts_with_head(piece) or _starts_with_locality(piece)):
            if not out or len(piece.split()) > 4 or not piece[:1].isupper():
                break
        parts = piece.split(" và ")
        names = parts if len(parts) == 2 and parts[1][:1].isupper() else [piece]
        found, pos = [], a
        for nm in names:
            s = text.index(nm, pos)
            pos = s + len(nm)
            found.append(("unit", nm, s, s + len(nm)))
        out = found + out
        if last:
            break
    return out


def _split_units(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """[a, b) cut on "," and "và" where every part opens with a unit head ("suy tôn A và B là
    2 đơn vị dẫn đầu"); else the whole."""
    from .members import _starts_with_head

    parts, p0 = [], a
    for sep in re.finditer(r"\s*,\s*(?:và\s+)?|\s+và\s+", text[a:b]):
        parts.append((p0, a + sep.start()))
        p0 = a + sep.end()
    parts.append((p0, b))
    if len(parts) > 1 and all(_starts_with_head(text[x:y]) for x, y in parts):
        return parts
    return [(a, b)]


def _counts_before(text: str, lo: int, hi: int):
    cm = _count_re()[0].search(text, lo, hi)
    if not cm or re.search(r"năm\s*$", text[max(0, cm.start() - 10):cm.start()]):
        return []
    if _UNIT_NUMBER.search(text, max(lo, cm.start() - 30), cm.start()):
        return []  # "Quân khu 3", "Sư đoàn 395": a number closing a unit's name is no count
    out = []
    for g in (1, 2):
        if cm.group(g):
            value = _number(cm.group(g))
            if value:
                out.append(("count", value, cm.start(g), cm.end()))
    return out


# --------------------------------------------------------------------------- items

@nlp.once_per_context
def find_awards(ctx: Context) -> list[Award]:
    if ctx.doc is None:
        return []
    text = ctx.text
    ms = mentions(ctx)
    rows = []  # (mention, issuer, status, recipient tuple)
    previous: list = []
    previous_issuers: list = [None]
    for n, m in enumerate(ms):
        s0, s1 = _sentence(text, m.start)
        lo = max(s0, ms[n - 1].end) if n > 0 else s0
        sep = max(text.rfind(";", lo, m.start), text.rfind(":", lo, m.start))
        if sep >= 0:
            lo = sep + 1
        nxt = ms[n + 1].start if n + 1 < len(ms) else len(text)
        stop = min(s1, nxt)
        status = _status(text, s0, m.start)
        give = _give_tail().search(text, lo, m.start)
        subj_end = give.start() if give else m.start
        recips = _after_cho(ctx, m, stop) or _after_colon(ctx, m, stop)
        issuers = [m.issuer]
        if give and give.group("iss"):
            # "đề nghị UBND tỉnh tặng": the giver; "UBND tỉnh tặng ... cho X" at the clause start
            # too; else the words are the recipient ("Bệnh viện X phong tặng ...", "đề xuất X nhận").
            by_giver = give.group("give") in _grammar()["give"]
            lead = text[lo:give.start()]  # nothing, or a lead-in phrase ("Dịp này, UBND tỉnh tặng")
            if by_giver and (give.group("pre").strip() or recips and (not lead.strip(" ,") or lead.rstrip().endswith(","))):
                if m.issuer is None:
                    issuers = [i.strip() for i in re.split(r",|\svà\s", give.group("iss")) if i.strip()]
            else:
                subj_end = give.start("give")
        if issuers == [None] and give and not give.group("iss") and not text[lo:give.start()].strip(" ,") \
                and give.group("give") in _grammar()["give"] and n > 0 and ms[n - 1].start >= s0:
            # "đề nghị VKSND tối cao công nhận danh hiệu A cho 1 đơn vị; công nhận danh hiệu B
            # cho ...": a clause opened by the giving verb has the giver of the clause before.
            issuers = previous_issuers
        elif issuers == [None] and give is None and n > 0 and ms[n - 1].start >= s0 \
                and _AND_NEXT.search(text, ms[n - 1].end, m.start) and ";" not in text[ms[n - 1].end:m.start]:
            issuers = previous_issuers  # "... cho 1 đơn vị và danh hiệu B cho 4 đơn vị"
        if not recips and give:
            passive = "được" in give.group("pre") or give.group("give") in _grammar()["receive"]
            recips = _subject(ctx, lo, subj_end) or passive and _persons_before(ctx, lo, subj_end) \
                or _counts_before(text, lo, subj_end)
        if not recips and n > 0 and _JOINED.match(text[ms[n - 1].end:m.start]):
            recips = previous
        if not recips:
            recips = _counts_before(text, max(lo, m.start - 60), m.start)
        if not recips:
            recips = _persons_introduced(ctx, m)
        if recips and status == "conferred" and recips[0][0] == "count" and _PAST_RESULTS.search(text, s0, m.start):
            recips = []
        previous, previous_issuers = recips, issuers
        year = _year(ctx, m, s0)
        for issuer in issuers:
            for r in recips:
                rows.append((m, issuer, status, r, year))
    # A count of an award type also proposed (or also handed out) to named recipients counts
    # them; a count handed out beside named proposals is another set of recipients.
    # Awards of one type from two named issuers are two awards ("Cờ thi đua của Chính phủ" to
    # a named unit, "02 đơn vị được nhận Cờ thi đua của UBND tỉnh").
    named = {(m.award_type, st, iss) for m, iss, st, r, _ in rows if r[0] != "count"}

    def counted_by_names(award_type, status, issuer):
        return any(t == award_type and st == status and (iss == issuer or iss is None or issuer is None)
                   for t, st, iss in named)

    end_of_text = len(text.rstrip())
    out, seen = [], set()
    for m, issuer, status, (kind, value, a, b), year in rows:
        if kind == "count" and counted_by_names(m.award_type, status, issuer) or b >= end_of_text:
            continue
        recipient = value if kind != "count" else None
        count = value if kind == "count" else None
        key = (m.award_type, (recipient or "").lower(), count, issuer)
        if key in seen:
            continue
        seen.add(key)
        out.append(Award(award_type=m.award_type, award=m.phrase, issuer=issuer, recipient=recipient,
                         count=count, status=status, year=year,
                         evidence=Span(start=min(a, m.start), end=max(b, m.end))))
    return out
