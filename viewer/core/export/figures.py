"""Figure exports: the figures table's CSV columns and rows (the panel's export and
``--figures-csv`` build it the same way, through :func:`figure_export`)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal

from viewer.core.errors import ExportCancelled
from viewer.core.export.specs import ExportSpec, suggested_filename
from viewer.core.figures import is_sane, plain
from viewer.core.metrics_models import Figure
from viewer.core.models import Transcript

FIGURE_COLUMNS = [
    "metric",
    "value",
    "unit",
    "low",
    "high",
    "qualifier",
    "period",
    "nature",
    "check",
    "paragraph",
    "speaker",
    "English text",
    "Chinese text",
]


def _csv_number(v: Decimal | None) -> Decimal | str | None:
    # str(Decimal) may use an exponent (1.411E+8); spreadsheets want 141100000. A value too
    # large to write out is kept as text.
    if v is None:
        return None
    return Decimal(plain(v)) if is_sane(v) else plain(v)


def figure_row(figure: Figure, speaker_name: str) -> list[object]:
    """One CSV row of :data:`FIGURE_COLUMNS` (values are Decimals, written as numbers).

    ``paragraph`` is 1-based, as the window and the paragraph CSV count (``--json`` keeps
    its 0-based ``index``)."""
    m = figure.main
    return [
        m.metric,
        _csv_number(m.value),
        m.unit,
        _csv_number(m.low),
        _csv_number(m.high),
        m.qualifier,
        m.period,
        m.nature.value,
        figure.check.value,
        figure.paragraph + 1,
        speaker_name,
        figure.en.text if figure.en else None,
        figure.zh.text if figure.zh else None,
    ]


def figure_export(transcript: Transcript, figures: Sequence[Figure]) -> ExportSpec:
    """The :class:`~viewer.core.export.specs.ExportSpec` of these figures (the figures table
    and ``--figures-csv``)."""
    chosen = list(figures)
    keys = tuple(FIGURE_COLUMNS)

    def rows(
        columns: Sequence[str],
        progress: Callable[[int, int], None] | None,
        cancel: Callable[[], bool] | None,
    ) -> Iterator[list[object]]:
        where = [keys.index(c) for c in columns]
        for n, f in enumerate(chosen):
            if cancel is not None and n % 256 == 0 and cancel():
                raise ExportCancelled()
            row = figure_row(f, transcript.speaker_of_paragraph(f.paragraph).name)
            if progress is not None and n % 256 == 0:
                progress(n, len(chosen))
            yield [row[i] for i in where]

    return ExportSpec(
        kind="figures",
        headers={k: k for k in keys},
        defaults=keys,
        rows=rows,
        count=len(chosen),
        suggested_name=suggested_filename(transcript, "figures"),
    )
