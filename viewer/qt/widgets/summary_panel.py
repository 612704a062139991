"""The call's Chinese summary (內容摘要), collapsible, with the machine-translation notice.

Collapsed it is one line: the toggle and the notice beside it (elided, whole in its tool
tip); expanded, the notice is whole below the text. In a short window it starts collapsed, whatever the preference (a click or the menu
then holds), so that the reading pane keeps the height; the text takes at most a fifth of
the tab's height."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from viewer.qt.i18n import QT_TRANSLATE_NOOP, plural, translate
from viewer.qt.theme import Colours, follow
from viewer.qt.widgets.elided_label import ElidedLabel

NOTICE = QT_TRANSLATE_NOOP(
    "SummaryPanel",
    "The Chinese text is Google's machine translation, as the source says: "
    "check figures and names against the English.",
)
#: Height of the window (pixels) from which the summary opens as the preference says;
#: below it (1280x720, a maximised window on a 1366x768 laptop), it starts collapsed.
TALL = 760
TEXT_MAX = 150  # the text's height at most, in any window


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
        self.text.setMaximumHeight(TEXT_MAX)
        self.text.setFrameShape(QPlainTextEdit.Shape.NoFrame)
        # The notice: beside the toggle while collapsed (elided), whole below the text.
        self.notice = ElidedLabel(self)
        self.notice_below = QLabel(self)
        self.notice_below.setTextFormat(Qt.TextFormat.PlainText)
        self.notice_below.setWordWrap(True)
        self.notice_below.setContentsMargins(6, 0, 6, 2)
        for label in (self.notice, self.notice_below):
            label.setObjectName("mtNotice")
        follow(self, self._restyle_notice)
        self._wanted = bool(summary)  # the preference (View > Summary) or the user's click
        self._chosen = False  # set by the user here: holds whatever the window's height
        self._tall = True
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        row.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)  # left, even alone
        row.addWidget(self.notice, 1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 2, 4, 2)
        lay.setSpacing(2)
        lay.addLayout(row)
        lay.addWidget(self.text)
        lay.addWidget(self.notice_below)
        self.button.toggled.connect(self._on_button_toggled)
        self.button.clicked.connect(self._on_clicked)
        self._apply()
        self.retranslate()

    def _restyle_notice(self, c: Colours) -> None:
        # No padding: the elided one elides by its width.
        for label in (self.notice, self.notice_below):
            label.setStyleSheet(f"QLabel#mtNotice {{ color: {c.warning_text}; }}")

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
        self.notice_below.setText(self.notice.full_text())
        self.notice.setAccessibleName(self.notice.full_text())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_expanded(self, expanded: bool, chosen: bool = False) -> None:
        """Expand or collapse as the preference says (``chosen``: the user asked just now,
        which holds even in a short window)."""
        self._wanted = expanded
        self._chosen = self._chosen or chosen
        self._apply()

    def is_expanded(self) -> bool:
        return self.button.isChecked()

    def fit_height(self, height: int, window_height: int) -> None:
        """The tab is ``height`` pixels high in a window ``window_height`` high: start
        collapsed in a short window, and keep the text to a fifth of the tab."""
        self._tall = window_height >= TALL
        line = self.text.fontMetrics().lineSpacing()
        self.text.setMaximumHeight(max(3 * line + 8, min(TEXT_MAX, height // 5)))
        self._apply()

    def _apply(self) -> None:
        on = self._wanted and self.button.isEnabled() and (self._tall or self._chosen)
        if on != self.button.isChecked():
            self.button.setChecked(on)
        else:
            self._on_button_toggled(on)

    def _on_clicked(self, on: bool) -> None:
        self._wanted, self._chosen = on, True

    def _on_button_toggled(self, on: bool) -> None:
        self.text.setVisible(on)
        self.notice_below.setVisible(on)
        self.notice.setVisible(not on)
        self.button.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)
        self.toggled.emit(on)
