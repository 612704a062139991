"""Running the GUI: logging, the exception hook, then the window (``viewer.qt.startup``)."""

from __future__ import annotations

import argparse
import faulthandler
import gc
import logging
import logging.handlers
import os
import sys
import threading
import time
import traceback
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, TextIO

from PySide6.QtCore import QStandardPaths, Qt, QTimer
from PySide6.QtWidgets import QApplication

from viewer.qt.after_paint import AfterPaint
from viewer.qt.startup import START, create_window, make_app, set_app_icon, tear_down

if TYPE_CHECKING:
    from viewer.core.preload import Preload
    from viewer.qt.dialogs.error_dialog import ErrorDialog

log = logging.getLogger("viewer")

LIBRARY_FALLBACK_MS = 3000
"""How long the library waits for the first paint before it attaches anyway (ms)."""


def log_dir() -> Path:
    env = os.environ.get("EARNINGS_VIEWER_LOG_DIR")
    if env:
        return Path(env)
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation)
    return Path(base or Path.home() / ".local" / "share" / "earnings-viewer") / "logs"


CRASH_LOG = "crash.log"
"""Beside the log: the Python stacks of every thread when the process dies of a fatal signal
(a segfault in Qt or PySide leaves no other trace; stderr may be None or lost)."""

_crash_file: TextIO | None = None  # open for faulthandler as long as the process lives


def setup_logging() -> Path | None:
    """Log to a rotating file (stderr may be None in a windowed frozen build), and a fatal
    signal's stacks to :data:`CRASH_LOG` in the same folder."""
    global _crash_file
    try:
        folder = log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "viewer.log"
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
        # Unless something already reports fatal signals (python -X faulthandler, a test
        # runner): its choice of where they go stands.
        if not faulthandler.is_enabled():
            _crash_file = open(folder / CRASH_LOG, "a", encoding="utf-8")  # noqa: SIM115
            faulthandler.enable(_crash_file, all_threads=True)
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


class ExceptionHook:
    """Logs every unhandled exception and shows it in one dialog: exceptions arriving
    while it is open are added to it (a burst gives one dialog, not one per exception)."""

    def __init__(self, log_path: Path | None) -> None:
        self.log_path = log_path
        self.dialog: ErrorDialog | None = None
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

        summary = f"{exc_type.__name__}: {exc}"
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.add_error(summary, details)
            return
        # Shown now, not from a timer, so the next exception finds it open; open() (window
        # modal, not a nested event loop) since exceptions may come from inside any slot.
        dialog = ErrorDialog(getattr(app, "window", None), str(self.log_path or "") or None)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(self._forget)
        dialog.add_error(summary, details)
        self.dialog = dialog
        dialog.open()

    def _forget(self) -> None:
        self.dialog = None


def after_first_paint(
    window: Any, loading: bool, callback: Callable[[], None], fallback_ms: int
) -> None:
    """Call ``callback`` once the first document is on screen, that is after its reading
    pane's first paint (or once the empty window is painted, with nothing to load or a failed
    load), or after ``fallback_ms`` if that paint does not come."""
    if not loading:
        AfterPaint(window, callback, fallback_ms=fallback_ms)
        return

    def once(loaded: object) -> None:
        window.load_finished.disconnect(once)
        view = window.current_document()
        widget = view.pane.viewport() if view is not None else window
        AfterPaint(widget, callback, fallback_ms=fallback_ms)

    window.load_finished.connect(once)


def attach_library_after_first_paint(window: Any, db_path: str | None, loading: bool) -> None:
    """The library once the first document is on screen (:func:`after_first_paint`).

    Its imports (the library, the figures and export code under it) and its docks are a large
    share of start-up (about 1 s of a 3 s start under cProfile): attached when the load
    finished, inside ``load_finished``, they came before the reading pane's first paint."""

    def attach() -> None:
        from viewer.qt.library_link import attach_library

        attach_library(window, db_path)

    after_first_paint(window, loading, attach, LIBRARY_FALLBACK_MS)


def run_first_load_freely(loader: Any) -> None:
    """The first load (of ``loader``, a ``DocumentLoader``) takes no turns with the GUI thread
    (``viewer.qt.workers.TurnTaker``) until it has ended: before a document is on screen there
    is nothing the turns keep smooth, and on a busy machine every hand-over of the GIL waits
    for a core (``make bench`` under load: about a tenth of start-up). It also starts before
    the window exists, when nobody hands out turns. Turns apply again from the next job on."""
    from viewer.qt.workers import turns

    free = ExitStack()
    free.enter_context(turns().free_run())
    outcomes = (loader.loaded, loader.failed, loader.cancelled)

    def once(*_: object) -> None:
        for signal in outcomes:
            signal.disconnect(once)
        free.close()

    for signal in outcomes:
        signal.connect(once)


def _after_start(app: QApplication) -> None:
    # The garbage collector, off since start-up began (viewer.__main__): its first pass looks
    # at everything made since, once (30 ms), instead of a hundred passes during start-up.
    gc.enable()
    set_app_icon(app)  # the SVG icon loads Qt's SVG icon engine, which no paint needed


def start_preload(path: str | Path | None) -> Preload | None:
    """A child process reading ``path`` while this one builds the window
    (:mod:`viewer.core.preload`). Forked only while the process has one thread and no
    QApplication: ``None`` otherwise, or without a path."""
    if path is None or QApplication.instance() is not None or threading.active_count() > 1:
        return None
    from viewer.core.preload import Preload

    return Preload.start(path)


def run_gui(args: argparse.Namespace) -> int:
    if args.screenshot:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from viewer.resources import sample_path

    sample = sample_path()
    # The first file (the sample without FILE) is read by a child process from now on.
    preload = None if args.screenshot else start_preload(args.files[0] if args.files else sample)
    app = make_app(icon=False)  # set after the first paint, below
    log_path = setup_logging()
    sys.excepthook = ExceptionHook(log_path)
    if args.screenshot:
        gc.enable()
        from viewer.qt.screenshot import take_screenshot

        return take_screenshot(args)
    from viewer.qt.document_loader import DocumentLoader

    # No sample (a broken install): the empty window offers Open and Open recent.
    files = [*args.files, *app.pending_files] or ([str(sample)] if sample else [])
    # The first file loads while the window is being built: a small call has loaded by the
    # time the window shows, and its first paint has the document (no paint of an empty
    # window first). Its outcome arrives from the event loop, once connected.
    loader = DocumentLoader()
    if files:
        run_first_load_freely(loader)
        loader.open_paths(files, preload)
    window = create_window(app, getattr(args, "lang", None), loader)
    window.show()
    after_first_paint(window, bool(files), lambda: _after_start(app), LIBRARY_FALLBACK_MS)
    QTimer.singleShot(LIBRARY_FALLBACK_MS, gc.enable)  # a long first load: the collector anyway
    attach_library_after_first_paint(window, getattr(args, "db", None), bool(files))
    if os.environ.get("EARNINGS_VIEWER_FIRST_PAINT") == "1":
        # Benchmarks and the packaging smoke test: quit once the document is on screen, that
        # is after the reading pane's first paint following the load.
        def report(loaded: bool) -> None:
            print(
                f"first-paint: {time.perf_counter() - START:.3f}s loaded={int(loaded)}", flush=True
            )
            app.exit(0 if loaded else 1)

        def on_loaded(_: Any) -> None:
            view = window.current_document()
            if view is None:
                report(False)
            else:
                AfterPaint(view.pane.viewport(), lambda: report(True), fallback_ms=None)

        window.load_finished.connect(on_loaded)
    code = app.exec()
    tear_down(window)
    return code
