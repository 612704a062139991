"""The bilingual reading pane: a one-column table whose row heights follow the width.

Small documents are sized exactly; long ones get cheap estimates for every row and exact
heights for the rows on screen, refined as the user scrolls (cached per width and mode).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from viewer.qt.colours import SELECTION
from viewer.qt.delegates.paragraph_delegate import ParagraphDelegate
from viewer.qt.delegates.paragraph_layout import (
    Metrics,
    Mode,
    estimated_height,
    header_height,
    paragraph_height,
    section_height,
)
from viewer.qt.models.paragraph_table_model import ParagraphTableModel
from viewer.qt.models.roles import Roles, RowKind
from viewer.qt.proxies.paragraph_filter_proxy import ParagraphFilterProxyModel

EXACT_ALL_BELOW = 0
"""Documents with fewer rows are measured exactly up front (0: always estimate first, for
a fast first paint; rows on screen are then measured, and the rest in idle slices)."""
IDLE_EXACT_BELOW = 4000
"""Documents with fewer rows get every row measured exactly in idle slices after showing."""
SLICE_SECONDS = 0.015

BASE_POINT_SIZE = 11.0
ZOOM_STEPS = (0.7, 0.8, 0.9, 1.0, 1.1, 1.25, 1.4, 1.6, 1.8, 2.0, 2.4)


class ReadingPane(QTableView):
    """Shows a ``ParagraphFilterProxyModel`` over a ``ParagraphTableModel``."""

    paragraph_selection_changed = Signal()
    zoom_changed = Signal(float)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._delegate = ParagraphDelegate(self)
        self.setItemDelegate(self._delegate)
        self.setObjectName("readingPane")
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
        self._dirty = True  # rows not sized yet for this model (done when shown)
        self._painted = False
        self._applied: tuple[tuple[int, str, float], int] | None = None
        self._base_font = QFont(self.font())
        self._zh_families: list[str] = []
        self._exact: dict[int, float] = {}  # source row -> exact height (current width/mode)
        self._key: tuple[int, str, float] = (0, "", 0.0)
        self._refine_timer = QTimer(self, singleShot=True, interval=0)
        self._refine_timer.timeout.connect(self._refine_visible)
        self._relayout_timer = QTimer(self, singleShot=True, interval=60)
        self._relayout_timer.timeout.connect(self.relayout)
        self._slice_timer = QTimer(self, singleShot=True, interval=0)
        self._slice_timer.timeout.connect(self._size_slice)
        self._pending: Iterator[int] | None = None
        self._exact_pending: Iterator[int] | None = None
        self._exact_timer = QTimer(self, singleShot=True, interval=5)
        self._exact_timer.timeout.connect(self._exact_slice)
        self._pending_anchor = -1
        self.verticalScrollBar().valueChanged.connect(self._refine_timer.start)
        self._update_metrics()

    # -- model -----------------------------------------------------------------------------

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
        self._exact.clear()
        self._applied = None
        self.relayout()

    def _on_model_layout_changed(self, *args: Any) -> None:
        self._applied = None  # rows changed: every section size must be set again
        self._relayout_timer.start(0)

    def _on_selection_changed(self, *args: Any) -> None:
        self.paragraph_selection_changed.emit()

    # -- appearance ------------------------------------------------------------------------

    @property
    def mode(self) -> Mode:
        return self._delegate.mode

    def set_mode(self, mode: Mode) -> None:
        if mode == self._delegate.mode:
            return
        anchor = self._top_source_row()
        self._delegate.mode = Mode(mode)
        self.relayout()
        self._scroll_to_source_row(anchor)

    @property
    def zoom(self) -> float:
        return self._zoom

    def set_zoom(self, zoom: float) -> None:
        zoom = min(max(zoom, ZOOM_STEPS[0]), ZOOM_STEPS[-1])
        if abs(zoom - self._zoom) < 1e-6:
            return
        anchor = self._top_source_row()
        self._zoom = zoom
        self._update_metrics()
        self._key = (0, "", 0.0)
        self.relayout()
        self._scroll_to_source_row(anchor)
        self.zoom_changed.emit(zoom)

    def zoom_in(self) -> None:
        self.set_zoom(next((z for z in ZOOM_STEPS if z > self._zoom + 1e-6), ZOOM_STEPS[-1]))

    def zoom_out(self) -> None:
        self.set_zoom(
            next((z for z in reversed(ZOOM_STEPS) if z < self._zoom - 1e-6), ZOOM_STEPS[0])
        )

    def set_dark(self, dark: bool) -> None:
        self._delegate.dark = dark
        # A soft selection tint keeps the text readable in both themes.
        pal = self.palette()
        pal.setColor(QPalette.ColorRole.Highlight, QColor(SELECTION[dark]))
        pal.setColor(QPalette.ColorRole.HighlightedText, pal.color(QPalette.ColorRole.Text))
        self.setPalette(pal)
        self.viewport().update()

    def set_zh_families(self, families: list[str]) -> None:
        """Font families tried first for Chinese (Traditional forms first)."""
        self._zh_families = families
        self._update_metrics()
        self._key = (0, "", 0.0)
        self.relayout()

    def metrics(self) -> Metrics:
        assert self._delegate.metrics is not None
        return self._delegate.metrics

    def _update_metrics(self) -> None:
        font = QFont(self._base_font)
        font.setPointSizeF(BASE_POINT_SIZE * self._zoom)
        zh = QFont(font)
        if self._zh_families:
            zh.setFamilies([*self._zh_families, *font.families()])
        self._delegate.metrics = Metrics.for_font(font, zh)
        fm, zfm = QFontMetricsF(font), QFontMetricsF(zh)
        self._latin_w = fm.averageCharWidth()
        self._han_w = zfm.horizontalAdvance("國")

    # -- row heights -----------------------------------------------------------------------

    def _width(self) -> float:
        return float(max(200, self.viewport().width()))

    def relayout(self) -> None:
        """Set every row's height (exact or estimated) for the current width, mode and zoom."""
        proxy, source = self.proxy(), self.source()
        if proxy is None or source is None:
            return
        if not self.isVisible():
            self._dirty = True  # sized when shown: the width is only known then
            return
        self._dirty = False
        key = (int(self._width()), str(self._delegate.mode), self._zoom)
        if key != self._key:
            self._exact.clear()
            self._key = key
        elif self._applied == (key, proxy.rowCount()):
            self._refine_timer.start()
            return  # nothing changed since the last full pass: keep the sizes
        self._applied = (key, proxy.rowCount())
        # Rows are sized in slices of at most SLICE_SECONDS so a long call never blocks the
        # event loop: the rows around the anchor first, then the rest, then the anchor again.
        anchor = self._top_source_row()
        rows = proxy.rowCount()
        top = max(0, self.rowAt(0))
        order = [*range(top, rows), *range(0, top)]
        self._pending = iter(order)
        self._pending_anchor = anchor
        self._size_slice()
        # The first slice sized the rows from the top of the viewport down: measure the ones
        # on screen exactly now, so the next paint is right (not one frame of estimates).
        self._refine_visible()

    def _size_slice(self) -> None:
        proxy, source = self.proxy(), self.source()
        if proxy is None or source is None or self._pending is None:
            return
        m = self.metrics()
        width = self._width()
        mode = self._delegate.mode
        exact_all = source.rowCount() < EXACT_ALL_BELOW
        header = self.verticalHeader()
        hh, sh = round(header_height(m)), round(section_height(m))
        paragraphs = source.transcript.paragraphs
        lw, hw = self._latin_w, self._han_w
        exact = self._exact
        deadline = time.perf_counter() + SLICE_SECONDS
        anchor = self._anchor()
        for n, row in enumerate(self._pending, start=1):
            src = proxy.mapToSource(proxy.index(row, 0)).row()
            kind = source.row_kind(src)
            if kind == RowKind.HEADER:
                h = hh
            elif kind == RowKind.SECTION:
                h = sh
            else:
                p = paragraphs[source.paragraph_of_row(src)]
                if src in exact:
                    h = round(exact[src])
                elif exact_all:
                    exact[src] = paragraph_height(p.en, p.zh, mode, width, m)
                    h = round(exact[src])
                else:
                    h = round(estimated_height(p.en, p.zh, mode, width, m, lw, hw))
            header.resizeSection(row, h)
            if not exact_all and n % 16 == 0 and time.perf_counter() > deadline:
                self._restore_anchor(anchor)
                self._slice_timer.start()
                return
        self._pending = None
        self.updateGeometries()  # the scroll range must know the new heights now
        if self._pending_anchor >= 0 and not exact_all:
            self._scroll_to_source_row(self._pending_anchor)
        self._refine_timer.start()
        if proxy.rowCount() < IDLE_EXACT_BELOW:
            self._exact_pending = iter(range(proxy.rowCount()))
            self._exact_timer.start()

    def _exact_slice(self) -> None:
        """Measure off-screen rows exactly while the app is idle (keeps scrolling steady)."""
        proxy, source = self.proxy(), self.source()
        if proxy is None or source is None or self._exact_pending is None or self._pending:
            return
        m, width, mode = self.metrics(), self._width(), self._delegate.mode
        header = self.verticalHeader()
        paragraphs = source.transcript.paragraphs
        deadline = time.perf_counter() + SLICE_SECONDS / 2
        changed = False
        anchor = self._anchor()
        for row in self._exact_pending:
            src = proxy.mapToSource(proxy.index(row, 0)).row()
            if source.row_kind(src) != RowKind.PARAGRAPH or src in self._exact:
                continue
            p = paragraphs[source.paragraph_of_row(src)]
            h = self._exact[src] = paragraph_height(p.en, p.zh, mode, width, m)
            if round(h) != header.sectionSize(row):
                header.resizeSection(row, round(h))
                changed = True
            if time.perf_counter() > deadline:
                self._exact_timer.start()
                break
        else:
            self._exact_pending = None
        if changed:
            self._restore_anchor(anchor)

    def _anchor(self) -> tuple[int, int]:
        """The row at the top of the viewport and its pixel offset, to keep it in place."""
        row = self.rowAt(0)
        return row, (self.rowViewportPosition(row) if row >= 0 else 0)

    def _restore_anchor(self, anchor: tuple[int, int]) -> None:
        row, offset = anchor
        self.updateGeometries()
        if row >= 0:
            self.verticalScrollBar().setValue(self.verticalHeader().sectionPosition(row) - offset)

    def settle(self) -> None:
        """Finish any pending layout now (screenshots, tests, benchmarks)."""
        self._relayout_timer.stop()
        self.relayout()
        while self._pending is not None:
            self._size_slice()
        self._slice_timer.stop()
        self._refine_visible()

    def is_sizing(self) -> bool:
        """True while row heights are still being set in slices."""
        return self._pending is not None

    def _refine_visible(self) -> None:
        """Measure the rows on screen exactly (a few passes: sizes move the rows)."""
        proxy, source = self.proxy(), self.source()
        if proxy is None or source is None or proxy.rowCount() == 0:
            return
        m, width, mode = self.metrics(), self._width(), self._delegate.mode
        header = self.verticalHeader()
        paragraphs = source.transcript.paragraphs
        for _ in range(3):
            first = self.rowAt(0)
            last = self.rowAt(self.viewport().height() - 1)
            if first < 0:
                return
            if last < 0:
                last = proxy.rowCount() - 1
            changed = False
            for row in range(first, min(last + 3, proxy.rowCount())):
                src = proxy.mapToSource(proxy.index(row, 0)).row()
                if source.row_kind(src) != RowKind.PARAGRAPH or src in self._exact:
                    continue
                p = paragraphs[source.paragraph_of_row(src)]
                h = paragraph_height(p.en, p.zh, mode, width, m)
                self._exact[src] = h
                if round(h) != header.sectionSize(row):
                    header.resizeSection(row, round(h))
                    changed = True
            if not changed:
                return
            self.updateGeometries()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self.isVisible():
            return
        if self._dirty or not self._painted:
            # Being shown: size the rows, and measure those on screen, before the first paint.
            self.relayout()
            self._refine_visible()
        elif event.oldSize().width() != event.size().width():
            self._relayout_timer.start()  # the user is resizing: wait until it pauses
        elif event.size().height() > event.oldSize().height():
            self._refine_visible()  # taller: rows coming into view get their exact height

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._dirty:
            self.relayout()

    def paintEvent(self, event: QPaintEvent) -> None:
        self._painted = True
        super().paintEvent(event)

    # -- navigation ------------------------------------------------------------------------

    def _top_source_row(self) -> int:
        proxy = self.proxy()
        row = self.rowAt(0)
        if proxy is None or row < 0:
            return -1
        return proxy.mapToSource(proxy.index(row, 0)).row()

    def _scroll_to_source_row(self, src_row: int) -> None:
        proxy = self.proxy()
        if proxy is None or src_row < 0:
            return
        source = self.source()
        assert source is not None
        idx = proxy.mapFromSource(source.index(src_row, 0))
        if idx.isValid():
            self.scrollTo(idx, QAbstractItemView.ScrollHint.PositionAtTop)
            self._refine_visible()

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
        self._pending_anchor = proxy.mapToSource(idx).row()
        self.scrollTo(idx, QAbstractItemView.ScrollHint.PositionAtTop)
        self._refine_visible()
        self.scrollTo(idx, QAbstractItemView.ScrollHint.PositionAtTop)
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
                self._refine_visible()
                return
        super().keyPressEvent(event)
