"""Shared helpers for the benchmarks: timing, the big synthetic transcript, table rows."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data" / "statementdog"
ALAB = SHARED / "ALAB-2024-Q4.txt"
SAMPLE = ROOT / "resources" / "sample" / "NOVA-2025-Q3.txt"
BUILD = ROOT / "build" / "bench"


@dataclass
class Row:
    """One line of the table: ``measured`` against ``baseline`` times ``limit`` (a ratio),
    or, when ``baseline`` is None, against ``limit`` as an absolute bound (memory)."""

    name: str
    measured: float
    baseline: float | None
    limit: float
    unit: str = "s"
    note: str = ""

    @property
    def ratio(self) -> float | None:
        return None if self.baseline in (None, 0) else self.measured / self.baseline

    @property
    def ok(self) -> bool:
        if self.baseline is None:
            return self.measured <= self.limit
        r = self.ratio
        return r is not None and r <= self.limit


def median_time(fn: Callable[[], object], repeat: int = 7, warmup: int = 1) -> float:
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - t0)
    return statistics.median(samples)


def alternate(
    a: Callable[[], object],
    b: Callable[[], object],
    repeat: int = 7,
    clock: Callable[[], float] = time.perf_counter,
) -> tuple[float, float]:
    """Median times of ``a`` and ``b`` run alternately, so machine drift hits both alike.

    ``clock=time.process_time`` counts this process's CPU time only: on a machine shared with
    other busy processes, wall time charges the longer of the two for the time slices it was
    preempted for (a 0.5 ms floor fits in one slice, a 10 ms parse does not)."""
    a(), b()
    ta, tb = [], []
    for _ in range(repeat):
        t0 = clock()
        a()
        ta.append(clock() - t0)
        t0 = clock()
        b()
        tb.append(clock() - t0)
    return statistics.median(ta), statistics.median(tb)


def source_file() -> Path:
    """The ALAB file when the shared data is there, else the bundled sample."""
    return ALAB if ALAB.exists() else SAMPLE


def big_file(copies: int = 100) -> Path:
    """A ~10 MB transcript: the source file's body repeated ``copies`` times."""
    BUILD.mkdir(parents=True, exist_ok=True)
    src = source_file()
    out = BUILD / f"{src.stem}-x{copies}.txt"
    if out.exists():
        return out
    text = src.read_text(encoding="utf-8")
    marker = "使用警語"
    head, _, rest = text.partition(marker)
    disclaimer, _, body = rest.partition("\n")
    body = body.rstrip("\n") + "\n\n"
    out.write_text(head + marker + disclaimer + "\n" + body * copies, encoding="utf-8")
    return out
