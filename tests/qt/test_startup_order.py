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
