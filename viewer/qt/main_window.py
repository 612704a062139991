"""The main window: wires documents, docks, actions and the status bar. No business rules."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QFileSystemWatcher, QMimeData, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from viewer.core.errors import TranscriptError
from viewer.core.models import Transcript
from viewer.core.navigation import first_turn_of_speaker, step_turn
from viewer.core.quote import quote_text, quote_tsv
from viewer.qt.after_paint import AfterPaint
from viewer.qt.delegates.paragraph_layout import Mode
from viewer.qt.document_view import DocumentView
from viewer.qt.models.roles import Roles
from viewer.qt.settings import Preferences, Settings
from viewer.qt.theme import apply_theme
from viewer.qt.widgets.find_bar import FindBar
from viewer.qt.widgets.speaker_panel import SpeakerPanel
from viewer.qt.workers import Job, JobRunner, report_unexpected

if TYPE_CHECKING:
    # Built after the first paint (start-up budget): the figures panel, the hit list, the
    # export dialog and the engines behind them are imported when first needed.
    from viewer.core.export import ExportSpec
    from viewer.core.search import SearchIndex
    from viewer.core.speaker_groups import SpeakerGroups
    from viewer.qt.dialogs.export_dialog import ExportDialog
    from viewer.qt.widgets.hit_list import HitList
    from viewer.qt.widgets.metrics_panel import MetricsPanel

log = logging.getLogger(__name__)

APP_NAME = "Earnings Call Viewer"
MODE_LABELS = {
    Mode.SIDE_BY_SIDE: "&Side by side",
    Mode.INTERLEAVED: "&Interleaved",
    Mode.EN: "&English only",
    Mode.ZH: "&Chinese only",
}


def isolate(text: str) -> str:
    """Wrap untrusted text in Unicode isolates so bidi controls cannot reorder the UI."""
    return f"\u2068{text}\u2069"


class MainWindow(QMainWindow):
    document_changed = Signal(object)  # DocumentView or None
    load_finished = Signal(object)  # DocumentView, or the exception
    analysis_finished = Signal(object)  # DocumentView whose figures are ready

    def __init__(
        self,
        settings: Settings,
        font_status: str | None = None,
        zh_families: list[str] | None = None,
    ) -> None:
        super().__init__()
        self.settings = settings
        self.prefs: Preferences = settings.preferences
        self.zh_families = zh_families or []
        self.runner = JobRunner(self)
        self._load_job: Job | None = None
        self._queue: list[Path] = []
        self.dark = False
        # Hooks so tests drive dialogs without a native file dialog or a modal box.
        self.on_export_dialog: Callable[[ExportDialog], None] | None = None
        self.export_dialog: ExportDialog | None = None
        self.ask_open_paths: Callable[[], list[str]] = self._ask_open_paths
        self.confirm: Callable[[str, str], bool] = self._confirm
        self.show_error: Callable[[str, str], None] = self._show_error

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
        self.empty = QLabel("Open a transcript (Ctrl+O) or drop a file here.", self)
        self.empty.setTextFormat(Qt.TextFormat.PlainText)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.find_bar = FindBar(self)
        self.find_bar.hide()
        central = QWidget(self)
        lay = QVBoxLayout(central)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addWidget(self.tabs, 1)
        lay.addWidget(self.empty, 1)  # shown instead of the tabs while nothing is open
        lay.addWidget(self.find_bar)
        self.setCentralWidget(central)
        # The figures panel and the hit list are built when first needed (the panel when its
        # first analysis arrives, the list at the first search), not before the first paint;
        # their docks exist from the start so the saved layout applies.
        self._metrics_panel: MetricsPanel | None = None
        self._hit_list: HitList | None = None
        self.metrics_dock = self._dock(
            "Figures and statistics",
            "metricsDock",
            self._placeholder("Figures appear once the transcript is analysed."),
            Qt.DockWidgetArea.RightDockWidgetArea,
        )
        self.hits_dock = self._dock(
            "Search hits",
            "hitsDock",
            self._placeholder("Press Ctrl+F to search."),
            Qt.DockWidgetArea.RightDockWidgetArea,
        )
        self.tabifyDockWidget(self.metrics_dock, self.hits_dock)
        self.metrics_dock.raise_()
        self.hits_dock.hide()
        self._highlight_timer = QTimer(self, singleShot=True, interval=0)
        self._highlight_timer.timeout.connect(self.refresh_highlights)
        self.find_bar.anchor = self._find_anchor
        self.find_bar.search_changed.connect(self._on_search_changed)
        self.find_bar.current_changed.connect(self._on_current_hit_changed)
        self.find_bar.results_ready.connect(self._highlight_timer.start)
        self.find_bar.closed.connect(self.focus_pane)

        self.speaker_panel = SpeakerPanel(self)
        self.speaker_dock = self._dock(
            "Speakers", "speakersDock", self.speaker_panel, Qt.DockWidgetArea.LeftDockWidgetArea
        )
        self.speaker_panel.turn_activated.connect(self._on_turn_activated)
        self.speaker_panel.speaker_activated.connect(self._on_speaker_activated)
        self.speaker_panel.sections_changed.connect(self._on_sections_changed)

        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self._on_file_changed)
        self._build_status_bar(font_status)
        self._build_actions()
        self._build_menus()
        self._restore_window_state()
        self.dark = apply_theme(self.prefs.theme)
        self._on_tab_changed(-1)
        if settings.notice:
            self.status(f"Settings: {settings.notice}", 15000)

    # -- building --------------------------------------------------------------------------

    def _placeholder(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        label.setEnabled(False)
        return label

    @property
    def metrics_panel(self) -> MetricsPanel:
        """The figures and statistics panel, built on first use."""
        if self._metrics_panel is None:
            from viewer.qt.widgets.metrics_panel import MetricsPanel

            panel = MetricsPanel(self)
            panel.figure_activated.connect(self._on_figure_activated)
            panel.paragraph_activated.connect(self._on_metrics_paragraph_activated)
            panel.paragraph_filter_changed.connect(lambda only: self._set_only("figures", only))
            self._metrics_panel = panel
            self._install_panel(self.metrics_dock, panel, panel.figure_view)
            doc = self.current_document()
            panel.set_analysis(doc.transcript if doc else None, doc.analysis if doc else None)
        return self._metrics_panel

    @property
    def hit_list(self) -> HitList:
        """The list of search hits, built on first use."""
        if self._hit_list is None:
            from viewer.qt.widgets.hit_list import HitList

            hits = HitList(self)
            hits.hit_activated.connect(self.find_bar.set_current)
            hits.filter_changed.connect(lambda only: self._set_only("hits", only))
            self._hit_list = hits
            self._install_panel(self.hits_dock, hits, hits.view)
            doc = self.current_document()
            options = self.find_bar.options()
            if doc is not None and options is not None:
                hits.set_search(doc.transcript, self.find_bar.index, options)
        return self._hit_list

    def _install_panel(self, dock: QDockWidget, panel: QWidget, view: QWidget) -> None:
        """Put a panel built late in its dock (replacing the placeholder); its view's
        right-click menu offers Export like the other views."""
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        view.addAction(self.act_export)
        old = dock.widget()
        dock.setWidget(panel)
        if old is not None:
            old.deleteLater()

    def build_panels(self) -> None:
        """Build the figures panel and the hit list now (a dock is about to be focused)."""
        _ = self.metrics_panel, self.hit_list

    def _dock(self, title: str, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _build_status_bar(self, font_status: str | None) -> None:
        sb = self.statusBar()
        self.file_label = QLabel(self)
        self.info_label = QLabel(self)
        self.count_label = QLabel(self)
        for lab in (self.file_label, self.info_label, self.count_label):
            lab.setTextFormat(Qt.TextFormat.PlainText)
        self.warnings_button = QToolButton(self)
        self.warnings_button.setAutoRaise(True)
        self.warnings_button.clicked.connect(self.show_warnings)
        self.font_label = QLabel(font_status or "", self)
        self.font_label.setTextFormat(Qt.TextFormat.PlainText)
        self.font_label.setStyleSheet("color: #c0392b;")
        self.font_label.setVisible(bool(font_status))
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(140)
        self.cancel_button = QPushButton("Cancel", self)
        self.cancel_button.clicked.connect(self.cancel_loading)
        for w in (
            self.file_label,
            self.info_label,
            self.count_label,
            self.warnings_button,
            self.font_label,
        ):
            sb.addPermanentWidget(w)
        sb.addWidget(self.progress)
        sb.addWidget(self.cancel_button)
        self.progress.hide()
        self.cancel_button.hide()

    def _action(
        self,
        text: str,
        slot: Callable[..., Any],
        shortcut: Any = None,
        checkable: bool = False,
        tip: str | None = None,
    ) -> QAction:
        act = QAction(text, self)
        if shortcut is not None:
            seqs = shortcut if isinstance(shortcut, list) else [shortcut]
            act.setShortcuts([QKeySequence(s) for s in seqs])
        act.setCheckable(checkable)
        if tip:
            act.setStatusTip(tip)
        act.triggered.connect(slot)
        self.addAction(act)  # shortcuts work even when the menu bar is hidden
        return act

    def _build_actions(self) -> None:
        A, K = self._action, QKeySequence.StandardKey
        self.act_open = A("&Open…", self.open_dialog, K.Open)
        self.act_reload = A("&Reload", self.reload_current, "F5")
        self.act_export = A(
            "&Export selection to CSV…",
            self.export_selection,
            "Ctrl+E",
            tip="The selected paragraphs, speakers, turns or figures (or the whole filtered view)",
        )
        self.act_close = A(
            "&Close tab",
            lambda: self.close_document(self.tabs.currentIndex()),
            ["Ctrl+W", "Ctrl+F4"],
        )
        self.act_quit = A("&Quit", self.close, K.Quit)
        self.act_copy = A("&Copy with attribution", self.copy_selection, K.Copy)
        self.act_select_all = A("Select &all", self.select_all, K.SelectAll)
        self.mode_group = QActionGroup(self)
        self.mode_actions: dict[Mode, QAction] = {}
        for n, mode in enumerate(Mode, start=1):
            act = A(
                MODE_LABELS[mode],
                lambda _=False, m=mode: self.set_mode(m),
                f"Ctrl+{n}",
                checkable=True,
            )
            self.mode_group.addAction(act)
            self.mode_actions[mode] = act
        self.act_zoom_in = A("Zoom &in", lambda: self._pane_call("zoom_in"), ["Ctrl+=", "Ctrl++"])
        self.act_zoom_out = A("Zoom &out", lambda: self._pane_call("zoom_out"), "Ctrl+-")
        self.act_zoom_reset = A("&Reset zoom", lambda: self.set_zoom(1.0), "Ctrl+0")
        self.theme_group = QActionGroup(self)
        self.theme_actions = {}
        for key, label in (("system", "Follow &system"), ("light", "&Light"), ("dark", "&Dark")):
            act = A(label, lambda _=False, k=key: self.set_theme(k), checkable=True)
            self.theme_group.addAction(act)
            self.theme_actions[key] = act
        self.act_toggle_theme = A("&Toggle dark mode", self.toggle_theme, "Ctrl+Shift+D")
        self.act_summary = A(
            "Show &summary", self._on_summary_action, "Ctrl+Shift+U", checkable=True
        )
        self.act_next_turn = A("&Next turn", lambda: self.step_turn(True), "Alt+Down")
        self.act_prev_turn = A("&Previous turn", lambda: self.step_turn(False), "Alt+Up")
        self.act_next_q = A("Next &question", lambda: self.step_turn(True, True), "Alt+Shift+Down")
        self.act_prev_q = A(
            "Previous q&uestion", lambda: self.step_turn(False, True), "Alt+Shift+Up"
        )
        self.act_goto_para = A("Go to &paragraph…", self.go_to_paragraph_dialog, "Ctrl+G")
        self.act_goto_speaker = A("Go to &speaker…", self.go_to_speaker_dialog, "Ctrl+K")
        self.act_focus_tree = A(
            "Focus speaker &tree", lambda: self._focus_dock(self.speaker_dock), "Alt+1"
        )
        self.act_focus_pane = A("Focus &reading pane", self.focus_pane, "Alt+2")
        self.act_shortcuts = A("&Keyboard shortcuts", self.show_shortcuts, K.HelpContents)
        self.act_about = A("&About", self.show_about)
        self.act_warnings = A("Show parse &warnings", self.show_warnings, "Ctrl+Shift+W")
        fb = self.find_bar
        self.find_actions = [fb.act_find, fb.act_next, fb.act_previous]
        self.find_option_actions = [
            fb.act_case,
            fb.act_word,
            fb.act_regex,
            fb.act_shown,
            fb.act_scope,
        ]
        for act in self.find_actions:
            self.addAction(act)
        act = self.metrics_dock.toggleViewAction()
        act.setText("&Figures panel")
        act.setShortcut(QKeySequence("Ctrl+Shift+M"))
        self.addAction(act)
        self.act_toggle_metrics = act
        self.act_focus_metrics = self._action(
            "Focus &figures panel", lambda: self._focus_dock(self.metrics_dock), "Alt+3"
        )
        act = self.hits_dock.toggleViewAction()
        act.setText("Search &hits panel")
        act.setShortcut(QKeySequence("Ctrl+Shift+H"))
        self.addAction(act)
        self.act_toggle_hits = act
        # Right-click menus offer the same actions (and show their shortcuts); the figures
        # panel and the hit list add theirs when they are built.
        self.speaker_panel.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.speaker_panel.tree.addAction(self.act_export)
        tv = self.speaker_dock.toggleViewAction()
        tv.setText("&Speakers panel")
        tv.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.addAction(tv)
        self.act_toggle_speakers = tv

    def _build_menus(self) -> None:
        mb = self.menuBar()
        m = mb.addMenu("&File")
        m.addAction(self.act_open)
        self.recent_menu = m.addMenu("Open &recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        m.addAction(self.act_reload)
        self.file_menu = m
        m.addSeparator()
        m.addAction(self.act_export)
        m.addSeparator()
        m.addAction(self.act_close)
        m.addSeparator()
        m.addAction(self.act_quit)
        m = mb.addMenu("&Edit")
        m.addAction(self.act_copy)
        m.addAction(self.act_select_all)
        m.addSeparator()
        for act in self.find_actions:
            m.addAction(act)
        om = m.addMenu("Find &options")
        for act in self.find_option_actions:
            om.addAction(act)
        self.edit_menu = m
        m = mb.addMenu("&View")
        for act in self.mode_actions.values():
            m.addAction(act)
        m.addSeparator()
        for act in (self.act_zoom_in, self.act_zoom_out, self.act_zoom_reset):
            m.addAction(act)
        m.addSeparator()
        tm = m.addMenu("T&heme")
        for act in self.theme_actions.values():
            tm.addAction(act)
        tm.addSeparator()
        tm.addAction(self.act_toggle_theme)
        m.addAction(self.act_summary)
        m.addSeparator()
        m.addAction(self.act_toggle_speakers)
        m.addAction(self.act_toggle_metrics)
        m.addAction(self.act_toggle_hits)
        self.view_menu = m
        m = mb.addMenu("&Go")
        for act in (self.act_next_turn, self.act_prev_turn, self.act_next_q, self.act_prev_q):
            m.addAction(act)
        m.addSeparator()
        m.addAction(self.act_goto_para)
        m.addAction(self.act_goto_speaker)
        m.addSeparator()
        m.addAction(self.act_focus_tree)
        m.addAction(self.act_focus_pane)
        m.addAction(self.act_focus_metrics)
        self.go_menu = m
        m = mb.addMenu("&Help")
        m.addAction(self.act_shortcuts)
        m.addAction(self.act_warnings)
        m.addAction(self.act_about)
        self.mode_actions[Mode(self.prefs.mode)].setChecked(True)
        self.theme_actions[self.prefs.theme].setChecked(True)
        self.act_summary.setChecked(self.prefs.show_summary)

    # -- documents -------------------------------------------------------------------------

    def current_document(self) -> DocumentView | None:
        w = self.tabs.currentWidget()
        return w if isinstance(w, DocumentView) else None

    def documents(self) -> list[DocumentView]:
        return [
            w
            for i in range(self.tabs.count())
            if isinstance(w := self.tabs.widget(i), DocumentView)
        ]

    def open_paths(self, paths: list[str]) -> None:
        """Open several files, one after the other (a new load would cancel a running one)."""
        self._queue = [Path(p) for p in paths]
        self._open_next_queued()

    def _open_next_queued(self) -> None:
        if self._queue:
            self.open_path(self._queue.pop(0))

    def open_path(self, path: str | Path) -> None:
        """Load ``path`` in a worker; a load already running is cancelled (last wins)."""
        path = Path(path)
        if self._load_job is not None:
            self._load_job.cancel()

        def load(token: Any, progress: Any) -> tuple[Transcript, SpeakerGroups]:
            from viewer.core.speaker_groups import build_speaker_groups
            from viewer.core.transcript_io import load_transcript

            transcript = load_transcript(path, cancel=token)
            return transcript, build_speaker_groups(transcript)  # word counts: off the GUI

        # Connect before the job starts: a fast job could finish before a later connect.
        holder: list[Job] = []
        job = self.runner.start(
            load,
            on_finished=lambda t: self._on_loaded(holder[0], path, t),
            on_failed=lambda e: self._on_load_failed(holder[0], path, e),
            on_cancelled=lambda: self._on_load_cancelled(holder[0]),
            before_start=holder.append,
        )
        self._load_job = job
        self.progress.show()
        self.cancel_button.show()
        self.status(f"Loading {path.name}…")

    def cancel_loading(self) -> None:
        if self._load_job is not None:
            self._load_job.cancel()

    def is_loading(self) -> bool:
        return self._load_job is not None

    def _end_loading(self, job: Job) -> bool:
        if job is not self._load_job:
            return False  # a superseded load: ignore its outcome
        self._load_job = None
        self.progress.hide()
        self.cancel_button.hide()
        return True

    def _on_loaded(self, job: Job, path: Path, loaded: tuple[Transcript, SpeakerGroups]) -> None:
        if not self._end_loading(job):
            return
        transcript, groups = loaded
        doc = self.open_transcript(transcript, path, groups=groups)
        self.status(f"Opened {path.name}", 4000)
        self.load_finished.emit(doc)
        self._open_next_queued()

    def _on_load_failed(self, job: Job, path: Path, exc: Exception) -> None:
        if not self._end_loading(job):
            return
        msg = str(exc) if isinstance(exc, TranscriptError) else f"{path}: {exc}"
        self.show_error("Cannot open transcript", msg)
        self.load_finished.emit(exc)
        self._open_next_queued()

    def _on_load_cancelled(self, job: Job) -> None:
        if self._end_loading(job):
            self.status("Loading cancelled", 4000)
            self.load_finished.emit(None)

    def open_transcript(
        self,
        transcript: Transcript,
        path: Path,
        index: SearchIndex | None = None,
        groups: SpeakerGroups | None = None,
    ) -> DocumentView:
        """Show a loaded transcript (replacing the tab of the same file, if open)."""
        path = path.resolve() if path.exists() else path
        existing = next((i for i, d in enumerate(self.documents()) if d.path == path), None)
        doc = DocumentView(transcript, path, self, groups)
        doc.search_index = index  # None: built in a worker after the first paint
        doc.pane.set_mode(Mode(self.prefs.mode))
        doc.pane.set_zoom(self.prefs.zoom)
        doc.pane.set_zh_families(self.zh_families)
        doc.pane.set_dark(self.dark)
        doc.summary.set_expanded(self.prefs.show_summary)
        doc.pane.zoom_changed.connect(self._on_zoom_changed)
        doc.pane.paragraph_selection_changed.connect(self._on_pane_selection_changed)
        doc.pane.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        doc.pane.addActions([self.act_copy, self.act_export, self.act_goto_speaker])
        doc.filters_changed.connect(self._on_filters_changed)
        doc.pane.verticalScrollBar().valueChanged.connect(self._highlight_timer.start)
        label = doc.title
        if existing is not None:
            old = self.tabs.widget(existing)
            self.tabs.removeTab(existing)
            self._discard(old)
            self.tabs.insertTab(existing, doc, label)
            self.tabs.setCurrentIndex(existing)
        else:
            self.tabs.setCurrentIndex(self.tabs.addTab(doc, label))
        self.tabs.setTabToolTip(self.tabs.indexOf(doc), str(path))
        if path.exists() and str(path) not in self.watcher.files():
            self.watcher.addPath(str(path))
        if path.exists():
            self.prefs = self.prefs.with_recent(str(path))
            self.settings.save_preferences(self.prefs)
        self._on_tab_changed(self.tabs.currentIndex())
        doc.pane.setFocus()
        # After the first paint, so nothing competes with it: the search index, the panels
        # deferred at start-up, then the figures.
        AfterPaint(doc.pane.viewport(), lambda d=doc: self._after_first_paint(d))
        return doc

    def _after_first_paint(self, doc: DocumentView) -> None:
        if doc not in self.documents():
            return  # closed or replaced meanwhile
        if doc.search_index is None:
            self._index(doc)
        self._analyse(doc)  # the figures panel is built when its first analysis arrives

    def _index(self, doc: DocumentView) -> None:
        """The search index, in a worker (0.1 s on 10 MB); the find bar waits for it."""
        from viewer.core.search import SearchIndex

        transcript = doc.transcript
        doc.jobs.append(
            self.runner.start(
                lambda token, progress: SearchIndex(transcript, cancel=token),
                on_finished=lambda index, d=doc: self._on_indexed(d, index),
            )
        )

    def _on_indexed(self, doc: DocumentView, index: SearchIndex) -> None:
        if doc not in self.documents():
            return
        doc.search_index = index
        if doc is self.current_document():
            self.find_bar.set_document(doc.transcript, index)  # reruns a waiting query

    def close_document(self, index: int) -> None:
        w = self.tabs.widget(index)
        if w is None:
            return
        self.tabs.removeTab(index)
        if isinstance(w, DocumentView) and not any(d.path == w.path for d in self.documents()):
            self.watcher.removePath(str(w.path))
        self._discard(w)

    @staticmethod
    def _discard(widget: QWidget) -> None:
        """A closed or replaced document: stop its background work, then delete it."""
        if isinstance(widget, DocumentView):
            for job in widget.jobs:
                job.cancel()
        widget.deleteLater()

    def reload_current(self) -> None:
        doc = self.current_document()
        if doc is not None:
            self.open_path(doc.path)

    def _on_file_changed(self, path: str) -> None:
        self.status(f"{Path(path).name} changed on disk: press F5 to reload", 15000)
        if Path(path).exists() and path not in self.watcher.files():
            self.watcher.addPath(path)  # editors replace files: watch the new one

    def _on_tab_changed(self, _: int) -> None:
        doc = self.current_document()
        self.tabs.setVisible(doc is not None)
        self.empty.setVisible(doc is None)
        if doc is None:
            self.speaker_panel.set_model(None, frozenset())
            self.setWindowTitle(APP_NAME)
            for lab in (self.file_label, self.info_label, self.count_label):
                lab.setText("")
            self.warnings_button.hide()
        else:
            self.speaker_panel.set_model(doc.speaker_model, doc.proxy.hidden_sections)
            m = doc.transcript.meta
            who = m.company or m.ticker or doc.path.name
            when = f"Q{m.quarter} {m.fiscal_year}" if m.quarter and m.fiscal_year else ""
            self.setWindowTitle(" — ".join(isolate(x) for x in (who, when) if x) + f" — {APP_NAME}")
            self.file_label.setText(doc.path.name)
            self.file_label.setToolTip(str(doc.path))
            layout = "bulleted" if m.layout.value.endswith("bulleted") else "bare"
            self.info_label.setText(f"{layout} · {m.encoding} · {m.newline}")
            n = len(doc.transcript.warnings)
            self.warnings_button.setText(f"⚠ {n} warning{'s' if n != 1 else ''}")
            self.warnings_button.setVisible(n > 0)
            self._update_counts()
        if doc is None:
            self.find_bar.set_document(None)
        else:
            # No index yet: the bar waits ("indexing") instead of building it here.
            self.find_bar.set_document(doc.transcript, doc.search_index, build=False)
        if self._metrics_panel is not None:
            self._metrics_panel.set_analysis(
                doc.transcript if doc else None, doc.analysis if doc else None
            )
        self._on_filters_changed()
        for act in (
            self.act_reload,
            self.act_close,
            self.act_copy,
            self.act_next_turn,
            self.act_prev_turn,
            self.act_next_q,
            self.act_prev_q,
            self.act_goto_para,
            self.act_goto_speaker,
            self.act_warnings,
            self.act_select_all,
        ):
            act.setEnabled(doc is not None)
        self.document_changed.emit(doc)

    def _update_counts(self) -> None:
        doc = self.current_document()
        if doc is None:
            return
        t = doc.transcript
        shown = len(doc.pane.visible_paragraphs()) if doc.proxy.is_filtered() else None
        paras = (
            f"{len(t.paragraphs)} paragraphs"
            if shown is None
            else f"{shown} of {len(t.paragraphs)} paragraphs"
        )
        self.count_label.setText(f"{len(t.speakers)} speakers · {len(t.turns)} turns · {paras}")

    def _on_pane_selection_changed(self) -> None:
        doc = self.current_document()
        if doc is None:
            return
        turn = doc.pane.current_turn()
        if turn >= 0:
            self.speaker_panel.select_turn(turn)

    # -- search ----------------------------------------------------------------------------

    def _find_anchor(self) -> int:
        doc = self.current_document()
        if doc is None:
            return 0
        selected = doc.pane.selected_paragraphs()
        if selected:
            return selected[0]
        visible = self._paragraphs_on_screen(doc)
        return visible[0] if visible else 0

    def _paragraphs_on_screen(self, doc: DocumentView) -> list[int]:
        pane = doc.pane
        first = pane.rowAt(0)
        if first < 0:
            return []
        last = pane.rowAt(pane.viewport().height() - 1)
        if last < 0:
            last = pane.model().rowCount() - 1
        out = []
        for row in range(first, last + 1):
            p = pane.model().index(row, 0).data(Roles.PARAGRAPH)
            if p is not None and p >= 0:
                out.append(int(p))
        return out

    def refresh_highlights(self) -> None:
        """Search hits on the rows shown (plus any figure highlight), repainting only rows
        whose highlights changed."""
        doc = self.current_document()
        if doc is None:
            return
        highlights = (
            self.find_bar.highlights_for(self._paragraphs_on_screen(doc))
            if self.find_bar.options() is not None
            else {}
        )
        for p, spans in doc.extra_highlights.items():
            highlights[p] = [*highlights.get(p, []), *spans]
        doc.paragraph_model.set_highlights(highlights)

    def _on_search_changed(self, options: Any) -> None:
        doc = self.current_document()
        if self._hit_list is not None or options is not None:
            self.hit_list.set_search(doc.transcript if doc else None, self.find_bar.index, options)
        self._highlight_timer.start()

    def _on_current_hit_changed(self, hit: Any) -> None:
        doc = self.current_document()
        if doc is not None and hit is not None:
            doc.pane.go_to_paragraph(hit.paragraph, select=False)
        self.refresh_highlights()

    def _set_only(self, source: str, paragraphs: frozenset[int] | None) -> None:
        doc = self.current_document()
        if doc is not None:
            doc.set_only_paragraphs_from(source, paragraphs)

    # -- figures ---------------------------------------------------------------------------

    def _analyse(self, doc: DocumentView) -> None:
        """Figures, the translation check and statistics, in a worker (1-2 s on 10 MB)."""
        transcript = doc.transcript

        def work(token: Any, progress: Any) -> Any:
            from viewer.core.metrics import analyse  # imported off the GUI thread

            return analyse(transcript, cancel=token)

        doc.jobs.append(
            self.runner.start(
                work,
                on_finished=lambda a, d=doc: self._on_analysed(d, a),
                on_failed=lambda exc, d=doc: self._on_analysis_failed(d, exc),
            )
        )

    def _on_analysis_failed(self, doc: DocumentView, exc: Exception) -> None:
        log.error("analysing %s failed: %s", doc.path, exc)
        report_unexpected(exc)
        if doc in self.documents():
            self.status(f"Could not find the figures of {doc.path.name}: {exc}", 15000)
            _ = self.metrics_panel  # an empty panel rather than the "analysing" notice

    def _on_analysed(self, doc: DocumentView, analysis: Any) -> None:
        if doc not in self.documents():
            return  # closed or replaced meanwhile
        from viewer.core.metrics import paragraph_badges

        doc.analysis = analysis
        doc.paragraph_model.set_badges(paragraph_badges(analysis))
        if doc is self.current_document():
            self.metrics_panel.set_analysis(doc.transcript, analysis)
        self.analysis_finished.emit(doc)

    def _on_figure_activated(self, paragraph: int, en: Any, zh: Any) -> None:
        doc = self.current_document()
        if doc is None:
            return
        from viewer.qt.widgets.metrics_panel import figure_highlights

        if not doc.pane.go_to_paragraph(paragraph):
            self.status("That figure's paragraph is hidden by the current filters", 4000)
        doc.extra_highlights = figure_highlights(paragraph, en, zh)
        self.refresh_highlights()

    def _on_metrics_paragraph_activated(self, paragraph: int) -> None:
        doc = self.current_document()
        if doc is not None:
            doc.pane.go_to_paragraph(paragraph)

    def _on_filters_changed(self) -> None:
        doc = self.current_document()
        if doc is None:
            return
        self._update_counts()
        self.find_bar.set_shown_paragraphs(
            doc.pane.visible_paragraphs() if doc.proxy.is_filtered() else None
        )
        self._highlight_timer.start()

    # -- reading ---------------------------------------------------------------------------

    def _pane_call(self, name: str) -> None:
        doc = self.current_document()
        if doc is not None:
            getattr(doc.pane, name)()

    def set_mode(self, mode: Mode) -> None:
        self.prefs = self.prefs.model_copy(update={"mode": mode.value})
        self.mode_actions[mode].setChecked(True)
        for doc in self.documents():
            doc.pane.set_mode(mode)

    def set_zoom(self, zoom: float) -> None:
        doc = self.current_document()
        if doc is not None:
            doc.pane.set_zoom(zoom)
        else:
            self._on_zoom_changed(zoom)

    def _on_zoom_changed(self, zoom: float) -> None:
        self.prefs = self.prefs.model_copy(update={"zoom": zoom})
        for doc in self.documents():
            doc.pane.set_zoom(zoom)
        self.status(f"Zoom {round(zoom * 100)}%", 2000)

    def set_theme(self, theme: str) -> None:
        self.prefs = self.prefs.model_copy(update={"theme": theme})
        self.theme_actions[theme].setChecked(True)
        self.dark = apply_theme(theme)
        for doc in self.documents():
            doc.pane.set_dark(self.dark)

    def toggle_theme(self) -> None:
        self.set_theme("light" if self.dark else "dark")

    def _on_summary_action(self, on: bool) -> None:
        self.prefs = self.prefs.model_copy(update={"show_summary": bool(on)})
        for doc in self.documents():
            doc.summary.set_expanded(bool(on))

    def focus_pane(self) -> None:
        doc = self.current_document()
        if doc is not None:
            doc.pane.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _focus_dock(self, dock: QDockWidget) -> None:
        self.build_panels()
        dock.show()
        dock.raise_()
        widget = dock.widget()
        if widget is not None:
            widget.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _on_turn_activated(self, turn: int) -> None:
        doc = self.current_document()
        if doc is not None and not doc.pane.go_to_turn(turn):
            self.status("That turn is hidden by the current filters", 4000)

    def _on_speaker_activated(self, speaker_id: str) -> None:
        doc = self.current_document()
        if doc is None:
            return
        turn = first_turn_of_speaker(doc.transcript, speaker_id)
        if turn is not None:
            doc.pane.go_to_turn(turn)

    def _on_sections_changed(self, hidden: frozenset[str]) -> None:
        doc = self.current_document()
        if doc is not None:
            doc.set_hidden_sections(hidden)

    def step_turn(self, forward: bool, questions: bool = False) -> None:
        doc = self.current_document()
        if doc is None:
            return
        allowed = set(self._visible_turns(doc))
        target = step_turn(
            doc.transcript,
            doc.pane.current_turn(),
            forward,
            questions_only=questions,
            allowed=allowed,
        )
        if target is None:
            self.status("No more questions" if questions else "No more turns", 3000)
            return
        doc.pane.go_to_turn(target)

    @staticmethod
    def _visible_turns(doc: DocumentView) -> list[int]:
        t = doc.transcript
        return sorted({t.turn_of_paragraph[p] for p in doc.pane.visible_paragraphs()})

    def go_to_paragraph_dialog(self) -> None:
        doc = self.current_document()
        if doc is None:
            return
        n = len(doc.transcript.paragraphs)
        current = max(1, (doc.pane.selected_paragraphs() or [0])[0] + 1)
        value, ok = QInputDialog.getInt(
            self, "Go to paragraph", f"Paragraph (1–{n}):", current, 1, n
        )
        if ok:
            self.go_to_paragraph(value - 1)

    def go_to_paragraph(self, index: int) -> bool:
        doc = self.current_document()
        if doc is None:
            return False
        if not doc.pane.go_to_paragraph(index):
            self.status(f"Paragraph {index + 1} is hidden by the current filters", 4000)
            return False
        return True

    def go_to_speaker_dialog(self) -> None:
        doc = self.current_document()
        if doc is None:
            return
        from viewer.qt.dialogs.speaker_picker import SpeakerPicker

        picker = SpeakerPicker(doc.transcript, self)
        if picker.exec() and (sid := picker.selected_speaker_id()):
            turn = first_turn_of_speaker(doc.transcript, sid, doc.pane.current_turn())
            if turn is not None:
                doc.pane.go_to_turn(turn)

    def select_all(self) -> None:
        doc = self.current_document()
        if doc is not None:
            doc.pane.selectAll()

    def copy_selection(self) -> None:
        doc = self.current_document()
        if doc is None:
            return
        paragraphs = doc.pane.selected_paragraphs()
        if not paragraphs:
            self.status("Nothing selected to copy", 3000)
            return
        langs = {Mode.EN: ("en",), Mode.ZH: ("zh",)}.get(doc.pane.mode, ("en", "zh"))
        mime = QMimeData()
        mime.setText(quote_text(doc.transcript, paragraphs, langs))
        tsv = quote_tsv(doc.transcript, paragraphs)
        mime.setData("text/tab-separated-values", tsv.encode("utf-8"))
        QGuiApplication.clipboard().setMimeData(mime)
        self.status(f"Copied {len(paragraphs)} paragraph{'s' if len(paragraphs) > 1 else ''}", 3000)

    # -- export ----------------------------------------------------------------------------

    def _export_spec(self, doc: DocumentView) -> ExportSpec:
        """What Ctrl+E exports: the selection of the view that has the focus."""
        from viewer.core.export import paragraph_export
        from viewer.core.metrics import figure_export

        focus = QApplication.focusWidget()
        t = doc.transcript

        def within(widget: QWidget) -> bool:
            return focus is not None and (focus is widget or widget.isAncestorOf(focus))

        panel = self._metrics_panel
        if panel is not None and within(panel.figure_view) and doc.analysis is not None:
            proxy, model = panel.figure_proxy, panel.figure_model
            rows = sorted({i.row() for i in panel.figure_view.selectionModel().selectedRows()})
            rows = rows or list(range(proxy.rowCount()))
            figures = [model.figure(proxy.mapToSource(proxy.index(r, 0)).row()) for r in rows]
            return figure_export(t, figures)
        paragraphs: set[int] = set()
        if within(self.speaker_panel.tree):
            for idx in self.speaker_panel.tree.selectionModel().selectedRows():
                kind = idx.data(Roles.NODE_KIND)
                if kind == "turn":
                    turns = {int(idx.data(Roles.TURN))}
                else:
                    ids = doc.speaker_model.speaker_ids_of(idx)
                    turns = {tr.index for tr in t.turns if tr.speaker_id in ids}
                paragraphs |= {p.index for tr in turns for p in t.turns[tr].paragraphs}
        elif self._hit_list is not None and within(self._hit_list):
            paragraphs = {h.paragraph for h in self.hit_list.hits()}
        else:
            paragraphs = set(doc.pane.selected_paragraphs())
        if not paragraphs:
            paragraphs = set(doc.pane.visible_paragraphs())  # the whole filtered view
        return paragraph_export(t, sorted(paragraphs))

    def export_selection(self) -> None:
        doc = self.current_document()
        if doc is None:
            return
        from viewer.qt.dialogs.export_dialog import ExportDialog

        spec = self._export_spec(doc)
        if spec.count == 0:
            self.status("Nothing to export", 3000)
            return
        dialog = ExportDialog(spec, doc.path.parent, self)
        dialog.setWindowTitle(f"Export {spec.count} {spec.kind} to CSV")
        dialog.exported.connect(lambda path, n: self.status(f"Exported {n} rows to {path}", 8000))
        self.export_dialog = dialog
        if self.on_export_dialog is not None:
            self.on_export_dialog(dialog)
        dialog.open()

    # -- dialogs and notices ---------------------------------------------------------------

    def status(self, text: str, msecs: int = 0) -> None:
        self.statusBar().showMessage(text, msecs)

    def _ask_open_paths(self) -> list[str]:
        start = str(Path(self.prefs.recent_files[0]).parent) if self.prefs.recent_files else ""
        paths, _ = QFileDialog.getOpenFileNames(
            self, "Open transcript", start, "Transcripts (*.txt);;All files (*)"
        )
        return list(paths)

    def _confirm(self, title: str, text: str) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        return box.exec() == QMessageBox.StandardButton.Yes

    def _show_error(self, title: str, text: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()

    def open_dialog(self) -> None:
        paths = self.ask_open_paths()
        if paths:
            self.open_paths(paths)

    def _fill_recent_menu(self) -> None:
        menu: QMenu = self.recent_menu
        menu.clear()
        if not self.prefs.recent_files:
            menu.addAction("(none)").setEnabled(False)
            return
        for n, path in enumerate(self.prefs.recent_files, start=1):
            label = f"&{n} {Path(path).name}" if n < 10 else Path(path).name
            act = menu.addAction(label)
            act.setToolTip(path)
            act.triggered.connect(lambda _=False, p=path: self.open_recent(p))
        menu.addSeparator()
        menu.addAction("Clear list", self.clear_recent)

    def open_recent(self, path: str) -> None:
        # Checked only when clicked: a missing drive must not stall start-up.
        if not Path(path).exists():
            if self.confirm(
                "File not found", f"{path}\n\nThis file no longer exists. Remove it from the list?"
            ):
                self.prefs = self.prefs.model_copy(
                    update={"recent_files": [p for p in self.prefs.recent_files if p != path]}
                )
                self.settings.save_preferences(self.prefs)
            return
        self.open_path(path)

    def clear_recent(self) -> None:
        self.prefs = self.prefs.model_copy(update={"recent_files": []})
        self.settings.save_preferences(self.prefs)

    def show_warnings(self) -> None:
        doc = self.current_document()
        if doc is None:
            return
        from viewer.qt.dialogs.text_list_dialog import TextListDialog

        rows = [[str(w.line) if w.line else "", w.message] for w in doc.transcript.warnings]
        TextListDialog(f"Warnings — {doc.path.name}", ["Line", "Warning"], rows, self).exec()

    def shortcut_rows(self) -> list[list[str]]:
        rows = []
        for act in self.actions():
            seqs = [s.toString(QKeySequence.SequenceFormat.NativeText) for s in act.shortcuts()]
            if seqs:
                rows.append(
                    [
                        act.text().replace("&&", "\0").replace("&", "").replace("\0", "&"),
                        "  or  ".join(seqs),
                    ]
                )
        return rows

    def show_shortcuts(self) -> None:
        from viewer.qt.dialogs.text_list_dialog import TextListDialog

        TextListDialog(
            "Keyboard shortcuts", ["Action", "Shortcut"], self.shortcut_rows(), self
        ).exec()

    def show_about(self) -> None:
        from viewer import __version__

        box = QMessageBox(
            QMessageBox.Icon.Information,
            f"About {APP_NAME}",
            f"{APP_NAME} {__version__}\n\nRead earnings calls in English and "
            "Chinese: speakers, figures, translation checks, search, export.",
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()

    # -- drag and drop, state --------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.open_paths(paths)

    def _restore_window_state(self) -> None:
        geo = self.settings.window_state("geometry")
        if geo is not None and not self.restoreGeometry(geo):
            log.info("ignoring invalid saved geometry")
        state = self.settings.window_state("state")
        if state is None or not self.restoreState(state):
            if state is not None:
                log.info("ignoring invalid saved dock state")
            self.resizeDocks(
                [self.speaker_dock, self.metrics_dock], [320, 450], Qt.Orientation.Horizontal
            )

    def save_state(self) -> None:
        self.settings.set_window_state("geometry", self.saveGeometry())
        self.settings.set_window_state("state", self.saveState())
        self.settings.save_preferences(self.prefs)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.cancel_loading()
        self.runner.cancel_all()  # the index and figures of open documents
        self.save_state()
        super().closeEvent(event)
