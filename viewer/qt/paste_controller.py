"""Calls that arrive as text (Edit > Paste transcript, text dropped on the window) and files
dropped on the window; saving a pasted call; asking before an unsaved one is closed.

A pasted call is parsed in a worker like a file, opens in a new tab marked unsaved, and keeps
its text until File > Save as writes it (UTF-8 ``.txt``, atomically) and reopens the file.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QMimeData, QObject, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QTabWidget, QWidget

from viewer.core.errors import ViewerError
from viewer.qt.error_text import error_text
from viewer.qt.i18n import translate
from viewer.qt.workers import Job, JobRunner, report_unexpected

# The dialog classes are imported where a box opens (see viewer.qt.dialogs.messages).
if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

    from viewer.core.models import Transcript
    from viewer.core.speaker_groups import SpeakerGroups
    from viewer.qt.document_view import DocumentView

PASTED_FOLDER = Path("<pasted>")  # pasted calls' paths live here: never a real file


class Host(Protocol):
    tabs: QTabWidget

    def open_paths(self, paths: list[str]) -> None: ...
    def open_path(self, path: str | Path) -> None: ...
    def open_transcript(
        self, transcript: Transcript, path: Path, index: Any = None, groups: Any = None
    ) -> DocumentView: ...
    def documents(self) -> list[DocumentView]: ...
    def current_document(self) -> DocumentView | None: ...
    def close_document(self, index: int) -> None: ...
    def show_error(self, title: str, text: str) -> None: ...
    def status(self, text: str, msecs: int = 0) -> None: ...


def is_unsaved(view: DocumentView) -> bool:
    """A pasted call not yet saved to a file."""
    return view.document.unsaved_text is not None


class PasteController(QObject):
    """Signals: ``pasted(DocumentView | Exception)`` once a paste or text drop is read."""

    pasted = Signal(object)

    def __init__(self, host: Host, window: QWidget) -> None:
        super().__init__(window)
        self.host = host
        self.window = window
        self._runner = JobRunner(self)
        self._job: Job | None = None
        self.ask = self._ask_unsaved  # replaced in tests: returns Save, Discard or Cancel

    # -- text in -----------------------------------------------------------------------------

    def paste_clipboard(self) -> None:
        """Edit > Paste transcript: open the clipboard's text (or its HTML) as a call."""
        self.open_mime(QGuiApplication.clipboard().mimeData())

    def open_mime(self, mime: QMimeData | None) -> bool:
        """Open the text of ``mime``; False (with a status note) when it holds none."""
        from viewer.core.paste import pasted_text

        plain = mime.text() if mime is not None and mime.hasText() else None
        html = mime.html() if mime is not None and mime.hasHtml() else None
        text = pasted_text(plain, html)
        if not text.strip():
            self.host.status(
                translate("PasteController", "The clipboard holds no text to read as a transcript"),
                5000,
            )
            return False
        self.open_text(text)
        return True

    def open_text(self, text: str) -> None:
        """Parse ``text`` in a worker and open it in a new, unsaved tab."""
        from viewer.core.paste import normalise_text

        text = normalise_text(text)  # what Save as writes
        if self._job is not None:
            self._job.cancel()

        def parse(token: Any, progress: Any) -> tuple[Transcript, SpeakerGroups]:
            from viewer.core.paste import parse_pasted
            from viewer.core.speaker_groups import build_speaker_groups

            transcript = parse_pasted(text, cancel=token)
            return transcript, build_speaker_groups(transcript)

        holder: list[Job] = []
        self._job = self._runner.start(
            parse,
            on_finished=lambda result: self._on_parsed(holder[0], text, *result),
            on_failed=lambda exc: self._on_failed(holder[0], exc),
            on_cancelled=lambda: self._cancelled(holder[0]),
            before_start=holder.append,
        )
        self.host.status(translate("PasteController", "Reading the pasted text…"))

    def _cancelled(self, job: Job) -> None:
        if self._end(job):
            self.host.status("")

    def _end(self, job: Job) -> bool:
        if job is not self._job:
            return False
        self._job = None
        return True

    def _on_parsed(
        self, job: Job, text: str, transcript: Transcript, groups: SpeakerGroups
    ) -> None:
        if not self._end(job):
            return
        from viewer.core.paste import suggested_file_name

        taken = {v.path for v in self.host.documents()}
        name = suggested_file_name(transcript)
        path, n = PASTED_FOLDER / name, 2
        while path in taken:  # a second paste of the same call gets its own tab
            path, n = PASTED_FOLDER / f"{Path(name).stem} ({n}).txt", n + 1
        view = self.host.open_transcript(transcript, path, groups=groups)
        view.document.unsaved_text = text
        self._mark(view)
        self.host.status(
            translate("PasteController", "Pasted call opened: not saved yet (File > Save as)"), 6000
        )
        self.pasted.emit(view)

    def _on_failed(self, job: Job, exc: Exception) -> None:
        if not self._end(job):
            return
        self.host.status("")
        if isinstance(exc, ViewerError):
            self.host.show_error(
                translate("PasteController", "Cannot read the pasted text"), error_text(exc)
            )
        else:
            report_unexpected(exc)
        self.pasted.emit(exc)

    def _tab_index(self, view: DocumentView) -> int:
        return self.host.tabs.indexOf(view)

    def _mark(self, view: DocumentView) -> None:
        i = self._tab_index(view)
        self.host.tabs.setTabText(i, f"● {view.title}")
        self.host.tabs.setTabToolTip(i, translate("PasteController", "Pasted, not saved"))

    # -- drag and drop -----------------------------------------------------------------------

    def drag_enter(self, event: QDragEnterEvent) -> None:
        mime = event.mimeData()
        if (mime.hasUrls() and any(u.isLocalFile() for u in mime.urls())) or (
            mime.hasText() or mime.hasHtml()
        ):
            event.acceptProposedAction()

    def drop(self, event: QDropEvent) -> None:
        mime = event.mimeData()
        paths = [u.toLocalFile() for u in mime.urls() if u.isLocalFile()] if mime.hasUrls() else []
        if paths:
            event.acceptProposedAction()
            self.host.open_paths(paths)
        elif self.open_mime(mime):
            event.acceptProposedAction()

    # -- saving and closing ------------------------------------------------------------------

    def save_as(self, view: DocumentView | None = None, target: str | None = None) -> bool:
        """Write the pasted call as UTF-8 text and reopen it from the file; False if not."""
        from viewer.core.errors import ExportError
        from viewer.core.paste import save_text

        view = view or self.host.current_document()
        if view is None or not is_unsaved(view):
            return False
        if target is None:
            from PySide6.QtWidgets import QFileDialog

            target, _ = QFileDialog.getSaveFileName(
                self.window,
                translate("PasteController", "Save pasted call as"),
                view.path.name,
                translate("PasteController", "Text (*.txt)"),
            )
            if not target:
                return False
        try:
            save_text(target, view.document.unsaved_text or "")
        except ExportError as exc:
            self.host.show_error(translate("PasteController", "Cannot save"), error_text(exc))
            return False
        view.document.unsaved_text = None
        self.host.close_document(self._tab_index(view))
        self.host.open_path(target)
        return True

    def confirm_close(self, view: DocumentView) -> bool:
        """May ``view`` close? Asks first for an unsaved pasted call."""
        if not is_unsaved(view):
            return True
        from PySide6.QtWidgets import QMessageBox

        answer = self.ask(view)
        if answer == QMessageBox.StandardButton.Save:
            return self.save_as(view)
        return answer == QMessageBox.StandardButton.Discard

    def _ask_unsaved(self, view: DocumentView) -> QMessageBox.StandardButton:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(
            QMessageBox.Icon.Question,
            translate("PasteController", "Unsaved pasted call"),
            translate(
                "PasteController", "This call was pasted and is not saved. Save it before closing?"
            ),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            self.window,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)  # the title is transcript text
        box.setInformativeText(view.title)
        return QMessageBox.StandardButton(box.exec())
