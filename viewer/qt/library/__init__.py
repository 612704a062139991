"""The library of calls in the window (issue 15): one entry point, :func:`install_library`.

It adds everything through the public ``QMainWindow`` API, so the window only has to call it
once and route ``open_at`` to its tabs:

- File > Add folder to library… / Remove folder from library… / Rescan library folders
- the Library dock (companies, their calls by fiscal period, failed files with their error,
  indexing progress with Cancel; double-click opens a call),
- the Library search dock (Ctrl+Shift+F; hits grouped by call, both languages highlighted;
  Enter opens the call at the paragraph; Export CSV…),
- the Compare quarters dock (metrics by period, guidance against actual, a chart),
- View menu entries to show or hide the three docks.
"""

from __future__ import annotations

import os
from pathlib import Path

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QLocale,
    QSettings,
    QStandardPaths,
    Qt,
    QTimer,
    QTranslator,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu

from viewer.core.library.db import DB_NAME
from viewer.qt.library.compare_panel import ComparePanel
from viewer.qt.library.library_controller import LibraryController, OpenAt
from viewer.qt.library.library_dock import LibraryDock
from viewer.qt.library.library_search_panel import LibrarySearchPanel
from viewer.resources import resource_path

__all__ = ["LibraryController", "OpenAt", "default_library_path", "install_library"]


def default_library_path() -> Path:
    """``library.sqlite3`` in ``QStandardPaths.AppDataLocation`` (the file the CLI's
    ``--library`` uses by default too: same organisation and application names)."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    if not base:
        from viewer.core.library import default_db_path

        return default_db_path()
    return Path(base) / DB_NAME


_plurals: QTranslator | None = None


def _install_english_plurals() -> None:
    """ "1 call" / "5 calls" in an English UI: the numerus forms of ``resources/i18n/
    library_en.qm`` (``packaging/library_i18n.py``). Not installed for another UI language,
    whose own translator says it (this one would shadow it)."""
    global _plurals
    app = QCoreApplication.instance()
    if _plurals is not None or app is None:
        return
    if QLocale().language() not in (QLocale.Language.English, QLocale.Language.C):
        return
    translator = QTranslator(app)
    if translator.load(str(resource_path("i18n", "library_en.qm"))):
        app.installTranslator(translator)
        _plurals = translator


def _menu(window: QMainWindow, name: str, title: str) -> QMenu:
    """The menu bar's menu with object name ``name``, created (titled ``title``) if absent."""
    bar = window.menuBar()
    for action in bar.actions():
        menu = action.menu()
        if isinstance(menu, QMenu) and menu.objectName() == name:
            return menu
    menu = bar.addMenu(title)
    menu.setObjectName(name)
    return menu


def install_library(
    window: QMainWindow,
    open_at: OpenAt,
    settings: QSettings | None = None,
    db_path: str | os.PathLike[str] | None = None,
    *,
    scan_on_start: bool = True,
) -> LibraryController:
    """Add the library to ``window`` and return its controller.

    ``open_at(path, paragraph, hit)`` opens a call in the window: ``paragraph`` (0-based)
    None means "at the top", else scroll to it; ``hit`` (a :class:`LibraryHit`, whose
    ``.hit`` is the single-call :class:`viewer.core.search.Hit`) is the hit to highlight, or
    None. ``settings`` keeps the folder list (default: a ``QSettings()``); ``db_path`` is
    ``--db`` (default: :func:`default_library_path`). The folders are rescanned once the
    event loop runs (``scan_on_start``). Call ``controller.shutdown()`` when the window closes
    (it also runs on the window's ``destroyed``).
    """
    _install_english_plurals()
    controller = LibraryController(
        open_at,
        db_path if db_path is not None else default_library_path(),
        settings if settings is not None else QSettings(),
        window,
    )
    controller.window = window

    library_dock = LibraryDock(controller, window)
    search_dock = QDockWidget(QCoreApplication.translate("Library", "Library search"), window)
    search_dock.setObjectName("librarySearchDock")
    search = LibrarySearchPanel(controller, search_dock)
    search_dock.setWidget(search)
    search_dock.setFocusProxy(search)
    compare_dock = QDockWidget(QCoreApplication.translate("Library", "Compare quarters"), window)
    compare_dock.setObjectName("libraryCompareDock")
    compare_panel = ComparePanel(controller, compare_dock)
    compare_dock.setWidget(compare_panel)
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, library_dock)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, search_dock)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, compare_dock)
    window.tabifyDockWidget(search_dock, compare_dock)
    search_dock.raise_()
    for dock in (library_dock, search_dock, compare_dock):
        dock.hide()  # shown on demand (or by the window's restored state)

    def show_compare(key: str) -> None:
        compare_dock.show()
        compare_dock.raise_()
        compare_panel.show_company(key)

    library_dock.compare_requested.connect(show_compare)

    act_add = QAction(QCoreApplication.translate("Library", "Add folder to &library…"), window)
    act_add.setObjectName("actionLibraryAddFolder")

    def add_folder() -> None:
        if controller.ask_add_folder(window):
            library_dock.show()

    act_add.triggered.connect(add_folder)
    act_remove = QAction(
        QCoreApplication.translate("Library", "Remove folder from librar&y…"), window
    )
    act_remove.setObjectName("actionLibraryRemoveFolder")
    act_remove.triggered.connect(lambda: controller.ask_remove_folder(window))
    act_rescan = QAction(QCoreApplication.translate("Library", "Rescan library folders"), window)
    act_rescan.setObjectName("actionLibraryRescan")
    act_rescan.triggered.connect(controller.rescan)
    act_search = QAction(QCoreApplication.translate("Library", "Search the li&brary…"), window)
    act_search.setObjectName("actionLibrarySearch")
    act_search.setShortcut(QKeySequence("Ctrl+Shift+F"))
    act_search.setShortcutContext(Qt.ShortcutContext.WindowShortcut)

    def open_search() -> None:
        search_dock.show()
        search_dock.raise_()
        search.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        search.field.selectAll()

    act_search.triggered.connect(open_search)
    act_compare = QAction(QCoreApplication.translate("Library", "Compare &quarters"), window)
    act_compare.setObjectName("actionLibraryCompare")

    def open_compare() -> None:
        compare_dock.show()
        compare_dock.raise_()

    act_compare.triggered.connect(open_compare)
    for act in (act_add, act_remove, act_rescan, act_search, act_compare):
        act.setEnabled(controller.available)

    file_menu = _menu(window, "fileMenu", QCoreApplication.translate("Library", "&File"))
    file_menu.addSeparator()
    for act in (act_add, act_remove, act_rescan):
        file_menu.addAction(act)
    view_menu = _menu(window, "viewMenu", QCoreApplication.translate("Library", "&View"))
    view_menu.addSeparator()
    for dock, text in (
        (library_dock, QCoreApplication.translate("Library", "Library")),
        (search_dock, QCoreApplication.translate("Library", "Library search")),
        (compare_dock, QCoreApplication.translate("Library", "Compare quarters")),
    ):
        toggle = dock.toggleViewAction()
        toggle.setText(text)
        view_menu.addAction(toggle)
    view_menu.addAction(act_search)
    view_menu.addAction(act_compare)
    # Shortcuts work with the menu bar hidden (and in tests that never show it).
    window.addAction(act_search)

    controller.library_dock = library_dock
    controller.search_dock = search_dock
    controller.search_panel = search
    controller.compare_dock = compare_dock
    controller.compare_panel = compare_panel
    controller.menu_actions = {
        "add": act_add,
        "remove": act_remove,
        "rescan": act_rescan,
        "search": act_search,
        "compare": act_compare,
    }

    def on_window_destroyed(*_: object) -> None:
        # Children go before the window's destroyed(): the controller may be gone already.
        if shiboken6.isValid(controller):
            controller.shutdown()

    window.destroyed.connect(on_window_destroyed)
    if scan_on_start and controller.available:
        QTimer.singleShot(0, controller, controller.rescan)
    return controller
