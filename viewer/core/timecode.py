"""Times within a call (``Paragraph.time``, seconds from its start) as people read them."""

from __future__ import annotations

import math


def clock(seconds: float | None) -> str:
    """``h:mm:ss`` style clock text: ``0:03:15``; ``""`` for no time (or a non-finite one)."""
    if seconds is None or not math.isfinite(seconds) or seconds < 0:
        return ""
    whole = int(seconds)
    h, rest = divmod(whole, 3600)
    m, s = divmod(rest, 60)
    return f"{h:02d}:{m:02d}:{s:02d}"
