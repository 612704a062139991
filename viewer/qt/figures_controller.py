"""The figures panel against the active document: its analysis in, clicks out.

The panel is built when the first analysis arrives (or when its dock is focused), never
before the first paint. A clicked figure scrolls the view and becomes the document's
figure highlight; the panel's "only these paragraphs" narrows the document.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QDockWidget

from viewer.qt.document import Only
from viewer.qt.error_text import error_text
from viewer.qt.labels import arg
from viewer.qt.widgets.figure_filters import (
    NO_FILTERS,
    FigureFilters,
    apply_filters,
    read_filters,
)

if TYPE_CHECKING:
    from viewer.qt.document_view import DocumentView
    from viewer.qt.widgets.metrics_panel import MetricsPanel


class FiguresController(QObject):
    """Signals: ``panel_built(MetricsPanel)``, ``message(str)`` for the status bar,
    ``analysis_finished(DocumentView)`` when a document's figures are in."""

    panel_built = Signal(object)
    message = Signal(str)
    analysis_finished = Signal(object)

    def __init__(
        self,
        dock: QDockWidget,
        install: Callable[[QDockWidget, Any, Any], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._dock = dock
        self._install = install
        self._panel: MetricsPanel | None = None
        self._view: DocumentView | None = None
        self._filters: dict[DocumentView, FigureFilters] = {}  # each tab keeps its own

    @property
    def panel(self) -> MetricsPanel:
        """The figures and statistics panel, built on first use."""
        if self._panel is None:
            from viewer.qt.widgets.metrics_panel import MetricsPanel

            panel = MetricsPanel()
            panel.figure_activated.connect(self._on_figure_activated)
            panel.paragraph_activated.connect(self._on_paragraph_activated)
            panel.paragraph_filter_changed.connect(self._on_paragraph_filter)
            panel.highlights_requested.connect(self._on_highlights)
            self._panel = panel
            self._install(self._dock, panel, panel.figure_view)
            self._show()
            self.panel_built.emit(panel)
        return self._panel

    def has_panel(self) -> bool:
        return self._panel is not None

    def watch(self, view: DocumentView) -> None:
        """Follow ``view``'s document's analysis from now on (called once per tab)."""
        doc = view.document
        doc.analysed.connect(lambda _a: self._on_analysed(view))
        doc.analysis_failed.connect(lambda exc: self._on_failed(view, exc))
        doc.closed.connect(lambda: self._filters.pop(view, None))

    def set_view(self, view: DocumentView | None) -> None:
        self._keep_filters()
        self._view = view
        if self._panel is not None:
            self._show()

    def _keep_filters(self) -> None:
        panel, view = self._panel, self._view
        if panel is None or view is None or panel.analysis is None:
            return
        if not view.document.is_closed:  # a closed tab's filters go with it
            self._filters[view] = read_filters(panel)

    def _show(self) -> None:
        assert self._panel is not None
        view = self._view
        self._panel.set_analysis(view.transcript if view else None, view.analysis if view else None)
        if view is not None:  # a tab seen for the first time starts with no filter
            apply_filters(self._panel, self._filters.get(view, NO_FILTERS))

    def _on_analysed(self, view: DocumentView) -> None:
        if view is self._view:
            if self._panel is None:
                _ = self.panel  # built now, showing this analysis
            else:
                self._keep_filters()
                self._show()
        self.analysis_finished.emit(view)

    def _on_failed(self, view: DocumentView, exc: Exception) -> None:
        self.message.emit(
            arg(
                QCoreApplication.translate(
                    "FiguresController", "Could not find the figures of %1: %2"
                ),
                view.path.name,
                error_text(exc),
            )
        )
        _ = self.panel  # an empty panel rather than the "analysing" notice

    def _on_figure_activated(self, paragraph: int, en: Any, zh: Any) -> None:
        view = self._view
        if view is None:
            return
        from viewer.qt.widgets.metrics_panel import figure_highlights

        if not view.go_to_paragraph(paragraph):
            self.message.emit(
                QCoreApplication.translate(
                    "FiguresController", "That figure's paragraph is hidden by the current filters"
                )
            )
        view.document.set_extra_highlights(figure_highlights(paragraph, en, zh))

    def _on_paragraph_activated(self, paragraph: int) -> None:
        if self._view is not None:
            self._view.go_to_paragraph(paragraph)

    def _on_highlights(self, marks: dict[int, Any]) -> None:
        if self._view is not None:
            self._view.document.set_extra_highlights(marks)

    def _on_paragraph_filter(self, paragraphs: frozenset[int] | None) -> None:
        if self._view is not None:
            self._view.document.set_only(Only.FIGURES, paragraphs)
