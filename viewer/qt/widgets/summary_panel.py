"""The call's Chinese summary (內容摘要), collapsible, with the machine-translation notice."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QToolButton, QVBoxLayout, QWidget

from viewer.qt.i18n import QT_TRANSLATE_NOOP, plural, translate
from viewer.qt.theme import Colours, follow

NOTICE = QT_TRANSLATE_NOOP(
    "SummaryPanel",
    "The Chinese text is Google's machine translation, as the source says: "
    "check figures and names against the English.",
)


class SummaryPanel(QWidget):
    toggled = Signal(bool)

    def __init__(self, summary: tuple[str, ...], parent: Any = None) -> None:
        super().__init__(parent)
        self.button = QToolButton(self)
        self.button.setCheckable(True)
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.button.setAutoRaise(True)
        self._count = len(summary)
        self.button.setEnabled(bool(summary))
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setPlainText("\n\n".join(summary))
        self.text.setMaximumHeight(150)
        self.text.setFrameShape(QPlainTextEdit.Shape.NoFrame)
        self.notice = QLabel(self)
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.setWordWrap(True)
        self.notice.setObjectName("mtNotice")
        follow(self.notice, self._restyle_notice)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 2, 4, 2)
        lay.setSpacing(2)
        lay.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)
        lay.addWidget(self.text)
        lay.addWidget(self.notice)
        self.button.toggled.connect(self._on_button_toggled)
        self.set_expanded(bool(summary))
        self.retranslate()

    def _restyle_notice(self, c: Colours) -> None:
        self.notice.setStyleSheet(
            f"QLabel#mtNotice {{ color: {c.warning_text}; padding: 2px 8px; }}"
        )

    def retranslate(self) -> None:
        if self._count:
            count = self._count
            text = plural(self.tr("Summary (%n paragraph(s))", "", count), count)
        else:
            text = translate("SummaryPanel", "No summary in this file")
        self.button.setText(text)
        self.button.setAccessibleName(text)
        self.text.setAccessibleName(translate("SummaryPanel", "Summary"))
        self.notice.setText(translate("SummaryPanel", NOTICE))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_expanded(self, expanded: bool) -> None:
        expanded = expanded and self.button.isEnabled()
        self.button.setChecked(expanded)
        self._on_button_toggled(expanded)

    def is_expanded(self) -> bool:
        return self.button.isChecked()

    def _on_button_toggled(self, on: bool) -> None:
        self.text.setVisible(on)
        self.button.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)
        self.toggled.emit(on)
