"""Clean: RawDocument -> Article (or Failure).

The cleaned text is the text every record offset refers to. One function per step:

    decode(bytes) -> str             UTF-8 (BOM or not, a cut last character tolerated), UTF-16/32,
                                     windows-1258 Vietnamese, else a detected code that reads as
                                     Vietnamese; binary files and undecodable bytes are CleanErrors
    read_html(html) -> Page          main text (trafilatura; the body's text when it finds none)
                                     plus the page's title, publication date, authors and url
    normalize(text) -> str           NFC, no control or zero-width characters, single spaces,
                                     paragraphs separated by at most one blank line
    drop_boilerplate(lines) -> lines web boilerplate removed by the rules of lexicon/boilerplate.tsv
    unwrap(lines) -> lines           hard-wrapped sentence pieces joined again
    dedupe(lines) -> lines           a line repeated right below itself kept once
    drop_repeated_page(lines) -> lines  a page saved twice (or more) in one file kept once

Limits keep hostile input cheap: an HTML page over MAX_HTML_CHARS and a cleaned article over
MAX_ARTICLE_CHARS are refused with a CleanError; a page with more than MAX_HTML_TAGS tags is
read from its markup alone (trafilatura's cost grows too fast on such trees). The HTML parser
never loads DTDs, resolves external entities or fetches anything from the network.

Every input that cannot be read becomes a Failure whose message says why; nothing raises.
"""
from __future__ import annotations

import codecs
import datetime as dt
import html
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Optional

from . import lexicon
from .types import Article, Failure, RawDocument, stable_id


class CleanError(ValueError):
    """The input could not be turned into article text; the message says why."""


# --------------------------------------------------------------------------------------------
# decoding
# --------------------------------------------------------------------------------------------

# File signatures of common non-text formats: (magic bytes at offset 0, what it is).
BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or DOCX/XLSX/ODT)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x7fELF", "an executable"),
    (b"MZ", "a Windows executable"),
    (b"RIFF", "a RIFF media file"),
    (b"ID3", "an MP3 file"),
    (b"SQLite format 3\x00", "a SQLite database"),
)

_UNICODE_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),   # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_TEXT_CONTROLS = frozenset(b"\t\n\r\x0b\x0c\x1b")
MAX_NUL_RATIO = 0.001        # a stray NUL or two is dropped; more means binary
MAX_CONTROL_RATIO = 0.02     # share of other C0 control bytes a text file may have
MAX_BAD_UTF8_RATIO = 0.005   # damaged UTF-8: at most this share of characters lost


def decode(data: bytes) -> str:
    """Bytes -> str, or a CleanError saying why the bytes are not readable text."""
    if not data:
        raise CleanError("empty file")
    for bom, encoding in _UNICODE_BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise CleanError(f"cannot decode: the {encoding.upper()} byte-order mark is followed "
                                 f"by invalid bytes at byte {exc.start}") from None
    if not data.strip():
        raise CleanError("file holds only whitespace")
    kind = binary_signature(data)
    if kind:
        raise CleanError(f"binary file, not text ({kind})")
    text = decode_utf16_without_bom(data)
    if text is not None:
        return text
    nuls = data.count(0)
    if nuls > max(2, MAX_NUL_RATIO * len(data)):
        raise CleanError(f"binary file, not text ({nuls} NUL bytes)")
    controls = sum(1 for b in data if b < 0x20 and b not in _TEXT_CONTROLS and b != 0)
    if controls > MAX_CONTROL_RATIO * len(data):
        raise CleanError(f"binary file, not text ({controls / len(data):.0%} control bytes)")
    data = data.replace(b"\x00", b"")
    for attempt in (decode_utf8, decode_damaged_utf8, decode_cp1258, decode_detected):
        text = attempt(data)
        if text is not None:
            return text
    raise CleanError("cannot decode: the bytes are neither UTF-8, UTF-16 nor windows-1258 "
                     "Vietnamese, and no other encoding gives Vietnamese text")


def binary_signature(data: bytes) -> Optional[str]:
    """What a known binary format the bytes start with is, or None."""
    for magic, kind in BINARY_SIGNATURES:
        if data.startswith(magic):
            return kind
    return None


def decode_utf16_without_bom(data: bytes) -> Optional[str]:
    """UTF-16 text without a byte-order mark: NUL high bytes on every other position."""
    half = len(data) // 2
    if half < 4 or len(data) % 2:
        return None
    even, odd = data[0::2].count(0) / half, data[1::2].count(0) / half
    if odd > 0.3 and even < 0.05:
        encoding = "utf-16-le"
    elif even > 0.3 and odd < 0.05:
        encoding = "utf-16-be"
    else:
        return None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    return text if readable_text(text) else None


def decode_utf8(data: bytes) -> Optional[str]:
    """Strict UTF-8; a file cut inside its last character loses only that character."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data" and exc.start >= len(data) - 3:
            return data[:exc.start].decode("utf-8", "strict")
        return None


def decode_damaged_utf8(data: bytes) -> Optional[str]:
    """UTF-8 with a few damaged bytes: kept, each bad byte shown as U+FFFD."""
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd")
    good = sum(1 for c in text if ord(c) > 0x7F) - bad
    if bad <= MAX_BAD_UTF8_RATIO * len(text) and good >= 10 * bad:
        return text
    return None


def decode_cp1258(data: bytes) -> Optional[str]:
    """windows-1258 (tones as combining marks, composed by NFC) when it reads as Vietnamese."""
    try:
        text = unicodedata.normalize("NFC", data.decode("cp1258"))
    except UnicodeDecodeError:
        return None
    return text if looks_vietnamese(text) else None


def decode_detected(data: bytes) -> Optional[str]:
    """The encoding charset_normalizer guesses, kept only when the text reads as Vietnamese."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a declared dependency
        return None
    best = from_bytes(data).best()
    if best is None:
        return None
    text = unicodedata.normalize("NFC", str(best))
    return text if looks_vietnamese(text) else None


_VIETNAMESE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b")


@lru_cache(maxsize=4096)
def is_vietnamese_letter(ch: str) -> bool:
    """a-z, đ, and a-z carrying only Vietnamese vowel and tone marks (any case)."""
    low = ch.lower()
    if low == "đ" or ("a" <= low <= "z"):
        return True
    parts = unicodedata.normalize("NFD", low)
    return "a" <= parts[0] <= "z" and len(parts) > 1 and all(m in _VIETNAMESE_MARKS for m in parts[1:])


def _controls(text: str) -> int:
    return sum(1 for c in text if unicodedata.category(c) == "Cc" and c not in "\t\n\r\x0b\x0c")


def readable_text(text: str) -> bool:
    """Text rather than noise: few control characters, some letters, words separated by spaces."""
    if not text.strip():
        return False
    n = len(text)
    letters = sum(1 for c in text if c.isalpha())
    spaces = sum(1 for c in text if c.isspace())
    return _controls(text) <= 0.01 * n and letters >= 0.3 * n and (n < 40 or spaces >= 0.03 * n)


def looks_vietnamese(text: str) -> bool:
    """Plausible Vietnamese: readable, letters from the Vietnamese alphabet, some of them marked,
    and words free of the symbol clutter that mojibake leaves inside them."""
    if not readable_text(text):
        return False
    letters = [c for c in text if c.isalpha()]
    viet = sum(1 for c in letters if is_vietnamese_letter(c))
    marked = sum(1 for c in letters if not c.isascii() and is_vietnamese_letter(c))
    if viet < 0.97 * len(letters) or marked < 0.03 * len(letters):
        return False
    stray_marks = sum(1 for c in text if unicodedata.combining(c))
    words = text.split()
    cluttered = sum(1 for w in words if _CLUTTER.search(w.strip(_EDGE_PUNCT)))
    return stray_marks <= 0.002 * len(text) and cluttered <= 0.1 * max(1, len(words))


_EDGE_PUNCT = "\"'“”‘’()[]{}<>«».,;:!?…-–—*"
_CLUTTER = re.compile(r"[^\w\s\-–/.,:&'’%+()]")


# --------------------------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Page:
    """An article's text before cleaning, and what its container said about it."""

    text: str
    title: Optional[str] = None
    published: Optional[dt.date] = None
    authors: tuple[str, ...] = ()
    url: Optional[str] = None


_HTML_START = re.compile(r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)[\s>]",
                         re.IGNORECASE | re.DOTALL)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_DECL = re.compile(r"\A\s*<\?xml[^>]*\?>", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    """A text file that is really an HTML page (crawlers save pages as .txt too)."""
    return bool(_HTML_START.match(text[:4000]))


def decode_html(data: bytes) -> str:
    """HTML bytes -> str: the charset the page declares when it decodes cleanly, else decode()."""
    if not data.strip():
        raise CleanError("empty file" if not data else "file holds only whitespace")
    m = _META_CHARSET.search(data[:8192])
    if m and not data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        name = m.group(1).decode("ascii", "ignore")
        try:
            codecs.lookup(name)
            return data.decode(name)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(data)


MAX_HTML_CHARS = 16_000_000     # a news page is well under 2 MB of markup
MAX_HTML_TAGS = 100_000         # over this many tags, the page is read from its markup alone
MAX_ARTICLE_CHARS = 1_000_000   # cleaned text; news articles are a few thousand characters


def read_html(html: str) -> Page:
    """The page's main text and metadata; a CleanError when it has no body or no main text.

    trafilatura finds the main text and the metadata; what it leaves empty is taken from the
    page's own markup (the body's visible text, its meta tags)."""
    if len(html) > MAX_HTML_CHARS:
        raise CleanError(f"HTML page too large: {len(html):,} characters (at most {MAX_HTML_CHARS:,} read)")
    html = _XML_DECL.sub("", html, count=1)
    markup = markup_page(html)
    if markup is None or not markup.text.strip():
        raise CleanError("HTML page has no body" if markup is None else "HTML page has an empty body")
    found = (trafilatura_page(html) if html.count("<") <= MAX_HTML_TAGS else None) or Page(text="")
    page = Page(text=found.text if found.text.strip() else markup.text,
                title=found.title or markup.title, published=found.published or markup.published,
                authors=found.authors or markup.authors, url=found.url or markup.url)
    if len(page.text.split()) < 3:
        raise CleanError("HTML page has no main text")
    if page.title and not _title_in_head(page.title, page.text):
        page = Page(page.title + "\n\n" + page.text, page.title, page.published, page.authors, page.url)
    return page


def trafilatura_page(html: str) -> Optional[Page]:
    """Main text and metadata by trafilatura (comments left out); None when it is unavailable."""
    try:
        import trafilatura
    except ImportError:
        return None
    try:
        doc = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=True,
            include_images=False, include_links=False,
            date_extraction_params={"extensive_search": False, "original_date": True})
    except Exception:  # a parser failure on odd markup: the page's own markup takes over
        return None
    if doc is None:
        return None
    get = (lambda k: doc.get(k)) if isinstance(doc, dict) else (lambda k: getattr(doc, k, None))
    site = [s for s in (get("sitename"), get("hostname")) if s]
    return Page(text=get("text") or "", title=clean_title(get("title")), published=parse_date(get("date")),
                authors=split_authors(get("author"), exclude=site), url=get("url") or None)


_DROP_TAGS = ("script", "style", "noscript", "template", "svg", "nav", "header", "footer", "aside",
              "form", "iframe", "button", "select", "object", "embed")
_BLOCK_TAGS = frozenset("address article blockquote dd div dl dt figcaption figure h1 h2 h3 h4 h5 h6 "
                        "hr li main ol p pre section table tbody td th thead tfoot tr ul br".split())
# Where pages state their facts: XPath expressions tried in order, the first non-empty wins.
_META_XPATHS = {
    "title": ('//meta[@property="og:title"]/@content', '//meta[@name="twitter:title"]/@content',
              "//title/text()", "//h1//text()"),
    "published": ('//meta[@property="article:published_time"]/@content',
                  '//meta[@itemprop="datePublished"]/@content', '//*[@itemprop="datePublished"]/@datetime',
                  '//meta[@name="pubdate" or @name="publishdate" or @name="date" or @name="DC.date.issued"'
                  ' or @name="dc.date"]/@content', "//time/@datetime"),
    "authors": ('//meta[@name="author"]/@content', '//meta[@property="article:author"]/@content',
                '//*[@rel="author"]//text()'),
    "url": ('//link[@rel="canonical"]/@href', '//meta[@property="og:url"]/@content'),
    "site": ('//meta[@property="og:site_name"]/@content',),
}


def markup_page(html: str) -> Optional[Page]:
    """The page read from its markup alone: the body's visible text (one block element a line)
    and the facts its meta tags state; None when it has no body."""
    try:
        import lxml.html
        tree = lxml.html.document_fromstring(html, parser=html_parser())
    except Exception:  # unparsable markup, or no lxml
        return None
    body = tree.find("body")
    if body is None:
        return None
    facts = {key: _first_xpath(tree, paths) for key, paths in _META_XPATHS.items()}
    for el in list(body.iter(*_DROP_TAGS)):
        el.drop_tree()
    for el in body.iter():
        if isinstance(el.tag, str) and el.tag.lower() in _BLOCK_TAGS:
            el.tail = "\n" + (el.tail or "")
            if el.tag.lower() != "br":
                el.text = "\n" + (el.text or "")
    return Page(text=body.text_content(), title=clean_title(facts["title"]),
                published=parse_date(facts["published"]),
                authors=split_authors(facts["authors"], exclude=[facts["site"]] if facts["site"] else []),
                url=facts["url"] or None)


@lru_cache(maxsize=1)
def html_parser():
    """lxml's HTML parser, safe on hostile pages: no network, no DTD, bounded tree depth."""
    import lxml.html
    return lxml.html.HTMLParser(no_network=True, huge_tree=False, remove_pis=True)


def _first_xpath(tree, paths: tuple[str, ...]) -> Optional[str]:
    for path in paths:
        for value in tree.xpath(path):
            value = " ".join(str(value).split())
            if value:
                return value
    return None


def _title_in_head(title: str, text: str) -> bool:
    head = _squash(text[:len(title) * 3 + 400])
    return _squash(title) in head


def _squash(s: str) -> str:
    return " ".join(unicodedata.normalize("NFC", s).split()).casefold()


# --------------------------------------------------------------------------------------------
# container metadata: dates, authors, titles
# --------------------------------------------------------------------------------------------

_ISO_DATE = re.compile(r"\A\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s].*)?\Z")
_DMY_DATE = re.compile(r"\A\s*(?:[^\d]*?)(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:\D.*)?\Z")
_VI_DATE = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.IGNORECASE)


def parse_date(value) -> Optional[dt.date]:
    """A container's date -> date: ISO (with or without time), day-first d/m/y, "ngày D tháng M
    năm Y"; None for anything else (bad dates are tolerated, not guessed)."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    for pattern, order in ((_ISO_DATE, (1, 2, 3)), (_DMY_DATE, (3, 2, 1)), (_VI_DATE, (3, 2, 1))):
        m = pattern.search(value) if pattern is _VI_DATE else pattern.match(value)
        if m:
            y, mo, d = (int(m.group(i)) for i in order)
            try:
                day = dt.date(y, mo, d)
            except ValueError:
                return None
            return day if 1900 <= day.year <= 2100 else None
    return None


_AUTHOR_SPLIT = re.compile(r"\s*(?:[;,|/]|\s[-–—]\s|\bvà\b)\s*")


def split_authors(value, exclude: Iterable[str] = ()) -> tuple[str, ...]:
    """A container's author field (string or list) -> person names, site names left out."""
    if value is None:
        return ()
    items = value if isinstance(value, (list, tuple)) else [value]
    skip = {e.casefold() for e in exclude}
    out: list[str] = []
    for item in items:
        if not isinstance(item, str) or re.search(r"https?:|www\.|@", item):
            continue
        for name in _AUTHOR_SPLIT.split(item):
            name = " ".join(unicodedata.normalize("NFC", name).split()).strip(" .:")
            if (name and name.casefold() not in skip and name not in out and len(name.split()) <= 6
                    and not any(ch.isdigit() for ch in name)):
                out.append(name)
    return tuple(out)


def clean_title(value) -> Optional[str]:
    if not isinstance(value, str):
        return None
    title = " ".join(unicodedata.normalize("NFC", value).split())
    return title or None


# --------------------------------------------------------------------------------------------
# normalization
# --------------------------------------------------------------------------------------------

_WS = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u00ad\u200b\u200c\u200d\u2060\ufeff\u180e]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_NEWLINES = re.compile(r"\r\n|[\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
# Lone surrogates (a JSON "\\ud800" escape, a str built from bad bytes) cannot be written as
# UTF-8: each becomes U+FFFD, the replacement character.
_SURROGATE = re.compile(r"[\ud800-\udfff]")
# HTML character references left in text ("&nbsp;", "&amp;", "&#7871;", "&#x1EBF;"), also
# escaped twice ("&amp;nbsp;"): read as the characters they stand for. Only whole references
# (with their ";") count, so "TN&MT" or "AT&T" stay as written.
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
ENTITY_PASSES = 2


def unescape_entities(text: str) -> str:
    """HTML character references left in the text -> the characters they stand for."""
    for _ in range(ENTITY_PASSES):
        if "&" not in text:
            break
        text = _ENTITY.sub(lambda m: html.unescape(m.group()), text)
    return text


def normalize(text: str) -> str:
    """HTML references read; NFC; invisible and control characters out; one space between
    words; lines stripped; paragraphs separated by at most one blank line; no blank line at
    either end."""
    text = unescape_entities(_SURROGATE.sub("\ufffd", text))
    text = _NEWLINES.sub("\n", text)
    text = unicodedata.normalize("NFC", text)
    text = _CONTROL.sub("", _INVISIBLE.sub("", text))
    return "\n".join(squeeze_blank_lines(_WS.sub(" ", ln).strip() for ln in text.split("\n")))


def squeeze_blank_lines(lines: Iterable[str]) -> list[str]:
    """At most one blank line in a row, none first or last."""
    out: list[str] = []
    for ln in lines:
        if ln or (out and out[-1]):
            out.append(ln)
    while out and not out[-1]:
        out.pop()
    return out


# --------------------------------------------------------------------------------------------
# boilerplate
# --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Rule:
    kind: str
    pattern: re.Pattern
    note: str


RULE_KINDS = ("drop", "block", "cut", "teaser", "strip")
PARAGRAPH_WORDS = 20        # a line this long is article prose: the article has begun
RESUME_WORDS = 25           # a link block ends at a prose paragraph this long ...
LONG_PARAGRAPH_WORDS = 60   # ... followed by another one, or at a single one this long
TITLE_MAX_WORDS = 30        # a link title above a teaser is at most this long
_TERMINAL = tuple(".!?…:;\"”)»")


@lru_cache(maxsize=None)
def boilerplate_rules() -> tuple[Rule, ...]:
    """The rules of lexicon/boilerplate.tsv, in file order (the first matching rule wins)."""
    rules = []
    for row in lexicon.load("boilerplate"):
        kind = row["kind"]
        if kind not in RULE_KINDS:
            raise ValueError(f"boilerplate.tsv: unknown kind {kind!r} (one of {', '.join(RULE_KINDS)})")
        rules.append(Rule(kind, re.compile(row["pattern"], re.IGNORECASE), row.get("note", "")))
    return tuple(rules)


def line_kind(line: str) -> Optional[str]:
    """The kind of the first whole-line rule the line matches, or None for an article line."""
    for rule in boilerplate_rules():
        if rule.kind != "strip" and rule.pattern.fullmatch(line):
            return rule.kind
    return None


def strip_inline(line: str) -> str:
    for rule in boilerplate_rules():
        if rule.kind == "strip":
            line = rule.pattern.sub("", line)
    return line.strip()


def _words(line: str) -> int:
    return len(line.split())


def is_prose(line: str, min_words: int = PARAGRAPH_WORDS) -> bool:
    return _words(line) >= min_words


def _resumes_article(lines: list[str], i: int) -> bool:
    """Is lines[i] a clear article paragraph (not a link title or a teaser)?"""
    line = lines[i]
    if line_kind(line) is not None or _words(line) < RESUME_WORDS or not line.endswith(_TERMINAL):
        return False
    if _words(line) >= LONG_PARAGRAPH_WORDS:
        return True
    nxt = next((lines[j] for j in range(i + 1, len(lines)) if lines[j]), "")
    return _words(nxt) >= RESUME_WORDS and nxt.endswith(_TERMINAL) and line_kind(nxt) is None


def drop_boilerplate(lines: list[str]) -> list[str]:
    """Lines without web boilerplate, by the rules of lexicon/boilerplate.tsv (see there)."""
    out: list[str] = []
    begun = False
    i = 0
    while i < len(lines):
        line = strip_inline(lines[i]) if lines[i] else ""
        i += 1
        if not line:
            if lines[i - 1] == "":
                out.append("")
            continue
        kind = line_kind(line)
        if kind is None:
            out.append(line)
            begun = begun or is_prose(line)
        elif kind == "cut" and begun:
            break
        elif kind == "block" and begun:
            while i < len(lines) and not (lines[i] and _resumes_article(lines, i)):
                i += 1
        elif kind == "teaser":
            _drop_title_above(out)
    return out


def _drop_title_above(out: list[str]) -> None:
    """Remove the link title right above a teaser (the last non-blank line, when title-like)."""
    while out and not out[-1]:
        out.pop()
    if out and _words(out[-1]) <= TITLE_MAX_WORDS and not out[-1].endswith("."):
        out.pop()


_DATE_MARKER = re.compile(r"date\s+\d{4}")
WRAP_MIN_LINES = 5          # a hard-wrapped page has at least this many wrapped lines ...
WRAP_SHARE = 0.5            # ... making up this share of its lines ...
WRAP_SPREAD = 1.35          # ... of near-equal length (upper quartile / lower quartile) ...
WRAP_MIN_WIDTH = 40         # ... and at least this wide


def _open_end(line: str) -> bool:
    return bool(line) and not line.endswith(_TERMINAL)


def is_hard_wrapped(lines: list[str]) -> bool:
    """Was the page wrapped at a fixed width (most lines break inside a sentence at about the
    same length)? Pages with one paragraph per line are not."""
    nonblank = [ln for ln in lines if ln]
    widths = sorted(len(a) for a, b in zip(lines, lines[1:]) if _open_end(a) and b)
    if len(widths) < WRAP_MIN_LINES or len(widths) < WRAP_SHARE * (len(nonblank) - 1):
        return False
    low, high = widths[len(widths) // 4], widths[(3 * len(widths)) // 4]
    return low >= WRAP_MIN_WIDTH and high <= WRAP_SPREAD * low


def unwrap(lines: list[str]) -> list[str]:
    """Join the pieces of a sentence broken over lines: the piece above does not end a sentence
    and the piece below goes on in lower case ("Từ" / "sau khi ra đời ..."), or, on a page
    hard-wrapped at a fixed width, goes on at all ("tỉnh An" / "Giang Lê Văn Nưng").
    The pieces of a line are gathered first and joined once (linear in the text's length)."""
    wrapped = is_hard_wrapped(lines)
    groups: list[list[str]] = []
    for line in lines:
        prev = groups[-1][-1] if groups else ""
        if (_open_end(prev) and line and not _DATE_MARKER.match(line)
                and (wrapped or (line[0].isalpha() and line[0].islower()))):
            groups[-1].append(line)
        else:
            groups.append([line])
    return [" ".join(group) for group in groups]


def dedupe(lines: list[str]) -> list[str]:
    """A line repeated right below itself (blank lines between ignored) is kept once."""
    out: list[str] = []
    last = None
    for line in lines:
        if line and line == last:
            while out and not out[-1]:
                out.pop()
            continue
        out.append(line)
        if line:
            last = line
    return out


def drop_repeated_page(lines: list[str]) -> list[str]:
    """A page saved two or more times over in one file (its non-blank lines are one block of
    lines repeated whole) is kept once."""
    at = [i for i, line in enumerate(lines) if line]
    n = len(at)
    for size in range(1, n // 2 + 1):
        if n % size == 0 and all(lines[at[j]] == lines[at[j % size]] for j in range(size, n)):
            return lines[:at[size]]
    return lines


def clean_text(text: str) -> str:
    """The cleaned article text: normalized, boilerplate dropped, wrapped lines joined."""
    lines = normalize(text).split("\n")
    lines = drop_repeated_page(dedupe(unwrap(drop_boilerplate(lines))))
    return "\n".join(squeeze_blank_lines(lines))


# --------------------------------------------------------------------------------------------
# the step
# --------------------------------------------------------------------------------------------

def read_page(raw: RawDocument) -> Page:
    """The raw document's text (HTML main text when it is a page) and its page metadata."""
    if raw.kind == "html":
        html = raw.data if isinstance(raw.data, str) else decode_html(raw.data)
        return read_html(html)
    text = raw.data if isinstance(raw.data, str) else decode(raw.data)
    if looks_like_html(text):
        return read_html(text)
    return Page(text=text)


def title_span(title: Optional[str], text: str) -> Optional[tuple[int, int]]:
    """Where the headline stands in the text, when it stands there as written."""
    if not title:
        return None
    at = text.find(title)
    return (at, at + len(title)) if at >= 0 else None


def clean_document(raw: RawDocument) -> Article | Failure:
    if raw.error:
        return failure(raw, raw.error)
    try:
        page = read_page(raw)
        text = clean_text(page.text)
        if not text:
            raise CleanError("file holds only whitespace" if not page.text.strip() else
                             "no article text: only web boilerplate (menus, widgets, links)")
        if len(text) > MAX_ARTICLE_CHARS:
            raise CleanError(f"article too long: {len(text):,} characters after cleaning (at most "
                             f"{MAX_ARTICLE_CHARS:,}); not one news article")
    except CleanError as exc:
        return failure(raw, str(exc))
    meta = raw.meta or {}
    title = clean_title(meta.get("title")) or page.title
    published = parse_date(meta.get("published", meta.get("date"))) or page.published
    authors = split_authors(meta.get("authors", meta.get("author"))) or page.authors
    url = meta.get("url") if isinstance(meta.get("url"), str) else page.url
    return Article(doc_id=stable_id(text), path=raw.path, text=text, title=title, published=published,
                   authors=authors, url=url, title_span=title_span(title, text))


def failure(raw: RawDocument, message: str) -> Failure:
    return Failure(doc_id=stable_id(raw.path + "\0" + message), path=raw.path, message=message)
