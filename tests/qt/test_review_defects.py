"""The defects of the Qt-layer review (issue 11), each driven as a user meets it."""

from __future__ import annotations

import gc
import shutil
import sys
import weakref
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QDialog

from tests.conftest import ROOT, SAMPLE
from tests.qt.conftest import load
from viewer.qt.workers import wait_for_jobs


def _big_copy(tmp_path: Path, name: str = "big.txt", times: int = 60) -> Path:
    """The sample with its body repeated: slow enough to load that it can be cancelled."""
    text = SAMPLE.read_text(encoding="utf-8")
    head, sep, body = text.partition("使用警語")
    disclaimer, _, rest = body.partition("\n")
    path = tmp_path / name
    path.write_text(head + sep + disclaimer + "\n" + (rest + "\n\n") * times, encoding="utf-8")
    return path


def _flush_deletes() -> None:
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QApplication.processEvents()


def _dialogs(window: Any) -> list[QDialog]:
    return [d for d in window.findChildren(QDialog) if d.objectName() != "qt_msgbox"]


def _close_modal_soon() -> None:
    """Close whatever dialog is about to be shown (works for exec() and open())."""

    def close() -> None:
        w = QApplication.activeModalWidget()
        if isinstance(w, QDialog):
            w.reject()
        else:
            QTimer.singleShot(20, close)

    QTimer.singleShot(0, close)


# -- 1: the error dialog pools exceptions outside tests too ---------------------------------


def test_error_dialog_pools_a_burst_into_one_dialog(
    qtbot: Any, window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from viewer.qt.app import ExceptionHook

    # What a user's session looks like to the hook: not offscreen (it must not care).
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    hook = ExceptionHook(tmp_path / "logs" / "viewer.log")
    for n in range(3):
        try:
            raise RuntimeError(f"boom {n}")
        except RuntimeError:
            hook(*sys.exc_info())
    shown = [w for w in QApplication.topLevelWidgets() if type(w).__name__ == "ErrorDialog"]
    assert hook.dialog is not None and hook.dialog.isVisible() and hook.dialog.count == 3
    assert [d for d in shown if d.isVisible()] == [hook.dialog]
    hook.dialog.close()


def test_no_production_code_checks_for_the_test_runner() -> None:
    offenders = [
        str(p.relative_to(ROOT))
        for p in (ROOT / "viewer").rglob("*.py")
        if "pytest" in p.read_text(encoding="utf-8")
    ]
    assert offenders == []


# -- 2: cancelling a batch open forgets the rest of the batch ---------------------------------


def test_cancelling_a_batch_open_clears_the_queue(qtbot: Any, window: Any, tmp_path: Path) -> None:
    big = _big_copy(tmp_path)
    queued = shutil.copy(SAMPLE, tmp_path / "queued.txt")
    with qtbot.waitSignal(window.load_finished, timeout=20000) as blocker:
        window.open_paths([str(big), str(queued)])  # two files dropped at once
        window.cancel_loading()
    assert blocker.args[0] is None
    doc = load(qtbot, window, SAMPLE)  # an unrelated open afterwards
    wait_for_jobs()
    qtbot.wait(100)
    assert [d.path for d in window.documents()] == [doc.path]
    assert not window.is_loading()


# -- 3: closing the find bar ends "only matching paragraphs" everywhere ------------------------


def test_closing_the_find_bar_unfilters_every_tab(qtbot: Any, window: Any, tmp_path: Path) -> None:
    first = load(qtbot, window, SAMPLE)
    second = load(qtbot, window, shutil.copy(SAMPLE, tmp_path / "second.txt"))
    bar = window.find_bar
    qtbot.waitUntil(lambda: second.search_index is not None, timeout=10000)
    window.hits_dock.show()
    bar.open()
    with qtbot.waitSignal(bar.results_ready, timeout=10000):
        qtbot.keyClicks(bar.field, "Libra")
    window.hit_list.only.setChecked(True)
    qtbot.waitUntil(lambda: second.proxy.is_filtered(), timeout=10000)
    window.tabs.setCurrentIndex(window.tabs.indexOf(first))
    qtbot.waitUntil(lambda: first.proxy.is_filtered(), timeout=10000)
    window.tabs.setCurrentIndex(window.tabs.indexOf(second))
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    qtbot.waitUntil(lambda: not second.proxy.is_filtered(), timeout=10000)
    assert not first.proxy.is_filtered()


# -- 4: Ctrl+F starts from the selected text ----------------------------------------------------


def test_ctrl_f_prefills_the_selected_text(qtbot: Any, window: Any) -> None:
    doc = load(qtbot, window)
    text = doc.summary.text
    words = text.toPlainText().split()
    word = next(w for w in words if w.isalpha() and len(w) > 1)
    start = text.toPlainText().index(word)
    cursor = text.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len(word), QTextCursor.MoveMode.KeepAnchor)
    text.setTextCursor(cursor)
    text.setFocus()
    qtbot.waitUntil(text.hasFocus, timeout=5000)
    qtbot.keyClick(text, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.find_bar.isVisible()
    assert window.find_bar.field.text() == word


# -- 5: dialogs are deleted; a closed tab's transcript is freed ----------------------------------


@pytest.mark.parametrize("show", ["show_shortcuts", "show_warnings", "go_to_speaker_dialog"])
def test_dialogs_are_deleted_once_closed(qtbot: Any, window: Any, show: str) -> None:
    load(qtbot, window)
    for _ in range(2):
        _close_modal_soon()
        getattr(window.commands, show)()
        qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None, timeout=5000)
    _flush_deletes()
    assert _dialogs(window) == []


def test_a_closed_tab_frees_its_transcript_even_after_an_export(qtbot: Any, window: Any) -> None:
    doc = load(qtbot, window)
    with qtbot.waitSignal(window.analysis_finished, timeout=20000):
        pass
    alive = weakref.ref(doc.transcript)
    doc.pane.setFocus()
    _close_modal_soon()
    window.commands.export_selection()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None, timeout=5000)
    window.close_document(window.tabs.indexOf(doc))
    del doc
    wait_for_jobs()
    _flush_deletes()
    assert _dialogs(window) == []

    def freed() -> bool:
        _flush_deletes()
        gc.collect()
        return alive() is None

    qtbot.waitUntil(freed, timeout=10000)  # finished jobs are released shortly after


# -- 6: a load that fails with a bug reaches the exception hook ---------------------------------


def test_a_load_failing_with_a_bug_reaches_the_exception_hook(
    qtbot: Any, window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import viewer.core.transcript_io as transcript_io

    seen: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda t, e, tb: seen.append(e))

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise ZeroDivisionError("a bug in the reader")

    monkeypatch.setattr(transcript_io, "load_transcript", broken)
    with qtbot.waitSignal(window.load_finished, timeout=20000) as blocker:
        window.open_path(SAMPLE)
    assert isinstance(blocker.args[0], ZeroDivisionError)
    assert [str(e) for e in seen] == ["a bug in the reader"]
    assert window.errors == []  # not dressed up as "Cannot open transcript"
