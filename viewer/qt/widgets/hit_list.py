"""The hit list: every hit of the search with its speaker and context, and a toggle that
filters the reading pane to the matching paragraphs."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QStringListModel, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QCheckBox, QLabel, QListView, QVBoxLayout, QWidget

from viewer.core.models import Transcript
from viewer.core.search import Hit, SearchIndex, SearchOptions, SearchTimeout, find, hit_context
from viewer.qt.error_text import error_text
from viewer.qt.i18n import format_number, plural
from viewer.qt.labels import arg
from viewer.qt.widgets.find_bar_hits import WORKER_BUDGET
from viewer.qt.widgets.find_bar_texts import too_slow
from viewer.qt.workers import JobRunner

log = logging.getLogger(__name__)

FSI, PDI = "\u2068", "\u2069"  # isolates: bidi controls in the text stay inside their row


def _line(transcript: Transcript, hit: Hit) -> str:
    ctx = hit_context(transcript, hit)
    lang = "EN" if hit.lang == "en" else "中"
    return (
        f"¶{hit.paragraph + 1}  {FSI}{ctx.speaker}{PDI}  {lang}  "
        f"{FSI}{ctx.before}【{ctx.match}】{ctx.after}{PDI}"
    )


class HitList(QWidget):
    """Signals: ``hit_activated(Hit)`` on click or Enter; ``filter_changed(frozenset | None)``
    with the paragraphs that match while the toggle is on (``None``: show everything)."""

    hit_activated = Signal(object)
    filter_changed = Signal(object)
    results_ready = Signal()

    LIMIT = 2000  # rows listed; the count and the filter always cover every hit

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("hitList")
        self.runner = JobRunner(self)
        self._transcript: Transcript | None = None
        self._index: SearchIndex | None = None
        self._options: SearchOptions | None = None
        self._hits: list[Hit] = []
        self._stale = False
        self._job: Any = None
        self._generation = 0

        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        # How to write the summary: kept so a language switch rewrites it.
        self._summary: Callable[[], str] = lambda: self.tr("No search")
        self.only = QCheckBox(self)
        self.only.toggled.connect(self._on_only_toggled)
        self.model = QStringListModel(self)
        self.view = QListView(self)
        self.view.setObjectName("hitListView")
        self.view.setModel(self.model)
        self.view.setUniformItemSizes(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.activated.connect(self._on_activated)
        self.view.clicked.connect(self._on_activated)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addWidget(self.summary)
        lay.addWidget(self.only)
        lay.addWidget(self.view, 1)
        self.setFocusProxy(self.view)
        self.retranslate()

    def retranslate(self) -> None:
        self.summary.setText(self._summary())
        self.only.setText(self.tr("Show only &matching paragraphs"))
        self.view.setAccessibleName(self.tr("Search hits"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- input -----------------------------------------------------------------------------

    def set_search(
        self,
        transcript: Transcript | None,
        index: SearchIndex | None,
        options: SearchOptions | None,
    ) -> None:
        """The search to list (``FindBar.search_changed``). Runs now if the list is shown or
        filtering, else when it is next shown."""
        self._transcript, self._index, self._options = transcript, index, options
        self._stale = True
        if self.isVisible() or self.only.isChecked():
            self.refresh()

    def hits(self) -> list[Hit]:
        return self._hits

    def is_busy(self) -> bool:
        return self._job is not None

    def refresh(self) -> None:
        self._stale = False
        if self._job is not None:
            self._job.cancel()
            self._job = None
        transcript, index, options = self._transcript, self._index, self._options
        if transcript is None or index is None or options is None:
            self._show([], [], lambda: self.tr("No search"))
            self.results_ready.emit()
            return
        self.summary.setText(self.tr("Searching…"))

        def work(token: Any, progress: Any) -> tuple[list[Hit], list[str]]:
            hits = find(index, options, token, budget=WORKER_BUDGET)
            return hits, [_line(transcript, h) for h in hits[: self.LIMIT]]

        self._generation += 1
        generation = self._generation
        self._job = self.runner.start(
            work,
            on_finished=lambda result: self._on_found(generation, result),
            on_failed=lambda exc: self._on_failed(generation, exc),
        )

    def _on_found(self, generation: int, result: tuple[list[Hit], list[str]]) -> None:
        if generation != self._generation or self._job is None:
            return
        self._job = None
        hits, lines = result
        n, shown = len(hits), len(lines)

        def text() -> str:
            if not hits:
                return self.tr("No hits")
            if n > shown:
                some = plural(self.tr("%n hit(s) (the first %1 listed)", "", n), n)
                return arg(some, format_number(shown)).replace(str(n), format_number(n), 1)
            return plural(self.tr("%n hit(s)", "", n), n).replace(str(n), format_number(n), 1)

        self._show(hits, lines, text)
        self.results_ready.emit()

    def _on_failed(self, generation: int, exc: Exception) -> None:
        if generation != self._generation or self._job is None:
            return
        self._job = None
        if isinstance(exc, SearchTimeout):  # the find bar says so too: not an error to log
            self._show([], [], lambda: too_slow(exc.budget))
        else:
            log.error("hit list search failed: %s", exc)
            self._show([], [], lambda: error_text(exc))
        self.results_ready.emit()

    def _show(self, hits: list[Hit], lines: list[str], summary: Callable[[], str]) -> None:
        self._hits = hits
        self.model.setStringList(lines)
        self._summary = summary
        self.summary.setText(summary())
        if self.only.isChecked():
            self._emit_filter()

    # -- output ----------------------------------------------------------------------------

    def _emit_filter(self) -> None:
        if self.only.isChecked() and self._options is not None:
            self.filter_changed.emit(frozenset(h.paragraph for h in self._hits))
        else:
            self.filter_changed.emit(None)

    def _on_only_toggled(self, on: bool) -> None:
        if on and self._stale:
            self.refresh()  # its result emits the filter
        else:
            self._emit_filter()

    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid() and index.row() < len(self._hits):
            self.hit_activated.emit(self._hits[index.row()])

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()
