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
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

import viewer.qt.library.search_texts as st
import viewer.qt.library.search_widgets as sw
from viewer.core.library import (
    LibraryCancelled,
    LibraryResults,
    SearchFilters,
    export_results_csv,
    search,
)
from viewer.core.search import SearchError, SearchOptions, check
from viewer.qt.error_text import error_text
from viewer.qt.i18n import plural
from viewer.qt.labels import arg
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
        self.field.setClearButtonEnabled(True)
        self.field.textChanged.connect(lambda _: self._timer.start())
        self.field.installEventFilter(self)

        local = Qt.ShortcutContext.WidgetWithChildrenShortcut
        self.act_case = self._toggle("Aa", "Alt+C", local)
        self.act_word = self._toggle("W", "Alt+W", local)
        self.act_regex = self._toggle(".*", "Alt+R", local)
        self.scope = self._combo(("both", "en", "zh"))
        self.export_button = QPushButton(self)
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self.ask_export)

        self.company = self._combo(("",))
        self.period_from = self._combo((None,))
        self.period_to = self._combo((None,))
        self.speaker = QLineEdit(self)
        self.speaker.textChanged.connect(lambda _: self._timer.start())
        self.role = self._combo(("", "company", "analyst", "operator"))
        self.section = self._combo((None, "prepared", "qa"))
        self.script = self._combo(("", "Hant", "Hans"))

        self.summary = QLabel(self)
        self.summary.setObjectName("librarySearchSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.message = QLabel(self)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        follow(self.message, lambda c: self.message.setStyleSheet(error_style(c)))
        self._said: tuple[str, tuple[Any, ...]] = ("idle", ())  # what the summary says
        self._error: object = None  # what the message says (an exception or "")

        self.model = LibrarySearchModel(self)
        self.view = QTreeView(self)
        self.view.setObjectName("librarySearchResults")
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
        self.option_buttons = [
            tool_button(self, act) for act in (self.act_case, self.act_word, self.act_regex)
        ]
        for button in self.option_buttons:
            top.addWidget(button)
        top.addWidget(self.scope)
        top.addWidget(self.export_button)
        # Row 0: company, period range, script; row 1: speaker (wide), role, section.
        self.grid_labels, grid = sw.filter_grid(
            self,
            [
                (self.company, 0, 0, 1),
                (self.period_from, 0, 2, 1),
                (self.period_to, 0, 4, 1),
                (self.script, 0, 6, 1),
                (self.speaker, 1, 0, 3),
                (self.role, 1, 4, 1),
                (self.section, 1, 6, 1),
            ],
        )
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

        self.retranslate()
        controller.library_changed.connect(self._on_library_changed)
        self._on_library_changed()

    # -- language ----------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Every string of the panel in the interface language (also on a switch)."""
        st.retranslate_panel(self)
        self._say(self._said[0], *self._said[1])
        self._warn(self._error)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _say(self, kind: str, *values: Any) -> None:
        """The summary line: ``kind`` and its values, kept to be said again on a switch."""
        self._said = (kind, values)
        if kind == "found":
            hits, calls = values
            text = arg(
                self.tr("%1 in %2", "hits in calls"),
                plural(self.tr("%n hit(s)", "", hits), hits),
                plural(self.tr("%n call(s)", "", calls), calls),
            )
        elif kind == "exported":
            text = arg(self.tr("Exported to %1"), values[0])
        else:
            text = {
                "idle": self.tr("Type to search every call of the library"),
                "nolib": self.tr("No library"),
                "searching": self.tr("Searching…"),
                "nohits": self.tr("No hits"),
            }.get(kind, "")
        self.summary.setText(text)

    def _warn(self, error: object) -> None:
        """The message in red: an invalid query, a failed search or export ("" for none)."""
        self._error = error
        if isinstance(error, tuple):
            template = (
                self.tr("Search failed: %1")
                if error[0] == "search"
                else self.tr("Export failed: %1")
            )
            self.message.setText(arg(template, error_text(error[1])))
        else:
            self.message.setText(error_text(error) if error else "")

    # -- building ----------------------------------------------------------------------------

    def _toggle(self, short: str, shortcut: str, context: Qt.ShortcutContext) -> QAction:
        return toggle(self, short, "", shortcut, self._options_changed, context)

    def _combo(self, data: tuple[Any, ...]) -> QComboBox:
        combo = sw.named_combo(self, data)
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
        labels = [(sw.period_label(y * 10 + q), y * 10 + q) for y, q in periods]
        sw.refill(self.period_from, labels)
        sw.refill(self.period_to, labels)
        if self.field.text() and self._options is not None:
            self.search_now()

    # -- searching ---------------------------------------------------------------------------

    def build(self) -> tuple[SearchOptions, SearchFilters] | None:
        """The options and filters on screen (None: nothing to search)."""
        return sw.build_query(self)

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
        self._warn("")
        built = self.build()
        if built is None or not self.controller.available:
            self._options = None
            self.model.set_results(None, None)
            self._say("idle" if self.controller.available else "nolib")
            self.export_button.setEnabled(False)
            self.results_ready.emit()
            return
        options, filters = built
        try:
            check(options)
        except SearchError as exc:
            self._options = None
            self.model.set_results(None, None)
            self._say("")
            self._warn(exc)
            self.export_button.setEnabled(False)
            self.results_ready.emit()
            return
        self._options, self._filters = options, filters
        self._say("searching")
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
            self._say("found", results.count, len(results.calls))
        else:
            self._say("nohits")
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
            self._say("")
            self._warn(("search", exc))
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
            on_failed=self._on_export_failed,
        )

    def _on_exported(self, path: str) -> None:
        self._warn("")
        self._say("exported", path)
        self.exported.emit(path)

    def _on_export_failed(self, exc: Exception) -> None:
        self._warn(("export", exc))
        self.export_failed.emit(str(exc))
