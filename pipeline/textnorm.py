"""Comparing Vietnamese strings the way the record contract does.

Two spellings of one value compare equal after :func:`norm`: Unicode NFC, case folded, one
tone placement for ``oa``/``oe``/``uy`` at a word's end ("hoá" and "hóa", "thuỷ" and "thủy"),
one dash form, single spaces, no punctuation at either edge. Person names also lose their
honorifics (:func:`norm_name`). :func:`grounded` is the contract's grounding rule: a span of
the text shows a value. Used by :mod:`pipeline.validate` and :mod:`pipeline.evaluate`, so a
value that validates also counts as grounded in evaluation.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any, Iterable, Optional

from . import lexicon

# The five tone marks, and the vowel pairs whose tone is written on either letter.
_TONES = ("\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
_MOVABLE_PAIRS = (("o", "a"), ("o", "e"), ("u", "y"))
# "oá" (tone on the second letter) -> "óa" (tone on the first), only at a word's end:
# inside a word ("hoàng", "khuyến") the placement is fixed and nothing moves.
_TONE_ON_FIRST = {
    unicodedata.normalize("NFC", first + second + tone): unicodedata.normalize("NFC", first + tone + second)
    for first, second in _MOVABLE_PAIRS for tone in _TONES
}
_TONE_RE = re.compile("(" + "|".join(map(re.escape, _TONE_ON_FIRST)) + r")(?![a-zà-ỹđ])")
# Hyphen, non-breaking hyphen, figure dash, en and em dashes, bar, minus: one " - ".
_DASH_RE = re.compile(r"\s*[\u2010-\u2015\u2212-]\s*")
_SPACE_RE = re.compile(r"\s+")
_EDGE = " \t\n.,;:!?()[]{}\"'“”‘’«»…*"
_WORD_RE = re.compile(r"\w+")


def norm(value: Any) -> str:
    """The comparison form of a value: ``None`` becomes ``""``."""
    if value is None:
        return ""
    s = unicodedata.normalize("NFC", str(value)).casefold()
    s = _TONE_RE.sub(lambda m: _TONE_ON_FIRST[m.group(1)], s)
    s = _DASH_RE.sub(" - ", s)
    return _SPACE_RE.sub(" ", s).strip(_EDGE)


@lru_cache(maxsize=1)
def _honorific_re() -> re.Pattern:
    entries = sorted(lexicon.words("scoring_honorifics"), key=len, reverse=True)
    alternatives = "|".join(re.escape(e.casefold()) + r"\.?" for e in entries)
    return re.compile(rf"^(?:{alternatives})\s+")


def strip_honorifics(normed: str) -> str:
    """Drop leading honorifics ("đồng chí", "ông", "ts.") from an already normalized name."""
    pattern = _honorific_re()
    while True:
        shorter = pattern.sub("", normed, count=1)
        if shorter == normed:
            return normed
        normed = shorter


def norm_name(value: Any) -> str:
    """The comparison form of a person's name: :func:`norm` without honorifics."""
    return strip_honorifics(norm(value))


def spellings(value: Any, fn=norm) -> list[str]:
    """The accepted spellings of a gold value (a string, or a list, preferred first),
    normalized with ``fn``, empty ones and repeats dropped."""
    if value is None:
        return []
    values = value if isinstance(value, list) else [value]
    return list(dict.fromkeys(n for n in (fn(v) for v in values) if n))


def tokens(value: Any) -> list[str]:
    return _WORD_RE.findall(norm(value))


def token_f1(predicted: Any, gold: Any) -> float:
    """F1 of the word multisets of two values (0 when either has no word)."""
    pred, pool = tokens(predicted), tokens(gold)
    if not pred or not pool:
        return 0.0
    n_pred, n_gold, common = len(pred), len(pool), 0
    for t in pred:
        if t in pool:
            pool.remove(t)
            common += 1
    if not common:
        return 0.0
    p, r = common / n_pred, common / n_gold
    return 2 * p * r / (p + r)


def tails(words: list[str]) -> Iterable[str]:
    """The proper tails of a name holding at least half its words, longest first:
    what a name expanded from a shared head ("Sở Khoa học và Công nghệ" from
    "các Sở: Y tế, Khoa học và Công nghệ") has written in the text."""
    for i in range(1, len(words) // 2 + 1):
        yield " ".join(words[i:])


def shows(span_text: str, value: Any) -> bool:
    """Does this piece of text show ``value`` (whole, or a tail of at least half its words)?"""
    if not isinstance(value, str):
        return False
    name = norm_name(value)
    if not name:
        return False
    span = norm(span_text)
    return name in span or any(t in span for t in tails(name.split(" ")))


def span_bounds(evidence: Any, text_length: int) -> Optional[tuple[int, int]]:
    """``(start, end)`` of an evidence object when it is a proper span inside the text."""
    if not isinstance(evidence, dict):
        return None
    start, end = evidence.get("start"), evidence.get("end")
    if type(start) is not int or type(end) is not int:
        return None
    if not 0 <= start < end <= text_length:
        return None
    return start, end


def grounded(text: Any, evidence: Any, values: Iterable[Any]) -> bool:
    """The grounding rule: the evidence span lies inside ``text`` and shows one of ``values``."""
    if not isinstance(text, str):
        return False
    bounds = span_bounds(evidence, len(text))
    if bounds is None:
        return False
    piece = text[bounds[0]:bounds[1]]
    return any(shows(piece, v) for v in values)
