"""Comparing quarters: metrics by period and guidance against actual (issue 15)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.core.library_util import CLNT, make_folder
from viewer.core.library import (
    CallInfo,
    Library,
    MetricValue,
    Verdict,
    compare,
    comparison_json,
    period_key,
)
from viewer.core.library.compare import match_guidance, verdict


@pytest.fixture(scope="module")
def lib(tmp_path_factory: pytest.TempPathFactory) -> Library:
    root = tmp_path_factory.mktemp("cmp")
    library = Library(root / "lib.db")
    library.add_folder(make_folder(root))
    library.rescan()
    return library


def checks(lib: Library) -> dict[tuple[str, str], tuple[str | None, Decimal | None, Verdict]]:
    c = compare(lib, "CLNT")
    return {
        (g.guidance.metric, g.guidance.period): (g.guided_in, g.actual, g.verdict)
        for g in c.guidance
    }


def test_guidance_against_actual(lib: Library) -> None:
    got = checks(lib)
    D = Decimal
    assert got == {
        # Q3 2024: "ahead of the top end", "above our guidance range", short of a point
        ("revenue", "Q3 2024"): ("Q2 2024", D("158200000"), Verdict.ABOVE),
        ("EPS", "Q3 2024"): ("Q2 2024", D("0.27"), Verdict.ABOVE),
        ("gross margin", "Q3 2024"): ("Q2 2024", D("58.4"), Verdict.BELOW),
        # Q4 2024: within, within, below the low end
        ("revenue", "Q4 2024"): ("Q3 2024", D("163500000"), Verdict.WITHIN),
        ("EPS", "Q4 2024"): ("Q3 2024", D("0.28"), Verdict.WITHIN),
        ("gross margin", "Q4 2024"): ("Q3 2024", D("58.7"), Verdict.BELOW),
        # Q1 2025: a miss, a beat, in line
        ("revenue", "Q1 2025"): ("Q4 2024", D("149700000"), Verdict.BELOW),
        ("gross margin", "Q1 2025"): ("Q4 2024", D("60.3"), Verdict.ABOVE),
        ("EPS", "Q1 2025"): ("Q4 2024", D("0.25"), Verdict.WITHIN),
        # Q2 2025: beat the top end; "about 60%" met exactly
        ("revenue", "Q2 2025"): ("Q1 2025", D("171400000"), Verdict.ABOVE),
        ("EPS", "Q2 2025"): ("Q1 2025", D("0.30"), Verdict.WITHIN),
        ("gross margin", "Q2 2025"): ("Q1 2025", D("60.0"), Verdict.WITHIN),
        # guided in the last call: nothing reports it yet
        ("revenue", "Q3 2025"): ("Q2 2025", None, Verdict.PENDING),
        ("EPS", "Q3 2025"): ("Q2 2025", None, Verdict.PENDING),
    }


def test_both_paragraphs_are_one_click_away(lib: Library) -> None:
    c = compare(lib, "clnt")
    g = next(
        g for g in c.guidance if (g.guidance.metric, g.guidance.period) == ("revenue", "Q3 2024")
    )
    assert Path(g.guidance.file).name == "CLNT-2024-Q2.txt"
    assert g.reported is not None and Path(g.reported.file).name == "CLNT-2024-Q3.txt"
    for m in (g.guidance, g.reported):
        p = lib.paragraph(m.call_id, m.paragraph)
        assert p is not None and m.text in p.en


def test_metrics_by_period_side_by_side(lib: Library) -> None:
    c = compare(lib, "CLNT")
    assert [x.period for x in c.calls] == ["Q2 2024", "Q3 2024", "Q4 2024", "Q1 2025", "Q2 2025"]
    table = c.table()
    q3 = table["revenue"]["Q3 2024"]
    assert [m.value for m in q3["reported"]] == [Decimal("158200000")]
    assert [(m.low, m.high) for m in q3["guidance"]] == [
        (Decimal("150000000"), Decimal("155000000"))
    ]
    assert c.series("revenue") == [
        ("Q2 2024", Decimal("142600000")),
        ("Q3 2024", Decimal("158200000")),
        ("Q4 2024", Decimal("163500000")),
        ("FY2024", Decimal("588400000")),
        ("Q1 2025", Decimal("149700000")),
        ("Q2 2025", Decimal("171400000")),
    ]
    assert {"revenue", "EPS", "gross margin"} <= set(c.metric_names())


def test_comparison_json(lib: Library) -> None:
    doc = comparison_json(compare(lib, "CLNT"))
    assert set(doc) == {"ticker", "calls", "metrics", "guidance"}
    assert doc["ticker"] == "CLNT"
    assert [Path(x["file"]).name for x in doc["calls"]] == [f.name for f in CLNT]
    for m in doc["metrics"]:
        assert m["nature"] in ("reported", "guidance")
        assert ("value" in m) != ("low" in m and "high" in m)
        assert {"metric", "period", "unit", "file", "paragraph"} <= set(m)
    rev = next(
        g for g in doc["guidance"] if (g["metric"], g["for_period"]) == ("revenue", "Q1 2025")
    )
    assert rev == {
        "metric": "revenue",
        "for_period": "Q1 2025",
        "guided_in": "Q4 2024",
        "low": 155000000,
        "high": 160000000,
        "value": None,
        "unit": "USD",
        "actual": 149700000,
        "verdict": "below",
    }


def test_unknown_company_is_empty(lib: Library) -> None:
    c = compare(lib, "NOPE")
    assert (c.calls, c.metrics, c.guidance) == ((), (), ())


def mv(
    value: str | None = None,
    low: str | None = None,
    high: str | None = None,
    qual: str | None = None,
) -> MetricValue:
    d = lambda s: None if s is None else Decimal(s)  # noqa: E731
    return MetricValue(
        "revenue",
        "Q1 2025",
        "guidance",
        d(value),
        d(low),
        d(high),
        "USD",
        Decimal("0.1"),
        qual,
        1,
        "f",
        0,
        "",
    )


@pytest.mark.parametrize(
    ("guide", "actual", "expected"),
    [
        (mv(low="10", high="12"), "12", Verdict.WITHIN),
        (mv(low="10", high="12"), "12.1", Verdict.ABOVE),
        (mv(low="10", high="12"), "9.9", Verdict.BELOW),
        (mv(value="10"), "10.0", Verdict.WITHIN),
        (mv(value="10", qual="approximately"), "10.2", Verdict.ABOVE),
        (mv(value="10", qual="at least"), "15", Verdict.WITHIN),
        (mv(value="10", qual="at least"), "9", Verdict.BELOW),
        (mv(value="10", qual="up to"), "11", Verdict.ABOVE),
        (mv(low="-7", high="-5"), "-8", Verdict.BELOW),
    ],
)
def test_verdicts(guide: MetricValue, actual: str, expected: Verdict) -> None:
    assert verdict(guide, mv(value=actual)) is expected


def test_period_order() -> None:
    labels = ["FY2025", "Q2 2025", "long term", "H1 2025", "Q1 2025", "2027", "Q4 2024"]
    assert sorted(labels, key=period_key) == [
        "Q4 2024",
        "Q1 2025",
        "Q2 2025",
        "H1 2025",
        "FY2025",
        "2027",
        "long term",
    ]


# --- guidance matching at scale: the indexed matcher against the naive one ------------------


def _call(cid: int, year: int | None, quarter: int | None) -> CallInfo:
    return CallInfo(
        cid, f"/c/{cid}.txt", "/c", "Co", "CO", year, quarter, None, None, None, None,
        0, 0, 0, 0, None,
    )  # fmt: skip


def _naive(figures: list[MetricValue], calls: list[CallInfo]) -> list[tuple[object, ...]]:
    """The quadratic definition: every reported figure looked at for every guidance."""
    order = {c.id: k for k, c in enumerate(calls)}
    by_id = {c.id: c for c in calls}
    out, said = [], set()
    for g in sorted(
        (m for m in figures if m.nature == "guidance"),
        key=lambda m: (order[m.call_id], m.paragraph),
    ):
        call = by_id[g.call_id]
        if call.fiscal_year is not None and period_key(g.period) <= call.sort_key[:2]:
            continue
        once = (g.metric, g.period, g.value, g.low, g.high, g.unit, g.qualifier, call.period)
        if once in said:
            continue
        said.add(once)
        later = [
            m
            for m in figures
            if m.nature == "reported"
            and m.value is not None
            and (m.metric, m.period, m.unit) == (g.metric, g.period, g.unit)
            and call.fiscal_year is not None
            and by_id[m.call_id].fiscal_year is not None
            and by_id[m.call_id].sort_key[:2] > call.sort_key[:2]
        ]
        later.sort(key=lambda m: (by_id[m.call_id].sort_key[:2], order[m.call_id], m.paragraph))
        actual = later[0] if later else None
        out.append((g, actual, verdict(g, actual) if actual else Verdict.PENDING))
    key = lambda t: (period_key(t[0].period), t[0].metric, order[t[0].call_id])  # noqa: E731
    return sorted(out, key=key)  # type: ignore[arg-type]


@st.composite
def libraries(draw: st.DrawFn) -> tuple[list[MetricValue], list[CallInfo]]:
    n = draw(st.integers(1, 8))
    slots = sorted(draw(st.lists(st.integers(0, 6), min_size=n, max_size=n)))
    calls = [_call(k + 1, 2024 + s // 4, s % 4 + 1) for k, s in enumerate(slots)]
    if draw(st.booleans()):
        calls.append(_call(99, None, None))  # a call of unknown period sorts last
    figures = []
    for k in range(draw(st.integers(0, 30))):
        call = draw(st.sampled_from(calls))
        s = draw(st.integers(0, 7))
        point = draw(st.booleans())
        v = Decimal(draw(st.integers(0, 20)))
        figures.append(
            MetricValue(
                metric=draw(st.sampled_from(["revenue", "EPS"])),
                period=f"Q{s % 4 + 1} {2024 + s // 4}",
                nature=draw(st.sampled_from(["reported", "guidance"])),
                value=v if point else None,
                low=None if point else v,
                high=None if point else v + 2,
                unit=draw(st.sampled_from(["USD", "percent"])),
                quantum=Decimal(1),
                qualifier=None,
                call_id=call.id,
                file=call.path,
                paragraph=k,
                text=str(v),
            )
        )
    return figures, calls


@settings(max_examples=150, deadline=None)
@given(libraries())
def test_indexed_matching_equals_the_naive_one(
    lib_: tuple[list[MetricValue], list[CallInfo]],
) -> None:
    figures, calls = lib_
    got = [(c.guidance, c.reported, c.verdict) for c in match_guidance(figures, calls)]
    assert got == _naive(figures, calls)


def test_the_same_guidance_in_two_copies_of_a_call_is_checked_once(
    tmp_path: Path,
) -> None:
    folder = make_folder(tmp_path)
    copy = folder / "copy"
    copy.mkdir()
    (copy / "CLNT-2024-Q2-again.txt").write_bytes(
        (folder / "CLNT-2024-Q2.txt").read_bytes().replace(b"Thanks", b"Thank you")
    )
    with Library(tmp_path / "lib.db") as library:
        library.add_folder(folder)
        library.rescan()
        guided_q3 = [g for g in compare(library, "CLNT").guidance if g.guided_in == "Q2 2024"]
        assert len(guided_q3) == len({(g.guidance.metric, g.guidance.period) for g in guided_q3})
        assert len(compare(library, "CLNT").calls) == 6
