"""Times within the call (AlphaMemo, EarningsCall) go into the paragraph CSV as ``hh:mm:ss``."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_main
from viewer.core.export import (
    PARAGRAPH_COLUMNS,
    PARAGRAPH_HEADERS,
    TIME_COLUMN,
    paragraph_columns,
    paragraph_export,
    paragraph_rows,
)
from viewer.core.models import Transcript
from viewer.core.timecode import clock
from viewer.core.transcript_io import load_transcript

DATA = ROOT / "tests" / "data"
ALPHAMEMO = DATA / "alphamemo" / "fixture__9999_2025Q4.txt"
EARNINGSCALL = DATA / "earningscall" / "hpf-q2-2025-words.json"
UNTIMED = DATA / "earningscall" / "hpf-q2-2025-name-map.json"
CLOCK = re.compile(r"\d{2}:[0-5]\d:[0-5]\d\Z")


def read_csv(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh))


def timed_header() -> list[str]:
    at = PARAGRAPH_COLUMNS.index("paragraph") + 1
    keys = [*PARAGRAPH_COLUMNS[:at], "time", *PARAGRAPH_COLUMNS[at:]]
    return [PARAGRAPH_HEADERS[k] for k in keys]


@pytest.mark.parametrize("path", [ALPHAMEMO, EARNINGSCALL], ids=["alphamemo", "earningscall"])
def test_cli_csv_has_the_time_of_every_paragraph(path: Path, tmp_path: Path) -> None:
    t = load_transcript(path)
    assert t.has_times
    out = tmp_path / "timed.csv"
    done = run_main("--export-csv", out, path)
    assert done.returncode == 0, done.stderr
    rows = read_csv(out)
    assert rows[0] == timed_header()
    col = rows[0].index("Time")
    assert rows[0][col - 1] == "Paragraph"
    assert len(rows) == len(t.paragraphs) + 1
    for row, p in zip(rows[1:], t.paragraphs, strict=True):
        assert p.time is not None
        assert row[col] == clock(p.time)
        assert CLOCK.match(row[col])
        h, m, s = map(int, row[col].split(":"))
        assert h * 3600 + m * 60 + s == int(p.time)
        assert row[-2] == p.en
    # times run forward through the call
    seconds = [int(p.time or 0) for p in t.paragraphs]
    assert seconds == sorted(seconds)


def test_alphamemo_times_are_the_ones_the_file_writes(tmp_path: Path) -> None:
    out = tmp_path / "memo.csv"
    assert run_main("--export-csv", out, ALPHAMEMO).returncode == 0
    rows = read_csv(out)
    col = rows[0].index("Time")
    written = re.findall(r"^\((\d{2}:\d{2}:\d{2})\) [A-Za-z]", ALPHAMEMO.read_text("utf-8"), re.M)
    assert [r[col] for r in rows[1:]] == written


def test_earningscall_word_times_round_down_to_the_second(tmp_path: Path) -> None:
    t = load_transcript(EARNINGSCALL)
    out = tmp_path / "ec.csv"
    assert run_main("--export-csv", out, EARNINGSCALL, "--section", "qa").returncode == 0
    rows = read_csv(out)
    col = rows[0].index("Time")
    qa = [p for turn in t.turns if turn.section.value == "qa" for p in turn.paragraphs]
    assert qa and [r[col] for r in rows[1:]] == [clock(p.time) for p in qa]
    fractional = [p.time for p in qa if p.time is not None and p.time != int(p.time)]
    assert fractional  # the fixture's word times have fractions: they are cut, not rounded


def test_a_call_without_times_has_no_time_column(tmp_path: Path, sample_path: Path) -> None:
    for path in (sample_path, UNTIMED):
        t = load_transcript(path)
        assert not t.has_times
        spec = paragraph_export(t, range(len(t.paragraphs)))
        assert spec.defaults == PARAGRAPH_COLUMNS == paragraph_columns(t)
        assert TIME_COLUMN not in spec.headers
        out = tmp_path / f"{path.stem}.csv"
        assert run_main("--export-csv", out, path).returncode == 0
        assert read_csv(out)[0] == [PARAGRAPH_HEADERS[k] for k in PARAGRAPH_COLUMNS]


def test_time_column_can_be_chosen_alone_and_is_empty_for_an_untimed_paragraph() -> None:
    t = load_transcript(EARNINGSCALL)
    spec = paragraph_export(t, [2, 0])
    assert spec.headers["time"] == "Time"
    assert list(spec.rows(["time"], None, None)) == [
        (clock(t.paragraphs[2].time),),
        (clock(t.paragraphs[0].time),),
    ]
    # a paragraph without a time in a timed call (an opening line with no stamp): empty cell
    p0 = t.paragraphs[0].model_copy(update={"time": None})
    turn0 = t.turns[0].model_copy(update={"paragraphs": (p0, *t.turns[0].paragraphs[1:])})
    edited = t.model_copy(update={"turns": (turn0, *t.turns[1:])})
    edited = Transcript.model_validate(edited.model_dump())
    assert edited.has_times
    rows = list(paragraph_rows(edited, [0, 1], ["paragraph", "time"]))
    assert rows == [(1, ""), (2, clock(t.paragraphs[1].time))]
