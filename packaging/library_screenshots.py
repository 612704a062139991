"""PNGs of the library's panels (issue 15): the Library dock, a library search and the
compare panel, in a bare window at 900x600 and 1600x1000, from the fictional CLNT calls
(plus one file that fails, to show how it is listed); in English (light and dark) and in
Traditional Chinese (``-zh-TW``, light: are labels clipped?).

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/library_screenshots.py build/screenshots
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
CALLS = ROOT / "tests" / "data" / "library"
SIZES = ((900, 600), (1600, 1000))


def main(out_dir: str) -> int:
    from PySide6.QtCore import QEventLoop, QSettings
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    from viewer.qt import i18n
    from viewer.qt.fonts import setup_han_font
    from viewer.qt.library import install_library
    from viewer.qt.theme import apply_theme
    from viewer.qt.workers import wait_for_jobs

    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    setup_han_font(app)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="library-shots-"))
    folder = tmp / "calls"
    folder.mkdir()
    for f in sorted(CALLS.glob("*.txt")):
        shutil.copy2(f, folder / f.name)
    (folder / "notes.txt").write_text("Meeting notes, not a transcript.\n", encoding="utf-8")

    def pump(seconds: float = 0.3) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 30)

    written = []
    for lang, theme in (("en", "light"), ("en", "dark"), ("zh-TW", "light")):
        apply_theme(theme)
        i18n.set_language(app, lang)
        suffix = "-zh-TW" if lang == "zh-TW" else ""
        for w, h in SIZES:
            window = QMainWindow()
            window.setWindowTitle("Earnings Call Viewer")
            placeholder = QLabel("(reading pane)", window)
            window.setCentralWidget(placeholder)
            settings = QSettings(str(tmp / f"s-{lang}-{theme}-{w}.ini"), QSettings.Format.IniFormat)
            c = install_library(
                window,
                lambda *a: None,
                settings,
                tmp / f"lib-{lang}-{theme}-{w}.db",
                scan_on_start=False,
            )
            window.resize(w, h)
            window.show()
            done: list[object] = []
            c.indexing_finished.connect(done.append)
            c.add_folder(str(folder))
            end = time.monotonic() + 120
            while not done and time.monotonic() < end:
                app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
            c.library_dock.show()
            window.resizeDocks([c.library_dock], [int(w * 0.42)], _horizontal())
            panel = c.search_panel
            c.search_dock.show()
            c.search_dock.raise_()
            window.resizeDocks([c.search_dock], [int(w * 0.55)], _horizontal())
            ready: list[int] = []
            panel.results_ready.connect(lambda r=ready: r.append(1))
            panel.field.setText("營收")
            panel.search_now()
            while not ready and time.monotonic() < end:
                app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
            pump()
            shots = {"search": window.grab()}
            c.compare_dock.show()
            c.compare_dock.raise_()
            c.compare_panel.show_company("CLNT")
            pump()
            shots["compare"] = window.grab()
            c.search_dock.hide()
            c.compare_dock.hide()
            window.resizeDocks([c.library_dock], [int(w * 0.75)], _horizontal())
            pump()
            shots["dock"] = window.grab()
            for name, image in shots.items():
                path = out / f"library-{name}-{theme}-{w}x{h}{suffix}.png"
                image.save(str(path), "PNG")
                written.append(path)
            c.shutdown()
            window.close()
            window.deleteLater()
            pump(0.1)
    wait_for_jobs()
    for p in written:
        print(f"screenshot: {p}")
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


def _horizontal() -> object:
    from PySide6.QtCore import Qt

    return Qt.Orientation.Horizontal


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "build/screenshots"))
