"""The translation check: match, mismatch, missing, extra; and name consistency."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.core.crosscheck import name_checks, pair_figures
from viewer.core.figures import CallContext, extract_en, extract_zh
from viewer.core.metrics_models import Check
from viewer.core.models import Paragraph

CTX = CallContext(2030, 2)


def checks(en: str, zh: str) -> list[tuple[str | None, str | None, str]]:
    pairs = pair_figures(extract_en(en, CTX), extract_zh(zh, CTX))
    return [(e.text if e else None, z.text if z else None, c.value) for e, z, c in pairs]


def test_scale_words_change_but_values_match() -> None:
    assert checks(
        "Revenue was $141.1 million and expenses were $56.2 million.",
        "營收為 1.411 億美元,費用為 5,620 萬美元。",
    ) == [("$141.1 million", "1.411 億美元", "match"), ("$56.2 million", "5,620 萬美元", "match")]


def test_pairs_by_value_not_by_order() -> None:
    assert checks(
        "Up 25% sequentially and 70% year over year.",
        "較去年同期成長 70%,較上一季成長 25%。",
    ) == [("25%", "25%", "match"), ("70%", "70%", "match")]


def test_match_within_the_precision_written() -> None:
    assert checks("Revenue was $141.1 million.", "營收為 1.41 億美元。")[0][2] == "match"
    assert checks("Revenue was $141.6 million.", "營收為 1.41 億美元。")[0][2] == "mismatch"


def test_wrong_value_is_a_mismatch() -> None:
    assert checks("Revenue was $56.2 million.", "營收為 5,260 萬美元。") == [
        ("$56.2 million", "5,260 萬美元", "mismatch")
    ]


def test_range_end_differs_is_a_mismatch() -> None:
    assert (
        checks("We expect $151 million to $155 million.", "我們預計 1.51 億美元至 1.58 億美元。")[
            0
        ][2]
        == "mismatch"
    )


def test_ranges_match() -> None:
    assert checks(
        "We expect a range of $151 million and $155 million.",
        "我們預計 1.51 億美元至 1.55 億美元之間。",
    ) == [("$151 million and $155 million", "1.51 億美元至 1.55 億美元", "match")]


def test_sign_differs_is_a_mismatch() -> None:
    assert checks("EPS was $(0.15).", "每股收益為 0.15 美元。")[0][2] == "mismatch"


def test_missing_and_extra() -> None:
    assert checks("Revenue was $10 million, up 5%.", "營收成長 5%,員工 30 名員工。") == [
        ("$10 million", None, "missing"),
        ("5%", "5%", "match"),
        (None, "30 名員工", "extra"),
    ]


def test_different_units_do_not_pair_as_mismatch() -> None:
    assert checks("We hired 30 engineers.", "我們花了 30 萬美元。") == [
        ("30 engineers", None, "missing"),
        (None, "30 萬美元", "extra"),
    ]


def test_percentage_points_may_be_written_as_percent() -> None:
    assert checks("Margin rose 2 percentage points.", "利潤率提高了 2%。")[0][2] == "match"


def test_no_chinese_means_every_figure_missing() -> None:
    pairs = pair_figures(extract_en("Revenue was $3 million and 4%.", CTX), [])
    assert [c for _, _, c in pairs] == [Check.MISSING, Check.MISSING]


def para(i: int, en: str, zh: str | None) -> Paragraph:
    return Paragraph(index=i, en=en, zh=zh, line=i * 4 + 1)


def test_names_kept_and_translated() -> None:
    paras = [
        para(0, "Our Orion chip and the Lyra board grew.", "我們的 Orion 晶片和 Lyra 板成長了。"),
        para(1, "Orion demand is strong.", "獵戶座需求強勁。"),
        para(2, "We ship Orion and Lyra.", "我們出貨 orion 和天琴座。"),
        para(3, "Orion again.", None),
        para(4, "So we grew. So it goes.", "所以我們成長了。"),
    ]
    found = {n.name: n for n in name_checks(paras)}
    orion = found["Orion"]
    assert (orion.kept, orion.translated) == (2, 1)
    assert orion.kept_paragraphs == (0, 2)
    assert orion.translated_paragraphs == (1,)
    lyra = found["Lyra"]
    assert (lyra.kept_paragraphs, lyra.translated_paragraphs) == ((0,), (2,))
    assert "So" not in found  # never kept in the Chinese: nothing inconsistent


def test_common_words_and_acronyms_are_not_names() -> None:
    paras = [
        para(0, "Thanks. The AI market grew. We see thanks from AI.", "謝謝。人工智慧市場成長了。"),
        para(1, "Thanks again, AI is big.", "再次感謝, AI 很大。Thanks"),
    ]
    names = {n.name for n in name_checks(paras)}
    assert "AI" not in names  # an acronym: translating it is legitimate
    assert "Thanks" not in names  # also written in lower case, so not a name


def test_names_kept_everywhere_are_not_reported() -> None:
    paras = [para(i, "Vega sells.", "Vega 賣得好。") for i in range(3)]
    assert name_checks(paras) == []


# -- properties: any text, no crash, offsets right, ranges ordered ------------------------------

_PIECES = st.sampled_from(
    [
        "$",
        "US$",
        "(",
        ")",
        "-",
        " ",
        ",",
        ".",
        "%",
        "0",
        "1",
        "5",
        "9",
        "12",
        "2,500",
        "0.37",
        "million",
        "billion",
        "M",
        "B",
        "bn",
        " to ",
        " and ",
        "between ",
        "approximately ",
        "shares",
        " employees",
        "-gig",
        "G",
        "x",
        "percent",
        "basis points",
        "Q4",
        "2025",
        "萬",
        "億",
        "千萬",
        "美元",
        "元",
        "新台幣",
        "股",
        "名員工",
        "至",
        "~",
        "約",
        "近",
        "以上",
        "百分之",
        "二十五",
        "個百分點",
        "每股",
        "虧損",
        "第四季",
        "。",
        "Revenue ",
        "營收",
        "１",
        "％",
        "，",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_any_text_gives_consistent_figures(text: str) -> None:
    en, zh = extract_en(text, CTX), extract_zh(text, CTX)
    for side in [*en, *zh]:
        assert 0 <= side.start < side.end <= len(text)
        assert text[side.start : side.end] == side.text
        if side.value is None:
            assert side.low is not None and side.high is not None and side.low < side.high
    for figs in (en, zh):
        starts = [s.start for s in figs]
        assert starts == sorted(starts)
        assert all(a.end <= b.start for a, b in pairwise(figs))
    pairs = pair_figures(en, zh)
    assert sum(1 for e, _, _ in pairs if e is not None) == len(en)
    assert sum(1 for _, z, _ in pairs if z is not None) == len(zh)
