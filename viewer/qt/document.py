"""One open transcript and everything known about it, without any widget.

A :class:`Document` owns its models, its filters, its highlights and its background work
(the search index, then the figures), and says through signals when any of them change.
Views and controllers listen; nobody writes its state from outside.
"""

from __future__ import annotations

import logging
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from viewer.core.models import Transcript
from viewer.qt import i18n, labels
from viewer.qt.models.paragraph_table_model import Highlight, ParagraphTableModel
from viewer.qt.models.speaker_tree_model import SpeakerTreeModel
from viewer.qt.proxies.paragraph_filter_proxy import ParagraphFilterProxyModel
from viewer.qt.workers import JobRunner, import_in_turns, report_unexpected

if TYPE_CHECKING:
    from viewer.core.metrics_models import Analysis, Figure
    from viewer.core.search import SearchIndex
    from viewer.core.speaker_groups import SpeakerGroups

log = logging.getLogger(__name__)

ANALYSIS_MODULES = (
    "viewer.core.figures.numbers",
    "viewer.core.metrics_models",
    "viewer.core.crosscheck",
    "viewer.core.export",
    "viewer.core.export.figures",
    "viewer.core.figures.script",
    "viewer.core.figures.periods",
    "viewer.core.figures.guidance",
    "viewer.core.figures.tokens",
    "viewer.core.figures.ranges",
    "viewer.core.figures.lexicon",
    "viewer.core.figures.classify",
    "viewer.core.figures.pipeline",
    "viewer.core.name_render",
    "viewer.core.metrics",
)
"""What the analysis job imports, dependencies first, so each step loads one module (or one
small package): see :func:`viewer.qt.workers.import_in_turns`."""


class Only(Enum):
    """Features that can narrow the pane to "only these paragraphs" (their sets intersect)."""

    HITS = "hits"
    FIGURES = "figures"


class Document(QObject):
    """Signals: ``indexed(SearchIndex)``, ``analysed(Analysis)``, ``analysis_failed(exc)``,
    ``filters_changed()`` (speakers, sections or an "only" set changed),
    ``highlights_changed()`` (the figure highlight changed), ``closed()``."""

    indexed = Signal(object)
    analysed = Signal(object)
    analysis_failed = Signal(object)
    filters_changed = Signal()
    highlights_changed = Signal()
    closed = Signal()

    def __init__(
        self,
        transcript: Transcript,
        path: Path,
        groups: SpeakerGroups | None = None,
        index: SearchIndex | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.transcript = transcript
        self.path = path
        self.search_index: SearchIndex | None = index  # built in a worker when None
        self.analysis: Analysis | None = None  # figures, once the worker is done
        self.is_closed = False
        self.unsaved_text: str | None = None  # a pasted call's text until it is saved
        # Highlights other features keep on (a clicked figure), merged with search hits.
        self.extra_highlights: dict[int, list[Highlight]] = {}
        self._only: dict[Only, frozenset[int]] = {}
        self._runner = JobRunner(self)
        self._started = False
        self.paragraph_model = ParagraphTableModel(transcript, self)
        self.proxy = ParagraphFilterProxyModel(self)
        self.proxy.setSourceModel(self.paragraph_model)
        self.speaker_model = SpeakerTreeModel(transcript, self, groups)
        self.speaker_model.hidden_speakers_changed.connect(self._on_hidden_speakers_changed)
        i18n.notifier().changed.connect(self._set_badges)

    @property
    def title(self) -> str:
        """The tab's title: the call's label, or the file name when the file has no meta."""
        m = self.transcript.meta
        return m.call_label if m.ticker or m.company else self.path.name

    # -- background work -------------------------------------------------------------------

    def start_background_work(self) -> None:
        """The search index (if none was given), then the figures: one after the other, so
        the index (which search waits for) never shares the GIL with the analysis."""
        if self._started or self.is_closed:
            return
        self._started = True
        if self.search_index is None:
            self._index()
        else:
            self._analyse()

    def _index(self) -> None:
        from viewer.core.search import SearchIndex

        transcript = self.transcript
        self._runner.start(
            lambda token, progress: SearchIndex(transcript, cancel=token),
            on_finished=self._on_indexed,
            on_failed=self._on_index_failed,
        )

    def _on_indexed(self, index: SearchIndex) -> None:
        if self.is_closed:
            return
        self.search_index = index
        self.indexed.emit(index)
        self._analyse()

    def _on_index_failed(self, exc: Exception) -> None:
        report_unexpected(exc)
        if not self.is_closed:
            self._analyse()  # the figures do not need the index

    def _analyse(self) -> None:
        transcript = self.transcript

        def work(token: Any, progress: Any) -> Analysis:
            import_in_turns(ANALYSIS_MODULES, token)  # off the GUI thread, in turns
            from viewer.core.metrics import analyse

            return analyse(transcript, cancel=token)

        self._runner.start(work, on_finished=self._on_analysed, on_failed=self._on_failed)

    def _on_analysed(self, analysis: Analysis) -> None:
        if self.is_closed:
            return
        self.analysis = analysis
        self._set_badges()
        self.analysed.emit(analysis)

    def _set_badges(self) -> None:
        """Badge tool tips in the interface language (again after a language switch)."""
        from viewer.core.metrics import paragraph_badges

        if self.analysis is None or self.is_closed:
            return

        def figure_text(f: Figure) -> str:
            en, zh = (f.en.text if f.en else None), (f.zh.text if f.zh else None)
            return labels.figure_tooltip(en, zh, f.check.value)

        badges = paragraph_badges(self.analysis, figure_text, labels.name_badge)
        self.paragraph_model.set_badges(badges)

    def _on_failed(self, exc: Exception) -> None:
        log.error("analysing %s failed: %s", self.path, exc)
        report_unexpected(exc)
        if not self.is_closed:
            self.analysis_failed.emit(exc)

    def close(self) -> None:
        """Stop the background work and drop its outcomes; the owner deletes the object."""
        if self.is_closed:
            return
        self.is_closed = True
        self._runner.cancel_all()
        self.closed.emit()

    # -- filters and highlights ------------------------------------------------------------

    def _on_hidden_speakers_changed(self, hidden: frozenset[str]) -> None:
        self.proxy.set_filters(hidden_speakers=hidden)
        self.filters_changed.emit()

    def set_hidden_sections(self, hidden: frozenset[str]) -> None:
        self.proxy.set_filters(hidden_sections=hidden)
        self.filters_changed.emit()

    def set_only(self, source: Only, paragraphs: frozenset[int] | None) -> None:
        """Narrow the pane to ``paragraphs`` for ``source`` (``None``: that source stops)."""
        if paragraphs is None:
            if self._only.pop(source, None) is None:
                return
        else:
            self._only[source] = frozenset(paragraphs)
        sets = list(self._only.values())
        combined = frozenset.intersection(*sets) if sets else None
        self.proxy.set_filters(only_paragraphs=combined)
        self.filters_changed.emit()

    def is_filtered(self) -> bool:
        return bool(self.proxy.is_filtered())

    def set_extra_highlights(self, highlights: dict[int, list[Highlight]]) -> None:
        """Highlights kept on besides the search's (a clicked figure's numbers)."""
        self.extra_highlights = highlights
        self.highlights_changed.emit()
