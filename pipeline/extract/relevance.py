"""Is the article about an emulation meeting?

Decided from weighted cues in the headline and the body together (the cue table is data:
``lexicon/relevance_cues.tsv``). Subject cues say the meeting is about emulation and
commendation work (tổng kết/sơ kết công tác thi đua, ký kết giao ước thi đua, cụm/khối thi
đua, bình xét, trao cờ thi đua...); event cues say a meeting or ceremony took place;
negative cues mark other genres (contests, sports, health news, plans and guidance
documents, award-decision lists, spam). The word "thi đua" alone decides nothing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import lexicon
from .context import Context
from .source import find_title

THRESHOLD = 6.0
LEAD_CHARS = 700
START_CHARS = 200


@dataclass(frozen=True)
class Cue:
    role: str
    scope: str
    weight: float
    pattern: re.Pattern


@lru_cache(maxsize=None)
def cues() -> tuple[Cue, ...]:
    return tuple(Cue(r["role"], r["scope"], float(r["weight"]), re.compile(r["pattern"], re.I | re.M))
                 for r in lexicon.load("relevance_cues"))


def scopes(ctx: Context) -> dict[str, str]:
    """The texts each cue scope is matched on."""
    text = ctx.text
    title = ctx.article.title or find_title(text) or ""
    cut = 0
    if title and title in text:
        cut = text.index(title) + len(title)
    lead = title + "\n" + text[:cut + LEAD_CHARS]
    start = title + "\n" + text[:cut + START_CHARS]
    return {"title": title, "start": start, "lead": lead, "body": title + "\n" + text}


def cue_hits(ctx: Context) -> list[Cue]:
    where = scopes(ctx)
    return [c for c in cues() if c.pattern.search(where[c.scope])]


def score(hits: list[Cue]) -> float:
    return sum(c.weight for c in hits)


def decide(hits: list[Cue]) -> bool:
    roles = {c.role for c in hits}
    return "subject" in roles and "event" in roles and score(hits) >= THRESHOLD


def is_emulation_meeting(ctx: Context) -> bool:
    return decide(cue_hits(ctx))
