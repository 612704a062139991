"""The figures table: one row per figure, both conventions, the translation check."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from viewer.core.metrics import format_en, format_zh, snippet
from viewer.core.metrics_models import Analysis, Check, Figure
from viewer.core.models import Transcript
from viewer.qt import labels
from viewer.qt.i18n import QT_TRANSLATE_NOOP
from viewer.qt.models.read_only_table_model import ReadOnlyTableModel
from viewer.qt.models.roles import Roles
from viewer.qt.theme import active

Index = QModelIndex | QPersistentModelIndex

COLUMNS = (
    QT_TRANSLATE_NOOP("Columns", "Metric"),
    QT_TRANSLATE_NOOP("Columns", "Value (English)"),
    QT_TRANSLATE_NOOP("Columns", "Value (Chinese)"),
    QT_TRANSLATE_NOOP("Columns", "Period"),
    QT_TRANSLATE_NOOP("Columns", "Nature"),
    QT_TRANSLATE_NOOP("Columns", "Speaker"),
    QT_TRANSLATE_NOOP("Columns", "Section"),
    QT_TRANSLATE_NOOP("Columns", "Check"),
    QT_TRANSLATE_NOOP("Columns", "English"),
    QT_TRANSLATE_NOOP("Columns", "Chinese"),
)
METRIC, VALUE_EN, VALUE_ZH, PERIOD, NATURE, SPEAKER, SECTION, CHECK, EN, ZH = range(10)


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
            text = labels.metric_name(m.metric)
        elif col == VALUE_EN:
            # Each language's own figure, so a mismatch shows as two different numbers;
            # a figure only one side has leaves the other blank (the Check column says so).
            text = format_en(f.en) if f.en is not None else ""
        elif col == VALUE_ZH:
            text = format_zh(f.zh) if f.zh is not None else ""
        elif col == PERIOD:
            text = labels.period_name(m.period)
        elif col == NATURE:
            text = labels.nature_name(m.nature.value)
        elif col == SPEAKER:
            text = self.speaker_name(row)
        elif col == SECTION:
            text = labels.section_name(f.section)
        elif col == CHECK:
            text = labels.check_label(f.check.value)
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
            en, zh = (f.en.text if f.en else None), (f.zh.text if f.zh else None)
            return labels.figure_tooltip(en, zh, f.check.value)
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
            c = active()  # asked at paint: follows the theme
            color = {Check.MISMATCH: c.check_mismatch, Check.MISSING: c.check_missing}.get(f.check)
            return QBrush(QColor(color)) if color is not None else None
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
