"""What an export dialog or a command line exports: an :class:`ExportSpec` (headers, default
columns, rows), its file name, its preview, and :func:`write_spec`, the one way the CLI and
the window write a spec to a CSV file."""

from __future__ import annotations

import csv
import io
import itertools
import os
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from viewer.core.errors import ViewerError
from viewer.core.export.cells import csv_text
from viewer.core.export.paragraphs import paragraph_columns, paragraph_headers, paragraph_rows
from viewer.core.export.writer import write_csv
from viewer.core.models import Transcript

_FORBIDDEN_RE = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]+')
_RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$", "CLOCK$"}
    | {f"{dev}{n}" for dev in ("COM", "LPT") for n in (*"123456789", "¹", "²", "³")}
)
MAX_NAME = 120


def safe_filename(name: str, ext: str = ".csv") -> str:
    """``name`` + ``ext`` made safe as a file name on Windows, macOS and Linux.

    Forbidden characters ``<>:"/\\|?*`` and control characters become ``_``, runs of spaces
    one space; leading and trailing dots and spaces go; reserved device names (``CON``,
    ``COM1``...) get a ``_`` prefix; the result has at most :data:`MAX_NAME` characters.
    """
    stem = unicodedata.normalize("NFC", name)
    stem = _FORBIDDEN_RE.sub("_", stem)
    stem = re.sub(r"\s+", " ", stem).strip(" .")
    if ext and stem.casefold().endswith(ext.casefold()):
        stem = stem[: -len(ext)].rstrip(" .")
    stem = stem[: MAX_NAME - len(ext)].rstrip(" .") or "export"
    # Windows treats "CON.csv" and "con .txt" as the device too: check the part before a dot.
    device = stem.split(".", 1)[0].rstrip(" ").upper()
    if device in _RESERVED:
        stem = "_" + stem
    return stem + ext


def suggested_filename(
    transcript: Transcript, suffix: str = "paragraphs", ext: str = ".csv"
) -> str:
    """``ALAB-2024-Q4-paragraphs.csv``: the call's ticker, year and quarter, Windows-safe."""
    meta = transcript.meta
    parts = [meta.ticker or meta.company or meta.title or "transcript"]
    if meta.fiscal_year:
        parts.append(str(meta.fiscal_year))
    if meta.quarter:
        parts.append(f"Q{meta.quarter}")
    if suffix:
        parts.append(suffix)
    return safe_filename("-".join(parts), ext)


# --- what a dialog exports ---------------------------------------------------------------

RowSource = Callable[
    [Sequence[str], Callable[[int, int], None] | None, Callable[[], bool] | None],
    Iterable[Sequence[object]],
]


@dataclass(frozen=True)
class ExportSpec:
    """Everything an export dialog needs, whatever is exported (paragraphs, figures...).

    ``rows(columns, progress, cancel)`` yields the cells of ``count`` rows in ``columns``
    order; ``headers`` maps every offered column key to its header, ``defaults`` are the
    columns checked at first.
    """

    kind: str
    headers: dict[str, str]
    defaults: tuple[str, ...]
    rows: RowSource
    count: int
    suggested_name: str

    def header(self, columns: Sequence[str]) -> list[str]:
        """The header line for ``columns``."""
        unknown = [c for c in columns if c not in self.headers]
        if unknown:
            raise ViewerError(f"unknown export column(s): {', '.join(unknown)}")
        return [self.headers[c] for c in columns]


def paragraph_export(transcript: Transcript, paragraph_indices: Iterable[int]) -> ExportSpec:
    """The :class:`ExportSpec` of these paragraphs of ``transcript`` (with a time column, on
    by default, when the call has times: see :func:`paragraph_columns`)."""
    indices = list(paragraph_indices)

    def rows(
        columns: Sequence[str],
        progress: Callable[[int, int], None] | None,
        cancel: Callable[[], bool] | None,
    ) -> Iterable[Sequence[object]]:
        return paragraph_rows(transcript, indices, columns, progress=progress, cancel=cancel)

    return ExportSpec(
        kind="paragraphs",
        headers=paragraph_headers(transcript),
        defaults=paragraph_columns(transcript),
        rows=rows,
        count=len(indices),
        suggested_name=suggested_filename(transcript, "paragraphs"),
    )


def preview_rows(
    spec: ExportSpec, columns: Sequence[str], *, neutralise: bool = True, limit: int = 20
) -> list[list[str]]:
    """The header and the first ``limit`` rows exactly as the file will hold them."""
    first = list(itertools.islice(spec.rows(columns, None, None), limit))
    text = csv_text(spec.header(columns), first, bom=False, neutralise=neutralise)
    return list(csv.reader(io.StringIO(text, newline="")))


def write_spec(
    path: str | os.PathLike[str],
    spec: ExportSpec,
    columns: Sequence[str] | None = None,
    *,
    bom: bool = True,
    neutralise: bool = True,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> None:
    """Write ``spec``'s rows (``columns``, or its defaults) to ``path`` with :func:`write_csv`.

    Raises :class:`~viewer.core.errors.ExportError` or
    :class:`~viewer.core.errors.ExportCancelled`; the old file is then untouched.
    """
    chosen = list(spec.defaults if columns is None else columns)
    header = spec.header(chosen)
    write_csv(path, header, spec.rows(chosen, progress, cancel), bom=bom, neutralise=neutralise)
