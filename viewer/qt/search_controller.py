"""Search against the active document: the find bar, the hit list and the highlights.

The find bar and the hit list only know a transcript and its index; this controller gives
them the active document's, follows its index, filters and scrolling, paints the hits of
the rows on screen and narrows the pane to the matching paragraphs when asked (on every tab
it narrowed, that ends when the bar closes).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDockWidget, QLineEdit, QPlainTextEdit, QTextEdit

from viewer.qt.document import Document, Only
from viewer.qt.widgets.find_bar import FindBar

if TYPE_CHECKING:
    from viewer.qt.document_view import DocumentView
    from viewer.qt.widgets.hit_list import HitList

PARAGRAPH_SEPARATOR = "\u2029"  # what QTextCursor.selectedText() puts between paragraphs


def selected_text() -> str | None:
    """The text selected in the focused text widget (one line at most), for Ctrl+F."""
    focus = QApplication.focusWidget()
    if isinstance(focus, QLineEdit):
        text = focus.selectedText()
    elif isinstance(focus, QPlainTextEdit | QTextEdit):
        text = focus.textCursor().selectedText()
    else:
        return None
    if not text or PARAGRAPH_SEPARATOR in text or "\n" in text:
        return None
    return str(text)


class SearchController(QObject):
    """Signals: ``hit_list_built(HitList)`` when the list is first needed (a dock shows it)."""

    hit_list_built = Signal(object)

    def __init__(
        self,
        find_bar: FindBar,
        hits_dock: QDockWidget,
        install: Callable[[QDockWidget, Any, Any], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.find_bar = find_bar
        self._dock = hits_dock
        self._install = install
        self._hit_list: HitList | None = None
        self._view: DocumentView | None = None
        self._links: list[tuple[Any, Any]] = []  # (signal, slot) on the active document
        self._narrowed: dict[int, Document] = {}  # documents the hit list narrowed
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self.refresh_highlights)
        find_bar.anchor = self._anchor
        find_bar.selection_text = selected_text
        find_bar.search_changed.connect(self._on_search_changed)
        find_bar.current_changed.connect(self._on_current_changed)
        find_bar.results_ready.connect(self._timer.start)

    # -- the hit list (built on first use: not needed for the first paint) -------------------

    @property
    def hit_list(self) -> HitList:
        if self._hit_list is None:
            from viewer.qt.widgets.hit_list import HitList

            hits = HitList()
            hits.hit_activated.connect(self.find_bar.set_current)
            hits.filter_changed.connect(self._on_hit_filter)
            self._hit_list = hits
            self._install(self._dock, hits, hits.view)
            view, options = self._view, self.find_bar.options()
            if view is not None and options is not None:
                hits.set_search(view.transcript, self.find_bar.index, options)
            self.hit_list_built.emit(hits)
        return self._hit_list

    def has_hit_list(self) -> bool:
        return self._hit_list is not None

    # -- the active document -----------------------------------------------------------------

    def set_view(self, view: DocumentView | None) -> None:
        """Search ``view``'s document from now on (``None``: no tab is open)."""
        if view is self._view:
            return
        for signal, slot in self._links:
            signal.disconnect(slot)
        self._links = []
        self._view = view
        if view is None:
            self.find_bar.set_document(None)
        else:
            doc = view.document
            self._links = [
                (doc.indexed, self._on_indexed),
                (doc.filters_changed, self._on_filters_changed),
                (doc.highlights_changed, self.refresh_highlights),
                (view.pane.verticalScrollBar().valueChanged, self._timer.start),
            ]
            for signal, slot in self._links:
                signal.connect(slot)
            # No index yet: the bar says "Indexing…" until the document's worker ends.
            self.find_bar.set_document(doc.transcript, doc.search_index)
            self._on_filters_changed()
        if self._hit_list is not None or self.find_bar.options() is not None:
            self._on_search_changed(self.find_bar.options())
        self._timer.start()

    def _anchor(self) -> int:
        return self._view.reading_position() if self._view is not None else 0

    def _on_indexed(self, index: Any) -> None:
        if self._view is not None:
            self.find_bar.set_document(self._view.transcript, index)  # reruns a waiting query

    def _on_filters_changed(self) -> None:
        view = self._view
        if view is not None:
            doc = view.document
            self.find_bar.set_shown_paragraphs(
                view.visible_paragraphs() if doc.is_filtered() else None
            )
        self._timer.start()

    # -- search results ----------------------------------------------------------------------

    def _on_search_changed(self, options: Any) -> None:
        view = self._view
        if self._hit_list is not None or options is not None:
            self.hit_list.set_search(
                view.transcript if view else None, self.find_bar.index, options
            )
        if options is None and not self.find_bar.isVisible():
            self._end_narrowing()  # the search is closed: every tab shows everything again
        self._timer.start()

    def _on_current_changed(self, hit: Any) -> None:
        if self._view is not None and hit is not None:
            self._view.go_to_paragraph(hit.paragraph, select=False)
        self.refresh_highlights()

    def _on_hit_filter(self, paragraphs: frozenset[int] | None) -> None:
        view = self._view
        if view is None:
            return
        doc = view.document
        doc.set_only(Only.HITS, paragraphs)
        key = id(doc)
        if paragraphs is not None and key not in self._narrowed:
            self._narrowed[key] = doc
            doc.closed.connect(lambda: self._narrowed.pop(key, None))

    def _end_narrowing(self) -> None:
        narrowed, self._narrowed = self._narrowed, {}
        for doc in narrowed.values():
            if not doc.is_closed:
                doc.set_only(Only.HITS, None)

    def refresh_highlights(self) -> None:
        """Search hits on the rows shown (plus any figure highlight); the model repaints
        only rows whose highlights changed."""
        view = self._view
        if view is None:
            return
        bar = self.find_bar
        highlights = (
            bar.highlights_for(view.paragraphs_on_screen()) if bar.options() is not None else {}
        )
        for p, spans in view.document.extra_highlights.items():
            highlights[p] = [*highlights.get(p, []), *spans]
        view.paragraph_model.set_highlights(highlights)
