"""The reading pane's sticky header: the speaker of the paragraph at the top, painted by the
pane's own delegate as that turn's header row, over the top of the viewport while the real
header row is scrolled off (after a jump, Ctrl+G, F3, or simply reading on)."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, QRect, QTimer
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QAbstractItemDelegate, QScrollBar, QStyleOptionViewItem, QWidget

from viewer.qt.delegates.paragraph_layout import Metrics, header_height
from viewer.qt.models.paragraph_table_model import ParagraphTableModel
from viewer.qt.models.roles import Roles, RowKind


class Pane(Protocol):
    """What the header needs of the reading pane (a Protocol: no import circle)."""

    def metrics(self) -> Metrics: ...
    def source(self) -> ParagraphTableModel | None: ...
    def indexAt(self, point: QPoint) -> QModelIndex: ...
    def visualRect(self, index: QModelIndex) -> QRect: ...
    def verticalScrollBar(self) -> QScrollBar: ...
    def viewport(self) -> QWidget: ...
    def itemDelegate(self) -> QAbstractItemDelegate: ...


class StickyHeader(QWidget):
    def __init__(self, pane: Pane) -> None:
        super().__init__(pane.viewport())
        self.setObjectName("stickyHeader")
        self.pane = pane
        self.turn = -1  # whose header is shown (-1: hidden)
        self.hide()
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self.update_turn)
        pane.verticalScrollBar().valueChanged.connect(self._timer.start)
        pane.viewport().installEventFilter(self)

    def height_needed(self) -> int:
        return round(header_height(self.pane.metrics()))

    def update_turn(self) -> None:
        """Show the header of the turn at the top unless its own header row is in view."""
        pane = self.pane
        h = self.height_needed()
        top = pane.indexAt(QPoint(1, 0))
        under = pane.indexAt(QPoint(1, h))
        turn = -1
        if top.isValid() and under.isValid():
            top_kind = top.data(Roles.ROW_KIND)
            header_in_view = top_kind == RowKind.HEADER and pane.visualRect(top).top() >= -2
            if top_kind != RowKind.SECTION and not header_in_view:
                turn = int(under.data(Roles.TURN))
        self.turn = turn
        if turn < 0:
            self.hide()
            return
        self.setGeometry(QRect(0, 0, pane.viewport().width(), h))
        self.show()
        self.raise_()
        self.update()

    def make_room(self, row_kind: int) -> None:
        """After a jump to a paragraph: scroll it out from under the header."""
        if row_kind != RowKind.HEADER:
            bar = self.pane.verticalScrollBar()
            bar.setValue(bar.value() - self.height_needed())
        self.update_turn()

    def paintEvent(self, event: QPaintEvent) -> None:
        source = self.pane.source()
        if source is None or self.turn < 0:
            return
        painter = QPainter(self)
        pal = self.palette()
        painter.fillRect(self.rect(), pal.color(QPalette.ColorRole.Base))
        option = QStyleOptionViewItem()
        option.initFrom(self.pane.viewport())
        option.rect = self.rect().adjusted(0, 0, 0, -1)
        index = source.index(source.row_of_turn(self.turn), 0)
        delegate = self.pane.itemDelegate()
        delegate.paint(painter, option, index)
        painter.setPen(pal.color(QPalette.ColorRole.Mid))
        painter.drawLine(0, self.height() - 1, self.width(), self.height() - 1)
        painter.end()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._timer.start()
        return False
