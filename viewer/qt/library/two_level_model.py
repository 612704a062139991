"""A tree of groups and their rows (companies and calls, calls and hits): one place for the
index arithmetic. A group's index has internal id 0; a row's has its group's row + 1, so
``parent()`` is O(1) and needs no stored parent objects."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from viewer.qt import i18n

Index = QModelIndex | QPersistentModelIndex


class TwoLevelModel(QAbstractItemModel):
    """Subclasses say how many groups there are and how many rows each has; ``columns`` of
    them are valid at both levels."""

    columns = 1

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Models get no LanguageChange: their headers and labels are re-announced here.
        i18n.notifier().changed.connect(self._language_changed)

    def _language_changed(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columns - 1)
        self.layoutAboutToBeChanged.emit()
        self.layoutChanged.emit()  # every row's text (the rows stay where they are)

    def group_count(self) -> int:
        raise NotImplementedError

    def child_count(self, group: int) -> int:
        raise NotImplementedError

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column < 0 or column >= self.columns or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0) if row < self.group_count() else QModelIndex()
        if parent.internalId() != 0 or parent.column() != 0:
            return QModelIndex()
        g = parent.row()
        if g >= self.group_count() or row >= self.child_count(g):
            return QModelIndex()
        return self.createIndex(row, column, g + 1)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return self.group_count()
        if parent.internalId() != 0 or parent.column() != 0:
            return 0
        return self.child_count(parent.row())
