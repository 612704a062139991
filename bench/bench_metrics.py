"""Issue 3: figure extraction and translation check of the ALAB call against parsing it."""

from __future__ import annotations

from bench.common import Row, alternate, source_file
from viewer.core.metrics import iter_figures
from viewer.core.transcript_io import load_transcript


def rows() -> list[Row]:
    src = str(source_file())
    transcript = load_transcript(src)

    def figures() -> None:
        list(iter_figures(transcript))

    t, parse = alternate(figures, lambda: load_transcript(src), 15)
    return [Row("figures + cross-check ALAB vs parse ALAB", t, parse, 5.0)]
