"""One open transcript: its models, its summary and its reading pane, with its own state."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from viewer.core.models import Transcript
from viewer.qt.models.paragraph_table_model import Highlight, ParagraphTableModel
from viewer.qt.models.speaker_tree_model import SpeakerTreeModel
from viewer.qt.proxies.paragraph_filter_proxy import ParagraphFilterProxyModel
from viewer.qt.widgets.reading_pane import ReadingPane
from viewer.qt.widgets.summary_panel import SummaryPanel

if TYPE_CHECKING:
    from viewer.core.search import SearchIndex
    from viewer.core.speaker_groups import SpeakerGroups


class DocumentView(QWidget):
    filters_changed = Signal()

    def __init__(
        self,
        transcript: Transcript,
        path: Path,
        parent: Any = None,
        groups: SpeakerGroups | None = None,
    ) -> None:
        super().__init__(parent)
        self.transcript = transcript
        self.path = path
        # Highlights other features keep on (a clicked figure), merged with search hits.
        self.extra_highlights: dict[int, list[Highlight]] = {}
        self.search_index: SearchIndex | None = None  # built in a worker after the first paint
        self.analysis: Any = None  # viewer.core.metrics.Analysis once the worker is done
        self.jobs: list[Any] = []  # its index and figures jobs, cancelled when it closes
        # "Only these paragraphs" filters from several features (search hits, figures):
        # the pane shows their intersection.
        self._only: dict[str, frozenset[int]] = {}
        self.paragraph_model = ParagraphTableModel(transcript, self)
        self.proxy = ParagraphFilterProxyModel(self)
        self.proxy.setSourceModel(self.paragraph_model)
        self.speaker_model = SpeakerTreeModel(transcript, self, groups)
        self.speaker_model.hidden_speakers_changed.connect(self._on_hidden_speakers_changed)
        self.summary = SummaryPanel(transcript.summary, self)
        self.pane = ReadingPane(self)
        self.pane.setModel(self.proxy)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addWidget(self.summary)
        lay.addWidget(self.pane, 1)
        self.setFocusProxy(self.pane)

    @property
    def title(self) -> str:
        m = self.transcript.meta
        return m.call_label if m.ticker or m.company else self.path.name

    def _on_hidden_speakers_changed(self, hidden: frozenset[str]) -> None:
        self.proxy.set_filters(hidden_speakers=hidden)
        self.filters_changed.emit()

    def set_hidden_sections(self, hidden: frozenset[str]) -> None:
        self.proxy.set_filters(hidden_sections=hidden)
        self.filters_changed.emit()

    def set_only_paragraphs_from(self, source: str, only: frozenset[int] | None) -> None:
        if only is None:
            self._only.pop(source, None)
        else:
            self._only[source] = frozenset(only)
        sets = list(self._only.values())
        combined = frozenset.intersection(*sets) if sets else None
        self.proxy.set_filters(only_paragraphs=combined)
        self.filters_changed.emit()
