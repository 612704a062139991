"""The main window: a frame of tabs (one :class:`DocumentView` each), docks, the status
bar and the menus. It asks the active document and says when it changes; the documents,
the loader, search and figures do their own work (see README's code map)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QMainWindow,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from viewer.core.errors import ViewerError
from viewer.qt.actions import Act, ActionTable
from viewer.qt.after_paint import AfterPaint
from viewer.qt.commands import Commands
from viewer.qt.dialogs import messages
from viewer.qt.docks import Docks, placeholder
from viewer.qt.document import Document
from viewer.qt.document_loader import DocumentLoader
from viewer.qt.document_view import DocumentView
from viewer.qt.error_text import error_text
from viewer.qt.figures_controller import FiguresController
from viewer.qt.focus_order import follow_layout
from viewer.qt.i18n import translate
from viewer.qt.labels import arg
from viewer.qt.language import APP_NAME, LanguageSwitch, empty_notice, tab_title, window_title
from viewer.qt.look import Look
from viewer.qt.paste_controller import PasteController
from viewer.qt.recent_menu import RecentMenu
from viewer.qt.search_controller import SearchController
from viewer.qt.settings import Preferences, Settings
from viewer.qt.speakers_controller import SpeakersController
from viewer.qt.status_bar import StatusLine
from viewer.qt.widgets.find_bar import FindBar
from viewer.reading_mode import Mode

if TYPE_CHECKING:
    from viewer.core.models import Transcript
    from viewer.core.search import SearchIndex
    from viewer.core.speaker_groups import SpeakerGroups
    from viewer.qt.widgets.hit_list import HitList
    from viewer.qt.widgets.metrics_panel import MetricsPanel


class MainWindow(QMainWindow):
    """Signals: ``active_document_changed(DocumentView | None)``; ``load_finished`` with the
    new tab, the exception of a failed load, or ``None`` when cancelled;
    ``analysis_finished(DocumentView)``; ``dialog_opened(QDialog)``."""

    active_document_changed = Signal(object)
    load_finished = Signal(object)
    analysis_finished = Signal(object)
    dialog_opened = Signal(object)

    def __init__(
        self,
        settings: Settings,
        font_status: str | None = None,
        zh_families: list[str] | None = None,
        loader: DocumentLoader | None = None,  # one already loading (run_gui)
    ) -> None:
        super().__init__()
        self.settings = settings
        self.prefs: Preferences = settings.preferences
        # Replaceable so tests answer without a native file dialog or a modal box.
        self.ask_open_paths: Callable[[], list[str]] = self._ask_open_paths
        self.confirm: Callable[[str, str], bool] = lambda t, x: messages.confirm(self, t, x)
        self.show_error: Callable[[str, str], None] = lambda t, x: messages.show_error(self, t, x)

        self.setWindowTitle(APP_NAME)
        self.setObjectName("mainWindow")
        self.setAcceptDrops(True)
        self.resize(1400, 900)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.setMovable(True)
        self.tabs.tabCloseRequested.connect(self.close_document)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.empty = placeholder(self, empty_notice())
        self.empty.setEnabled(True)
        self.find_bar = FindBar(self)
        self.find_bar.hide()
        follow_layout(self.find_bar)  # Tab as the bar reads, left to right
        central = QWidget(self)
        lay = QVBoxLayout(central)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addWidget(self.tabs, 1)
        lay.addWidget(self.empty, 1)  # shown instead of the tabs while nothing is open
        self.setCentralWidget(central)

        self.docks = Docks(self)
        self.docks.bottom_bar(self.find_bar)  # the whole width: opening it squeezes nothing
        self.speaker_panel, self.speaker_dock = self.docks.speaker_panel, self.docks.speakers
        self.metrics_dock, self.hits_dock = self.docks.figures, self.docks.hits
        self.status_line = StatusLine(self.statusBar(), font_status)
        self.loader = loader or DocumentLoader()
        self.loader.setParent(self)
        self.search = SearchController(self.find_bar, self.hits_dock, self._install_panel, self)
        self.figures = FiguresController(self.metrics_dock, self._install_panel, self)
        self.speakers = SpeakersController(self.speaker_panel, self)
        self.commands = Commands(self, self)
        self.paste = PasteController(self, self)
        self.library: object = None  # the calls library, attached after the first paint
        self.action_table = ActionTable(self)
        self.look = Look(self, zh_families or [], self)
        self.recent = RecentMenu(self, self)
        self._connect()
        self._build_menus()
        self.language = LanguageSwitch(self)  # View > Language; re-sets texts on a switch
        self.language.retranslate()
        self.docks.restore(self.settings)
        self._on_tab_changed(-1)
        if settings.notice:
            notice = settings.translated_notice()
            self.status(arg(translate("MainWindow", "Settings: %1"), notice), 15000)

    # -- building ----------------------------------------------------------------------------

    def _install_panel(self, dock: QDockWidget, panel: QWidget, view: QWidget) -> None:
        Docks.install(dock, panel, view, self.action_table[Act.EXPORT])

    def _connect(self) -> None:
        loader, table, fb = self.loader, self.action_table, self.find_bar
        loader.busy_changed.connect(self.status_line.set_loading)
        loading = translate("MainWindow", "Loading %1…")
        loader.started.connect(lambda p: self.status(arg(loading, p.name)))
        loader.loaded.connect(self._on_loaded)
        loader.failed.connect(self._on_load_failed)
        loader.cancelled.connect(self._on_load_cancelled)
        changed = translate("MainWindow", "%1 changed on disk: press F5 to reload")
        loader.file_changed.connect(lambda p: self.status(arg(changed, p.name), 15000))
        loader.announce()  # a load that started before the window (run_gui)
        self.status_line.cancel_button.clicked.connect(self.cancel_loading)
        self.status_line.warnings_button.clicked.connect(self.commands.show_warnings)
        self.commands.dialog_opened.connect(self.dialog_opened)
        self.figures.message.connect(lambda text: self.status(text, 6000))
        self.figures.analysis_finished.connect(self.analysis_finished)
        fb.closed.connect(self.focus_pane)
        table.adopt(
            {
                Act.FIND: fb.act_find,
                Act.FIND_NEXT: fb.act_next,
                Act.FIND_PREVIOUS: fb.act_previous,
                Act.FIND_CASE: fb.act_case,
                Act.FIND_WORD: fb.act_word,
                Act.FIND_REGEX: fb.act_regex,
                Act.FIND_SHOWN: fb.act_shown,
                Act.FIND_SCOPE: fb.act_scope,
                Act.SPEAKERS_PANEL: self.docks.panel_action(self.speaker_dock),
                Act.FIGURES_PANEL: self.docks.panel_action(self.metrics_dock),
                Act.HITS_PANEL: self.docks.panel_action(self.hits_dock),
            }
        )
        self.speakers.message.connect(lambda text: self.status(text, 4000))
        tree = self.speaker_panel.tree
        tree.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        tree.addAction(table[Act.EXPORT])

    def _build_menus(self) -> None:
        self.action_table.build_menus(self.menuBar())
        self.recent.attach(self.action_table.menus["Open &recent"])
        self.look.check_menu()

    # -- panels built on first use -----------------------------------------------------------

    @property
    def metrics_panel(self) -> MetricsPanel:
        return self.figures.panel

    @property
    def hit_list(self) -> HitList:
        return self.search.hit_list

    def built_panels(self) -> tuple[MetricsPanel | None, HitList | None]:
        """The figures panel and the hit list if they exist (nothing is built)."""
        return (
            self.figures.panel if self.figures.has_panel() else None,
            self.search.hit_list if self.search.has_hit_list() else None,
        )

    def build_panels(self) -> None:
        """Build the figures panel and the hit list now (a dock is about to be focused)."""
        _ = self.figures.panel, self.search.hit_list

    def speaker_tree(self) -> QTreeView:
        return self.speaker_panel.tree

    # -- documents ---------------------------------------------------------------------------

    def current_document(self) -> DocumentView | None:
        w = self.tabs.currentWidget()
        return w if isinstance(w, DocumentView) else None

    def documents(self) -> list[DocumentView]:
        widgets = (self.tabs.widget(i) for i in range(self.tabs.count()))
        return [w for w in widgets if isinstance(w, DocumentView)]

    def open_paths(self, paths: list[str]) -> None:
        """Open several files, one after the other."""
        self.loader.open_paths(paths)

    def open_path(self, path: str | Path) -> None:
        """Load ``path`` in a worker; a load already running is cancelled (the last wins)."""
        self.loader.open_path(path)

    def cancel_loading(self) -> None:
        """Stop the running load and forget the files queued after it."""
        self.loader.cancel()

    def is_loading(self) -> bool:
        return self.loader.is_loading()

    def _on_loaded(self, path: Path, transcript: Transcript, groups: SpeakerGroups) -> None:
        view = self.open_transcript(transcript, path, groups=groups)
        self.status(arg(translate("MainWindow", "Opened %1"), path.name), 4000)
        self.load_finished.emit(view)

    def _on_load_failed(self, path: Path, exc: Exception) -> None:
        if isinstance(exc, ViewerError):  # a bug went to the exception hook instead
            self.show_error(translate("MainWindow", "Cannot open transcript"), error_text(exc))
        self.load_finished.emit(exc)

    def _on_load_cancelled(self) -> None:
        self.status(translate("MainWindow", "Loading cancelled"), 4000)
        self.load_finished.emit(None)

    def open_transcript(
        self,
        transcript: Transcript,
        path: Path,
        index: SearchIndex | None = None,
        groups: SpeakerGroups | None = None,
    ) -> DocumentView:
        """Show a loaded transcript in a tab (replacing the tab of the same file, if open)."""
        path = path.resolve() if path.exists() else path
        existing = next((i for i, d in enumerate(self.documents()) if d.path == path), None)
        view = DocumentView(Document(transcript, path, groups, index))
        self.look.apply(view)
        self.speakers.watch(view)
        view.pane.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        view.pane.addActions(
            [self.action_table[a] for a in (Act.COPY, Act.EXPORT, Act.GO_TO_SPEAKER)]
        )
        view.document.filters_changed.connect(lambda: self._on_filters_changed(view))
        self.figures.watch(view)
        with QSignalBlocker(self.tabs):  # one _on_tab_changed below, not one per step
            if existing is not None:
                self._discard(existing)
                self.tabs.insertTab(existing, view, tab_title(view))
            else:
                self.tabs.addTab(view, tab_title(view))
            self.tabs.setTabToolTip(self.tabs.indexOf(view), str(path))
            self.tabs.setCurrentWidget(view)
        self.loader.watch(path)
        recent = path.exists()
        if recent:
            self.prefs = self.prefs.with_recent(str(path))
        self._on_tab_changed(self.tabs.currentIndex())
        view.pane.setFocus()
        # After the first paint: the settings file (recent files: 10-15 ms), index, figures.
        AfterPaint(view.pane.viewport(), lambda: self._after_paint(view, recent))
        return view

    def _after_paint(self, view: DocumentView, recent: bool) -> None:
        if recent:
            self.settings.save_preferences(self.prefs)
        view.document.start_background_work()

    def close_document(self, index: int) -> None:
        view = self.tabs.widget(index)
        if view is not None and (
            not isinstance(view, DocumentView) or self.paste.confirm_close(view)
        ):
            self._discard(index)

    def close_current(self) -> None:
        self.close_document(self.tabs.currentIndex())

    def _discard(self, index: int) -> None:
        """Remove a tab: its document stops its work, then the view and document go."""
        view = self.tabs.widget(index)
        self.tabs.removeTab(index)
        if isinstance(view, DocumentView):
            view.document.close()
            if not any(d.path == view.path for d in self.documents()):
                self.loader.unwatch(view.path)
        if view is not None:
            view.deleteLater()

    def reload_current(self) -> None:
        view = self.current_document()
        if view is not None:
            self.open_path(view.path)

    def _on_tab_changed(self, _: int) -> None:
        view = self.current_document()
        self.tabs.setVisible(view is not None)
        self.empty.setVisible(view is None)
        self.status_line.show_document(view)
        self.setWindowTitle(window_title(view))
        self.speakers.set_view(view)
        self.search.set_view(view)
        self.figures.set_view(view)
        self.action_table.set_document_open(view is not None)
        self.active_document_changed.emit(view)

    def _on_filters_changed(self, view: DocumentView) -> None:
        if view is self.current_document():
            self.status_line.show_counts(view)

    # -- reading preferences (``look`` keeps them; these names are the window's API) -------

    @property
    def dark(self) -> bool:
        return self.look.dark

    def set_mode(self, mode: Mode) -> None:
        self.look.set_mode(mode)

    def set_zoom(self, zoom: float) -> None:
        self.look.set_zoom(zoom)

    def set_theme(self, theme: str) -> None:
        self.look.set_theme(theme)

    # -- focus -------------------------------------------------------------------------------

    def focus_pane(self) -> None:
        view = self.current_document()
        if view is not None:
            view.pane.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_speakers(self) -> None:
        self._focus_dock(self.speaker_dock)

    def focus_figures(self) -> None:
        self._focus_dock(self.metrics_dock)

    def _focus_dock(self, dock: QDockWidget) -> None:
        self.build_panels()
        dock.show()
        dock.raise_()
        widget = dock.widget()
        if widget is not None:
            widget.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # -- commands the table names on the window ----------------------------------------------

    def shortcut_rows(self) -> list[list[str]]:
        return self.action_table.shortcut_rows()

    def show_about(self) -> None:
        self.commands.show_about(APP_NAME)

    # -- dialogs and notices -----------------------------------------------------------------

    def status(self, text: str, msecs: int = 0) -> None:
        self.statusBar().showMessage(text, msecs)

    def _ask_open_paths(self) -> list[str]:
        start = str(Path(self.prefs.recent_files[0]).parent) if self.prefs.recent_files else ""
        return messages.ask_open_paths(self, start)

    def open_dialog(self) -> None:
        paths = self.ask_open_paths()
        if paths:
            self.open_paths(paths)

    # -- drag and drop, state ----------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self.paste.drag_enter(event)  # files, or a call's text dragged from a browser

    def dropEvent(self, event: QDropEvent) -> None:
        self.paste.drop(event)

    def save_state(self) -> None:
        self.docks.save(self.settings)
        self.settings.save_preferences(self.prefs)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not all(self.paste.confirm_close(v) for v in self.documents()):
            return event.ignore()  # an unsaved pasted call: the user chose Cancel
        self.cancel_loading()
        for view in self.documents():
            view.document.close()  # their index and figures jobs
        self.save_state()
        super().closeEvent(event)
