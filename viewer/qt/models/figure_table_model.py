"""The figures table: one row per figure, both conventions, the translation check."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from viewer.core.metrics import format_en, format_zh, snippet, tooltip
from viewer.core.metrics_models import Analysis, Check, Figure
from viewer.core.models import Transcript
from viewer.qt.models.read_only_table_model import ReadOnlyTableModel
from viewer.qt.models.roles import Roles

Index = QModelIndex | QPersistentModelIndex

COLUMNS = (
    "Metric",
    "Value",
    "Value (中文)",
    "Period",
    "Nature",
    "Speaker",
    "Section",
    "Check",
    "English",
    "Chinese",
)
METRIC, VALUE_EN, VALUE_ZH, PERIOD, NATURE, SPEAKER, SECTION, CHECK, EN, ZH = range(10)
_CHECK_LABEL = {
    Check.MATCH: "✓ match",
    Check.MISMATCH: "≠ mismatch",
    Check.MISSING: "? missing",
    Check.EXTRA: "+ extra",
    Check.UNTRANSLATED: "– no translation",
}
_CHECK_COLOR = {Check.MISMATCH: QColor(200, 40, 40), Check.MISSING: QColor(190, 110, 0)}
_SECTION_LABEL = {"prepared": "Prepared", "qa": "Q&A"}


class FigureTableModel(ReadOnlyTableModel):
    """Read-only rows of :class:`~viewer.core.metrics_models.Figure`.

    ``Roles.SORT`` gives numbers for the value columns (the value, or a range's low end) and
    the paragraph index for the snippet columns, text elsewhere; ``Roles.PARAGRAPH``,
    ``Roles.SPEAKER_ID``, ``Roles.SECTION`` and ``Roles.SPEAKER_ROLE`` serve filters.
    """

    COLUMNS = COLUMNS

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._t: Transcript | None = None
        self._rows: tuple[Figure, ...] = ()
        self._cache: dict[tuple[int, int], str] = {}

    def set_analysis(self, transcript: Transcript | None, analysis: Analysis | None) -> None:
        self.beginResetModel()
        self._t = transcript
        self._rows = analysis.figures if analysis is not None and transcript else ()
        self._cache = {}
        self.endResetModel()

    @property
    def transcript(self) -> Transcript | None:
        return self._t

    def figure(self, row: int) -> Figure:
        return self._rows[row]

    def speaker_name(self, row: int) -> str:
        f = self._rows[row]
        assert self._t is not None
        sp = self._t.speaker_map.get(f.speaker_id)
        return sp.name if sp is not None else f.speaker_id

    def speaker_role(self, row: int) -> str:
        f = self._rows[row]
        assert self._t is not None
        sp = self._t.speaker_map.get(f.speaker_id)
        return sp.role.value if sp is not None else ""

    def _text(self, row: int, col: int) -> str:
        key = (row, col)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        f = self._rows[row]
        m = f.main
        text: str
        if col == METRIC:
            text = m.metric
        elif col == VALUE_EN:
            # Each language's own figure, so a mismatch shows as two different numbers;
            # a figure only one side has leaves the other blank (the Check column says so).
            text = format_en(f.en) if f.en is not None else ""
        elif col == VALUE_ZH:
            text = format_zh(f.zh) if f.zh is not None else ""
        elif col == PERIOD:
            text = m.period or ""
        elif col == NATURE:
            text = m.nature.value
        elif col == SPEAKER:
            text = self.speaker_name(row)
        elif col == SECTION:
            text = _SECTION_LABEL.get(f.section, f.section)
        elif col == CHECK:
            text = _CHECK_LABEL[f.check]
        else:
            assert self._t is not None
            p = self._t.paragraphs[f.paragraph]
            side = f.en if col == EN else f.zh
            body = p.en if col == EN else (p.zh or "")
            text = snippet(body, side.start, side.end) if side is not None else ""
        self._cache[key] = text
        return text

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        cell = self.cell(index)
        if cell is None or self._t is None:
            return None
        row, col = cell
        f = self._rows[row]
        m = f.main
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(f)
        if role == Roles.SORT:
            if col in (VALUE_EN, VALUE_ZH):
                side = f.en if col == VALUE_EN else f.zh
                return float((side or m).sort_value)
            if col in (EN, ZH):
                return f.paragraph
            return self._text(row, col)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (VALUE_EN, VALUE_ZH):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and col == CHECK:
            color = _CHECK_COLOR.get(f.check)
            return QBrush(color) if color is not None else None
        if role == Roles.PARAGRAPH:
            return f.paragraph
        if role == Roles.SPEAKER_ID:
            return f.speaker_id
        if role == Roles.SECTION:
            return f.section
        if role == Roles.SPEAKER_ROLE:
            return self.speaker_role(row)
        if role == Roles.EN:
            return f.en.text if f.en else None
        if role == Roles.ZH:
            return f.zh.text if f.zh else None
        return None
