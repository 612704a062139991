"""The status bar's permanent part: file, layout, counts, warnings, font notice, loading."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QStatusBar, QToolButton

from viewer.core.models import Layout, Script, Transcript
from viewer.qt.document_view import DocumentView
from viewer.qt.i18n import format_number, plural, translate
from viewer.qt.labels import arg
from viewer.qt.theme import error_style, follow


def layout_label(layout: Layout) -> str:
    """The layout's name as the status bar shows it."""
    names = {
        Layout.BULLETED: translate("StatusBar", "StatementDog, bulleted"),
        Layout.BARE: translate("StatusBar", "StatementDog, bare"),
        Layout.PAIRS_TEXT: translate("StatusBar", "EN + Simplified Chinese pairs"),
        Layout.PAIRS_JSON: translate("StatusBar", "EN + Simplified Chinese pairs (JSON)"),
        Layout.ALPHAMEMO: "AlphaMemo",
        Layout.REFINITIV: "Refinitiv Event Brief",
        Layout.SEEKINGALPHA: "Seeking Alpha",
        Layout.MOTLEYFOOL_TEXT: "Motley Fool",
        Layout.MOTLEYFOOL_JSON: "Motley Fool (JSON)",
        Layout.MARKDOWN: "Markdown",
        Layout.EARNINGSCALL_JSON: "EarningsCall (JSON)",
        Layout.SENTENCES: translate("StatusBar", "one sentence per line, no speaker names"),
    }
    return names.get(layout, layout.value)


def script_label(transcript: Transcript) -> str:
    """Which translation the call carries."""
    if not transcript.has_translation:
        return translate("StatusBar", "English only")
    if transcript.meta.script is Script.HANS:
        return translate("StatusBar", "Simplified Chinese")
    return translate("StatusBar", "Traditional Chinese")


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
        follow(self.font_label, lambda c: self.font_label.setStyleSheet(error_style(c)))
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
        parts = [layout_label(m.layout), script_label(view.transcript), m.encoding, m.newline]
        self.info_label.setText(" · ".join(parts))
        if m.layout is Layout.SENTENCES:
            self.info_label.setToolTip(
                translate(
                    "StatusBar",
                    "The file names no speakers and has one sentence per line: it is read "
                    "as one unnamed speaker, with paragraphs rebuilt from the sentences.",
                )
            )
        else:
            self.info_label.setToolTip("")
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
