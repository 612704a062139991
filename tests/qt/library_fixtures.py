"""Shared set-up of the library window tests: a bare QMainWindow with the library installed
on a temporary database, settings file and folder of the fictional CLNT calls."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel, QMainWindow

from tests.conftest import DATA

CLNT = sorted((DATA / "library").glob("CLNT-*.txt"))
BROKEN = "broken.txt"


@dataclass
class LibWindow:
    window: QMainWindow
    controller: Any
    folder: Path
    db: Path
    settings: QSettings
    opened: list[tuple[Any, ...]] = field(default_factory=list)


def make_calls(root: Path, broken: bool = True) -> Path:
    """A folder with copies of the CLNT calls and (``broken``) a file no reader accepts."""
    folder = root / "calls"
    folder.mkdir(parents=True, exist_ok=True)
    for f in CLNT:
        shutil.copy2(f, folder / f.name)
    if broken:
        (folder / BROKEN).write_text("Just a shopping list.\nEggs\nMilk\n", encoding="utf-8")
    return folder


def install(
    qtbot: Any, tmp_path: Path, db: Path | None = None, close_at_end: bool = True
) -> LibWindow:
    from viewer.qt.library import install_library

    window = QMainWindow()
    window.setCentralWidget(QLabel("reading pane", window))
    window.resize(1200, 800)
    if close_at_end:  # (a test that deletes the window itself says False)
        qtbot.addWidget(window)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    db = db or tmp_path / "db" / "library.sqlite3"
    opened: list[tuple[Any, ...]] = []
    controller = install_library(
        window, lambda *args: opened.append(args), settings, db, scan_on_start=False
    )
    window.show()
    return LibWindow(window, controller, make_calls(tmp_path), db, settings, opened)


def index_folder(qtbot: Any, lw: LibWindow) -> Any:
    """Add the folder through the controller and wait for the scan; the ScanReport."""
    with qtbot.waitSignal(lw.controller.indexing_finished, timeout=120000) as blocker:
        lw.controller.add_folder(str(lw.folder))
    return blocker.args[0]


def open_library(qtbot: Any, win: Any, root: Path) -> Any:
    """Attach the library to the main window ``win`` (a database under ``root``), index a
    folder of the CLNT calls, run a search and show the compare panel: every library panel
    built and filled, for a walk over the window. Returns the controller (shut down by the
    window's ``destroyed``, or call ``shutdown()``)."""
    from viewer.qt.library_link import attach_library

    controller = attach_library(win, root / "db" / "library.sqlite3")
    with qtbot.waitSignal(controller.indexing_finished, timeout=120000):
        controller.add_folder(str(make_calls(root)))
    controller.library_dock.show()
    panel = controller.search_panel
    controller.menu_actions["search"].trigger()
    with qtbot.waitSignal(panel.results_ready, timeout=60000):
        panel.field.setText("revenue")
        panel.search_now()
    assert panel.model.rowCount() > 0
    controller.menu_actions["compare"].trigger()
    compare = controller.compare_panel
    qtbot.waitUntil(lambda: compare.comparison is not None, timeout=60000)
    return controller


def library_data_words(controller: Any) -> set[str]:
    """Company keys and names of the library: data, not interface."""
    words: set[str] = set()
    for company in controller.library.companies():
        for text in (company.key, company.name):
            if text:
                words.add(text)
                words.update(text.split())
    return words
