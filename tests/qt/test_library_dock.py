"""The library in a window: install, menus, folders, indexing with progress and cancel, the
Library dock's tree, the folder watcher, a corrupt or unusable database (issue 15)."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMainWindow, QMenu

from tests.conftest import DATA
from tests.qt.library_fixtures import BROKEN, CLNT, LibWindow, index_folder, install
from viewer.core.library import Library
from viewer.qt.library.library_folders import load_folders
from viewer.qt.library.library_roles import LibraryRoles


@pytest.fixture
def lw(qtbot: Any, tmp_path: Path) -> Iterator[LibWindow]:
    lw = install(qtbot, tmp_path)
    yield lw
    lw.controller.shutdown()


def _menu(window: QMainWindow, name: str) -> QMenu:
    menus = [
        a.menu() for a in window.menuBar().actions() if a.menu() and a.menu().objectName() == name
    ]
    assert len(menus) == 1, f"one {name} expected"
    return menus[0]


def _tree_rows(lw: LibWindow) -> dict[str, list[Any]]:
    """Group label -> the CallInfo of its rows, read through the model."""
    model = lw.controller.library_dock.model
    out = {}
    for row in range(model.rowCount()):
        group = model.index(row, 0)
        out[group.data()] = [
            model.index(k, 0, group).data(LibraryRoles.CALL) for k in range(model.rowCount(group))
        ]
    return out


def test_install_adds_menus_docks_and_shortcut(qtbot: Any, lw: LibWindow) -> None:
    file_menu = _menu(lw.window, "fileMenu")
    view_menu = _menu(lw.window, "viewMenu")
    actions = lw.controller.menu_actions
    assert actions["add"] in file_menu.actions() and actions["remove"] in file_menu.actions()
    assert actions["search"].shortcut().toString() == "Ctrl+Shift+F"
    toggles = [a for a in view_menu.actions() if a.isCheckable()]
    assert {
        lw.controller.library_dock.toggleViewAction(),
        lw.controller.search_dock.toggleViewAction(),
    } <= set(toggles)
    # every interactive widget of the three panels has an accessible name
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QComboBox,
        QHeaderView,
        QLineEdit,
    )

    for dock in (lw.controller.library_dock, lw.controller.search_dock, lw.controller.compare_dock):
        for kind in (QAbstractButton, QComboBox, QLineEdit, QAbstractItemView):
            for w in dock.widget().findChildren(kind):
                if isinstance(w, QHeaderView) or w.objectName().startswith("qt_"):
                    continue  # Qt's own parts of a view or a combo box
                if w.isVisibleTo(dock):
                    assert w.accessibleName() or (
                        hasattr(w, "defaultAction") and w.defaultAction()
                    ), f"{type(w).__name__} without an accessible name"
    lw.window.activateWindow()
    qtbot.waitUntil(lambda: lw.window.isActiveWindow())
    qtbot.keyClick(
        lw.window,
        Qt.Key.Key_F,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: lw.controller.search_dock.isVisible())
    assert lw.controller.search_panel.field.hasFocus()


def test_existing_menus_are_reused(qtbot: Any, tmp_path: Path) -> None:
    from viewer.qt.library import install_library

    window = QMainWindow()
    qtbot.addWidget(window)
    file_menu = window.menuBar().addMenu("&File")
    file_menu.setObjectName("fileMenu")
    quit_action = file_menu.addAction("Quit")
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    c = install_library(window, lambda *a: None, settings, tmp_path / "l.db", scan_on_start=False)
    try:
        assert _menu(window, "fileMenu") is file_menu
        assert file_menu.actions()[0] is quit_action
        assert c.menu_actions["add"] in file_menu.actions()
        assert _menu(window, "viewMenu").objectName() == "viewMenu"
    finally:
        c.shutdown()


def test_add_folder_indexes_with_progress_and_lists_the_tree(qtbot: Any, lw: LibWindow) -> None:
    progress: list[tuple[int, int, str]] = []
    lw.controller.indexing_progress.connect(lambda *a: progress.append(a))
    dock = lw.controller.library_dock
    report = index_folder(qtbot, lw)
    files = len(CLNT) + 1
    assert len(report.added) == files and [Path(p).name for p in report.failed] == [BROKEN]
    # progress: one call per file read, then done == total
    assert progress[-1][:2] == (files, files)
    assert {Path(p).name for _, _, p in progress if p} == {f.name for f in CLNT} | {BROKEN}
    assert not dock.progress_row.isVisibleTo(dock)
    rows = _tree_rows(lw)
    assert list(rows) == ["CLNT", dock.model.tr("Files that failed")]
    calls = rows["CLNT"]
    assert [c.period for c in calls] == ["Q2 2024", "Q3 2024", "Q4 2024", "Q1 2025", "Q2 2025"]
    assert [Path(c.path).name for c in calls] == [f.name for f in CLNT]
    company = dock.model.index(0, dock.model.TITLE)
    assert "Corvid Lantern Systems" in company.data() and str(len(CLNT)) in company.data()
    # each call row shows its title, date, layout, file and counts from the library
    first = dock.model.index(0, 0, dock.model.index(0, 0))
    shown = [dock.model.index(0, col, first.parent()).data() for col in range(8)]
    c0 = calls[0]
    assert shown == [
        c0.period,
        c0.title,
        c0.call_date or "",
        c0.layout,
        Path(c0.path).name,
        c0.paragraphs,
        c0.speakers,
        c0.figures,
    ]
    assert c0.paragraphs > 0 and c0.figures > 0
    # the failed file is listed with its error, and hides nothing else
    (failed,) = rows[dock.model.tr("Files that failed")]
    group = dock.model.index(1, 0)
    error_cell = dock.model.index(0, dock.model.TITLE, group)
    assert failed.error and error_cell.data()
    assert failed.error.replace("\n", " ").endswith(error_cell.data())
    assert failed.path in error_cell.data(Qt.ItemDataRole.ToolTipRole)
    assert str(len(CLNT)) in dock.status.text()
    # the folder list is kept in the settings
    assert load_folders(lw.settings) == [str(lw.folder.resolve())]


def test_double_click_and_enter_open_a_call(qtbot: Any, lw: LibWindow) -> None:
    index_folder(qtbot, lw)
    dock = lw.controller.library_dock
    dock.show()
    view = dock.view
    call = dock.model.index(1, 0, dock.model.index(0, 0))
    view.scrollTo(call)
    rect = view.visualRect(call)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert lw.opened[-1] == (str(lw.folder.resolve() / CLNT[1].name), None, None)
    view.setCurrentIndex(dock.model.index(2, 0, dock.model.index(0, 0)))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert lw.opened[-1] == (str(lw.folder.resolve() / CLNT[2].name), None, None)
    # a failed file does not open
    n = len(lw.opened)
    view.setCurrentIndex(dock.model.index(0, 0, dock.model.index(1, 0)))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert len(lw.opened) == n


def test_file_menu_adds_and_removes_a_folder(
    qtbot: Any, lw: LibWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(lw.folder))
    with qtbot.waitSignal(lw.controller.indexing_finished, timeout=120000):
        lw.controller.menu_actions["add"].trigger()
    assert lw.controller.library_dock.isVisible()
    assert _tree_rows(lw)["CLNT"]
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: (str(lw.folder.resolve()), True))
    with qtbot.waitSignal(lw.controller.library_changed):
        lw.controller.menu_actions["remove"].trigger()
    assert _tree_rows(lw) == {}
    assert load_folders(lw.settings) == []
    assert lw.folder.is_dir() and len(list(lw.folder.iterdir())) == len(CLNT) + 1


def test_a_file_added_to_the_folder_appears_after_the_watcher_fires(
    qtbot: Any, lw: LibWindow
) -> None:
    index_folder(qtbot, lw)
    lw.controller._debounce.setInterval(50)
    extra = DATA / "search" / "QRL-2025-Q1.txt"
    with qtbot.waitSignal(lw.controller.indexing_finished, timeout=60000) as blocker:
        shutil.copy2(extra, lw.folder / extra.name)
    assert [Path(p).name for p in blocker.args[0].added] == [extra.name]
    qtbot.waitUntil(lambda: "QRL" in _tree_rows(lw))
    # and a removed one disappears
    with qtbot.waitSignal(lw.controller.indexing_finished, timeout=60000) as blocker:
        (lw.folder / CLNT[0].name).unlink()
    assert [Path(p).name for p in blocker.args[0].removed] == [CLNT[0].name]
    assert len(_tree_rows(lw)["CLNT"]) == len(CLNT) - 1


def test_cancel_keeps_the_files_done_and_a_rescan_finishes(qtbot: Any, lw: LibWindow) -> None:
    # Many files, so the scan is still running when the first progress arrives.
    for k in range(10):
        for f in CLNT:
            text = f.read_text(encoding="utf-8")
            (lw.folder / f"copy{k}-{f.name}").write_text(text + f"\n{k}\n", encoding="utf-8")
    total = len(list(lw.folder.iterdir()))
    c = lw.controller
    dock = c.library_dock
    seen: list[int] = []
    clicked = threading.Event()

    def on_progress(done: int, total: int, path: str) -> None:  # GUI thread
        seen.append(done)
        if done >= 2 and not clicked.is_set():
            dock.cancel_button.click()
            clicked.set()

    def hold(done: int, total: int, path: str) -> None:  # the worker, as it reports
        # The user's click must land while the scan runs: the worker waits for it at the
        # third file (a fast machine would otherwise finish before the click is handled).
        if done == 2:
            clicked.wait(30)

    c.indexing_progress.connect(on_progress)
    c._relay.progressed.connect(hold, Qt.ConnectionType.DirectConnection)
    outcome: list[str] = []
    c.indexing_cancelled.connect(lambda: outcome.append("cancelled"))
    c.indexing_finished.connect(lambda _r: outcome.append("finished"))
    c.indexing_failed.connect(lambda m: outcome.append(f"failed {m}"))
    c.add_folder(str(lw.folder))
    qtbot.waitUntil(lambda: bool(outcome), timeout=120000)
    assert outcome == ["cancelled"], (outcome, seen)
    assert not c.is_indexing()
    kept = c.library.stats()["calls"] + c.library.stats()["failed"]
    assert 2 <= kept < total
    assert "cancelled" in dock.status.text().lower()
    c.indexing_progress.disconnect(on_progress)
    c._relay.progressed.disconnect(hold)
    with qtbot.waitSignal(c.indexing_finished, timeout=240000) as blocker:
        c.rescan()
    assert len(blocker.args[0].added) == total - kept
    assert c.library.stats()["calls"] + c.library.stats()["failed"] == total


def test_folders_survive_a_rebuilt_database(qtbot: Any, tmp_path: Path) -> None:
    from viewer.qt.library import install_library

    first = install(qtbot, tmp_path)
    index_folder(qtbot, first)
    first.controller.shutdown()
    first.db.write_bytes(b"this is not a database" * 100)  # corrupt it
    window = QMainWindow()
    qtbot.addWidget(window)
    notices: list[str] = []
    c = install_library(window, lambda *a: None, first.settings, first.db, scan_on_start=True)
    c.notice.connect(notices.append)
    try:
        assert c.available and c.library is not None
        assert c.library.moved_aside is not None and c.library.moved_aside.exists()
        assert str(c.library.moved_aside) in (c.last_notice or "")
        assert str(c.library.moved_aside) in c.library_dock.status.text()
        assert c.folders() == [str(first.folder.resolve())]
        with qtbot.waitSignal(c.indexing_finished, timeout=120000):
            pass  # the scan on start rebuilds it
        assert c.library.stats()["calls"] == len(CLNT)
    finally:
        c.shutdown()


def test_an_unusable_database_location_disables_the_library(qtbot: Any, tmp_path: Path) -> None:
    from viewer.qt.library import install_library

    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    window = QMainWindow()
    qtbot.addWidget(window)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    c = install_library(window, lambda *a: None, settings, blocker / "library.sqlite3")
    try:
        assert not c.available
        assert all(not a.isEnabled() for a in c.menu_actions.values())
        assert str(blocker) in c.library_dock.status.text()
        assert c.add_folder(str(tmp_path)) is None
        c.rescan()
        assert not c.is_indexing()
    finally:
        c.shutdown()


def test_the_gui_and_a_worker_share_the_file(qtbot: Any, lw: LibWindow) -> None:
    """What the worker wrote is what another connection reads (the GUI's own)."""
    index_folder(qtbot, lw)
    with Library(lw.db) as other:
        assert [c.path for c in other.calls()] == [c.path for c in lw.controller.library.calls()]


def test_closing_the_window_while_indexing(qtbot: Any, tmp_path: Path) -> None:
    """The window goes away mid-scan: the job is cancelled and nothing reaches a deleted
    object (pytest-qt fails the test on an exception in a slot)."""
    from viewer.qt.workers import wait_for_jobs

    lw = install(qtbot, tmp_path, close_at_end=False)
    c = lw.controller
    started: list[int] = []
    c.indexing_progress.connect(lambda *a: started.append(1))
    c.add_folder(str(lw.folder))
    qtbot.waitUntil(lambda: bool(started), timeout=60000)
    destroyed: list[int] = []
    lw.window.destroyed.connect(lambda *_: destroyed.append(1))
    lw.window.close()
    lw.window.deleteLater()
    qtbot.waitUntil(lambda: bool(destroyed), timeout=10000)
    assert wait_for_jobs(60000)
    qtbot.wait(300)  # any late queued outcome would arrive (and fail the test) here
    with Library(lw.db) as lib:
        assert lib.stats()["calls"] <= len(CLNT)
