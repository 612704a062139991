"""The window's standard boxes (viewer.qt.dialogs.messages), answered as a user would."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from viewer.qt.dialogs.messages import confirm, show_error

Button = QMessageBox.StandardButton


def _answer(button: QMessageBox.StandardButton, seen: list[QMessageBox]) -> None:
    """Once the box is up, note it and press ``button`` on it."""

    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, press)
            return
        seen.append(box)
        box.button(button).click()

    QTimer.singleShot(0, press)


def test_confirm_asks_yes_or_no_in_plain_text(qtbot: Any) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    for button, expected in ((Button.Yes, True), (Button.No, False)):
        seen: list[QMessageBox] = []
        _answer(button, seen)
        assert confirm(parent, "Close?", "<b>Nova</b> has unsaved changes") is expected
        box = seen[0]
        assert box.icon() == QMessageBox.Icon.Question
        assert box.standardButtons() == Button.Yes | Button.No
        assert box.textFormat() == Qt.TextFormat.PlainText
        assert box.text() == "<b>Nova</b> has unsaved changes"


def test_an_error_is_a_warning_with_ok_only(qtbot: Any) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[QMessageBox] = []
    _answer(Button.Ok, seen)
    show_error(parent, "Cannot open transcript", "line 3: <i>odd</i>")
    box = seen[0]
    assert box.icon() == QMessageBox.Icon.Warning
    assert box.standardButtons() == Button.Ok
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert box.parent() is parent
