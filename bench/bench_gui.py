"""Issue 7: start-up, first paint of a 10 MB call, jumping to its end, peak memory."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time

from bench.common import ROOT, Row, big_file, source_file

BARE = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow, QSplitter, QTableView, QTreeView
app = QApplication(sys.argv)
w = QMainWindow()
s = QSplitter()
s.addWidget(QTreeView())
s.addWidget(QTableView())
w.setCentralWidget(s)
w.resize(1400, 900)
w.show()
app.processEvents()
w.repaint()
print("first-paint:", flush=True)
"""

# The part of start-up the fixed stack imposes before any code of ours runs: the bare window
# plus one pydantic model validated (the transcript and the preferences are pydantic models).
STACK_FLOOR = (
    """
from pydantic import BaseModel


class Model(BaseModel):
    x: int


Model(x=1)
"""
    + BARE
)

# The floor that also shows text: the same window with the call's first 12,000 characters in a
# plain text box (no parsing, no models of ours). Showing a screen of bilingual text at all costs
# this much more (the Han fallback font, shaping, glyphs); the row against it is for information:
# the target is against STACK_FLOOR.
TEXT_FLOOR = STACK_FLOOR.replace(
    "s.addWidget(QTableView())",
    "from PySide6.QtWidgets import QPlainTextEdit\n"
    "text = QPlainTextEdit()\n"
    "text.setPlainText(open(sys.argv[1], encoding='utf-8').read(12000))\n"
    "s.addWidget(text)",
)
assert TEXT_FLOOR != STACK_FLOOR

JUMP = """
import sys, time
from pathlib import Path
from viewer.qt.startup import make_app, create_window
from viewer.core.transcript_io import load_transcript
app = make_app()
w = create_window(app)
w.resize(1400, 900)
w.show()
path = Path(sys.argv[1])
doc = w.open_transcript(load_transcript(path), path)
# The window settles first (its first paint and the work that waits for it: the widget types
# Python loads once, the settings write): a jump is what the user does next, not part of
# the start-up. The index and the figures keep running in the background meanwhile.
settle = time.perf_counter() + 1.0
while time.perf_counter() < settle:
    app.processEvents()
last = len(doc.transcript.paragraphs) - 1


def stall(fn):
    # The longest the event loop is blocked: the call itself, then each event-loop pass
    # until the pane has finished sizing rows.
    t0 = time.perf_counter()
    fn()
    worst = time.perf_counter() - t0
    for _ in range(10000):
        t0 = time.perf_counter()
        app.processEvents()
        worst = max(worst, time.perf_counter() - t0)
        if not doc.pane.is_sizing():
            break
    return worst


worst = max(stall(lambda: doc.pane.go_to_paragraph(last)),
            stall(lambda: doc.pane.go_to_paragraph(last // 2)),
            stall(lambda: w.resize(1000, 900)),
            stall(lambda: doc.pane.go_to_paragraph(last)))
print(worst)
"""


def _env() -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", EARNINGS_VIEWER_FIRST_PAINT="1")
    env["EARNINGS_VIEWER_SETTINGS"] = str(ROOT / "build" / "bench" / "settings.ini")
    return env


def _wall(cmd: list[str]) -> float:
    """Seconds from spawning ``cmd`` to its "first-paint:" line: start-up, not shutdown."""
    t0 = time.perf_counter()
    with subprocess.Popen(
        cmd, cwd=ROOT, env=_env(), stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    ) as proc:
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.startswith("first-paint:"):
                elapsed = time.perf_counter() - t0
                break
        else:
            raise RuntimeError(f"{cmd} exited with {proc.wait()} before its first paint")
        proc.stdout.read()
    if proc.returncode != 0:
        raise RuntimeError(f"{cmd} exited with {proc.returncode}")
    return elapsed


def _alternate(a: list[str], b: list[str], repeat: int) -> tuple[float, float]:
    _wall(a), _wall(b)
    ta, tb = [], []
    for _ in range(repeat):
        ta.append(_wall(a))
        tb.append(_wall(b))
    return statistics.median(ta), statistics.median(tb)


def _peak_mb(cmd: list[str]) -> float:
    code = (
        "import resource, subprocess, sys\n"
        f"subprocess.run({cmd!r}, check=True, capture_output=True)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=_env(),
        check=True,
        capture_output=True,
        text=True,
    )
    return int(out.stdout.strip()) / 1024


def rows() -> list[Row]:
    src, big = str(source_file()), str(big_file())
    # Time the app as installed (pip and the frozen build ship bytecode), even where
    # PYTHONDONTWRITEBYTECODE would make every run compile the sources again.
    subprocess.run([sys.executable, "-m", "compileall", "-q", "viewer"], cwd=ROOT, check=True)
    app = [sys.executable, "-m", "viewer"]
    floor = [sys.executable, "-c", STACK_FLOOR, src]
    t_app, t_floor = _alternate([*app, src], floor, 7)
    t_floor2, t_bare = _alternate(floor, [sys.executable, "-c", BARE], 7)
    t_app2, t_text = _alternate([*app, src], [sys.executable, "-c", TEXT_FLOOR, src], 7)
    t_big, t_src = _alternate([*app, big], [*app, src], 5)
    out = subprocess.run(
        [sys.executable, "-c", JUMP, big],
        cwd=ROOT,
        env=_env(),
        check=True,
        capture_output=True,
        text=True,
    )
    jump = float(out.stdout.strip().splitlines()[-1])
    return [
        Row("start-up to first paint (ALAB) vs the fixed stack's floor", t_app, t_floor, 1.5),
        Row(
            "  the floor: bare window + one pydantic model, vs bare window",
            t_floor2,
            t_bare,
            2.0,
            note="(the stack's own cost, before any code of ours)",
        ),
        Row(
            "  the same vs a floor that also shows the call's text",
            t_app2,
            t_text,
            1.5,
            note="(for information: the floor + a plain text box with its first 12,000 chars)",
        ),
        Row("first paint 10 MB vs ALAB", t_big, t_src, 4.0),
        Row("jump to last/middle paragraph 10 MB (stall)", jump, None, 0.1),
        Row("peak memory GUI 10 MB", _peak_mb([*app, big]), None, 400.0, "MB"),
    ]
