"""Compare quarters for one company: a chart of a chosen metric over time, the verdicts at a
glance, and the table of metrics by period (reported and guidance side by side). Clicking a
cell opens the paragraph it came from: the guidance columns open the guidance, the others
the reported figure."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from viewer.core.library import Comparison, GuidanceCheck, Verdict, compare, period_key
from viewer.qt.error_text import error_text
from viewer.qt.i18n import plural
from viewer.qt.labels import arg, metric_name
from viewer.qt.library.compare_table_model import (
    CompareRow,
    CompareTableModel,
    compare_rows,
    unit_name,
    verdict_text,
)
from viewer.qt.library.library_controller import LibraryController
from viewer.qt.library.metric_chart import ChartPoint, MetricChart
from viewer.qt.workers import Job, JobRunner

log = logging.getLogger(__name__)

_SCALED = ("USD", "TWD", "CNY", "currency", "shares", "")


def value_formatter(unit: str, values: list[float]) -> Callable[[float], str]:
    """Short axis labels for ``unit`` (``150M``, ``58.5%``, ``0.27``)."""
    scale, suffix = 1.0, ""
    if unit == "percent":
        suffix = "%"
    elif unit in _SCALED:
        top = max((abs(v) for v in values), default=0.0)
        for power, label in ((9, "B"), (6, "M"), (3, "K")):
            if top >= 10**power:
                scale, suffix = 10.0**power, label
                break

    def fmt(v: float) -> str:
        return f"{v / scale:.4g}{suffix}"

    return fmt


class ComparePanel(QWidget):
    """Signals: ``compared(Comparison | None)`` after a company is (re)loaded."""

    compared = Signal(object)

    def __init__(self, controller: LibraryController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("libraryCompare")
        self.controller = controller
        self.comparison: Comparison | None = None
        self.runner = JobRunner(self)
        self._job: Job | None = None
        self._generation = 0
        self._stale = True
        self._failure: Exception | None = None  # why the last comparison failed

        self.company = QComboBox(self)
        self.company.currentIndexChanged.connect(lambda _: self.refresh())
        self.metric_choice = QComboBox(self)
        self.metric_choice.currentIndexChanged.connect(lambda _: self._update_chart())
        self.summary = QLabel(self)
        self.summary.setObjectName("compareSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)

        self.chart = MetricChart(self)
        self.model = CompareTableModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("compareTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setMinimumSectionSize(48)
        self.table.clicked.connect(self.open_index)
        self.table.activated.connect(self.open_index)

        top = QHBoxLayout()
        self.company_label = QLabel(self)
        self.company_label.setBuddy(self.company)
        self.chart_label = QLabel(self)
        self.chart_label.setBuddy(self.metric_choice)
        top.addWidget(self.company_label)
        top.addWidget(self.company, 1)
        top.addWidget(self.chart_label)
        top.addWidget(self.metric_choice, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.chart)
        splitter.addWidget(self.table)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.setSpacing(4)
        lay.addLayout(top)
        lay.addWidget(self.summary)
        lay.addWidget(splitter, 1)

        self.retranslate()
        controller.library_changed.connect(self._on_library_changed)
        self._on_library_changed()

    # -- language ----------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Every string of the panel in the interface language (also on a switch)."""
        self.company.setAccessibleName(self.tr("Company to compare"))
        self.metric_choice.setAccessibleName(self.tr("Metric in the chart"))
        self.table.setAccessibleName(self.tr("Metrics by period, reported and guidance"))
        self.company_label.setText(self.tr("Company"))
        self.chart_label.setText(self.tr("Chart"))
        for i in range(self.metric_choice.count()):
            self.metric_choice.setItemText(i, self._metric_label(self.metric_choice.itemData(i)))
        if self._job is None:
            self._show_summary()
            self._update_chart()
        else:
            self.summary.setText(self.tr("Comparing…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @staticmethod
    def _metric_label(key: object) -> str:
        """A chart choice's text from its data (``"name\tunit"``)."""
        name, _, unit = str(key).partition("\t")
        return (
            metric_name(name)
            if unit in ("", "percent")
            else f"{metric_name(name)} ({unit_name(unit)})"
        )

    # -- choosing ----------------------------------------------------------------------------

    def _on_library_changed(self) -> None:
        lib = self.controller.library
        keys = [c.key for c in lib.companies() if c.key] if lib is not None else []
        current = self.company.currentData()
        self.company.blockSignals(True)
        self.company.clear()
        for k in keys:
            self.company.addItem(k, k)
        at = self.company.findData(current) if current is not None else 0
        self.company.setCurrentIndex(max(0, at) if keys else -1)
        self.company.blockSignals(False)
        self.refresh()

    def show_company(self, key: str) -> None:
        """Compare ``key`` (a ticker or company name, as the library lists it)."""
        at = self.company.findData(key)
        if at < 0:
            return
        if at == self.company.currentIndex():
            self.refresh()
        else:
            self.company.setCurrentIndex(at)

    def refresh(self) -> None:
        """Read the chosen company's comparison again, in a worker (only while the panel is
        shown: a hidden panel refreshes when it is next shown)."""
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        if self._job is not None:
            self._job.cancel()
            self._job = None
        key = self.company.currentData()
        self._failure = None
        if not self.controller.available or not key:
            self._show(None, [])
            return
        controller = self.controller
        self.summary.setText(self.tr("Comparing…"))

        def work(token: Any, progress: Any) -> tuple[Comparison, list[CompareRow]]:
            comparison = compare(controller.worker_library(), key)
            return comparison, compare_rows(comparison)

        self._generation += 1
        generation = self._generation
        self._job = self.runner.start(
            work,
            on_finished=lambda result: self._on_compared(generation, result),
            on_failed=lambda exc: self._on_compare_failed(generation, exc),
            on_cancelled=lambda: None,
        )

    def is_busy(self) -> bool:
        return self._job is not None

    def _on_compared(self, generation: int, result: tuple[Comparison, list[CompareRow]]) -> None:
        if generation != self._generation or self._job is None:
            return
        self._job = None
        self._show(*result)

    def _on_compare_failed(self, generation: int, exc: Exception) -> None:
        if generation != self._generation or self._job is None:
            return
        self._job = None
        log.error("compare failed: %s", exc)
        self._failure = exc
        self._show(None, [])

    def _show(self, comparison: Comparison | None, rows: list[CompareRow]) -> None:
        self.comparison = comparison
        self.model.set_rows(rows)
        self._fit_columns()
        metric = self.metric_choice.currentData()
        self.metric_choice.blockSignals(True)
        self.metric_choice.clear()
        if comparison is not None:
            seen = dict.fromkeys(
                (m.metric, m.unit) for m in comparison.metrics if m.value is not None
            )
            for name, unit in sorted(seen, key=lambda mu: (mu[0] != "revenue", mu[0].casefold())):
                # a str key: a tuple does not survive QVariant for findData
                key = f"{name}\t{unit}"
                self.metric_choice.addItem(self._metric_label(key), key)
        at = self.metric_choice.findData(metric) if metric is not None else 0
        self.metric_choice.setCurrentIndex(max(0, at) if self.metric_choice.count() else -1)
        self.metric_choice.blockSignals(False)
        self._show_summary()
        self._update_chart()
        self.compared.emit(self.comparison)

    def _fit_columns(self) -> None:
        """Columns as wide as their header and the first rows (ResizeToContents would ask
        every row of a long table for its text, on every layout)."""
        fm = self.table.fontMetrics()
        header = self.table.horizontalHeader()
        rows = min(self.model.rowCount(), 200)
        for col in range(self.model.columnCount()):
            texts = [str(self.model.headerData(col, Qt.Orientation.Horizontal) or "")]
            texts += [str(self.model.index(r, col).data() or "") for r in range(rows)]
            width = max(fm.horizontalAdvance(t) for t in texts) + 24
            header.resizeSection(col, min(width, 260))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _show_summary(self) -> None:
        c = self.comparison
        if self._failure is not None:
            self.summary.setText(arg(self.tr("Comparing failed: %1"), error_text(self._failure)))
            return
        if c is None:
            self.summary.setText(self.tr("No company to compare yet: add a folder of calls."))
            return
        counts = {v: 0 for v in Verdict}
        for g in c.guidance:
            counts[g.verdict] += 1
        n_calls, n_guided = len(c.calls), len(c.guidance)
        text = arg(
            self.tr("%1: %2 · %3", "ticker: calls · guidance figures"),
            c.ticker,
            plural(self.tr("%n call(s)", "", n_calls), n_calls),
            plural(self.tr("%n guidance figure(s)", "", n_guided), n_guided),
        )
        verdicts = " · ".join(f"{verdict_text(v)} {counts[v]}" for v in Verdict if counts[v])
        if verdicts:
            text = arg(self.tr("%1: %2", "summary: verdict counts"), text, verdicts)
        self.summary.setText(text)

    def _update_chart(self) -> None:
        c = self.comparison
        chosen = self.metric_choice.currentData()
        if c is None or chosen is None:
            self.chart.set_points("", [])
            return
        name, unit = str(chosen).split("\t", 1)
        reported = dict(c.series(name, unit))
        guides: dict[str, GuidanceCheck] = {}
        for g in c.guidance:
            m = g.guidance
            if m.metric == name and m.unit == unit:
                guides[m.period] = g  # a later call's guidance for the period wins
        periods = sorted(set(reported) | set(guides), key=period_key)
        if any(p.startswith("Q") for p in periods):
            # quarters on one axis: a full year's total would flatten them
            periods = [p for p in periods if p.startswith("Q")]
        points = []
        for period in periods:
            check = guides.get(period)
            low = high = None
            if check is not None:
                m = check.guidance
                low = float(m.low if m.low is not None else m.value)  # type: ignore[arg-type]
                high = float(m.high if m.high is not None else m.value)  # type: ignore[arg-type]
            value = reported.get(period)
            points.append(
                ChartPoint(
                    period,
                    float(value) if value is not None else None,
                    low,
                    high,
                    check.verdict if check is not None and value is not None else None,
                )
            )
        values = [v for p in points for v in (p.value, p.low, p.high) if v is not None]
        self.chart.set_points(
            self.metric_choice.currentText(), points, value_formatter(unit, values)
        )

    # -- opening -----------------------------------------------------------------------------

    def open_index(self, index: QModelIndex) -> None:
        target = self.model.target(index)
        if target is not None:
            self.controller.open_at(target[0], target[1], None)
