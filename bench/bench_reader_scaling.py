"""Issue 16: every reader and the speaker pass scale linearly with the text.

Each shape is built at 0.1, 1 and 10 MB of the same structure; a row compares the time for
10 MB against 1 MB (and 1 MB against 0.1 MB): 10x the text must stay within 15x the time.
Reader rows repeat the body of each reader's own fixture (tests/data, found by detection as
the fuzz suite does); the other rows are the hostile shapes of issue 16 (long blank runs,
Chinese lines without English, thousands of speakers, names that slug alike).
"""

from __future__ import annotations

import contextlib
import gc
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

from bench.common import ROOT, Row
from viewer.core.errors import TranscriptError
from viewer.core.formats import READERS, scores
from viewer.core.loading import decode

SIZES = (100_000, 1_000_000, 10_000_000)  # bytes of UTF-8 text
LIMIT = 15.0  # 10x the text within 15x the time


def _fixtures() -> list[tuple[Path, str]]:
    out = []
    for p in sorted((ROOT / "tests" / "data").rglob("*")):
        if p.is_file():
            try:
                out.append((p, decode(p.read_bytes(), str(p)).text))
            except TranscriptError:
                continue
    sample = ROOT / "resources" / "sample" / "NOVA-2025-Q3.txt"
    return [*out, (sample, sample.read_text("utf-8"))]


def _fixture_for(reader: ModuleType) -> str | None:
    """The largest fixture whose best fit is ``reader`` and that it parses."""
    best: str | None = None
    for _, text in _fixtures():
        ranked = max(scores(text).items(), key=lambda kv: kv[1], default=("", 0.0))
        if ranked[0] != reader.NAME or (best is not None and len(text) <= len(best)):
            continue
        try:
            reader.parse(text, "<bench>", "utf-8", "LF", None)
        except TranscriptError:
            continue
        best = text
    return best


def _repeat_body(text: str, size: int) -> str:
    """The first fifth of the lines once (title, summary, markers), the rest repeated until
    the text is ``size`` bytes: the same structure, bigger."""
    lines = text.split("\n")
    cut = max(1, len(lines) // 5)
    head, body = "\n".join(lines[:cut]) + "\n", "\n".join(lines[cut:]).rstrip("\n") + "\n\n"
    copies = max(1, (size - len(head.encode())) // len(body.encode()))
    return head + body * copies


def _to_size(unit: str, size: int, head: str = "") -> str:
    return head + unit * max(1, (size - len(head.encode())) // len(unit.encode()))


def _header(name: str) -> str:
    return f"  • {name} - Vice President\n\n    {name} - Vice President\n\n"


def _para(en: str, zh: str) -> str:
    return f"  • {en}\n\n    {zh}\n\n"


TITLE = "Acme Corp (ACME) 2024 Q2 法說會逐字稿\n\n完整原文\n\n"


def _many_speakers(size: int) -> str:
    """Thousands of distinct company speakers, each with a short turn."""
    parts, total, i = [TITLE], len(TITLE.encode()), 0
    while total < size:
        name = f"Pat Q{i:x}son"
        chunk = _header(name) + _para(
            f"Thanks. I am {name} and revenue was up.", "謝謝。營收成長。"
        )
        parts.append(chunk)
        total += len(chunk.encode())
        i += 1
    return "".join(parts)


def _slug_alike(size: int) -> str:
    """Distinct speaker names that differ only in punctuation: all slug to ``a-n-n-l-e-e``."""
    marks = ".-'’"
    parts, total, i = [TITLE], len(TITLE.encode()), 0
    while total < size:
        gaps = [marks[(i >> (2 * k)) & 3] for k in range(10)]
        name = "A{}n{}n L{}e{}e{}".format(*gaps[:5]) + "".join(f"{g}s" for g in gaps[5:])
        chunk = _header(name) + _para("Thank you.", "謝謝。")
        parts.append(chunk)
        total += len(chunk.encode())
        i += 1
    return "".join(parts)


def _chinese_without_english(size: int) -> str:
    head = TITLE + _header("Ann Lee") + _para("Thank you.", "謝謝。")
    return _to_size("    謝謝。今天和我在一起的有我們的執行長和我們的財務長。\n", size, head)


SHAPES: dict[str, Callable[[int], str]] = {
    "speaker pass: distinct speakers": _many_speakers,
    "speaker pass: names that slug alike": _slug_alike,
    "statementdog: Chinese lines without English": _chinese_without_english,
    "detection: blank lines": lambda size: _to_size("\n", size, "") + "x",
    "detection: one line of spaces": lambda size: "a" + " " * size + "b",
}


def _time(fn: Callable[[], object]) -> float:
    """Best of up to five runs (the machine is shared: the best is the least disturbed), each
    after a full collection so that one run does not pay for the garbage of the last."""
    runs: list[float] = []
    while len(runs) < 5 and sum(runs) < 10:
        gc.collect()
        t0 = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t0)
    return min(runs)


def _parse_or_refuse(reader: ModuleType | None, text: str) -> None:
    from viewer.core.formats import parse_text

    # (As the app and the CLI run a reader: through parse_text, forced to its layout.)
    with contextlib.suppress(TranscriptError):
        parse_text(text, "<bench>", layout=None if reader is None else reader.NAME)


def _rows(name: str, make: Callable[[int], str], reader: ModuleType | None) -> list[Row]:
    times = []
    for size in SIZES:
        text = make(size)
        times.append(_time(lambda t=text: _parse_or_refuse(reader, t)))
    note = " / ".join(f"{t:.3f}s" for t in times) + " at 0.1 / 1 / 10 MB"
    return [
        Row(f"{name} 1 MB vs 0.1 MB", times[1], times[0], LIMIT),
        Row(f"{name} 10 MB vs 1 MB", times[2], times[1], LIMIT, note=note),
    ]


def rows() -> list[Row]:
    out: list[Row] = []
    for reader in READERS:
        fixture = _fixture_for(reader)
        if fixture is None:
            continue
        out += _rows(f"reader {reader.NAME}", lambda s, f=fixture: _repeat_body(f, s), reader)
    for name, make in SHAPES.items():
        out += _rows(name, make, None)
    return out
