"""The first file read by a forked child (viewer.core.preload) through the document loader
and run_gui's start: it lands, a cancel stops the child, and the window's process never
imports the readers for it."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import SAMPLE, run_python
from viewer.core import preload
from viewer.core.preload import Preload
from viewer.core.transcript_io import load_transcript
from viewer.qt.document_loader import DocumentLoader

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this platform")


def slow_preload(monkeypatch: pytest.MonkeyPatch, path: Path) -> Preload:
    monkeypatch.setattr(preload, "_child", lambda p, fd: time.sleep(60))
    pre = Preload.start(path)
    assert pre is not None
    return pre


def test_a_preloaded_first_file_lands_and_the_batch_goes_on(qtbot: Any, tmp_path: Path) -> None:
    second = tmp_path / "second.txt"
    second.write_bytes(SAMPLE.read_bytes())
    pre = Preload.start(SAMPLE)
    assert pre is not None
    loader = DocumentLoader()
    got: list[tuple[object, object]] = []
    loader.loaded.connect(lambda path, transcript, groups: got.append((path, transcript)))
    loader.open_paths([SAMPLE, second], pre)
    qtbot.waitUntil(lambda: len(got) == 2, timeout=20000)
    assert got[0] == (SAMPLE, load_transcript(SAMPLE))
    assert got[1][0] == second and pre._pid is None  # taken, and the child reaped


def test_cancelling_the_first_load_stops_its_child(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    pre = slow_preload(monkeypatch, SAMPLE)
    pid = pre._pid
    assert pid is not None
    loader = DocumentLoader()
    loader.open_paths([SAMPLE], pre)
    with qtbot.waitSignal(loader.cancelled, timeout=20000):
        loader.cancel()
    assert pre._pid is None
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)  # reaped: no zombie left


def test_a_preload_of_a_file_outside_the_batch_is_dropped(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    pre = slow_preload(monkeypatch, tmp_path / "other.txt")
    loader = DocumentLoader()
    with qtbot.waitSignal(loader.loaded, timeout=20000) as blocker:
        loader.open_paths([SAMPLE], pre)
    assert blocker.args[0] == SAMPLE and pre._pid is None  # loaded in-process, child stopped


PARENT_PROBE = """
import sys
from viewer.qt.app import start_preload
from viewer.cli import build_parser
args = build_parser().parse_args([sys.argv[1]])
preload = start_preload(args.files[0])
from PySide6.QtWidgets import QApplication
from viewer.qt.document_loader import DocumentLoader
from viewer.qt.startup import create_window, make_app
app = make_app(icon=False)
loader = DocumentLoader()
loader.open_paths(args.files, preload)
window = create_window(app, None, loader)
window.show()
window.load_finished.connect(lambda view: app.exit(0 if view is not None else 1))
code = app.exec()
view = window.current_document()
print(code, preload is not None, len(view.transcript.paragraphs), "viewer.core.formats" in sys.modules)
"""


def test_the_window_process_never_imports_the_readers_for_a_preloaded_file(
    tmp_path: Path,
) -> None:
    # The point of the preload: this process builds the window while the child imports the
    # readers and parses (viewer.core.preload); it only unpickles the result.
    env = {"EARNINGS_VIEWER_SETTINGS": str(tmp_path / "s.ini"), preload.DISABLE_ENV: ""}
    out = run_python("-c", PARENT_PROBE, SAMPLE, env=env, check=True).stdout.split()
    assert out[:2] == ["0", "True"] and int(out[2]) > 20
    assert out[3] == "False"
