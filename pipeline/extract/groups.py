"""Emulation cluster/block and its stated member count."""
from __future__ import annotations

import re

from ..record import Group
from .context import Context

_GROUP = re.compile(r"\b(Cụm|Khối)\s+thi\s+đua\s+(số\s+\d+|[^\s,.;]+)", re.I)


def find_group(ctx: Context):
    m = _GROUP.search(ctx.text)
    if not m:
        return None
    kind = "cum" if m.group(1).lower() == "cụm" else "khoi"
    return Group(name=m.group(0), kind=kind)


def find_member_count(ctx: Context):
    return None
