"""Officials of the meeting: the persons the NER stage found, with title, body and role.

Reads ``ctx.doc.spans["PER"]`` and ``["TITLE"]`` (see :mod:`pipeline.nlp`). One item per
person (the first mention gives title and role); byline authors are left out.

* title: the title written right before the name ("Đồng chí Khối trưởng Nguyễn Thị Kim Chi"),
  else the one right after it ("Lý Kim Soi-Phó Giám đốc Sở Y tế", "ông X, Giám đốc ..."),
  else one a few words before it ("Bộ trưởng Y tế Đào Hồng Lan"), else a title and its body
  before the name across a dash ("Giám đốc Sở TN&MT Long An - Võ Minh Thành", a person the
  NER stage does not mark, found here); abbreviations expanded
  through ``lexicon/titles.tsv`` and ``title_words.tsv``;
* organization: the words after that title up to the next separator;
* role: the strongest cue verb of ``lexicon/roles.tsv`` in the person's stretch of sentence.

Left out (``lexicon/official_exclusions.tsv``): a person every mention of whom is a delegating
authority ("thừa ủy quyền của Bộ trưởng X"), in a paragraph about another event ("Cùng ngày,
...") or a photo caption, or below the heading of a link list ("Tin liên quan").
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from .. import lexicon, nlp
from ..record import Official, Span
from .context import Context

_SEP = set(nlp.DASHES) | {",", ":"}
_BODY_END = set(nlp.DASHES) | {",", ";", ".", "(", ")", ":", "\n", "“", "”", '"'}


@lru_cache(maxsize=1)
def role_cues() -> tuple[tuple[re.Pattern, str, int], ...]:
    rows = sorted(lexicon.load("roles"), key=lambda r: -len(r["cue"]))
    return tuple((re.compile(r"(?<!\w)" + re.escape(r["cue"]) + r"(?!\w)", re.I), r["role"], int(r["priority"]))
                 for r in rows)


@lru_cache(maxsize=1)
def _exclusions() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for r in lexicon.load("official_exclusions"):
        out.setdefault(r["kind"], []).append(r["cue"])
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in words)


@lru_cache(maxsize=1)
def _delegator_re() -> re.Pattern:
    # the cue, then "của" and the delegator's title, with no separator before the name
    return re.compile(r"(?<!\w)(?:" + _alt(_exclusions()["delegator"]) + r")(?!\w)(?:[^,.;:()\n–-]|\.(?=\S)){0,80}$", re.I)


@lru_cache(maxsize=1)
def _links_re() -> re.Pattern:
    return re.compile(r"^[ \t]*(?:" + _alt(_exclusions()["links"]) + r")\s*:?[ \t]*$", re.I | re.M)


@lru_cache(maxsize=1)
def _other_event_re() -> re.Pattern:
    return re.compile(r"^[ \t]*(?:" + _alt(_exclusions()["other_event"]) + r")(?!\w)", re.M)




@lru_cache(maxsize=4)
def _breaks(text: str) -> list[int]:
    """Positions of the line breaks of ``text``, read once."""
    return [m.start() for m in re.finditer("\n", text)]


def _line(text: str, pos: int) -> tuple[int, int]:
    """The line around ``pos`` (by bisection over the line breaks: a text without any stays linear)."""
    breaks = _breaks(text)
    k = bisect_left(breaks, pos)
    return (breaks[k - 1] + 1 if k > 0 else 0), (breaks[k] if k < len(breaks) else len(text))


_CAPTION_CORE = re.compile(r"Ảnh\s*:", re.I)


@lru_cache(maxsize=4)
def _captions(text: str) -> list[tuple[int, int]]:
    """(start, end) of each "Ảnh:" of ``text``, read once."""
    return [m.span() for m in _CAPTION_CORE.finditer(text)]


def _has_caption(text: str, a: int, b: int) -> bool:
    """A photo caption ("Ảnh:") written within [a, b), found by bisection."""
    caps = _captions(text)
    k = bisect_left(caps, (a, -1))
    return k < len(caps) and caps[k][1] <= b


@lru_cache(maxsize=4)
def _links_start(text: str) -> int:
    """Where the first link-list heading stands ("Tin liên quan"), or -1; read once per text."""
    links = _links_re().search(text)
    return links.start() if links else -1


def taking_part(text: str, start: int) -> bool:
    """The mention at ``start`` can be of a person present: not a delegating authority, not in a
    paragraph about another event, not in a photo caption, not under a link-list heading."""
    links = _links_start(text)
    if links >= 0 and start >= links:
        return False
    if _delegator_re().search(text, max(0, start - 120), start):
        return False
    a, b = _line(text, start)
    return not _other_event_re().match(text, a) and not _has_caption(text, a, b)


@lru_cache(maxsize=1)
def _area_words() -> frozenset[str]:
    return frozenset(lexicon.words("area_words"))


@lru_cache(maxsize=1)
def _level_words() -> frozenset[str]:
    """Words of the administrative levels (``localities.txt``): "thành phố" -> thành, phố."""
    return frozenset(w.lower() for loc in lexicon.words("localities") for w in loc.split())


def _place_before(doc, start: int, i: int, words: frozenset[str]) -> bool:
    """Tokens start..i-1 end with a lower-case word of ``words`` and a run of capitalised
    syllables ("... khu vực Nghi Sơn", "... thành phố Bảo Lộc")."""
    k = i
    while k > start and nlp.is_name_syllable(doc[k - 1]):
        k -= 1
    if k == i or k == start:
        return False
    two = f"{doc[k - 2].text} {doc[k - 1].text}" if k - 2 >= start else ""
    return doc[k - 1].text in words or two in words


def _joined_area(doc, i: int) -> int:
    """End of the second place name after a dash at token i ("Nghi Sơn - Như Thanh"), or i."""
    j = nlp.name_run(doc, i + 1) if i + 1 < len(doc) else i + 1
    if not 1 <= j - (i + 1) <= 3 or (i + 1) in doc.user_data.get("title_starts", ()):
        return i
    return j


def _body_tokens(doc, start: int, limit: int = 12, through_titles: bool = False) -> int:
    """End of the words after a title that name its body, up to a separator or a verb; a
    lower-case word after a place name ends it ("Công an thành phố Bảo Lộc quán triệt"); a dash
    between two places of one area does not ("Chi cục Thuế khu vực Nghi Sơn - Như Thanh")."""
    stops = nlp.unit_stops()
    i = start
    while i < len(doc) and i - start < limit:
        tok = doc[i]
        if tok.text in nlp.DASHES and _place_before(doc, start, i, _area_words()):
            j = _joined_area(doc, i)
            if j > i:
                i = j
                continue
        if tok.text in _BODY_END or tok.is_space or "\n" in tok.text:
            break
        low = tok.text.lower()
        nxt = doc[i + 1].text.lower() if i + 1 < len(doc) else ""
        if not nlp.is_cap(tok) and (low in stops or f"{low} {nxt}" in stops) and low not in ("tỉnh", "thành"):
            break
        if tok.is_alpha and tok.text.islower() and low not in _level_words() \
                and _place_before(doc, start, i, _level_words() | {"thành phố"}):
            break
        if nlp.is_name_syllable(tok) and i in _person_starts(doc):
            break
        if i > start and not through_titles and i in doc.user_data.get("title_starts", ()):
            break
        i += 1
    return i


def _person_starts(doc) -> frozenset[int]:
    """Start tokens of the PER spans, built once per doc."""
    starts = doc.user_data.get("person_starts")
    if starts is None:
        starts = doc.user_data["person_starts"] = frozenset(p.start for p in nlp.spans(doc, "PER"))
    return starts


def _expand(words: str) -> str:
    table = nlp.title_words()
    return " ".join(table.get(w, w) for w in words.split())


@lru_cache(maxsize=1)
def _title_units() -> tuple[tuple[str, str], ...]:
    rows = lexicon.load("title_units")
    return tuple(sorted(((r["title"].lower(), r["head"]) for r in rows), key=lambda x: -len(x[0])))


@lru_cache(maxsize=1)
def _body_names_re() -> re.Pattern:
    """Body names read whole after a title (``body_names.txt``, with or without their dash, and
    the dashed names of ``department_names.txt``), folded."""
    from .members import _fold, _name_pattern

    dashed = r"\s*[-–—]\s*"
    names = set(lexicon.words("body_names")) | {n for n in lexicon.words("department_names")
                                                  if "-" in n or " và " in n or "," in n}
    pats = []
    for n in sorted(names, key=len, reverse=True):
        p = _name_pattern(_fold(n))
        if n in lexicon.words("body_names"):
            p = p.replace(dashed, r"(?:" + dashed + r"|\s+)")
        pats.append(p)
    return re.compile(r"(?:" + "|".join(pats) + r")(?!\w)")


def _body_end(doc, start: int, through_titles: bool = False) -> int:
    """:func:`_body_tokens`, read on over a body's name that holds a dash or a lower-case verb
    ("Ban Thi đua - Khen thưởng Trung ương", "Ban Thi đua khen thưởng tỉnh")."""
    from .members import _fold

    end = _body_tokens(doc, start, through_titles=through_titles)
    if start >= len(doc) or end >= len(doc) or end == start:
        return end
    text = nlp.text_of(doc)
    for i in range(start, end):
        m = _body_names_re().match(_fold(text[doc[i].idx:doc[i].idx + 80]))
        if m and doc[i].idx + m.end() > doc[end - 1].idx + len(doc[end - 1].text):
            span = doc.char_span(doc[i].idx, doc[i].idx + m.end(), alignment_mode="expand")
            if span is not None:
                return max(span.end, _body_tokens(doc, span.end, through_titles=through_titles))
    return end


def _with_head(full: str, body: str | None) -> str | None:
    """The unit a title names the head of, before a body that does not repeat it ("Trưởng Ban
    Dân tộc tỉnh" -> Ban Dân tộc tỉnh); a title ending with a unit head gives it to the place
    after it ("Bí thư Huyện ủy Nghi Lộc" -> Huyện ủy Nghi Lộc); with no body after it, a title
    ending with a head of ``title_units.tsv`` "*" rows holds its organization ("Phó Bí thư Tỉnh
    ủy, Chủ tịch UBND tỉnh" -> Tỉnh ủy)."""
    if not body:
        low = full.lower()
        for head in sorted({h for t, h in _title_units() if t == "*"}, key=len, reverse=True):
            if low.endswith(" " + head.lower()) and full[len(full) - len(head)].isupper():
                return full[len(full) - len(head):]
        return body
    if not body[:1].isupper():
        return body
    low = full.lower()
    tails = nlp.unit_head_words() | {h for t, h in _title_units() if t == "*"}
    for head in sorted(tails, key=len, reverse=True):
        if low.endswith(" " + head.lower()) and full[len(full) - len(head)].isupper():  # "Bí thư Huyện ủy"
            return f"{full[len(full) - len(head):]} {body}"
    for title, head in _title_units():
        if low == title or low.startswith(title + " "):
            if not body.lower().startswith(head.lower()):
                return f"{head} {body}"
            break
    return body


@lru_cache(maxsize=1)
def _part_titles() -> frozenset[str]:
    """Titles heading a part of a larger body (``title_units.tsv`` part=1: "Trưởng phòng")."""
    return frozenset(r["title"].lower() for r in lexicon.load("title_units") if r["part"] == "1")


def _part_then_body(doc, end: int) -> int:
    """After a part's name ending at token ``end``: the token after "," where the larger body
    starts ("Trưởng phòng Nghiệp vụ thi đua, Ban Thi đua - Khen thưởng"), a few lower-case words
    of the part's name allowed before the comma; else -1."""
    from .members import _starts_with_head

    j = end
    while j < len(doc) and j - end < 3 and doc[j].is_alpha and doc[j].text.islower():
        j += 1
    if j + 1 >= len(doc) or doc[j].text != "," or not doc[j].whitespace_:
        return -1
    nxt = doc[j + 1]
    return j + 1 if nlp.is_cap(nxt) and _starts_with_head(nlp.text_of(doc)[nxt.idx:nxt.idx + 60]) else -1


def title_of(doc, title_span) -> tuple[str, str | None]:
    """(full title, organization) for a title span."""
    full, extend = nlp.title_table()[title_span.text.lower()]
    end = _body_end(doc, title_span.end, through_titles=extend)
    body = doc[title_span.end:end].text.strip() or None
    if extend and body:
        return f"{full} {_expand(body)}", body
    if body and full.lower() in _part_titles():
        at = _part_then_body(doc, end)
        if at > 0:
            whole = doc[end:at - 1]
            part = doc[title_span.end:whole.end].text.strip()
            return f"{full} {part}", doc[at:_body_end(doc, at)].text.strip() or None
    return full, _with_head(full, body)


def _dash_named(doc, titles) -> dict[int, tuple]:
    """Persons written after their title and its body across a dash ("Giám đốc Sở Tài nguyên
    và Môi trường Long An - Võ Minh Thành"): name start -> (title span, name span)."""
    from spacy.tokens import Span as DocSpan

    out = {}
    sur = nlp.surnames()
    for t in titles:
        if not nlp.is_cap(doc[t.start]):
            continue
        end = _body_tokens(doc, t.end, limit=14)
        if end >= len(doc) - 1 or doc[end].text not in nlp.DASHES or not doc[end - 1].whitespace_:
            continue
        s = end + 1
        if doc[s].text not in sur or not doc[end].whitespace_:
            continue
        j = nlp.name_run(doc, s)
        if 2 <= j - s <= 4 and doc[s:j].text not in nlp.not_persons():
            out[s] = (t, DocSpan(doc, s, j, label="PER"))
    return out


def _find_title(doc, per, titles_by_start, titles_by_end, honorific_ends, dash_named=None):
    # Right before the name (after an honorific, or alone).
    t = titles_by_end.get(per.start)
    if t is not None:
        return t
    # Before the name across a dash, after the title's body.
    if dash_named and per.start in dash_named:
        return dash_named[per.start][0]
    # Right after the name, across a dash or comma.
    j = per.end
    while j < len(doc) and (doc[j].text in _SEP or doc[j].is_space and "\n" not in doc[j].text):
        j += 1
    if j in titles_by_start:
        return titles_by_start[j]
    if j - per.end == 0 and j in titles_by_start:
        return titles_by_start[j]
    # A title and its body a few words before the name ("Bộ trưởng Y tế Đào Hồng Lan").
    for back in range(1, 11):
        k = per.start - back
        if k < 0 or doc[k].text in (".", ";", "\n") or "\n" in doc[k].text:
            break
        if k in titles_by_start:
            t = titles_by_start[k]
            if t.end <= per.start and all(doc[x].text not in _BODY_END - {"-"} for x in range(t.end, per.start)):
                return t
    return None


def _role(doc, per, persons) -> str:
    return _role_prio(doc, per, persons)[0]


def _role_prio(doc, per, persons) -> tuple[str, int]:
    """The strongest role cue between the persons named before and after ``per`` in its
    sentence, else in the sentence up to the end of the person's ";" clause (in "Tham dự có:
    ông A, Bí thư ...; ông B, Chủ tịch ... chủ trì" the cue after B's clause is B's alone)."""
    sent_start, sent_end = _token_sentence(doc, per.start, per.end)
    persons = persons if isinstance(persons, _Persons) else _Persons(sorted(persons, key=lambda p: p.start))
    prev_end = persons.last_end_before(sent_start, per.start)
    next_start = persons.first_start_after(per.end, sent_end)
    clause_end = _clause_end(doc, per.end, sent_end)
    for lo, hi in ((prev_end, next_start), (sent_start, clause_end)):
        best = _best_cue(doc, lo, hi)
        if best:
            return best
    return "other", 0


def _best_cue(doc, lo: int, hi: int):
    """(role, priority) of the strongest role cue in tokens [lo, hi), or None; read once per
    stretch (the persons of one sentence share it)."""
    memo = doc.user_data.setdefault("role_cues", {})
    if (lo, hi) not in memo:
        text = doc[lo:hi].text if hi > lo else ""
        best = None
        for pat, role, prio in role_cues():
            if pat.search(text) and (best is None or prio > best[1]):
                best = (role, prio)
        memo[lo, hi] = best
    return memo[lo, hi]


def _sentence_marks(doc) -> list[int]:
    """Tokens that end a sentence for :func:`_role_prio` (".", a line break), built once per doc."""
    marks = doc.user_data.get("sentence_marks")
    if marks is None:
        # the stop closing an abbreviated honorific ("ThS. Trần Thị Lan") ends no sentence
        after_honorific = {h.end for h in nlp.spans(doc, "HONORIFIC")}
        marks = doc.user_data["sentence_marks"] = [
            k for k, tok in enumerate(doc)
            if tok.text == "." and k not in after_honorific or "\n" in tok.text]
    return marks


def _clause_end(doc, pos: int, sent_end: int) -> int:
    """The first ";" token at or after ``pos`` before ``sent_end``, else ``sent_end``."""
    marks = doc.user_data.get("semicolon_marks")
    if marks is None:
        marks = doc.user_data["semicolon_marks"] = [k for k, tok in enumerate(doc) if tok.text == ";"]
    k = bisect_left(marks, pos)
    return marks[k] if k < len(marks) and marks[k] < sent_end else sent_end


def _token_sentence(doc, start: int, end: int) -> tuple[int, int]:
    """[first, last) tokens of the sentence around tokens [start, end): after the last mark
    before ``start``, up to the first mark at or after ``end``."""
    marks = _sentence_marks(doc)
    k = bisect_right(marks, start - 1)
    first = marks[k - 1] + 1 if k > 0 else 0
    k = bisect_left(marks, end)
    return first, (marks[k] if k < len(marks) else len(doc))


class _Persons(list):
    """Person spans sorted by start token, with their starts for bisection."""

    def __init__(self, persons):
        super().__init__(persons)
        self.starts = [p.start for p in self]
        self.longest = max((p.end - p.start for p in self), default=0)

    def last_end_before(self, lo: int, pos: int) -> int:
        """The last end of a person within tokens [lo, pos), or lo."""
        best = lo
        k = bisect_right(self.starts, pos) - 1
        while k >= 0 and self[k].start >= lo and self[k].start + self.longest > best:
            if self[k].end <= pos:
                best = max(best, self[k].end)
            k -= 1
        return best

    def first_start_after(self, pos: int, hi: int) -> int:
        """The first start of a person within tokens [pos, hi), or hi."""
        k = bisect_left(self.starts, pos)
        while k < len(self) and self[k].start <= hi:
            if self[k].end <= hi:
                return min(hi, self[k].start)
            k += 1
        return hi


_RECIPIENT_LIST = re.compile(r"[^.;:\n]{0,80}?(?:gồm|bao gồm|là)?\s*:\s*")
_LIST_END = re.compile(r"[.\n](?=\s|$)")


def recipient_lists(doc, text: str) -> list[tuple[int, int]]:
    """Character ranges of lists of an award's recipients ("được phong tặng danh hiệu Thầy thuốc
    Nhân dân, gồm: bác sĩ A – ...; bác sĩ B – ..."): a person named there is an honouree."""
    out = []
    for a in nlp.spans(doc, "AWARD"):
        m = _RECIPIENT_LIST.match(text, a.end_char)
        if m:
            e = _LIST_END.search(text, m.end())
            out.append((m.end(), e.start() if e else len(text)))
    return out


def _inside(lists: list[tuple[int, int]]):
    """A test: does a position lie in one of the ranges [a, b) (which may overlap)?"""
    ranges = sorted(lists)
    starts, reach, best = [a for a, _ in ranges], [], -1
    for _, b in ranges:
        best = max(best, b)
        reach.append(best)

    def test(pos: int) -> bool:
        k = bisect_right(starts, pos)
        return k > 0 and reach[k - 1] > pos
    return test


def _award_recipients(ctx: Context) -> set[tuple[int, str]]:
    """(start, name) of the persons named as an award's recipient, where they are named."""
    from .awards import find_awards

    text = ctx.text
    out = set()
    for w in find_awards(ctx):
        if w.recipient and w.count is None:
            s = w.evidence
            at = text.find(w.recipient, s.start, s.end)
            if at >= 0:
                out.add((at, w.recipient))
    return out


def find_officials(ctx: Context) -> list[Official]:
    doc = ctx.doc
    if doc is None:
        return []
    authors = {a.lower() for a in (ctx.article.authors or ())}
    titles = list(nlp.spans(doc, "TITLE"))
    dash_named = _dash_named(doc, titles)
    persons = list(nlp.spans(doc, "PER"))
    taken = {k for p in persons for k in range(p.start, p.end)}
    persons = sorted(persons + [p for _, p in dash_named.values() if p.start not in taken], key=lambda p: p.start)
    by_start = {t.start: t for t in titles}
    by_end = {t.end: t for t in titles}
    hon_ends = {h.end for h in nlp.spans(doc, "HONORIFIC")}
    # A person named in an award's recipient list is an honouree: an official only when also
    # named elsewhere (that mention gives title and role).
    honoured = _inside(recipient_lists(doc, ctx.text))
    # A person an award names as its recipient ("trao danh hiệu ... cho ông A", "ông A được trao
    # Huy chương ...") is an honouree at that mention.
    receiving = _award_recipients(ctx)
    persons = [p for p in persons if not honoured(p.start_char) and (p.start_char, p.text) not in receiving]
    persons = _Persons(persons)
    keys = [p.text.lower() for p in persons]
    part = [taking_part(ctx.text, p.start_char) for p in persons]
    present = {k for k, t in zip(keys, part) if t}
    # A name in a caption is present when the caption's event is the meeting's: when it is not
    # also named in a paragraph about another event or as a delegating authority.
    elsewhere = {k for k, t, p in zip(keys, part, persons)
                 if not t and not _has_caption(ctx.text, *_line(ctx.text, p.start_char))}
    # The mentions that count of each name, in text order.
    counted: dict[str, list[int]] = {}
    for n, (k, t) in enumerate(zip(keys, part)):
        if t:
            counted.setdefault(k, []).append(n)
    out, seen = [], set()
    for n, per in enumerate(persons):
        name = per.text
        key = keys[n]
        if key in seen or key in authors or key not in present and key in elsewhere:
            continue
        if not part[n] and key in present:
            continue  # the first mention that counts gives title and role
        seen.add(key)
        t = _find_title(doc, per, by_start, by_end, hon_ends, dash_named)
        title, org = title_of(doc, t) if t is not None else (None, None)
        # The role is the strongest of the person's mentions at the meeting ("... dự, chỉ đạo hội
        # nghị" after a first mention with no cue; "Phát biểu tại hội nghị, đồng chí X nhấn mạnh").
        mentions = [per] + [persons[k] for k in counted.get(key, ()) if persons[k].start > per.start]
        # A mention only handing out awards ("trao", "tặng": other) does not outweigh taking part.
        role = max((_role_prio(doc, p, persons) for p in mentions), key=lambda r: (r[0] != "other", r[1]))[0]
        out.append(Official(name=name, title=title, organization=org, role=role,
                            evidence=Span(start=per.start_char, end=per.end_char)))
    return out
