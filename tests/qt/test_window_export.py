"""Ctrl+E from each view writes the right rows through the real dialog and writer."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt

from tests.qt.conftest import load


def _export(qtbot: Any, window: Any, focus: Any, target: Path) -> list[list[str]]:
    def prepare(dialog: Any) -> None:
        dialog.ask_save_path = lambda initial: str(target)

    opened: list[Any] = []
    window.dialog_opened.connect(opened.append)
    window.dialog_opened.connect(prepare)
    focus.setFocus()
    qtbot.keyClick(focus, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert len(opened) == 1
    dialog = opened[0]
    assert dialog.isVisible()
    with qtbot.waitSignal(dialog.exported, timeout=20000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and not raw[3:].startswith(b"\xef\xbb\xbf")
    with open(target, encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh))


def test_selected_paragraphs_export(qtbot: Any, window: Any, tmp_path: Path) -> None:
    doc = load(qtbot, window)
    t = doc.transcript
    pane = doc.pane
    pane.go_to_paragraph(10)
    row = pane.proxy_row_of_paragraph(12)
    pane.selectionModel().select(
        pane.model().index(row, 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
    )
    rows = _export(qtbot, window, pane, tmp_path / "sel.csv")
    header, body = rows[0], rows[1:]
    assert header[-2:] == ["English", "Chinese"]
    assert [r[-2] for r in body] == [t.paragraphs[10].en, t.paragraphs[12].en]
    assert [r[-1] for r in body] == [t.paragraphs[10].zh, t.paragraphs[12].zh]


def test_speaker_in_tree_exports_everything_they_said(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    doc = load(qtbot, window)
    t = doc.transcript
    tree = window.speaker_panel.tree
    idx = doc.speaker_model.index_of_speaker("kenneth-osei")
    tree.setCurrentIndex(idx)
    rows = _export(qtbot, window, tree, tmp_path / "cfo.csv")
    expected = [p.en for tr in t.turns if tr.speaker_id == "kenneth-osei" for p in tr.paragraphs]
    assert [r[-2] for r in rows[1:]] == expected


def test_figures_table_exports_selected_figures(qtbot: Any, window: Any, tmp_path: Path) -> None:
    with qtbot.waitSignal(window.analysis_finished, timeout=20000):
        doc = load(qtbot, window)
    view = window.metrics_panel.figure_view
    view.selectRow(2)
    rows = _export(qtbot, window, view, tmp_path / "fig.csv")
    assert rows[0][:3] == ["metric", "value", "unit"]
    assert len(rows) == 2
    figure = window.metrics_panel.figure_model.figure(
        window.metrics_panel.figure_proxy.mapToSource(
            window.metrics_panel.figure_proxy.index(2, 0)
        ).row()
    )
    assert rows[1][0] == figure.main.metric
    assert rows[1][-2] == figure.en.text
    assert doc.analysis is not None


def test_nothing_selected_exports_the_filtered_view(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    doc = load(qtbot, window)
    window.speaker_panel.prepared.click()  # hide prepared remarks
    rows = _export(qtbot, window, doc.pane, tmp_path / "qa.csv")
    qa = [p.en for tr in doc.transcript.turns if tr.section.value == "qa" for p in tr.paragraphs]
    assert [r[-2] for r in rows[1:]] == qa
