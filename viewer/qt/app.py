"""Application start-up: QApplication, logging, the exception hook, fonts, the window."""

from __future__ import annotations

import argparse
import logging
import logging.handlers
import os
import sys
import time
import traceback
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import QEvent, QObject, QStandardPaths, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from viewer import __version__
from viewer.qt.after_paint import AfterPaint

log = logging.getLogger("viewer")
START = time.perf_counter()


def release_clipboard() -> None:
    """Replace clipboard data we put there by plain text Qt owns.

    With PySide6 6.11, a ``QMimeData`` made in Python and left on the clipboard crashes the
    process when the application is destroyed; plain text keeps what the user copied.
    """
    app = QApplication.instance()
    if app is None:
        return
    clipboard = QApplication.clipboard()
    mime = clipboard.mimeData()
    if mime is not None and mime.hasFormat("text/tab-separated-values"):
        clipboard.setText(clipboard.text())


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
        self.window: Any = None
        self.pending_files: list[str] = []
        self.file_open_filter = FileOpenFilter(self)
        if sys.platform == "darwin":
            self.installEventFilter(self.file_open_filter)
        self.aboutToQuit.connect(release_clipboard)


def log_dir() -> Path:
    env = os.environ.get("EARNINGS_VIEWER_LOG_DIR")
    if env:
        return Path(env)
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation)
    return Path(base or Path.home() / ".local" / "share" / "earnings-viewer") / "logs"


def setup_logging() -> Path | None:
    """Log to a rotating file (stderr may be None in a windowed frozen build)."""
    try:
        folder = log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "viewer.log"
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


class ExceptionHook:
    """Logs every unhandled exception and shows it once in a pooled dialog."""

    def __init__(self, log_path: Path | None) -> None:
        self.log_path = log_path
        self.dialog: Any = None
        self.count = 0

    def __call__(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            QApplication.quit()
            return
        details = "".join(traceback.format_exception(exc_type, exc, tb))
        log.error("unhandled exception\n%s", details)
        if sys.stderr is not None:
            print(details, file=sys.stderr, flush=True)
        self.count += 1
        app = QApplication.instance()
        if app is None:
            return
        from viewer.qt.dialogs.error_dialog import ErrorDialog

        if self.dialog is None or not self.dialog.isVisible():
            self.dialog = ErrorDialog(
                getattr(app, "window", None), str(self.log_path) if self.log_path else None
            )
            self.dialog.add_error(f"{exc_type.__name__}: {exc}", details)
            if os.environ.get("QT_QPA_PLATFORM") == "offscreen" and "pytest" in sys.modules:
                self.dialog.show()  # non-modal under tests
            else:
                QTimer.singleShot(0, self.dialog.exec)
        else:
            self.dialog.add_error(f"{exc_type.__name__}: {exc}", details)


def sample_path() -> Path:
    try:
        from viewer.resources import sample_transcript_path

        return Path(sample_transcript_path())
    except ImportError:
        return Path(__file__).resolve().parents[2] / "resources" / "sample" / "NOVA-2025-Q3.txt"


def setup_fonts(app: QApplication) -> tuple[list[str], str | None]:
    """Han-capable font families (Traditional forms first) and a notice if none exists."""
    from viewer.qt.fonts import setup_han_font

    status = setup_han_font(app)
    return list(status.families), status.message or None


def make_app(argv: list[str] | None = None) -> ViewerApplication:
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
    icon = Path(__file__).resolve().parents[2] / "resources" / "icons" / "earnings-viewer.svg"
    try:
        from viewer.resources import icon_path

        icon = Path(icon_path())
    except (ImportError, TypeError, FileNotFoundError):
        pass
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    return app


def create_window(app: QApplication) -> Any:
    from viewer.qt.main_window import MainWindow
    from viewer.qt.settings import Settings

    families, notice = setup_fonts(app)
    window = MainWindow(Settings(), font_status=notice, zh_families=families)
    return window


def run_gui(args: argparse.Namespace) -> int:
    if args.screenshot:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = make_app()
    log_path = setup_logging()
    sys.excepthook = ExceptionHook(log_path)
    if args.screenshot:
        from viewer.qt.screenshot import take_screenshot

        return take_screenshot(app, args)
    window = create_window(app)
    app.window = window
    window.show()
    files = [*args.files, *app.pending_files] or [str(sample_path())]
    if os.environ.get("EARNINGS_VIEWER_FIRST_PAINT") == "1":
        # Benchmarks and the packaging smoke test: quit once the document is on screen, that
        # is after the reading pane's first paint following the load.
        def report(loaded: bool) -> None:
            print(
                f"first-paint: {time.perf_counter() - START:.3f}s loaded={int(loaded)}", flush=True
            )
            app.exit(0 if loaded else 1)

        def on_loaded(_: Any) -> None:
            doc_view = window.current_document()
            if doc_view is None:
                report(False)
            else:
                AfterPaint(doc_view.pane.viewport(), lambda: report(True), fallback_ms=None)

        window.load_finished.connect(on_loaded)
    window.open_paths(files)
    return app.exec()  # running jobs are cancelled and awaited at exit (viewer.qt.workers)
