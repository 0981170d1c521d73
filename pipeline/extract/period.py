"""The years a meeting is about, read from its headline and text (``lexicon/period_cues.tsv``).

* :func:`review_year`: the year under review, "tổng kết công tác thi đua năm 2023" (a
  year-end review is held in the last months of that year or the first of the next, so a
  stated year after the meeting's, or the meeting's own year for a meeting before June, is a
  slip and is passed over);
* :func:`plan_year`: the year launched or pledged, "ký kết giao ước thi đua năm 2024";
* :func:`achievement_year`: the year awards are for (``EXTRACTION_GUIDE.md``: "the year of
  achievement the award is for"): the year under review, else the year before the one
  launched or pledged (a pact for 2024 is signed with the awards for 2023), else the
  meeting's year, or the year before it for a meeting in the first quarter (awards handed out
  then are for the year that ended);
* :func:`first_year`: the first "năm YYYY" of the text, when nothing else dates the article.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Optional

from .. import lexicon
from .context import Context

YEAR = re.compile(r"(?<!\w)năm(?:\s+học)?\s+(\d{4})(?!\d)", re.I)
# An explicit period, "giai đoạn 2018 - 2022", "(2020-2025)": group 2 is its end year.
PERIOD = re.compile(r"(?<!\d)(\d{4})\s*[-–—]\s*(\d{4})(?!\d)")
_GAP = r"[^.;!?\n]{0,100}?"


@lru_cache(maxsize=1)
def _cue_re(kind: str) -> re.Pattern:
    cues = sorted((r["cue"] for r in lexicon.load("period_cues") if r["kind"] == kind), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, cues)) + r")(?!\w)" + _GAP
                      + r"năm(?:\s+học)?\s+(\d{4})(?!\d)", re.I)


def _when(ctx: Context) -> Optional[dt.date]:
    return ctx.date or ctx.published


def _stated(ctx: Context, kind: str) -> tuple[int, ...]:
    return _stated_in(ctx.article.title, ctx.text, kind)


@lru_cache(maxsize=8)
def _stated_in(title: Optional[str], text: str, kind: str) -> tuple[int, ...]:
    """The years stated after a cue of ``kind``, headline first; read once per text (the
    extractors ask for every mention)."""
    return tuple(int(m.group(1)) for s in ([title, text] if title else [text]) for m in _cue_re(kind).finditer(s))


def _plausible(y: int) -> bool:
    return 1945 <= y <= 2100


def review_year(ctx: Context) -> Optional[int]:
    when = _when(ctx)
    for y in _stated(ctx, "review"):
        if not _plausible(y):
            continue
        if when is None or y < when.year or (y == when.year and when.month >= 6):
            return y
    return None


def plan_year(ctx: Context) -> Optional[int]:
    return next((y for y in _stated(ctx, "plan") if _plausible(y)), None)


def first_year(ctx: Context) -> Optional[int]:
    return _first_year_in(ctx.article.title, ctx.text)


@lru_cache(maxsize=8)
def _first_year_in(title: Optional[str], text: str) -> Optional[int]:
    for s in ([title, text] if title else [text]):
        for m in YEAR.finditer(s):
            if _plausible(int(m.group(1))):
                return int(m.group(1))
    return None


def achievement_year(ctx: Context) -> Optional[int]:
    y = review_year(ctx)
    if y is not None:
        return y
    y = plan_year(ctx)
    if y is not None:
        return y - 1
    when = _when(ctx)
    if when is not None:
        return when.year - 1 if when.month <= 3 else when.year
    return first_year(ctx)


def leading_year(ctx: Context) -> Optional[int]:
    """The year standing leaders lead for when no year is written beside them."""
    for y in (review_year(ctx), plan_year(ctx), ctx.year, first_year(ctx)):
        if y is not None:
            return y
    return None
