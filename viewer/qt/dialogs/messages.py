"""The window's standard questions and notices (plain text, parented to the window)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from viewer.qt.i18n import translate


def _box(
    parent: QWidget,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    buttons: QMessageBox.StandardButton,
) -> int:
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box.exec()


def confirm(parent: QWidget, title: str, text: str) -> bool:
    yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
    return _box(parent, QMessageBox.Icon.Question, title, text, yes | no) == yes


def show_error(parent: QWidget, title: str, text: str) -> None:
    _box(parent, QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok)


def ask_open_paths(parent: QWidget, start: str) -> list[str]:
    paths, _ = QFileDialog.getOpenFileNames(
        parent,
        translate("Messages", "Open transcript"),
        start,
        translate("Messages", "Transcripts (*.txt);;All files (*)"),
    )
    return list(paths)
