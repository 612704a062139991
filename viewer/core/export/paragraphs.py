"""Paragraph exports: the columns, the rows, and which paragraphs a command line selects."""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable, Iterator, Sequence

from viewer.core.errors import ExportCancelled, ViewerError
from viewer.core.models import Paragraph, Section, Transcript
from viewer.core.search import SearchIndex, SearchOptions, find
from viewer.core.timecode import clock

#: Column key -> header, for paragraph exports (the dialog offers all, checks the defaults).
PARAGRAPH_HEADERS: dict[str, str] = {
    "company": "Company",
    "ticker": "Ticker",
    "fiscal_year": "Fiscal year",
    "quarter": "Quarter",
    "section": "Section",
    "turn": "Turn",
    "paragraph": "Paragraph",
    "time": "Time",
    "speaker": "Speaker",
    "title": "Title",
    "role": "Role",
    "firm": "Firm",
    "en": "English",
    "zh": "Chinese",
    "line": "Line",
}

#: The default columns of a paragraph export, in order.
PARAGRAPH_COLUMNS: tuple[str, ...] = (
    "company",
    "ticker",
    "fiscal_year",
    "quarter",
    "section",
    "turn",
    "paragraph",
    "speaker",
    "title",
    "role",
    "firm",
    "en",
    "zh",
)

#: The column of a paragraph's time within the call (``hh:mm:ss``), offered and exported by
#: default only for calls whose paragraphs carry times (AlphaMemo, EarningsCall).
TIME_COLUMN = "time"


def paragraph_columns(transcript: Transcript) -> tuple[str, ...]:
    """The default columns for ``transcript``: :data:`PARAGRAPH_COLUMNS`, with
    :data:`TIME_COLUMN` after the paragraph number when the call has times."""
    if not transcript.has_times:
        return PARAGRAPH_COLUMNS
    at = PARAGRAPH_COLUMNS.index("paragraph") + 1
    return (*PARAGRAPH_COLUMNS[:at], TIME_COLUMN, *PARAGRAPH_COLUMNS[at:])


def paragraph_headers(transcript: Transcript) -> dict[str, str]:
    """Column key -> header of every column offered for ``transcript`` (no time column for
    a call without times: it would always be empty)."""
    if transcript.has_times:
        return dict(PARAGRAPH_HEADERS)
    return {k: v for k, v in PARAGRAPH_HEADERS.items() if k != TIME_COLUMN}


#: Rows between two ``progress``/``cancel`` calls.
PROGRESS_STEP = 500


def paragraph_header(columns: Sequence[str] = PARAGRAPH_COLUMNS) -> list[str]:
    """The header line for ``columns`` (keys of :data:`PARAGRAPH_HEADERS`)."""
    unknown = [c for c in columns if c not in PARAGRAPH_HEADERS]
    if unknown:
        raise ViewerError(f"unknown export column(s): {', '.join(unknown)}")
    return [PARAGRAPH_HEADERS[c] for c in columns]


def _picker(columns: Sequence[str]) -> Callable[[dict[str, object]], Sequence[object]]:
    """``values -> cells in columns order``, in C (itemgetter) rather than a comprehension."""
    if len(columns) < 2:  # itemgetter returns a bare value for one key, fails for none
        keys = tuple(columns)
        return lambda values: tuple(values[k] for k in keys)
    return operator.itemgetter(*columns)


def paragraph_rows(
    transcript: Transcript,
    paragraph_indices: Iterable[int],
    columns: Sequence[str] = PARAGRAPH_COLUMNS,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> Iterator[Sequence[object]]:
    """One row per paragraph index, cells in ``columns`` order (lazily).

    Turn and paragraph numbers are 1-based, as a reader counts them; a time is ``hh:mm:ss``
    from the start of the call (empty when the paragraph has none). ``progress(done, total)``
    is called every :data:`PROGRESS_STEP` rows and at the end; when ``cancel()`` returns true
    the generator raises :class:`ExportCancelled`.
    """
    paragraph_header(columns)  # fail early on an unknown column
    indices = list(paragraph_indices)
    total = len(indices)
    meta = transcript.meta
    paragraphs = transcript.paragraphs
    turn_of = transcript.turn_of_paragraph
    # One dict of values per turn, refreshed with each paragraph's own values: far cheaper
    # than building a dict per row (this loop runs once per exported paragraph).
    per_turn: dict[int, dict[str, object]] = {}
    pick = _picker(columns)
    timed = TIME_COLUMN in columns
    for done, i in enumerate(indices):
        if done % PROGRESS_STEP == 0 and done:
            if cancel is not None and cancel():
                raise ExportCancelled("export cancelled")
            if progress is not None:
                progress(done, total)
        p: Paragraph = paragraphs[i]
        t = turn_of[i]
        values = per_turn.get(t)
        if values is None:
            turn = transcript.turns[t]
            sp = transcript.speaker(turn.speaker_id)
            values = per_turn[t] = {
                "company": meta.company,
                "ticker": meta.ticker,
                "fiscal_year": meta.fiscal_year,
                "quarter": meta.quarter,
                "section": turn.section.value,
                "turn": turn.index + 1,
                "speaker": sp.name,
                "title": sp.title,
                "role": sp.role.value,
                "firm": sp.firm,
            }
        values["paragraph"] = p.index + 1
        values["en"] = p.en
        values["zh"] = p.zh
        values["line"] = p.line
        if timed:
            values[TIME_COLUMN] = clock(p.time)
        yield pick(values)
    if cancel is not None and cancel():
        raise ExportCancelled("export cancelled")
    if progress is not None:
        progress(total, total)


def _firm_key(name: str) -> str:
    # "J.P. Morgan", "JPMorgan" and "jp morgan" are the same firm to a reader.
    return "".join(ch for ch in name.casefold() if ch.isalnum())


def select_paragraphs(
    transcript: Transcript,
    speakers: Sequence[str] = (),
    firms: Sequence[str] = (),
    section: str | Section | None = None,
    find: str | None = None,
    **find_options: object,
) -> list[int]:
    """Indices of the paragraphs matching every given filter (all paragraphs when none).

    A paragraph matches ``speakers`` when its speaker is any of them (by id, name or alias),
    ``firms`` when its speaker's firm is any of them (case, spaces and punctuation ignored),
    ``section`` when its turn is in that section, ``find`` when the search finds the query in
    it (``find_options`` go to the search options: ``regex``, ``case_sensitive``...). An
    unknown speaker or firm raises :class:`ViewerError` naming the ones there are.
    """
    wanted_ids: set[str] | None = None
    if speakers:
        wanted_ids = set()
        for name in speakers:
            sp = transcript.find_speaker(name)
            if sp is None:
                known = ", ".join(s.name for s in transcript.speakers)
                raise ViewerError(f"no speaker {name!r} in this call (speakers: {known})")
            wanted_ids.add(sp.id)
    if firms:
        keys = {_firm_key(f) for f in firms}
        by_firm = {s.id for s in transcript.speakers if s.firm and _firm_key(s.firm) in keys}
        if not by_firm:
            known_firms = sorted({s.firm for s in transcript.speakers if s.firm})
            raise ViewerError(
                f"no firm {', '.join(map(repr, firms))} in this call "
                f"(firms: {', '.join(known_firms) or 'none'})"
            )
        wanted_ids = by_firm if wanted_ids is None else wanted_ids & by_firm
    wanted_section = Section(section) if section is not None else None
    hits: set[int] | None = None
    if find is not None:
        hits = _find_paragraphs(transcript, find, find_options)
    out: list[int] = []
    for turn in transcript.turns:
        if wanted_ids is not None and turn.speaker_id not in wanted_ids:
            continue
        if wanted_section is not None and turn.section != wanted_section:
            continue
        for p in turn.paragraphs:
            if hits is None or p.index in hits:
                out.append(p.index)
    return out


def _find_paragraphs(transcript: Transcript, query: str, options: dict[str, object]) -> set[int]:
    """Paragraph indices where the search finds ``query``."""
    opts = SearchOptions.model_validate({"query": query, **options})
    return {hit.paragraph for hit in find(SearchIndex(transcript), opts)}
