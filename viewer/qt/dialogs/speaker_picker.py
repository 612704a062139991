"""Go to speaker: a type-ahead list of names, aliases and firms."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, QStringListModel, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QLineEdit, QListView, QVBoxLayout

from viewer.core.models import Transcript


class SpeakerPicker(QDialog):
    def __init__(self, transcript: Transcript, parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Go to speaker"))
        self.resize(420, 360)
        self._ids: list[str] = []
        labels: list[str] = []
        for s in transcript.speakers:
            extra = ", ".join(x for x in (s.title, s.firm, *s.aliases) if x)
            labels.append(f"{s.name}  —  {extra}" if extra else s.name)
            self._ids.append(s.id)
        self.model = QStringListModel(labels, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(self.tr("Type a name, alias or firm…"))
        self.edit.setAccessibleName(self.tr("Speaker name, alias or firm"))
        self.edit.setClearButtonEnabled(True)
        self.list = QListView(self)
        self.list.setModel(self.proxy)
        self.list.setAccessibleName(self.tr("Speakers"))
        self.list.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        lay = QVBoxLayout(self)
        lay.addWidget(self.edit)
        lay.addWidget(self.list)
        self.edit.textChanged.connect(self._on_text_changed)
        self.list.activated.connect(lambda _: self.accept())
        self.edit.returnPressed.connect(self.accept)  # type, then Enter picks the first match
        self.edit.installEventFilter(self)
        self._on_text_changed("")

    def _on_text_changed(self, text: str) -> None:
        self.proxy.setFilterFixedString(text)
        if self.proxy.rowCount():
            self.list.setCurrentIndex(self.proxy.index(0, 0))

    def eventFilter(self, obj: Any, event: Any) -> bool:
        nav = (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp)
        if (
            obj is self.edit
            and isinstance(event, QKeyEvent)
            and event.type() == QKeyEvent.Type.KeyPress
            and event.key() in nav
        ):
            self.list.keyPressEvent(event)
            return True
        return super().eventFilter(obj, event)

    def selected_speaker_id(self) -> str | None:
        idx = self.list.currentIndex()
        if not idx.isValid():
            return None
        return self._ids[self.proxy.mapToSource(idx).row()]
