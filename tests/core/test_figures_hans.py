"""Simplified Chinese (zh-Hans) figures read as the Traditional ones: 万/亿, mainland metric
words, growth, guidance and periods, English leaking into the translation, and the same
figures whatever the script."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from opencc import OpenCC

from tests.conftest import ROOT, run_python, shared_file
from tests.core.formats_helpers import corpus
from viewer.core.figures import CallContext, extract_zh
from viewer.core.figures.script import to_simplified
from viewer.core.metrics import iter_figures
from viewer.core.metrics_models import Check, FigureSide, Nature
from viewer.core.models import Transcript
from viewer.core.transcript_io import load_transcript

CTX = CallContext(2025, 3)
FIXTURE = ROOT / "tests" / "data" / "en-zhhans-pairs" / "NLR_Q3_2025_interleaved.txt"
# Traditional renderings of a Simplified text: OpenCC's standard, Taiwan, and Taiwan with
# Taiwan's own words (軟件 -> 軟體): the figures must not care which.
TO_TRADITIONAL = [OpenCC(config) for config in ("s2t", "s2tw", "s2twp")]


def one(text: str, ctx: CallContext = CTX) -> FigureSide:
    figs = extract_zh(text, ctx)
    assert len(figs) == 1, [f.text for f in figs]
    f = figs[0]
    assert text[f.start : f.end] == f.text
    return f


def key(f: FigureSide) -> tuple[object, ...]:
    """Everything a figure says but the text it was read from."""
    return (
        f.kind,
        f.unit,
        f.value,
        f.low,
        f.high,
        f.quantum,
        f.qualifier,
        f.metric,
        f.period,
        f.nature,
    )


# --- 万 and 亿 --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "written", "kind", "unit", "value"),
    [
        ("营收为1.5亿美元。", "1.5亿美元", "money", "USD", D("150000000")),
        ("营收为 1.5 亿美元。", "1.5 亿美元", "money", "USD", D("150000000")),
        ("客户数达到3,200万。", "3,200万", "count", "", D("32000000")),
        ("订单为3,200万美元。", "3,200万美元", "money", "USD", D("32000000")),
        ("资本支出为4500万美金。", "4500万美金", "money", "USD", D("45000000")),
        ("市场规模为2.5万亿美元。", "2.5万亿美元", "money", "USD", D("2500000000000")),
        ("订单为45百万美元。", "45百万美元", "money", "USD", D("45000000")),
        ("营收为人民币12.5亿元。", "人民币12.5亿元", "money", "CNY", D("1250000000")),
        ("营收为54.8亿元人民币。", "54.8亿元人民币", "money", "CNY", D("5480000000")),
        ("营收为5,480.4百万元人民币。", "5,480.4百万元人民币", "money", "CNY", D("5480400000")),
        ("资本支出约为250亿丹麦克朗。", "250亿丹麦克朗", "money", "DKK", D("25000000000")),
        ("营收为12亿欧元。", "12亿欧元", "money", "EUR", D("1200000000")),
        ("股数为8,460万股。", "8,460万股", "shares", "shares", D("84600000")),
        ("毛利率提高2个百分点。", "2个百分点", "percentage points", "pp", D("2")),
        ("毛利率提高120个基点。", "120个基点", "basis points", "bp", D("120")),
        ("增长百分之十五。", "百分之十五", "percent", "percent", D("15")),
        # English leaking into the Chinese, as mainland machine translations write it
        ("我们拥有$1.6 billion现金。", "$1.6 billion", "money", "USD", D("1600000000")),
        ("收入为USD $15.2 billion。", "USD $15.2 billion", "money", "USD", D("15200000000")),
        ("自由现金流为DKK 45.5 billion。", "DKK 45.5 billion", "money", "DKK", D("45500000000")),
        ("订单为250 million美元。", "250 million美元", "money", "USD", D("250000000")),
    ],
)
def test_wan_yi_and_currencies(sentence: str, written: str, kind: str, unit: str, value: D) -> None:
    f = one(sentence)
    assert (f.text, f.kind, f.unit, f.value) == (written, kind, unit, value)


def test_yi_range_with_one_unit() -> None:
    f = one("我们预计营收在15.8亿至16.2亿美元之间。")
    assert (f.kind, f.unit, f.low, f.high) == ("money", "USD", D("1.58E9"), D("1.62E9"))
    f = one("营收在$587至$592 million之间。")
    assert (f.unit, f.low, f.high) == ("USD", D("5.87E8"), D("5.92E8"))


def test_qualifiers_in_simplified() -> None:
    assert one("营收大约为1亿美元。").qualifier == "approximately"
    assert one("营收将近1亿美元。").qualifier == "nearly"
    assert one("营收超过1亿美元。").qualifier == "more than"
    assert one("营收为1亿美元左右。").qualifier == "approximately"
    assert one("营收不少于1亿美元。").qualifier == "at least"


# --- metric words -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "metric"),
    [
        ("本季度营收为1.2亿美元。", "revenue"),
        ("本季度营业收入为1.2亿美元。", "revenue"),
        ("本季度收入为1.2亿美元。", "revenue"),
        ("本季度销售额为1.2亿美元。", "revenue"),
        ("毛利率为61.5%。", "gross margin"),
        ("营业费用为4,100万美元。", "operating expenses"),
        ("运营费用为4,100万美元。", "operating expenses"),
        ("运营开支为4,100万美元。", "operating expenses"),
        ("营业开支为4,100万美元。", "operating expenses"),
        ("每股收益为0.74美元。", "EPS"),
        ("每股盈利为0.74美元。", "EPS"),
        ("营业利润率为19%。", "operating margin"),
        ("运营利润率为19%。", "operating margin"),
        ("经营利润率为19%。", "operating margin"),
        ("运营现金流为7,200万美元。", "operating cash flow"),
        ("经营活动产生的现金流为7,200万美元。", "operating cash flow"),
        ("自由现金流为9,600万美元。", "cash"),  # "free cash flow" is cash in English too
        ("研发费用为3,200万美元。", "R&D"),
        ("销售和营销费用为2亿美元。", "sales and marketing"),
        ("管理费用为5,000万美元。", "G&A"),
        ("所得税率为16%。", "tax rate"),
        # operating and net income have no metric (as in English): their 收入 is no revenue
        ("运营收入为1.2亿美元。", "other"),
        ("经营收入为1.2亿美元。", "other"),
        ("净利润为1.85亿美元。", "other"),
    ],
)
def test_simplified_metric_words(sentence: str, metric: str) -> None:
    assert one(sentence).metric == metric


def test_eps_in_simplified_is_per_share() -> None:
    f = one("每股收益为0.74美元。")
    assert (f.kind, f.unit, f.value) == ("per share", "USD", D("0.74"))


@pytest.mark.parametrize(
    ("sentence", "metric", "kind"),
    [
        ("营收同比增长18%。", "growth y/y", "percent"),
        ("营收环比增长4%。", "growth q/q", "percent"),
        ("营收同比下降3%。", "growth y/y", "percent"),
        ("营收较上一季度增长5%。", "growth q/q", "percent"),
        ("营收较上个季度增长5%。", "growth q/q", "percent"),
        ("营收较去年同期增长5%。", "growth y/y", "percent"),
        ("毛利率同比提高120个基点。", "growth y/y", "basis points"),
        ("运营利润率同比上升2个百分点。", "growth y/y", "percentage points"),
    ],
)
def test_growth_in_simplified(sentence: str, metric: str, kind: str) -> None:
    f = one(sentence)
    assert (f.metric, f.kind) == (metric, kind)


# --- guidance and periods ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "period", "nature"),
    [
        ("第三季度营收为1亿美元。", "Q3 2025", Nature.REPORTED),
        ("2025财年第三季度营收为1亿美元。", "Q3 2025", Nature.REPORTED),
        ("一季度营收为1亿美元。", "Q1 2025", Nature.REPORTED),
        ("本季度营收为1亿美元。", "Q3 2025", Nature.REPORTED),
        ("上个季度营收为1亿美元。", "Q2 2025", Nature.REPORTED),
        ("我们预计下个季度营收为1亿美元。", "Q4 2025", Nature.GUIDANCE),
        ("我们预计第四季度营收在1亿至1.1亿美元之间。", "Q4 2025", Nature.GUIDANCE),
        ("我们预期营收为1亿美元。", "Q4 2025", Nature.GUIDANCE),
        ("我们的指引是营收约1亿美元。", "Q4 2025", Nature.GUIDANCE),
        ("我们的指导是营收约1亿美元。", "Q4 2025", Nature.GUIDANCE),
        ("我们预计明年营收为5亿美元。", "FY2026", Nature.GUIDANCE),
        ("本财年营收为4亿美元。", "FY2025", Nature.REPORTED),
        ("FY25营收为4亿美元。", "FY2025", Nature.REPORTED),
        ("我们预计2026财年营收为5亿美元。", "FY2026", Nature.GUIDANCE),
        # "ahead of expectations" looks back at the quarter: no guidance
        ("营收为1亿美元，超出预期。", "Q3 2025", Nature.REPORTED),
        ("营收为1亿美元，高于预期。", "Q3 2025", Nature.REPORTED),
        ("营收为1亿美元，符合我们的指引。", "Q3 2025", Nature.REPORTED),
    ],
)
def test_simplified_periods_and_guidance(sentence: str, period: str, nature: Nature) -> None:
    f = one(sentence)
    assert (f.period, f.nature) == (period, nature)


def test_whereas_marks_the_comparison_period() -> None:
    figs = extract_zh("每股收益为0.74美元，而2024财年第三季度为0.61美元。", CTX)
    assert [(f.value, f.period) for f in figs] == [(D("0.74"), "Q3 2025"), (D("0.61"), "Q3 2024")]


# --- one fold for both scripts ----------------------------------------------------------------


def test_simplified_fold_keeps_offsets_and_is_the_searchs() -> None:
    from viewer.core.search import fold

    text = "營收達 1.411 億美元，較上一季成長 5%；每股盈餘 0.37 美元。"
    simple = to_simplified(text)
    assert simple == "营收达 1.411 亿美元，较上一季成长 5%；每股盈余 0.37 美元。"
    assert len(simple) == len(text) and to_simplified(simple) == simple
    assert fold(simple) == fold(text)


def test_figures_load_the_table_on_first_use_not_at_import() -> None:
    probe = (
        "import sys\n"
        "import viewer.core.figures as f\n"
        "print('opencc' in sys.modules)\n"
        "f.extract_zh('營收為 1 億美元。')\n"
        "print('opencc' in sys.modules)\n"
    )
    out = run_python("-c", probe, check=True).stdout.split()
    assert out == ["False", "True"]


_PERIODS = ["", "第三季度", "2025财年第三季度", "本季度", "上个季度", "下个季度", "明年", "全年"]
_PERIODS += ["上半年", "一季度", "2026财年", "本财年"]
_METRICS = ["营收", "营业收入", "收入", "毛利率", "营业费用", "运营费用", "运营开支", "每股收益"]
_METRICS += ["每股盈利", "净利润", "自由现金流", "经营活动现金流", "研发费用", "税率", "员工人数"]
_VERBS = ["为", "达到", "约为", "预计为", "预计将达到", "同比增长", "环比增长", "同比下降"]
_VERBS += ["较上一季度增长", "较去年同期减少", "提高", "亏损", "指引为", "指导为", "接近"]
_UNITS = ["亿美元", "万美元", "美元", "美金", "%", "个百分点", "个基点", "万股", "名员工", "亿"]
_UNITS += ["万", "亿元人民币", "欧元", "倍", ""]
_TAILS = ["。", "，超出预期。", "，符合我们的指引。", "左右。", "以上。", "，较上一季度的3亿美元。"]


@st.composite
def simplified_sentences(draw: st.DrawFn) -> str:
    def number() -> str:
        whole = draw(st.integers(min_value=0, max_value=99_999))
        text = f"{whole:,}" if draw(st.booleans()) else str(whole)
        if draw(st.booleans()):
            text += "." + str(draw(st.integers(min_value=0, max_value=99)))
        return text

    amount = number() + draw(st.sampled_from(_UNITS))
    if draw(st.booleans()):
        amount = number() + draw(st.sampled_from(["至", "到", "-"])) + amount
    parts = [
        draw(st.sampled_from(_PERIODS)),
        draw(st.sampled_from(["", "我们", "公司"])),
        draw(st.sampled_from(_METRICS)),
        draw(st.sampled_from(_VERBS)),
        draw(st.sampled_from(["", "约", "大约", "超过", "至少", "将近"])),
        amount,
        draw(st.sampled_from(_TAILS)),
    ]
    return "".join(parts) * draw(st.integers(min_value=1, max_value=2))


@settings(max_examples=300, deadline=None)
@given(simplified_sentences(), st.sampled_from(range(len(TO_TRADITIONAL))))
def test_simplified_and_traditional_renderings_give_the_same_figures(
    simple: str, which: int
) -> None:
    traditional = TO_TRADITIONAL[which].convert(simple)
    a, b = extract_zh(simple, CTX), extract_zh(traditional, CTX)
    assert [key(f) for f in a] == [key(f) for f in b]
    if len(simple) == len(traditional):
        assert [(f.start, f.end) for f in a] == [(f.start, f.end) for f in b]
    for f in b:
        assert traditional[f.start : f.end] == f.text


_MIXED = "萬億万亿營营收為为美元%,.0123456789 个個百分點点第季度年財财預预計计期同比環环增長长至到約约左右超過过的股"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_MIXED, max_size=60))
def test_any_text_reads_as_its_simplified_fold(text: str) -> None:
    a = extract_zh(text, CTX)
    b = extract_zh(to_simplified(text), CTX)
    assert [(f.start, f.end, *key(f)) for f in a] == [(f.start, f.end, *key(f)) for f in b]


# --- the translation check on zh-Hans calls ---------------------------------------------------


def traditional_copy(t: Transcript, cc: OpenCC) -> Transcript:
    """``t`` with its Chinese written in Traditional characters."""
    data = t.model_dump()
    for turn in data["turns"]:
        for p in turn["paragraphs"]:
            if p["zh"]:
                p["zh"] = cc.convert(p["zh"])
    return Transcript.model_validate(data)


def checks(t: Transcript) -> list[tuple[object, ...]]:
    return [(f.paragraph, f.check, f.en and key(f.en), f.zh and key(f.zh)) for f in iter_figures(t)]


def test_fixture_cross_check_matches_every_figure() -> None:
    t = load_transcript(FIXTURE)
    assert t.meta.script == "Hans"
    figures = list(iter_figures(t))
    assert len(figures) >= 20
    assert {f.check for f in figures} == {Check.MATCH}
    assert all(f.en is not None and f.zh is not None for f in figures)
    agree = [f for f in figures if f.en and f.zh and key(f.en)[7:] == key(f.zh)[7:]]
    assert len(agree) == len(figures)  # metric, period and nature agree on both sides


def test_fixture_in_traditional_gives_the_same_check() -> None:
    t = load_transcript(FIXTURE)
    for cc in TO_TRADITIONAL:
        assert checks(traditional_copy(t, cc)) == checks(t)


@pytest.mark.parametrize("name", corpus("en-zhhans-pairs"))
def test_real_zh_hans_calls_check_well_and_alike_in_both_scripts(name: str) -> None:
    path: Path = shared_file("corpus", *name.split("/"))
    t = load_transcript(path)
    got = checks(t)
    en = [c for c in got if c[2] is not None and c[1] is not Check.UNTRANSLATED]
    matched = [c for c in en if c[1] is Check.MATCH]
    # nearly every English figure is found in the machine translation
    assert len(matched) >= 0.9 * len(en), (len(matched), len(en))
    # and a Taiwan rendering of the same Chinese reads exactly the same figures
    assert checks(traditional_copy(t, TO_TRADITIONAL[2])) == got


# --- the English of these calls ---------------------------------------------------------------


def test_english_currency_codes_and_us_dollars() -> None:
    from viewer.core.figures import extract_en

    f = extract_en("We expect revenue of USD 19.9 billion to USD 20.2 billion.", CTX)
    assert [(x.unit, x.low, x.high) for x in f] == [("USD", D("1.99E10"), D("2.02E10"))]
    f = extract_en("Free cash flow is expected to be between DKK 64 billion and DKK 72 billion.")
    assert [(x.unit, x.low, x.high) for x in f] == [("DKK", D("6.4E10"), D("7.2E10"))]
    f = extract_en("Cost of revenues increased by 18% to 338,400,000.0 US dollars.", CTX)
    assert [(x.kind, x.unit, x.value) for x in f] == [
        ("percent", "percent", D("18")),
        ("money", "USD", D("338400000.0")),
    ]
    f = extract_en("Revenue was RMB 5,480.4 million.", CTX)
    assert [(x.unit, x.value) for x in f] == [("CNY", D("5480400000"))]


@pytest.mark.parametrize(
    ("sentence", "negative"),
    [
        ("Loss from operations was $1.7 million for the quarter.", True),
        ("Net loss attributable to Northlake was $7.3 million.", True),
        ("The net loss was $2 million.", True),
        ("We had no customer loss last year, and revenue was $5 million.", False),
    ],
)
def test_english_loss_said_a_clause_before(sentence: str, negative: bool) -> None:
    from viewer.core.figures import extract_en

    (f,) = extract_en(sentence, CTX)
    assert f.value is not None and (f.value < 0) is negative
    # the Chinese says 亏损 right before the figure: both sides agree on the sign
    zh = one("运营亏损为170万美元。" if negative else "营收为500万美元。")
    assert zh.value is not None and (zh.value < 0) is negative


def test_other_currencies_are_money_scaled_and_checked_like_dollars() -> None:
    from viewer.core.crosscheck import pair_figures
    from viewer.core.figures import extract_en
    from viewer.core.metrics import format_en, format_zh

    en = extract_en("Capital expenditure was DKK 10.6 billion.", CTX)
    zh = extract_zh("资本支出为106亿丹麦克朗。", CTX)
    assert [format_en(f) for f in en] == ["10.6 B DKK"]
    assert [format_zh(f) for f in zh] == ["106 億 DKK"]
    assert [c for _, _, c in pair_figures(en, zh)] == [Check.MATCH]
    # a bare 元 may stand for any currency, a different one is a mismatch
    assert [c for _, _, c in pair_figures(en, extract_zh("资本支出为106亿元。", CTX))] == [
        Check.MATCH
    ]
    assert [c for _, _, c in pair_figures(en, extract_zh("资本支出为106亿欧元。", CTX))] == [
        Check.MISMATCH
    ]
