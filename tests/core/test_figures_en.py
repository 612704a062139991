"""English figure extraction: every form of issue 3, values exact in base units."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from viewer.core.figures import CallContext, extract_en, fold
from viewer.core.metrics_models import FigureSide, Nature

CTX = CallContext(2030, 2)  # a fictional call: Q2 2030


def one(text: str, ctx: CallContext = CTX, analyst: bool = False) -> FigureSide:
    figs = extract_en(text, ctx, analyst=analyst)
    assert len(figs) == 1, [f.text for f in figs]
    f = figs[0]
    assert text[f.start : f.end] == f.text
    return f


@pytest.mark.parametrize(
    ("sentence", "written", "kind", "unit", "value"),
    [
        (
            "Sales reached $141.1 million this time.",
            "$141.1 million",
            "money",
            "USD",
            D("141100000"),
        ),
        ("We booked US$2.5 billion in orders.", "US$2.5 billion", "money", "USD", D("2500000000")),
        ("A deal worth $750 thousand closed.", "$750 thousand", "money", "USD", D("750000")),
        ("Backlog is $3.2B today.", "$3.2B", "money", "USD", D("3200000000")),
        ("Backlog is $45M today.", "$45M", "money", "USD", D("45000000")),
        ("Backlog is $1.2bn today.", "$1.2bn", "money", "USD", D("1200000000")),
        ("Backlog is $300mm today.", "$300mm", "money", "USD", D("300000000")),
        ("Backlog is $12,345 today.", "$12,345", "money", "USD", D("12345")),
        ("It cost 40 cents more.", "40 cents", "money", "USD", D("0.40")),
        ("Margin was 25% again.", "25%", "percent", "percent", D("25")),
        ("Margin was 25 percent again.", "25 percent", "percent", "percent", D("25")),
        ("Margin rose 150 basis points.", "150 basis points", "basis points", "bp", D("150")),
        ("Margin rose 40 bps.", "40 bps", "basis points", "bp", D("40")),
        (
            "Margin rose 2 percentage points.",
            "2 percentage points",
            "percentage points",
            "pp",
            D("2"),
        ),
        ("We now have 1,250 employees.", "1,250 employees", "headcount", "people", D("1250")),
        ("We hired 85 engineers.", "85 engineers", "headcount", "people", D("85")),
        ("The port runs at 400-gig speeds.", "400-gig", "bandwidth", "Gbps", D("400")),
        ("Lanes of 200 gigabit per lane.", "200 gigabit", "bandwidth", "Gbps", D("200")),
        ("A 1.6T optical module.", "1.6T", "bandwidth", "Gbps", D("1600")),
        ("A switch at 800G ships.", "800G", "bandwidth", "Gbps", D("800")),
        ("Links at 112 Gbps work.", "112 Gbps", "bandwidth", "Gbps", D("112")),
        ("Demand is 3x supply.", "3x", "multiple", "x", D("3")),
        ("Demand is 2.5 times supply.", "2.5 times", "multiple", "x", D("2.5")),
    ],
)
def test_single_forms(sentence: str, written: str, kind: str, unit: str, value: D) -> None:
    f = one(sentence)
    assert (f.text, f.kind, f.unit, f.value) == (written, kind, unit, value)
    assert f.low is None and f.high is None


def test_share_counts_with_scale() -> None:
    f = one("The diluted count should be about 96.5 million shares next period.")
    assert (f.kind, f.unit, f.value, f.qualifier) == (
        "shares",
        "shares",
        D("96500000"),
        "approximately",
    )
    assert f.metric == "share count"


def test_per_share_value_and_range() -> None:
    f = one("Diluted earnings per share were $0.37 for the period.")
    assert (f.kind, f.unit, f.value, f.metric) == ("per share", "USD", D("0.37"), "EPS")
    r = one("We guide EPS of $0.28 to $0.29.")
    assert (r.kind, r.value, r.low, r.high, r.metric) == (
        "per share",
        None,
        D("0.28"),
        D("0.29"),
        "EPS",
    )


@pytest.mark.parametrize(
    ("sentence", "written", "low", "high"),
    [
        (
            "Revenue of $20 million to $22 million is expected.",
            "$20 million to $22 million",
            D("2e7"),
            D("2.2e7"),
        ),
        (
            "Revenue between $1.2 billion and $1.25 billion is expected.",
            "$1.2 billion and $1.25 billion",
            D("1.2e9"),
            D("1.25e9"),
        ),
        (
            "We expect revenue within a range of $151 million and $155 million.",
            "$151 million and $155 million",
            D("1.51e8"),
            D("1.55e8"),
        ),
        ("We expect revenue of $30-32 million.", "$30-32 million", D("3e7"), D("3.2e7")),
        ("We expect revenue of $30 to $32 million.", "$30 to $32 million", D("3e7"), D("3.2e7")),
        ("Growth of 7% to 10% is expected.", "7% to 10%", D("7"), D("10")),
        ("Growth of 7 to 10% is expected.", "7 to 10%", D("7"), D("10")),
        ("Growth between 7 and 10 percent is expected.", "7 and 10 percent", D("7"), D("10")),
        ("Growth of 12%–14% is expected.", "12%–14%", D("12"), D("14")),
    ],
)
def test_ranges(sentence: str, written: str, low: D, high: D) -> None:
    f = one(sentence)
    assert (f.text, f.value, f.low, f.high) == (written, None, low, high)


def test_and_without_range_cue_is_two_figures() -> None:
    figs = extract_en("We ship 200 gig and 400 gig parts.", CTX)
    assert [f.value for f in figs] == [D("200"), D("400")]


def test_from_to_is_two_figures() -> None:
    figs = extract_en("Spending grew from $51 million to $56 million.", CTX)
    assert [f.value for f in figs] == [D("5.1e7"), D("5.6e7")]


@pytest.mark.parametrize(
    ("sentence", "qualifier"),
    [
        ("Margin will be approximately 60%.", "approximately"),
        ("Margin will be roughly 60%.", "approximately"),
        ("Margin will be about 60%.", "approximately"),
        ("Margin will be around 60%.", "approximately"),
        ("Margin grew nearly 60%.", "nearly"),
        ("Margin grew almost 60%.", "nearly"),
        ("Orders reached at least $5 million.", "at least"),
        ("Orders reached more than $5 million.", "more than"),
        ("Orders reached over $5 million.", "more than"),
        ("Orders reached $5 million or more.", "at least"),
        ("Orders reached less than $5 million.", "less than"),
        ("Orders reached up to $5 million.", "up to"),
    ],
)
def test_qualifiers(sentence: str, qualifier: str) -> None:
    assert one(sentence).qualifier == qualifier


def test_qualifier_applies_to_a_range() -> None:
    f = one("We expect costs in a range of approximately $66 million to $67 million.")
    assert (f.low, f.high, f.qualifier) == (D("6.6e7"), D("6.7e7"), "approximately")


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("GAAP EPS was $(0.15) this quarter.", D("-0.15")),
        ("GAAP EPS was ($0.15) this quarter.", D("-0.15")),
        ("GAAP EPS was -$0.15 this quarter.", D("-0.15")),
        ("We posted a net loss of $4.2 million.", D("-4200000")),
        ("Loss per share was $0.08.", D("-0.08")),
    ],
)
def test_negatives(sentence: str, value: D) -> None:
    assert one(sentence).value == value


@pytest.mark.parametrize(
    "sentence",
    [
        "In 2029 and 2030 we grew; Q4 was fine and so was the fourth quarter.",
        "Our PCIe Gen 6 parts and the Gen 5 ones ship.",
        "See our Form 10-K and the 10-Q filed on March 31, 2030.",
        "We have 12 months of runway and four customers, and talked about '31.",
        "The first of 3 products, version 2.0, ships in 5G phones on 24/7 lines.",
    ],
)
def test_not_figures(sentence: str) -> None:
    assert extract_en(sentence, CTX) == []


def test_full_width_digits_keep_offsets() -> None:
    text = "Revenue was $１４１.１ million."
    f = one(text)
    assert f.value == D("141100000")
    assert text[f.start : f.end] == "$１４１.１ million"
    assert len(fold(text)) == len(text)


def test_precision_written_is_kept() -> None:
    assert one("Revenue was $141.1 million.").quantum == D("1e5")
    assert one("Revenue was $141 million.").quantum == D("1e6")
    assert one("EPS was $0.30.").quantum == D("0.01")


@pytest.mark.parametrize(
    ("sentence", "metric"),
    [
        ("Revenue for the quarter was $50.1 million.", "revenue"),
        ("GAAP gross margin was 61.5%.", "gross margin"),
        ("Operating expenses were $20.2 million.", "operating expenses"),
        ("R&D expense was $12.3 million.", "R&D"),
        ("Sales and marketing expense was $4.4 million.", "sales and marketing"),
        ("General and administrative expense was $3.1 million.", "G&A"),
        ("Operating margin was 18.2%.", "operating margin"),
        ("Interest income was $2.2 million.", "interest income"),
        ("The tax rate was 12%.", "tax rate"),
        ("Cash flow from operating activities was $9.9 million.", "operating cash flow"),
        ("We ended with cash and equivalents of $400 million.", "cash"),
        ("We see a $9 billion TAM.", "market size"),
        ("We now have 310 employees.", "headcount"),
        ("Revenue was up 12% sequentially.", "growth q/q"),
        ("Revenue grew 40% year over year.", "growth y/y"),
        ("It was 44% higher than Q2 of 2029.", "growth y/y"),
        ("Up 9% versus the previous quarter.", "growth q/q"),
        ("We won 3 new logos worth 5% of the pipeline.", "other"),
    ],
)
def test_metrics(sentence: str, metric: str) -> None:
    figs = extract_en(sentence, CTX)
    assert figs[-1].metric == metric


def test_nearest_metric_wins_in_a_list() -> None:
    figs = extract_en(
        "R&D was $12.3 million, sales and marketing was $4.4 million and G&A was $3.1 million.",
        CTX,
    )
    assert [f.metric for f in figs] == ["R&D", "sales and marketing", "G&A"]


@pytest.mark.parametrize(
    ("sentence", "period", "nature"),
    [
        ("Q2 revenue was $50 million.", "Q2 2030", Nature.REPORTED),
        ("Revenue for Q1 of 2030 was $45 million.", "Q1 2030", Nature.REPORTED),
        (
            "Revenue in the second quarter of fiscal 2030 was $45 million.",
            "Q2 2030",
            Nature.REPORTED,
        ),
        ("It was $41 million in the previous quarter.", "Q1 2030", Nature.REPORTED),
        ("For Q3, we expect revenue of $55 million to $57 million.", "Q3 2030", Nature.GUIDANCE),
        ("We expect revenue of about $55 million.", "Q3 2030", Nature.GUIDANCE),
        ("Full year 2029 revenue was $150 million.", "FY2029", Nature.REPORTED),
        ("Fiscal 2029 revenue was $150 million.", "FY2029", Nature.REPORTED),
        ("We target a 45% operating margin over the long term.", "long term", Nature.TARGET),
        ("The market will reach $8 billion by 2034.", "2034", Nature.TARGET),
    ],
)
def test_period_and_nature(sentence: str, period: str, nature: Nature) -> None:
    f = extract_en(sentence, CTX)[-1]
    assert (f.period, f.nature) == (period, nature)


def test_analyst_figures_are_analyst() -> None:
    assert one("Is margin going to 50% in Q3?", analyst=True).nature is Nature.ANALYST


def test_quarter_after_a_q4_call_is_next_year() -> None:
    f = one("For Q1, we expect revenue of $60 million.", CallContext(2030, 4))
    assert (f.period, f.nature) == ("Q1 2031", Nature.GUIDANCE)


def test_comparison_period_is_not_the_figures_period() -> None:
    figs = extract_en(
        "For Q2 of 2030, revenue was $80.5 million, up 20% versus the previous quarter "
        "and 70% higher than Q2 of 2029.",
        CTX,
    )
    assert [(f.metric, f.period) for f in figs] == [
        ("revenue", "Q2 2030"),
        ("growth q/q", "Q2 2030"),
        ("growth y/y", "Q2 2030"),
    ]
