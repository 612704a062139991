"""The window's standard questions and notices (plain text, parented to the window).

The dialog classes are imported when a box opens: PySide6 builds a class's enums the first
time it is touched, and the window's first paint needs none of them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from viewer.qt.i18n import translate

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget


def _box(parent: QWidget, title: str, text: str, *, question: bool) -> bool:
    """A plain-text box: a question (Yes / No: whether Yes was chosen) or a warning (OK)."""
    from PySide6.QtWidgets import QMessageBox

    button = QMessageBox.StandardButton
    icon = QMessageBox.Icon.Question if question else QMessageBox.Icon.Warning
    buttons = button.Yes | button.No if question else button.Ok
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box.exec() == button.Yes


def confirm(parent: QWidget, title: str, text: str) -> bool:
    return _box(parent, title, text, question=True)


def show_error(parent: QWidget, title: str, text: str) -> None:
    _box(parent, title, text, question=False)


def ask_open_paths(parent: QWidget, start: str) -> list[str]:
    from PySide6.QtWidgets import QFileDialog

    paths, _ = QFileDialog.getOpenFileNames(
        parent,
        translate("Messages", "Open transcript"),
        start,
        translate("Messages", "Transcripts (*.txt);;All files (*)"),
    )
    return list(paths)
