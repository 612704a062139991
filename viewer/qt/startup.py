"""Building the application and its window: ``make_app``, ``create_window``, the sample.

Used by ``app.run_gui``, ``--screenshot``, the benchmarks and the tests; it imports neither
of the first two, so nothing here goes round in a circle.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget

from viewer import __version__
from viewer.resources import icon_path, sample_transcript_path

if TYPE_CHECKING:
    from viewer.qt.document_loader import DocumentLoader
    from viewer.qt.main_window import MainWindow

START = time.perf_counter()  # the process's start, near enough: for start-up timings


def skip_pyside_source_scan() -> int:
    """Tell PySide6 up front which of our modules use it; returns how many names were new.

    Once imported, PySide6 (6.11) replaces ``__import__`` and, for ``from __feature__ import``,
    reads the source of every module named in an import statement for the first time since
    (``inspect.getsource``, looking for "PySide6"): about a hundred modules before the first
    paint, 30-90 ms of start-up (napari#8584 describes the same). Its answers are kept in a dict
    by module name (0: uses PySide6, -1: does not); filled here, nothing is read: 0 for
    ``viewer.qt`` (a few of its modules import no Qt: as nothing here uses ``from __feature__
    import``, 0 and -1 behave alike), -1 for the rest of ``viewer`` and the modules already
    loaded. Another PySide6 without that dict just reads the sources, as before."""
    feature = sys.modules.get("shibokensupport.feature")
    known = getattr(feature, "pyside_feature_dict", None)
    if not isinstance(known, dict):
        return 0
    before = len(known)
    package = os.path.dirname(os.path.dirname(__file__))  # viewer/; frozen: no sources, no-op
    for folder, _, files in os.walk(package):  # os, not pathlib: this runs at every start
        prefix = "viewer" + folder[len(package) :].replace(os.sep, ".")
        for file in files:
            if file.endswith(".py"):
                name = prefix if file == "__init__.py" else f"{prefix}.{file[:-3]}"
                known.setdefault(name, 0 if name.startswith("viewer.qt") else -1)
    for name in list(sys.modules):  # already imported: the standard library, pydantic, ...
        known.setdefault(name, 0 if name.startswith(("PySide6", "shiboken6")) else -1)
    return len(known) - before


skip_pyside_source_scan()


def sample_path() -> Path:
    """The bundled sample transcript (opened when no file is given)."""
    return Path(sample_transcript_path())


class FileOpenFilter(QObject):
    """macOS "Open with" arrives as ``QEvent.FileOpen`` on the application, never in argv."""

    def __init__(self, app: ViewerApplication) -> None:
        super().__init__(app)
        self.app = app

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.FileOpen or watched is not self.app:
            return False
        path = event.file()  # type: ignore[attr-defined]
        if self.app.window is not None:
            self.app.window.open_paths([path])
        else:
            self.app.pending_files.append(path)
        return True


class ViewerApplication(QApplication):
    """The application object. It does not override ``event()``: a Python override of
    ``QApplication.event`` made PySide6 6.11 crash at random in window-system events, so
    FileOpen is caught by an event filter, installed only where the platform sends it."""

    def __init__(self, argv: list[str]) -> None:
        super().__init__(argv)
        self.window: MainWindow | None = None
        self.pending_files: list[str] = []
        self.file_open_filter = FileOpenFilter(self)
        if sys.platform == "darwin":
            self.installEventFilter(self.file_open_filter)
        self.aboutToQuit.connect(release_clipboard)


def release_clipboard() -> None:
    """Replace clipboard data we put there by plain text Qt owns.

    With PySide6 6.11, a ``QMimeData`` made in Python and left on the clipboard crashes the
    process when the application is destroyed; plain text keeps what the user copied.
    """
    if QApplication.instance() is None:
        return
    clipboard = QApplication.clipboard()
    mime = clipboard.mimeData()
    if mime is not None and mime.hasFormat("text/tab-separated-values"):
        clipboard.setText(clipboard.text())


def make_app(argv: list[str] | None = None, icon: bool = True) -> ViewerApplication:
    """The application (the existing one if it is ours), named, versioned, with its icon
    (``icon=False``: the caller sets it later with :func:`set_app_icon`)."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, ViewerApplication) else None
    if existing is not None and app is None:
        raise RuntimeError("a QApplication of another kind already exists")
    if app is None:
        app = ViewerApplication(argv or [sys.argv[0]])
    app.setApplicationName("earnings-viewer")
    app.setOrganizationName("earnings-viewer")
    app.setApplicationDisplayName("Earnings Call Viewer")
    app.setApplicationVersion(__version__)
    if icon:
        set_app_icon(app)
    return app


def set_app_icon(app: QApplication) -> None:
    """The window icon of every window. ``run_gui`` sets it after the first paint: the SVG
    icon loads Qt's SVG icon engine, which the first paint does not need."""
    path = Path(icon_path())
    if path.exists():
        app.setWindowIcon(QIcon(str(path)))


def setup_fonts(app: QApplication) -> tuple[list[str], str | None]:
    """Han-capable font families (Traditional forms first) and a notice if none exists."""
    from viewer.qt.fonts import setup_han_font

    status = setup_han_font(app)
    return list(status.families), status.message or None


def create_window(
    app: ViewerApplication, lang: str | None = None, loader: DocumentLoader | None = None
) -> MainWindow:
    """The main window with the user's settings and the Han fonts found (not shown yet),
    with ``loader`` (one already loading the first file) if given.

    The interface language is set first, so every constructor reads translated text:
    ``lang`` (``--lang``, for this run only) wins over View > Language in the settings,
    which wins over the system's languages."""
    # The Han fonts first: finding them is mostly fontconfig's work, done without the GIL, so
    # a load started before (run_gui) parses meanwhile on another core.
    families, notice = setup_fonts(app)
    from viewer.qt import i18n
    from viewer.qt.main_window import MainWindow
    from viewer.qt.settings import Settings

    settings = Settings()
    chosen = i18n.choose_language(i18n.system_ui_languages(), lang or settings.preferences.language)
    i18n.set_language(app, chosen)
    window = MainWindow(settings, font_status=notice, zh_families=families, loader=loader)
    app.window = window
    return window


def tear_down(window: QWidget) -> None:
    """Once the event loop has ended: let the cancelled jobs end (``aboutToQuit`` cancelled
    them, :mod:`viewer.qt.workers`), then delete the window and what was left to delete later,
    in Qt's parent-before-child order, while the application still exists. Otherwise PySide
    deletes every object Python still owns at interpreter exit, in no set order."""
    from viewer.qt.workers import wait_for_jobs

    wait_for_jobs(10000)
    app = QCoreApplication.instance()
    if isinstance(app, ViewerApplication) and app.window is window:
        app.window = None  # a late FileOpen queues its file instead
    if shiboken6.isValid(window):
        shiboken6.delete(window)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
