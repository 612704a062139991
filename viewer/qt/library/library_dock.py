"""The Library dock: companies and their calls, failed files with their error, indexing
progress with Cancel. Double-click (or Enter) on a call opens it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from viewer.core.library import ScanReport
from viewer.qt.error_text import error_text
from viewer.qt.i18n import plural
from viewer.qt.labels import arg, period_name
from viewer.qt.library.library_controller import LibraryController
from viewer.qt.library.library_tree_model import LibraryTreeModel


class LibraryDock(QDockWidget):
    """Signals: ``compare_requested(company key)`` from the Compare button."""

    compare_requested = Signal(str)

    def __init__(self, controller: LibraryController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("libraryDock")
        self.controller = controller
        self.model = LibraryTreeModel(self)

        body = QWidget(self)
        self.status = QLabel(body)
        self.status.setObjectName("libraryStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)

        self.add_button = QPushButton(body)
        self.add_button.clicked.connect(lambda: controller.ask_add_folder(self.window()))
        self.rescan_button = QPushButton(body)
        self.rescan_button.clicked.connect(controller.rescan)
        self.compare_button = QPushButton(body)
        self.compare_button.setEnabled(False)
        self.compare_button.clicked.connect(self._on_compare_clicked)

        self.progress = QProgressBar(body)
        self.progress.setObjectName("libraryProgress")
        self.progress.setTextVisible(True)
        self.cancel_button = QPushButton(body)
        self.cancel_button.clicked.connect(controller.cancel_indexing)
        self.progress_label = QLabel(body)
        self.progress_label.setTextFormat(Qt.TextFormat.PlainText)
        self.progress_row = QWidget(body)
        prow = QHBoxLayout(self.progress_row)
        prow.setContentsMargins(0, 0, 0, 0)
        prow.addWidget(self.progress, 1)
        prow.addWidget(self.cancel_button)
        self.progress_row.hide()
        self.progress_label.hide()

        self.view = QTreeView(body)
        self.view.setObjectName("libraryTree")
        self.view.setModel(self.model)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for col, width in enumerate((120, 300, 90, 110, 150, 80, 70, 60)):
            header.resizeSection(col, width)
        self.view.doubleClicked.connect(self._on_activated)
        self.view.installEventFilter(self)
        self.view.selectionModel().currentChanged.connect(self._on_current_changed)

        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.rescan_button)
        buttons.addStretch(1)
        buttons.addWidget(self.compare_button)
        lay = QVBoxLayout(body)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.setSpacing(4)
        lay.addLayout(buttons)
        lay.addWidget(self.status)
        lay.addWidget(self.progress_row)
        lay.addWidget(self.progress_label)
        lay.addWidget(self.view, 1)
        self.setWidget(body)
        self.setFocusProxy(self.view)

        controller.library_changed.connect(self.refresh)
        controller.indexing_started.connect(self._on_indexing_started)
        controller.indexing_progress.connect(self._on_progress)
        controller.indexing_finished.connect(self._on_indexing_finished)
        controller.indexing_cancelled.connect(self._on_indexing_cancelled)
        controller.indexing_failed.connect(self._on_indexing_failed)
        controller.notice.connect(self._show_notice)
        self._notice = controller.last_notice or ""
        self._last: tuple[str, tuple[object, ...]] = ("", ())  # what ended the last scan
        self.retranslate()
        enabled = controller.available
        for w in (self.add_button, self.rescan_button):
            w.setEnabled(enabled)
        self.refresh()

    # -- language --------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Every string of the dock in the interface language (also on a switch)."""
        self.setWindowTitle(self.tr("Library"))
        self.add_button.setText(self.tr("Add folder…"))
        self.add_button.setAccessibleName(self.tr("Add a folder to the library"))
        self.rescan_button.setText(self.tr("Rescan"))
        self.rescan_button.setAccessibleName(self.tr("Rescan the library's folders"))
        self.compare_button.setText(self.tr("Compare quarters"))
        self.compare_button.setAccessibleName(self.tr("Compare the selected company's quarters"))
        self.progress.setAccessibleName(self.tr("Indexing progress"))
        self.progress.setFormat(self.tr("%v of %m files"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel indexing"))
        self.view.setAccessibleName(self.tr("Calls of the library"))
        # the first column fits a period in the interface language ("2025 年第 4 季")
        fm = self.view.fontMetrics()
        widest = max(fm.horizontalAdvance(period_name(p)) for p in ("Q4 2025", "FY2025"))
        self.view.header().resizeSection(0, max(120, widest + 2 * self.view.indentation() + 16))
        self._show_status()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- listing ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the listing again (after a scan), keeping expanded companies expanded."""
        lib = self.controller.library
        expanded = set()
        for row in range(self.model.rowCount()):
            if self.view.isExpanded(self.model.index(row, 0)):
                expanded.add(self.model.group_key(row))
        first = self.model.rowCount() == 0
        self.model.set_companies(lib.companies() if lib is not None else [])
        for row in range(self.model.rowCount()):
            key = self.model.group_key(row)
            if first or key in expanded or key[0] == "failed":
                self.view.expand(self.model.index(row, 0))
        self._show_status()
        self._on_current_changed(self.view.currentIndex(), QModelIndex())

    def _show_status(self) -> None:
        lib = self.controller.library
        if lib is None:
            self.status.setText(self.controller.notice_text() or self.tr("No library"))
            return
        stats = lib.stats()
        if not stats["folders"]:
            text = self.tr("No folders yet: File > Add folder to library…")
        else:
            n_calls, n_folders = stats["calls"], stats["folders"]
            text = arg(
                self.tr("%1 in %2", "calls in folders"),
                plural(self.tr("%n call(s)", "", n_calls), n_calls),
                plural(self.tr("%n folder(s)", "", n_folders), n_folders),
            )
            if n_failed := stats["failed"]:
                text += " · " + plural(self.tr("%n file(s) failed", "", n_failed), n_failed)
        notice = self.controller.notice_text() if self._notice else ""
        parts = [p for p in (text, self._last_text(), notice) if p]
        self.status.setText("\n".join(parts))

    def _show_notice(self, text: str) -> None:
        self._notice = text
        self._show_status()

    # -- indexing --------------------------------------------------------------------------

    def _on_indexing_started(self) -> None:
        self.progress.setRange(0, 0)  # busy until the first file's count arrives
        self.progress_row.show()
        self.progress_label.setText(self.tr("Looking for changes…"))
        self.progress_label.show()
        self.cancel_button.setEnabled(True)

    def _on_progress(self, done: int, total: int, path: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        name = path.rsplit("/", 1)[-1].rsplit("\\", 1)[-1]
        self.progress_label.setText(arg(self.tr("Indexing %1"), name) if name else "")

    def _indexing_ended(self, kind: str, *values: object) -> None:
        self.progress_row.hide()
        self.progress_label.hide()
        self._last = (kind, values)
        self._show_status()

    def _last_text(self) -> str:
        """How the last scan ended, in the interface language (re-made on a switch)."""
        kind, values = self._last
        if kind == "finished":
            changed, removed, missing = (int(str(v)) for v in values)
            parts = []
            if changed:
                parts.append(plural(self.tr("%n file(s) indexed", "", changed), changed))
            if removed:
                parts.append(plural(self.tr("%n file(s) removed", "", removed), removed))
            if missing:
                parts.append(plural(self.tr("%n folder(s) missing", "", missing), missing))
            return " · ".join(parts) if parts else self.tr("Up to date")
        if kind == "cancelled":
            return self.tr("Indexing cancelled: the files done so far are kept")
        if kind == "failed":
            return arg(self.tr("Indexing failed: %1"), error_text(values[0]))
        return ""

    def _on_indexing_finished(self, report: ScanReport) -> None:
        changed = len(report.added) + len(report.changed) + len(report.renamed)
        self._indexing_ended("finished", changed, len(report.removed), len(report.missing_folders))

    def _on_indexing_cancelled(self) -> None:
        self._indexing_ended("cancelled")

    def _on_indexing_failed(self, message: str) -> None:
        # the exception itself when there is one: its text follows a language switch
        self._indexing_ended("failed", self.controller.index_error or message)

    # -- opening ---------------------------------------------------------------------------

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        # the selected row's company, else the first one
        self.compare_button.setEnabled(bool(self.model.companies()))

    def _on_compare_clicked(self) -> None:
        key = self.model.company_at(self.view.currentIndex())
        if key is None and self.model.companies():
            key = self.model.companies()[0]
        if key is not None:
            self.compare_requested.emit(key)

    def _on_activated(self, index: QModelIndex) -> None:
        call = self.model.call_at(index)
        if call is not None and call.error is None:
            self.controller.open_call(call.path)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            if enter and self.model.call_at(self.view.currentIndex()) is not None:
                self._on_activated(self.view.currentIndex())
                return True
        return super().eventFilter(watched, event)
