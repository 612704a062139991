"""The library's controller: the database, its folders, indexing jobs and the folder watcher.

The GUI thread keeps one :class:`Library` (one SQLite connection) for listing, comparing and
the hit list's texts. Every job opens its own connection in the pool thread it runs on
(``sqlite3`` objects must not cross threads; WAL lets a reader and the indexer run at once).
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QFileSystemWatcher,
    QObject,
    QSettings,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QInputDialog, QWidget

from viewer.core.library import Library, LibraryDbError, LibraryHit, ScanReport
from viewer.qt.error_text import error_text
from viewer.qt.labels import arg
from viewer.qt.library.library_folders import load_folders, save_folders
from viewer.qt.workers import Job, JobRunner

log = logging.getLogger(__name__)

OpenAt = Callable[[str, int | None, LibraryHit | None], None]
"""``open_at(path, paragraph or None, hit or None)``: open a call (at a paragraph, with the
hit highlighted) in the window."""

# Paths the watcher follows at most (inotify watches are a per-user resource).
WATCH_LIMIT = 4000

# Pool threads' own connections, by thread: a ``threading.local`` does not last from one
# job to the next (PySide drops the pool thread's Python state between calls), and opening
# the library checks the whole file (about 0.3 s at 1,000 calls).
_connections: dict[int, tuple[tuple[str, str], Library]] = {}
_connections_lock = threading.Lock()


def thread_library(path: Path, generation: str) -> Library:
    """This pool thread's own connection to the library at ``path`` (opened once per thread
    and database generation: a rebuilt database gets a new one)."""
    key = (str(path), generation)
    ident = threading.get_ident()
    with _connections_lock:
        cached = _connections.get(ident)
    if cached is not None and cached[0] == key:
        return cached[1]
    if cached is not None:
        cached[1].close()
    lib = Library(path)
    with _connections_lock:
        _connections[ident] = (key, lib)
    return lib


def forget_connections(path: Path) -> None:
    """Drop the pool threads' connections to ``path`` (they close as they are freed; a
    connection cannot be closed from another thread)."""
    with _connections_lock:
        for ident, (key, _) in list(_connections.items()):
            if key[0] == str(path):
                del _connections[ident]


class _ProgressRelay(QObject):
    """Lives on the GUI thread: a worker's emit reaches its receivers queued."""

    progressed = Signal(int, int, str)


class LibraryController(QObject):
    """Owns the library for one window.

    Signals: ``library_changed()`` after the listing may have changed (a scan, a folder
    added or removed); ``indexing_started()``; ``indexing_progress(done, total, path)``;
    ``indexing_finished(ScanReport)``; ``indexing_cancelled()``; ``indexing_failed(str)``;
    ``notice(str)`` for a message the user should see once (a database moved aside).
    """

    library_changed = Signal()
    indexing_started = Signal()
    indexing_progress = Signal(int, int, str)
    indexing_finished = Signal(object)
    indexing_cancelled = Signal()
    indexing_failed = Signal(str)
    notice = Signal(str)

    DEBOUNCE_MS = 600

    def __init__(
        self,
        open_at: OpenAt,
        db_path: str | os.PathLike[str],
        settings: QSettings,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.open_at = open_at
        self.db_path = Path(db_path)
        self.settings = settings
        self.runner = JobRunner(self)
        self.library: Library | None = None
        self.error: str | None = None  # why there is no library (then every action is off)
        self.last_notice: str | None = None
        self._notice: tuple[str, object] | None = None  # what last_notice says, to re-say it
        self.index_error: Exception | None = None  # why the last scan failed
        self.last_report: ScanReport | None = None
        self._job: Job | None = None
        # What install_library added to the window (the window and tests reach them here).
        self.window: QWidget | None = None
        self.library_dock: Any = None
        self.search_dock: Any = None
        self.search_panel: Any = None
        self.compare_dock: Any = None
        self.compare_panel: Any = None
        self.menu_actions: dict[str, QAction] = {}
        self._pending = False  # a change arrived while indexing: scan again afterwards
        self._relay = _ProgressRelay(self)
        self._relay.progressed.connect(self._on_progress)
        self.watcher = QFileSystemWatcher(self)
        self.watcher.directoryChanged.connect(self._on_fs_changed)
        self.watcher.fileChanged.connect(self._on_fs_changed)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(self.DEBOUNCE_MS)
        self._debounce.timeout.connect(self.rescan)
        self._open()

    # -- the database --------------------------------------------------------------------

    def _open(self) -> None:
        try:
            self.library = Library(self.db_path)
        except LibraryDbError as exc:
            self.library = None
            self.error = str(exc)
            log.error("library: %s", exc)
            self._tell("unusable", exc)
            return
        if self.library.moved_aside is not None:
            self._tell("moved", self.library.moved_aside)
        # The folders chosen survive a rebuilt database: they are in the settings too.
        saved = load_folders(self.settings)
        for folder in saved:
            self.library.add_folder(folder)
        save_folders(self.settings, self.library.folders())

    def _tell(self, kind: str, value: object) -> None:
        self._notice = (kind, value)
        self.last_notice = self.notice_text()
        self.notice.emit(self.last_notice)

    def notice_text(self) -> str:
        """The message the user should see once, in the interface language ("" for none)."""
        if self._notice is None:
            return ""
        kind, value = self._notice
        if kind == "unusable":
            return arg(self.tr("The library cannot be opened: %1"), error_text(value))
        return arg(
            self.tr(
                "The library database was unusable and was moved to %1; "
                "it is being rebuilt from your folders."
            ),
            value,
        )

    @property
    def available(self) -> bool:
        return self.library is not None

    def folders(self) -> list[str]:
        return self.library.folders() if self.library is not None else []

    def generation(self) -> str:
        assert self.library is not None
        return self.library.generation

    def worker_library(self) -> Library:
        """The calling pool thread's own connection (call it from a job only)."""
        assert self.library is not None
        return thread_library(self.db_path, self.library.generation)

    # -- folders -------------------------------------------------------------------------

    def add_folder(self, folder: str) -> str | None:
        """Add ``folder`` and index it; returns its absolute path (None: no library)."""
        if self.library is None:
            return None
        path = self.library.add_folder(folder)
        save_folders(self.settings, self.library.folders())
        self.library_changed.emit()
        self.rescan()
        return path

    def remove_folder(self, folder: str) -> bool:
        """Forget ``folder`` and its calls (the files stay)."""
        if self.library is None:
            return False
        if self._job is not None:
            # the indexer writes that folder's calls: stop it first, then remove
            self.cancel_indexing()
            self.runner.wait()
        removed = self.library.remove_folder(folder)
        save_folders(self.settings, self.library.folders())
        self._rearm_watcher()
        self.library_changed.emit()
        return removed

    def ask_add_folder(self, parent: QWidget | None = None) -> str | None:
        """File > Add folder to library…: pick a folder, add and index it."""
        if self.library is None:
            return None
        folder = QFileDialog.getExistingDirectory(parent, self.tr("Add a folder to the library"))
        return self.add_folder(folder) if folder else None

    def ask_remove_folder(self, parent: QWidget | None = None) -> bool:
        """File > Remove folder from library…: pick one of the library's folders."""
        folders = self.folders()
        if not folders:
            return False
        folder, ok = QInputDialog.getItem(
            parent,
            self.tr("Remove a folder from the library"),
            self.tr("Folder (its files stay where they are):"),
            folders,
            0,
            False,
        )
        return bool(ok and folder) and self.remove_folder(folder)

    # -- indexing ------------------------------------------------------------------------

    def is_indexing(self) -> bool:
        return self._job is not None

    def rescan(self) -> None:
        """Bring the index up to date with the folders, in a worker (a scan already running
        is followed by another one)."""
        if self.library is None:
            return
        if self._job is not None:
            self._pending = True
            return
        self._pending = False
        self.index_error = None
        db_path = self.db_path
        relay = self._relay

        def work(token: Any, progress: Any) -> ScanReport:
            # A connection of its own, closed (and checkpointed) when the scan ends: the
            # file is complete on disk whenever no scan runs.
            lib = Library(db_path)
            try:
                return lib.rescan(
                    progress=lambda done, total, path: relay.progressed.emit(done, total, path),
                    cancel=token,
                )
            finally:
                lib.close()

        self.indexing_started.emit()
        self._job = self.runner.start(
            work,
            on_finished=self._on_indexed,
            on_failed=self._on_index_failed,
            on_cancelled=self._on_index_cancelled,
        )

    def cancel_indexing(self) -> None:
        if self._job is not None:
            self._job.cancel()

    def _on_progress(self, done: int, total: int, path: str) -> None:
        if self._job is not None:
            self.indexing_progress.emit(done, total, path)

    def _on_indexed(self, report: ScanReport) -> None:
        self._job = None
        self.last_report = report
        self._after_scan()
        self.indexing_finished.emit(report)

    def _on_index_failed(self, exc: Exception) -> None:
        self._job = None
        self.index_error = exc
        log.error("library indexing failed: %s", exc)
        self._after_scan()
        self.indexing_failed.emit(str(exc))

    def _on_index_cancelled(self) -> None:
        self._job = None
        self._pending = False  # the user stopped it: no automatic restart
        self._after_scan()
        self.indexing_cancelled.emit()

    def _after_scan(self) -> None:
        self._rearm_watcher()
        self.library_changed.emit()
        if self._pending:
            self.rescan()

    # -- watching ------------------------------------------------------------------------

    def _rearm_watcher(self) -> None:
        """Watch every folder, its subfolders (added, removed, renamed files) and its files
        (changed in place), up to ``WATCH_LIMIT`` paths."""
        old = self.watcher.directories() + self.watcher.files()
        if old:
            self.watcher.removePaths(old)
        paths: list[str] = []
        for folder in self.folders():
            if not Path(folder).is_dir():
                continue
            for root, dirs, files in os.walk(folder):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                paths.append(root)
                paths.extend(os.path.join(root, f) for f in sorted(files) if not f.startswith("."))
                if len(paths) >= WATCH_LIMIT:
                    break
        if paths:
            self.watcher.addPaths(paths[:WATCH_LIMIT])

    def _on_fs_changed(self, _path: str) -> None:
        self._debounce.start()  # restart: one scan once the changes stop

    # -- opening -------------------------------------------------------------------------

    def open_call(self, path: str) -> None:
        self.open_at(path, None, None)

    def shutdown(self) -> None:
        """Stop the jobs and close the database (the window is closing)."""
        self._debounce.stop()
        paths = self.watcher.directories() + self.watcher.files()
        if paths:
            self.watcher.removePaths(paths)
        self.cancel_indexing()
        self.runner.cancel_all()
        for panel in (self.search_panel, self.compare_panel):
            if panel is not None and shiboken6.isValid(panel):
                panel.runner.cancel_all()
        self.runner.wait()
        # Deliver the ended jobs' outcomes now, while their receivers still exist (queued
        # signals arriving after the window is gone would reach deleted objects).
        QCoreApplication.sendPostedEvents(None, QEvent.Type.MetaCall)
        forget_connections(self.db_path)
        if self.library is not None:
            self.library.close()
            self.library = None
