"""Paste a call from the clipboard, drop text, save it, and be asked before losing it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication
from PySide6.QtWidgets import QMessageBox

from tests.conftest import DATA
from tests.core.test_paste import _page_html
from viewer.core.transcript_io import load_transcript
from viewer.qt.document_view import DocumentView

BULLETED = DATA / "hpf-bulleted.txt"
Button = QMessageBox.StandardButton


@pytest.fixture(autouse=True)
def _discard_when_closed(window: Any) -> Iterator[None]:
    # pytest-qt closes the window before fixtures are torn down: answer its question
    window.paste.ask = lambda view: Button.Discard
    yield


def _paste(qtbot: Any, window: Any, mime: QMimeData) -> Any:
    QGuiApplication.clipboard().setMimeData(mime)
    with qtbot.waitSignal(window.paste.pasted, timeout=20000) as blocker:
        qtbot.keyClick(
            window,
            Qt.Key.Key_V,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
    return blocker.args[0]


def _drop(window: Any, mime: QMimeData) -> None:
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)


def test_ctrl_shift_v_opens_the_clipboard_text_as_an_unsaved_call(qtbot: Any, window: Any) -> None:
    mime = QMimeData()
    mime.setText(BULLETED.read_text(encoding="utf-8"))
    view = _paste(qtbot, window, mime)
    assert isinstance(view, DocumentView)
    assert window.current_document() is view
    assert view.transcript.paragraphs == load_transcript(BULLETED).paragraphs
    assert window.tabs.tabText(window.tabs.currentIndex()).startswith("● HPF Q2 2024")
    assert view.document.unsaved_text is not None
    assert not view.path.exists()


def test_html_only_clipboard_is_converted(qtbot: Any, window: Any) -> None:
    mime = QMimeData()
    mime.setHtml(_page_html(str(BULLETED)))
    view = _paste(qtbot, window, mime)
    assert isinstance(view, DocumentView)
    assert [p.zh for p in view.transcript.paragraphs] == [
        p.zh for p in load_transcript(BULLETED).paragraphs
    ]


def test_a_bad_paste_is_one_clear_error_and_opens_nothing(qtbot: Any, window: Any) -> None:
    mime = QMimeData()
    mime.setText("It was a dark and stormy night.\nThe end.\n")
    result = _paste(qtbot, window, mime)
    assert isinstance(result, Exception)
    assert window.errors[-1][0] == "Cannot read the pasted text"
    assert "unrecognised transcript layout" in window.errors[-1][1]
    assert window.tabs.count() == 0 or window.current_document() is None


def test_empty_clipboard_says_so(qtbot: Any, window: Any) -> None:
    QGuiApplication.clipboard().setMimeData(QMimeData())
    window.paste.paste_clipboard()
    assert "no text" in window.statusBar().currentMessage()


def test_dropping_text_opens_it_and_dropping_files_still_opens_files(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    mime = QMimeData()
    mime.setText(BULLETED.read_text(encoding="utf-8"))
    with qtbot.waitSignal(window.paste.pasted, timeout=20000) as blocker:
        _drop(window, mime)
    assert isinstance(blocker.args[0], DocumentView)
    files = QMimeData()
    files.setUrls([QUrl.fromLocalFile(str(BULLETED))])
    with qtbot.waitSignal(window.load_finished, timeout=20000) as loaded:
        _drop(window, files)
    assert loaded.args[0].path == BULLETED.resolve()


def test_save_as_writes_utf8_and_reopens_the_file(qtbot: Any, window: Any, tmp_path: Path) -> None:
    mime = QMimeData()
    mime.setText(BULLETED.read_text(encoding="utf-8").replace("\n", "\r\n"))
    view = _paste(qtbot, window, mime)
    target = tmp_path / "saved call.txt"
    with qtbot.waitSignal(window.load_finished, timeout=20000) as loaded:
        assert window.paste.save_as(view, str(target))
    saved = loaded.args[0]
    assert saved.path == target.resolve()
    assert saved.document.unsaved_text is None
    data = target.read_bytes()
    assert b"\r\n" not in data and data.decode("utf-8").startswith("Harbor Pine Foods Inc")
    assert load_transcript(target).paragraphs == load_transcript(BULLETED).paragraphs
    assert window.tabs.count() == 1  # the pasted tab was replaced by the file's


def test_closing_an_unsaved_paste_asks_first(qtbot: Any, window: Any) -> None:
    mime = QMimeData()
    mime.setText(BULLETED.read_text(encoding="utf-8"))
    view = _paste(qtbot, window, mime)
    asked: list[Any] = []
    answers = iter([Button.Cancel, Button.Discard])
    window.paste.ask = lambda v: asked.append(v) or next(answers)
    window.close_current()
    assert asked == [view] and window.current_document() is view  # Cancel keeps it
    window.close_current()
    assert window.current_document() is None and len(asked) == 2  # Discard closes it


def test_quitting_with_an_unsaved_paste_can_be_cancelled(qtbot: Any, window: Any) -> None:
    mime = QMimeData()
    mime.setText(BULLETED.read_text(encoding="utf-8"))
    view = _paste(qtbot, window, mime)
    window.paste.ask = lambda v: Button.Cancel
    assert not window.close()
    assert window.isVisible() and window.current_document() is view
    window.paste.ask = lambda v: Button.Discard
    assert window.close()
