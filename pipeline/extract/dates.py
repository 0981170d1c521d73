"""The meeting date: the day the meeting took place, not the publication day.

Candidates are day/month expressions ("Sáng ngày 20/12/2020", "chiều 29/11", "ngày 5-1-2024",
"ngày 19 và 20/7/2023", "ngày 25 tháng 3 năm 2011"), also after a weekday or a relative day,
the date often in brackets ("Sáng thứ Hai (16/10)", "Hôm nay (12/1)", "sáng qua 15/12").
Each is scored by how a meeting date is written in news: a time of day before it, at the start of a sentence, in a sentence that
reports the event ("tổ chức", "hội nghị", "diễn ra", "tại"), early in the article; deadline
and anniversary dates ("đến ngày 31/12", "kỷ niệm ... 27/2") are pushed down. When the year is
not written it is inferred: for a year-end review, from the year under review (a review of
2023 held on 12/12 is 2023-12-12, one held on 15/1 is 2024-01-15), else from the publication
date.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Optional

from ..record import Span
from .context import Context
from .source import date_line, marker_date, text_lines

_TOD = r"(?:sáng|chiều|tối|trưa|đêm)"
# A weekday or a relative day written before the date, the date often in brackets:
# "Sáng thứ Hai (16/10)", "Hôm nay (12/1)", "sáng qua 15/12".
_DAY_WORD = (r"(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|chủ\s+nhật|hôm\s+(?:nay|qua)|ngày\s+(?:mai|hôm\s+qua)"
             r"|(?<=[a-zà-ỹđ]\s)(?:qua|nay))")
_DATE = re.compile(
    rf"(?P<pre>(?:{_TOD}\s+)?(?:{_DAY_WORD}\s*(?:\(\s*|,\s*)?)?(?:ngày|hôm)?\s*)"
    r"(?P<d>\d{1,2})(?:\s*(?:,|và|-|–|&)\s*(?P<d2>\d{1,2}))?"
    r"(?:\s*[/-]\s*(?P<m>\d{1,2})(?:\s*[/-]\s*(?P<y>(?:19|20)\d{2}))?"
    r"|\s+tháng\s+(?P<m2>\d{1,2})(?:\s+năm\s+(?P<y2>(?:19|20)\d{2}))?)"
    r"(?![\d/])", re.I)
_TOD_BEFORE = re.compile(rf"(?i)\b{_TOD}\s+(?:ngày\s+|hôm\s+)?$")
_NGAY_BEFORE = re.compile(r"(?i)\b(?:ngày|hôm)\s+$")
_SENT_START = re.compile(r"(?:^|[.!?\n]\s*|\)\s*[-–]\s*|^\s*[-–]\s*)$")
_BAD_BEFORE = re.compile(
    r"(?i)(?:đến|tới|từ|trước|sau|tính đến|hết|kỷ niệm|quyết định|số|chỉ thị|nghị quyết|kế hoạch|"
    r"thông báo|công văn|thành lập|sinh|ban hành|ký|hạn|giai đoạn)\s+(?:ngày\s+)?$")
_EVENT = re.compile(r"(?i)tổ chức|hội nghị|\blễ\b|diễn ra|\bhọp\b|ký kết|tổng kết|sơ kết|phát động|\btại\b")
_REVIEW_YEAR = re.compile(r"(?i)(?:tổng kết|sơ kết|bình xét|suy tôn)[^.\n]{0,90}?năm\s+((?:19|20)\d{2})")
_ANY_YEAR = re.compile(r"(?i)năm\s+((?:19|20)\d{2})\b")
EARLY_CHARS = 1500


@dataclass(frozen=True)
class Candidate:
    day: int
    month: int
    year: Optional[int]
    start: int
    end: int
    score: float


def candidates(text: str) -> list[Candidate]:
    skip = _published_spans(text)
    out = []
    for m in _DATE.finditer(text):
        if any(a <= m.start() < b for a, b in skip):
            continue
        day, month = int(m.group("d")), int(m.group("m") or m.group("m2") or 0)
        year = m.group("y") or m.group("y2")
        if not (1 <= day <= 31 and 1 <= month <= 12):
            continue
        pre = m.group("pre")
        if not pre.strip() and not m.group("y") and m.group("m2") is None:
            # a bare "12/12" needs "ngày" or a time of day to be a date
            before = text[max(0, m.start() - 12):m.start()]
            if not re.search(rf"(?i){_TOD}\s*$", before):
                continue
        start = m.start() + len(pre) - len(pre.lstrip())
        end = m.end() + 1 if "(" in pre and text[m.end():m.end() + 1] == ")" else m.end()
        out.append(Candidate(day, month, int(year) if year else None, start, end,
                             _score(text, start, end)))
    return out


def _score(text: str, start: int, end: int) -> float:
    before = text[max(0, start - 40):start]
    phrase = text[start:end]
    sent_start = max(text.rfind(".", 0, start), text.rfind("\n", 0, start)) + 1
    sent_end_candidates = [i for i in (text.find(".", end), text.find("\n", end)) if i != -1]
    sent = text[sent_start:min(sent_end_candidates) if sent_end_candidates else len(text)]
    s = 0.0
    if re.match(rf"(?i){_TOD}\b", phrase):
        s += 3
    head = text[sent_start:start]
    if len(head.strip()) <= 25 and not re.search(r"[a-zà-ỹđ]{2,}\s+[a-zà-ỹđ]{2,}\s+[a-zà-ỹđ]{2,}", head):
        s += 2   # at the start of its sentence, maybe after a "(Baonghean.vn) -" dateline
    if _EVENT.search(sent):
        s += 2
    if _BAD_BEFORE.search(before) or re.search(r"\(\s*$", before):
        s -= 4
    if start > EARLY_CHARS:
        s -= 2
    return s


def _published_spans(text: str) -> list[tuple[int, int]]:
    """Publication date lines near the top are not meeting dates."""
    spans = []
    _, cut = marker_date(text)
    if cut:
        spans.append((0, cut))
    for ln in text_lines(text)[:12]:
        if date_line(ln.text):
            spans.append((ln.start, ln.end))
    return spans


def review_year(text: str, head_chars: int = 1200) -> Optional[int]:
    m = _REVIEW_YEAR.search(text[:head_chars])
    return int(m.group(1)) if m else None


def infer_year(ctx: Context, month: int) -> Optional[int]:
    text = ctx.text
    reviewed = review_year(text)
    if reviewed and "tong_ket" in ctx.kinds:
        return reviewed + 1 if month <= 6 else reviewed
    if reviewed:
        return reviewed
    if ctx.published:
        p = ctx.published
        return p.year - 1 if month > p.month + 1 else p.year
    marker = re.match(r"^\s*date\s+(\d{4})", text)
    if marker:
        return int(marker.group(1))
    m = _ANY_YEAR.search(text[:1500])
    if not m:
        return None
    # A year-end review held in January or February is about the year before it.
    year = int(m.group(1))
    return year + 1 if "tong_ket" in ctx.kinds and month <= 2 else year


MIN_SCORE = 3


def find_meeting_date(ctx: Context):
    cands = [c for c in candidates(ctx.text) if c.score >= MIN_SCORE]
    if not cands:
        return None, None
    best = max(cands, key=lambda c: (c.score, -c.start))
    year = best.year or infer_year(ctx, best.month)
    if year is None:
        return None, None
    try:
        d = dt.date(year, best.month, best.day)
    except ValueError:
        return None, None
    return d, Span(start=best.start, end=best.end)
