"""analyse(), the two display conventions, the tooltip, --json figures and --figures-csv,
on a small fictional call written here (no shared data needed)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_main as run
from viewer.core.figures import CallContext, extract_en, extract_zh
from viewer.core.jsonout import transcript_json
from viewer.core.metrics import analyse, figure_json, format_en, format_zh, tooltip
from viewer.core.metrics_models import Check, Nature
from viewer.core.transcript_io import load_transcript

ROOT = Path(__file__).resolve().parents[2]
CTX = CallContext(2031, 1)

PAIRS = [
    ("Operator", "Operator"),
    (
        "Good day and welcome to the Maple Ridge first quarter 2031 call.",
        "大家好,歡迎參加 Maple Ridge 2031 年第一季電話會議。",
    ),
    ("Ana Ruiz - Chief Executive Officer", "Ana Ruiz - Chief Executive Officer"),
    (
        "Q1 revenue was $56.2 million, up 12% sequentially. Our Vireo sensors led the way.",
        "第一季營收為 5,620 萬美元,季增 12%。我們的 Vireo 感測器處於領先地位。",
    ),
    (
        "Operating expenses were $20.4 million and GAAP EPS was $(0.15).",
        "營業費用為 2,400 萬美元,GAAP 每股收益為 -0.15 美元。",
    ),
    (
        "For Q2, we expect revenue between $60 million and $62 million.",
        "對於第二季,我們預計營收在 6,000 萬美元至 6,200 萬美元之間,員工 300 名員工。",
    ),
    ("Vireo demand stays strong. With that, operator?", "綠鵑需求依然強勁。就這樣,接線員?"),
    ("Operator", "Operator"),
    ("Lee Park, Birch Capital.", "Lee Park,Birch Capital。"),
    ("Lee Park - Analyst", "Lee Park - Analyst"),
    ("Can gross margin reach 60% with Vireo? And when?", "Vireo 的毛利率能達到 60% 嗎?什麼時候?"),
    ("Ana Ruiz - Chief Executive Officer", "Ana Ruiz - Chief Executive Officer"),
    ("Over time, yes. We hired 45 engineers for it.", "隨著時間的推移,是的。"),
]


def write_call(folder: Path) -> Path:
    lines = [
        "Maple Ridge Devices Inc (MRD) 2031 Q1 法說會逐字稿",
        "",
        "內容摘要",
        "",
        "Maple Ridge 第一季營收 5,620 萬美元。",
        "",
        "完整原文",
        "",
        "使用警語:中文譯文來源為 Google 翻譯,僅供參考,內容請以英文原文為準",
    ]
    for en, zh in PAIRS:
        lines += ["", f"  \u2022 {en}", "", f"    {zh}"]
    path = folder / "MRD-2031-Q1.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


@pytest.fixture
def call_path(tmp_path: Path) -> Path:
    return write_call(tmp_path)


def test_analyse_checks_the_translation(call_path: Path) -> None:
    a = analyse(load_transcript(call_path))
    got = [(f.en.text if f.en else None, f.zh.text if f.zh else None, f.check) for f in a.figures]
    assert got == [
        ("$56.2 million", "5,620 萬美元", Check.MATCH),
        ("12%", "12%", Check.MATCH),
        ("$20.4 million", "2,400 萬美元", Check.MISMATCH),
        ("$(0.15)", "-0.15 美元", Check.MATCH),
        ("$60 million and $62 million", "6,000 萬美元至 6,200 萬美元", Check.MATCH),
        (None, "300 名員工", Check.EXTRA),
        ("60%", "60%", Check.MATCH),
        ("45 engineers", None, Check.MISSING),
    ]
    natures = [f.nature for f in a.figures]
    assert natures[4] is Nature.GUIDANCE and natures[6] is Nature.ANALYST
    assert a.figures[4].period == "Q2 2031"
    assert a.figures[0].section == "prepared" and a.figures[6].section == "qa"
    assert [n.name for n in a.names] == ["Vireo"]
    assert (a.names[0].kept, a.names[0].translated) == (2, 1)
    lee = next(s for s in a.speakers if s.name == "Lee Park")
    assert (lee.questions, lee.firm) == (1, "Birch Capital")


@pytest.mark.parametrize(
    ("en", "zh", "en_fmt", "zh_fmt"),
    [
        ("Revenue was $141.1 million.", "營收為 1.411 億美元。", "141.1 M USD", "1.411 億美元"),
        ("Costs were $56.2 million.", "費用為 5,620 萬美元。", "56.2 M USD", "5,620 萬美元"),
        ("EPS was $0.30.", "每股收益 0.30 美元。", "0.30 USD", "0.30 美元"),
        (
            "Costs of $66 million to $67 million.",
            "6,600 萬美元至 6,700 萬美元",
            "66–67 M USD",
            "6,600 至 6,700 萬美元",
        ),
        ("A TAM of $2.5 billion.", "25 億美元的市場", "2.5 B USD", "25 億美元"),
        ("Margin of approximately 74%.", "毛利率約為 74%", "≈ 74%", "約 74%"),
        ("About 180 million shares.", "約 1.8 億股", "≈ 180 M shares", "約 1.8 億股"),
        ("We have 440 employees.", "440 名員工", "440 people", "440 人"),
        ("Links at 400-gig.", "400G 連結", "400 Gbps", "400 Gbps"),
        ("Up 150 basis points.", "增加 150 個基點", "150 bp", "150 個基點"),
    ],
)
def test_both_conventions(en: str, zh: str, en_fmt: str, zh_fmt: str) -> None:
    (e,) = extract_en(en, CTX)
    (z,) = extract_zh(zh, CTX)
    assert format_en(e) == en_fmt
    assert format_zh(z) == zh_fmt


def test_english_value_in_the_chinese_convention() -> None:
    (e,) = extract_en("Revenue was $141.1 million, up from $56.2 million.", CTX)[:1]
    assert format_zh(e) == "1.411 億美元"
    assert format_en(extract_zh("營收為 5,620 萬美元", CTX)[0]) == "56.20 M USD"


def test_tooltip_shows_both_sides(call_path: Path) -> None:
    a = analyse(load_transcript(call_path))
    tips = [tooltip(f) for f in a.figures]
    assert tips[0] == "$56.2 million = 5,620 萬美元"
    assert tips[2] == "$20.4 million ≠ 2,400 萬美元"
    assert tips[5] == "300 名員工: not in the English"
    assert tips[7] == "45 engineers: not in the Chinese"


def test_figure_json_value_or_range(call_path: Path) -> None:
    a = analyse(load_transcript(call_path))
    single = figure_json(a.figures[0])
    assert single == {
        "paragraph": 1,
        "en": {"text": "$56.2 million", "start": 15, "end": 28},
        "zh": {"text": "5,620 萬美元", "start": 7, "end": 16},
        "kind": "money",
        "unit": "USD",
        "value": 56200000,
        "qualifier": None,
        "metric": "revenue",
        "period": "Q1 2031",
        "nature": "reported",
        "check": "match",
    }
    rng = figure_json(a.figures[4])
    assert (rng["low"], rng["high"], "value" in rng) == (60000000, 62000000, False)
    extra = figure_json(a.figures[5])
    assert (extra["en"], extra["check"]) == (None, "extra")
    assert figure_json(a.figures[3])["value"] == -0.15


def test_transcript_json_keys(call_path: Path) -> None:
    doc = transcript_json(load_transcript(call_path))
    assert {"figures", "stats", "names"} <= doc.keys()
    assert len(doc["figures"]) == 8
    assert [s["name"] for s in doc["stats"]["speakers"]] == ["Operator", "Ana Ruiz", "Lee Park"]
    assert doc["stats"]["firms"][0]["firm"] == "Maple Ridge Devices Inc"
    json.dumps(doc)  # plain JSON types only


def test_transcript_json_with_the_figures_given_is_the_same_document(call_path: Path) -> None:
    t = load_transcript(call_path)
    figures = analyse(t).figures
    assert transcript_json(t, figures) == transcript_json(t)
    # the figures given are what is written (the caller's, not found again)
    assert transcript_json(t, figures[:2])["figures"] == transcript_json(t)["figures"][:2]


def test_figure_csv_numbers_paragraphs_from_one_like_the_window(call_path: Path) -> None:
    # issue 13: the figures CSV (panel export and --figures-csv) numbered paragraphs from 0
    from viewer.core.export import paragraph_export
    from viewer.core.metrics import figure_export

    t = load_transcript(call_path)
    figures = analyse(t).figures
    fig_rows = list(figure_export(t, figures).rows(["paragraph"], None, None))
    assert [r[0] for r in fig_rows] == [f.paragraph + 1 for f in figures]
    para_rows = paragraph_export(t, [figures[0].paragraph]).rows(["paragraph"], None, None)
    assert [r[0] for r in para_rows] == [fig_rows[0][0]]  # the same number for the same paragraph
    assert figure_json(figures[0])["paragraph"] == figures[0].paragraph  # --json stays 0-based


def test_cli_figures_csv(call_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "f.csv"
    res = run("--figures-csv", out, call_path)
    assert (res.returncode, res.stderr) == (0, "")
    rows = out.read_bytes().decode("utf-8").split("\r\n")
    assert rows[0] == (
        "\ufeffmetric,value,unit,low,high,qualifier,period,nature,check,paragraph,speaker,"
        "English text,Chinese text"
    )
    assert (
        rows[1]
        == "revenue,56200000,USD,,,,Q1 2031,reported,match,2,Ana Ruiz,$56.2 million,5,620 萬美元".replace(
            "5,620 萬美元", '"5,620 萬美元"'
        )
    )
    assert rows[4].startswith(
        "EPS,-0.15,USD,,,,Q1 2031,reported,match,3,Ana Ruiz,$(0.15),'-0.15 美元"
    )
    assert rows[5].startswith("revenue,,USD,60000000,62000000,,Q2 2031,guidance,match,4,")


def test_cli_figures_csv_raw_no_bom(call_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "f.csv"
    res = run("--figures-csv", out, "--no-bom", "--raw", call_path)
    assert (res.returncode, res.stderr) == (0, "")
    text = out.read_bytes().decode("utf-8")
    assert text.startswith("metric,")
    assert ",$(0.15),-0.15 美元\r\n" in text


def test_cli_figures_csv_unwritable(call_path: Path, tmp_path: Path) -> None:
    res = run("--figures-csv", tmp_path / "missing-dir" / "f.csv", call_path)
    assert res.returncode == 1
    assert res.stderr.startswith("error: ")


def test_paragraph_badges(call_path: Path) -> None:
    from viewer.core.metrics import paragraph_badges

    badges = paragraph_badges(analyse(load_transcript(call_path)))
    # The badge says which number differs, both read the same way.
    assert badges[2] == ("$20.4 million ≠ 2,400 萬美元: 20.4 M USD ≠ 24.00 M USD", True)
    assert badges[4] == ("Vireo: translated here, kept in 2 other paragraphs", False)
    assert badges[7] == ("45 engineers: not in the Chinese", True)
    assert set(badges) == {2, 4, 7}  # matches and extras get no badge


def test_difference_names_the_differing_numbers(call_path: Path) -> None:
    from viewer.core.metrics import difference

    figures = analyse(load_transcript(call_path)).figures
    assert [difference(f) for f in figures] == [
        None,
        None,
        "20.4 M USD ≠ 24.00 M USD",
        None,
        None,
        None,
        None,
        None,
    ]


def test_snippet() -> None:
    from viewer.core.metrics import snippet

    text = "alpha beta gamma delta $5 million epsilon zeta eta theta"
    assert snippet(text, 23, 33, width=6) == "…delta $5 million epsil…"
    assert snippet("$5 million", 0, 10) == "$5 million"


def test_analysis_polls_its_cancel_callback_and_stops(call_path: Path) -> None:
    from viewer.core.errors import Cancelled

    transcript = load_transcript(call_path)
    polls: list[int] = []

    def cancel_after_ten() -> bool:
        polls.append(1)
        return len(polls) > 10

    with pytest.raises(Cancelled):
        analyse(transcript, cancel=cancel_after_ten)
    assert len(polls) == 11
    counted: list[int] = []
    full = analyse(transcript, cancel=lambda: bool(counted.append(1)))
    assert full == analyse(transcript)  # polling changes nothing
    assert len(counted) >= len(transcript.paragraphs)  # at least once per paragraph
