"""Where start-up goes: ``python -m bench.startup_phases [FILE] [--runs N]``.

Runs the GUI's start-up path step by step in fresh processes (the same steps as
``viewer.qt.app.run_gui``, in the same order) and prints the median milliseconds of each phase
up to the reading pane's first paint with the document. Not a benchmark with a limit (``make
bench`` has the start-up row); a profile to decide what to attack. The machine is noisy:
compare phases of runs made in the same session.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys

from bench.common import ROOT, source_file

# One run: prints "phase<TAB>seconds since the process started" lines.
PHASES = r"""
import gc, os, sys, time
def _process_start():
    # /proc/self/stat field 22: the process's start in clock ticks since boot; so the first
    # phase includes the interpreter's own start-up, as the benchmark's wall time does.
    try:
        with open("/proc/self/stat") as fh:
            ticks = int(fh.read().rsplit(")", 1)[1].split()[19])
        return time.clock_gettime(time.CLOCK_BOOTTIME) - ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, AttributeError):
        return 0.0
T0 = time.perf_counter() - _process_start()
out = []
def mark(name):
    out.append((name, time.perf_counter(), time.process_time()))
mark("interpreter and site")
gc.disable()  # as viewer.__main__ does, until the first paint (viewer.qt.app._after_start)
import viewer.__main__  # its environment defaults (no pydantic plugins), as `python -m viewer`
from viewer.cli import build_parser
args = build_parser().parse_args([sys.argv[1]])
mark("viewer.cli and its parser")
import viewer.qt
mark("viewer.qt: the core modules it imports first")
import viewer.qt.app as app_module
mark("viewer.qt.app: PySide6, the Qt namespace, startup")
preload = app_module.start_preload(args.files[0])
mark("preload child forked (it reads the file during the next phases)")
from viewer.qt import startup
app = startup.make_app(icon=False)
mark("make_app")
app_module.setup_logging()
mark("setup_logging")
from viewer.qt.document_loader import DocumentLoader
loader = DocumentLoader()
app_module.run_first_load_freely(loader)
loader.open_paths([sys.argv[1]], preload)
mark("first load started (it runs during the next phases)")
families, notice = startup.setup_fonts(app)
mark("Han fonts")
import viewer.qt.main_window
import viewer.qt.settings
from viewer.qt import i18n
mark("import main_window and what it imports")
settings = viewer.qt.settings.Settings()
mark("Settings()")
i18n.set_language(app, i18n.choose_language(i18n.system_ui_languages(),
                                            settings.preferences.language))
mark("interface language")
window = viewer.qt.main_window.MainWindow(settings, font_status=notice, zh_families=families,
                                          loader=loader)
app.window = window
mark("MainWindow()")
window.show()
mark("show()")
app_module.after_first_paint(window, True, lambda: app_module._after_start(app), 3000)
app_module.attach_library_after_first_paint(window, None, True)
def loaded(_):
    mark("load done, tab built")
    view = window.current_document()
    AfterPaint(view.pane.viewport(), lambda: (mark("reading pane painted"), app.exit(0)),
               fallback_ms=None)
from viewer.qt.after_paint import AfterPaint
window.load_finished.connect(loaded)
app.exec()
for name, t, cpu in out:
    print(f"{name}\t{t - T0:.4f}\t{cpu:.4f}")
"""


# The same for the fixed stack's floor (bench_gui.STACK_FLOOR), phase by phase.
FLOOR_PHASES = (
    PHASES[: PHASES.index('mark("interpreter and site")')]
    + r"""
mark("floor: interpreter and site")
from pydantic import BaseModel
class Model(BaseModel):
    x: int
Model(x=1)
mark("floor: pydantic, one model validated")
from PySide6.QtWidgets import QApplication, QMainWindow, QSplitter, QTableView, QTreeView
mark("floor: import PySide6.QtWidgets")
app = QApplication(sys.argv)
w = QMainWindow()
s = QSplitter()
s.addWidget(QTreeView())
s.addWidget(QTableView())
w.setCentralWidget(s)
w.resize(1400, 900)
mark("floor: QApplication and the window")
w.show()
app.processEvents()
w.repaint()
mark("floor: shown and painted")
for name, t, cpu in out:
    print(f"{name}\t{t - T0:.4f}\t{cpu:.4f}")
"""
)


def run_once(path: str, script: str = PHASES) -> list[tuple[str, float, float]]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env["EARNINGS_VIEWER_SETTINGS"] = str(ROOT / "build" / "bench" / "settings.ini")
    out = subprocess.run(
        [sys.executable, "-c", script, path],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    rows = [line.split("\t") for line in out.splitlines() if "\t" in line]
    return [(name, float(t), float(cpu)) for name, t, cpu in rows]


def main(argv: list[str]) -> int:
    runs = 5
    if "--runs" in argv:
        i = argv.index("--runs")
        runs = int(argv[i + 1])
        argv = argv[:i] + argv[i + 2 :]
    path = argv[0] if argv else str(source_file())
    steps: dict[str, list[float]] = {}
    cpus: dict[str, list[float]] = {}
    ats: dict[str, list[float]] = {}
    for _ in range(runs):  # the app and the floor alternately
        for script in (PHASES, FLOOR_PHASES):
            prev, prev_cpu = 0.0, 0.0
            for name, at, cpu in run_once(path, script):  # in the order they happened
                steps.setdefault(name, []).append(at - prev)
                cpus.setdefault(name, []).append(cpu - prev_cpu)
                ats.setdefault(name, []).append(at)
                prev, prev_cpu = at, cpu
    print(f"{'phase':<52} {'ms':>7} {'cpu ms':>7} {'at ms':>7}   (median of {runs} runs)")
    for floor in (False, True):
        names = [n for n in ats if n.startswith("floor:") == floor]
        for name in sorted(names, key=lambda n: statistics.median(ats[n])):
            step, at = statistics.median(steps[name]), statistics.median(ats[name])
            cpu = statistics.median(cpus[name])
            print(f"{name:<52} {step * 1000:7.0f} {cpu * 1000:7.0f} {at * 1000:7.0f}")
    app, floor = ats["reading pane painted"], ats["floor: shown and painted"]
    ratios = [a / f for a, f in zip(app, floor, strict=True)]
    print(f"first paint vs the floor, median of the runs' ratios: {statistics.median(ratios):.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
