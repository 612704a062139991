"""Issue 12: each new layout parses within 10x the read-and-split floor.

First one row per layout on a real file as people have them (:func:`real_rows`), fixed costs
included. Then, for the bilingual and new layouts, a row on a ~2 MB call of that layout: a real
corpus file (the bundled fictional fixture when ``../shared/data`` is absent) with its body
repeated, so that what is measured is the reader's work per line. The floor is the same as
``bench_parse``'s: read the bytes, decode UTF-8, split the lines.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable
from pathlib import Path

from bench.common import BUILD, ROOT, Row, alternate
from viewer.core.loading import load_text
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


STATEMENTDOG = ROOT.parent / "shared" / "data" / "statementdog"

# One real file of every layout, as people have them (2-150 KB), parsed as the app parses
# it (detection included); the bundled fictional fixture when ``../shared/data`` is absent.
# At this size a reader's fixed costs count (ten scorers, metadata, the model), not only its
# work per line.
REAL: list[tuple[str, Path, Path]] = [
    (
        "statementdog bulleted",
        STATEMENTDOG / "ALAB-2024-Q4.txt",
        ROOT / "resources" / "sample" / "NOVA-2025-Q3.txt",
    ),
    ("statementdog bare", STATEMENTDOG / "GURE-2023-Q2.excerpt.txt", DATA / "hpf-bare.txt"),
    *(
        (label, _source(corpus, fixture), DATA / fixture)
        for label, corpus, fixture in (
            (
                "en-zhhans-pairs text",
                "en-zhhans-pairs/NVO_Q3_2025_interleaved.txt",
                "en-zhhans-pairs/HPF_Q2_2025_interleaved.txt",
            ),
            (
                "en-zhhans-pairs JSON",
                "en-zhhans-pairs/NVO_Q3_2025_bilingual.json",
                "en-zhhans-pairs/HPF_Q2_2025_bilingual.json",
            ),
            (
                "alphamemo",
                "alphamemo-en-zhtw/ella0929__2454_2026Q2.txt",
                "alphamemo/fixture__9999_2025Q4.txt",
            ),
            ("markdown", "markdown-name-colon/AAPL_Q3_2024.md", "markdown/HPF_Q1_2024.md"),
            (
                "earningscall JSON",
                "earningscall-json/msft-transcript-response.body0.json",
                "earningscall/hpf-transcript-text.json",
            ),
            (
                "earningscall JSON (word times)",
                "earningscall-json/aapl-q1-2022-advanced-data-level-3.body0.json",
                "earningscall/hpf-q2-2025-words.json",
            ),
            (
                "sentence per line",
                "sentence-per-line/CLX_q1_2021.txt",
                "sentences/HPF_q2_2025.txt",
            ),
            (
                "refinitiv",
                "refinitiv-eventbrief/Q3 2022 Urban Edge Properties Earnings Call.txt",
                "refinitiv/larkspur-2025-q2.txt",
            ),
            (
                "seekingalpha",
                "seekingalpha-2018/CT_BA_2018_q1.txt",
                "seekingalpha/brambleway-2018-q3.txt",
            ),
            (
                "motleyfool text",
                "motleyfool-text/MSFT_Q3_2024_earnings_call.txt",
                "motleyfool_text/quillon-old-2024-q1.txt",
            ),
            (
                "motleyfool JSON",
                "motleyfool-json/APOG_2026_Q3_633270.json",
                "motleyfool_json/quillon-2025-q3.json",
            ),
        )
    ),
]


def _floor_in(path: str, encoding: str) -> None:
    """The floor for a file that may not be UTF-8 (Seeking Alpha's cp1252): its own codec."""
    with open(path, "rb") as fh:
        _LINES.split(fh.read().decode(encoding))


def real_rows() -> list[Row]:
    """Rows on real files of every layout (see :data:`REAL`)."""
    out = []
    for label, src, fallback in REAL:
        path = str(src if src.exists() else fallback)
        enc = load_text(path).encoding
        size = Path(path).stat().st_size / 1e3
        t, floor = alternate(
            lambda p=path: load_transcript(p),
            lambda p=path, e=enc: _floor_in(p, e),
            21,
            clock=time.process_time,
        )
        out.append(
            Row(f"parse {label} ({size:.0f} KB) vs read+decode+split", t, floor, 10.0, note="CPU")
        )
    return out


def rows() -> list[Row]:
    out = real_rows()
    for label, src, grow, name in CASES:
        path = str(_big(src, grow, name))
        size = Path(path).stat().st_size / 1e6
        t, floor = alternate(lambda p=path: load_transcript(p), lambda p=path: _floor(p), 5)
        out.append(Row(f"parse {label} ({size:.1f} MB) vs read+decode+split", t, floor, 10.0))
    return out
