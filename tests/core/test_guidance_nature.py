"""A result set against guidance reports the quarter; it is not guidance (issue 15)."""

from __future__ import annotations

from viewer.core.figures import CallContext, extract_en, extract_zh
from viewer.core.metrics_models import Nature

Q3 = CallContext(2024, 3)


def labels(sides: list) -> list[tuple[str, str, str | None, Nature]]:
    return [(s.text, s.metric, s.period, s.nature) for s in sides]


def test_ahead_of_the_top_end_of_guidance_is_reported() -> None:
    text = "Revenue was $158.2 million, ahead of the top end of our guidance."
    assert labels(extract_en(text, Q3)) == [
        ("$158.2 million", "revenue", "Q3 2024", Nature.REPORTED)
    ]


def test_above_our_guidance_range_is_reported() -> None:
    assert labels(extract_en("EPS were $0.27, above our guidance range.", Q3)) == [
        ("$0.27", "EPS", "Q3 2024", Nature.REPORTED)
    ]


def test_a_second_figure_after_the_guidance_words_is_reported_too() -> None:
    text = (
        "Fourth quarter revenue was $163.5 million, within our guidance range, and full year "
        "revenue reached $588.4 million."
    )
    got = labels(extract_en(text, CallContext(2024, 4)))
    assert got == [
        ("$163.5 million", "revenue", "Q4 2024", Nature.REPORTED),
        ("$588.4 million", "revenue", "FY2024", Nature.REPORTED),
    ]


def test_varied_wording_is_reported() -> None:
    for sentence in (
        "Gross margin was 60.3%, which exceeded the high end of our guidance.",
        "Gross margin was 60.3%, in line with our outlook.",
        "Gross margin was 60.3%, below the low end of our outlook.",
        "Gross margin came in at 60.3%, slightly short of our guidance.",
    ):
        (side,) = extract_en(sentence, Q3)
        assert (side.nature, side.period) == (Nature.REPORTED, "Q3 2024"), sentence


def test_the_guidance_a_result_is_compared_with_stays_guidance() -> None:
    text = "Revenue was $158.2 million, above our guidance of $150 million to $155 million."
    got = labels(extract_en(text, Q3))
    assert got[0] == ("$158.2 million", "revenue", "Q3 2024", Nature.REPORTED)
    assert got[1][0] == "$150 million to $155 million"
    assert got[1][3] is Nature.GUIDANCE


def test_forward_looking_sentences_stay_guidance() -> None:
    for sentence in (
        "We expect fourth quarter revenue of $160 million to $168 million.",
        "Our guidance for revenue is $160 million to $168 million.",
        "We expect revenue to land above the midpoint of our guidance at $165 million.",
    ):
        sides = extract_en(sentence, Q3)
        assert sides and all(s.nature is Nature.GUIDANCE for s in sides), sentence


def test_chinese_results_against_guidance_are_reported() -> None:
    for sentence in (
        "營收為 1.582 億美元,超過我們指引的上限。",
        "營收為 1.582 億美元，超過我們指引的上限。",
        "營收為 1.497 億美元,低於我們的指引,因為兩個項目延後。",
        "每股盈餘為 0.27 美元,高於我們的指引區間。",
        "毛利率為 60.0%,每股盈餘為 0.30 美元,均符合我們的指引。",
    ):
        sides = extract_zh(sentence, Q3)
        assert sides, sentence
        for s in sides:
            assert (s.nature, s.period) == (Nature.REPORTED, "Q3 2024"), sentence


def test_chinese_guidance_stays_guidance() -> None:
    sides = extract_zh("我們預計第四季營收為 1.6 億美元至 1.68 億美元,符合先前的展望。", Q3)
    assert [s.nature for s in sides] == [Nature.GUIDANCE]
    assert sides[0].period == "Q4 2024"
