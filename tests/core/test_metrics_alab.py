"""Issue 3 on the real ALAB call: the reported and guided figures, each matched with its
Chinese; nothing that is a year, a quarter or a product generation; the zodiac names."""

from __future__ import annotations

import json
import re
from decimal import Decimal as D
from pathlib import Path

import pytest

from tests.conftest import run_main as run
from viewer.core.metrics import analyse
from viewer.core.metrics_models import Analysis, Check, Figure, Nature
from viewer.core.transcript_io import load_transcript

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def alab(alab_path: Path) -> Analysis:
    return analyse(load_transcript(alab_path))


def find(
    a: Analysis, metric: str, *, value: D | None = None, low: D | None = None, high: D | None = None
) -> list[Figure]:
    return [
        f
        for f in a.figures
        if f.en is not None
        and f.metric == metric
        and f.en.value == value
        and f.en.low == low
        and f.en.high == high
    ]


@pytest.mark.parametrize(
    ("metric", "value", "low", "high", "period", "nature", "zh_text"),
    [
        ("revenue", D("141100000"), None, None, "Q4 2024", Nature.REPORTED, "1.411 億美元"),
        ("revenue", D("141000000"), None, None, "Q4 2024", Nature.REPORTED, "1.41 億美元"),
        ("gross margin", D("74.1"), None, None, "Q4 2024", Nature.REPORTED, "74.1%"),
        (
            "operating expenses",
            D("56200000"),
            None,
            None,
            "Q4 2024",
            Nature.REPORTED,
            "5,620 萬美元",
        ),
        ("EPS", D("0.37"), None, None, "Q4 2024", Nature.REPORTED, "0.37 美元"),
        ("cash", D("914000000"), None, None, "Q4 2024", Nature.REPORTED, "9.14 億美元"),
        (
            "revenue",
            None,
            D("151000000"),
            D("155000000"),
            "Q1 2025",
            Nature.GUIDANCE,
            "1.51 億美元至 1.55 億美元",
        ),
        (
            "operating expenses",
            None,
            D("66000000"),
            D("67000000"),
            "Q1 2025",
            Nature.GUIDANCE,
            "6,600 萬美元至 6,700 萬美元",
        ),
        ("EPS", None, D("0.28"), D("0.29"), "Q1 2025", Nature.GUIDANCE, "0.28 美元至 0.29 美元"),
    ],
)
def test_key_figures_matched_with_their_chinese(
    alab: Analysis,
    metric: str,
    value: D | None,
    low: D | None,
    high: D | None,
    period: str,
    nature: Nature,
    zh_text: str,
) -> None:
    # the prepared remarks say each once (74.1% comes back in the Q&A)
    found = [
        f for f in find(alab, metric, value=value, low=low, high=high) if f.section == "prepared"
    ]
    assert len(found) == 1, found
    f = found[0]
    assert (f.period, f.nature, f.check) == (period, nature, Check.MATCH)
    assert f.zh is not None and f.zh.text == zh_text
    assert f.en is not None and f.en.unit in ("USD", "percent")


def test_the_141_million_is_the_ceos(alab: Analysis, alab_path: Path) -> None:
    t = load_transcript(alab_path)
    (f,) = find(alab, "revenue", value=D("141000000"))
    speaker = t.speaker(f.speaker_id)
    assert speaker.title is not None and "Chief Executive" in speaker.title
    assert f.section == "prepared"


def test_non_gaap_gross_margin_sentence(alab: Analysis, alab_path: Path) -> None:
    t = load_transcript(alab_path)
    (f,) = [x for x in find(alab, "gross margin", value=D("74.1")) if x.section == "prepared"]
    assert "non-GAAP gross margin" in t.paragraphs[f.paragraph].en


def test_offsets_point_at_the_figure_text(alab: Analysis, alab_path: Path) -> None:
    t = load_transcript(alab_path)
    for f in alab.figures:
        p = t.paragraphs[f.paragraph]
        if f.en is not None:
            assert p.en[f.en.start : f.en.end] == f.en.text
        if f.zh is not None:
            assert p.zh is not None and p.zh[f.zh.start : f.zh.end] == f.zh.text


def test_no_year_quarter_or_generation_among_figures(alab: Analysis) -> None:
    bad = re.compile(r"^(?:'?\d{2}|(?:19|20)\d{2})$|Q[1-4]|Gen|年|季|10-K")
    texts = [s.text for f in alab.figures for s in (f.en, f.zh) if s is not None]
    assert texts
    assert [x for x in texts if bad.search(x)] == []
    assert all(f.unit for f in alab.figures if f.kind != "count")


def test_every_english_figure_finds_its_chinese(alab: Analysis) -> None:
    # the ALAB translation keeps every figure (its slips are elsewhere): no false alarms
    assert {f.check for f in alab.figures} == {Check.MATCH}
    assert len(alab.figures) >= 50


def test_zodiac_names_detected(alab: Analysis) -> None:
    names = {n.name: n for n in alab.names}
    for product in ("Aries", "Taurus", "Scorpio", "Leo"):
        n = names[product]
        assert n.kept > 0 and n.translated > 0
        assert set(n.kept_paragraphs).isdisjoint(n.translated_paragraphs)


def test_speaker_statistics(alab: Analysis) -> None:
    analysts = [s for s in alab.speakers if s.role == "analyst"]
    assert len(analysts) == 10
    assert all(s.questions == 2 for s in analysts)
    assert sum(s.share for s in alab.speakers) == pytest.approx(1.0)
    assert all(s.words == s.words_prepared + s.words_qa for s in alab.speakers)
    assert len(alab.firms) == 11  # the company and ten analysts' firms


def test_json_figures_of_alab(alab_path: Path, alab: Analysis) -> None:
    res = run("--json", alab_path)
    assert (res.returncode, res.stderr) == (0, "")
    doc = json.loads(res.stdout)
    figs = doc["figures"]
    assert len(figs) == len(alab.figures)
    guide = [f for f in figs if f["metric"] == "EPS" and f["nature"] == "guidance"]
    assert guide == [
        {
            "paragraph": guide[0]["paragraph"],
            "en": {
                "text": "$0.28 to $0.29",
                "start": guide[0]["en"]["start"],
                "end": guide[0]["en"]["end"],
            },
            "zh": {
                "text": "0.28 美元至 0.29 美元",
                "start": guide[0]["zh"]["start"],
                "end": guide[0]["zh"]["end"],
            },
            "kind": "per share",
            "unit": "USD",
            "low": 0.28,
            "high": 0.29,
            "qualifier": "approximately",
            "metric": "EPS",
            "period": "Q1 2025",
            "nature": "guidance",
            "check": "match",
        }
    ]
    assert {s["speaker_id"] for s in doc["stats"]["speakers"]} >= {"operator"}
    assert "Aries" in {n["name"] for n in doc["names"]}


def test_figures_csv_of_alab(alab_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "figs.csv"
    res = run("--figures-csv", out, alab_path)
    assert (res.returncode, res.stderr) == (0, "")
    text = out.read_bytes().decode("utf-8")
    assert text.startswith("\ufeffmetric,value,unit,low,high,qualifier,period,nature,check,")
    assert "operating expenses,56200000,USD,,,,Q4 2024,reported,match," in text
    assert "EPS,,USD,0.28,0.29,approximately,Q1 2025,guidance,match," in text
