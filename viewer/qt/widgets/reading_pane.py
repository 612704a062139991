"""The bilingual reading pane: a one-column table whose row heights follow the width
(``RowSizer``), with navigation and selection by paragraph and turn."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QItemSelection, QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QPaintEvent,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableView,
)

from viewer.qt.delegates.paragraph_delegate import ParagraphDelegate
from viewer.qt.delegates.paragraph_layout import Metrics, Mode
from viewer.qt.models.paragraph_table_model import ParagraphTableModel
from viewer.qt.models.roles import Roles, RowKind
from viewer.qt.proxies.paragraph_filter_proxy import ParagraphFilterProxyModel
from viewer.qt.widgets.row_sizer import RowSizer
from viewer.qt.widgets.sticky_header import StickyHeader
from viewer.qt.widgets.viewport import load_widget_types, python_viewport

if TYPE_CHECKING:
    from viewer.qt.widgets.text_picker import TextPicker

BASE_POINT_SIZE = 11.0
ZOOM_STEPS = (0.7, 0.8, 0.9, 1.0, 1.1, 1.25, 1.4, 1.6, 1.8, 2.0, 2.4)


class ReadingPane(QTableView):
    """Shows a ``ParagraphFilterProxyModel`` over a ``ParagraphTableModel``."""

    paragraph_selection_changed = Signal()
    moved = Signal(int)  # a jump (Ctrl+G, F3, a hit, a figure) to a row of this turn
    zoom_changed = Signal(float)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setViewport(python_viewport())
        self._delegate = ParagraphDelegate(self)
        self.setItemDelegate(self._delegate)
        self.setObjectName("readingPane")
        self.setAccessibleName(self.tr("Reading pane"))
        self.horizontalHeader().hide()
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setMinimumSectionSize(8)
        self.setShowGrid(False)
        self.setWordWrap(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Always on: a scroll bar that appears once the rows are sized would narrow the
        # viewport and make every height wrong again (calls are always longer than a screen).
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setTabKeyNavigation(False)
        self.setMouseTracking(True)
        self._zoom = 1.0
        self._painted = False
        self._base_font = QFont(self.font())
        self._zh_families: list[str] = []
        self._timed = False  # the call has paragraph times: the gutter shows them
        self.sizer = RowSizer(self, self)
        self.verticalScrollBar().valueChanged.connect(self.sizer.refine_timer.start)
        self._update_metrics()
        self.sticky = StickyHeader(self)  # the speaker of the top paragraph
        self._picker: TextPicker | None = None  # double-click: select words of a paragraph

    # -- model -----------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.setAccessibleName(self.tr("Reading pane"))
        super().changeEvent(event)

    def proxy(self) -> ParagraphFilterProxyModel | None:
        model = self.model()
        return model if isinstance(model, ParagraphFilterProxyModel) else None

    def source(self) -> ParagraphTableModel | None:
        proxy = self.proxy()
        return proxy.source() if proxy is not None else None

    def setModel(self, model: Any) -> None:
        old = self.model()
        if old is not None:
            old.layoutChanged.disconnect(self._on_model_layout_changed)
            old.rowsInserted.disconnect(self._on_model_layout_changed)
            old.rowsRemoved.disconnect(self._on_model_layout_changed)
            old.modelReset.disconnect(self._on_model_layout_changed)
        super().setModel(model)
        if model is not None:
            model.layoutChanged.connect(self._on_model_layout_changed)
            model.rowsInserted.connect(self._on_model_layout_changed)
            model.rowsRemoved.connect(self._on_model_layout_changed)
            model.modelReset.connect(self._on_model_layout_changed)
            self.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.sizer.model_changed()
        self.sizer.relayout()

    def _on_model_layout_changed(self, *args: Any) -> None:
        self.sizer.rows_changed()

    def _on_selection_changed(self, *args: Any) -> None:
        self.paragraph_selection_changed.emit()

    # -- appearance ------------------------------------------------------------------------

    @property
    def mode(self) -> Mode:
        return self._delegate.mode

    def set_mode(self, mode: Mode) -> None:
        if mode == self._delegate.mode:
            return
        anchor = self.top_source_row()
        self._delegate.mode = Mode(mode)
        self.sizer.relayout()
        self.scroll_to_source_row(anchor)

    @property
    def zoom(self) -> float:
        return self._zoom

    def set_zoom(self, zoom: float) -> None:
        zoom = min(max(zoom, ZOOM_STEPS[0]), ZOOM_STEPS[-1])
        if abs(zoom - self._zoom) < 1e-6:
            return
        anchor = self.top_source_row()
        self._zoom = zoom
        self._update_metrics()
        self.sizer.invalidate()
        self.sizer.relayout()
        self.scroll_to_source_row(anchor)
        self.zoom_changed.emit(zoom)

    def zoom_in(self) -> None:
        self.set_zoom(next((z for z in ZOOM_STEPS if z > self._zoom + 1e-6), ZOOM_STEPS[-1]))

    def zoom_out(self) -> None:
        self.set_zoom(
            next((z for z in reversed(ZOOM_STEPS) if z < self._zoom - 1e-6), ZOOM_STEPS[0])
        )

    def set_timed(self, timed: bool) -> None:
        """Show each paragraph's time in the call in the gutter (calls that have times)."""
        if timed == self._timed:
            return
        self._timed = timed
        self._update_metrics()
        self.sizer.invalidate()
        self.sizer.relayout()

    def set_zh_families(self, families: list[str]) -> None:
        """Font families tried first for Chinese (Traditional forms first)."""
        self._zh_families = families
        self._update_metrics()
        self.sizer.invalidate()
        self.sizer.relayout()

    def metrics(self) -> Metrics:
        assert self._delegate.metrics is not None
        return self._delegate.metrics

    def _update_metrics(self) -> None:
        font = QFont(self._base_font)
        font.setPointSizeF(BASE_POINT_SIZE * self._zoom)
        zh = QFont(font)
        if self._zh_families:
            zh.setFamilies([*self._zh_families, *font.families()])
        self._delegate.metrics = Metrics.for_font(font, zh, self._timed)
        fm, zfm = QFontMetricsF(font), QFontMetricsF(zh)
        self._char_widths = (fm.averageCharWidth(), zfm.horizontalAdvance("國"))

    def char_widths(self) -> tuple[float, float]:
        """Average Latin and Han character widths, for height estimates."""
        return self._char_widths

    # -- row heights (RowSizer) ---------------------------------------------------------------

    def relayout(self) -> None:
        self.sizer.relayout()

    def settle(self) -> None:
        """Finish any pending layout now (screenshots, tests, benchmarks)."""
        self.sizer.settle()

    def is_sizing(self) -> bool:
        return self.sizer.is_sizing()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self.isVisible():
            return
        if not self._painted:
            self.sizer.dirty = True  # sized once, at the first paint's size (paintEvent)
        elif self.sizer.dirty:
            self.sizer.relayout()
            self.sizer.refine_visible()
        elif event.oldSize().width() != event.size().width():
            self.sizer.relayout_timer.start()  # the user is resizing: wait until it pauses
        elif event.size().height() > event.oldSize().height():
            self.sizer.refine_visible()  # taller: rows coming into view get their exact height

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.sizer.dirty and self._painted:
            self.sizer.relayout()

    @property
    def picker(self) -> TextPicker:
        """The editor a double-click opens over a paragraph's text (built on first use)."""
        if self._picker is None:
            from viewer.qt.widgets.text_picker import TextPicker

            self._picker = TextPicker(self)
        return self._picker

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        if not self.picker.open_at(self.indexAt(pos), pos):
            super().mouseDoubleClickEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._painted:
            self._painted = True
            # The layout passed through other sizes on its way here (a new tab: 248, then 358
            # px wide): the rows are sized once, for this paint, which reads the new heights.
            self.sizer.relayout()
            self.sizer.refine_visible()
            self.sizer.first_paint()
            QTimer.singleShot(0, load_widget_types)  # once this first paint is on screen
        super().paintEvent(event)

    # -- navigation ------------------------------------------------------------------------

    def top_source_row(self) -> int:
        """The source row at the top of the viewport (-1: none)."""
        proxy = self.proxy()
        row = self.rowAt(0)
        if proxy is None or row < 0:
            return -1
        return proxy.mapToSource(proxy.index(row, 0)).row()

    def scroll_to_source_row(self, src_row: int) -> None:
        proxy = self.proxy()
        if proxy is None or src_row < 0:
            return
        source = self.source()
        assert source is not None
        idx = proxy.mapFromSource(source.index(src_row, 0))
        if idx.isValid():
            self.scrollTo(idx, QAbstractItemView.ScrollHint.PositionAtTop)
            self.sizer.refine_visible()

    def proxy_row_of_paragraph(self, paragraph: int) -> int:
        proxy, source = self.proxy(), self.source()
        if proxy is None or source is None:
            return -1
        return proxy.mapFromSource(source.index(source.row_of_paragraph(paragraph), 0)).row()

    def go_to_paragraph(self, paragraph: int, select: bool = True) -> bool:
        """Scroll to a paragraph (and select it); False if it is filtered out."""
        row = self.proxy_row_of_paragraph(paragraph)
        if row < 0:
            return False
        self._go_to_rows(row, row, select)
        return True

    def go_to_turn(self, turn: int, select: bool = True) -> bool:
        """Scroll to a turn's header and select the whole turn."""
        proxy, source = self.proxy(), self.source()
        if proxy is None or source is None:
            return False
        first = proxy.mapFromSource(source.index(source.row_of_turn(turn), 0)).row()
        if first < 0:
            return False
        last = first
        while (
            last + 1 < proxy.rowCount()
            and proxy.index(last + 1, 0).data(Roles.TURN) == turn
            and proxy.index(last + 1, 0).data(Roles.ROW_KIND) == RowKind.PARAGRAPH
        ):
            last += 1
        self._go_to_rows(first, last, select)
        return True

    def _go_to_rows(self, first: int, last: int, select: bool) -> None:
        proxy = self.proxy()
        assert proxy is not None
        idx = proxy.index(first, 0)
        # If rows are still being sized, come back here (not to the old anchor) at the end.
        self.sizer.anchor = proxy.mapToSource(idx).row()
        self.scrollTo(idx, QAbstractItemView.ScrollHint.PositionAtTop)
        self.sizer.refine_visible()
        self.scrollTo(idx, QAbstractItemView.ScrollHint.PositionAtTop)
        self.sticky.make_room(idx.data(Roles.ROW_KIND))
        self.moved.emit(int(idx.data(Roles.TURN)))
        if select:
            # Current first: listeners of selectionChanged ask for the current turn.
            self.selectionModel().setCurrentIndex(idx, QItemSelectionModel.SelectionFlag.NoUpdate)
            sel = QItemSelection(idx, proxy.index(last, 0))
            self.selectionModel().select(
                sel,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )

    def current_turn(self) -> int:
        idx = self.currentIndex()
        if not idx.isValid():
            idx = self.indexAt(self.viewport().rect().topLeft())
        return int(idx.data(Roles.TURN)) if idx.isValid() else -1

    def selected_paragraphs(self) -> list[int]:
        """Selected paragraphs in order; a selected header stands for its turn's paragraphs."""
        source = self.source()
        if source is None:
            return []
        out: set[int] = set()
        t = source.transcript
        for idx in self.selectionModel().selectedRows():
            kind = idx.data(Roles.ROW_KIND)
            if kind == RowKind.PARAGRAPH:
                out.add(int(idx.data(Roles.PARAGRAPH)))
            elif kind == RowKind.HEADER:
                out.update(p.index for p in t.turns[int(idx.data(Roles.TURN))].paragraphs)
        return sorted(out)

    def visible_paragraphs(self) -> list[int]:
        """Every paragraph the filters let through, in order."""
        proxy = self.proxy()
        if proxy is None:
            return []
        out = []
        for row in range(proxy.rowCount()):
            p = proxy.index(row, 0).data(Roles.PARAGRAPH)
            if p is not None and p >= 0:
                out.append(int(p))
        return out

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Home/End go to the document's ends, as readers expect (Qt goes to the row's ends).
        if event.key() in (Qt.Key.Key_Home, Qt.Key.Key_End) and not event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier
        ):
            model = self.model()
            if model is not None and model.rowCount():
                row = 0 if event.key() == Qt.Key.Key_Home else model.rowCount() - 1
                idx = model.index(row, 0)
                flags = (
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows
                )
                if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                    anchor = self.currentIndex()
                    self.selectionModel().select(QItemSelection(anchor, idx), flags)
                    self.selectionModel().setCurrentIndex(
                        idx, QItemSelectionModel.SelectionFlag.NoUpdate
                    )
                else:
                    self.selectionModel().setCurrentIndex(idx, flags)
                self.scrollTo(idx)
                self.sizer.refine_visible()
                return
        super().keyPressEvent(event)
