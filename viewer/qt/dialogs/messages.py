"""The window's standard questions and notices (plain text, parented to the window).

The dialog classes are imported when a box opens: PySide6 builds a class's enums the first
time it is touched, and the window's first paint needs none of them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from viewer.qt.i18n import translate

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox, QWidget


def _box(
    parent: QWidget,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    buttons: QMessageBox.StandardButton,
) -> int:
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box.exec()


def confirm(parent: QWidget, title: str, text: str) -> bool:
    from PySide6.QtWidgets import QMessageBox

    yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
    return _box(parent, QMessageBox.Icon.Question, title, text, yes | no) == yes


def show_error(parent: QWidget, title: str, text: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    _box(parent, QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok)


def ask_open_paths(parent: QWidget, start: str) -> list[str]:
    from PySide6.QtWidgets import QFileDialog

    paths, _ = QFileDialog.getOpenFileNames(
        parent,
        translate("Messages", "Open transcript"),
        start,
        translate("Messages", "Transcripts (*.txt);;All files (*)"),
    )
    return list(paths)
