"""CSV export: cells and documents (:mod:`.cells`), the atomic writer (:mod:`.writer`),
paragraph rows and selection (:mod:`.paragraphs`), export specs, file names and
:func:`write_spec` (:mod:`.specs`), figure rows (:mod:`.figures`). The CLI and the window both
write a CSV as ``write_spec(path, spec, columns)``. :mod:`.figures` is imported on its own
(``from viewer.core.export.figures import figure_export``, or through
:mod:`viewer.core.metrics`): it loads the figures extractor, which the window does not need
at start-up."""

from viewer.core.errors import ExportCancelled
from viewer.core.export.cells import BOM, clean_cell, csv_bytes, csv_text, neutralise_cell
from viewer.core.export.paragraphs import (
    PARAGRAPH_COLUMNS,
    PARAGRAPH_HEADERS,
    PROGRESS_STEP,
    TIME_COLUMN,
    paragraph_columns,
    paragraph_header,
    paragraph_headers,
    paragraph_rows,
    select_paragraphs,
)
from viewer.core.export.specs import (
    MAX_NAME,
    ExportSpec,
    RowSource,
    paragraph_export,
    preview_rows,
    safe_filename,
    suggested_filename,
    write_spec,
)
from viewer.core.export.writer import write_bytes_atomic, write_csv

__all__ = [
    "BOM",
    "MAX_NAME",
    "PARAGRAPH_COLUMNS",
    "PARAGRAPH_HEADERS",
    "PROGRESS_STEP",
    "TIME_COLUMN",
    "ExportCancelled",
    "ExportSpec",
    "RowSource",
    "clean_cell",
    "csv_bytes",
    "csv_text",
    "neutralise_cell",
    "paragraph_columns",
    "paragraph_export",
    "paragraph_header",
    "paragraph_headers",
    "paragraph_rows",
    "preview_rows",
    "safe_filename",
    "select_paragraphs",
    "suggested_filename",
    "write_bytes_atomic",
    "write_csv",
    "write_spec",
]
