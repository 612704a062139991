"""Issue 5: exporting every paragraph of the 10 MB transcript against bare ``csv`` in memory.

Measured: building the rows, cleaning and neutralising every cell, encoding with the BOM, the
temp file, fsync and rename (``write_csv`` as the CLI and the GUI call it). Baseline: Python's
``csv.writer`` writing the same row values to an ``io.StringIO``. Both in the same run.
"""

from __future__ import annotations

import csv
import io

from bench.common import BUILD, Row, alternate, big_file
from viewer.core.export import paragraph_header, paragraph_rows, write_csv
from viewer.core.transcript_io import load_transcript


def rows() -> list[Row]:
    transcript = load_transcript(big_file())
    indices = list(range(len(transcript.paragraphs)))
    header = paragraph_header()
    values = list(paragraph_rows(transcript, indices))
    BUILD.mkdir(parents=True, exist_ok=True)
    out = BUILD / "export-bench.csv"

    def export() -> None:
        write_csv(out, header, paragraph_rows(transcript, indices))

    def baseline() -> None:
        buf = io.StringIO(newline="")
        writer = csv.writer(buf, lineterminator="\r\n")
        writer.writerow(header)
        writer.writerows(values)

    t, base = alternate(export, baseline, 5)
    size = out.stat().st_size / 1e6
    return [
        Row(
            f"export {len(indices)} paragraphs vs csv to memory",
            t,
            base,
            3.0,
            note=f"{size:.1f} MB written",
        )
    ]
