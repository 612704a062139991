"""The tab of one :class:`~viewer.qt.document.Document`: its summary and its reading pane,
with navigation, selection and copy over them."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QMimeData, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from viewer.core.models import Transcript
from viewer.core.navigation import first_turn_of_speaker, step_turn
from viewer.core.quote import quote_text, quote_tsv
from viewer.qt.document import Document
from viewer.qt.models.paragraph_table_model import ParagraphTableModel
from viewer.qt.models.roles import Roles
from viewer.qt.models.speaker_tree_model import SpeakerTreeModel
from viewer.qt.proxies.paragraph_filter_proxy import ParagraphFilterProxyModel
from viewer.qt.widgets.reading_pane import ReadingPane
from viewer.qt.widgets.summary_panel import SummaryPanel
from viewer.reading_mode import Mode

if TYPE_CHECKING:
    from viewer.core.metrics_models import Analysis
    from viewer.core.search import SearchIndex

LANGUAGES = {Mode.EN: ("en",), Mode.ZH: ("zh",)}  # copied languages by mode; else both


class DocumentView(QWidget):
    """Shows ``document``; it owns the document (deleted with the view)."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        document.setParent(self)
        self.summary = SummaryPanel(document.transcript.summary, self)
        self.pane = ReadingPane(self)
        self.pane.setModel(document.proxy)
        self.pane.set_timed(document.transcript.has_times)
        # Said in place of empty Chinese columns when the call has no translation.
        self.notice = QLabel(self)
        self.notice.setObjectName("noTranslationNotice")
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.setWordWrap(True)
        self.notice.setContentsMargins(8, 4, 8, 4)
        self.notice.hide()
        self._mode = Mode.SIDE_BY_SIDE  # the window's chosen mode (the pane may show less)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addWidget(self.summary)
        lay.addWidget(self.notice)
        lay.addWidget(self.pane, 1)
        self.setFocusProxy(self.pane)
        self._fit_timer = QTimer(self, singleShot=True, interval=0)
        self._fit_timer.timeout.connect(self._fit_summary)

    # The document's state, read through the view (tests and callers holding the tab).

    @property
    def transcript(self) -> Transcript:
        return self.document.transcript

    @property
    def path(self) -> Path:
        return self.document.path

    @property
    def title(self) -> str:
        return self.document.title

    @property
    def paragraph_model(self) -> ParagraphTableModel:
        return self.document.paragraph_model

    @property
    def proxy(self) -> ParagraphFilterProxyModel:
        return self.document.proxy

    @property
    def speaker_model(self) -> SpeakerTreeModel:
        return self.document.speaker_model

    @property
    def search_index(self) -> SearchIndex | None:
        return self.document.search_index

    @property
    def analysis(self) -> Analysis | None:
        return self.document.analysis

    # -- where the reader is ---------------------------------------------------------------

    def visible_paragraphs(self) -> list[int]:
        """Every paragraph the filters let through, in order."""
        return self.pane.visible_paragraphs()

    def selected_paragraphs(self) -> list[int]:
        return self.pane.selected_paragraphs()

    def paragraphs_on_screen(self) -> list[int]:
        pane = self.pane
        first = pane.rowAt(0)
        if first < 0:
            return []
        last = pane.rowAt(pane.viewport().height() - 1)
        model = pane.model()
        if last < 0:
            last = model.rowCount() - 1
        out = []
        for row in range(first, last + 1):
            p = model.index(row, 0).data(Roles.PARAGRAPH)
            if p is not None and p >= 0:
                out.append(int(p))
        return out

    def reading_position(self) -> int:
        """Where a search starts: the first selected paragraph, else the first on screen."""
        selected = self.pane.selected_paragraphs()
        if selected:
            return selected[0]
        shown = self.paragraphs_on_screen()
        return shown[0] if shown else 0

    def current_turn(self) -> int:
        return self.pane.current_turn()

    # -- moving ----------------------------------------------------------------------------

    def go_to_paragraph(self, paragraph: int, select: bool = True) -> bool:
        """Scroll to ``paragraph`` (and select it); False if the filters hide it."""
        return self.pane.go_to_paragraph(paragraph, select)

    def go_to_turn(self, turn: int) -> bool:
        return self.pane.go_to_turn(turn)

    def go_to_speaker(self, speaker_id: str, after_current: bool = False) -> bool:
        """Go to the speaker's first turn (after the current one, wrapping, if asked)."""
        after = self.pane.current_turn() if after_current else -1
        turn = first_turn_of_speaker(self.transcript, speaker_id, after)
        return turn is not None and self.pane.go_to_turn(turn)

    def step_turn(self, forward: bool, questions: bool = False) -> bool:
        """Go to the next or previous shown turn (or analyst question); False at the end."""
        t = self.transcript
        allowed = {t.turn_of_paragraph[p] for p in self.visible_paragraphs()}
        target = step_turn(
            t, self.pane.current_turn(), forward, questions_only=questions, allowed=allowed
        )
        return target is not None and self.pane.go_to_turn(target)

    # -- copying ---------------------------------------------------------------------------

    def copy_selection(self) -> int:
        """Copy the selected paragraphs with attribution (text and TSV); return how many."""
        paragraphs = self.pane.selected_paragraphs()
        if not paragraphs:
            return 0
        langs = LANGUAGES.get(self.pane.mode, ("en", "zh"))
        mime = QMimeData()
        mime.setText(quote_text(self.transcript, paragraphs, langs))
        tsv = quote_tsv(self.transcript, paragraphs)
        mime.setData("text/tab-separated-values", tsv.encode("utf-8"))
        QGuiApplication.clipboard().setMimeData(mime)
        return len(paragraphs)

    def set_mode(self, mode: Mode) -> None:
        """Show ``mode``; a call without a translation stays in English and says why."""
        self._mode = Mode(mode)
        has_zh = self.document.transcript.has_translation
        self.pane.set_mode(self._mode if has_zh else Mode.EN)
        self.notice.setVisible(not has_zh and self._mode != Mode.EN)
        self._retranslate()

    def _retranslate(self) -> None:
        self.notice.setText(
            QCoreApplication.translate(
                "DocumentView",
                "This call has no Chinese translation: it is shown in English only.",
            )
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._fit_timer.start()
        super().resizeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        self._fit_timer.start()
        super().showEvent(event)

    def _fit_summary(self) -> None:
        # A short window: the summary starts as one line, the pane keeps the height. Once
        # the window's layout has settled: a new tab first gets a passing, smaller size.
        if self.isVisible():
            self.summary.fit_height(self.height(), self.window().height())

    def apply_look(self, mode: Mode, zoom: float, zh_families: list[str]) -> None:
        """The window's reading preferences, applied before the first paint."""
        self.set_mode(mode)
        self.pane.set_zoom(zoom)
        self.pane.set_zh_families(zh_families)
