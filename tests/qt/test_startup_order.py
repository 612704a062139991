"""Start-up order: what waits for the first paint, and PySide6's source scan answered for us."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from tests.qt.conftest import load
from viewer.qt.app import attach_library_after_first_paint, run_first_load_freely
from viewer.qt.document_view import DocumentView
from viewer.qt.startup import skip_pyside_source_scan


def test_the_library_attaches_after_the_first_documents_paint(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    attach_library_after_first_paint(window, str(tmp_path / "library.sqlite3"), loading=True)
    at_load: list[object] = []
    window.load_finished.connect(lambda _: at_load.append(window.library))
    view = load(qtbot, window)
    assert isinstance(view, DocumentView)
    assert at_load == [None]  # not while the document's tab is being built
    qtbot.waitUntil(lambda: window.library is not None, timeout=10000)
    window.library.shutdown()


def test_the_library_attaches_to_an_empty_window_too(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    attach_library_after_first_paint(window, str(tmp_path / "library.sqlite3"), loading=False)
    qtbot.waitUntil(lambda: window.library is not None, timeout=10000)
    window.library.shutdown()


def test_a_first_load_that_runs_freely_loads_and_so_does_the_next(qtbot: Any, window: Any) -> None:
    run_first_load_freely(window.loader)
    first = load(qtbot, window)
    assert isinstance(first, DocumentView) and first.transcript.paragraphs
    # Turns again once the first load has finished: the next load still arrives.
    second = load(qtbot, window)
    assert isinstance(second, DocumentView) and second.transcript.paragraphs


def test_pyside_is_told_what_its_source_scan_would_find() -> None:
    import viewer.qt.main_window  # noqa: F401  (the window's modules, all imported)

    feature = sys.modules["shibokensupport.feature"]  # PySide6 6.11's __feature__ support
    known = feature.pyside_feature_dict
    skip_pyside_source_scan()  # done at import already: a second time changes no answer
    ours = {n: m for n, m in sys.modules.items() if n == "viewer" or n.startswith("viewer.")}
    assert "viewer.qt.main_window" in ours and "viewer.core.models" in ours
    for name, module in ours.items():
        # What PySide6 would have read from the source: "PySide6" in it (0) or not (-1).
        scanned = 0 if feature._mod_uses_pyside(module) else -1
        if name.startswith("viewer.qt"):
            # Qt modules: 0, the scan's answer for all but a few without Qt imports (for those
            # 0 and -1 behave alike: nothing here uses ``from __feature__ import``); one the
            # scan reached first (imported before ``viewer.qt.startup``) has its own answer.
            assert known[name] in {0, scanned}, name
        else:
            assert known[name] == scanned == -1, name


def test_a_load_started_before_the_window_lands_in_it(qtbot: Any, settings_file: Path) -> None:
    # run_gui's order: the first file loads while the window is being built.
    from PySide6.QtWidgets import QApplication

    from tests.conftest import SAMPLE
    from viewer.qt.document_loader import DocumentLoader
    from viewer.qt.startup import create_window

    loader = DocumentLoader()
    run_first_load_freely(loader)
    loader.open_paths([SAMPLE])
    win = create_window(QApplication.instance(), loader=loader)
    qtbot.addWidget(win)
    assert win.loader is loader and loader.parent() is win
    # The window was told of the load under way: the status line offers to cancel it.
    assert win.is_loading() and win.status_line.cancel_button.isVisibleTo(win)
    assert SAMPLE.name in win.statusBar().currentMessage()
    with qtbot.waitSignal(win.load_finished, timeout=20000) as blocker:
        win.show()
    view = blocker.args[0]
    assert isinstance(view, DocumentView) and view is win.current_document()
    assert not win.status_line.cancel_button.isVisibleTo(win)


def test_the_loader_announces_only_a_load_under_way(qtbot: Any, window: Any) -> None:
    from tests.conftest import SAMPLE

    started: list[object] = []
    busy: list[bool] = []
    window.loader.announce()  # nothing is loading: nothing said
    with qtbot.waitSignal(window.load_finished, timeout=20000):
        window.open_path(SAMPLE)
        window.loader.started.connect(started.append)
        window.loader.busy_changed.connect(busy.append)
        window.loader.announce()  # a latecomer hears of the load under way
        assert started == [SAMPLE] and busy == [True]
    window.loader.announce()
    assert started == [SAMPLE] and busy == [True, False]


def test_main_turns_the_collector_back_on_whatever_happens(tmp_path: Path) -> None:
    import gc

    import pytest

    from tests.conftest import SAMPLE
    from viewer.__main__ import main

    assert gc.isenabled()
    assert main(["--json", str(SAMPLE)]) == 0
    assert gc.isenabled()
    with pytest.raises(SystemExit):
        main(["--no-such-flag"])  # a usage error: argparse exits
    assert gc.isenabled()


def test_a_preloaded_first_file_lands_and_the_batch_goes_on(qtbot: Any, tmp_path: Path) -> None:
    # run_gui forks a child reading the first file (viewer.core.preload) before the window.
    from tests.conftest import SAMPLE
    from viewer.core.preload import Preload
    from viewer.core.transcript_io import load_transcript
    from viewer.qt.document_loader import DocumentLoader

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


def slow_preload(monkeypatch: Any, path: Path) -> Any:
    import time

    from viewer.core import preload

    monkeypatch.setattr(preload, "_child", lambda p, fd: time.sleep(60))
    pre = preload.Preload.start(path)
    assert pre is not None
    return pre


def test_cancelling_the_first_load_stops_its_child(qtbot: Any, monkeypatch: Any) -> None:
    from tests.conftest import SAMPLE
    from viewer.qt.document_loader import DocumentLoader

    pre = slow_preload(monkeypatch, SAMPLE)
    pid = pre._pid
    loader = DocumentLoader()
    loader.open_paths([SAMPLE], pre)
    with qtbot.waitSignal(loader.cancelled, timeout=20000):
        loader.cancel()
    assert pre._pid is None
    import os

    import pytest

    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)  # reaped: no zombie left


def test_a_preload_of_a_file_outside_the_batch_is_dropped(
    qtbot: Any, monkeypatch: Any, tmp_path: Path
) -> None:
    from tests.conftest import SAMPLE
    from viewer.qt.document_loader import DocumentLoader

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
preload = start_preload(args)
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
    import os
    import subprocess

    from tests.conftest import ROOT, SAMPLE

    env = dict(os.environ, EARNINGS_VIEWER_SETTINGS=str(tmp_path / "s.ini"))
    env.pop("EARNINGS_VIEWER_NO_PRELOAD", None)
    out = subprocess.run(
        [sys.executable, "-c", PARENT_PROBE, str(SAMPLE)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout.split()
    assert out[:2] == ["0", "True"] and int(out[2]) > 20
    assert out[3] == "False"
