"""Talk statistics per speaker (or per firm) as a sortable table."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from viewer.core.metrics_models import FirmStats, SpeakerStats
from viewer.qt.i18n import QT_TRANSLATE_NOOP
from viewer.qt.models.read_only_table_model import ReadOnlyTableModel
from viewer.qt.models.roles import Roles

Index = QModelIndex | QPersistentModelIndex

COLUMNS = (
    QT_TRANSLATE_NOOP("Columns", "Name"),
    QT_TRANSLATE_NOOP("Columns", "Role"),
    QT_TRANSLATE_NOOP("Columns", "Firm"),
    QT_TRANSLATE_NOOP("Columns", "Turns"),
    QT_TRANSLATE_NOOP("Columns", "Paragraphs"),
    QT_TRANSLATE_NOOP("Columns", "Words"),
    QT_TRANSLATE_NOOP("Columns", "Share"),
    QT_TRANSLATE_NOOP("Columns", "Questions"),
    QT_TRANSLATE_NOOP("Columns", "Prepared words"),
    QT_TRANSLATE_NOOP("Columns", "Q&A words"),
)
_NUMERIC_FROM = 3


class SpeakerStatsModel(ReadOnlyTableModel):
    """One row per :class:`SpeakerStats` or :class:`FirmStats`; ``Roles.SORT`` is numeric for
    the count columns. Firm rows show the firm as the name and the speaker count as firm."""

    COLUMNS = COLUMNS

    _rows: tuple[SpeakerStats | FirmStats, ...]

    def row_stats(self, row: int) -> SpeakerStats | FirmStats:
        return self._rows[row]

    def _value(self, s: SpeakerStats | FirmStats, col: int) -> Any:
        if isinstance(s, SpeakerStats):
            head: tuple[Any, ...] = (s.name, s.role, s.firm or "")
        else:
            head = (s.firm, s.role, f"{s.speakers} speaker" + ("s" if s.speakers != 1 else ""))
        values = (*head, s.turns, s.paragraphs, s.words, s.share, s.questions, s.words_prepared,
                  s.words_qa)  # fmt: skip
        return values[col]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        cell = self.cell(index)
        if cell is None:
            return None
        row, col = cell
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
