"""Plumbing shared by the read-only tables: fixed columns, a tuple of rows, selectable cells."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from viewer.qt import i18n

Index = QModelIndex | QPersistentModelIndex


class ReadOnlyTableModel(QAbstractTableModel):
    """Subclasses set ``COLUMNS`` and implement ``data``; ``set_rows`` resets the table.

    ``COLUMNS`` are translation sources in the context ``Columns`` (wrap them in
    ``QT_TRANSLATE_NOOP("Columns", ...)``); headers and cells follow a language switch."""

    COLUMNS: tuple[str, ...] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: tuple[Any, ...] = ()
        i18n.notifier().changed.connect(self.language_changed)

    def language_changed(self) -> None:
        """Headers and labelled cells again, in the new interface language."""
        cache = getattr(self, "_cache", None)
        if isinstance(cache, dict):
            cache.clear()
        if self.COLUMNS:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)
        if self._rows and self.COLUMNS:
            last = self.index(len(self._rows) - 1, len(self.COLUMNS) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def set_rows(self, rows: Iterable[Any]) -> None:
        self.beginResetModel()
        self._rows = tuple(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.COLUMNS):
            return QCoreApplication.translate("Columns", self.COLUMNS[section])
        return None

    def cell(self, index: Index) -> tuple[int, int] | None:
        """``(row, column)`` of a valid index inside the table, else None."""
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        if 0 <= row < len(self._rows) and 0 <= col < len(self.COLUMNS):
            return row, col
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
