"""viewer.qt.labels: the core's values in both interface languages."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import SAMPLE
from tests.i18n_check import unintended_chinese, untranslated_english
from viewer.core import figures
from viewer.core.export import PARAGRAPH_HEADERS
from viewer.core.figures.periods import Period, PeriodKind
from viewer.core.metrics import FIGURE_COLUMNS, analyse
from viewer.core.metrics_models import Check, Nature
from viewer.core.models import Role, Section
from viewer.core.transcript_io import load_transcript
from viewer.qt import i18n, labels
from viewer.qt.delegates.paragraph_layout import Mode


@pytest.fixture
def zh(qapp: Any) -> Iterator[None]:
    i18n.set_language(qapp, "zh-TW")
    yield
    i18n.set_language(qapp, "en")


@pytest.fixture
def en(qapp: Any) -> Iterator[None]:
    i18n.set_language(qapp, "en")
    yield


def _core_metric_keys() -> set[str]:
    """Every metric name the extractor can give: its keyword tables, the growth metrics and
    the fallbacks (read from the source, so a new metric fails this test until it is named)."""
    from viewer.core.figures import classify, lexicon

    keys = {name for name, _ in lexicon.EN_METRICS} | {name for name, _ in lexicon.ZH_METRICS}
    source = Path(classify.__file__).read_text(encoding="utf-8")
    keys |= set(re.findall(r'return "((?:growth|share|head)[^"]*)"', source))
    keys.add("other")
    return keys


def test_every_core_metric_has_a_name() -> None:
    assert _core_metric_keys() == set(labels.METRIC_KEYS)


def test_metric_names_in_chinese(zh: None) -> None:
    expected = {
        "revenue": "營收",
        "gross margin": "毛利率",
        "operating margin": "營業利益率",
        "operating expenses": "營業費用",
        "EPS": "每股盈餘",
        "share count": "股數",
        "R&D": "研發費用",
        "sales and marketing": "銷售及行銷費用",
        "G&A": "管理費用",
        "interest income": "利息收入",
        "tax rate": "稅率",
        "cash": "現金",
        "operating cash flow": "營業現金流",
        "headcount": "員工人數",
        "market size": "市場規模",
        "growth y/y": "年增率",
        "growth q/q": "季增率",
        "other": "其他",
    }
    assert {k: labels.metric_name(k) for k in labels.METRIC_KEYS} == expected


def test_metric_names_in_english(en: None) -> None:
    assert labels.metric_name("revenue") == "Revenue"
    assert labels.metric_name("EPS") == "EPS"
    assert labels.metric_name("growth y/y") == "Growth y/y"
    assert labels.metric_name("no such metric") == "no such metric"


def test_natures_checks_sections_roles(zh: None) -> None:
    assert [labels.nature_name(n) for n in Nature] == ["實際", "財測", "目標", "分析師提及"]
    assert [labels.check_name(c) for c in Check] == ["相符", "不符", "缺漏", "多出", "無譯文"]
    assert [labels.check_label(c) for c in Check] == [
        "✓ 相符",
        "≠ 不符",
        "? 缺漏",
        "+ 多出",
        "– 無譯文",
    ]
    assert labels.check_description(Check.MISSING) == "中文缺漏"
    assert labels.check_description("extra") == "中文多出"
    assert [labels.section_name(s) for s in Section] == ["準備發言", "問答"]
    assert [labels.role_name(r) for r in Role] == ["主持人", "公司", "分析師"]
    assert labels.role_group_name("analyst") == "分析師"
    assert labels.kind_name("per share") == "每股"


def test_natures_checks_sections_roles_in_english(en: None) -> None:
    assert [labels.nature_name(n) for n in Nature] == ["Reported", "Guidance", "Target", "Analyst"]
    assert [labels.check_label(c) for c in Check] == [
        "✓ Match",
        "≠ Mismatch",
        "? Missing",
        "+ Extra",
        "– No translation",
    ]
    assert [labels.section_name(s) for s in Section] == ["Prepared remarks", "Q&A"]
    assert [labels.role_name(r) for r in Role] == ["Operator", "Company", "Analyst"]
    assert labels.role_group_name("analyst") == "Analysts"


def test_reading_modes(qapp: Any) -> None:
    i18n.set_language(qapp, "zh-TW")
    try:
        assert [labels.mode_name(m) for m in Mode] == ["左右對照", "上下交錯", "僅英文", "僅中文"]
        assert labels.mode_name(Mode.SIDE_BY_SIDE, mnemonic=True) == "左右對照(&S)"
    finally:
        i18n.set_language(qapp, "en")
    assert [labels.mode_name(m) for m in Mode] == [
        "Side by side",
        "Interleaved",
        "English only",
        "Chinese only",
    ]
    assert labels.mode_name("en", mnemonic=True) == "&English only"


@pytest.mark.parametrize(
    ("period", "english", "chinese"),
    [
        ("Q1 2025", "Q1 2025", "2025 年第 1 季"),
        ("Q4 2024", "Q4 2024", "2024 年第 4 季"),
        ("Q3", "Q3", "第 3 季"),
        ("FY2024", "FY2024", "2024 全年"),
        ("H1 2025", "H1 2025", "2025 年上半年"),
        ("H2 2025", "H2 2025", "2025 年下半年"),
        ("2028", "2028", "2028 年"),
        ("long term", "Long term", "長期"),
        (None, "", ""),
        ("Q5 2025", "Q5 2025", "Q5 2025"),  # not a period the core writes: as it is
        ("next year", "next year", "next year"),
    ],
)
def test_periods(qapp: Any, period: str | None, english: str, chinese: str) -> None:
    assert labels.period_name(period) == english
    i18n.set_language(qapp, "zh-TW")
    try:
        assert labels.period_name(period) == chinese
    finally:
        i18n.set_language(qapp, "en")


@given(
    st.one_of(
        st.none(),
        st.builds(
            Period,
            st.just(PeriodKind.QUARTER),
            st.one_of(st.none(), st.integers(1990, 2099)),
            st.integers(1, 4),
        ),
        st.builds(Period, st.just(PeriodKind.FISCAL_YEAR), st.integers(1990, 2099)),
        st.builds(Period, st.just(PeriodKind.HALF), st.integers(1990, 2099), st.integers(1, 2)),
        st.builds(Period, st.just(PeriodKind.YEAR), st.integers(1990, 2099)),
        st.builds(Period, st.just(PeriodKind.LONG_TERM)),
    )
)
def test_every_period_the_core_writes_is_recognised(period: Period | None) -> None:
    text = figures.period_label(period)
    name = labels.period_name(text)
    if text is None:
        assert name == ""
    else:
        # in English a recognised period keeps its digits; unrecognised text is returned as is
        assert re.sub(r"\D", "", name) == re.sub(r"\D", "", text)
        assert labels._QUARTER.fullmatch(text) or labels._FISCAL_YEAR.fullmatch(text) or \
            labels._HALF.fullmatch(text) or labels._YEAR.fullmatch(text) or text == "long term"  # fmt: skip


@given(st.text(max_size=30))
def test_any_period_text_is_safe(text: str) -> None:
    assert isinstance(labels.period_name(text), str)


def test_every_column_key_has_a_header(zh: None) -> None:
    keys = [*PARAGRAPH_HEADERS, *FIGURE_COLUMNS]
    for key in keys:
        name = labels.column_name(key)
        assert name != key and not untranslated_english(name), key
    assert labels.column_name("fiscal_year") == "會計年度"
    assert labels.column_name("firm") == "券商"


def test_english_headers_are_the_cores(en: None) -> None:
    for key, header in PARAGRAPH_HEADERS.items():
        assert labels.column_name(key) == header


def test_badges(qapp: Any) -> None:
    i18n.set_language(qapp, "en")
    assert labels.figure_tooltip("$5 million", "500 萬美元", "match") == "$5 million = 500 萬美元"
    assert labels.figure_tooltip("$5 million", None, "missing") == "$5 million: not in the Chinese"
    assert (
        labels.name_badge("Tomahawk", 1) == "Tomahawk: translated here, kept in 1 other paragraph"
    )
    assert (
        labels.name_badge("Tomahawk", 3) == "Tomahawk: translated here, kept in 3 other paragraphs"
    )
    i18n.set_language(qapp, "zh-TW")
    try:
        assert labels.figure_tooltip("$5 million", None, "missing") == "$5 million：中文未提及"
        assert labels.figure_tooltip(None, "500 萬美元", "extra") == "500 萬美元：英文未提及"
        assert labels.name_badge("Tomahawk", 3) == "Tomahawk：此處譯出，另有 3 段保留原文"
    finally:
        i18n.set_language(qapp, "en")


def test_group_labels(qapp: Any) -> None:
    i18n.set_language(qapp, "zh-TW")
    try:
        assert labels.group_label("analysts", "Analysts") == "分析師"
        assert labels.group_label("company", "Company") == "公司"
        assert labels.group_label("company", "Nova Systems") == "Nova Systems"
        assert labels.group_label("firm", "Firm not announced") == "未提及券商"
        assert labels.group_label("firm", "Morgan Stanley") == "Morgan Stanley"
    finally:
        i18n.set_language(qapp, "en")
    assert labels.group_label("analysts", "Analysts") == "Analysts"


def test_language_choices(qapp: Any) -> None:
    assert labels.language_choices() == [
        ("system", "Follow &system"),
        ("en", "English"),
        ("zh-TW", "繁體中文"),
    ]
    i18n.set_language(qapp, "zh-TW")
    try:
        assert labels.language_choices()[0] == ("system", "跟隨系統(&S)")
        assert labels.language_choices()[2] == ("zh-TW", "繁體中文")
    finally:
        i18n.set_language(qapp, "en")


def test_arg_is_one_pass() -> None:
    assert labels.arg("%1 and %2", "%2", "x") == "%2 and x"
    assert labels.arg("%1 %3", "a") == "a %3"


def test_strip_mnemonic() -> None:
    assert labels.strip_mnemonic("&Side by side") == "Side by side"
    assert labels.strip_mnemonic("左右對照(&S)") == "左右對照"
    assert labels.strip_mnemonic("&Q&&A") == "Q&A"


def test_the_sample_call_reads_in_chinese(zh: None) -> None:
    """Every metric, nature, check, period and section of a real analysis has a Chinese name
    without English words in it (EPS and the Q/FY period names are on the allow-list)."""
    transcript = load_transcript(str(SAMPLE))
    analysis = analyse(transcript)
    assert analysis.figures
    shown: list[str] = []
    for f in analysis.figures:
        shown += [
            labels.metric_name(f.metric),
            labels.nature_name(f.nature),
            labels.check_label(f.check),
            labels.period_name(f.period),
            labels.section_name(f.section),
            labels.kind_name(f.kind),
        ]
    bad = {s: untranslated_english(s) for s in shown if untranslated_english(s)}
    assert bad == {}
    assert any("年第" in s for s in shown)


def test_the_sample_call_reads_in_english(en: None) -> None:
    transcript = load_transcript(str(SAMPLE))
    analysis = analyse(transcript)
    for f in analysis.figures:
        for s in (labels.metric_name(f.metric), labels.period_name(f.period)):
            assert unintended_chinese(s) == []


def test_no_label_keeps_english_in_chinese(zh: None) -> None:
    shown = [
        *(labels.metric_name(k) for k in labels.METRIC_KEYS),
        *(labels.kind_name(k) for k in labels._kinds()),
        *(labels.nature_name(k) for k in labels.NATURE_KEYS),
        *(labels.check_label(k) for k in labels.CHECK_KEYS),
        *(labels.check_description(k) for k in labels.CHECK_KEYS),
        *(labels.section_name(k) for k in labels.SECTION_KEYS),
        *(labels.role_name(k) for k in labels.ROLE_KEYS),
        *(labels.role_group_name(k) for k in labels.ROLE_KEYS),
        *(labels.mode_name(k, mnemonic=True) for k in labels.MODE_KEYS),
        *(text for _, text in labels.language_choices()),
    ]
    assert {s: untranslated_english(s) for s in shown if untranslated_english(s)} == {}
    assert len(set(labels.metric_name(k) for k in labels.METRIC_KEYS)) == len(labels.METRIC_KEYS)


def test_no_label_shows_chinese_in_english(en: None) -> None:
    shown = [
        *(labels.metric_name(k) for k in labels.METRIC_KEYS),
        *(labels.nature_name(k) for k in labels.NATURE_KEYS),
        *(labels.check_label(k) for k in labels.CHECK_KEYS),
        *(labels.section_name(k) for k in labels.SECTION_KEYS),
        *(labels.mode_name(k) for k in labels.MODE_KEYS),
        *(labels.column_name(k) for k in [*PARAGRAPH_HEADERS, *FIGURE_COLUMNS]),
        *(text for _, text in labels.language_choices()),
    ]
    assert {s: unintended_chinese(s) for s in shown if unintended_chinese(s)} == {}
