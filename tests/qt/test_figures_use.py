"""The figures table as a user works it: several rows selected, Select all, arrows follow
in the reading pane, a filter that folds like search and knows the Chinese metric names,
each tab's own filters, an empty table that says why, "export all shown"."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QAbstractItemView

from tests.core.test_metrics import write_call
from tests.qt.conftest import load
from viewer.core.metric_names import METRIC_NAMES_ZH, matches, metric_terms
from viewer.core.metrics import analyse
from viewer.core.search import fold
from viewer.core.transcript_io import load_transcript
from viewer.qt.actions import Act
from viewer.qt.models.figure_table_model import METRIC, VALUE_ZH
from viewer.qt.widgets.metrics_panel import MetricsPanel


@pytest.fixture
def panel(qtbot: Any, tmp_path: Path) -> MetricsPanel:
    t = load_transcript(write_call(tmp_path))
    w = MetricsPanel()
    qtbot.addWidget(w)
    w.resize(600, 500)
    w.set_analysis(t, analyse(t))
    w.show()
    return w


def shown(panel: MetricsPanel, column: int) -> list[str]:
    p = panel.figure_proxy
    return [str(p.index(r, column).data()) for r in range(p.rowCount())]


def test_rows_select_in_ranges_and_with_ctrl(panel: MetricsPanel, qtbot: Any) -> None:
    view = panel.figure_view
    assert view.selectionMode() is QAbstractItemView.SelectionMode.ExtendedSelection
    model = view.model()
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(model.index(0, 0)).center()
    )
    qtbot.mouseClick(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.ShiftModifier,
        view.visualRect(model.index(2, 0)).center(),
    )
    qtbot.mouseClick(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.ControlModifier,
        view.visualRect(model.index(4, 0)).center(),
    )
    assert sorted(i.row() for i in view.selectionModel().selectedRows()) == [0, 1, 2, 4]


def test_arrow_keys_follow_in_the_reading_pane(panel: MetricsPanel, qtbot: Any) -> None:
    view = panel.figure_view
    view.setFocus()
    view.setCurrentIndex(view.model().index(0, 0))
    paragraphs: list[int] = []
    panel.figure_activated.connect(lambda p, en, zh: paragraphs.append(p))
    qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_Down)
    f = [panel.figure_model.figure(r).paragraph for r in (1, 2)]
    assert paragraphs == f


def test_filter_folds_like_search_and_knows_chinese_metric_names(panel: MetricsPanel) -> None:
    panel.search.setText("毛利率")  # gross margin, by its Chinese name
    assert {m.lower() for m in shown(panel, METRIC)} == {"gross margin"}
    panel.search.setText("营收")  # Simplified; the names are listed in Traditional
    assert {m.lower() for m in shown(panel, METRIC)} == {"revenue"}
    panel.search.setText("万美元")  # Simplified finds the Traditional 萬美元
    assert shown(panel, VALUE_ZH) and all("萬美元" in v for v in shown(panel, VALUE_ZH))
    panel.search.setText("ＲＥＶＥＮＵＥ")  # full width and case fold too
    assert {m.lower() for m in shown(panel, METRIC)} == {"revenue"}


@given(st.sampled_from(sorted(METRIC_NAMES_ZH)), st.data())
def test_every_chinese_name_finds_its_metric(metric: str, data: Any) -> None:
    name = data.draw(st.sampled_from(METRIC_NAMES_ZH[metric]))
    assert matches(name, [], metric)
    assert fold(name) in metric_terms(metric)


@given(st.text(max_size=20), st.lists(st.text(max_size=30), max_size=4), st.text(max_size=15))
def test_matching_never_fails_and_folds_the_query(q: str, texts: list[str], metric: str) -> None:
    assert matches(q, texts, metric) == matches(fold(q), texts, metric)
    assert matches("", texts, metric)


def test_counts_say_one_figure(panel: MetricsPanel) -> None:
    panel.search.setText("300 名員工")
    assert panel.count_label.text() == "1 of 8 figures"
    panel.check_box.setCurrentIndex(panel.check_box.findText("Mismatches"))
    panel.search.setText("")
    assert panel.count_label.text() == "1 of 8 figures"


def test_an_empty_table_says_why(panel: MetricsPanel, qtbot: Any, tmp_path: Path) -> None:
    note = panel.empty_note
    assert not note.isVisible()
    panel.search.setText("no such figure anywhere")
    assert note.isVisible() and note.text() == "None of the 8 figures passes these filters."
    panel.search.setText("")
    assert not note.isVisible()
    # A call whose every figure matches, filtered on problems.
    (tmp_path / "all").mkdir()
    path = write_call(tmp_path / "all")
    t = load_transcript(path)
    a = analyse(t)
    good = a.model_copy(update={"figures": tuple(f for f in a.figures if f.check.value == "match")})
    panel.set_analysis(t, good)
    panel.check_box.setCurrentIndex(panel.check_box.findText("Problems (mismatch, missing)"))
    n = len(good.figures)
    assert note.isVisible() and note.text() == f"No problems: all {n} figures match."
    empty = a.model_copy(update={"figures": ()})
    panel.set_analysis(t, empty)
    assert note.text() == "No figures in this call."
    panel.set_analysis(None, None)
    assert note.text() == "Figures appear once the transcript is analysed."


def test_each_tab_keeps_its_own_figures_filters(qtbot: Any, window: Any, tmp_path: Path) -> None:
    first = load(qtbot, window)
    qtbot.waitUntil(lambda: first.analysis is not None, timeout=20000)
    panel = window.metrics_panel
    panel.search.setText("revenue")
    panel.check_box.setCurrentIndex(panel.check_box.findText("Matches"))
    narrowed = panel.figure_proxy.rowCount()
    second = load(qtbot, window, write_call(tmp_path))
    qtbot.waitUntil(lambda: second.analysis is not None, timeout=20000)
    qtbot.waitUntil(lambda: panel.analysis is second.analysis)
    assert panel.search.text() == "" and panel.check_box.currentIndex() == 0
    panel.search.setText("員工")
    window.tabs.setCurrentWidget(first)
    assert panel.search.text() == "revenue"
    assert panel.check_box.currentText() == "Matches"
    assert panel.figure_proxy.rowCount() == narrowed
    window.tabs.setCurrentWidget(second)
    assert panel.search.text() == "員工" and panel.check_box.currentIndex() == 0


def test_select_all_and_export_all_shown(qtbot: Any, window: Any, tmp_path: Path) -> None:
    doc = load(qtbot, window)
    qtbot.waitUntil(lambda: doc.analysis is not None, timeout=20000)
    panel = window.metrics_panel
    view = panel.figure_view
    panel.search.setText("growth")
    shown_rows = panel.figure_proxy.rowCount()
    assert 1 < shown_rows < panel.figure_model.rowCount()
    view.setFocus()
    window.action_table[Act.SELECT_ALL].trigger()
    assert len(view.selectionModel().selectedRows()) == shown_rows
    view.selectionModel().select(
        view.model().index(0, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    opened: list[Any] = []
    window.dialog_opened.connect(opened.append)
    assert panel.act_export_shown in view.actions()
    panel.act_export_shown.trigger()
    assert len(opened) == 1
    assert opened[0].windowTitle() == "Export figures to CSV"
    assert opened[0].spec.count == shown_rows  # every shown figure, not the one selected
    opened[0].reject()
