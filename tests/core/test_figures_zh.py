"""Chinese figure extraction: 萬/億 scales, currencies, %, ranges, qualifiers."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from viewer.core.figures import CallContext, extract_zh, parse_cn_numeral
from viewer.core.metrics_models import FigureSide, Nature

CTX = CallContext(2030, 2)


def one(text: str, ctx: CallContext = CTX) -> FigureSide:
    figs = extract_zh(text, ctx)
    assert len(figs) == 1, [f.text for f in figs]
    f = figs[0]
    assert text[f.start : f.end] == f.text
    return f


@pytest.mark.parametrize(
    ("sentence", "written", "kind", "unit", "value"),
    [
        ("營收為 5,620 萬美元。", "5,620 萬美元", "money", "USD", D("56200000")),
        ("費用為 1040 萬美元。", "1040 萬美元", "money", "USD", D("10400000")),
        ("營收達 1.411 億美元。", "1.411 億美元", "money", "USD", D("141100000")),
        ("營收達1.411億美元。", "1.411億美元", "money", "USD", D("141100000")),
        ("訂單為 3 千萬美元。", "3 千萬美元", "money", "USD", D("30000000")),
        ("訂單為 45 百萬美元。", "45 百萬美元", "money", "USD", D("45000000")),
        ("訂單為 2.5 十億美元。", "2.5 十億美元", "money", "USD", D("2500000000")),
        ("訂單為 800 美金。", "800 美金", "money", "USD", D("800")),
        ("營收為新台幣 12.5 億元。", "新台幣 12.5 億元", "money", "TWD", D("1250000000")),
        ("營收為 12.5 億新台幣。", "12.5 億新台幣", "money", "TWD", D("1250000000")),
        ("成本為 300 萬元。", "300 萬元", "money", "currency", D("3000000")),
        ("毛利率為 61.5%。", "61.5%", "percent", "percent", D("61.5")),
        ("毛利率為 61.5 %。", "61.5 %", "percent", "percent", D("61.5")),
        ("毛利率為 ６１．５％。", "６１．５％", "percent", "percent", D("61.5")),
        ("成長百分之二十五。", "百分之二十五", "percent", "percent", D("25")),
        ("成長百分之7.5。", "百分之7.5", "percent", "percent", D("7.5")),
        ("提高 2 個百分點。", "2 個百分點", "percentage points", "pp", D("2")),
        ("提高 150 個基點。", "150 個基點", "basis points", "bp", D("150")),
        ("股數為 9,650 萬股。", "9,650 萬股", "shares", "shares", D("96500000")),
        ("我們有 1,250 名員工。", "1,250 名員工", "headcount", "people", D("1250")),
        ("我們有 440 名全職員工。", "440 名全職員工", "headcount", "people", D("440")),
        ("速度為 400 千兆乙太網路。", "400 千兆", "bandwidth", "Gbps", D("400")),
        ("速度為 800G 以太網。", "800G", "bandwidth", "Gbps", D("800")),
        ("每通道 200Gb。", "200Gb", "bandwidth", "Gbps", D("200")),
        ("需求是供給的 3 倍。", "3 倍", "multiple", "x", D("3")),
    ],
)
def test_single_forms(sentence: str, written: str, kind: str, unit: str, value: D) -> None:
    f = one(sentence)
    assert (f.text, f.kind, f.unit, f.value) == (written, kind, unit, value)


def test_per_share() -> None:
    f = one("每股收益為 0.37 美元。")
    assert (f.kind, f.unit, f.value, f.metric) == ("per share", "USD", D("0.37"), "EPS")


@pytest.mark.parametrize(
    ("sentence", "written", "low", "high"),
    [
        (
            "營收將介於 1.51 億美元至 1.55 億美元之間。",
            "1.51 億美元至 1.55 億美元",
            D("1.51e8"),
            D("1.55e8"),
        ),
        ("營收為 1.51 至 1.55 億美元。", "1.51 至 1.55 億美元", D("1.51e8"), D("1.55e8")),
        (
            "費用為 6,600 萬美元到 6,700 萬美元。",
            "6,600 萬美元到 6,700 萬美元",
            D("6.6e7"),
            D("6.7e7"),
        ),
        ("每股收益為 0.28 美元至 0.29 美元。", "0.28 美元至 0.29 美元", D("0.28"), D("0.29")),
        ("成長 7%~10%。", "7%~10%", D("7"), D("10")),
        ("成長 7% 至 10%。", "7% 至 10%", D("7"), D("10")),
        ("成長 7 至 10%。", "7 至 10%", D("7"), D("10")),
        ("成長在 7% 和 10% 之間。", "7% 和 10%", D("7"), D("10")),
    ],
)
def test_ranges(sentence: str, written: str, low: D, high: D) -> None:
    f = one(sentence)
    assert (f.text, f.value, f.low, f.high) == (written, None, low, high)


def test_two_values_after_from_are_not_a_range() -> None:
    figs = extract_zh("費用從 5,130 萬美元到 5,620 萬美元。", CTX)
    assert [f.value for f in figs] == [D("5.13e7"), D("5.62e7")]


@pytest.mark.parametrize(
    ("sentence", "qualifier"),
    [
        ("利息收入約1000萬美元。", "approximately"),
        ("毛利率約為 74%。", "approximately"),
        ("毛利率大約 74%。", "approximately"),
        ("毛利率為 74% 左右。", "approximately"),
        ("員工人數增加了近 80%。", "nearly"),
        ("收入的至少 10%。", "at least"),
        ("收入的 10% 以上。", "more than"),
        ("超過 500 萬美元。", "more than"),
    ],
)
def test_qualifiers(sentence: str, qualifier: str) -> None:
    assert one(sentence).qualifier == qualifier


def test_recently_is_not_nearly() -> None:
    assert one("最近 80% 的訂單。").qualifier is None


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("每股虧損 0.15 美元。", D("-0.15")),
        ("每股收益為 -0.15 美元。", D("-0.15")),
        ("淨虧損為 420 萬美元。", D("-4200000")),
    ],
)
def test_negatives(sentence: str, value: D) -> None:
    assert one(sentence).value == value


def test_liabilities_are_not_negative() -> None:
    assert one("負債為 420 萬美元。").value == D("4200000")


@pytest.mark.parametrize(
    "sentence",
    [
        "在 2030 年第二季和 2029 年,我們成長。",
        "我們的 PCIe Gen 6 產品和第 4 季。",
        "請參閱 10-K 表格和 12 月的報告,以及 25 年的計劃。",
        "在過去 12 個月裡,有 3 個客戶。",
    ],
)
def test_not_figures(sentence: str) -> None:
    assert extract_zh(sentence, CTX) == []


def test_comma_without_space_before_a_number() -> None:
    f = one("一般和行政費用為 - 對不起,1040 萬美元。")
    assert (f.value, f.metric) == (D("10400000"), "G&A")


@pytest.mark.parametrize(
    ("sentence", "metric", "period", "nature"),
    [
        ("第二季營收為 5,000 萬美元。", "revenue", "Q2 2030", Nature.REPORTED),
        ("2030 年第一季營收為 4,500 萬美元。", "revenue", "Q1 2030", Nature.REPORTED),
        ("高於上一季的 4,100 萬美元。", "other", "Q1 2030", Nature.REPORTED),
        (
            "我們預計第三季營業費用約為 2,000 萬美元。",
            "operating expenses",
            "Q3 2030",
            Nature.GUIDANCE,
        ),
        ("營收較上一季成長 12%。", "growth q/q", "Q2 2030", Nature.REPORTED),
        ("營收較去年同期成長 40%。", "growth y/y", "Q2 2030", Nature.REPORTED),
        ("長期營業利潤率目標為 45%。", "operating margin", "long term", Nature.TARGET),
        ("所得稅率為 12%。", "tax rate", "Q2 2030", Nature.REPORTED),
    ],
)
def test_labels(sentence: str, metric: str, period: str | None, nature: Nature) -> None:
    f = extract_zh(sentence, CTX)[-1]
    assert (f.metric, f.period, f.nature) == (metric, period, nature)


@pytest.mark.parametrize(
    ("text", "value"),
    [("二十五", D(25)), ("七點五", D("7.5")), ("一百", D(100)), ("十", D(10)), ("三", D(3))],
)
def test_chinese_numerals(text: str, value: D) -> None:
    assert parse_cn_numeral(text) == value


def test_chinese_numeral_rejects_other_text() -> None:
    assert parse_cn_numeral("幾個") is None
