"""Library search results as CSV: one row per paragraph with hits."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from viewer.core.library.results import LibraryResults
from viewer.core.library.store import Library

#: Columns of a library search export: one row per paragraph with hits (1-based numbers).
RESULT_COLUMNS = ("Call", "Company", "Period", "Speaker", "Paragraph", "Hits", "English", "Chinese")


def result_rows(library: Library, results: LibraryResults) -> Iterator[list[object]]:
    """The CSV rows of ``results``: call file, company, period, speaker, paragraph number
    (1-based), hits in that paragraph, both languages."""
    calls = {c.id: c for c in results.calls}
    counts: dict[tuple[int, int], int] = {}
    for h in results.hits:
        counts[(h.call_id, h.paragraph)] = counts.get((h.call_id, h.paragraph), 0) + 1
    for (cid, idx), n in counts.items():
        p = library.paragraph(cid, idx)
        c = calls[cid]
        if p is None:
            continue
        yield [Path(c.path).name, c.key, c.period, p.speaker, idx + 1, n, p.en, p.zh]


def export_results_csv(
    library: Library,
    results: LibraryResults,
    path: str | os.PathLike[str],
    *,
    bom: bool = True,
    neutralise: bool = True,
) -> None:
    """Write ``results`` to ``path`` as CSV with :func:`viewer.core.export.write_csv`
    (atomic; formula neutralisation unless ``neutralise=False``)."""
    from viewer.core.export import write_csv

    write_csv(
        path, list(RESULT_COLUMNS), result_rows(library, results), bom=bom, neutralise=neutralise
    )
