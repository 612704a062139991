"""Talk statistics per speaker (or per firm) as a sortable table."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from viewer.core.metrics_models import FirmStats, SpeakerStats
from viewer.qt.models.roles import Roles

Index = QModelIndex | QPersistentModelIndex

COLUMNS = ("Name", "Role", "Firm", "Turns", "Paragraphs", "Words", "Share", "Questions",
           "Prepared words", "Q&A words")  # fmt: skip
_NUMERIC_FROM = 3


class SpeakerStatsModel(QAbstractTableModel):
    """One row per :class:`SpeakerStats` or :class:`FirmStats`; ``Roles.SORT`` is numeric for
    the count columns. Firm rows show the firm as the name and the speaker count as firm."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: tuple[SpeakerStats | FirmStats, ...] = ()

    def set_rows(self, rows: tuple[SpeakerStats, ...] | tuple[FirmStats, ...]) -> None:
        self.beginResetModel()
        self._rows = tuple(rows)
        self.endResetModel()

    def row_stats(self, row: int) -> SpeakerStats | FirmStats:
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

    def _value(self, s: SpeakerStats | FirmStats, col: int) -> Any:
        if isinstance(s, SpeakerStats):
            head: tuple[Any, ...] = (s.name, s.role, s.firm or "")
        else:
            head = (s.firm, s.role, f"{s.speakers} speaker" + ("s" if s.speakers != 1 else ""))
        values = (*head, s.turns, s.paragraphs, s.words, s.share, s.questions, s.words_prepared,
                  s.words_qa)  # fmt: skip
        return values[col]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        if not (0 <= row < len(self._rows) and 0 <= col < len(COLUMNS)):
            return None
        v = self._value(self._rows[row], col)
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 6:
                return f"{v:.1%}"
            return f"{v:,}" if isinstance(v, int) else str(v)
        if role == Roles.SORT:
            return v
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= _NUMERIC_FROM:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Roles.SPEAKER_ID and isinstance(self._rows[row], SpeakerStats):
            return self._rows[row].speaker_id  # type: ignore[union-attr]
        return None
