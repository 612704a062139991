"""The export dialog offers and writes the Time column of timed calls (AlphaMemo,
EarningsCall), with its header in the interface language."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from tests.core.test_export_times import ALPHAMEMO, EARNINGSCALL, read_csv
from tests.qt.test_export_dialog import click_export, make_dialog
from viewer.core.export import PARAGRAPH_COLUMNS, paragraph_export
from viewer.core.timecode import clock
from viewer.core.transcript_io import load_transcript
from viewer.qt import i18n


@pytest.fixture
def app(qapp: Any) -> Iterator[Any]:
    """The application, back in English after the test (the translators are global)."""
    yield qapp
    i18n.set_language(qapp, "en")


def offered(dlg: Any) -> list[str]:
    return [dlg.columns.item(i).text() for i in range(dlg.columns.count())]


@pytest.mark.parametrize("path", [ALPHAMEMO, EARNINGSCALL], ids=["alphamemo", "earningscall"])
def test_dialog_checks_the_time_column_and_writes_it(
    qtbot: Any, app: Any, path: Path, tmp_path: Path
) -> None:
    t = load_transcript(path)
    target = tmp_path / "timed.csv"
    dlg = make_dialog(qtbot, paragraph_export(t, range(len(t.paragraphs))), tmp_path, target)
    columns = dlg.selected_columns()
    assert columns[columns.index("paragraph") + 1] == "time"
    assert [c for c in columns if c != "time"] == list(PARAGRAPH_COLUMNS)
    assert "Time" in offered(dlg)
    # the preview shows the times
    model = dlg.preview_model
    col = columns.index("time")
    assert model.headerData(col, Qt.Orientation.Horizontal) == "Time"
    first = model.index(0, col).data()
    assert first == clock(t.paragraphs[0].time)
    with qtbot.waitSignal(dlg.exported, timeout=20000):
        click_export(qtbot, dlg)
    rows = read_csv(target)
    assert rows[0][col] == "Time"
    assert [r[col] for r in rows[1:]] == [clock(p.time) for p in t.paragraphs]


def test_time_header_in_traditional_chinese(qtbot: Any, app: Any, tmp_path: Path) -> None:
    i18n.set_language(app, "zh-TW")
    t = load_transcript(ALPHAMEMO)
    target = tmp_path / "memo.csv"
    dlg = make_dialog(qtbot, paragraph_export(t, range(len(t.paragraphs))), tmp_path, target)
    assert "時間" in offered(dlg)
    assert not dlg.english_headers.isChecked()
    col = dlg.selected_columns().index("time")
    assert dlg.preview_model.headerData(col, Qt.Orientation.Horizontal) == "時間"
    with qtbot.waitSignal(dlg.exported, timeout=20000):
        click_export(qtbot, dlg)
    rows = read_csv(target)
    assert rows[0][col] == "時間"
    assert rows[1][col] == clock(t.paragraphs[0].time)
    # "English headers (for scripts)": the core's header
    dlg2 = make_dialog(qtbot, paragraph_export(t, range(2)), tmp_path, None)
    dlg2.english_headers.setChecked(True)
    assert dlg2.header(["paragraph", "time"]) == ["Paragraph", "Time"]


def test_untimed_call_does_not_offer_time(qtbot: Any, app: Any, sample_path: Path) -> None:
    t = load_transcript(sample_path)
    dlg = make_dialog(qtbot, paragraph_export(t, range(3)), sample_path.parent, None)
    assert "Time" not in offered(dlg)
    assert "time" not in dlg.selected_columns()
