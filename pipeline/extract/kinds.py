"""Meeting kinds."""
from __future__ import annotations

from .context import Context

_CUES = {
    "tong_ket": ("tổng kết",), "so_ket": ("sơ kết",), "trien_khai": ("triển khai", "phát động"),
    "ky_giao_uoc": ("giao ước",), "binh_xet": ("bình xét", "suy tôn", "bỏ phiếu"), "trao_thuong": ("trao tặng", "trao cờ", "trao bằng khen"),
}


def find_kinds(ctx: Context) -> list[str]:
    low = ctx.text.lower()
    return [k for k, cues in _CUES.items() if any(c in low for c in cues)]
