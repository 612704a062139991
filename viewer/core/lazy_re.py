"""Module-level regular expressions compiled on first use, not at import.

The layout readers and the speaker rules define about 85 patterns at module level; compiling
them all cost about 120 ms of start-up (``re`` parses patterns in Python), and a file in one
layout uses about 25 of them. :func:`lazy_compile` keeps the pattern text and compiles it the
first time a method or attribute is used; from then on each attribute is cached on the object,
so the hot path costs a plain attribute lookup.
"""

from __future__ import annotations

import re
import threading
from typing import Any, cast

_lock = threading.Lock()  # readers may run in two worker threads at once


class LazyPattern:
    """Stands for ``re.compile(pattern, flags)`` until first used."""

    __slots__ = ("__dict__", "_compiled", "_flags", "_pattern_text")

    def __init__(self, pattern: str, flags: int | re.RegexFlag = 0) -> None:
        self._pattern_text = pattern
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern (compiled now if it was not yet)."""
        compiled = self._compiled
        if compiled is None:
            with _lock:
                compiled = self._compiled
                if compiled is None:
                    compiled = re.compile(self._pattern_text, self._flags)
                    self._compiled = compiled
        return compiled

    def __getattr__(self, name: str) -> Any:
        value = getattr(self.compiled(), name)
        self.__dict__[name] = value  # bound methods and attributes: looked up once
        return value

    def __repr__(self) -> str:
        return f"lazy_compile({self._pattern_text!r}, {self._flags!r})"


def lazy_compile(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """Like ``re.compile``, but the pattern is compiled when first used.

    Typed as ``re.Pattern`` for callers: it answers every method and attribute of one. It is
    not an instance of it, so pass it to ``re.sub`` and friends only as ``p.compiled()``
    (nothing in the viewer does).
    """
    return cast("re.Pattern[str]", LazyPattern(pattern, flags))
