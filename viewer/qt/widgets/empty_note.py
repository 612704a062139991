"""A greyed note over an empty item view saying why it is empty ("No figures in this
call"); it covers the view's viewport and hides when the view has rows."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel


class EmptyNote(QLabel):
    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view.viewport())
        self.setObjectName("emptyNote")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setEnabled(False)  # greyed, like the placeholders of panels not built yet
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setMargin(12)
        self._viewport = view.viewport()
        self._viewport.installEventFilter(self)
        self.hide()

    def set_note(self, text: str) -> None:
        """Show ``text`` over the view; an empty text hides the note."""
        self.setText(text)
        self.setGeometry(self._viewport.rect())
        self.setVisible(bool(text))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._viewport and event.type() == QEvent.Type.Resize:
            self.setGeometry(self._viewport.rect())
        return False
