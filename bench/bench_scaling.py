"""Issue 16 item 3: ``--json`` on 0.1, 1 and 10 MB of one structure; 10x the text must stay
within 15x the time (linear passes: figures, pairing, speakers)."""

from __future__ import annotations

import io
import sys
import time
from collections.abc import Callable
from contextlib import redirect_stdout

from bench.common import BUILD, Row
from bench.shapes import company_speakers, figures_paragraph, slug_alike_speakers
from viewer.__main__ import main

SIZES = (100_000, 1_000_000, 10_000_000)
SHAPES: dict[str, Callable[[int], str]] = {
    "one paragraph of figures": figures_paragraph,
    "distinct company speakers": company_speakers,
    "speaker names that slug alike": slug_alike_speakers,
}


def json_seconds(make: Callable[[int], str], size: int) -> float:
    """Seconds of ``--json`` (load, figures, speakers, stats, dump) on a file of ``size``."""
    BUILD.mkdir(parents=True, exist_ok=True)
    path = BUILD / f"scaling-{make.__name__}-{size}.txt"
    if not path.exists():
        path.write_text(make(size), encoding="utf-8")
    t0 = time.perf_counter()
    with redirect_stdout(io.StringIO()):
        code = main(["--json", str(path)])
    if code != 0:
        raise RuntimeError(f"--json failed on {path}")
    return time.perf_counter() - t0


def rows() -> list[Row]:
    out = []
    for label, make in SHAPES.items():
        times = [json_seconds(make, size) for size in SIZES]
        note = " / ".join(f"{t:.2f}s" for t in times) + " at 0.1 / 1 / 10 MB"
        print(f"  {label}: {note}", file=sys.stderr, flush=True)
        out.append(Row(f"--json 10 MB vs 1 MB: {label}", times[2], times[1], 15.0, note=note))
    return out
