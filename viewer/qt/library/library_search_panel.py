"""Search the whole library: the find bar's options (regex, case, whole word, language scope)
plus filters (company, period range, speaker or role, section, Chinese script); hits grouped
by call; Enter or double-click opens the call at the paragraph; results export to CSV.

The matching is ``viewer.core.library.search`` (in a worker, on the worker's own connection);
this widget only collects options and shows what comes back.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

import viewer.qt.library.search_widgets as sw
from viewer.core.library import (
    LibraryCancelled,
    LibraryResults,
    SearchFilters,
    export_results_csv,
    search,
)
from viewer.core.search import SearchError, SearchOptions, check
from viewer.qt.library.library_controller import LibraryController
from viewer.qt.library.library_hit_delegate import LibraryHitDelegate
from viewer.qt.library.library_search_model import LibrarySearchModel
from viewer.qt.theme import error_style, follow
from viewer.qt.widgets.tool_actions import toggle, tool_button
from viewer.qt.workers import Job, JobRunner

log = logging.getLogger(__name__)


class LibrarySearchPanel(QWidget):
    """Signals: ``results_ready()`` when a search (or its failure) has been shown;
    ``exported(path)`` when the CSV is written; ``export_failed(message)``."""

    results_ready = Signal()
    exported = Signal(str)
    export_failed = Signal(str)

    DEBOUNCE_MS = 300

    def __init__(self, controller: LibraryController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("librarySearch")
        self.controller = controller
        self.runner = JobRunner(self)
        self._job: Job | None = None
        self._generation = 0
        self._options: SearchOptions | None = None
        self._filters = SearchFilters()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.DEBOUNCE_MS)
        self._timer.timeout.connect(self.search_now)

        self.field = QLineEdit(self)
        self.field.setObjectName("librarySearchField")
        self.field.setAccessibleName(self.tr("Search the library"))
        self.field.setPlaceholderText(self.tr("Search every call, in English and 中文"))
        self.field.setClearButtonEnabled(True)
        self.field.textChanged.connect(lambda _: self._timer.start())
        self.field.installEventFilter(self)

        local = Qt.ShortcutContext.WidgetWithChildrenShortcut
        self.act_case = self._toggle("Aa", self.tr("Match &case"), "Alt+C", local)
        self.act_word = self._toggle("W", self.tr("&Whole words (Latin text only)"), "Alt+W", local)
        self.act_regex = self._toggle(".*", self.tr("&Regular expression"), "Alt+R", local)
        self.scope = self._combo(
            self.tr("Language searched"),
            (
                (self.tr("Both languages"), "both"),
                (self.tr("English"), "en"),
                (self.tr("Chinese"), "zh"),
            ),
        )
        self.export_button = QPushButton(self.tr("Export CSV…"), self)
        self.export_button.setAccessibleName(self.tr("Export the results to CSV"))
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self.ask_export)

        self.company = self._combo(self.tr("Company"), ((self.tr("All companies"), ""),))
        self.period_from = self._combo(self.tr("From period"), ((self.tr("Any"), None),))
        self.period_to = self._combo(self.tr("To period"), ((self.tr("Any"), None),))
        self.speaker = QLineEdit(self)
        self.speaker.setAccessibleName(self.tr("Speaker names"))
        self.speaker.setPlaceholderText(self.tr("Any speaker (names, comma separated)"))
        self.speaker.textChanged.connect(lambda _: self._timer.start())
        self.role = self._combo(
            self.tr("Role"),
            (
                (self.tr("Any role"), ""),
                (self.tr("Company"), "company"),
                (self.tr("Analyst"), "analyst"),
                (self.tr("Operator"), "operator"),
            ),
        )
        self.section = self._combo(
            self.tr("Section"),
            (
                (self.tr("Any section"), None),
                (self.tr("Prepared remarks"), "prepared"),
                (self.tr("Q&A"), "qa"),
            ),
        )
        self.script = self._combo(
            self.tr("Chinese script"),
            (
                (self.tr("Any script"), ""),
                (self.tr("Traditional"), "Hant"),
                (self.tr("Simplified"), "Hans"),
            ),
        )

        self.summary = QLabel(self.tr("Type to search every call of the library"), self)
        self.summary.setObjectName("librarySearchSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.message = QLabel(self)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        follow(self.message, lambda c: self.message.setStyleSheet(error_style(c)))

        self.model = LibrarySearchModel(self)
        self.view = QTreeView(self)
        self.view.setObjectName("librarySearchResults")
        self.view.setAccessibleName(self.tr("Library search results"))
        self.view.setModel(self.model)
        self.view.setItemDelegate(LibraryHitDelegate(self.view))
        self.view.setHeaderHidden(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setAlternatingRowColors(True)
        self.view.doubleClicked.connect(self.open_index)
        self.view.installEventFilter(self)

        top = QHBoxLayout()
        top.setSpacing(4)
        top.addWidget(self.field, 1)
        for act in (self.act_case, self.act_word, self.act_regex):
            button = tool_button(self, act)
            button.setAccessibleName(act.text().replace("&", ""))
            top.addWidget(button)
        top.addWidget(self.scope)
        top.addWidget(self.export_button)
        grid = QGridLayout()
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(2)
        # Row 0: company, period range, script; row 1: speaker (wide), role, section.
        cells: list[tuple[str, QWidget, int, int, int]] = [
            (self.tr("Company"), self.company, 0, 0, 1),
            (self.tr("From"), self.period_from, 0, 2, 1),
            (self.tr("To"), self.period_to, 0, 4, 1),
            (self.tr("Script"), self.script, 0, 6, 1),
            (self.tr("Speaker"), self.speaker, 1, 0, 3),
            (self.tr("Role"), self.role, 1, 4, 1),
            (self.tr("Section"), self.section, 1, 6, 1),
        ]
        for label, widget, row, col, span in cells:
            lab = QLabel(label, self)
            lab.setBuddy(widget)
            grid.addWidget(lab, row, col, Qt.AlignmentFlag.AlignRight)
            grid.addWidget(widget, row, col + 1, 1, span)
        for col in range(4):
            grid.setColumnStretch(col * 2 + 1, 1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.setSpacing(4)
        lay.addLayout(top)
        lay.addLayout(grid)
        status = QHBoxLayout()
        status.addWidget(self.summary)
        status.addWidget(self.message, 1)
        lay.addLayout(status)
        lay.addWidget(self.view, 1)
        self.setFocusProxy(self.field)

        controller.library_changed.connect(self._on_library_changed)
        self._on_library_changed()

    # -- building ----------------------------------------------------------------------------

    def _toggle(self, short: str, text: str, shortcut: str, context: Qt.ShortcutContext) -> QAction:
        return toggle(self, short, text, shortcut, self._options_changed, context)

    def _combo(self, name: str, items: tuple[tuple[str, Any], ...]) -> QComboBox:
        combo = sw.named_combo(self, name, items)
        combo.currentIndexChanged.connect(lambda _: self._options_changed())
        return combo

    # -- the library changed -----------------------------------------------------------------

    def _on_library_changed(self) -> None:
        """Refill the company and period choices (keeping the chosen ones), search again."""
        lib = self.controller.library
        companies = [c.key for c in lib.companies() if c.key] if lib is not None else []
        periods = sorted(
            {
                (c.fiscal_year, c.quarter)
                for c in (lib.calls() if lib is not None else [])
                if c.fiscal_year is not None and c.quarter is not None and c.error is None
            }
        )
        sw.refill(self.company, [(k, k) for k in companies])
        # ints in the combo (a tuple does not survive QVariant for findData): year * 10 + q
        labels = [(f"Q{q} {y}", y * 10 + q) for y, q in periods]
        sw.refill(self.period_from, labels)
        sw.refill(self.period_to, labels)
        if self.field.text() and self._options is not None:
            self.search_now()

    # -- searching ---------------------------------------------------------------------------

    def build(self) -> tuple[SearchOptions, SearchFilters] | None:
        """The options and filters on screen (None: nothing to search)."""
        query = self.field.text()
        if not query:
            return None
        options = SearchOptions(
            query=query,
            regex=self.act_regex.isChecked(),
            case_sensitive=self.act_case.isChecked(),
            whole_word=self.act_word.isChecked(),
            scope=self.scope.currentData(),
        )
        speakers = tuple(s.strip() for s in self.speaker.text().split(",") if s.strip())
        filters = SearchFilters(
            companies=(self.company.currentData(),) if self.company.currentData() else (),
            period_from=sw.period_of(self.period_from.currentData()),
            period_to=sw.period_of(self.period_to.currentData()),
            speakers=speakers,
            roles=(self.role.currentData(),) if self.role.currentData() else (),
            section=self.section.currentData(),
            scripts=(self.script.currentData(),) if self.script.currentData() else (),
        )
        return options, filters

    def _options_changed(self) -> None:
        if self.field.text():
            self._timer.start()

    def is_busy(self) -> bool:
        return self._timer.isActive() or self._job is not None

    def search_now(self) -> None:
        """Run the search on screen now (typing runs it after a pause)."""
        self._timer.stop()
        if self._job is not None:
            self._job.cancel()
            self._job = None
        self.message.setText("")
        built = self.build()
        if built is None or not self.controller.available:
            self._options = None
            self.model.set_results(None, None)
            self.summary.setText(
                self.tr("Type to search every call of the library")
                if self.controller.available
                else self.tr("No library")
            )
            self.export_button.setEnabled(False)
            self.results_ready.emit()
            return
        options, filters = built
        try:
            check(options)
        except SearchError as exc:
            self._options = None
            self.model.set_results(None, None)
            self.summary.setText("")
            self.message.setText(str(exc))
            self.export_button.setEnabled(False)
            self.results_ready.emit()
            return
        self._options, self._filters = options, filters
        self.summary.setText(self.tr("Searching…"))
        controller = self.controller

        def work(token: Any, progress: Any) -> LibraryResults:
            return search(controller.worker_library(), options, filters, cancel=token)

        self._generation += 1
        generation = self._generation
        self._job = self.runner.start(
            work,
            on_finished=lambda results: self._on_found(generation, results),
            on_failed=lambda exc: self._on_failed(generation, exc),
            on_cancelled=lambda: None,
        )

    def _on_found(self, generation: int, results: LibraryResults) -> None:
        if generation != self._generation or self._job is None:
            return
        self._job = None
        self.model.set_results(self.controller.library, results)
        if results.count:
            hits = self.tr("%n hit(s)", "", results.count)
            calls = self.tr("in %n call(s)", "", len(results.calls))
            self.summary.setText(f"{hits} {calls}")
        else:
            self.summary.setText(self.tr("No hits"))
        self.export_button.setEnabled(bool(results.count))
        for row in range(min(sw.EXPAND_CALLS, self.model.rowCount())):
            index = self.model.index(row, 0)
            if self.model.canFetchMore(index):
                self.model.fetchMore(index)  # now, so the first hit row can be made current
            self.view.expand(index)
        if self.model.rowCount():
            first = self.model.index(0, 0)
            child = self.model.index(0, 0, first)
            self.view.setCurrentIndex(child if child.isValid() else first)
        self.results_ready.emit()

    def _on_failed(self, generation: int, exc: Exception) -> None:
        if generation != self._generation or self._job is None:
            return
        self._job = None
        if not isinstance(exc, LibraryCancelled):
            log.error("library search failed: %s", exc)
            self.summary.setText("")
            self.message.setText(self.tr("Search failed: %1").replace("%1", str(exc)))
        self.results_ready.emit()

    # -- opening -----------------------------------------------------------------------------

    def open_index(self, index: QModelIndex) -> None:
        """Open the call of ``index`` at the paragraph (a call row: at its first hit)."""
        target = self.model.open_target(index)
        if target is not None:
            self.controller.open_at(*target)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            if enter and watched is self.view:
                self.open_index(self.view.currentIndex())
                return True
            if enter and watched is self.field:
                if self.is_busy() or self._options is None:
                    self.search_now()
                else:
                    # Enter again: open the current hit (the first one after a search)
                    self.open_index(self.view.currentIndex())
                return True
            if event.key() == Qt.Key.Key_Down and watched is self.field:
                self.view.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return super().eventFilter(watched, event)

    # -- export ------------------------------------------------------------------------------

    def ask_export(self) -> None:
        """Export CSV…: choose a file, write the results there in a worker."""
        results = self.model.results
        if results is None or not results.count:
            return
        title, kinds = self.tr("Export the search results"), self.tr("CSV files (*.csv)")
        path, _ = QFileDialog.getSaveFileName(self, title, "library-search.csv", kinds)
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> None:
        results = self.model.results
        if results is None:
            return
        controller = self.controller

        def work(token: Any, progress: Any) -> str:
            export_results_csv(controller.worker_library(), results, path)
            return path

        self.runner.start(
            work,
            on_finished=self._on_exported,
            on_failed=lambda exc: self._on_export_failed(str(exc)),
        )

    def _on_exported(self, path: str) -> None:
        self.message.setText("")
        self.summary.setText(self.tr("Exported to %1").replace("%1", path))
        self.exported.emit(path)

    def _on_export_failed(self, message: str) -> None:
        self.message.setText(self.tr("Export failed: %1").replace("%1", message))
        self.export_failed.emit(message)
