"""One plain-text dialog for unexpected errors; bursts are pooled into it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from viewer.qt.i18n import plural
from viewer.qt.labels import arg


class ErrorDialog(QDialog):
    def __init__(self, parent: Any = None, log_path: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Something went wrong"))
        self.resize(640, 380)
        self.count = 0
        self._first = ""
        self._summary = QLabel(self)
        self._summary.setTextFormat(Qt.TextFormat.PlainText)
        self._summary.setWordWrap(True)
        self._details = QPlainTextEdit(self)
        self._details.setReadOnly(True)
        self._details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self._details.setAccessibleName(self.tr("Error details"))
        if log_path:
            logged = arg(self.tr("The app keeps running. Details were logged to %1."), log_path)
        else:
            logged = self.tr("The app keeps running. Details were logged.")
        note = QLabel(logged, self)
        note.setTextFormat(Qt.TextFormat.PlainText)
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        copy = QPushButton(self.tr("Copy details"), self)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(self._copy)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        lay = QVBoxLayout(self)
        lay.addWidget(self._summary)
        lay.addWidget(self._details, 1)
        lay.addWidget(note)
        lay.addWidget(buttons)

    def add_error(self, summary: str, details: str) -> None:
        self.count += 1
        if self.count == 1:
            self._first = summary
            self._summary.setText(summary)
        else:
            count = self.count
            many = plural(self.tr("%n error(s); the first: %1", "", count), count)
            self._summary.setText(arg(many, self._first))
        self._details.appendPlainText(details.rstrip() + "\n")

    def details(self) -> str:
        return self._details.toPlainText()

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.details())
