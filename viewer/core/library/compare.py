"""Comparing quarters: one company's metrics by fiscal period, and guidance against actual.

Everything comes from the figures stored when the calls were indexed (the figures
extractor's metric, period and nature). A guidance figure (a range or a point, for a period)
given in one call is set against the first *reported* figure of the same metric, unit and
period in a later call: ``above``, ``within`` or ``below`` the guidance, or ``pending`` while
no later call reports it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import Any

from viewer.core.library.models import CallInfo
from viewer.core.library.store import Library


class Verdict(StrEnum):
    """How the reported figure compares with the guidance given for it."""

    ABOVE = "above"
    WITHIN = "within"
    BELOW = "below"
    PENDING = "pending"


@dataclass(frozen=True, slots=True)
class MetricValue:
    """One figure of a call: a point ``value`` or a ``low``-``high`` range."""

    metric: str
    period: str
    nature: str
    value: Decimal | None
    low: Decimal | None
    high: Decimal | None
    unit: str
    quantum: Decimal
    qualifier: str | None
    call_id: int
    file: str
    paragraph: int
    text: str


@dataclass(frozen=True, slots=True)
class GuidanceCheck:
    """A guidance figure against what a later call reported (``actual`` None: pending)."""

    guidance: MetricValue
    guided_in: str | None
    reported: MetricValue | None
    verdict: Verdict

    @property
    def actual(self) -> Decimal | None:
        """The reported value, if a later call reported one."""
        return self.reported.value if self.reported is not None else None


@dataclass(frozen=True, slots=True)
class Comparison:
    """One company across its calls (calls in fiscal-period order)."""

    ticker: str
    calls: tuple[CallInfo, ...]
    metrics: tuple[MetricValue, ...]
    guidance: tuple[GuidanceCheck, ...]

    def metric_names(self) -> list[str]:
        """The metrics found, in first-seen order of the sorted table."""
        return list(dict.fromkeys(m.metric for m in self.metrics))

    def periods(self) -> list[str]:
        """Every period some figure is for, in time order."""
        return sorted({m.period for m in self.metrics}, key=period_key)

    def table(self) -> dict[str, dict[str, dict[str, list[MetricValue]]]]:
        """``metric -> period -> {"reported": [...], "guidance": [...]}``: the side-by-side
        table (periods in time order)."""
        out: dict[str, dict[str, dict[str, list[MetricValue]]]] = {}
        for m in self.metrics:
            cell = out.setdefault(m.metric, {}).setdefault(
                m.period, {"reported": [], "guidance": []}
            )
            cell[m.nature].append(m)
        return out

    def series(self, metric: str, unit: str | None = None) -> list[tuple[str, Decimal]]:
        """The reported point values of ``metric`` by period (the first one of each period),
        for a chart; ``unit`` picks one unit when the metric comes in several."""
        seen: dict[str, Decimal] = {}
        for m in self.metrics:
            if m.metric != metric or m.nature != "reported" or m.value is None:
                continue
            if unit is not None and m.unit != unit:
                continue
            seen.setdefault(m.period, m.value)
        return sorted(seen.items(), key=lambda kv: period_key(kv[0]))


_PERIOD = re.compile(r"^(?:Q(\d) (\d{4})|FY(\d{4})|H(\d) (\d{4})|(\d{4})|Q(\d))$")


def period_key(label: str) -> tuple[int, float]:
    """A sort key for period labels (``Q2 2025``, ``H1 2025``, ``FY2025``, ``2027``,
    ``long term``): quarters, then the half, then the year they end."""
    m = _PERIOD.match(label)
    if m is None:
        return (99999, 0.0)
    q, qy, fy, h, hy, y, qalone = m.groups()
    if q:
        return (int(qy), float(q))
    if fy:
        return (int(fy), 4.5)
    if h:
        return (int(hy), 2.25 if h == "1" else 4.25)
    if y:
        return (int(y), 4.75)
    return (0, float(qalone))


def _dec(v: str | None) -> Decimal | None:
    return None if v is None else Decimal(v)


def verdict(guide: MetricValue, actual: MetricValue) -> Verdict:
    """``actual`` (a point) against ``guide`` (a range, or a point with its qualifier),
    compared exactly as written: 58.7% is below a 59% to 60% range, as the company says."""
    a = actual.value
    assert a is not None
    low, high = guide.low, guide.high
    if guide.value is not None:
        qual = guide.qualifier or ""
        if qual in ("at least", "more than"):
            low, high = guide.value, None
        elif qual in ("less than", "up to"):
            low, high = None, guide.value
        else:
            low = high = guide.value
    if high is not None and a > high:
        return Verdict.ABOVE
    if low is not None and a < low:
        return Verdict.BELOW
    return Verdict.WITHIN


def compare(library: Library, ticker: str, folders: Iterable[str] | None = None) -> Comparison:
    """Metrics by period and guidance against actual for the company listed under
    ``ticker`` (a ticker or a company name, case-insensitive); ``folders``: only the calls
    of those library folders."""
    calls = [c for c in library.calls(ticker) if c.error is None]
    if folders is not None:
        keep = {str(Path(f).expanduser().resolve()) for f in folders}
        calls = [c for c in calls if c.folder in keep]
    order = {c.id: k for k, c in enumerate(calls)}
    by_id = {c.id: c for c in calls}
    figures: list[MetricValue] = []
    if calls:
        marks = ", ".join("?" * len(calls))
        rows = library.connection.execute(
            "SELECT call_id, paragraph, metric, period, nature, value, low, high, unit, "
            "quantum, qualifier, text FROM figures "
            f"WHERE call_id IN ({marks}) AND period IS NOT NULL AND metric != 'other' "
            "AND nature IN ('reported', 'guidance') ORDER BY call_id, rowid",
            [c.id for c in calls],
        ).fetchall()
        seen: set[tuple[object, ...]] = set()
        for cid, par, metric, period, nature, value, low, high, unit, quantum, qual, text in rows:
            key = (cid, metric, period, nature, value, low, high, unit)
            if key in seen:  # the same figure said again in the same call
                continue
            seen.add(key)
            figures.append(
                MetricValue(
                    metric=metric,
                    period=period,
                    nature=nature,
                    value=_dec(value),
                    low=_dec(low),
                    high=_dec(high),
                    unit=unit,
                    quantum=Decimal(quantum),
                    qualifier=qual,
                    call_id=cid,
                    file=by_id[cid].path,
                    paragraph=par,
                    text=text,
                )
            )
    figures.sort(key=lambda m: (m.metric, period_key(m.period), m.nature, order[m.call_id]))
    checks = match_guidance(figures, calls)
    name = calls[0].key if calls else ticker
    return Comparison(name, tuple(calls), tuple(figures), tuple(checks))


def match_guidance(figures: Iterable[MetricValue], calls: list[CallInfo]) -> list[GuidanceCheck]:
    """Each guidance figure of ``figures`` against the first reported figure of the same
    metric, period and unit in a later call (``calls`` in fiscal-period order; a call of
    unknown period is never later). Guidance for the guiding call's own quarter or an
    earlier period is left out (a misreading: a result or an old guidance quoted); the same
    guidance said twice in one period (a call kept in two layouts) is checked once. Sorted
    by period, metric, then call.

    Reported figures are indexed by (metric, period, unit) once, each list in call order,
    and each guidance finds its later call by bisection: a company with thousands of calls
    costs n log n, not guidance times reported figures.
    """
    order = {c.id: k for k, c in enumerate(calls)}
    # per call: its (year, quarter) slot (None: unknown period) and its label, computed once
    slot = {c.id: c.sort_key[:2] if c.fiscal_year is not None else None for c in calls}
    label = {c.id: c.period for c in calls}
    reported: dict[tuple[str, str, str], list[tuple[tuple[int, int], int, int, MetricValue]]] = {}
    guidance: list[MetricValue] = []
    for m in figures:
        if m.nature == "guidance":
            guidance.append(m)
        elif m.nature == "reported" and m.value is not None:
            at = slot[m.call_id]
            if at is not None:  # of unknown period: never "later" than anything
                entry = (at, order[m.call_id], m.paragraph, m)
                reported.setdefault((m.metric, m.period, m.unit), []).append(entry)
    index: dict[tuple[str, str, str], tuple[list[tuple[int, int]], list[MetricValue]]] = {}
    for key, entries in reported.items():
        entries.sort(key=lambda e: e[:3])
        index[key] = ([e[0] for e in entries], [e[3] for e in entries])
    checks: list[GuidanceCheck] = []
    said: set[tuple[object, ...]] = set()
    for g in sorted(guidance, key=lambda m: (order[m.call_id], m.paragraph)):
        cid = g.call_id
        at = slot[cid]
        if at is not None and period_key(g.period) <= at:
            continue  # "guidance" for the call's own quarter or an earlier one: a misreading
        once = (g.metric, g.period, g.value, g.low, g.high, g.unit, g.qualifier, label[cid])
        if once in said:
            continue
        said.add(once)
        match = None
        found = index.get((g.metric, g.period, g.unit))
        if at is not None and found is not None:
            k = bisect_right(found[0], at)
            match = found[1][k] if k < len(found[1]) else None
        checks.append(
            GuidanceCheck(
                guidance=g,
                guided_in=label[cid],
                reported=match,
                verdict=verdict(g, match) if match is not None else Verdict.PENDING,
            )
        )
    keys = {p: period_key(p) for p in {c.guidance.period for c in checks}}
    checks.sort(
        key=lambda c: (keys[c.guidance.period], c.guidance.metric, order[c.guidance.call_id])
    )
    return checks


def _num(v: Decimal | None) -> int | float | None:
    # as ``--json`` figures: ints, and shortest-repr floats for the decimals written
    if v is None:
        return None
    return int(v) if v == v.to_integral_value() else float(v)


def comparison_json(c: Comparison) -> dict[str, Any]:
    """The ``--compare`` document (see the README)."""
    metrics: list[dict[str, Any]] = []
    for m in c.metrics:
        d: dict[str, Any] = {"metric": m.metric, "period": m.period, "nature": m.nature}
        if m.value is not None:
            d["value"] = _num(m.value)
        else:
            d["low"] = _num(m.low)
            d["high"] = _num(m.high)
        d.update(unit=m.unit, file=m.file, paragraph=m.paragraph)
        metrics.append(d)
    return {
        "ticker": c.ticker,
        "calls": [{"file": x.path, "period": x.period} for x in c.calls],
        "metrics": metrics,
        "guidance": [
            {
                "metric": g.guidance.metric,
                "for_period": g.guidance.period,
                "guided_in": g.guided_in,
                "low": _num(g.guidance.low),
                "high": _num(g.guidance.high),
                "value": _num(g.guidance.value),
                "unit": g.guidance.unit,
                "actual": _num(g.actual),
                "verdict": g.verdict.value,
            }
            for g in c.guidance
        ],
    }


def call_name(call: CallInfo) -> str:
    """A call's file name (what a table shows)."""
    return Path(call.path).name
