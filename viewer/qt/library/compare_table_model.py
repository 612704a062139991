"""One company's metrics by fiscal period: the reported figure and the guidance given for
that period (in an earlier call) side by side, with the verdict (above / within / below /
pending) in words and in colour."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from viewer.core.library import Comparison, GuidanceCheck, MetricValue, Verdict, period_key
from viewer.core.metrics import format_en, format_zh
from viewer.qt import i18n
from viewer.qt.labels import metric_name, period_name
from viewer.qt.library.library_roles import LibraryRoles
from viewer.qt.theme import active

Index = QModelIndex | QPersistentModelIndex


def verdict_text(verdict: Verdict | str) -> str:
    """The verdict in words, with a sign that reads without colour (the word alone:
    :func:`verdict_word`)."""
    verdict = Verdict(verdict)  # a StrEnum comes back from a QVariant as its str
    sign = {Verdict.ABOVE: "▲", Verdict.WITHIN: "●", Verdict.BELOW: "▼"}.get(verdict, "…")
    return f"{sign} {verdict_word(verdict)}"


def verdict_word(verdict: Verdict | str) -> str:
    """``Above`` / ``優於財測``, ``Within`` / ``符合財測``, ``Below`` / ``低於財測``,
    ``Pending`` / ``待公布`` (docs/GLOSSARY.md)."""
    verdict = Verdict(verdict)
    if verdict is Verdict.ABOVE:
        return QCoreApplication.translate("CompareTableModel", "Above", "above the guidance")
    if verdict is Verdict.WITHIN:
        return QCoreApplication.translate("CompareTableModel", "Within", "within the guidance")
    if verdict is Verdict.BELOW:
        return QCoreApplication.translate("CompareTableModel", "Below", "below the guidance")
    return QCoreApplication.translate("CompareTableModel", "Pending", "not reported yet")


def unit_name(unit: str) -> str:
    """A figure's unit for a label: currency codes as they are, the others in words."""
    words = {
        "shares": QCoreApplication.translate("CompareTableModel", "shares"),
        "people": QCoreApplication.translate("CompareTableModel", "people"),
        "x": QCoreApplication.translate("CompareTableModel", "multiple"),
        "currency": QCoreApplication.translate("CompareTableModel", "currency"),
        "pp": QCoreApplication.translate("CompareTableModel", "percentage points"),
        "bp": QCoreApplication.translate("CompareTableModel", "basis points"),
    }
    return words.get(unit, unit)


def show_value(m: MetricValue) -> str:
    """``158.2 M USD`` / ``1.582 億美元``, ``150–155 M USD``, ``58.4%``: the figures panel's
    conventions, in the interface language's."""
    side = cast(Any, m)
    return format_zh(side) if i18n.current_language() == "zh-TW" else format_en(side)


@dataclass(frozen=True, slots=True)
class CompareRow:
    metric: str
    unit: str
    period: str
    reported: MetricValue | None
    check: GuidanceCheck | None


def compare_rows(c: Comparison) -> list[CompareRow]:
    """One row per guidance given (with the figure reported for it), and one per reported
    figure no guidance was given for; by metric, unit, then period."""
    first_reported: dict[tuple[str, str, str], MetricValue] = {}
    for m in c.metrics:
        if m.nature == "reported" and m.value is not None:
            first_reported.setdefault((m.metric, m.unit, m.period), m)
    rows: list[CompareRow] = []
    guided: set[tuple[str, str, str]] = set()
    for g in c.guidance:
        key = (g.guidance.metric, g.guidance.unit, g.guidance.period)
        guided.add(key)
        rows.append(CompareRow(*key, g.reported or first_reported.get(key), g))
    for key, m in first_reported.items():
        if key not in guided:
            rows.append(CompareRow(*key, m, None))
    rows.sort(
        key=lambda r: (
            r.metric.casefold(),
            r.unit,
            period_key(r.period),
            r.check.guided_in or "" if r.check is not None else "",
        )
    )
    return rows


class CompareTableModel(QAbstractTableModel):
    """Columns: metric, period, reported, guidance, guided in, verdict."""

    METRIC, PERIOD, REPORTED, GUIDANCE, GUIDED_IN, VERDICT = range(6)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[CompareRow] = []
        i18n.notifier().changed.connect(self._language_changed)

    def _language_changed(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 5)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 5))

    def set_comparison(self, comparison: Comparison | None) -> None:
        self.set_rows(compare_rows(comparison) if comparison is not None else [])

    def set_rows(self, rows: list[CompareRow]) -> None:
        """A company's rows (:func:`compare_rows`, computed in a worker): a new load."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> CompareRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def target(self, index: Index) -> tuple[str, int] | None:
        """``(file, paragraph)`` a click opens: the guidance for the guidance columns, the
        reported figure otherwise (whichever exists)."""
        r = self.row_at(index.row()) if index.isValid() else None
        if r is None:
            return None
        guide = r.check.guidance if r.check is not None else None
        first, second = (
            (guide, r.reported)
            if index.column() in (self.GUIDANCE, self.GUIDED_IN)
            else (r.reported, guide)
        )
        m = first or second
        return (m.file, m.paragraph) if m is not None else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        labels = (
            self.tr("Metric"),
            self.tr("Period"),
            self.tr("Reported"),
            self.tr("Guidance"),
            self.tr("Guided in"),
            self.tr("Verdict"),
        )
        return labels[section] if 0 <= section < len(labels) else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        r = self.row_at(index.row()) if index.isValid() else None
        if r is None or not 0 <= index.column() < 6:
            return None
        col = index.column()
        verdict = r.check.verdict if r.check is not None else None
        if role == LibraryRoles.VERDICT:
            return verdict.value if verdict is not None else None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(r, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            m = r.check.guidance if col in (self.GUIDANCE, self.GUIDED_IN) and r.check else None
            m = m or r.reported
            return m.text if m is not None else None
        if col == self.VERDICT and verdict is not None:
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(QColor(active().verdict_bg(verdict.value)))
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor(active().verdict_text))
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.REPORTED, self.GUIDANCE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.VERDICT:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _text(self, r: CompareRow, col: int) -> str:
        if col == self.METRIC:
            return metric_name(r.metric)
        if col == self.PERIOD:
            return period_name(r.period)
        if col == self.REPORTED:
            return show_value(r.reported) if r.reported is not None else "—"
        if col == self.GUIDANCE:
            return show_value(r.check.guidance) if r.check is not None else "—"
        if col == self.GUIDED_IN:
            return period_name(r.check.guided_in) if r.check is not None else ""
        if r.check is None:
            return ""
        return verdict_text(r.check.verdict)
