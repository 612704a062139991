"""Issue 12: each new layout parses within 10x the read-and-split floor.

One row per layout, on a ~2 MB call of that layout: a real corpus file (the bundled fictional
fixture when ``../shared/data`` is absent) with its body repeated, so that what is measured is
the reader's work per line, not Python's fixed costs on a 20 KB file. The floor is the same as
``bench_parse``'s: read the bytes, decode UTF-8, split the lines.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

from bench.common import BUILD, ROOT, Row, alternate
from viewer.core.transcript_io import load_transcript

CORPUS = ROOT.parent / "shared" / "data" / "corpus"
DATA = ROOT / "tests" / "data"
TARGET = 2_000_000  # bytes of each synthetic call

_LINES = re.compile(r"\r\n?|\n")


def _floor(path: str) -> None:
    with open(path, "rb") as fh:
        _LINES.split(fh.read().decode("utf-8"))


def _source(corpus: str, fixture: str) -> Path:
    real = CORPUS / corpus
    return real if real.exists() else DATA / fixture


def _copies(size: int) -> int:
    return max(1, TARGET // max(size, 1))


def _repeat_text(text: str, start: str | None, *ends: str) -> str:
    """The text with its body (from the first ``start``, up to the first of ``ends`` found)
    repeated to ~TARGET bytes."""
    at = max(text.find(start) if start else 0, 0)
    stop = next((k for k in (text.rfind(e) for e in ends) if k > at), -1)
    head = text[:at]
    body = (text[at:stop] if stop > at else text[at:]).rstrip("\n") + "\n\n"
    return head + body * _copies(len(body.encode("utf-8")))


def _pairs_json(text: str) -> str:
    doc = json.loads(text)
    doc["pairs"] = doc["pairs"] * _copies(len(text.encode("utf-8")))
    return json.dumps(doc, ensure_ascii=False, indent=1)


def _earningscall(text: str) -> str:
    doc = json.loads(text)
    doc["speakers"] = doc["speakers"] * _copies(len(text.encode("utf-8")))
    # Word times keep rising across the copies, as in one long call.
    offset = 0.0
    for entry in doc["speakers"]:
        times = entry.get("start_times")
        if times:
            entry["start_times"] = [t + offset for t in times]
            offset = entry["start_times"][-1] + 1.0
    return json.dumps(doc)


CASES: list[tuple[str, Path, Callable[[str], str], str]] = [
    (
        "en-zhhans-pairs text",
        _source(
            "en-zhhans-pairs/MSFT_Q3_2024_interleaved.txt",
            "en-zhhans-pairs/HPF_Q2_2025_interleaved.txt",
        ),
        # The body without the closing block (duration, participants list, disclaimer).
        lambda t: _repeat_text(t, "  [  2]", "  [205] [EN] Duration:", "\n" + "=" * 70),
        "pairs-text.txt",
    ),
    (
        "en-zhhans-pairs JSON",
        _source(
            "en-zhhans-pairs/MSFT_Q3_2024_bilingual.json",
            "en-zhhans-pairs/HPF_Q2_2025_bilingual.json",
        ),
        _pairs_json,
        "pairs.json",
    ),
    (
        "alphamemo",
        _source(
            "alphamemo-en-zhtw/ella0929__2454_2026Q2.txt", "alphamemo/fixture__9999_2025Q4.txt"
        ),
        lambda t: _repeat_text(t, "**"),
        "alphamemo.txt",
    ),
    (
        "markdown",
        _source("markdown-name-colon/AAPL_Q3_2024.md", "markdown/HPF_Q1_2024.md"),
        lambda t: _repeat_text(t, "\n---\n"),
        "markdown.md",
    ),
    (
        "earningscall JSON (word times)",
        _source(
            "earningscall-json/aapl-q1-2022-advanced-data-level-3.body0.json",
            "earningscall/hpf-q2-2025-words.json",
        ),
        _earningscall,
        "earningscall.json",
    ),
    (
        "sentence per line",
        _source("sentence-per-line/CLX_q1_2021.txt", "sentences/HPF_q2_2025.txt"),
        lambda t: _repeat_text(t, None),
        "sentences.txt",
    ),
]


def _big(src: Path, grow: Callable[[str], str], name: str) -> Path:
    BUILD.mkdir(parents=True, exist_ok=True)
    out = BUILD / f"formats-{name}"
    out.write_text(grow(src.read_text("utf-8")), encoding="utf-8")
    return out


def rows() -> list[Row]:
    out = []
    for label, src, grow, name in CASES:
        path = str(_big(src, grow, name))
        size = Path(path).stat().st_size / 1e6
        t, floor = alternate(lambda p=path: load_transcript(p), lambda p=path: _floor(p), 5)
        out.append(Row(f"parse {label} ({size:.1f} MB) vs read+decode+split", t, floor, 10.0))
    return out
