"""Awards proposed or conferred at the meeting: one item per award and recipient.

Reads ``doc.spans["AWARD"]`` (phrases of ``lexicon/awards.tsv``, label = award_type), then in
the award's sentence:

* the phrase as written: the award words, a quoted name after them, and "của <issuer>";
* recipients: the units after "cho" ("tặng Cờ thi đua cho Chi cục ..."), split like a member
  list, or the unit right before "nhận"/"được tặng"; else a count written before the phrase
  ("16 tập thể lao động tiên tiến", "02 đơn vị được nhận Cờ thi đua");
* status: ``proposed`` when a cue of ``lexicon/award_status.tsv`` marked proposed stands in the
  sentence before the phrase, else ``conferred``;
* year: "năm YYYY" right after the phrase, else the meeting's year.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .. import lexicon
from ..record import Award, Span
from .context import Context

_QUOTED = re.compile(r'\s*(?:danh hiệu\s*)?["“][^"”\n]{1,80}["”]')
_ISSUER = re.compile(r"\s+(?:của|do)\s+((?:[A-ZĐÀ-Ỹ][^\s,;.()]*|tỉnh|nhân|dân|nước|thành|phố|Chính|phủ)"
                     r"(?:\s+(?:[A-ZĐÀ-Ỹ][^\s,;.()]*|tỉnh|nhân|dân|nước|thành phố|phủ|tối cao|[a-zà-ỹđ]+(?=\s+[A-ZĐ])))*)")
_YEAR_AFTER = re.compile(r"\s*(?:xuất sắc\s+)?năm\s+(\d{4})")
_COUNT_BEFORE = re.compile(r"(\d{1,3})\s+(?:[^\d.;:\n]{0,40}?)$")
_SENT_END = re.compile(r"[.!?\n](?=\s|$)")
_CHO = re.compile(r"[^.;\n]{0,80}?\bcho\s+(?:các\s+đơn vị:?\s*)?", re.I)


@lru_cache(maxsize=1)
def _status_cues() -> tuple[tuple[re.Pattern, str], ...]:
    rows = lexicon.load("award_status")
    return tuple((re.compile(r"(?<!\w)" + re.escape(r["cue"]) + r"(?!\w)", re.I), r["status"]) for r in rows)


def _sentence(text: str, pos: int) -> tuple[int, int]:
    starts = [m.end() for m in _SENT_END.finditer(text, max(0, pos - 600), pos)]
    start = starts[-1] if starts else max(0, pos - 600)
    m = _SENT_END.search(text, pos)
    return start, (m.start() if m else len(text))


def _status(text: str, s0: int, start: int, end: int, s1: int) -> str:
    before = text[s0:start]
    for pat, status in _status_cues():
        if status == "proposed" and pat.search(before):
            return "proposed"
    return "conferred"


def _recipients(ctx: Context, end: int, s1: int, next_award: int):
    """Units after "cho", up to the sentence end or the next award phrase."""
    from .members import _items_of

    text = ctx.text
    m = _CHO.match(text, end, min(s1, next_award))
    if not m:
        return []
    stop = min(s1, next_award)
    # a recipient list ends where the next "tặng"/"đề nghị" clause starts
    seg = text[m.end():stop]
    cut = re.search(r";|[,;]\s*(?:tặng|trao|đề nghị|đề xuất)\b|\s-\s*đơn vị|[-–]\s*(?:đơn vị|Đơn vị)", seg)
    if cut:
        stop = m.end() + cut.start()
    head = ""
    hm = re.match(r"(?:các\s+)?((?:[a-zà-ỹđ]+\s){1,3}?)các\s+(huyện|tỉnh|quận|phường|xã|đơn vị)\s*:\s*",
                  text[m.end():stop])
    start = m.end()
    if hm:
        first = hm.group(1).strip()
        head = (first[0].upper() + first[1:] + " " + hm.group(2)) if hm.group(2) != "đơn vị" else ""
        start = m.end() + hm.end()
    cm = _COUNT_AFTER.match(text, start, stop)
    if cm:
        word = cm.group(1).lower()
        value = int(word) if word.isdigit() else _number_words().get(word)
        if value:
            return [("count", value, cm.start(), cm.end())]
    return _items_of(text, start, stop, head)


@lru_cache(maxsize=1)
def _number_words() -> dict[str, int]:
    return {r["word"]: int(r["value"]) for r in lexicon.load("number_words")}


_COUNT_AFTER = re.compile(r"(\d{1,3}|[a-zà-ỹđ]+)\s+(?:đơn vị|tập thể|cá nhân|[A-ZĐ]\w*)", re.I)


def _unit_before(ctx: Context, start: int, s0: int):
    """'X nhận Cờ thi đua', 'X được tặng Bằng khen'."""
    text = ctx.text
    m = re.search(r"([A-ZĐ][^.;,\n]{2,80}?)\s+(?:được\s+)?(?:nhận|được tặng|vinh dự nhận|đón nhận)\s+$",
                  text[s0:start])
    if not m:
        return None
    for org in ctx.doc.spans["ORG"]:
        if s0 + m.start(1) <= org.start_char and org.end_char <= s0 + m.end(1) and \
                text[org.end_char:start].strip().split()[0] in ("nhận", "được", "vinh", "đón"):
            return org
    return None


def find_awards(ctx: Context) -> list[Award]:
    doc = ctx.doc
    if doc is None:
        return []
    text = ctx.text
    spans = list(doc.spans["AWARD"])
    out, seen = [], set()
    for n, sp in enumerate(spans):
        start, end = sp.start_char, sp.end_char
        q = _QUOTED.match(text, end)
        if q and sp.label_ in ("co_thi_dua", "danh_hieu_khac"):
            end = q.end()
        issuer = None
        if text[end:end + 1] in ('"', "”"):
            end += 1
        im = _ISSUER.match(text, end)
        org = next((o for o in doc.spans["ORG"] if im and o.start_char == im.start(1)), None)
        if org is not None:
            issuer, end = org.text, org.end_char
        elif im:
            issuer = im.group(1).strip()
            end = im.end()
        phrase = text[start:end].rstrip("\"”")
        ym = _YEAR_AFTER.match(text, end)
        year = int(ym.group(1)) if ym else ctx.year
        s0, s1 = _sentence(text, start)
        next_award = spans[n + 1].start_char if n + 1 < len(spans) else len(text)
        status = _status(text, s0, start, end, s1)
        recips = _recipients(ctx, end, s1, next_award)
        items = []
        for it in recips:
            if isinstance(it, tuple):
                items.append((None, it[1], start, max(end, it[3])))
            else:
                items.append((it.name, None, min(start, it.start), max(end, it.end)))
        if not items:
            org = _unit_before(ctx, start, s0)
            if org is not None:
                items.append((org.text, None, org.start_char, end))
        if not items:
            cm = _COUNT_BEFORE.search(text, max(s0, start - 50), start)
            if cm and int(cm.group(1)) >= 1 and not re.search(r"năm\s*$", text[max(s0, start - 60):cm.start()]):
                items.append((None, int(cm.group(1)), cm.start(), end))
        for recipient, count, a, b in items:
            key = (sp.label_, (recipient or "").lower(), count, issuer)
            if key in seen:
                continue
            seen.add(key)
            out.append(Award(award_type=sp.label_, award=phrase, issuer=issuer, recipient=recipient,
                             count=count, status=status, year=year if year and 1945 <= year <= 2100 else None,
                             evidence=Span(start=a, end=b)))
    return out
