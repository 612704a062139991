"""The hits of a library search: :class:`LibraryResults`, listing each call's hits from the
stored folds when first asked for."""

from __future__ import annotations

from array import array
from bisect import bisect_right
from typing import NamedTuple

from viewer.core.library.models import CallInfo
from viewer.core.search import Hit, Lang


class LibraryHit(NamedTuple):
    """A hit in one call: ``paragraph``, ``lang``, ``start``, ``end`` exactly as in
    :class:`viewer.core.search.Hit` for that call."""

    call_id: int
    paragraph: int
    lang: Lang
    start: int
    end: int

    @property
    def hit(self) -> Hit:
        """The single-call hit (what the reading pane highlights)."""
        return Hit(self.paragraph, self.lang, self.start, self.end)


class Folded(NamedTuple):
    text: str
    starts: array[int]
    shifted: frozenset[int]


Raw = tuple[int, int, Lang, int, int]
"""A hit as a plain tuple: call id, paragraph, lang, start, end."""


class LibraryResults:
    """Every hit of a library search: calls in company then fiscal-period order, hits in
    document order within each call.

    ``count`` and the calls are known at once; the hits of a call are listed when first asked
    for (:meth:`hits_of`, :meth:`by_call`, :attr:`hits`, :attr:`raw`): a hit list that shows
    calls with their counts, and hits as a call is opened, never pays for thousands of them.
    """

    def __init__(
        self,
        query: str,
        calls: tuple[CallInfo, ...],
        counts: dict[int, int],
        listed: dict[int, list[tuple[int, Lang, int, int]]],
        scans: dict[int, list[tuple[Folded, Lang]]],
        literal: str,
    ) -> None:
        self.query = query
        self.calls = calls
        self.counts = counts
        self._listed = listed
        self._scans = scans
        self._literal = literal
        self._hits: tuple[LibraryHit, ...] | None = None

    @property
    def count(self) -> int:
        """How many hits in all."""
        return sum(self.counts.values())

    def _call_hits(self, call_id: int) -> list[tuple[int, Lang, int, int]]:
        found = list(self._listed.get(call_id, ()))
        for f, lang in self._scans.get(call_id, ()):
            found.extend(scan_plain(f, lang, self._literal))
        found.sort()  # paragraph, en before zh, start
        return found

    def hits_of(self, call_id: int) -> list[Hit]:
        """The hits of one call, exactly as :func:`viewer.core.search.find` gives them."""
        return [Hit(*h) for h in self._call_hits(call_id)]

    def by_call(self) -> list[tuple[CallInfo, list[Hit]]]:
        """``(call, hits)`` per call with hits, in order (what a grouped hit list shows)."""
        return [(c, self.hits_of(c.id)) for c in self.calls]

    @property
    def raw(self) -> list[Raw]:
        """Every hit as a plain tuple ``(call id, paragraph, lang, start, end)``, in order."""
        out: list[Raw] = []
        for c in self.calls:
            cid = c.id
            out.extend([(cid, *h) for h in self._call_hits(cid)])
        return out

    @property
    def hits(self) -> tuple[LibraryHit, ...]:
        """Every hit, in order."""
        if self._hits is None:
            self._hits = tuple(map(LibraryHit._make, self.raw))
        return self._hits


def scan_plain(f: Folded, lang: Lang, literal: str) -> list[tuple[int, Lang, int, int]]:
    """The hits of a plain (case-insensitive, not whole-word) literal in a stored fold whose
    paragraphs all fold character for character: positions in the fold are the offsets."""
    out: list[tuple[int, Lang, int, int]] = []
    add = out.append
    starts, n = f.starts, len(literal)
    find_ = f.text.find
    pos = find_(literal)
    while pos >= 0:
        idx = bisect_right(starts, pos) - 1
        start = pos - starts[idx]
        add((idx, lang, start, start + n))
        pos = find_(literal, pos + n)
    return out
