"""The GUI as a real process: start, first paint, quit while background jobs still run."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import SAMPLE, run_cli, run_python


def _crash_report(logs: Path) -> str:
    crash = logs / "crash.log"
    return crash.read_text(encoding="utf-8", errors="replace")[-4000:] if crash.exists() else ""


def test_quitting_while_the_figures_are_found_exits_cleanly(tmp_path: Path) -> None:
    """The app quits at its first paint (``EARNINGS_VIEWER_FIRST_PAINT``), when the index and
    figures jobs of a long call have only just started: they must be cancelled and end
    before the QApplication goes (a job finishing during its destruction crashed it)."""
    text = SAMPLE.read_text(encoding="utf-8")
    head, sep, body = text.partition("\n\n")
    long_call = tmp_path / "NOVA-2025-Q3-long.txt"
    long_call.write_text(head + sep + "\n\n".join([body] * 40), encoding="utf-8")
    logs = tmp_path / "logs"
    env = {
        "QT_QPA_PLATFORM": "offscreen",
        "EARNINGS_VIEWER_FIRST_PAINT": "1",
        "EARNINGS_VIEWER_SETTINGS": str(tmp_path / "settings.ini"),
        "EARNINGS_VIEWER_LOG_DIR": str(logs),
    }
    for _ in range(3):
        proc = run_cli(long_call, env=env)
        assert proc.returncode == 0, proc.stderr[-2000:] + _crash_report(logs)
        assert proc.stdout.startswith("first-paint:") and "loaded=1" in proc.stdout
        assert "Traceback" not in proc.stderr, proc.stderr[-2000:]
    assert _crash_report(logs) == ""


CRASH = """
import faulthandler
from viewer.qt.app import setup_logging
setup_logging()
faulthandler._sigsegv()
"""


def test_a_fatal_signal_leaves_the_stacks_in_the_crash_log(tmp_path: Path) -> None:
    """A segfault (in Qt, PySide or a job) kills the process before any Python handler runs:
    the crash log beside the app's log keeps the stack of every thread."""
    logs = tmp_path / "logs"
    proc = run_python("-c", CRASH, env={"EARNINGS_VIEWER_LOG_DIR": str(logs)})
    assert proc.returncode != 0
    report = _crash_report(logs)
    assert "Fatal Python error: Segmentation fault" in report
    assert "<string>" in report  # the stack reaches the line that crashed


def test_a_fault_handler_already_on_keeps_reporting_where_it_did(tmp_path: Path) -> None:
    """``python -X faulthandler`` (or a test runner's handler) chose stderr: the app leaves it."""
    logs = tmp_path / "logs"
    proc = run_python("-X", "faulthandler", "-c", CRASH, env={"EARNINGS_VIEWER_LOG_DIR": str(logs)})
    assert proc.returncode != 0
    assert "Fatal Python error: Segmentation fault" in proc.stderr
    assert _crash_report(logs) == ""


QUIT_BY_CLOSING = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from viewer.qt import app as app_module

made = app_module.create_window


def create_window(*args, **kwargs):
    window = made(*args, **kwargs)

    def gone(name):
        def say(*_):
            alive = QApplication.instance() is not None  # when the object goes, not before
            print(f"{name} deleted, application alive={alive}", flush=True)

        return say

    def loaded(view):
        view.document.destroyed.connect(gone("document"))
        QTimer.singleShot(0, window.close)  # File > Quit: the window closes, the app ends

    window.destroyed.connect(gone("window"))
    window.load_finished.connect(loaded)
    return window


app_module.create_window = create_window
from viewer.__main__ import main

code = main([sys.argv[1]])
print("main returned", flush=True)
sys.exit(code)
"""


def test_the_window_is_deleted_in_order_before_the_application(tmp_path: Path) -> None:
    """After the event loop, the window and its documents are deleted by Qt, parent first,
    while the application exists: not by PySide at interpreter exit, in no set order."""
    logs = tmp_path / "logs"
    proc = run_python(
        "-c",
        QUIT_BY_CLOSING,
        SAMPLE,
        env={
            "QT_QPA_PLATFORM": "offscreen",
            "EARNINGS_VIEWER_SETTINGS": str(tmp_path / "settings.ini"),
            "EARNINGS_VIEWER_LOG_DIR": str(logs),
        },
    )
    assert proc.returncode == 0, proc.stderr[-2000:] + _crash_report(logs)
    lines = proc.stdout.splitlines()
    # Qt tells a widget's deletion before its children's.
    assert lines == [
        "window deleted, application alive=True",
        "document deleted, application alive=True",
        "main returned",
    ], proc.stdout
