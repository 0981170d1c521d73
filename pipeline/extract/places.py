"""Venue and province."""
from __future__ import annotations

import re

from ..record import Span
from .context import Context

_AT = re.compile(r"\btại\s+([^,.;\n]{3,120})")


def find_location(ctx: Context):
    m = _AT.search(ctx.text)
    if not m:
        return None, None
    return m.group(1).strip(), Span(start=m.start(1), end=m.start(1) + len(m.group(1).strip()))


def find_province(ctx: Context, location):
    return None
