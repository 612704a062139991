"""Names the Chinese keeps in some paragraphs and translates in others."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from viewer.core.metrics_models import NameCheck
from viewer.qt.models.roles import Roles

Index = QModelIndex | QPersistentModelIndex

COLUMNS = ("Name", "Kept", "Translated", "Kept in ¶", "Translated in ¶")


def _paras(indices: tuple[int, ...], limit: int = 12) -> str:
    # paragraphs are shown 1-based, like the reading pane's numbers
    shown = ", ".join(str(i + 1) for i in indices[:limit])
    return shown + (f", … (+{len(indices) - limit})" if len(indices) > limit else "")


class NameCheckModel(QAbstractTableModel):
    """One row per :class:`NameCheck`; ``Roles.PARAGRAPH`` is the first translated paragraph."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: tuple[NameCheck, ...] = ()

    def set_rows(self, rows: tuple[NameCheck, ...]) -> None:
        self.beginResetModel()
        self._rows = tuple(rows)
        self.endResetModel()

    def name_check(self, row: int) -> NameCheck:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(COLUMNS):
            return COLUMNS[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        if not (0 <= row < len(self._rows) and 0 <= col < len(COLUMNS)):
            return None
        n = self._rows[row]
        values: tuple[Any, ...] = (
            n.name,
            n.kept,
            n.translated,
            _paras(n.kept_paragraphs),
            _paras(n.translated_paragraphs),
        )
        if role == Qt.ItemDataRole.DisplayRole:
            return str(values[col])
        if role == Roles.SORT:
            return values[col]
        if role == Roles.PARAGRAPH:
            return n.translated_paragraphs[0]
        if role == Qt.ItemDataRole.ToolTipRole:
            return (
                f"{n.name}: kept in {n.kept} paragraphs, translated (or dropped) in "
                f"{n.translated}. Click to go to the first translated one."
            )
        return None
