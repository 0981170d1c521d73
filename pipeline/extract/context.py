"""What extractors read: the article, its text, and what earlier extractors found.

An extractor is a pure function ``(ctx) -> value``: it never re-reads files and never
changes the text. The orchestrator (:mod:`pipeline.extract`) runs them in order and passes
forward a new context carrying the earlier results (the meeting date's year for award
years, the group for member scoping).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any, Optional

from ..types import Article


@dataclass(frozen=True)
class Context:
    article: Article
    # spaCy Doc over article.text (set only for relevant articles: NER is gated).
    doc: Any = None
    # Filled in as the frame is read; later extractors may use them.
    published: Optional[dt.date] = None
    kinds: tuple[str, ...] = ()
    date: Optional[dt.date] = None
    group: Any = None  # record.Group or None

    @property
    def text(self) -> str:
        return self.article.text

    @property
    def year(self) -> Optional[int]:
        """The year the meeting is about: the meeting date's, else the publication's."""
        if self.date:
            return self.date.year
        if self.published:
            return self.published.year
        return None

    def with_(self, **changes) -> "Context":
        return replace(self, **changes)
