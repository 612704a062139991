"""The status bar's permanent part: file, layout, counts, warnings, font notice, loading."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QStatusBar, QToolButton

from viewer.core.models import Layout, Script, Transcript
from viewer.qt.colours import error_style
from viewer.qt.document_view import DocumentView
from viewer.qt.i18n import translate


def tr(text: str, n: int = -1) -> str:
    return translate("StatusBar", text, n)


def layout_label(layout: Layout) -> str:
    """The layout's name as the status bar shows it."""
    names = {
        Layout.BULLETED: tr("StatementDog, bulleted"),
        Layout.BARE: tr("StatementDog, bare"),
        Layout.PAIRS_TEXT: tr("EN + Simplified Chinese pairs"),
        Layout.PAIRS_JSON: tr("EN + Simplified Chinese pairs (JSON)"),
        Layout.ALPHAMEMO: tr("AlphaMemo"),
        Layout.REFINITIV: tr("Refinitiv Event Brief"),
        Layout.SEEKINGALPHA: tr("Seeking Alpha"),
        Layout.MOTLEYFOOL_TEXT: tr("Motley Fool"),
        Layout.MOTLEYFOOL_JSON: tr("Motley Fool (JSON)"),
        Layout.MARKDOWN: tr("Markdown"),
        Layout.EARNINGSCALL_JSON: tr("EarningsCall (JSON)"),
        Layout.SENTENCES: tr("one sentence per line, no speaker names"),
    }
    return names.get(layout, layout.value)


def script_label(transcript: Transcript) -> str:
    """Which translation the call carries."""
    if not transcript.has_translation:
        return tr("English only")
    if transcript.meta.script is Script.HANS:
        return tr("Simplified Chinese")
    return tr("Traditional Chinese")


class StatusLine:
    """Builds its widgets into ``bar``; the window connects ``warnings_button.clicked`` and
    ``cancel_button.clicked``."""

    def __init__(self, bar: QStatusBar, font_status: str | None) -> None:
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
        self.cancel_button = QPushButton(tr("Cancel"), bar)
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
                tr(
                    "The file names no speakers and has one sentence per line: it is read "
                    "as one unnamed speaker, with paragraphs rebuilt from the sentences."
                )
            )
        else:
            self.info_label.setToolTip("")
        n = len(view.transcript.warnings)
        self.warnings_button.setText(tr("⚠ %n warning(s)", n))
        self.warnings_button.setVisible(n > 0)
        self.show_counts(view)

    def show_counts(self, view: DocumentView) -> None:
        t = view.transcript
        total = len(t.paragraphs)
        if view.document.is_filtered():
            paras = tr("{shown} of %n paragraph(s)", total).format(
                shown=len(view.visible_paragraphs())
            )
        else:
            paras = tr("%n paragraph(s)", total)
        self.count_label.setText(
            " · ".join(
                (tr("%n speaker(s)", len(t.speakers)), tr("%n turn(s)", len(t.turns)), paras)
            )
        )
