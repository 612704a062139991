"""Names the Chinese keeps in some paragraphs and translates in others."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from viewer.core.metrics_models import NameCheck
from viewer.qt.i18n import QT_TRANSLATE_NOOP
from viewer.qt.models.read_only_table_model import ReadOnlyTableModel
from viewer.qt.models.roles import Roles

Index = QModelIndex | QPersistentModelIndex

COLUMNS = (
    QT_TRANSLATE_NOOP("Columns", "Name"),
    QT_TRANSLATE_NOOP("Columns", "Kept"),
    QT_TRANSLATE_NOOP("Columns", "Translated"),
    QT_TRANSLATE_NOOP("Columns", "Kept in ¶"),
    QT_TRANSLATE_NOOP("Columns", "Translated in ¶"),
)


def _paras(indices: tuple[int, ...], limit: int = 12) -> str:
    # paragraphs are shown 1-based, like the reading pane's numbers
    shown = ", ".join(str(i + 1) for i in indices[:limit])
    return shown + (f", … (+{len(indices) - limit})" if len(indices) > limit else "")


class NameCheckModel(ReadOnlyTableModel):
    """One row per :class:`NameCheck`; ``Roles.PARAGRAPH`` is the first translated paragraph."""

    COLUMNS = COLUMNS

    _rows: tuple[NameCheck, ...]

    def name_check(self, row: int) -> NameCheck:
        return self._rows[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        cell = self.cell(index)
        if cell is None:
            return None
        row, col = cell
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
