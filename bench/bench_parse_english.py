"""Issue 12: parsing each English-only layout against the read-and-split floor.

One row per layout (Refinitiv, Seeking Alpha, Motley Fool text and JSON): ``load_transcript``
on the largest real file of the layout's corpus folder (the fictional test fixture when the
shared data is absent) against reading, decoding (in the file's own encoding) and splitting
the same file into lines.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from bench.common import BUILD, ROOT, Row, alternate
from viewer.core.loading import load_text
from viewer.core.transcript_io import load_transcript

_LINES = re.compile(r"\r\n?|\n")
CORPUS = ROOT.parent / "shared" / "data" / "corpus"
FIXTURES = ROOT / "tests" / "data"

# layout label, corpus folder, fixture used when the corpus is absent
LAYOUTS = (
    ("Refinitiv", "refinitiv-eventbrief", FIXTURES / "refinitiv" / "larkspur-2025-q2.txt"),
    ("Seeking Alpha", "seekingalpha-2018", FIXTURES / "seekingalpha" / "brambleway-2018-q3.txt"),
    (
        "Motley Fool text",
        "motleyfool-text",
        FIXTURES / "motleyfool_text" / "quillon-old-2024-q1.txt",
    ),
    ("Motley Fool JSON", "motleyfool-json", FIXTURES / "motleyfool_json" / "quillon-2025-q3.json"),
)


def _largest(folder: str, fallback: Path) -> Path:
    path = CORPUS / folder
    files = [p for p in path.iterdir() if p.is_file()] if path.is_dir() else []
    return max(files, key=lambda p: p.stat().st_size) if files else fallback


def _floor(path: str, encoding: str) -> None:
    with open(path, "rb") as fh:
        _LINES.split(fh.read().decode(encoding))


_QA_MARKS = ("QUESTIONS AND ANSWERS", "Question-and-Answer Session", "Questions & Answers:")
_TAILS = ("DISCLAIMER", "This article is a transcript", "Duration:", "Call participants:")


def _split(text: str, cut: int) -> tuple[str, str, str]:
    """Head, the part to repeat (from ``cut``, else from the middle), and the trailer."""
    if cut <= 0:
        cut = text.find("\n", len(text) // 2) + 1
    ends = [i for i in (text.find(m, cut) for m in _TAILS) if i > 0]
    end = min(ends) if ends else len(text)
    return text[:cut], text[cut:end], text[end:]


def _scaled(src: Path, target: int = 5_000_000) -> Path:
    """A ~5 MB call of the same layout: the source's Q&A (or, without a heading, its second
    half) repeated, the head and the trailer kept."""
    BUILD.mkdir(parents=True, exist_ok=True)
    out = BUILD / f"{src.stem}-scaled{src.suffix}"
    if out.exists():
        return out
    decoded = load_text(src)
    if src.suffix == ".json":
        data = json.loads(decoded.text)
        body = data.get("transcript") or ""
        head, rest, tail = _split(body, body.find("Operator:"))
        rest = rest.rstrip("\n") + "\n\n"
        data["transcript"] = head + rest * max(1, target // max(1, len(rest))) + tail
        out.write_text(json.dumps(data), encoding="utf-8")
        return out
    text = decoded.text
    cut = max((text.find(m) for m in _QA_MARKS), default=-1)
    head, rest, tail = _split(text, text.find("\n", cut) + 1 if cut >= 0 else -1)
    rest = rest.rstrip("\n") + "\n \n"
    scaled = head + rest * max(1, target // max(1, len(rest))) + tail
    out.write_bytes(scaled.encode(decoded.encoding, errors="replace"))
    return out


def english_rows() -> list[Row]:
    """Parse rows of the English-only layouts (kept apart from other readers' rows): the
    largest real file, and that file scaled to ~5 MB of the same structure."""
    out = []
    for label, folder, fallback in LAYOUTS:
        src = _largest(folder, fallback)
        for what, path, rep in (("", src, 15), (" 5 MB", _scaled(src), 3)):
            p = str(path)
            encoding = load_text(p).encoding
            t, floor = alternate(
                lambda p=p: load_transcript(p), lambda p=p, e=encoding: _floor(p, e), rep
            )
            out.append(Row(f"parse {label}{what} vs read+decode+split", t, floor, 10.0))
    return out


def rows() -> list[Row]:
    return english_rows()
