"""The garbage collector paused while a transcript is built.

Parsing allocates millions of small objects (lines, tokens, models) and frees next to none of
them in reference cycles, so the collector's passes find nothing, yet each full pass walks the
whole growing heap: for a 10 MB call they cost a quarter of the parse and grow faster than the
text (``bench reader_scaling``: 1.2 s with them, 0.9 s without). The collector is paused for
the parse and resumed afterwards, only if it was running when the first of any overlapping
parses (worker threads) began; whatever the parse leaves in cycles is collected by its next
pass as usual.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_resume = False


@contextmanager
def collector_paused() -> Iterator[None]:
    """Run the ``with`` body with the cyclic garbage collector off (see the module)."""
    global _depth, _resume
    with _lock:
        if _depth == 0:
            _resume = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _resume:
                gc.enable()
