"""The find bar: incremental search in both languages, "n of N", wrap notice, inline errors.

Matching is ``viewer.core.search``; this widget collects options, debounces typing, finds the
hits in a worker and steps through them (:mod:`.find_bar_hits`: no regular expression runs
unbounded on the GUI thread); ``SearchController`` scrolls and paints (signals only).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from viewer.core.models import Transcript
from viewer.core.search import Hit, SearchError, SearchIndex, SearchOptions, SearchTimeout, check
from viewer.qt.error_text import error_text
from viewer.qt.i18n import format_number, translate
from viewer.qt.labels import arg
from viewer.qt.models.paragraph_table_model import Highlight
from viewer.qt.theme import active, error_style, field_error_style, follow
from viewer.qt.widgets import find_bar_hits as found
from viewer.qt.widgets import find_bar_texts as texts
from viewer.qt.widgets.elided_label import ElidedLabel
from viewer.qt.widgets.tool_actions import check_box, command, toggle, tool_button
from viewer.qt.workers import JobRunner


class FindBar(QWidget):
    """Signals: ``search_changed(SearchOptions | None)`` when the highlights must be redone,
    ``current_changed(Hit | None)`` when the current hit moves (scroll to it),
    ``results_ready()`` when the count for the latest query has arrived, ``closed()`` on Esc.
    """

    search_changed = Signal(object)
    current_changed = Signal(object)
    results_ready = Signal()
    closed = Signal()

    DEBOUNCE_MS = 150

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.runner = JobRunner(self)
        # Where a new search starts looking (the reading position) and the text to search for
        # when Ctrl+F is pressed: the search controller provides both.
        self.anchor: Callable[[], int] = lambda: 0
        self.selection_text: Callable[[], str | None] = lambda: None
        self._index: SearchIndex | None = None
        self._transcript: Transcript | None = None
        self._shown: frozenset[int] | None = None
        self._options: SearchOptions | None = None
        self._total = 0
        self._current: Hit | None = None
        self._number = 0
        self._hits: list[Hit] | None = None  # the count job's list (None: too many, or not yet)
        self._rows_too_slow = False  # the rows on screen timed out: wait for the job's list
        self._job: Any = None
        self._generation = 0  # of the latest search: older results are dropped

        self.field = QLineEdit(self)
        self.field.setObjectName("findField")
        self.field.setClearButtonEnabled(True)
        self.field.installEventFilter(self)
        self.field.textChanged.connect(self._on_text_changed)

        self.act_find = command(self, "&Find…", self.open, QKeySequence.StandardKey.Find)
        self.act_next = command(self, "Find &next", self.next, "F3")
        self.act_previous = command(self, "Find pre&vious", self.previous, "Shift+F3")
        local, oc = Qt.ShortcutContext.WidgetWithChildrenShortcut, self._options_changed
        self.act_case = toggle(self, "Aa", "Match &case", "Alt+C", oc, local)
        self.act_word = toggle(self, "W", "&Whole words (Latin text only)", "Alt+W", oc, local)
        self.act_regex = toggle(self, ".*", "&Regular expression", "Alt+R", oc, local)
        self.act_shown = toggle(
            self, "Shown", "Only the speakers and sections &shown", "Alt+O", oc, local
        )
        self.act_scope = command(self, "Next &language scope", self._cycle_scope, "Alt+L")
        self.act_scope.setShortcutContext(local)

        self.scope = QComboBox(self)
        self.scope.setObjectName("findScope")
        for key, _ in texts.SCOPES:
            self.scope.addItem("", key)
        self.scope.currentIndexChanged.connect(lambda _: self._options_changed())

        self.counter = QLabel(self)
        self.counter.setObjectName("findCounter")
        self.counter.setTextFormat(Qt.TextFormat.PlainText)
        self.counter.setMinimumWidth(80)
        self.message = ElidedLabel(self)  # an error never widens the bar (or squeezes docks)
        self.message.setObjectName("findMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        follow(self, lambda _: self._set_message(self.message.text(), self.field.property("error")))

        lay = QHBoxLayout(self)
        lay.setContentsMargins(4, 2, 4, 2)
        lay.setSpacing(4)
        lay.addWidget(self.field, 1)
        for act in (self.act_previous, self.act_next):
            lay.addWidget(tool_button(self, act, "▲" if act is self.act_previous else "▼"))
        lay.addWidget(self.counter)
        for act in (self.act_case, self.act_word, self.act_regex):
            lay.addWidget(tool_button(self, act))
        lay.addWidget(self.scope)
        shown = QCoreApplication.translate("FindBar", "Shown only")  # a check box reads as one
        lay.addWidget(check_box(self, self.act_shown, shown))
        lay.addWidget(self.message, 1)
        close = QToolButton(self)
        close.setText("✕")
        close.setAutoRaise(True)
        close.clicked.connect(self.close_bar)
        lay.addWidget(close)
        self.close_button = close
        texts.retranslate(self.field, self.scope, close)

        esc = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        esc.setContext(local)
        esc.activated.connect(self.close_bar)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.DEBOUNCE_MS)
        self._timer.timeout.connect(self.search_now)
        self.setFocusProxy(self.field)

    # -- what the window tells the bar ---------------------------------------------------------

    def set_document(self, transcript: Transcript | None, index: SearchIndex | None = None) -> None:
        """The transcript to search (``None`` when no tab is open) and its index, built in
        a worker by its document: until it comes, the bar says "Indexing…" and a query
        typed meanwhile runs when it arrives (call again with the index)."""
        if transcript is self._transcript and index is self._index:
            return
        self._transcript = transcript
        self._index = index if transcript is not None else None
        self._current = None
        self._rerun()

    def set_shown_paragraphs(self, paragraphs: Iterable[int] | None) -> None:
        """The paragraphs the speaker and section filters let through (``None``: all)."""
        shown = None if paragraphs is None else frozenset(paragraphs)
        if shown != self._shown:
            self._shown = shown
            if self.act_shown.isChecked():
                self._rerun()

    @property
    def index(self) -> SearchIndex | None:
        return self._index

    def options(self) -> SearchOptions | None:
        """The options of the search on show (``None``: no search or an invalid one)."""
        return self._options

    def current_hit(self) -> Hit | None:
        return self._current

    def total(self) -> int:
        return self._total

    def highlights_for(self, paragraphs: Iterable[int]) -> dict[int, list[Highlight]]:
        """Highlights of the hits in ``paragraphs`` (the rows on screen), the current one
        marked ``current``: for ``ParagraphTableModel.set_highlights``."""
        options, index = self._options, self._index
        if options is None or index is None or (self._rows_too_slow and self._hits is None):
            return {}
        try:
            hits = found.hits_on_rows(index, options, self._hits, paragraphs)
        except SearchTimeout as exc:
            # Once per search: the count job's list (or its own timeout) comes later.
            self._rows_too_slow = True
            if self._job is None:
                self._set_message(texts.too_slow(exc.budget), error=True)
            return {}
        out: dict[int, list[Highlight]] = {}
        for h in hits:
            kind = "current" if h == self._current else "search"
            out.setdefault(h.paragraph, []).append(Highlight(h.lang, h.start, h.end, kind))
        return out

    # -- opening and closing ---------------------------------------------------------------

    def open(self, text: str | None = None) -> None:
        """Show the bar and focus the field, filled with ``text`` (or the selection's)."""
        if text is None:
            text = self.selection_text()
        if text and "\n" not in text:
            self.field.setText(text)
        self.show()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()
        if self.field.text() and self._options is None and not self._timer.isActive():
            self.search_now()

    def close_bar(self) -> None:
        self._timer.stop()
        self._cancel_job()
        self.hide()
        self._options = None
        self._current = None
        self.search_changed.emit(None)
        self.current_changed.emit(None)
        self.closed.emit()

    # -- searching -------------------------------------------------------------------------------

    def _on_text_changed(self, _: str) -> None:
        self._timer.start()  # restart: search when typing pauses

    def _options_changed(self) -> None:
        if self.field.text():
            self.search_now()

    def _rerun(self) -> None:
        if self.field.text() and self.isVisible():
            self.search_now()
        elif self._options is not None:
            self._options = None
            self.search_changed.emit(None)

    def _cycle_scope(self) -> None:
        self.scope.setCurrentIndex((self.scope.currentIndex() + 1) % self.scope.count())

    def build_options(self) -> SearchOptions | None:
        query = self.field.text()
        if not query:
            return None
        shown = self._shown if self.act_shown.isChecked() else None
        return SearchOptions(
            query=query,
            regex=self.act_regex.isChecked(),
            case_sensitive=self.act_case.isChecked(),
            whole_word=self.act_word.isChecked(),
            scope=self.scope.currentData(),
            paragraphs=shown,
        )

    def search_now(self) -> None:
        """Run the search for the field's text now (typing runs it after a pause)."""
        self._timer.stop()
        self._cancel_job()
        options = self.build_options()
        self._current, self._hits, self._rows_too_slow = None, None, False
        self._set_message("")
        if options is None or self._index is None:
            waiting = options is not None and self._transcript is not None
            self._no_search(translate("FindBar", "Indexing…") if waiting else "")
            return
        try:
            check(options)
        except SearchError as exc:
            self._no_search("", error_text(exc))
            return
        self._options = options
        self.search_changed.emit(options)  # highlights of the rows on screen need no count
        index, anchor = self._index, self.anchor()

        def work(token: Any, progress: Any) -> found.Counted:
            return found.count_job(index, options, anchor, token)

        self._generation += 1
        generation = self._generation
        # Callbacks go to start(), which connects them before the job can finish.
        self._job = self.runner.start(
            work,
            on_finished=lambda result: self._on_counted(generation, result),
            on_failed=lambda exc: self._on_failed(generation, exc),
        )

    def _no_search(self, counter: str, error: str = "") -> None:
        """No search on show: waiting for the index, an empty field or an invalid query."""
        self._options = None
        self._total = 0
        self.counter.setText(counter)
        if error:
            self._set_message(error, error=True)
        self.search_changed.emit(None)
        self.current_changed.emit(None)
        self.results_ready.emit()

    def _cancel_job(self) -> None:
        if self._job is not None:
            self._job.cancel()
            self._job = None

    def _on_counted(self, generation: int, result: found.Counted) -> None:
        if generation != self._generation or self._job is None:
            return  # a superseded or cancelled search
        self._job = None
        self._total, self._current, self._number = result.total, result.first, result.number
        self._hits = result.hits
        self._show_counter()
        self.current_changed.emit(self._current)
        self.results_ready.emit()

    def _on_failed(self, generation: int, exc: Exception) -> None:
        if generation != self._generation or self._job is None:
            return
        # No highlights either: the rows on screen would time out too.
        self._job, self._total, self._current, self._rows_too_slow = None, 0, None, True
        self.counter.setText("")
        failed = arg(translate("FindBar", "Search failed: %1"), error_text(exc))
        self._set_message(
            texts.too_slow(exc.budget) if isinstance(exc, SearchTimeout) else failed, True
        )
        self.current_changed.emit(None)
        self.results_ready.emit()

    def is_busy(self) -> bool:
        """A search is waiting for the typing pause or for its count."""
        return self._timer.isActive() or self._job is not None

    # -- stepping --------------------------------------------------------------------------------

    def next(self) -> None:
        self._step(backwards=False)

    def previous(self) -> None:
        self._step(backwards=True)

    def _step(self, backwards: bool) -> None:
        if not self.field.text():
            self.open()
            return
        if not self.isVisible():
            self.show()  # F3 after Esc: search again with the last query, focus stays put
        if self._timer.isActive() or self._options is None:
            self.search_now()  # Enter before the pause: search now, land on the first hit
            return
        if self._job is not None:
            return  # the count is on its way; its first hit becomes current
        options, index, cur = self._options, self._index, self._current
        if index is None or not self._total:
            return
        try:
            here = (cur, self._number, self._total)
            step = found.step_counted(index, options, self._hits, here, self.anchor(), backwards)
        except SearchTimeout as exc:
            self._set_message(texts.too_slow(exc.budget), error=True)
            return
        if step is None:
            return
        hit, wrapped, self._number = step
        self._current = hit
        self._set_message(
            translate("FindBar", texts.WRAP_BACKWARD if backwards else texts.WRAP_FORWARD)
            if wrapped
            else ""
        )
        self._show_counter()
        self.current_changed.emit(hit)

    def set_current(self, hit: Hit) -> None:
        """Make ``hit`` the current one (a click in the hit list): counter and signal follow."""
        options, index = self._options, self._index
        if options is None or index is None:
            return
        self._current = hit
        try:
            self._number = found.number_of(index, options, self._hits, hit)
            self._set_message("")
        except SearchTimeout as exc:
            self._set_message(texts.too_slow(exc.budget), error=True)
        self._show_counter()
        self.current_changed.emit(hit)

    # -- display ---------------------------------------------------------------------------------

    def _show_counter(self) -> None:
        if not self._total:
            self.counter.setText(translate("FindBar", "No results"))
        else:
            of = translate("FindBar", "%1 of %2", "the current hit of all hits")
            self.counter.setText(arg(of, format_number(self._number), format_number(self._total)))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            texts.retranslate(self.field, self.scope, self.close_button)
            if self.counter.text():
                self._show_counter()
        super().changeEvent(event)

    def _set_message(self, text: str, error: bool = False) -> None:  # again on a theme switch
        self.message.setText(text)
        self.message.setStyleSheet(error_style(active()) if error else "")
        self.field.setProperty("error", error)
        self.field.setStyleSheet(field_error_style(active()) if error else "")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Enter steps forward, Shift+Enter back (QLineEdit's returnPressed cannot tell them).
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
                self._step(backwards=shift)
                return True
        return super().eventFilter(watched, event)
