"""Meeting kinds: all of tong_ket, so_ket, trien_khai, ky_giao_uoc, binh_xet, trao_thuong
that apply.

A kind is read from the meeting's announcement (the headline and the first sentences of the
body: "tổ chức Hội nghị tổng kết ..., triển khai nhiệm vụ năm 2021") or from a sentence that
reports the act itself ("các đơn vị đã ký kết giao ước thi đua", "tiến hành bình xét").
The cue table is data: ``lexicon/meeting_kinds.tsv``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from .. import lexicon
from ..record import MeetingKind
from .context import Context
from .source import find_title

HEAD_SENTENCES = 2
ORDER = [k.value for k in MeetingKind]
# The sentence that announces the meeting ("... vừa tổ chức Hội nghị tổng kết ...") belongs to
# the announcement wherever it stands (a lead about results may come first).
ANNOUNCEMENT = re.compile(
    r"\btổ chức\s+(?:hội nghị|lễ|buổi lễ|đại hội|buổi)\b|\b(?:hội nghị|lễ|đại hội)\s+(?:tổng kết|sơ kết|"
    r"triển khai|phát động|k[ýí] kết|k[ýí] giao ước)", re.I)
# A lead that already tells of the meeting needs no announcement from further down.
# "Nghị quyết Đại hội Đảng bộ tỉnh" in a preamble names a past congress, not this meeting.
TELLS_OF_MEETING = re.compile(r"\btổ chức\b|\bhội nghị\b|\blễ\b|(?<!nghị quyết )\bđại hội\b|\bbuổi\b", re.I)
# A quoted name or slogan inside a body sentence ("hội thảo “... tổng kết và nhân điển hình
# ...”") says nothing about what the meeting did.
QUOTED = re.compile(r"“[^”]{0,300}”|\"[^\"]{0,300}\"")


@dataclass(frozen=True)
class KindCue:
    kind: str
    scope: str
    pattern: re.Pattern
    unless: Optional[re.Pattern]


@lru_cache(maxsize=None)
def cues() -> tuple[KindCue, ...]:
    return tuple(KindCue(r["kind"], r["scope"], re.compile(r["pattern"], re.I),
                         re.compile(r["unless"], re.I) if r.get("unless") else None)
                 for r in lexicon.load("meeting_kinds"))


_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[\"“(A-ZÀ-ỸĐ0-9-])|\n+")


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]


def head_and_body(ctx: Context) -> tuple[list[str], list[str]]:
    """The announcement sentences (headline + first body sentences) and all sentences."""
    text = ctx.text
    title = ctx.article.title or find_title(text) or ""
    body = text
    if title and title in text:
        body = text[text.index(title) + len(title):]
    body_sents = [QUOTED.sub("“”", s) for s in sentences(body) if len(s.split()) >= 6]
    lead = body_sents[:HEAD_SENTENCES]
    if not any(TELLS_OF_MEETING.search(s) for s in lead):
        announced = next((s for s in body_sents if ANNOUNCEMENT.search(s)), None)
        if announced:
            lead.append(announced)
    head = ([title] if title else []) + lead
    return head, sentences(text)


def _hit(cue: KindCue, sents: list[str]) -> bool:
    return any(cue.pattern.search(s) and not (cue.unless and cue.unless.search(s)) for s in sents)


def find_kinds(ctx: Context) -> list[str]:
    head, body = head_and_body(ctx)
    found = {c.kind for c in cues() if _hit(c, head if c.scope == "head" else body)}
    return [k for k in ORDER if k in found]
