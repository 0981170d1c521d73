"""Is the article about an emulation meeting?"""
from __future__ import annotations

from .context import Context


def is_emulation_meeting(ctx: Context) -> bool:
    head = ((ctx.article.title or "") + "\n" + ctx.text[:800]).lower()
    return "thi đua" in head and ("hội nghị" in head or "lễ" in head)
