"""The figures panel's filters: the text box on its own row, the filter boxes below in as
many columns as the panel's width gives each box room for its entries (a combo box clips
its text rather than eliding it: "All chec", "所有核對結" in a narrow dock)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QComboBox, QGridLayout, QWidget

MAX_COLUMNS = 3


class FilterGrid(QWidget):
    def __init__(self, field: QWidget, boxes: Sequence[QComboBox], parent: QWidget) -> None:
        super().__init__(parent)
        self.field = field
        self.boxes = tuple(boxes)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(4, 4, 4, 0)
        self.columns = 0
        self._place(MAX_COLUMNS)
        for box in self.boxes:
            box.currentTextChanged.connect(lambda _: self.refit())

    def box_width(self) -> int:
        """The width the widest box's current entry needs (text, arrow and frame): the
        entries chosen are what must stay readable; the lists open as wide as they need.
        The last box spans the rest of its row (two columns or more): it is not counted."""
        texts = ((box.fontMetrics(), box.currentText()) for box in self.boxes[:-1])
        return max((fm.horizontalAdvance(t) for fm, t in texts), default=0) + 30

    def columns_for(self, width: int) -> int:
        """How many boxes fit side by side in ``width`` pixels (at least 1)."""
        gap = self.grid.horizontalSpacing() + 2
        return max(1, min(MAX_COLUMNS, (width - 8 + gap) // (self.box_width() + gap)))

    def _place(self, columns: int) -> None:
        if columns == self.columns:
            return
        self.columns = columns
        for w in (self.field, *self.boxes):
            self.grid.removeWidget(w)
        for col in range(MAX_COLUMNS):
            self.grid.setColumnStretch(col, 1 if col < columns else 0)
        self.grid.addWidget(self.field, 0, 0, 1, columns)  # the most used: always whole
        for i, box in enumerate(self.boxes):
            row, col = divmod(i, columns)
            last = i == len(self.boxes) - 1
            self.grid.addWidget(box, row + 1, col, 1, columns - col if last else 1)

    def refit(self) -> None:
        """Place the boxes again for the current width (after their entries changed)."""
        self._place(self.columns_for(self.width()))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place(self.columns_for(event.size().width()))
