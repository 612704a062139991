"""CSV export: cells and documents (:mod:`.cells`), the atomic writer (:mod:`.writer`),
paragraph rows and selection (:mod:`.paragraphs`), export specs, file names and
:func:`write_spec` (:mod:`.specs`), figure rows (:mod:`.figures`). The CLI and the window both
write a CSV as ``write_spec(path, spec, columns)``."""

from viewer.core.errors import ExportCancelled
from viewer.core.export.cells import BOM, clean_cell, csv_bytes, csv_text, neutralise_cell
from viewer.core.export.figures import FIGURE_COLUMNS, figure_export, figure_row
from viewer.core.export.paragraphs import (
    PARAGRAPH_COLUMNS,
    PARAGRAPH_HEADERS,
    PROGRESS_STEP,
    paragraph_header,
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
    "FIGURE_COLUMNS",
    "MAX_NAME",
    "PARAGRAPH_COLUMNS",
    "PARAGRAPH_HEADERS",
    "PROGRESS_STEP",
    "ExportCancelled",
    "ExportSpec",
    "RowSource",
    "clean_cell",
    "csv_bytes",
    "csv_text",
    "figure_export",
    "figure_row",
    "neutralise_cell",
    "paragraph_export",
    "paragraph_header",
    "paragraph_rows",
    "preview_rows",
    "safe_filename",
    "select_paragraphs",
    "suggested_filename",
    "write_bytes_atomic",
    "write_csv",
    "write_spec",
]
