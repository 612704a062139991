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
from PySide6.QtCore import QCoreApplication, QObject, QSettings, QStandardPaths, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu

from viewer.core.library.db import DB_NAME
from viewer.qt import i18n
from viewer.qt.library.compare_panel import ComparePanel
from viewer.qt.library.library_controller import LibraryController, OpenAt
from viewer.qt.library.library_dock import LibraryDock
from viewer.qt.library.library_search_panel import LibrarySearchPanel

__all__ = ["LibraryController", "OpenAt", "default_library_path", "install_library"]


def default_library_path() -> Path:
    """``library.sqlite3`` in ``QStandardPaths.AppDataLocation`` (the file the CLI's
    ``--library`` uses by default too: same organisation and application names)."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    if not base:
        from viewer.core.library import default_db_path

        return default_db_path()
    return Path(base) / DB_NAME


class LibraryMenus(QObject):
    """The library's menu entries and dock titles, re-set when the interface language
    changes (View > Language applies without a restart)."""

    def __init__(
        self,
        window: QMainWindow,
        library_dock: QDockWidget,
        search_dock: QDockWidget,
        compare_dock: QDockWidget,
    ) -> None:
        super().__init__(window)
        self.docks = (library_dock, search_dock, compare_dock)
        self.add, self.remove, self.rescan, self.search, self.compare = (
            QAction(window) for _ in range(5)
        )
        for act, name in (
            (self.add, "actionLibraryAddFolder"),
            (self.remove, "actionLibraryRemoveFolder"),
            (self.rescan, "actionLibraryRescan"),
            (self.search, "actionLibrarySearch"),
            (self.compare, "actionLibraryCompare"),
        ):
            act.setObjectName(name)
        self.retranslate()
        i18n.notifier().changed.connect(self.retranslate)

    def retranslate(self) -> None:
        self.add.setText(self.tr("Add folder to &library…"))
        self.remove.setText(self.tr("Remove folder from librar&y…"))
        self.rescan.setText(self.tr("Rescan library folders"))
        self.search.setText(self.tr("Search the li&brary…"))
        self.compare.setText(self.tr("Compare &quarters"))
        titles = (self.tr("Library"), self.tr("Library search"), self.tr("Compare quarters"))
        for dock, title in zip(self.docks, titles, strict=True):
            dock.setWindowTitle(title)
            dock.toggleViewAction().setText(title)


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
    controller = LibraryController(
        open_at,
        db_path if db_path is not None else default_library_path(),
        settings if settings is not None else QSettings(),
        window,
    )
    controller.window = window

    library_dock = LibraryDock(controller, window)
    search_dock = QDockWidget(window)
    search_dock.setObjectName("librarySearchDock")
    search = LibrarySearchPanel(controller, search_dock)
    search_dock.setWidget(search)
    search_dock.setFocusProxy(search)
    compare_dock = QDockWidget(window)
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

    menus = LibraryMenus(window, library_dock, search_dock, compare_dock)
    act_add, act_remove, act_rescan = menus.add, menus.remove, menus.rescan
    act_search, act_compare = menus.search, menus.compare

    def add_folder() -> None:
        if controller.ask_add_folder(window):
            library_dock.show()

    act_add.triggered.connect(add_folder)
    act_remove.triggered.connect(lambda: controller.ask_remove_folder(window))
    act_rescan.triggered.connect(controller.rescan)
    act_search.setShortcut(QKeySequence("Ctrl+Shift+F"))
    act_search.setShortcutContext(Qt.ShortcutContext.WindowShortcut)

    def open_search() -> None:
        search_dock.show()
        search_dock.raise_()
        search.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        search.field.selectAll()

    act_search.triggered.connect(open_search)

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
    for dock in (library_dock, search_dock, compare_dock):
        view_menu.addAction(dock.toggleViewAction())
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
