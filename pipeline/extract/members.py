"""Members of the meeting, each grounded in the text."""
from __future__ import annotations

from .context import Context


def find_members(ctx: Context) -> list:
    return []
