"""A sorted list of hits stepped through and numbered as :func:`find_next` and :func:`rank`
would, without running the query again (the find bar's worker finds a regular expression's
hits once; stepping and highlighting then read the list)."""

from __future__ import annotations

import bisect
import sys
from collections.abc import Iterable
from typing import Any

from viewer.core.search.options import Hit, Lang

Step = tuple[Hit, bool]  # a hit and whether reaching it wrapped around the document


def _after(p: int, lang: Lang, offset: int) -> tuple[Any, ...]:
    # Sorts after every hit at (p, lang) starting at or before offset (Hit is a tuple).
    return (p, lang, offset, sys.maxsize)


def step_in(hits: list[Hit], p: int, lang: Lang, offset: int, backwards: bool) -> Step | None:
    """:func:`viewer.core.search.find_next` over a sorted hit list: the hit after the
    position ``(p, lang, offset)`` (before it if ``backwards``), wrapping around."""
    if not hits:
        return None
    if backwards:
        i = bisect.bisect_left(hits, (p, lang, offset))
        return (hits[i - 1], False) if i > 0 else (hits[-1], True)
    i = bisect.bisect_right(hits, _after(p, lang, offset))
    return (hits[i], False) if i < len(hits) else (hits[0], True)


def number_in(hits: list[Hit], hit: Hit) -> int:
    """The 1-based number of ``hit`` in the list (where it would go if absent): as
    ``rank(...) + 1``."""
    return bisect.bisect_left(hits, hit) + 1


def in_paragraphs(hits: list[Hit], paragraphs: Iterable[int]) -> list[Hit]:
    """The hits of ``paragraphs``, from the list (two bisections a paragraph)."""
    out: list[Hit] = []
    for p in sorted(set(paragraphs)):
        lo = bisect.bisect_left(hits, (p,))
        hi = bisect.bisect_left(hits, (p + 1,), lo)
        out.extend(hits[lo:hi])
    return out
