"""Issue 16 item 1: a number of 29 digits or thousands never crashes figures, formatting,
the translation check, ``--json`` or the figures CSV; it stays text (no figure)."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.core.test_metrics import write_call
from viewer.__main__ import main
from viewer.core.figures import CallContext, extract_en, extract_zh, plain, same_value, show
from viewer.core.jsonout import transcript_json
from viewer.core.metrics import analyse, figure_json, format_en, format_zh
from viewer.core.metrics_models import FigureSide, Nature
from viewer.core.transcript_io import load_transcript

CTX = CallContext(2031, 1)
LONG = "9" * 29


def test_a_29_digit_figure_is_no_figure_and_crashes_nothing() -> None:
    en = extract_en(f"Revenue was ${LONG} million, and margin was 41.2%.", CTX)
    assert [s.text for s in en] == ["41.2%"]
    zh = extract_zh(f"營收為 {LONG} 萬美元,毛利率為 41.2%。", CTX)
    assert [s.text for s in zh] == ["41.2%"]
    assert extract_zh("百分之" + "二十五點" + "五" * 40) == []


def test_plain_show_and_same_value_take_29_digits() -> None:
    big = Decimal(LONG)
    assert plain(big) == LONG
    assert plain(Decimal(LONG + ".50")) == LONG + ".5"
    assert show(big, 6, Decimal("0.1")) == f"{int(LONG) // 10**6:,}.9999990"
    assert same_value(big, Decimal(1), big + 1, Decimal(10))
    assert not same_value(big, Decimal(1), big + 100, Decimal(10))
    assert same_value(Decimal("1E+5000"), Decimal(1), Decimal("1E+5000"), Decimal(10))
    assert not same_value(Decimal("NaN"), Decimal(1), Decimal(1), Decimal(10))


def test_formatting_a_side_of_29_digits() -> None:
    side = FigureSide(
        text="x",
        start=0,
        end=1,
        kind="money",
        unit="USD",
        value=Decimal(LONG),
        quantum=Decimal("0.1"),
        metric="revenue",
        nature=Nature.REPORTED,
    )
    assert format_en(side).endswith("T USD")
    assert format_zh(side).endswith("兆美元")
    huge = side.model_copy(update={"value": Decimal("1" + "0" * 5000)})
    assert format_en(huge) and format_zh(huge)


def _call_with(tmp_path: Path, number: str) -> Path:
    path = write_call(tmp_path)
    text = path.read_text(encoding="utf-8").replace(
        "Good day", f"We shipped ${number} million of parts and {number}% more. Good day"
    )
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("digits", [29, 4301, 20_000])
def test_json_and_figures_csv_of_a_call_with_a_long_number(
    tmp_path: Path, digits: int, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _call_with(tmp_path, "7" * digits)
    assert main(["--json", str(path)]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert len(doc["figures"]) == 8  # the long number is no figure; the others are intact
    out = tmp_path / "f.csv"
    assert main(["--figures-csv", str(out), str(path)]) == 0
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert len(rows) == 1 + 8


@given(
    digits=st.text(alphabet="0123456789", min_size=1, max_size=6000),
    frac=st.text(alphabet="0123456789", max_size=40),
    unit=st.sampled_from(["$", "US$", "NT$"]),
    scale=st.sampled_from(["", " million", " billion", " trillion", "%", " Tbps", " shares"]),
    zh_scale=st.sampled_from(["", "萬", "億", "兆", "萬億"]),
)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_any_number_goes_through_figures_json_and_formatting(
    digits: str, frac: str, unit: str, scale: str, zh_scale: str
) -> None:
    number = digits + ("." + frac if frac else "")
    en = extract_en(f"Revenue was {unit}{number}{scale} and {number} to {number}{scale}.", CTX)
    zh = extract_zh(f"營收為 {number}{zh_scale}美元,{number} 至 {number}{zh_scale}股。", CTX)
    for side in (*en, *zh):
        format_en(side)
        format_zh(side)
        for v in (side.value, side.low, side.high):
            if v is not None:
                assert len(plain(v)) < 100  # only sane figures are extracted


def test_analysis_of_a_mangled_table_line(tmp_path: Path) -> None:
    row = " ".join(f"${'1234567' * 5}{i} million" for i in range(50))
    path = _call_with(tmp_path, "8" * 40)
    text = path.read_text(encoding="utf-8").replace("Good day", row + " Good day")
    path.write_text(text, encoding="utf-8")
    t = load_transcript(path)
    a = analyse(t)
    json.dumps([figure_json(f) for f in a.figures])
    json.dumps(transcript_json(t))
