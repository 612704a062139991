"""CSV export: a safe, atomic writer, formula neutralisation and the paragraph rows.

The writer follows RELIABILITY.md ("Writing a CSV"): the whole file is built and encoded in
memory, then written to a temp file beside the target, flushed, fsynced and renamed over it.
On any failure the temp file is removed, the old target is untouched and an
:class:`~viewer.core.errors.ExportError` says why.

Formula neutralisation rule (chosen to keep real text readable)
---------------------------------------------------------------
A *text* cell is prefixed with one apostrophe ``'`` when

- it starts with TAB, CR or LF, or
- its first character that is not whitespace (spaces, TAB, CR, LF, the ideographic space...)
  is one of ``= + - @`` or the full-width ``＝ ＋ － ＠``,

unless the whole cell is a plain number such as ``-0.15``, ``+3``, ``-1,234.5``, ``-5%`` or
``-2e-3``: spreadsheets read those as numbers, never as formulas, so they are written as they
are. Everything else that starts with a trigger is prefixed, including text such as
``-$5 million`` or ``-- and then``: the only change is the one leading ``'``, so the text stays
readable, and no cell is altered in any other way. Numbers passed as ``int``/``float``/
``Decimal`` are written as numbers and never prefixed. The rule applies to every column.

Always (also in raw mode) NUL and other control characters are removed, except TAB, LF and CR
inside a cell, together with U+FEFF (a stray byte-order mark would give the file a second BOM)
and lone surrogates (they cannot be encoded). Newlines and quotes stay inside quoted cells
(RFC 4180, ``QUOTE_MINIMAL``).
"""

from __future__ import annotations

import contextlib
import csv
import errno
import importlib
import io
import itertools
import operator
import os
import re
import tempfile
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from viewer.core.errors import ExportError, ViewerError
from viewer.core.models import Paragraph, Section, Transcript

BOM = "\ufeff"

#: Characters removed from every cell: C0 controls but TAB/LF/CR, DEL, C1 controls, the
#: byte-order mark and lone surrogates.
_STRIP_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\ud800-\udfff]")

_TRIGGERS = frozenset("=+-@＝＋－＠")
_ALWAYS = frozenset("\t\r\n")
#: Every whitespace character (all are below U+3001) and every trigger: a cell starting with
#: one of these needs a closer look by :func:`neutralise_cell`.
_SUSPECT = _TRIGGERS | frozenset(c for c in map(chr, range(0x3001)) if c.isspace())
#: A whole cell that spreadsheets read as a plain number (never as a formula).
_PLAIN_NUMBER_RE = re.compile(
    r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?<=\d)(?:[eE][+-]?\d+)?%?\Z"
)


class ExportCancelled(ViewerError):
    """Raised while building rows when the ``cancel`` callback says so."""


def clean_cell(value: str) -> str:
    """``value`` without NUL, other control characters (TAB/LF/CR kept), U+FEFF, surrogates."""
    if _STRIP_RE.search(value) is None:
        return value
    return _STRIP_RE.sub("", value)


def neutralise_cell(value: str) -> str:
    """``value`` with ``'`` in front when a spreadsheet could run it as a formula.

    See the module docstring for the rule. ``value`` is expected to be cleaned already; the
    function never changes anything but the one leading apostrophe.
    """
    if not value:
        return value
    first = value[0]
    if first in _ALWAYS:
        return "'" + value
    if first.isspace():
        stripped = value.lstrip()
        if not stripped:
            return value
        first = stripped[0]
    if first not in _TRIGGERS:
        return value
    if first in "+-" and _PLAIN_NUMBER_RE.match(value):
        return value
    return "'" + value


def _cell(value: object, neutralise: bool) -> object:
    if value is None:
        return ""
    if isinstance(value, str):
        text = clean_cell(value)
        return neutralise_cell(text) if neutralise else text
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float, Decimal)):
        # Written as a number: a spreadsheet reads it as a number, never as a formula.
        return value
    text = clean_cell(str(value))
    return neutralise_cell(text) if neutralise else text


def _render(
    header: Sequence[object], rows: list[Sequence[object]], neutralise: bool, clean: bool
) -> str:
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    if clean:
        writer.writerow([_cell(h, neutralise) for h in header])
        writer.writerows([_cell(v, neutralise) for v in row] for row in rows)
        return buf.getvalue()
    # Fast path, for text without control characters: a plain str or int cell that cannot
    # start a formula goes to the csv module as it is, with no call per cell.
    suspect = _SUSPECT if neutralise else frozenset()
    writer.writerow([_cell(h, neutralise) for h in header])
    writer.writerows(
        [
            v
            if (type(v) is str and (not v or v[0] not in suspect)) or type(v) is int
            else _cell(v, neutralise)
            for v in row
        ]
        for row in rows
    )
    return buf.getvalue()


def csv_text(
    header: Sequence[object],
    rows: Iterable[Sequence[object]],
    *,
    bom: bool = True,
    neutralise: bool = True,
) -> str:
    """The whole CSV document as one string (with the BOM when ``bom``), CRLF rows.

    Cells are cleaned and neutralised as the module docstring says.
    """
    materialised = rows if isinstance(rows, list) else list(rows)
    text = _render(header, materialised, neutralise, clean=False)
    # Control characters are rare: one search of the whole text is cheaper than one per
    # cell; when there are some, render again cleaning every cell (cleaning can uncover a
    # formula trigger, so it must come before neutralisation).
    if _STRIP_RE.search(text) is not None:
        text = _render(header, materialised, neutralise, clean=True)
    return BOM + text if bom else text


_C0_BYTES = bytes(b for b in range(0x20) if b not in b"\t\n\r") + b"\x7f"
_C1_UTF8_RE = re.compile(b"\xc2[\x80-\x9f]")


def _has_strippable(data: bytes) -> bool:
    """Whether UTF-8 ``data`` holds a character :data:`_STRIP_RE` removes.

    Same answer as searching the text, several times faster on large exports: C0 controls
    and DEL are single bytes, C1 controls are ``C2 80``..``C2 9F``, the BOM ``EF BB BF``.
    """
    return (
        len(data.translate(None, _C0_BYTES)) != len(data)
        or _C1_UTF8_RE.search(data) is not None
        or data.find(b"\xef\xbb\xbf") != -1
    )


def csv_bytes(
    header: Sequence[object],
    rows: Iterable[Sequence[object]],
    *,
    bom: bool = True,
    neutralise: bool = True,
) -> bytes:
    """:func:`csv_text` encoded as UTF-8: the bytes :func:`write_csv` writes."""
    materialised = rows if isinstance(rows, list) else list(rows)
    try:
        data = _render(header, materialised, neutralise, clean=False).encode("utf-8")
        dirty = _has_strippable(data)
    except UnicodeEncodeError:  # a lone surrogate: cleaning removes it
        dirty = True
    if dirty:
        data = _render(header, materialised, neutralise, clean=True).encode("utf-8")
    return BOM.encode("utf-8") + data if bom else data


def _reason(exc: OSError) -> str:
    """A sentence for the user from an OS error."""
    code = exc.errno
    if code == errno.ENOSPC or code == getattr(errno, "EDQUOT", -1):
        return "the disk is full"
    if code == errno.EROFS:
        return "the folder is read-only"
    if code in (errno.EACCES, errno.EPERM):
        return "permission denied (is the file open in another program?)"
    if code == errno.EISDIR:
        return "the target is a folder, not a file"
    if code == errno.ENOENT:
        return "the folder does not exist"
    if code == errno.ENAMETOOLONG:
        return "the file name is too long"
    return exc.strerror or str(exc)


def _new_file_mode(target: Path) -> int:
    """The old file's permissions, or the usual ones for a new file (not mkstemp's 0600)."""
    try:
        return os.stat(target).st_mode & 0o7777
    except OSError:
        pass
    return 0o666 & ~_umask()


def _umask() -> int:
    # Linux shows the umask; elsewhere reading it means setting it, so put it straight back
    # (a tiny window in which another thread could create a file with 022).
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_bytes_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` through a temp file beside it, fsync, ``os.replace``.

    Raises :class:`ExportError` on any failure; the old file is then intact and no temp file
    is left behind.
    """
    shown = str(path)
    target = Path(path)
    if target.is_symlink():
        # Write through a link to the file it points at; replacing the link itself would
        # silently leave the real file old.
        target = Path(os.path.realpath(target))
    if target.is_dir():
        raise ExportError(shown, "the target is a folder, not a file")
    folder = target.parent
    if not folder.is_dir():
        raise ExportError(shown, "the folder does not exist")
    if target.exists() and not os.stat(target).st_mode & 0o222:
        # rename() would replace it anyway on POSIX (and as root); a read-only file says
        # "keep me", as Windows enforces.
        raise ExportError(shown, "the file is read-only")
    try:
        # The temp name is hidden and short enough even when the target's name is long.
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name[:80]}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise ExportError(shown, _reason(exc)) from exc
    try:
        try:
            view = memoryview(data)
            while view:
                # os.write may write less than asked (a full disk, a signal): loop on the rest,
                # and treat "nothing written" as a full disk rather than spin forever.
                written = os.write(fd, view)
                if written <= 0:
                    raise OSError(errno.ENOSPC, "short write")
                view = view[written:]
            if hasattr(os, "fchmod"):
                os.fchmod(fd, _new_file_mode(target))
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise ExportError(shown, _reason(exc)) from exc
        raise
    _fsync_folder(folder)


def _fsync_folder(folder: Path) -> None:
    # Makes the rename itself durable on POSIX; not possible (nor needed) everywhere.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_csv(
    path: str | os.PathLike[str],
    header: list[str],
    rows: Iterable[Sequence[object]],
    *,
    bom: bool = True,
    neutralise: bool = True,
) -> None:
    """Write ``header`` and ``rows`` to ``path`` as CSV, atomically.

    UTF-8 with exactly one BOM by default (``bom=False``: none), CRLF rows, RFC 4180 quoting,
    ``None`` as an empty cell, formula neutralisation unless ``neutralise=False`` (see the
    module docstring). Raises :class:`ExportError` when the rows cannot be built or the file
    cannot be written; the old file is then untouched. :class:`ExportCancelled` (and other
    :class:`ViewerError`) raised by ``rows`` pass through unchanged.
    """
    try:
        data = csv_bytes(header, rows, bom=bom, neutralise=neutralise)
    except ViewerError:
        raise
    except Exception as exc:
        raise ExportError(str(path), f"could not build the rows: {exc}") from exc
    write_bytes_atomic(path, data)


# --- paragraphs ---------------------------------------------------------------------------

#: Column key -> header, for paragraph exports (the dialog offers all, checks the defaults).
PARAGRAPH_HEADERS: dict[str, str] = {
    "company": "Company",
    "ticker": "Ticker",
    "fiscal_year": "Fiscal year",
    "quarter": "Quarter",
    "section": "Section",
    "turn": "Turn",
    "paragraph": "Paragraph",
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

    Turn and paragraph numbers are 1-based, as a reader counts them. ``progress(done, total)``
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
    try:
        # Imported by name: the search module lands with its own issue, maybe after this one.
        search = importlib.import_module("viewer.core.search")
    except ImportError as exc:
        raise ViewerError("--find is not available yet") from exc
    opts = search.SearchOptions(query=query, **options)
    index = search.SearchIndex(transcript)
    return {int(hit.paragraph) for hit in search.find(index, opts)}


# --- file names ----------------------------------------------------------------------------

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
    """The :class:`ExportSpec` of these paragraphs of ``transcript``."""
    indices = list(paragraph_indices)

    def rows(
        columns: Sequence[str],
        progress: Callable[[int, int], None] | None,
        cancel: Callable[[], bool] | None,
    ) -> Iterable[Sequence[object]]:
        return paragraph_rows(transcript, indices, columns, progress=progress, cancel=cancel)

    return ExportSpec(
        kind="paragraphs",
        headers=dict(PARAGRAPH_HEADERS),
        defaults=PARAGRAPH_COLUMNS,
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
