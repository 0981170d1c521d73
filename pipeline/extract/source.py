"""Source facts: headline, publication date and byline authors.

Metadata from the container (HTML/JSONL) wins when present. Otherwise they are read from the
cleaned text itself: the headline is the first headline-like line of the page head (after
site names, menus and widgets), the publication date a short date line near the headline
("24/07/2017", "Thứ hai - 21/10/2024 05:01", "Ngày đăng: 11/01/2011", a leading
"date 2025-10-27" marker), and the byline a short line of person names at the end or right
under the headline ("Mã Thị Hiền-Chi cục ...", "Thanh Sơn – Văn Toản", "Theo: Như Thùy").
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from .. import lexicon
from ..record import Source
from .context import Context

HEAD_LINES = 12      # how many lines from the top may hold the headline and its date
TAIL_LINES = 8       # how many lines from the end may hold the byline
MAX_TITLE_WORDS = 45
MIN_TITLE_WORDS = 4
SITE_NAME_WORDS = 8  # a short line above the date may be the site's name
MAX_BARE_INITIALS = 3
MENU_ITEMS = 3        # distinct menu entries that make a line a navigation bar


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    text: str


def text_lines(text: str) -> list[Line]:
    """Non-empty lines of the text with their offsets."""
    out, pos = [], 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            out.append(Line(pos + lead, pos + lead + len(stripped), stripped))
        pos += len(raw) + 1
    return out


# --- dates printed with the article -----------------------------------------------------

_MARKER = re.compile(r"^\s*date\s+(\d{4})-(\d{2})(?:-(\d{2}))?\b\s*")
_DMY = re.compile(r"(?<!\d)(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*((?:19|20)\d{2})(?!\d)")
_YMD = re.compile(r"(?<!\d)((?:19|20)\d{2})-(\d{2})-(\d{2})(?!\d)")
# Words a date line may carry besides the date itself.
_DATE_LINE_NOISE = re.compile(
    r"(?i)\b(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|\d)|chủ\s+nhật|ngày\s+đăng|cập\s+nhật(?:\s+lúc)?|"
    r"đăng\s+ngày|ngày|lúc|gmt\s*\+\s*7|am|pm|sa|ch)\b|\d{1,2}:\d{2}(?::\d{2})?|[\[\](),|:\-–—/]")
# A dateline opening the body: "(BVBNĐ-29/12/2017) Sáng nay, ..."
_DATELINE = re.compile(r"^\([^()]{1,20}?[-–]\s*(\d{1,2})/(\d{1,2})/((?:19|20)\d{2})\)")


def _date(y, m, d) -> Optional[dt.date]:
    try:
        return dt.date(int(y), int(m), int(d))
    except (TypeError, ValueError):
        return None


def marker_date(text: str) -> tuple[Optional[dt.date], int]:
    """A leading "date YYYY-MM-DD" marker: its date (None when it has no day) and its length."""
    m = _MARKER.match(text)
    if not m:
        return None, 0
    return (_date(m.group(1), m.group(2), m.group(3)) if m.group(3) else None), m.end()


def date_line(line: str) -> Optional[dt.date]:
    """The date of a line that holds only a date (with weekday, time, label or one name)."""
    m = _DMY.search(line) or None
    y = _YMD.search(line)
    if m:
        found = _date(m.group(3), m.group(2), m.group(1))
        rest = line[:m.start()] + " " + line[m.end():]
    elif y:
        found = _date(y.group(1), y.group(2), y.group(3))
        rest = line[:y.start()] + " " + line[y.end():]
    else:
        return None
    rest = _DATE_LINE_NOISE.sub(" ", rest)
    words = [w for w in rest.split() if not w.isdigit()]
    # "Phan Tân| 18/12/2020 08:54": a byline name may share the line.
    return found if len(words) <= 3 else None


# --- headline ---------------------------------------------------------------------------

@lru_cache(maxsize=None)
def _boilerplate() -> tuple[str, ...]:
    return lexicon.words("page_boilerplate")


_LEAD = re.compile(
    r"(?i)^(?:\(|[-–•]\s|(?:sáng|chiều|tối|trưa|ngày|hôm|vừa qua|mới đây|nhằm|theo|tại|trong|"
    r"năm\s+\d{4}\s*,|thực hiện|hướng tới|sau|với|được|hiện nay|thiết thực)\b)")


@lru_cache(maxsize=None)
def _menu_words() -> tuple[re.Pattern, ...]:
    return tuple(re.compile(rf"(?<!\w){re.escape(w)}(?!\w)") for w in lexicon.words("menu_words"))


def _is_menu(line: str) -> bool:
    """A site's navigation bar flattened into one line: it names MENU_ITEMS or more
    distinct menu entries ("Giới thiệu Tin tức Khám chữa bệnh ... Liên hệ")."""
    low = line.lower()
    return sum(1 for w in _menu_words() if w.search(low)) >= MENU_ITEMS


def _is_boilerplate(line: str) -> bool:
    low = line.lower().strip(" .:|")
    return _is_menu(low) or any(
        low == b or low.startswith(b + " ") or low.startswith(b + ":") for b in _boilerplate())


def _headline_like(line: str) -> bool:
    words = line.split()
    if not MIN_TITLE_WORDS <= len(words) <= MAX_TITLE_WORDS:
        return False
    if _is_boilerplate(line) or _LEAD.match(line) or date_line(line):
        return False
    if line.endswith("!") or line.endswith("|"):
        return False
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 0.6 * len(line.replace(" ", ""))


def _is_body(line: str) -> bool:
    return len(line.split()) > MAX_TITLE_WORDS or bool(_LEAD.match(line) and len(line.split()) > 12)


def head_lines(text: str) -> list[Line]:
    """The page head: lines before the first body paragraph (at most HEAD_LINES)."""
    out = []
    for ln in text_lines(text)[:HEAD_LINES]:
        if _is_body(ln.text):
            break
        out.append(ln)
    return out


def find_title(text: str) -> Optional[str]:
    lines = head_lines(text)
    _, cut = marker_date(text)
    if cut and lines and lines[0].start < cut:
        first = lines[0]
        rest = text[cut:first.end].strip()
        lines[0] = Line(cut, first.end, rest)
        if not rest:
            lines = lines[1:]
    # Breadcrumbs and "In bài | Gửi email | Chia sẻ" bars between headline and date are skipped.
    lines = [ln for ln in lines if date_line(ln.text) or not _is_boilerplate(ln.text)]
    cands = [i for i, ln in enumerate(lines) if _headline_like(ln.text)]
    if not cands:
        return None
    # A headline is usually followed (or preceded) by its date line.
    for i in cands:
        if i + 1 < len(lines) and date_line(lines[i + 1].text):
            # "site name / date / headline": the longer of the two lines around the date.
            if i + 2 in cands and _site_name_above(lines[i].text, lines[i + 2].text,
                                                   bool(text[lines[i].end:lines[i + 1].start].strip())):
                i += 2
            return _tidy_title(lines[i].text)
    for i in cands:
        if i > 0 and date_line(lines[i - 1].text):
            return _tidy_title(lines[i].text)
    return _tidy_title(lines[cands[-1]].text if _site_like(lines, cands) else lines[cands[0]].text)


def _site_name_above(above: str, below: str, apart: bool) -> bool:
    """ "site name / date / headline": the line above the date is the site's name when it is
    short and the headline below is longer, or when it is an agency's banner in capitals
    ("NGÂN HÀNG NHÀ NƯỚC VIỆT NAM - CHI NHÁNH ...") and the line below a cased headline, the
    banner being kept ``apart`` from the date by navigation lines (a headline in capitals sits
    right above its date) or naming no event where the line below does."""
    if _DMY.search(above):
        return False  # "Tin vắn ngày 22/12/2023": a dated line is a headline, not a site's name
    if len(above.split()) <= SITE_NAME_WORDS and len(below) > len(above):
        return True
    if not above.isupper() or below.isupper() or below.rstrip().endswith("."):
        return False
    # a banner names an agency, a headline an event ("... tổng kết công tác thi đua ...")
    return apart or (not _names_event(above) and _names_event(below))


@lru_cache(maxsize=None)
def _event_cues() -> tuple[re.Pattern, ...]:
    """The headline cues of the meeting kinds (``lexicon/meeting_kinds.tsv``, scope=head)."""
    return tuple(re.compile(r["pattern"], re.I) for r in lexicon.load("meeting_kinds") if r["scope"] == "head")


def _names_event(line: str) -> bool:
    return any(c.search(line) for c in _event_cues())


def _site_like(lines: list[Line], cands: list[int]) -> bool:
    """The first candidate is a site name when another candidate follows it in the head."""
    return len(cands) > 1 and len(lines[cands[0]].text.split()) <= SITE_NAME_WORDS


def _tidy_title(line: str) -> str:
    return line.strip().rstrip(" .|").strip()


def find_published(text: str) -> Optional[dt.date]:
    d, cut = marker_date(text)
    if cut:
        return d
    lines = text_lines(text)[:HEAD_LINES]
    dated = [(i, date_line(ln.text)) for i, ln in enumerate(lines)]
    dated = [(i, d) for i, d in dated if d]
    head = head_lines(text)
    if dated:
        # Prefer the date line right after the headline over a site-wide date above it.
        title = find_title(text)
        ti = next((i for i, ln in enumerate(lines) if title and _tidy_title(ln.text) == title), None)
        if ti is not None:
            after = [d for i, d in dated if i > ti]
            if after:
                return after[0]
        return dated[-1][1] if len(dated) > 1 and head else dated[0][1]
    for ln in lines[:3]:
        m = _DATELINE.match(ln.text)
        if m:
            return _date(m.group(3), m.group(2), m.group(1))
    return None


# --- byline -----------------------------------------------------------------------------

@lru_cache(maxsize=None)
def _byline_words() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for row in lexicon.load("byline"):
        out.setdefault(row["kind"], []).append(row["value"])
    # longest first so that "Tin, ảnh:" wins over "Tin:"
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


_UPPER = "A-ZÀ-ỸĐ"
_NAME_WORD = re.compile(rf"^[{_UPPER}][^\W\d_]*$|^[{_UPPER}]\.(?:[{_UPPER}][^\W\d_]*\.?)*$")
_INITIALS = re.compile(rf"^(?:[{_UPPER}]\.\s?){{0,2}}[{_UPPER}][{_UPPER}a-zà-ỹđ]*\.?$|^[{_UPPER}]{{2,3}}$")
_SEP = re.compile(r"\s*(?:[–—-]|,|\bvà\b|&|;)\s*")


def _is_upper_initial(word: str) -> bool:
    return bool(word) and word[0].isupper()


def person_name(part: str) -> Optional[str]:
    """A byline part as a person's name (or a writer's initials), else None."""
    words = _byline_words()
    written = part.strip(" |:()")
    part = part.strip(" .|:()")
    for h in words.get("honorific", ()):
        if part.startswith(h + " ") or part.startswith(h + "."):
            part = part[len(h):].strip(" .")
    if not part or part in words.get("generic", ()):
        return None
    toks = part.split()
    if len(toks) == 1:
        # Initials bylines: "V.G", "M.Q.", "P.TRUNG", "PM", "N.P"
        # Without a dot only a short all-caps signature ("PM", "NP") is a writer's initials;
        # a longer one ("CSMT", "TTXVN") is the acronym of a unit or an outlet.
        # kept as signed, a closing dot included ("M.Q.")
        return (written if written.startswith(part) else part) if _INITIALS.match(part) and (
            "." in part or (part.isupper() and len(part) <= MAX_BARE_INITIALS)) else None
    if not 2 <= len(toks) <= 5:
        return None
    if any(part.startswith(u + " ") or part == u for u in words.get("unit", ())):
        return None
    if not all(_NAME_WORD.match(t) for t in toks):
        return None
    if _is_title(part):
        return None  # "HIỆU TRƯỞNG" signing a document is an office, not a person
    return part


@lru_cache(maxsize=None)
def _titles() -> frozenset[str]:
    """Titles of office (``lexicon/titles.tsv``), lower-case, with a leading "Phó"/"Q." dropped."""
    return frozenset(r["form"].lower() for r in lexicon.load("titles"))


def _is_title(part: str) -> bool:
    low = part.lower()
    return low in _titles() or any(low.startswith(p) and low[len(p):] in _titles() for p in ("kt. ", "tm. ", "q. "))


def split_byline(line: str) -> list[str]:
    """Person names of one byline line; [] when the line is not a byline."""
    words = _byline_words()
    line = line.strip()
    for p in words.get("prefix", ()):
        if line.startswith(p) and (p.endswith(":") or line[len(p):len(p) + 1] in (" ", ":")):
            line = line[len(p):].strip(" :")
            break
    line = re.split(r"\|", line)[0].strip()
    # The writer's unit in brackets after the names: "Minh Đức (TAND tỉnh Quảng Trị)".
    line = _BRACKETED_TAIL.sub("", line).strip()
    # ... or after a dash, commas and all: "Hoàng Linh - Đội Tuyên truyền, hỗ trợ NNT".
    line = _cut_unit_tail(line)
    if not line or len(line.split()) > 12:
        return []
    names = []
    for part in _SEP.split(line):
        if not part.strip():
            continue
        name = person_name(part)
        if name is None:
            # A unit after the names ("Mã Thị Hiền-Chi cục ...") ends the byline.
            if names and _is_unit(part):
                break
            return []
        names.append(name)
    return names


_BRACKETED_TAIL = re.compile(r"\s*\([^()]*\)\s*$")
# An acronym followed by lower-case words is a unit: "TTVH huyện Lục Ngạn", "UBND xã ...".
_ACRONYM_UNIT = re.compile(rf"^[{_UPPER}&]{{2,}}\s+(?:\S+\s+)*?[a-zà-ỹđ]")


# A unit's acronym before a cased place name: "TTYT Thanh Sơn" (initials are 2-3 letters).
_ACRONYM_PLACE = re.compile(rf"^[{_UPPER}]{{{MAX_BARE_INITIALS + 1},}}\s+[{_UPPER}][a-zà-ỹđ]")
_DASH = re.compile(r"\s*[–—-]\s*")


@lru_cache(maxsize=None)
def _unit_heads() -> tuple[str, ...]:
    """Heads of unit names (``lexicon/unit_heads.txt``) but those that open a name too (the
    surname "Đoàn")."""
    surnames = {w.split()[0] for w in lexicon.words("surnames")}
    return tuple(h for h in lexicon.words("unit_heads") if h.split()[0] not in surnames)


def _is_unit(part: str) -> bool:
    part = part.strip()
    if _ACRONYM_UNIT.match(part) or _ACRONYM_PLACE.match(part):
        return True
    if any(part.startswith(u + " ") or part == u for u in _byline_words().get("unit", ())):
        return True
    # "Trường Giang" may be a pen name: a general head needs a longer or non-name tail.
    toks = part.split()
    name_like = len(toks) <= 3 and all(_NAME_WORD.match(t) for t in toks)
    return not name_like and any(part.startswith(u + " ") for u in _unit_heads())


def _cut_unit_tail(line: str) -> str:
    """The names before the first dash whose right side is the writer's unit."""
    for m in _DASH.finditer(line):
        if line[:m.start()].strip() and _is_unit(line[m.end():]):
            return line[:m.start()].strip()
    return line


def find_authors(text: str) -> list[str]:
    lines = text_lines(text)
    title = find_title(text)
    # Right under the headline: "ĐĂNG NGUYÊN |", "Phan Tân| 18/12/2020 08:54", "P.TRUNG".
    if title:
        ti = next((i for i, ln in enumerate(lines[:HEAD_LINES]) if _tidy_title(ln.text) == title), None)
        if ti is not None and ti + 1 < len(lines):
            nxt = lines[ti + 1].text
            if "|" in nxt or len(nxt.split()) <= 3:
                names = split_byline(nxt)
                if names:
                    return names
    # "Bài, ảnh: Hoàng Minh Tâm" above or below the headline: a labelled byline in the head.
    for ln in head_lines(text):
        if _labelled_byline(ln.text):
            names = split_byline(ln.text)
            if names:
                return _dedupe(names)
    tail = [ln for ln in lines[-TAIL_LINES:] if not _is_boilerplate(ln.text)]
    for ln in reversed(tail):
        names = split_byline(ln.text)
        if names:
            return _dedupe(names)
        if len(ln.text.split()) > 25:
            break  # a body paragraph: the byline would have been after it
    return []


def _labelled_byline(line: str) -> bool:
    """A line opened by a byline label that ends in a colon ("Bài, ảnh:", "Bài và ảnh:")."""
    return any(p.endswith(":") and line.startswith(p) for p in _byline_words().get("prefix", ()))


def _dedupe(names: list[str]) -> list[str]:
    return list(dict.fromkeys(names))


def read_source(ctx: Context) -> Source:
    a = ctx.article
    text = a.text
    title = a.title if a.title else find_title(text)
    published = a.published if a.published else find_published(text)
    authors = list(a.authors) if a.authors else find_authors(text)
    return Source(path=a.path, title=title, published=published, authors=authors, url=a.url)
