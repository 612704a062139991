"""Right dock: figures (with the translation check), speaker statistics and names."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QAction, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from viewer.core.metrics_models import Analysis
from viewer.core.models import Transcript
from viewer.qt import labels
from viewer.qt.focus_order import chain
from viewer.qt.i18n import QT_TRANSLATE_NOOP, format_number, plural, translate
from viewer.qt.labels import arg
from viewer.qt.models.figure_table_model import CHECK, FigureTableModel
from viewer.qt.models.name_check_model import NameCheckModel, name_highlights, name_renderings
from viewer.qt.models.paragraph_table_model import Highlight
from viewer.qt.models.roles import Roles
from viewer.qt.models.speaker_stats_model import SpeakerStatsModel
from viewer.qt.proxies.figure_filter_proxy import FigureFilterProxy
from viewer.qt.widgets.column_fit import fit_columns, narrow, panel_table
from viewer.qt.widgets.empty_note import EmptyNote
from viewer.qt.widgets.filter_grid import FilterGrid
from viewer.qt.widgets.talk_share_chart import TalkShareChart

_NATURES = ("reported", "guidance", "target", "analyst")
_CHECKS = (
    (QT_TRANSLATE_NOOP("MetricsPanel", "All checks"), None),
    (
        QT_TRANSLATE_NOOP("MetricsPanel", "Problems (mismatch, missing)"),
        frozenset({"mismatch", "missing"}),
    ),
    (QT_TRANSLATE_NOOP("MetricsPanel", "Mismatches"), frozenset({"mismatch"})),
    (QT_TRANSLATE_NOOP("MetricsPanel", "Missing in Chinese"), frozenset({"missing"})),
    (QT_TRANSLATE_NOOP("MetricsPanel", "Extra in Chinese"), frozenset({"extra"})),
    (QT_TRANSLATE_NOOP("MetricsPanel", "Matches"), frozenset({"match"})),
)


def figure_highlights(
    paragraph: int, en: tuple[int, int] | None, zh: tuple[int, int] | None
) -> dict[int, list[Highlight]]:
    """What ``figure_activated`` asks the reading pane to paint (``kind`` "figure")."""
    spans = [Highlight(lang, *span, "figure") for lang, span in (("en", en), ("zh", zh)) if span]
    return {paragraph: spans}


class MetricsPanel(QWidget):
    """Tabs Figures / Statistics / Names for one transcript's :class:`Analysis`.

    Signals: ``figure_activated(paragraph, en_span, zh_span)`` when a figure is clicked or
    activated (spans are ``(start, end)`` code-point offsets or None);
    ``paragraph_activated(paragraph)`` from the names tab (first translated paragraph);
    ``paragraph_filter_changed(frozenset[int] | None)`` for "paragraphs with figures only".
    """

    figure_activated = Signal(int, object, object)
    highlights_requested = Signal(object)  # {paragraph: [Highlight]}: a name's places
    export_shown = Signal()  # export every figure the filters show (the selection cleared)
    paragraph_activated = Signal(int)
    paragraph_filter_changed = Signal(object)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._analysis: Analysis | None = None
        self._transcript: Transcript | None = None
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("metricsTabs")

        # -- figures --------------------------------------------------------------------
        self.figure_model = FigureTableModel(self)
        self.figure_proxy = FigureFilterProxy(self)
        self.figure_proxy.setSourceModel(self.figure_model)
        figures = QWidget(self.tabs)
        self.metric_box = QComboBox(figures)
        self.nature_box = QComboBox(figures)
        self.who_box = QComboBox(figures)
        self.section_box = QComboBox(figures)
        self.check_box = QComboBox(figures)
        for box in self._boxes():
            narrow(box)
            box.currentIndexChanged.connect(self._apply_filters)
        self.search = QLineEdit(figures)
        self.search.setObjectName("figureSearch")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._apply_filters)
        self.figures_only = QCheckBox(figures)
        self.figures_only.toggled.connect(self._emit_paragraph_filter)
        # Its text may be cut in a narrow dock (the tool tip says more): the panel never
        # pushes the reading pane aside.
        self.figures_only.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.count_label = QLabel(figures)
        self.count_label.setObjectName("figureCount")
        self.figure_view = panel_table(figures, "figureTable")
        self.figure_view.setModel(self.figure_proxy)
        self.figure_view.setSortingEnabled(True)
        self.figure_view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # document order
        # The check is what readers look for first: show it beside the two values.
        header = self.figure_view.horizontalHeader()
        header.moveSection(header.visualIndex(CHECK), 3)
        self.figure_view.clicked.connect(self._on_figure_index)
        self.figure_view.activated.connect(self._on_figure_index)
        # Moving with the arrow keys follows in the reading pane, as a click does.
        self.figure_view.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._on_figure_index(current)
        )
        self.empty_note = EmptyNote(self.figure_view)
        self.act_export_shown = QAction(
            QCoreApplication.translate("MetricsPanel", "Export all &shown figures…"),
            self.figure_view,
        )
        self.act_export_shown.triggered.connect(self._export_shown)
        self.figure_view.addAction(self.act_export_shown)
        # As many filter boxes a row as the dock's width lets stay readable.
        boxes = (self.metric_box, self.nature_box, self.check_box, self.who_box)
        grid = FilterGrid(self.search, (*boxes, self.section_box), figures)
        bottom = QHBoxLayout()
        bottom.setContentsMargins(4, 0, 4, 4)
        bottom.addWidget(self.figures_only, 1)
        bottom.addWidget(self.count_label)
        lay = QVBoxLayout(figures)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(grid)
        lay.addWidget(self.figure_view, 1)
        lay.addLayout(bottom)
        self.tabs.addTab(figures, "")

        # -- statistics -----------------------------------------------------------------
        stats = QWidget(self.tabs)
        self.stats_by = QComboBox(stats)
        self.stats_by.addItems(["", ""])
        narrow(self.stats_by)
        self.stats_by.currentIndexChanged.connect(self._show_stats)
        self.speaker_stats_model = SpeakerStatsModel(self)
        self.firm_stats_model = SpeakerStatsModel(self)
        self.stats_proxy = QSortFilterProxyModel(self)
        self.stats_proxy.setSortRole(Roles.SORT)
        self.stats_proxy.setSourceModel(self.speaker_stats_model)
        self.stats_view = panel_table(stats, "statsTable")
        self.stats_view.setModel(self.stats_proxy)
        self.stats_view.setSortingEnabled(True)
        self.stats_view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.chart = TalkShareChart(stats)
        self.chart.setObjectName("talkShareChart")
        slay = QVBoxLayout(stats)
        slay.setContentsMargins(4, 4, 4, 4)
        slay.addWidget(self.stats_by)
        slay.addWidget(self.stats_view, 3)
        self.chart_label = QLabel(stats)
        slay.addWidget(self.chart_label)
        slay.addWidget(self.chart, 2)
        self.tabs.addTab(stats, "")

        # -- names ----------------------------------------------------------------------
        names = QWidget(self.tabs)
        self.name_model = NameCheckModel(self)
        self.name_proxy = QSortFilterProxyModel(self)
        self.name_proxy.setSortRole(Roles.SORT)
        self.name_proxy.setSourceModel(self.name_model)
        self.name_view = panel_table(names, "nameTable")
        self.name_view.setModel(self.name_proxy)
        self.name_view.setSortingEnabled(True)
        self.name_view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.name_view.clicked.connect(self._on_name_index)
        self.name_view.activated.connect(self._on_name_index)
        note = self.names_note = QLabel(names)
        note.setWordWrap(True)
        nlay = QVBoxLayout(names)
        nlay.setContentsMargins(4, 4, 4, 4)
        nlay.addWidget(note)
        nlay.addWidget(self.name_view, 1)
        self.tabs.addTab(names, "")

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.tabs)
        self.setFocusProxy(self.figure_view)
        # Tab as the grid reads: row by row, then the table and the box below it
        grid_order = (self.metric_box, self.nature_box, self.check_box, self.who_box)
        chain((*grid_order, self.section_box, self.search, self.figure_view, self.figures_only))
        self.set_analysis(None, None)

    def _boxes(self) -> tuple[QComboBox, ...]:
        return (self.metric_box, self.nature_box, self.who_box, self.section_box, self.check_box)

    def retranslate(self) -> None:
        """Every fixed text in the interface language (also on ``LanguageChange``)."""
        names = (
            self.tr("Metric"),
            self.tr("Nature"),
            self.tr("Speaker or role"),
            self.tr("Section"),
            self.tr("Translation check"),
        )
        for box, name in zip(self._boxes(), names, strict=True):
            box.setAccessibleName(name)
            box.setToolTip(name)
        self.search.setPlaceholderText(self.tr("Filter figures…"))  # details: the tool tip
        self.search.setToolTip(self.tr("Text, metric (English or Chinese), speaker or value"))
        self.search.setAccessibleName(self.tr("Filter figures"))
        self.figures_only.setText(self.tr("Pane: &figures only"))  # short: docks are narrow
        self.figures_only.setToolTip(
            self.tr("Show in the reading pane only the paragraphs with the figures listed")
        )
        self.tabs.setTabText(0, self.tr("&Figures"))
        self.tabs.setTabText(1, self.tr("&Statistics"))
        a = self._analysis
        names_tab = arg(self.tr("&Names (%1)"), len(a.names)) if a else self.tr("&Names")
        self.tabs.setTabText(2, names_tab)
        self.stats_by.setItemText(0, self.tr("Per speaker"))
        self.stats_by.setItemText(1, self.tr("Per firm"))
        self.stats_by.setAccessibleName(self.tr("Statistics grouping"))
        self.chart_label.setText(self.tr("Talk share (English words)"))
        self.names_note.setText(
            self.tr(
                "Recurring English names that the Chinese keeps in some paragraphs and "
                "translates (or drops) in others."
            )
        )
        self.figure_view.setAccessibleName(self.tr("Figures"))
        self.stats_view.setAccessibleName(self.tr("Statistics"))
        self.name_view.setAccessibleName(self.tr("Names kept or translated"))
        self.tabs.setAccessibleName(self.tr("Figures, statistics and names"))
        chosen = [box.currentIndex() for box in self._boxes()]
        self._fill_boxes(self._transcript, a)
        for box, index in zip(self._boxes(), chosen, strict=True):
            box.blockSignals(True)
            box.setCurrentIndex(max(index, 0))
            box.blockSignals(False)
        self._apply_filters()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- content --------------------------------------------------------------------------

    @property
    def analysis(self) -> Analysis | None:
        return self._analysis

    def set_analysis(self, transcript: Transcript | None, analysis: Analysis | None) -> None:
        """Show ``analysis`` of ``transcript`` (None: empty panel). Filters are reset."""
        self._analysis = analysis if transcript is not None else None
        self._transcript = transcript if analysis is not None else None
        a = self._analysis
        self.figure_model.set_analysis(transcript, a)
        self._fill_boxes(transcript, a)
        self.speaker_stats_model.set_rows(a.speakers if a else ())
        self.firm_stats_model.set_rows(a.firms if a else ())
        self.name_model.set_rows(a.names if a else (), name_renderings(transcript, a))
        self._show_stats()
        self._apply_filters()
        self.retranslate()
        self._fit_columns()

    def _fit_columns(self) -> None:
        # The columns up to the check (moved after the two values) stay on screen.
        check_at = self.figure_view.horizontalHeader().visualIndex(CHECK)
        fit_columns(self.figure_view, whole=check_at + 1)
        for view in (self.stats_view, self.name_view):
            fit_columns(view)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_columns()  # the dock follows the window: the columns follow the dock

    def _fill_boxes(self, transcript: Transcript | None, a: Analysis | None) -> None:
        boxes = (self.metric_box, self.nature_box, self.who_box, self.section_box, self.check_box)
        for box in boxes:
            box.blockSignals(True)
            box.clear()
        self.metric_box.addItem(self.tr("All metrics"), None)
        self.nature_box.addItem(self.tr("All natures"), None)
        self.who_box.addItem(self.tr("Everyone"), None)
        self.section_box.addItem(self.tr("Both sections"), None)
        self.section_box.addItem(labels.section_name("prepared"), ("section", "prepared"))
        self.section_box.addItem(labels.section_name("qa"), ("section", "qa"))
        for label, value in _CHECKS:
            self.check_box.addItem(translate("MetricsPanel", label), value)
        if a is not None and transcript is not None:
            for metric in sorted({f.metric for f in a.figures}):
                self.metric_box.addItem(labels.metric_name(metric), metric)
            present = {f.nature.value for f in a.figures}
            for nature in _NATURES:
                if nature in present:
                    self.nature_box.addItem(labels.nature_name(nature), nature)
            for role in ("company", "analyst", "operator"):
                self.who_box.addItem(labels.role_group_name(role), ("role", role))
            with_figures = {f.speaker_id for f in a.figures}
            for sp in transcript.speakers:
                if sp.id in with_figures:
                    self.who_box.addItem(sp.name, ("speaker", sp.id))
        for box in boxes:
            box.blockSignals(False)

    # -- filters --------------------------------------------------------------------------

    def refilter(self) -> None:
        """Filter again with the filter boxes as they are (set without their signals)."""
        self._apply_filters()

    def _apply_filters(self) -> None:
        who = self.who_box.currentData()
        section = self.section_box.currentData()
        self.figure_proxy.set_filters(
            metric=self.metric_box.currentData(),
            nature=self.nature_box.currentData(),
            speaker=who[1] if who and who[0] == "speaker" else None,
            role=who[1] if who and who[0] == "role" else None,
            section=section[1] if section else None,
            check=self.check_box.currentData(),
            text=self.search.text(),
        )
        total = self.figure_model.rowCount()
        shown = self.figure_proxy.rowCount()
        if shown == total:
            count = plural(self.tr("%n figure(s)", "", total), total)
        else:
            count = arg(
                plural(self.tr("%1 of %n figure(s)", "", total), total), format_number(shown)
            )
        self.count_label.setText(count.replace(str(total), format_number(total), 1))
        self.empty_note.set_note("" if shown else self._why_empty(total))
        if self.figures_only.isChecked():
            self._emit_paragraph_filter()

    def _why_empty(self, total: int) -> str:
        """Why the filters show no figure (the note over the empty table)."""
        if self._analysis is None:
            return self.tr("Figures appear once the transcript is analysed.")
        if total == 0:
            return self.tr("No figures in this call.")
        boxes = (self.metric_box, self.nature_box, self.who_box, self.section_box)
        plain = all(b.currentIndex() == 0 for b in boxes) and not self.search.text()
        problems_only = "match" not in (self.check_box.currentData() or {"match"})
        if (
            plain
            and problems_only
            and all(f.check.value == "match" for f in self._analysis.figures)
        ):
            return plural(self.tr("No problems: all %n figure(s) match.", "", total), total)
        return plural(self.tr("None of the %n figure(s) passes these filters.", "", total), total)

    def _export_shown(self) -> None:
        self.figure_view.clearSelection()
        self.figure_view.setFocus(Qt.FocusReason.OtherFocusReason)
        self.export_shown.emit()

    def _emit_paragraph_filter(self) -> None:
        on = self.figures_only.isChecked() and self._analysis is not None
        self.paragraph_filter_changed.emit(self.figure_proxy.paragraphs() if on else None)

    def _show_stats(self) -> None:
        model = (
            self.firm_stats_model if self.stats_by.currentIndex() == 1 else self.speaker_stats_model
        )
        self.stats_proxy.setSourceModel(model)
        a = self._analysis
        if a is None:
            self.chart.set_bars([])
        elif model is self.firm_stats_model:
            self.chart.set_bars([(f.firm, f.share, f.role) for f in a.firms])
        else:
            self.chart.set_bars([(s.name, s.share, s.role) for s in a.speakers])

    # -- activation -----------------------------------------------------------------------

    def _on_figure_index(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        f = self.figure_model.figure(self.figure_proxy.mapToSource(index).row())
        en = (f.en.start, f.en.end) if f.en is not None else None
        zh = (f.zh.start, f.zh.end) if f.zh is not None else None
        self.figure_activated.emit(f.paragraph, en, zh)

    def _on_name_index(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        row = self.name_proxy.mapToSource(index).row()
        self.paragraph_activated.emit(int(index.data(Roles.PARAGRAPH)))
        if self._transcript is not None:
            check = self.name_model.name_check(row)
            marks = name_highlights(self._transcript, check, self.name_model.renderings(row))
            self.highlights_requested.emit(marks)
