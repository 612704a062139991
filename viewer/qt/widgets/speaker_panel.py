"""Left dock: the speaker tree with check boxes, and the section filter."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from viewer.qt.focus_order import chain
from viewer.qt.models.roles import NodeKind, Roles
from viewer.qt.models.speaker_tree_model import SpeakerTreeModel

NARROW = 260  # pixels: below, the tree shows no "Turns" column


class SpeakerPanel(QWidget):
    turn_activated = Signal(int)
    speaker_activated = Signal(str)
    sections_changed = Signal(frozenset)  # hidden sections

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.tree = QTreeView(self)
        self.tree.setObjectName("speakerTree")
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setExpandsOnDoubleClick(False)
        self.tree.setIndentation(10)  # three levels deep: leave the names room
        self.tree.header().setStretchLastSection(False)
        self.prepared = QCheckBox(self)
        self.qa = QCheckBox(self)
        for box in (self.prepared, self.qa):
            box.setChecked(True)
            box.toggled.connect(self._on_section_toggled)
        row = QHBoxLayout()
        row.setContentsMargins(4, 0, 4, 0)
        row.addWidget(self.prepared)
        row.addWidget(self.qa)
        row.addStretch(1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addLayout(row)
        lay.addWidget(self.tree, 1)
        self.tree.activated.connect(self._on_tree_activated)
        self.tree.clicked.connect(self._on_tree_activated)
        self.setFocusProxy(self.tree)
        chain((self.prepared, self.qa, self.tree))  # as laid out: the boxes above the tree
        self.retranslate()

    def retranslate(self) -> None:
        self.prepared.setText(self.tr("&Prepared remarks"))
        self.qa.setText(self.tr("&Q&&A"))
        self.prepared.setToolTip(self.tr("Show the prepared remarks in the reading pane"))
        self.qa.setToolTip(self.tr("Show the questions and answers in the reading pane"))
        self.tree.setAccessibleName(self.tr("Speakers and their turns"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_model(self, model: SpeakerTreeModel | None, hidden_sections: frozenset[str]) -> None:
        self.tree.setModel(model)
        for box, key in ((self.prepared, "prepared"), (self.qa, "qa")):
            box.blockSignals(True)
            box.setChecked(key not in hidden_sections)
            box.blockSignals(False)
        if model is None:
            return
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Numeric columns as wide as their header or their largest number, which the top
        # rows hold (group totals); ResizeToContents would read every turn of a long call.
        fm, hfm = self.tree.fontMetrics(), header.fontMetrics()
        for col in (1, 2):
            numbers = (str(model.index(r, col).data() or "") for r in range(model.rowCount()))
            label = str(model.headerData(col, Qt.Orientation.Horizontal))
            width = max(
                max(map(fm.horizontalAdvance, numbers), default=0), hfm.horizontalAdvance(label)
            )
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(col, width + 12)

        # Expand groups and firms, not speakers (their turns are many).
        def expand(parent: QModelIndex) -> None:
            for r in range(model.rowCount(parent)):
                idx = model.index(r, 0, parent)
                if idx.data(Roles.NODE_KIND) == NodeKind.GROUP:
                    self.tree.expand(idx)
                    expand(idx)

        expand(QModelIndex())

    def resizeEvent(self, event: Any) -> None:
        # A narrow dock keeps the names readable: the turn count goes (the words stay, and
        # the Statistics tab has both).
        self.tree.setColumnHidden(1, event.size().width() < NARROW)
        super().resizeEvent(event)

    def hidden_sections(self) -> frozenset[str]:
        return frozenset(
            k for box, k in ((self.prepared, "prepared"), (self.qa, "qa")) if not box.isChecked()
        )

    def _on_section_toggled(self, _: bool) -> None:
        self.sections_changed.emit(self.hidden_sections())

    def _on_tree_activated(self, index: QModelIndex) -> None:
        kind = index.data(Roles.NODE_KIND)
        if kind == NodeKind.TURN:
            self.turn_activated.emit(int(index.data(Roles.TURN)))
        elif kind == NodeKind.SPEAKER:
            self.speaker_activated.emit(str(index.data(Roles.SPEAKER_ID)))

    def select_turn(self, turn: int) -> None:
        model = self.tree.model()
        if isinstance(model, SpeakerTreeModel):
            idx = model.index_of_turn(turn)
            if idx.isValid():
                self.tree.setCurrentIndex(idx)
                self.tree.scrollTo(idx)

    def keyPressEvent(self, event: Any) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._on_tree_activated(self.tree.currentIndex())
            return
        super().keyPressEvent(event)
