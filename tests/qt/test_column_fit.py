"""A side panel's columns in a dock too narrow for all of them: the first column gives way."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QWidget

from viewer.qt.widgets.column_fit import FIRST_MIN, fit_columns, panel_table


def _table(qtbot: Any, width: int, rows: list[list[str]]) -> tuple[Any, QWidget]:
    host = QWidget()
    qtbot.addWidget(host)
    view = panel_table(host, "figures")
    model = QStandardItemModel(0, len(rows[0]), view)
    model.setHorizontalHeaderLabels(["Metric", "Value (English)", "Value (Chinese)", "Check"])
    for row in rows:
        model.appendRow([QStandardItem(text) for text in row])
    view.setModel(model)
    view.resize(width, 300)
    host.show()
    qtbot.waitExposed(host)
    fit_columns(view)
    return view, host  # the host keeps the view alive


ROW = ["Sales and marketing expenses", "141.6 M USD", "1.416 億美元", "✓ Match"]


def test_every_column_after_the_first_stays_whole_in_a_narrow_dock(qtbot: Any) -> None:
    view, _host = _table(qtbot, 380, [ROW] * 5)
    header = view.horizontalHeader()
    right = header.sectionPosition(3) + header.sectionSize(3)
    assert right <= view.viewport().width()  # the check column is not behind the scroll bar
    for col in (1, 2, 3):
        assert header.sectionSize(col) >= view.sizeHintForColumn(col)  # values whole
    assert FIRST_MIN <= header.sectionSize(0) < view.sizeHintForColumn(0)  # the label elides


def test_a_wide_dock_keeps_every_column_whole(qtbot: Any) -> None:
    view, _host = _table(qtbot, 900, [ROW] * 5)
    header = view.horizontalHeader()
    for col in range(4):
        assert header.sectionSize(col) >= view.sizeHintForColumn(col)


def test_only_the_columns_asked_for_must_be_whole(qtbot: Any) -> None:
    # Four columns to keep and a fifth, moved to the front's right: the first gives way only
    # as far as the four need, in the order they are shown.
    view, _host = _table(qtbot, 380, [ROW] * 5)
    header = view.horizontalHeader()
    header.moveSection(3, 1)  # "Check" shown second
    fit_columns(view, whole=2)
    cap = int(view.viewport().width() * 0.45)  # the share a column may take
    assert header.sectionSize(0) == min(view.sizeHintForColumn(0), cap)  # no giving way
    assert header.sectionPosition(3) + header.sectionSize(3) <= view.viewport().width()
    # A dock too narrow even with the first column at its minimum: nothing is given away.
    narrow_view, _narrow_host = _table(qtbot, 150, [ROW] * 5)
    fit_columns(narrow_view)
    assert narrow_view.horizontalHeader().sectionSize(0) > FIRST_MIN
