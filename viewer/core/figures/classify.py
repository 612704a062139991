"""Metric, period and nature of each figure, from the sentence around it.

Every look-up here is an index built once per paragraph (sorted positions and bisection, flags
cached per sentence), never a scan of the sentence per figure: a paragraph that is one long
sentence of thousands of figures (a table pasted as one line) costs linear time.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from viewer.core.figures.guidance import EN_VS_GUIDANCE, ZH_VS_GUIDANCE, quotes_guidance
from viewer.core.figures.lexicon import (
    EN_GROWTH_AFTER,
    EN_GROWTH_VERB,
    FINANCIAL_KINDS,
    IMMEDIATE_AFTER,
    MONEY_METRICS,
    PERCENT_METRICS,
    ZH_OWNS,
    Lang,
)
from viewer.core.figures.periods import LT, CallContext, Period, PeriodKind, Q
from viewer.core.figures.tokens import Token
from viewer.core.metrics_models import Nature

#: The longest gap ``ZH_OWNS`` accepts between a period and the figure it owns.
_OWNS_GAP = 5
#: How far before a period a comparison word (``compared to``, ``較``) is looked for.
_COMPARATOR_REACH = 16
# An earlier guidance quoted beside a new one: "up from 12.5% in our prior quarter guidance",
# "compared to our prior expectation of approximately $50 million" (issue 15: not a result).
_EARLIER = r"(?:prior|previous|original|initial|earlier|last\s+quarter'?s?)\s+(?:quarter'?s?\s+)?"
_GUIDE = r"(?:guidance|guide|outlook|expectations?|forecast)"
_EARLIER_GUIDANCE_AFTER = re.compile(
    rf"\s*in\s+(?:our|the)\s+{_EARLIER}{_GUIDE}",
    re.I,
)
# Each optional word carries its own blanks: "\s*(?:of)?\s*(?:about)?\s*$" splits a long blank
# run between three \s* in every way before failing (cubic).
_EARLIER_GUIDANCE_BEFORE = re.compile(
    rf"{_EARLIER}{_GUIDE}\s*(?:(?:of|was|at)\s*)?(?:(?:approximately|about|around|roughly)\s*)?$",
    re.I,
)


def compatible(metric: str, tok: Token) -> bool:
    """Whether a figure of ``tok``'s kind can measure ``metric``."""
    kind = tok.kind
    if kind == "money":
        if metric == "EPS":
            v = tok.high if tok.high is not None else tok.scaled_value()
            return abs(v) < 1000
        return metric in MONEY_METRICS
    if kind in ("percent", "percentage points", "basis points"):
        return metric in PERCENT_METRICS
    if kind == "shares":
        return metric == "share count"
    if kind == "headcount":
        return metric == "headcount"
    if kind == "count":
        return metric in MONEY_METRICS or metric == "headcount"
    return False


@dataclass
class _Paragraph:
    """The indexes of one paragraph: sentences, metric keywords, periods, cue words."""

    text: str
    lang: Lang
    ctx: CallContext
    bounds: list[int]
    # metric name -> starts and ends of its keywords, in order
    kw_starts: dict[str, list[int]] = field(default_factory=dict)
    kw_ends: dict[str, list[int]] = field(default_factory=dict)
    per: list[tuple[int, int, Period]] = field(default_factory=list)
    per_starts: list[int] = field(default_factory=list)
    comparator: list[bool] = field(default_factory=list)  # a comparison word before it
    last_plain: list[int] = field(default_factory=list)  # latest k' <= k without one
    next_usable: list[int] = field(default_factory=list)  # first k' >= k usable after
    growth_verbs: list[tuple[int, int]] = field(default_factory=list)
    flags: dict[tuple[int, str], bool] = field(default_factory=dict)

    def sentence_has(self, si: int, what: str) -> bool:
        """Whether sentence ``si`` holds a future, target or forward-looking word."""
        key = (si, what)
        hit = self.flags.get(key)
        if hit is None:
            pat = getattr(self.lang, what)
            hit = pat.search(self.text, self.bounds[si], self.bounds[si + 1]) is not None
            self.flags[key] = hit
        return hit


def _index(text: str, toks: list[Token], lang: Lang, ctx: CallContext) -> tuple[_Paragraph, int]:
    bounds = [0] + [m.end() for m in lang.sent.finditer(text)] + [len(text) + 1]
    para = _Paragraph(text, lang, ctx, bounds)
    # metric keywords only matter in the sentences that hold figures
    first = bounds[bisect_right(bounds, toks[0].start) - 1]
    last = min(len(text), bounds[bisect_right(bounds, toks[-1].start)])
    src = text
    if lang.english:
        low = text.lower()
        src = low if len(low) == len(text) else text
    for m in lang.metric_re.finditer(src, first, last):
        name = lang.metric_names[int((m.lastgroup or "m0")[1:])]
        para.kw_starts.setdefault(name, []).append(m.start())
        para.kw_ends.setdefault(name, []).append(m.end())
    for m in lang.period_re.finditer(text, first, last):
        p = lang.period_of(m, ctx)
        if p is not None:
            para.per.append((m.start(), m.end(), p))
    para.per_starts = [p[0] for p in para.per]
    plain = -1
    for k, (start, _, _) in enumerate(para.per):
        comp = lang.comparator.search(text, max(0, start - _COMPARATOR_REACH), start) is not None
        para.comparator.append(comp)
        if not comp:
            plain = k
        para.last_plain.append(plain)
    usable = len(para.per)
    para.next_usable = [0] * len(para.per)
    for k in range(len(para.per) - 1, -1, -1):
        if para.per[k][2].kind is LT or not para.comparator[k]:
            usable = k
        para.next_usable[k] = usable
    if lang.english:
        para.growth_verbs = [m.span() for m in EN_GROWTH_VERB.finditer(text, first, last)]
    return para, first


def classify(text: str, toks: list[Token], lang: Lang, ctx: CallContext, analyst: bool) -> None:
    """Metric, period and nature of each figure, from its sentence."""
    if not toks:
        return
    para, first = _index(text, toks, lang, ctx)
    bounds = para.bounds
    topics: tuple[list[int], list[Period]] | None = None  # computed when needed
    fig_sentences = {bisect_right(bounds, t.start) - 1 for t in toks}
    for i, t in enumerate(toks):
        si = bisect_right(bounds, t.start) - 1
        s_start, s_end = bounds[si], bounds[si + 1]
        prev_end = max(s_start, toks[i - 1].end) if i > 0 else s_start
        next_start = min(s_end, toks[i + 1].start) if i + 1 < len(toks) else s_end
        t.period = _period_for(para, t, s_start, next_start)
        if t.period is None and not analyst:
            # "Q3 was a record. Revenue was $X.": an earlier sentence without figures may
            # set the period for the sentences after it
            if topics is None:
                topics = _topic_periods(para, first, fig_sentences)
            k = bisect_left(topics[0], s_start) - 1
            if k >= 0:
                t.period = topics[1][k]
        t.metric = _metric_for(para, t, s_start, prev_end, next_start)
        p = t.period
        if (
            p is not None
            and p.alone
            and p.year is not None
            and para.sentence_has(si, "future")
            and not ctx.is_future(p)
        ):
            # "in Q2, we should have ...": a quarter named without a year in a forward-looking
            # sentence is the coming one, not last year's
            t.period = Period(Q, p.year + 1, p.n)
        t.nature = _nature_for(para, si, text[prev_end : t.start], t.period, analyst)
        if lang.english and not analyst and _earlier_guidance(text, prev_end, t, next_start):
            # an earlier guidance quoted: neither a result nor a new outlook, and what period
            # it was for the sentence does not say
            t.nature, t.period = Nature.GUIDANCE, None
        elif t.period is None and t.kind in FINANCIAL_KINDS and not analyst:
            if t.nature is Nature.GUIDANCE:
                # guidance without a period is for the coming quarter
                t.period = ctx.shift(1)
            elif t.nature is Nature.REPORTED:
                # a result without a period is the call's own quarter
                t.period = ctx.shift(0)
        if t.metric == "EPS" and t.kind == "money":
            t.kind = "per share"


def _year_ahead(para: _Paragraph, si: int, period: Period | None) -> bool:
    """ "For fiscal 2026, we expect revenue of $2.3 billion" on a call before that year's
    end: the fiscal year under way, in a forward-looking sentence, is guidance."""
    ctx = para.ctx
    return (
        period is not None
        and period.kind is PeriodKind.FISCAL_YEAR
        and period.year == ctx.year
        and ctx.quarter is not None
        and ctx.quarter < 4
        and para.sentence_has(si, "future")
    )


def _earlier_guidance(text: str, prev_end: int, t: Token, next_start: int) -> bool:
    """Whether the figure is an earlier guidance quoted ("up from 12.5% in our prior quarter
    guidance", "our prior expectation of $50 million")."""
    return (
        _EARLIER_GUIDANCE_AFTER.match(text, t.end, next_start) is not None
        or _EARLIER_GUIDANCE_BEFORE.search(text, prev_end, t.start) is not None
    )


def _topic_periods(
    para: _Paragraph, first: int, fig_sentences: set[int]
) -> tuple[list[int], list[Period]]:
    """Periods (not "long term") named in sentences that hold no figure, by position."""
    starts: list[int] = []
    found: list[Period] = []
    lang, ctx = para.lang, para.ctx
    for m in lang.period_re.finditer(para.text, 0, first):
        p = lang.period_of(m, ctx)
        if p is not None and p.kind is not LT:
            starts.append(m.start())
            found.append(p)
    for start, _, p in para.per:
        if p.kind is not LT and bisect_right(para.bounds, start) - 1 not in fig_sentences:
            starts.append(start)
            found.append(p)
    return starts, found


def _period_for(para: _Paragraph, t: Token, s_start: int, next_start: int) -> Period | None:
    text, per, lang = para.text, para.per, para.lang
    j = bisect_left(para.per_starts, t.end)
    # 1. "... $51.3 million in the previous quarter": the period right after the figure
    if j < len(per) and per[j][0] < next_start:
        between = text[t.end : per[j][0]]
        if lang.english and IMMEDIATE_AFTER.match(between) and len(between) < 20:
            return per[j][2]
    # 2. the nearest period before it in the sentence that is no comparison ("較上一季"),
    # unless it owns the figure right after it ("高於上一季的 5,130 萬美元")
    k = bisect_left(para.per_starts, t.start) - 1
    while k >= 0 and per[k][1] > t.start:  # a period overlapping the figure
        k -= 1
    near = k
    while near >= 0 and per[near][0] >= s_start and per[near][1] >= t.start - _OWNS_GAP:
        owns = not lang.english and ZH_OWNS.match(text, per[near][1], t.start) is not None
        if owns or not para.comparator[near]:
            return per[near][2]
        near -= 1
    if k >= 0:
        plain = para.last_plain[k]
        if plain >= 0 and per[plain][0] >= s_start:
            return per[plain][2]
    # 3. a period after it in the sentence that is not a comparison ("consistent with Q4");
    # the comparison word may not reach back into the figure itself
    while j < len(per) and per[j][0] < next_start and per[j][0] - _COMPARATOR_REACH < t.end:
        if per[j][2].kind is LT or not lang.comparator.search(text, t.end, per[j][0]):
            return per[j][2]
        j += 1
    if j < len(per):
        usable = para.next_usable[j]
        if usable < len(per) and per[usable][0] < next_start:
            return per[usable][2]
    return None


def _metric_for(para: _Paragraph, t: Token, s_start: int, prev_end: int, next_start: int) -> str:
    if t.kind in ("percent", "percentage points", "basis points"):
        growth = _growth_for(para, t, s_start, prev_end, next_start)
        if growth is not None:
            return growth
    # the nearest compatible keyword before the figure in its sentence, else the first after
    best: tuple[int, str] | None = None
    for name, ends in para.kw_ends.items():
        if not compatible(name, t):
            continue
        k = bisect_right(ends, t.start) - 1
        if k >= 0:
            start = para.kw_starts[name][k]
            if start >= s_start and (best is None or start > best[0]):
                best = (start, name)
    if best is not None:
        return best[1]
    for name, starts in para.kw_starts.items():
        if not compatible(name, t):
            continue
        k = bisect_left(starts, t.end)
        if k < len(starts) and starts[k] < next_start and (best is None or starts[k] < best[0]):
            best = (starts[k], name)
    if best is not None:
        return best[1]
    if t.kind == "shares":
        return "share count"
    if t.kind == "headcount":
        return "headcount"
    return "other"


def _growth_for(
    para: _Paragraph, t: Token, s_start: int, prev_end: int, next_start: int
) -> str | None:
    text, lang, ctx = para.text, para.lang, para.ctx
    before = text[prev_end : t.start]
    after = text[t.end : next_start]
    if lang.english:
        m = lang.growth_before.search(before)
        cue = m is not None and (
            m.group(1).lower() != "by" or _verb_between(para, s_start, t.start)
        )
        cue = cue or EN_GROWTH_AFTER.match(after) is not None
        if not cue:
            return None
        where = after
    else:
        if lang.growth_before.search(before) is None:
            return None
        where = before
    if lang.qq.search(where):
        return "growth q/q"
    if lang.yy.search(where):
        return "growth y/y"
    own = t.period if t.period is not None else ctx.shift(0)
    for m in lang.period_re.finditer(where):
        p = lang.period_of(m, ctx)
        if p is None or own is None or p.kind is not Q or own.kind is not Q:
            continue
        y, q, oy, oq = p.year, p.n, own.year, own.n
        if y is None or q is None or oy is None or oq is None:
            continue
        if (y, q) == (oy - 1, oq):
            return "growth y/y"
        if y * 4 + q == oy * 4 + oq - 1:
            return "growth q/q"
    if own is not None and own.kind is PeriodKind.FISCAL_YEAR:
        return "growth y/y"
    return None


def _verb_between(para: _Paragraph, lo: int, hi: int) -> bool:
    """Whether a growth verb lies wholly in ``[lo, hi)``."""
    verbs = para.growth_verbs
    k = bisect_left(verbs, (lo, -1))
    return k < len(verbs) and verbs[k][1] <= hi


def _against_guidance(para: _Paragraph, si: int) -> bool:
    """Sentence ``si`` sets a result against guidance and looks at no future (cached)."""
    key = (si, "vs-guidance")
    hit = para.flags.get(key)
    if hit is None:
        pat = EN_VS_GUIDANCE if para.lang.english else ZH_VS_GUIDANCE
        lo, hi = para.bounds[si], para.bounds[si + 1]
        hit = pat.search(para.text, lo, hi) is not None and not para.sentence_has(si, "future")
        para.flags[key] = hit
    return hit


def _nature_for(
    para: _Paragraph, si: int, window: str, period: Period | None, analyst: bool
) -> Nature:
    if analyst:
        return Nature.ANALYST
    if period is not None and period.kind in (LT, PeriodKind.YEAR):
        return Nature.TARGET
    if para.sentence_has(si, "target"):
        return Nature.TARGET
    if period is not None and para.ctx.is_future(period):
        return Nature.GUIDANCE
    if _year_ahead(para, si, period):
        return Nature.GUIDANCE
    if _against_guidance(para, si) and not quotes_guidance(window, para.lang.english):
        return Nature.REPORTED  # a result set against guidance reports the quarter
    if para.lang.guide_window.search(window):
        return Nature.GUIDANCE
    if period is None and para.sentence_has(si, "forward"):
        return Nature.GUIDANCE
    return Nature.REPORTED
