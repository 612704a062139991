"""The find bar's hits: a regular expression's are found once in a worker, then stepped
through and highlighted from the list on the GUI thread, so that neither F3 nor a paint runs
the expression there.

Without a list (a literal search, which is linear and fast; a regular expression with more
than :data:`HIT_CAP` hits, whose list would cost too much memory; the time before the list
arrives), steps and highlights search on the GUI thread, each call bounded by
:data:`GUI_BUDGET` (a ``SearchTimeout`` past it, which the bar reports).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from viewer.core.search import (
    DEFAULT_BUDGET,
    Hit,
    Lang,
    SearchIndex,
    SearchOptions,
    count,
    find,
    find_next,
    rank,
)
from viewer.core.search.hitlist import Step, in_paragraphs, number_in, step_in

#: Seconds one search on the GUI thread may spend in a regular expression (the highlights
#: of the rows on screen, one F3 step): the window keeps answering whatever the query. The
#: search engine hands the ``regex`` module a slice of it (the module notices its timeout
#: late), so this stays well under the 100 ms a window may take to answer.
GUI_BUDGET = 0.025
#: Seconds the count job may spend in a regular expression (each of its calls).
WORKER_BUDGET = DEFAULT_BUDGET
#: Hits kept as a list; a search with more keeps its count and steps by searching.
HIT_CAP = 100_000


@dataclass(frozen=True)
class Counted:
    """The count job's result: how many hits, the first one from the anchor and its number
    (1-based; 0 without hits), and every hit in document order unless there are too many."""

    total: int
    first: Hit | None
    number: int
    hits: list[Hit] | None


def count_job(
    index: SearchIndex, options: SearchOptions, anchor: int, cancel: Callable[[], bool]
) -> Counted:
    """The count job (runs in a worker): the hits of ``options``, the first one from
    paragraph ``anchor``. Raises ``SearchTimeout`` when the regular expression runs past
    :data:`WORKER_BUDGET` in one call.

    A regular expression's hits are listed (up to :data:`HIT_CAP`): the GUI thread steps and
    highlights from the list instead of running the expression again. A literal search is
    only counted (in C, without building its hits: ten times faster on 10 MB) and searched
    again on the GUI thread, which is safe: it is linear and takes milliseconds.
    """
    if options.regex:
        hits = find(index, options, cancel, budget=WORKER_BUDGET)
        step = step_in(hits, anchor, "en", -1, False)
        if step is None:
            return Counted(0, None, 0, [])
        kept = hits if len(hits) <= HIT_CAP else None
        return Counted(len(hits), step[0], number_in(hits, step[0]), kept)
    total = count(index, options, cancel, budget=WORKER_BUDGET)
    found = find_next(index, options, anchor, budget=WORKER_BUDGET) if total else None
    if found is None:
        return Counted(0, None, 0, None)
    number = rank(index, options, found[0], cancel, budget=WORKER_BUDGET) + 1
    return Counted(total, found[0], number, None)


def step_from(
    index: SearchIndex,
    options: SearchOptions,
    hits: list[Hit] | None,
    current: Hit | None,
    anchor: int,
    backwards: bool,
) -> Step | None:
    """One F3 step from the ``current`` hit (``None``: from paragraph ``anchor``): through
    the list when there is one, else a search bounded by :data:`GUI_BUDGET` (``SearchTimeout``
    past it)."""
    p, offset = (anchor, -1) if current is None else (current.paragraph, current.start)
    lang: Lang = "en" if current is None else current.lang
    if hits is not None:
        return step_in(hits, p, lang, offset, backwards)
    return find_next(index, options, p, lang, offset, backwards, budget=GUI_BUDGET)


def step_counted(
    index: SearchIndex,
    options: SearchOptions,
    hits: list[Hit] | None,
    current: tuple[Hit | None, int, int],
    anchor: int,
    backwards: bool,
) -> tuple[Hit, bool, int] | None:
    """:func:`step_from` the ``current`` (hit, its number, the total) with the number of the
    hit reached (counted from the neighbour's, or from scratch without a current hit)."""
    cur, number, total = current
    step = step_from(index, options, hits, cur, anchor, backwards)
    if step is None:
        return None
    hit, wrapped = step
    if cur is None:
        number = number_of(index, options, hits, hit)
    elif wrapped:
        number = total if backwards else 1
    else:
        number += -1 if backwards else 1
    return hit, wrapped, number


def number_of(index: SearchIndex, options: SearchOptions, hits: list[Hit] | None, hit: Hit) -> int:
    """The 1-based number of ``hit``: from the list, else counted within :data:`GUI_BUDGET`."""
    if hits is not None:
        return number_in(hits, hit)
    return rank(index, options, hit, budget=GUI_BUDGET) + 1


def hits_on_rows(
    index: SearchIndex,
    options: SearchOptions,
    hits: list[Hit] | None,
    paragraphs: Iterable[int],
) -> list[Hit]:
    """The hits of ``paragraphs`` (the rows on screen): from the list, else searched within
    :data:`GUI_BUDGET` (``SearchTimeout`` past it)."""
    if hits is not None:
        return in_paragraphs(hits, paragraphs)
    wanted = frozenset(paragraphs)
    if options.paragraphs is not None:
        wanted &= options.paragraphs
    return find(index, options.model_copy(update={"paragraphs": wanted}), budget=GUI_BUDGET)
