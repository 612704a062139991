"""Reading guidance right enough to check it against later calls (issue 15): the corpus's
multi-quarter companies showed results taken for guidance and old guidance taken for results.
Sentences here are written for the tests (fictional figures)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.conftest import shared_file
from viewer.core.figures import CallContext, extract_en
from viewer.core.metrics import iter_figures
from viewer.core.transcript_io import load_transcript


def read(text: str, ctx: CallContext) -> list[tuple[str, str | None, str]]:
    return [(f.metric, f.period, f.nature.value) for f in extract_en(text, ctx)]


@pytest.mark.parametrize(
    ("month", "named", "expected"),
    [
        # a January call of a company whose fiscal Q1 is the December quarter
        (1, "December", "Q1 2022"),
        (1, "March", "Q2 2022"),
        (1, "June", "Q3 2022"),
        (1, "September", "Q4 2021"),
        # an August call: the June quarter just ended is the call's own (its fiscal Q1 here)
        (8, "June", "Q1 2022"),
    ],
)
def test_month_named_quarters_follow_the_call_date(month: int, named: str, expected: str) -> None:
    ctx = CallContext(2022, 1, month)
    text = f"Revenue for the {named} quarter was $61.4 million."
    ((metric, period, _),) = read(text, ctx)
    assert (metric, period) == ("revenue", expected)


def test_the_calls_own_month_quarter_is_reported_not_guidance() -> None:
    ctx = CallContext(2022, 1, 1)
    got = read(
        "We are pleased to report results for the December quarter. Revenue was a record "
        "$84.2 billion. For the March quarter, we expect revenue between $60 billion and "
        "$63 billion.",
        ctx,
    )
    assert got == [("revenue", "Q1 2022", "reported"), ("revenue", "Q2 2022", "guidance")]


def test_without_a_date_month_quarters_are_calendar_numbered() -> None:
    assert read("Revenue for the December quarter was $5.1 million.", CallContext(2022, 3)) == [
        ("revenue", "Q4 2022", "guidance")
    ]


def test_an_earlier_guidance_quoted_is_not_a_result() -> None:
    ctx = CallContext(2026, 2, 8)
    got = read(
        "We are raising our operating margin outlook to 14% at the high end, up from 12.5% "
        "in our prior quarter guidance. We now expect revenue of $80 million compared to our "
        "prior expectation of approximately $75 million.",
        ctx,
    )
    natures = [(m, p, n) for m, p, n in got]
    assert ("operating margin", None, "guidance") in natures  # the 12.5%: no period, not reported
    assert all(n != "reported" for _, _, n in natures)
    assert ("revenue", None, "guidance") in natures  # the $75 million


@pytest.mark.parametrize(
    "text",
    [
        "For fiscal 2026, we expect revenue of $2.3 billion to $2.4 billion.",
        "For the year, we anticipate revenue between $2.3 billion and $2.4 billion.",
        "For the full year, we now expect revenue of $2.3 billion.",
    ],
)
def test_the_fiscal_year_under_way_is_guided(text: str) -> None:
    (fig,) = extract_en(text, CallContext(2026, 2, 8))
    assert (fig.metric, fig.period, fig.nature.value) == ("revenue", "FY2026", "guidance")


def test_a_finished_fiscal_year_is_reported() -> None:
    ctx = CallContext(2026, 4, 2)
    assert read("For fiscal 2026, revenue was $2.35 billion.", ctx) == [
        ("revenue", "FY2026", "reported")
    ]


def test_apple_december_quarter_results_are_reported() -> None:
    """A real call (fiscal Q1 = the December quarter): its record revenue is a result of its
    own quarter, not guidance for a calendar Q4."""
    t = load_transcript(
        shared_file("corpus", "earningscall-json", "aapl-q1-2022-advanced-data-level-2.body0.json")
    )
    assert (t.meta.fiscal_year, t.meta.quarter) == (2022, 1)
    revenue = [
        f.main
        for f in iter_figures(t)
        if f.main.metric == "revenue" and f.main.value == Decimal("123900000000")
    ]
    assert revenue and all((m.period, m.nature.value) == ("Q1 2022", "reported") for m in revenue)


def test_guidance_for_a_past_period_is_not_checked() -> None:
    from tests.core.test_library_compare import _call
    from viewer.core.library import MetricValue, match_guidance

    calls = [_call(1, 2025, 2), _call(2, 2025, 3)]

    def fig(cid: int, period: str, nature: str, v: int) -> MetricValue:
        return MetricValue(
            "revenue", period, nature, Decimal(v), None, None, "USD", Decimal(1), None, cid,
            f"/c/{cid}.txt", 0, str(v),
        )  # fmt: skip

    checks = match_guidance(
        [
            fig(1, "Q2 2025", "guidance", 10),  # the call's own quarter: a misreading
            fig(1, "Q1 2025", "guidance", 10),  # an earlier one: an old guidance quoted
            fig(1, "Q3 2025", "guidance", 10),
            fig(2, "Q3 2025", "reported", 12),
        ],
        calls,
    )
    assert [(c.guidance.period, c.verdict.value) for c in checks] == [("Q3 2025", "above")]
