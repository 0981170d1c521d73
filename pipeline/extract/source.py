"""Source facts: headline, publication date and byline authors."""
from __future__ import annotations

from ..record import Source
from .context import Context


def read_source(ctx: Context) -> Source:
    a = ctx.article
    return Source(path=a.path, title=a.title, published=a.published, authors=list(a.authors), url=a.url)
