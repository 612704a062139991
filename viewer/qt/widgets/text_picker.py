"""Select and copy part of a paragraph: a double-click on a paragraph's English or Chinese
puts a read-only plain-text editor over that text, in the same font and place, with the word
under the pointer selected; drag to select a sentence, Ctrl+C copies it, Esc (or leaving
it, or scrolling) closes it."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QEvent, QModelIndex, QPoint, QRect, Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent, QKeySequence, QTextCursor, QTextOption
from PySide6.QtWidgets import QFrame, QPlainTextEdit, QScrollBar, QWidget

from viewer.qt.delegates.paragraph_layout import PAD_Y, Metrics, make_layout, text_rects
from viewer.qt.models.roles import Roles, RowKind
from viewer.reading_mode import Mode


class Pane(Protocol):
    """What the picker needs of the reading pane (a Protocol: no import circle)."""

    @property
    def mode(self) -> Mode: ...
    def metrics(self) -> Metrics: ...
    def visualRect(self, index: QModelIndex) -> QRect: ...
    def verticalScrollBar(self) -> QScrollBar: ...
    def viewport(self) -> QWidget: ...


def pick_language(pane: Pane, index: QModelIndex, pos: QPoint) -> tuple[str, QRect] | None:
    """Which text of the paragraph at ``index`` is under ``pos`` (viewport coordinates),
    and where it is painted; None off the text."""
    rect = pane.visualRect(index)
    m = pane.metrics()
    en_rect, zh_rect, stacked = text_rects(pane.mode, rect.width(), m)
    top = rect.top() + int(PAD_Y)
    x = pos.x() - rect.left()
    en_h = 0
    if en_rect is not None:
        en_h = int(make_layout(str(index.data(Roles.EN) or ""), m.font, en_rect.width())[1])
    for lang, r in (("en", en_rect), ("zh", zh_rect)):
        if r is None or not r.left() <= x <= r.right():
            continue
        y = top + (en_h + int(PAD_Y) if lang == "zh" and stacked else 0)
        height = en_h if lang == "en" and stacked else rect.bottom() - y
        if lang == "en" and stacked and pos.y() > y + en_h:
            continue
        if lang == "zh" and index.data(Roles.ZH) is None:
            return None
        return lang, QRect(rect.left() + int(r.left()), y, int(r.width()) + 2, max(height, 8))
    return None


class TextPicker(QPlainTextEdit):
    def __init__(self, pane: Pane) -> None:
        super().__init__(pane.viewport())
        self.setObjectName("textPicker")
        self.pane = pane
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.document().setDocumentMargin(0)
        self.hide()
        pane.verticalScrollBar().valueChanged.connect(self.close_picker)

    def open_at(self, index: QModelIndex, pos: QPoint) -> bool:
        """Open over the text under ``pos`` with its word selected; False if none is."""
        if not index.isValid() or index.data(Roles.ROW_KIND) != RowKind.PARAGRAPH:
            return False
        picked = pick_language(self.pane, index, pos)
        if picked is None:
            return False
        lang, rect = picked
        m = self.pane.metrics()
        self.setFont(m.font if lang == "en" else m.zh_font)
        self.setPlainText(str(index.data(Roles.EN if lang == "en" else Roles.ZH) or ""))
        self.setGeometry(rect)
        self.show()
        self.raise_()
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        cursor = self.cursorForPosition(self.mapFrom(self.pane.viewport(), pos))
        cursor.select(QTextCursor.SelectionType.WordUnderCursor)
        self.setTextCursor(cursor)
        return True

    def close_picker(self) -> None:
        if self.isVisible():
            self.hide()
            self.pane.viewport().setFocus(Qt.FocusReason.OtherFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_picker()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason:  # its own context menu
            self.hide()

    def event(self, event: QEvent) -> bool:
        # Ctrl+C copies the selected words, not the window's "Copy with attribution".
        override = event.type() == QEvent.Type.ShortcutOverride
        if (
            override
            and isinstance(event, QKeyEvent)
            and event.matches(QKeySequence.StandardKey.Copy)
        ):
            event.accept()
            return True
        return super().event(event)
