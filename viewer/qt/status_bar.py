"""The status bar's permanent part: file, layout, counts, warnings, font notice, loading."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QStatusBar, QToolButton

from viewer.qt.colours import error_style
from viewer.qt.document_view import DocumentView
from viewer.qt.i18n import format_number, plural
from viewer.qt.labels import arg


class StatusLine(QObject):
    """Builds its widgets into ``bar``; the window connects ``warnings_button.clicked`` and
    ``cancel_button.clicked``."""

    def __init__(self, bar: QStatusBar, font_status: str | None) -> None:
        super().__init__(bar)
        self.bar = bar
        self.file_label = QLabel(bar)
        self.info_label = QLabel(bar)
        self.count_label = QLabel(bar)
        for label in (self.file_label, self.info_label, self.count_label):
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.warnings_button = QToolButton(bar)
        self.warnings_button.setAutoRaise(True)
        self.font_label = QLabel(font_status or "", bar)
        self.font_label.setTextFormat(Qt.TextFormat.PlainText)
        self.font_label.setStyleSheet(error_style())
        self.font_label.setVisible(bool(font_status))
        self.progress = QProgressBar(bar)
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(140)
        self.cancel_button = QPushButton(bar)
        for w in (
            self.file_label,
            self.info_label,
            self.count_label,
            self.warnings_button,
            self.font_label,
        ):
            bar.addPermanentWidget(w)
        bar.addWidget(self.progress)
        bar.addWidget(self.cancel_button)
        self.set_loading(False)
        self.retranslate()

    def retranslate(self) -> None:
        """The fixed texts (the window calls it on ``LanguageChange``, then
        :meth:`show_document` for the rest)."""
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel loading"))
        self.progress.setAccessibleName(self.tr("Loading"))
        self.warnings_button.setAccessibleName(self.tr("Show parse warnings"))

    def set_loading(self, loading: bool) -> None:
        self.progress.setVisible(loading)
        self.cancel_button.setVisible(loading)

    def show_document(self, view: DocumentView | None) -> None:
        if view is None:
            for label in (self.file_label, self.info_label, self.count_label):
                label.setText("")
            self.warnings_button.hide()
            return
        m = view.transcript.meta
        self.file_label.setText(view.path.name)
        self.file_label.setToolTip(str(view.path))
        if m.layout.value.endswith("bulleted"):
            layout = self.tr("bulleted", "layout of a transcript")
        else:
            layout = self.tr("bare", "layout of a transcript")
        self.info_label.setText(f"{layout} · {m.encoding} · {m.newline}")
        n = len(view.transcript.warnings)
        self.warnings_button.setText(plural(self.tr("⚠ %n warning(s)", "", n), n))
        self.warnings_button.setVisible(n > 0)
        self.show_counts(view)

    def show_counts(self, view: DocumentView) -> None:
        t = view.transcript
        total = len(t.paragraphs)
        if view.document.is_filtered():
            paras = arg(
                plural(self.tr("%1 of %n paragraph(s)", "", total), total),
                format_number(len(view.visible_paragraphs())),
            )
        else:
            paras = plural(self.tr("%n paragraph(s)", "", total), total)
        n_speakers, n_turns = len(t.speakers), len(t.turns)
        speakers = plural(self.tr("%n speaker(s)", "", n_speakers), n_speakers)
        turns = plural(self.tr("%n turn(s)", "", n_turns), n_turns)
        self.count_label.setText(" · ".join((speakers, turns, paras)))
