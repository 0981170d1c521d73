"""Officials of the meeting, each grounded in the text."""
from __future__ import annotations

from .context import Context


def find_officials(ctx: Context) -> list:
    return []
