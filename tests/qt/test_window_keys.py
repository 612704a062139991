"""Keyboard-only use: go to speaker, go to paragraph, focus and dock shortcuts, F1."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog

from tests.qt.conftest import load
from viewer.qt.dialogs.speaker_picker import SpeakerPicker
from viewer.qt.dialogs.text_list_dialog import TextListDialog

CTRL, ALT, SHIFT = (
    Qt.KeyboardModifier.ControlModifier,
    Qt.KeyboardModifier.AltModifier,
    Qt.KeyboardModifier.ShiftModifier,
)


def _when_modal(qtbot: Any, act: Any) -> list[Any]:
    """Run ``act(dialog)`` on the next modal dialog once it is shown."""
    seen: list[Any] = []

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, poll)
            return
        seen.append(dialog)
        act(dialog)

    QTimer.singleShot(0, poll)
    return seen


def test_go_to_speaker_by_typing_part_of_a_firm(qtbot: Any, window: Any) -> None:
    doc = load(qtbot, window)

    def pick(dialog: Any) -> None:
        assert isinstance(dialog, SpeakerPicker)
        qtbot.keyClicks(dialog.edit, "keybanc")
        qtbot.keyClick(dialog.edit, Qt.Key.Key_Return)

    seen = _when_modal(qtbot, pick)
    qtbot.keyClick(doc.pane, Qt.Key.Key_K, CTRL)
    qtbot.waitUntil(lambda: bool(seen) and QApplication.activeModalWidget() is None)
    turn = doc.transcript.turns[doc.pane.current_turn()]
    assert doc.transcript.speaker(turn.speaker_id).firm == "KeyBanc Capital Markets"


def test_go_to_paragraph_number(qtbot: Any, window: Any) -> None:
    doc = load(qtbot, window)

    def answer(dialog: Any) -> None:
        assert isinstance(dialog, QInputDialog)
        dialog.setIntValue(40)
        dialog.accept()

    seen = _when_modal(qtbot, answer)
    qtbot.keyClick(doc.pane, Qt.Key.Key_G, CTRL)
    assert seen
    assert doc.pane.selected_paragraphs() == [39]


def test_focus_and_dock_shortcuts(qtbot: Any, window: Any) -> None:
    doc = load(qtbot, window)
    qtbot.keyClick(doc.pane, Qt.Key.Key_1, ALT)
    assert QApplication.focusWidget() is window.speaker_panel.tree
    qtbot.keyClick(window.speaker_panel.tree, Qt.Key.Key_2, ALT)
    assert QApplication.focusWidget() is doc.pane
    qtbot.keyClick(doc.pane, Qt.Key.Key_3, ALT)
    assert window.metrics_panel.isAncestorOf(QApplication.focusWidget())
    assert window.speaker_dock.isVisible()
    qtbot.keyClick(doc.pane, Qt.Key.Key_S, CTRL | SHIFT)
    assert not window.speaker_dock.isVisible()
    qtbot.keyClick(doc.pane, Qt.Key.Key_S, CTRL | SHIFT)
    assert window.speaker_dock.isVisible()
    qtbot.keyClick(doc.pane, Qt.Key.Key_D, CTRL | SHIFT)
    assert window.dark
    qtbot.keyClick(doc.pane, Qt.Key.Key_D, CTRL | SHIFT)
    assert not window.dark


def test_f1_lists_the_shortcuts(qtbot: Any, window: Any) -> None:
    doc = load(qtbot, window)
    rows: list[list[str]] = []

    def read(dialog: Any) -> None:
        assert isinstance(dialog, TextListDialog)
        t = dialog.table
        rows.extend([t.item(r, c).text() for c in range(2)] for r in range(t.rowCount()))
        dialog.accept()

    _when_modal(qtbot, read)
    qtbot.keyClick(doc.pane, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: bool(rows))
    sheet = dict(rows)
    assert sheet["Find…"] == "Ctrl+F"
    assert sheet["Export selection to CSV…"] == "Ctrl+E"
    assert sheet["Next question"] == "Alt+Shift+Down"
