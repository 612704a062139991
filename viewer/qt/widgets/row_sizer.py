"""Row heights of the reading pane, which follow its width, mode and zoom.

Small documents are sized exactly; long ones get cheap estimates for every row first and
exact heights for the rows on screen, the rest refined while the app is idle (exact heights
are cached per width, mode and zoom). All three passes go through one loop, ``_measure``,
in slices of at most ``SLICE_SECONDS`` so a long call never blocks the event loop.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from typing import Protocol

from PySide6.QtCore import QAbstractItemModel, QObject, QTimer
from PySide6.QtWidgets import QHeaderView, QScrollBar, QWidget

from viewer.qt.delegates.paragraph_layout import (
    Metrics,
    Mode,
    estimated_height,
    header_height,
    paragraph_height,
    section_height,
)
from viewer.qt.models.paragraph_table_model import ParagraphTableModel
from viewer.qt.models.roles import RowKind
from viewer.qt.proxies.paragraph_filter_proxy import ParagraphFilterProxyModel


class Pane(Protocol):
    """What the sizer needs of the reading pane (a ``QTableView``)."""

    @property
    def mode(self) -> Mode: ...
    @property
    def zoom(self) -> float: ...
    def proxy(self) -> ParagraphFilterProxyModel | None: ...
    def source(self) -> ParagraphTableModel | None: ...
    def metrics(self) -> Metrics: ...
    def char_widths(self) -> tuple[float, float]: ...
    def top_source_row(self) -> int: ...
    def scroll_to_source_row(self, src_row: int) -> None: ...
    def model(self) -> QAbstractItemModel: ...
    def viewport(self) -> QWidget: ...
    def isVisible(self) -> bool: ...
    def rowAt(self, y: int) -> int: ...
    def rowViewportPosition(self, row: int) -> int: ...
    def verticalHeader(self) -> QHeaderView: ...
    def verticalScrollBar(self) -> QScrollBar: ...
    def updateGeometries(self) -> None: ...


IDLE_EXACT_BELOW = 4000
"""Documents with fewer rows get every row measured exactly in idle slices after showing."""
SLICE_SECONDS = 0.015
REFINE_PASSES = 3  # exact heights move the rows: measure what came on screen again


class RowSizer(QObject):
    def __init__(self, pane: Pane, parent: QObject) -> None:
        super().__init__(parent)
        self.pane = pane
        self.dirty = True  # rows not sized yet for this model (done when shown)
        self._applied: tuple[tuple[int, str, float], int] | None = None
        self._exact: dict[int, float] = {}  # source row -> exact height (current width/mode)
        self._key: tuple[int, str, float] = (0, "", 0.0)
        self._pending: Iterator[int] | None = None  # rows still to size (estimates)
        self._idle: Iterator[int] | None = None  # rows still to measure exactly, when idle
        self.anchor = -1  # the source row to show at the top once sizing ends
        self._painted = False  # idle measuring waits for the pane's first paint
        self.refine_timer = QTimer(self, singleShot=True, interval=0)
        self.refine_timer.timeout.connect(self.refine_visible)
        self.relayout_timer = QTimer(self, singleShot=True, interval=60)
        self.relayout_timer.timeout.connect(self.relayout)
        self._slice_timer = QTimer(self, singleShot=True, interval=0)
        self._slice_timer.timeout.connect(self._size_slice)
        self._idle_timer = QTimer(self, singleShot=True, interval=5)
        self._idle_timer.timeout.connect(self._idle_slice)

    def invalidate(self) -> None:
        """Fonts changed: every cached height is wrong."""
        self._key = (0, "", 0.0)

    def model_changed(self) -> None:
        self._exact.clear()
        self._applied = None

    def rows_changed(self) -> None:
        self._applied = None  # rows changed: every section size must be set again
        self.relayout_timer.start(0)

    def width(self) -> float:
        return float(max(200, self.pane.viewport().width()))

    def is_sizing(self) -> bool:
        """True while row heights are still being set in slices."""
        return self._pending is not None

    # -- the passes ------------------------------------------------------------------------

    def relayout(self) -> None:
        """Set every row's height (exact or estimated) for the current width, mode and zoom."""
        pane = self.pane
        proxy = pane.proxy()
        if proxy is None or pane.source() is None:
            return
        if not pane.isVisible():
            self.dirty = True  # sized when shown: the width is only known then
            return
        self.dirty = False
        key = (int(self.width()), str(pane.mode), pane.zoom)
        if key != self._key:
            self._exact.clear()
            self._key = key
        elif self._applied == (key, proxy.rowCount()):
            self.refine_timer.start()
            return  # nothing changed since the last full pass: keep the sizes
        self._applied = (key, proxy.rowCount())
        # The rows from the top of the viewport down first, then the rest.
        rows, top = proxy.rowCount(), max(0, pane.rowAt(0))
        self._pending = iter([*range(top, rows), *range(0, top)])
        self.anchor = pane.top_source_row()
        self._size_slice()
        # The first slice sized the rows from the top of the viewport down: measure the ones
        # on screen exactly now, so the next paint is right (not one frame of estimates).
        self.refine_visible()

    def _size_slice(self) -> None:
        if self._pending is None or self.pane.proxy() is None:
            return
        anchor = self._viewport_anchor()
        _, done = self._measure(self._pending, True, time.perf_counter() + SLICE_SECONDS)
        if not done:
            self._restore(anchor)
            self._slice_timer.start()
            return
        self._pending = None
        self.pane.updateGeometries()  # the scroll range must know the new heights now
        if self.anchor >= 0:
            self.pane.scroll_to_source_row(self.anchor)
        self.refine_timer.start()
        rows = self.pane.model().rowCount()
        if rows < IDLE_EXACT_BELOW:
            self._idle = iter(range(rows))
            if self._painted:
                self._idle_timer.start()

    def first_paint(self) -> None:
        """The pane has been painted once: measuring off-screen rows may start (before, its
        slices ran ahead of that paint and delayed it)."""
        self._painted = True
        if self._idle is not None:
            self._idle_timer.start()

    def _idle_slice(self) -> None:
        """Measure off-screen rows exactly while the app is idle (keeps scrolling steady)."""
        if self._idle is None or self._pending is not None or self.pane.proxy() is None:
            return
        anchor = self._viewport_anchor()
        deadline = time.perf_counter() + SLICE_SECONDS / 2
        changed, done = self._measure(self._idle, False, deadline)
        if done:
            self._idle = None
        else:
            self._idle_timer.start()
        if changed:
            self._restore(anchor)

    def refine_visible(self) -> None:
        """Measure the rows on screen exactly (a few passes: sizes move the rows)."""
        pane = self.pane
        proxy = pane.proxy()
        if proxy is None or pane.source() is None or proxy.rowCount() == 0:
            return
        for _ in range(REFINE_PASSES):
            first = pane.rowAt(0)
            if first < 0:
                return
            last = pane.rowAt(pane.viewport().height() - 1)
            if last < 0:
                last = proxy.rowCount() - 1
            changed, _ = self._measure(range(first, min(last + 3, proxy.rowCount())), False)
            if not changed:
                return
            pane.updateGeometries()

    def settle(self) -> None:
        """Finish any pending layout now (screenshots, tests, benchmarks)."""
        self.relayout_timer.stop()
        self.relayout()
        while self._pending is not None:
            self._size_slice()
        self._slice_timer.stop()
        self.refine_visible()

    # -- the one measuring loop --------------------------------------------------------------

    def _measure(
        self, rows: Iterable[int], estimate: bool, deadline: float | None = None
    ) -> tuple[bool, bool]:
        """Give each (proxy) row of ``rows`` its height: fixed for headers and section bands;
        for paragraphs the exact height (cached), or a cheap estimate with ``estimate`` when
        the exact one is not known yet. Stops after ``deadline``; returns whether a height
        changed and whether every row was done."""
        pane = self.pane
        proxy, source = pane.proxy(), pane.source()
        assert proxy is not None and source is not None
        m, width, mode = pane.metrics(), self.width(), pane.mode
        header = pane.verticalHeader()
        fixed: dict[int, int] = {
            RowKind.HEADER: round(header_height(m)),
            RowKind.SECTION: round(section_height(m)),
        }
        paragraphs = source.transcript.paragraphs
        latin_w, han_w = pane.char_widths()
        exact = self._exact
        every = 16 if estimate else 1  # estimates are cheap: look at the clock less often
        changed = False
        for n, row in enumerate(rows, start=1):
            src = proxy.mapToSource(proxy.index(row, 0)).row()
            kind = source.row_kind(src)
            if kind != RowKind.PARAGRAPH:
                h = fixed[kind]
            elif src in exact:
                h = round(exact[src])
            else:
                p = paragraphs[source.paragraph_of_row(src)]
                if estimate:
                    h = round(estimated_height(p.en, p.zh, mode, width, m, latin_w, han_w))
                else:
                    exact[src] = paragraph_height(p.en, p.zh, mode, width, m)
                    h = round(exact[src])
            if h != header.sectionSize(row):
                header.resizeSection(row, h)
                changed = True
            if deadline is not None and n % every == 0 and time.perf_counter() > deadline:
                return changed, False
        return changed, True

    # -- keeping the reader's place while heights change -------------------------------------

    def _viewport_anchor(self) -> tuple[int, int]:
        """The row at the top of the viewport and its pixel offset, to keep it in place."""
        row = self.pane.rowAt(0)
        return row, (self.pane.rowViewportPosition(row) if row >= 0 else 0)

    def _restore(self, anchor: tuple[int, int]) -> None:
        row, offset = anchor
        pane = self.pane
        pane.updateGeometries()
        if row >= 0:
            pane.verticalScrollBar().setValue(pane.verticalHeader().sectionPosition(row) - offset)
