"""The window's commands on the active document: move, copy, export and the dialogs that
go with them. Each dialog is window-modal (``open()``, no nested event loop) and deleted
when it closes, so nothing it holds (an export's rows, a transcript) outlives it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QApplication, QTreeView, QWidget

from viewer.qt.export_selection import export_spec
from viewer.qt.i18n import plural, translate
from viewer.qt.labels import arg

# The dialog classes are imported where a dialog opens: PySide6 builds a class's enums when
# it is first touched, and no dialog is needed before the window's first paint.
if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog

    from viewer.qt.document_view import DocumentView
    from viewer.qt.widgets.hit_list import HitList
    from viewer.qt.widgets.metrics_panel import MetricsPanel


class Host(Protocol):
    """What the commands need from the window."""

    def current_document(self) -> DocumentView | None: ...
    def status(self, text: str, msecs: int = 0) -> None: ...
    def shortcut_rows(self) -> list[list[str]]: ...
    def built_panels(self) -> tuple[MetricsPanel | None, HitList | None]: ...
    def speaker_tree(self) -> QTreeView: ...


class Commands(QObject):
    """Signals: ``dialog_opened(QDialog)`` just before a dialog shows (tests drive it)."""

    dialog_opened = Signal(object)

    def __init__(self, host: Host, parent: QWidget) -> None:
        super().__init__(parent)
        self.host = host
        self.parent_widget = parent
        # Replaceable so tests answer without a native file dialog.
        self.ask_pdf_path: Callable[[str], str] = self._ask_pdf_path

    def _open(self, dialog: QDialog, on_accept: Callable[[], None] | None = None) -> QDialog:
        from PySide6.QtWidgets import QDialog

        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if on_accept is not None:
            dialog.accepted.connect(on_accept)
        self.dialog_opened.emit(dialog)
        QDialog.open(dialog)  # QPrintDialog's open(receiver, member) hides QDialog.open()
        return dialog

    # -- moving ------------------------------------------------------------------------------

    def step_turn(self, forward: bool, questions: bool = False) -> None:
        view = self.host.current_document()
        if view is not None and not view.step_turn(forward, questions):
            self.host.status(
                translate("Commands", "No more questions")
                if questions
                else translate("Commands", "No more turns"),
                3000,
            )

    def go_to_paragraph(self, index: int) -> bool:
        view = self.host.current_document()
        if view is None:
            return False
        if not view.go_to_paragraph(index):
            self.host.status(
                arg(
                    translate("Commands", "Paragraph %1 is hidden by the current filters"),
                    index + 1,
                ),
                4000,
            )
            return False
        return True

    def go_to_paragraph_dialog(self) -> None:
        view = self.host.current_document()
        if view is None:
            return
        n = len(view.transcript.paragraphs)
        current = max(1, (view.selected_paragraphs() or [0])[0] + 1)
        from PySide6.QtWidgets import QInputDialog

        value, ok = QInputDialog.getInt(
            self.parent_widget,
            translate("Commands", "Go to paragraph"),
            arg(translate("Commands", "Paragraph (1–%1):"), n),
            current,
            1,
            n,
        )
        if ok:
            self.go_to_paragraph(value - 1)

    def go_to_speaker_dialog(self) -> None:
        view = self.host.current_document()
        if view is None:
            return
        from viewer.qt.dialogs.speaker_picker import SpeakerPicker

        picker = SpeakerPicker(view.transcript, self.parent_widget)

        def go() -> None:
            sid = picker.selected_speaker_id()
            if sid:
                view.go_to_speaker(sid, after_current=True)

        self._open(picker, go)

    def select_all(self) -> None:
        """Select all in the figures, speakers or hits list that has the focus, else in the
        reading pane."""
        focus = QApplication.focusWidget()
        view = self.host.current_document()
        if isinstance(focus, QAbstractItemView) and (view is None or focus is not view.pane):
            focus.selectAll()
        elif view is not None:
            view.pane.selectAll()

    def copy_selection(self) -> None:
        view = self.host.current_document()
        if view is None:
            return
        n = view.copy_selection()
        if n:
            self.host.status(plural(self.tr("Copied %n paragraph(s)", "", n), n), 3000)
        else:
            self.host.status(translate("Commands", "Nothing selected to copy"), 3000)

    # -- export and lists --------------------------------------------------------------------

    def export_selection(self) -> None:
        view = self.host.current_document()
        if view is None:
            return
        from viewer.qt.dialogs.export_dialog import ExportDialog

        figures, hits = self.host.built_panels()
        spec = export_spec(view, self.host.speaker_tree(), figures, hits)
        if spec.count == 0:
            self.host.status(translate("Commands", "Nothing to export"), 3000)
            return
        dialog = ExportDialog(spec, view.path.parent, self.parent_widget)
        dialog.setWindowTitle(
            self.tr("Export figures to CSV")
            if spec.kind == "figures"
            else self.tr("Export paragraphs to CSV")
        )
        dialog.exported.connect(
            lambda path, n: self.host.status(
                arg(plural(self.tr("Exported %n row(s) to %1", "", n), n), path), 8000
            )
        )
        self._open(dialog)

    # -- printing ----------------------------------------------------------------------------

    def print_view(self) -> None:
        """File > Print…: the reading view as it is, through the system's print dialog."""
        view = self.host.current_document()
        if view is None:
            return
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from viewer.qt.printing import print_view

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self.parent_widget)
        dialog.setProperty("printer", printer)  # the dialog keeps it alive
        self._open(dialog, lambda: print_view(view, printer))

    def export_pdf(self) -> None:
        """File > Export to PDF…: the reading view as it is, with its attribution."""
        view = self.host.current_document()
        if view is None:
            return
        from viewer.qt.printing import write_pdf

        path = self.ask_pdf_path(str(view.path.with_suffix(".pdf")))
        if not path:
            return
        write_pdf(view, Path(path))
        self.host.status(arg(translate("Commands", "Exported to %1"), path), 8000)

    def _ask_pdf_path(self, initial: str) -> str:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getSaveFileName(
            self.parent_widget,
            translate("Commands", "Export to PDF"),
            initial,
            translate("Commands", "PDF files (*.pdf)"),
        )
        return path

    def show_warnings(self) -> None:
        view = self.host.current_document()
        if view is None:
            return
        from viewer.core.navigation import paragraph_at_line
        from viewer.qt.dialogs.text_list_dialog import TextListDialog
        from viewer.qt.warning_text import warning_text

        t = view.transcript
        rows = [[str(w.line) if w.line else "", warning_text(w)] for w in t.warnings]
        title = arg(translate("Commands", "Warnings — %1"), view.path.name)
        headers = [translate("Commands", "Line"), translate("Commands", "Warning")]
        dialog = TextListDialog(title, headers, rows, self.parent_widget)
        dialog.setToolTip(translate("Commands", "Double-click a warning to go to its paragraph"))

        def go(row: int) -> None:  # a double-clicked warning: its paragraph in the pane
            p = paragraph_at_line(t, t.warnings[row].line)
            if p is not None and not view.go_to_paragraph(p):
                self.host.status(
                    translate("Commands", "That paragraph is hidden by the current filters"), 4000
                )

        dialog.row_activated.connect(go)
        self._open(dialog)

    def show_shortcuts(self) -> None:
        from viewer.qt.dialogs.text_list_dialog import TextListDialog

        headers = [translate("Commands", "Action"), translate("Commands", "Shortcut")]
        rows = self.host.shortcut_rows()
        self._open(
            TextListDialog(
                translate("Commands", "Keyboard shortcuts"), headers, rows, self.parent_widget
            )
        )

    def show_about(self, app_name: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        from viewer import __version__

        box = QMessageBox(
            QMessageBox.Icon.Information,
            arg(translate("Commands", "About %1"), app_name),
            arg(
                translate(
                    "Commands",
                    "%1 %2\n\nRead earnings calls in English and Chinese: speakers, "
                    "figures, translation checks, search, export.",
                ),
                app_name,
                __version__,
            ),
            QMessageBox.StandardButton.Ok,
            self.parent_widget,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        self._open(box)
