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


class ErrorDialog(QDialog):
    def __init__(self, parent: Any = None, log_path: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Something went wrong")
        self.resize(640, 380)
        self.count = 0
        self._first = ""
        self._summary = QLabel(self)
        self._summary.setTextFormat(Qt.TextFormat.PlainText)
        self._summary.setWordWrap(True)
        self._details = QPlainTextEdit(self)
        self._details.setReadOnly(True)
        self._details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        note = QLabel(
            (
                "The app keeps running. Details were logged"
                + (f" to {log_path}" if log_path else "")
                + "."
            ),
            self,
        )
        note.setTextFormat(Qt.TextFormat.PlainText)
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        copy = QPushButton("Copy details", self)
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
            self._summary.setText(f"{self.count} errors; the first: {self._first}")
        self._details.appendPlainText(details.rstrip() + "\n")

    def details(self) -> str:
        return self._details.toPlainText()

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.details())
