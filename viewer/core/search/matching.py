"""Running a query over a :class:`~viewer.core.search.index.SearchIndex`: every hit, their
count, the rank of one, the next one from a position, and a hit's context for a list."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Sequence
from typing import NamedTuple

from viewer.core.errors import SearchCancelled
from viewer.core.models import Transcript
from viewer.core.search.index import SearchIndex
from viewer.core.search.options import Hit, Lang, SearchOptions
from viewer.core.search.query import Plan

_CANCEL_EVERY = 512


def _allowed(index: SearchIndex, options: SearchOptions) -> Sequence[int]:
    """The paragraphs searched, in order."""
    if options.paragraphs is None:
        return range(index.size)
    return sorted(p for p in options.paragraphs if 0 <= p < index.size)


def _scan(
    index: SearchIndex,
    plan: Plan,
    lang: Lang,
    paragraphs: Iterable[int],
    cancel: Callable[[], bool] | None = None,
) -> list[Hit]:
    data = index.folded(lang, plan.options.case_sensitive)
    text, starts, ends, maps = data.text, data.starts, data.ends, data.maps
    hits: list[Hit] = []
    append = hits.append
    literal = plan.literal if plan.regex is None else ""
    n = len(literal)
    find_ = text.find
    for k, p in enumerate(paragraphs):
        if cancel is not None and k % _CANCEL_EVERY == 0 and cancel():
            raise SearchCancelled("search cancelled")
        lo, hi = starts[p], ends[p]
        m = maps.get(p)
        if literal:
            # The hot loop of a plain search (every "the" of 10 MB): kept inline.
            i = find_(literal, lo, hi)
            while i >= 0:
                s = i - lo
                if m is None:
                    append(Hit(p, lang, s, s + n))
                else:
                    append(Hit(p, lang, *m.original(s, s + n)))
                i = find_(literal, i + n, hi)
        else:
            for fs, fe in plan.spans(text, lo, hi):
                s, e = data.original(p, fs - lo, fe - lo)
                append(Hit(p, lang, s, e))
    return hits


def _count_lang(
    index: SearchIndex,
    plan: Plan,
    lang: Lang,
    paragraphs: Sequence[int],
    cancel: Callable[[], bool] | None = None,
) -> int:
    data = index.folded(lang, plan.options.case_sensitive)
    text = data.text
    if isinstance(paragraphs, range) and paragraphs.step == 1 and not plan.crosses:
        # A run of paragraphs is one slice of the concatenation: count it in C.
        if not paragraphs:
            return 0
        lo, hi = data.starts[paragraphs.start], data.ends[paragraphs.stop - 1]
        if plan.regex is not None:
            return len(plan.regex.findall(text, lo, hi))
        return text.count(plan.literal, lo, hi)
    starts, ends = data.starts, data.ends
    total = 0
    q = plan.literal if plan.regex is None else ""
    for k, p in enumerate(paragraphs):
        if cancel is not None and k % _CANCEL_EVERY == 0 and cancel():
            raise SearchCancelled("search cancelled")
        if q:
            total += text.count(q, starts[p], ends[p])
        else:
            total += sum(1 for _ in plan.spans(text, starts[p], ends[p]))
    return total


def find(
    index: SearchIndex,
    options: SearchOptions,
    cancel: Callable[[], bool] | None = None,
    *,
    budget: float | None = None,
) -> list[Hit]:
    """Every hit of ``options`` in document order (paragraph, ``en`` before ``zh``, start).

    Raises ``SearchError`` for an invalid regular expression, ``SearchTimeout`` when a regular
    expression runs past ``budget`` seconds in all (``None``: :data:`DEFAULT_BUDGET`,
    ``math.inf``: no limit) and
    ``SearchCancelled`` when ``cancel()`` returns true (checked between paragraphs). An empty query finds nothing;
    empty matches of a regular expression are skipped.
    """
    plan = Plan(options, budget)
    if plan.empty:
        return []
    paragraphs = _allowed(index, options)
    per_lang = [_scan(index, plan, lang, paragraphs, cancel) for lang in options.langs]
    if len(per_lang) == 1:
        return per_lang[0]
    # Two sorted runs: Timsort merges them in linear time.
    return sorted(per_lang[0] + per_lang[1])


def count(
    index: SearchIndex,
    options: SearchOptions,
    cancel: Callable[[], bool] | None = None,
    *,
    budget: float | None = None,
) -> int:
    """``len(find(index, options))``, counted without building the hits."""
    plan = Plan(options, budget)
    if plan.empty:
        return 0
    paragraphs = _allowed(index, options)
    return sum(_count_lang(index, plan, lang, paragraphs, cancel) for lang in options.langs)


def check(options: SearchOptions) -> None:
    """Raise ``SearchError`` now if the query cannot run (an invalid regular expression)."""
    Plan(options)


def rank(
    index: SearchIndex,
    options: SearchOptions,
    hit: Hit,
    cancel: Callable[[], bool] | None = None,
    *,
    budget: float | None = None,
) -> int:
    """How many hits come before ``hit`` (0 for the first): the ``n`` of "n of N", minus 1."""
    plan = Plan(options, budget)
    if plan.empty:
        return 0
    allowed = _allowed(index, options)
    cut = bisect.bisect_left(allowed, hit.paragraph)
    before = allowed[:cut]
    total = sum(_count_lang(index, plan, lang, before, cancel) for lang in options.langs)
    if cut < len(allowed) and allowed[cut] == hit.paragraph:
        total += sum(
            1
            for lang in options.langs
            for h in _scan(index, plan, lang, (hit.paragraph,))
            if h < hit
        )
    return total


def find_next(
    index: SearchIndex,
    options: SearchOptions,
    paragraph: int,
    lang: Lang = "en",
    offset: int = -1,
    backwards: bool = False,
    *,
    budget: float | None = None,
) -> tuple[Hit, bool] | None:
    """The hit after position ``(paragraph, lang, offset)`` (before it if ``backwards``),
    wrapping around the document; with a flag saying whether it wrapped. ``None`` if there
    is no hit at all.

    Pass the current hit's ``(paragraph, lang, start)`` to step from it, or ``offset=-1``
    to include hits starting at the very beginning of ``paragraph``. ``budget`` bounds the
    time of a regular expression as in :func:`find` (``SearchTimeout`` past it).
    """
    plan = Plan(options, budget)
    if plan.empty:
        return None
    allowed = _allowed(index, options)
    if not allowed:
        return None
    here = (paragraph, lang, offset)
    cut = bisect.bisect_left(allowed, paragraph)
    # Paragraphs in visiting order; the starting one comes again at the end (wrapped) for the
    # hits on the other side of the position.
    if backwards:
        first = list(reversed(allowed[: min(cut + 1, len(allowed))]))
        then = list(reversed(allowed[cut:]))
    else:
        first = list(allowed[cut:])
        then = list(allowed[: cut + 1])
    for wrapped, run in ((False, first), (True, then)):
        for p in run:
            hits = [h for lg in options.langs for h in _scan(index, plan, lg, (p,))]
            hits.sort()
            if backwards:
                hits.reverse()
                chosen = [h for h in hits if wrapped or (h.paragraph, h.lang, h.start) < here]
            else:
                chosen = [h for h in hits if wrapped or (h.paragraph, h.lang, h.start) > here]
            if chosen:
                return chosen[0], wrapped
    return None


class HitContext(NamedTuple):
    """What a hit list shows: who speaks, and the hit with some text on each side."""

    speaker: str
    before: str
    match: str
    after: str


def hit_context(transcript: Transcript, hit: Hit, width: int = 40) -> HitContext:
    """The speaker of ``hit`` and up to ``width`` characters of context on each side,
    cut at a space where one is near, with line breaks and tabs shown as spaces."""
    p = transcript.paragraphs[hit.paragraph]
    text = p.en if hit.lang == "en" else p.zh or ""
    lo = max(0, hit.start - width)
    hi = min(len(text), hit.end + width)
    before, after = text[lo : hit.start], text[hit.end : hi]
    if lo > 0:
        cut = before.find(" ")
        before = "…" + (before[cut + 1 :] if 0 <= cut < width // 2 else before)
    if hi < len(text):
        cut = after.rfind(" ")
        after = (after[:cut] if cut > len(after) - width // 2 else after) + "…"
    flat = str.maketrans("\t\n\r\x0b\x0c", "     ")
    return HitContext(
        transcript.speaker_of_paragraph(hit.paragraph).name,
        before.translate(flat),
        text[hit.start : hit.end].translate(flat),
        after.translate(flat),
    )
