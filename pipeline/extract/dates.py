"""The meeting date."""
from __future__ import annotations

import datetime as dt
import re

from ..record import Span
from .context import Context

_DATE = re.compile(r"ngày\s+(\d{1,2})[/-](\d{1,2})[/-](\d{4})", re.I)


def find_meeting_date(ctx: Context):
    for m in _DATE.finditer(ctx.text):
        try:
            d = dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        except ValueError:
            continue
        return d, Span(start=m.start(), end=m.end())
    return None, None
