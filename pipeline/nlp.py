"""The NER stage: a spaCy ``Doc`` over the cleaned article text, with entity spans.

The Doc's text is identical to ``Article.text``, so every span's ``start_char`` /
``end_char`` is an offset the record can carry as evidence.

``annotate`` marks, as span groups on the Doc:

* ``doc.spans["TITLE"]``     titles of office (PhraseMatcher over ``lexicon/titles.tsv``),
                             label = the full title the written form stands for;
* ``doc.spans["HONORIFIC"]`` đồng chí, ông, bà, ranks, academic prefixes (``honorifics.tsv``);
* ``doc.spans["AWARD"]``     award phrases (``awards.tsv``), label = award_type;
* ``doc.spans["ORG"]``       units: a unit head (``unit_heads.txt``, or a brand of
                             ``brands.txt``) and the name after it,
                             up to punctuation or a verb or function word (``unit_stops.txt``);
* ``doc.spans["PER"]``       persons: runs of capitalised syllables next to a person cue (an
                             honorific before, a title before or after), see :func:`person_spans`.

Rules do this without a statistical tagger: underthesea's ``ner`` is weak on this genre
(``scripts/ner_compare.py`` measures both) and costs far more per article.
"""
from __future__ import annotations

import re
import weakref
from bisect import bisect_left, bisect_right
from functools import lru_cache, wraps

import spacy
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from . import lexicon

# Words, keeping "TP.HCM", "Đ/c", "HIV/AIDS", "TN&MT" and names with an apostrophe ("Ia H’Drai",
# "H’Mông") whole; a hyphen always splits ("Soi-Phó" is a name and a title).
_TOKEN = re.compile(r"\w+(?:[./&’']\w+)*|[^\w\s]", re.UNICODE)
DASHES = {"-", "–", "—", "‐", "−"}
CLAUSE_END = {".", ";", "!", "?", "\n", ":", "(", ")", "“", "”", '"', "|"}


@lru_cache(maxsize=1)
def vocab_nlp():
    """A blank multilingual pipeline: its vocab hosts our Docs (no model download)."""
    return spacy.blank("xx")


def make_doc(text: str) -> Doc:
    """Tokenize ``text`` into a Doc whose text is exactly ``text``."""
    nlp = vocab_nlp()
    words, spaces = [], []
    matches = list(_TOKEN.finditer(text))
    if not matches:
        return Doc(nlp.vocab, words=[text] if text else [], spaces=[False] if text else [])
    # Leading whitespace is not representable as a token's trailing space: keep it as a token.
    if matches[0].start() > 0:
        words.append(text[: matches[0].start()])
        spaces.append(False)
    for i, m in enumerate(matches):
        nxt = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        gap = text[m.end():nxt]
        words.append(m.group())
        if gap == " ":
            spaces.append(True)
        else:
            spaces.append(False)
            if gap:
                words.append(gap)
                spaces.append(False)
    doc = Doc(nlp.vocab, words=words, spaces=spaces)
    # The Doc's text is its words and their spaces (cheaper to join here than Doc.text).
    assert "".join(w + " " if sp else w for w, sp in zip(words, spaces)) == text
    doc.user_data["text"] = text  # Doc.text joins every token on each call: keep the string
    return doc


def text_of(doc: Doc) -> str:
    """The Doc's text without rebuilding it from its tokens."""
    return doc.user_data.get("text") or doc.text


def spans(doc: Doc, label: str) -> list[Span]:
    """``doc.spans[label]`` as a list built once (a SpanGroup makes new Span objects on each
    pass; the extractors read the groups for every candidate)."""
    cache = doc.user_data.setdefault("span_lists", {})
    if label not in cache:
        cache[label] = list(doc.spans[label]) if label in doc.spans else []
    return cache[label]


def span_index(doc: Doc, label: str) -> "CharIndex":
    """A :class:`CharIndex` over ``spans(doc, label)``, built once."""
    cache = doc.user_data.setdefault("span_indexes", {})
    if label not in cache:
        cache[label] = CharIndex(spans(doc, label))
    return cache[label]


def once_per_context(step):
    """An extractor ``step(ctx) -> list`` computed once per context: the result is kept on
    ``ctx.doc`` (other extractors read it too: members reads leaders and awards)."""
    key = f"{step.__module__}.{step.__qualname__}"

    @wraps(step)
    def run(ctx):
        doc = ctx.doc
        if doc is None:
            return step(ctx)
        memo = doc.user_data.setdefault("once_per_context", {})
        hit = memo.get(key)
        if hit is not None and hit[0]() is ctx:
            return list(hit[1])
        out = step(ctx)
        memo[key] = (weakref.ref(ctx), out)
        return list(out)
    return run


class CharIndex:
    """Items with character ranges (``start_char`` / ``end_char``), found by position without a
    pass over all of them: bisection over their sorted starts. Queries return items in the
    order of the list given, so that a filter over the candidates they return gives what the
    same filter over the whole list would."""

    def __init__(self, items):
        self.items = list(items)
        order = sorted(range(len(self.items)), key=lambda k: self.items[k].start_char)
        self._order = order
        self._starts = [self.items[k].start_char for k in order]
        self._longest = max((it.end_char - it.start_char for it in self.items), default=0)

    def _pick(self, lo_at: int, hi_at: int) -> list:
        ks = self._order[lo_at:hi_at]
        if any(a > b for a, b in zip(ks, ks[1:])):
            ks = sorted(ks)
        return [self.items[k] for k in ks]

    def starting(self, lo: int, hi: int) -> list:
        """Items whose start is in [lo, hi]."""
        return self._pick(bisect_left(self._starts, lo), bisect_right(self._starts, hi))

    def touching(self, lo: int, hi: int) -> list:
        """A superset of the items that overlap or touch [lo, hi]: those starting in
        [lo - longest item, hi]."""
        return self.starting(lo - self._longest, hi)

    def first_starting_at(self, pos: int):
        """The first item (in list order) that starts at ``pos``, or None."""
        found = self.starting(pos, pos)
        return found[0] if found else None


# --------------------------------------------------------------------------- lexicons

@lru_cache(maxsize=1)
def title_table() -> dict[str, tuple[str, bool]]:
    """Written title form (lower-cased) -> (full title, extends over its body); each form is
    also read with a suffix of ``title_suffixes.txt`` after it ("Phó Trưởng ban Thường trực")."""
    out = {r["form"].lower(): (r["title"], r.get("extend") == "1") for r in lexicon.load("titles")}
    for suffix in lexicon.words("title_suffixes"):
        for form, (title, extend) in list(out.items()):
            if suffix.lower() not in form:
                out.setdefault(f"{form} {suffix.lower()}", (f"{title} {suffix}", extend))
    return out


@lru_cache(maxsize=1)
def title_prefixes() -> frozenset[str]:
    """One-word qualifiers between a name and its title ("nguyên": former)."""
    return frozenset(w.lower() for w in lexicon.words("title_prefixes") if " " not in w)


@lru_cache(maxsize=1)
def title_words() -> dict[str, str]:
    return {r["form"]: r["full"] for r in lexicon.load("title_words")}


@lru_cache(maxsize=1)
def honorific_table() -> dict[str, str]:
    return {r["form"].lower(): r["strength"] for r in lexicon.load("honorifics")}


@lru_cache(maxsize=1)
def award_table() -> dict[str, str]:
    return {r["phrase"].lower(): r["award_type"] for r in lexicon.load("awards")}


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    return frozenset(lexicon.words("surnames"))


@lru_cache(maxsize=1)
def unit_stops() -> frozenset[str]:
    return frozenset(lexicon.words("unit_stops"))


@lru_cache(maxsize=1)
def name_compounds() -> frozenset[str]:
    """Two-word compounds inside unit names whose second word is a stop ("công trình")."""
    return frozenset(w.lower() for w in lexicon.words("name_compounds"))


@lru_cache(maxsize=1)
def name_part_abbrevs() -> frozenset[str]:
    return frozenset(lexicon.words("name_part_abbrevs"))


@lru_cache(maxsize=1)
def place_words() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon.words("place_words"))


@lru_cache(maxsize=1)
def venue_heads() -> frozenset[str]:
    """Words opening a venue's name (``venue_heads.txt``): a name after them is no person."""
    return frozenset(lexicon.words("venue_heads"))


@lru_cache(maxsize=1)
def _place_names() -> frozenset[str]:
    """Place names (``provinces.tsv``), for telling "TP Vinh" (a city) from a title."""
    return frozenset(r["name"] for r in lexicon.load("provinces"))


@lru_cache(maxsize=1)
def _city_title_forms() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon.words("city_title_forms"))


def _is_city_prefix(doc: Doc, t: Span) -> bool:
    """A title form that abbreviates "Thành phố" here: a place name follows ("TP Vinh")."""
    if t.text.lower() not in _city_title_forms():
        return False
    names = _place_names()
    return any(doc[t.end:t.end + k].text in names or f"{t.text} {doc[t.end:t.end + k].text}" in names
               for k in range(1, 5) if t.end + k <= len(doc))


def _after_venue_head(doc: Doc, s: int) -> bool:
    """Token s follows a venue head ("Khách sạn", "Trung tâm Hội nghị")."""
    heads = venue_heads()
    return any(s - k >= 0 and doc[s - k:s].text in heads for k in range(1, 4))


@lru_cache(maxsize=1)
def not_persons() -> frozenset[str]:
    return frozenset(lexicon.words("not_persons"))


@lru_cache(maxsize=1)
def not_units() -> tuple[str, ...]:
    return lexicon.words("not_units")


@lru_cache(maxsize=1)
def _matchers() -> dict[str, PhraseMatcher]:
    nlp = vocab_nlp()
    out = {}
    for name, forms, attr in (
        ("TITLE", title_table(), "LOWER"),
        ("HONORIFIC", honorific_table(), "LOWER"),
        ("AWARD", award_table(), "LOWER"),
        ("HEAD", {h: h for h in unit_head_list()}, "ORTH"),
    ):
        m = PhraseMatcher(nlp.vocab, attr=attr)
        for form in forms:
            m.add(form.lower() if attr == "LOWER" else form, [make_doc(form)])
        out[name] = m
    return out


def _longest(doc: Doc, matcher: PhraseMatcher) -> list[tuple[str, int, int]]:
    """Matches as (key, start, end), longest first where they overlap, in text order."""
    found = [(doc.vocab.strings[k], s, e) for k, s, e in matcher(doc)]
    found.sort(key=lambda m: (m[1], -(m[2] - m[1])))
    kept, last_end = [], -1
    for key, s, e in found:
        if s >= last_end:
            kept.append((key, s, e))
            last_end = e
    return kept


# --------------------------------------------------------------------------- token tests

def is_cap(tok) -> bool:
    t = tok.text
    return bool(t) and t[0].isupper() and t[0].isalpha()


def is_name_syllable(tok) -> bool:
    """A syllable of a person's name: capitalised letters only, not an acronym."""
    t = tok.text
    return (t.isalpha() and t[0].isupper() and (len(t) == 1 or not any(c.isupper() for c in t[1:])))


def same_phrase(doc: Doc, i: int) -> bool:
    """Token i and i+1 are separated by one plain space (no line break)."""
    return doc[i].whitespace_ == " "


# --------------------------------------------------------------------------- units

def unit_end(doc: Doc, start: int, heads: set[int], max_len: int = 14, keep: frozenset = frozenset()) -> int:
    """End (exclusive) of a unit name whose head ends at token ``start``; ``keep``: stop
    words that may stand inside the name here ("các" in "Đảng ủy Khối các cơ quan tỉnh")."""
    stops = unit_stops() - keep
    i, end = start, start
    while i < len(doc) and i - start < max_len:
        tok = doc[i]
        t = tok.text
        if not tok.is_space and i > start and not doc[i - 1].whitespace_ and t.isalnum() and doc[i - 1].text.isalnum():
            break
        if t in DASHES:
            # "Lao động - Thương binh và Xã hội" goes on; "thực phẩm-đơn vị Nhất" does not.
            nxt = doc[i + 1] if i + 1 < len(doc) else None
            if nxt is None or not is_cap(nxt) or nxt.text.lower() in stops or nxt.text in ("Cụm", "Khối") \
                    or nxt.text.isupper() and nxt.text not in name_part_abbrevs() or _starts_title(doc, i + 1):
                break
            if not doc[i - 1].whitespace_ and not tok.whitespace_ and nxt.text.lower() in stops:
                break
            i += 1
            continue
        if (tok.is_space or tok.is_punct or "\n" in t) and t != "&":
            break
        low = t.lower()
        if low in ("và", "&"):
            nxt = doc[i + 1] if i + 1 < len(doc) else None
            if nxt is None or (i + 1) in heads or nxt.text.lower() in stops - {"và"} or not nxt.text.isalpha():
                break
            i += 1
            continue
        nxt_low = doc[i + 1].text.lower() if i + 1 < len(doc) else ""
        if low == "các" and _plural_inside(doc, i, heads):
            i += 1
            continue
        if not is_cap(tok) and (low in stops or f"{low} {nxt_low}" in stops) \
                and not (i > start and f"{doc[i - 1].text.lower()} {low}" in name_compounds()):
            break
        if tok.like_num and low != "số" and i > start and doc[i - 1].text.lower() == "năm":
            break
        if i > start and _starts_title(doc, i) and low not in place_words():
            break
        i += 1
        end = i
    return end


def _plural_inside(doc: Doc, i: int, heads: set[int]) -> bool:
    """"các" at token i belongs to the name: it follows a unit head and a capitalised word that
    is no place level and no new unit follows it ("Công đoàn các Khu công nghiệp tỉnh"; not
    "UBND các xã", "Sở Y tế các tỉnh")."""
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    if nxt is None or not is_cap(nxt) or (i + 1) in heads or nxt.text.lower() in place_words() \
            or not doc[i - 1].whitespace_ or not tok_is_word(nxt):
        return False
    before = doc[max(0, i - 4):i].text
    return any(before == h or before.endswith(" " + h) for h in unit_head_words())


def tok_is_word(tok) -> bool:
    return tok.text.isalpha()


@lru_cache(maxsize=1)
def unit_head_words() -> frozenset[str]:
    return frozenset(unit_head_list())


@lru_cache(maxsize=1)
def unit_head_list() -> tuple[str, ...]:
    """Words that open a unit's name: unit heads (``unit_heads.txt``) and enterprise or bank
    brands (``brands.txt``: "Agribank Lâm Đồng", "Viettel Nghệ An")."""
    return tuple(dict.fromkeys(lexicon.words("unit_heads") + lexicon.words("brands")))


def unit_end_char(doc: Doc, start_char: int, end_char: int, keep: frozenset = frozenset()) -> int:
    """Char end of the unit-like part of ``text[start_char:end_char]``.

    The same rule as :func:`unit_end` (the first word is always kept: a list item may start
    without a head, "Y tế"), for callers that work on character offsets.
    """
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    if span is None or len(span) == 0:
        return end_char
    end = unit_end(doc, span.start + 1, set(), max_len=len(span) + 1, keep=keep)
    if end <= span.start + 1:
        end = span.start + 1
    return min(end_char, doc[end - 1].idx + len(doc[end - 1].text))


def _name_ends(doc: Doc, i: int) -> bool:
    """Token i (or the end of the text) closes a name: punctuation, a line break, a stop word."""
    if i >= len(doc):
        return True
    tok = doc[i]
    return tok.is_punct or tok.is_space or "\n" in doc[i - 1].whitespace_ or tok.text.lower() in unit_stops()


def _starts_title(doc: Doc, i: int) -> bool:
    starts = doc.user_data.get("title_starts")
    return bool(starts) and i in starts


def unit_spans(doc: Doc) -> list[Span]:
    heads = _longest(doc, _matchers()["HEAD"])
    head_starts = {s for _, s, _ in heads}
    spans, last = [], -1
    for key, s, e in heads:
        if s < last or not is_cap(doc[s]) or s in doc.user_data.get("title_starts", ()):
            continue
        if doc.user_data.get("title_inside", {}).get(s) in head_starts:
            continue  # a head inside a title a unit follows: "Phó Trưởng Ban Thường trực Ban Tổ chức"
        rest = doc[s:s + 4].text
        if any(rest.startswith(n) and (len(rest) == len(n) or not rest[len(n)].isalnum()) for n in not_units()):
            continue
        end = unit_end(doc, e, head_starts - {s})
        if end <= e and (e - s < 2 or not _name_ends(doc, e) or s > 0 and is_cap(doc[s - 1])):
            continue  # a one-word head alone is not a unit; "Cục Thuế", "Kho bạc Nhà nước" are
        end = max(end, e)
        spans.append(Span(doc, s, end, label="ORG"))
        last = end
    return spans


# --------------------------------------------------------------------------- persons

def name_run(doc: Doc, i: int) -> int:
    """End of the run of name syllables starting at i (single spaces between them)."""
    j = i
    while j < len(doc) and (is_name_syllable(doc[j]) or j > i and doc[j].text in ("thị", "văn")):
        j += 1
        if j < len(doc) and not same_phrase(doc, j - 1):
            break
    return j


def person_spans(doc: Doc, titles: list[Span], honorifics: list[Span], orgs: list[Span] = ()) -> list[Span]:
    """Persons: 2-5 capitalised syllables, with a cue.

    Accepted when a strong honorific (đồng chí, ông, bà, a rank) stands right before the name
    (a title may sit between: "Đồng chí Khối trưởng Nguyễn Thị Kim Chi"), or when the name
    starts with a family name and a title stands right after it ("Lý Kim Soi-Phó Giám đốc")
    or right before it ("Phó Thủ tướng Lê Thành Long").
    """
    title_at = {t.start: t for t in titles}
    title_end_at = {t.end: t for t in titles}
    hon_end = {h.end: h for h in honorifics}
    hon_tokens = {k for h in honorifics for k in range(h.start, h.end)}
    title_tokens = {k for t in titles for k in range(t.start, t.end)}
    places = place_words()
    org_tokens = {k for o in orgs for k in range(o.start, o.end)}
    not_names = not_persons()
    sur = surnames()
    found, i = [], 0
    while i < len(doc):
        if not is_name_syllable(doc[i]) or i in hon_tokens or i in title_tokens or (
                i > 0 and is_name_syllable(doc[i - 1]) and same_phrase(doc, i - 1) and i - 1 not in hon_tokens
                and i - 1 not in title_tokens):
            i += 1
            continue
        j = name_run(doc, i)
        # A title written right after the name without a separator ends the name.
        for k in range(i + 1, j):
            if k in title_at:
                j = k
                break
        s = i
        # A run that begins with capitalised words that are not a name ("Bom Lê Tuấn Anh"):
        # start at the last family name that leaves at least two syllables.
        if doc[s].text not in sur:
            for k in range(s + 1, j - 1):
                if doc[k].text in sur:
                    s = k
                    break
        n = j - s
        if 2 <= n <= 5 or (n == 1 and doc[s].text in sur and False):
            before = s
            while before > 0 and doc[before - 1].text in (":",):
                before -= 1
            h = hon_end.get(before)
            t_before = title_end_at.get(before)
            if t_before is not None and t_before.start in hon_end:
                h = hon_end[t_before.start]
            after = j
            while after < len(doc) and (doc[after].text in DASHES or doc[after].text == ","):
                after += 1
            while after < len(doc) and doc[after].text.lower() in title_prefixes() and after not in title_at:
                after += 1  # "– nguyên Chi cục trưởng"
            t_after = title_at.get(after)
            strong = h is not None and h.label_ == "strong"
            family = doc[s].text in sur
            ok = strong and (family or n >= 2)
            ok = ok or (family and t_after is not None)
            # Title before the name: a full name (3+ syllables), or 2 right after the title.
            ok = ok or (family and _title_before(doc, s, title_end_at) and (n >= 3 or t_before is not None))
            ok = ok and s not in org_tokens and doc[s:j].text not in not_names and not (s > 0 and doc[s - 1].text.lower() in places)
            ok = ok and not _after_venue_head(doc, s)
            if ok:
                found.append(Span(doc, s, j, label="PER"))
        i = j if j > i else i + 1
    return _named_again(doc, found, honorifics)


def _named_again(doc: Doc, found: list[Span], honorifics: list[Span]) -> list[Span]:
    """A person already found, named again after a weak honorific with no title beside it
    ("BSCKII Đặng Quốc Hưng chủ trì hội nghị"), is a mention of that person."""
    known = {p.text for p in found}
    taken = {k for p in found for k in range(p.start, p.end)}
    extra = []
    for h in honorifics:
        if h.label_ != "weak" or h.end in taken:
            continue
        j = name_run(doc, h.end)
        if doc[h.end:j].text in known and not any(k in taken for k in range(h.end, j)):
            extra.append(Span(doc, h.end, j, label="PER"))
    return sorted(found + extra, key=lambda p: p.start) if extra else found


def _title_before(doc: Doc, s: int, title_end_at: dict) -> bool:
    """A title ends right before s, or a title and its body ("Bộ trưởng Y tế") do."""
    for back in range(0, 9):
        k = s - back
        if k <= 0:
            return False
        if k in title_end_at:
            return True
        tok = doc[k - 1]
        if tok.is_punct or tok.is_space or "\n" in tok.whitespace_:
            return False
    return False


# --------------------------------------------------------------------------- annotate

def annotate(text: str) -> Doc:
    """Build the Doc and mark the entities the rules read (see module doc)."""
    doc = make_doc(text)
    m = _matchers()
    titles = [Span(doc, s, e, label=title_table()[k][0]) for k, s, e in _longest(doc, m["TITLE"])]
    # A lower-case title ("phó Giám đốc") counts only right after a name or a separator.
    titles = [t for t in titles if is_cap(doc[t.start]) or t.start > 0 and (
        doc[t.start - 1].text in DASHES or doc[t.start - 1].text == "," or is_name_syllable(doc[t.start - 1]))]
    titles = [t for t in titles if not _is_city_prefix(doc, t)]
    doc.user_data["title_starts"] = {t.start for t in titles}
    # token -> end of the title it stands inside ("Phó Trưởng Ban Thường trực | Ban Tổ chức")
    doc.user_data["title_inside"] = {i: t.end for t in titles for i in range(t.start + 1, t.end)}
    honorifics = [Span(doc, s, e, label=honorific_table()[k]) for k, s, e in _longest(doc, m["HONORIFIC"])]
    doc.spans["TITLE"] = titles
    doc.spans["HONORIFIC"] = honorifics
    doc.spans["AWARD"] = [Span(doc, s, e, label=award_table()[k]) for k, s, e in _longest(doc, m["AWARD"])]
    doc.spans["ORG"] = unit_spans(doc)
    doc.spans["PER"] = person_spans(doc, titles, honorifics, doc.spans["ORG"])
    return doc
