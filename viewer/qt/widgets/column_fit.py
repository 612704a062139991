"""Columns of a side panel's table sized to their content within the panel, and a tool tip
with the whole text of any cell that is cut short (the model's own tool tip comes first)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QTableView,
    QToolTip,
    QWidget,
)

PADDING = 12  # the cell's margins around its text
FIRST_MIN = 64  # the narrowest the first column gets to make room for the others


def fit_columns(view: QTableView, share: float = 0.45, whole: int | None = None) -> None:
    """Every column as wide as its content and its header, at most ``share`` of the visible
    width, so the first columns are whole in a narrow dock. When they do not all fit, the
    headers give way first (a longer header elides: a value cut by the dock's edge is worse
    than "Value (Engl…"), then the first column (a name or a label, elided with a tool tip),
    down to ``FIRST_MIN``, if that puts the first ``whole`` columns on screen (all by
    default; counted as shown, moved columns in their place)."""
    model = view.model()
    if model is None:
        return
    header = view.horizontalHeader()
    avail = view.viewport().width()
    cap = max(60, int(avail * share))
    shown = [c for c in range(model.columnCount()) if not header.isSectionHidden(c)]
    cols = sorted(shown, key=header.visualIndex)  # as on screen (a column may be moved)
    content = {c: view.sizeHintForColumn(c) if model.rowCount() else 0 for c in cols}
    wanted = {c: min(max(content[c], header.sectionSizeHint(c)), cap) for c in cols}
    if sum(wanted.values()) > avail:
        wanted = {c: min(max(content[c], 40), wanted[c]) for c in cols}
    kept = cols[:whole] if whole is not None else cols
    excess = sum(wanted[c] for c in kept) - avail
    if kept and 0 < excess <= wanted[kept[0]] - FIRST_MIN:
        wanted[kept[0]] -= excess
    for c in cols:
        header.resizeSection(c, wanted[c])


class ElidedTips(QObject):
    """On an item view's viewport: the tool tip of a cut-short cell is its whole text."""

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self.view = view
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ToolTip or not isinstance(event, QHelpEvent):
            return False
        index = self.view.indexAt(event.pos())
        if not index.isValid() or index.data(Qt.ItemDataRole.ToolTipRole):
            return False  # the model's own tip
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        rect = self.view.visualRect(index)
        if text and self.view.fontMetrics().horizontalAdvance(text) + PADDING > rect.width():
            QToolTip.showText(event.globalPos(), text, self.view.viewport(), rect)
        else:
            QToolTip.hideText()
        return True


def narrow(box: QComboBox) -> None:
    """A filter box that may be narrower than its longest entry (the list still shows it)."""
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(2)
    box.view().setTextElideMode(Qt.TextElideMode.ElideNone)


def panel_table(parent: QWidget, name: str) -> QTableView:
    """A side panel's read-only table: whole rows, several at once (ranges, Ctrl and Shift,
    so several figures are exported together), columns fitted, cut cells with tool tips."""
    view = QTableView(parent)
    view.setObjectName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.horizontalHeader().setStretchLastSection(True)
    install(view)
    return view


def install(view: QAbstractItemView) -> ElidedTips:
    """Elided cells with tool tips on ``view`` (kept alive by the view)."""
    if isinstance(view, QTableView):
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return ElidedTips(view)
