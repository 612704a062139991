"""A library of calls: folders of transcripts indexed in one SQLite file, searched all at once,
compared quarter by quarter (pure Python, no Qt).

- :class:`Library` (``store``): open a database, add/remove folders, :meth:`Library.rescan`
  (incremental, done by ``scan``; progress and cancel callbacks), listing (companies -> calls
  by fiscal period); value types in ``models``.
- :func:`search` (``fulltext``): FTS5-narrowed search whose hits equal the single-call search;
  :class:`LibraryResults` (``results``); CSV export (``results_csv``).
- :func:`compare` (``compare``): metrics by period, guidance against actual.
"""

from __future__ import annotations

from viewer.core.library.compare import (
    Comparison,
    GuidanceCheck,
    MetricValue,
    Verdict,
    compare,
    comparison_json,
    match_guidance,
    period_key,
)
from viewer.core.library.db import (
    APPLICATION_ID,
    SCHEMA_VERSION,
    LibraryDbError,
    default_db_path,
)
from viewer.core.library.fulltext import SearchFilters, match_expression, search
from viewer.core.library.models import (
    CallInfo,
    Company,
    LibraryCancelled,
    ScanReport,
    StoredParagraph,
)
from viewer.core.library.results import LibraryHit, LibraryResults
from viewer.core.library.results_csv import RESULT_COLUMNS, export_results_csv, result_rows
from viewer.core.library.scan import SUFFIXES
from viewer.core.library.store import Library

__all__ = [
    "APPLICATION_ID",
    "RESULT_COLUMNS",
    "SCHEMA_VERSION",
    "SUFFIXES",
    "CallInfo",
    "Company",
    "Comparison",
    "GuidanceCheck",
    "Library",
    "LibraryCancelled",
    "LibraryDbError",
    "LibraryHit",
    "LibraryResults",
    "MetricValue",
    "ScanReport",
    "SearchFilters",
    "StoredParagraph",
    "Verdict",
    "compare",
    "comparison_json",
    "default_db_path",
    "export_results_csv",
    "match_expression",
    "match_guidance",
    "period_key",
    "result_rows",
    "search",
]
