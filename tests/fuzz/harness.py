"""What the fuzz suite and ``driver.py`` share: seeds, mutations, a watchdog, the checks.

Seeds are the fixtures under ``tests/data`` (and the bundled sample), grouped by the reader
that claims them, so a reader added to ``viewer.core.formats.READERS`` with a fixture is fuzzed
from its own layout without any change here. Mutations are plain functions of a text and a
few integers (hypothesis draws the integers, so failures shrink; the driver draws them from
``random.Random``).
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import io
import re
import signal
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from viewer.core.errors import TranscriptError, ViewerError
from viewer.core.formats import READERS, scores
from viewer.core.loading import decode
from viewer.core.models import Transcript

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
SAMPLE = ROOT / "resources" / "sample" / "NOVA-2025-Q3.txt"

# --- seeds -----------------------------------------------------------------------------------


def fixture_paths() -> list[Path]:
    """Every text fixture the project ships (tests/data, recursively, and the sample)."""
    paths = [p for p in sorted(DATA.rglob("*")) if p.is_file() and p.stat().st_size < 2_000_000]
    return [*paths, SAMPLE] if SAMPLE.exists() else paths


def _read(path: Path) -> str | None:
    try:
        return decode(path.read_bytes(), str(path)).text
    except TranscriptError:
        return None


def seeds_by_reader() -> dict[str, list[str]]:
    """Each reader's family name -> the fixture texts it claims (best score), never empty:
    a reader without a fixture of its own is fuzzed from every fixture."""
    texts = [t for t in (_read(p) for p in fixture_paths()) if t]
    out: dict[str, list[str]] = {r.NAME: [] for r in READERS}
    for text in texts:
        ranked = sorted(scores(text).items(), key=lambda kv: kv[1], reverse=True)
        if ranked and ranked[0][1] > 0:
            out[ranked[0][0]].append(text)
    for name, own in out.items():
        if not own:
            out[name] = texts
    return out


def readers() -> tuple[ModuleType, ...]:
    return READERS


_TEXT_KEPT: dict[str, bool] = {}


def keeps_text(reader: ModuleType, seeds: Sequence[str]) -> bool:
    """Does ``reader`` copy paragraph text verbatim from its own clean fixtures? Only then is
    :func:`check_text_kept` a fair test of its mutated inputs (a reader that removes markup
    would fail it on clean input)."""
    if reader.NAME not in _TEXT_KEPT:
        ok = True
        for text in seeds:
            try:
                t = reader.parse(text, "<seed>", "utf-8", "LF", None)
                check_text_kept(t, text)
            except TranscriptError:
                continue
            except WrongParse:
                ok = False
                break
        _TEXT_KEPT[reader.NAME] = ok
    return _TEXT_KEPT[reader.NAME]


# --- mutations -------------------------------------------------------------------------------

# Pieces a real file or a hostile one may hold: layout markers, numbers, odd characters.
PIECES = (
    "\ufeff",
    "\ufeff\ufeff\ufeff",
    "\u200b",
    "\u2028",
    "\x85",
    "\x00",
    "\t",
    "\u3000",
    "  • ",
    "    ",
    "Operator",
    "Ann Lee - Analyst",
    " - ",
    ": ",
    "**",
    "# ",
    "內容摘要",
    "完整原文",
    "使用警語:",
    "Acme Inc (ACME) 2024 Q1 法說會逐字稿",
    "$1.2 billion",
    "12.5%",
    "9" * 40,
    "1" * 4400,
    "-٣",
    "+１２.３",
    "=SUM(A1)",
    "@cmd",
    "營收為 1.411 億美元",
    '{"a": [',
    "]}",
    "\r\n",
    "\r",
)

WHITESPACE = (" ", "\n", "\t", "\u3000", " \n", "\n\n", "\u00a0")


def _line_bounds(text: str, k: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, k) + 1
    end = text.find("\n", k)
    return start, len(text) if end < 0 else end


def m_truncate(text: str, a: int, b: int) -> str:
    """Cut the text anywhere."""
    return text[: a % (len(text) + 1)]


def m_cut_line_start(text: str, a: int, b: int) -> str:
    """Cut the text inside one line (the first ``b`` characters of line ``a``)."""
    lines = text.split("\n")
    i = a % len(lines)
    return "\n".join([*lines[:i], lines[i][: b % (len(lines[i]) + 1)]])


def m_delete_line(text: str, a: int, b: int) -> str:
    lines = text.split("\n")
    del lines[a % len(lines)]
    return "\n".join(lines)


def m_duplicate_line(text: str, a: int, b: int) -> str:
    lines = text.split("\n")
    i = a % len(lines)
    lines.insert(b % (len(lines) + 1), lines[i])
    return "\n".join(lines)


def m_swap_lines(text: str, a: int, b: int) -> str:
    lines = text.split("\n")
    i, j = a % len(lines), b % len(lines)
    lines[i], lines[j] = lines[j], lines[i]
    return "\n".join(lines)


def m_shuffle_block(text: str, a: int, b: int) -> str:
    """Reverse a block of up to 16 lines."""
    lines = text.split("\n")
    i = a % len(lines)
    j = min(len(lines), i + 2 + b % 15)
    lines[i:j] = lines[i:j][::-1]
    return "\n".join(lines)


def m_insert_piece(text: str, a: int, b: int) -> str:
    k = a % (len(text) + 1)
    return text[:k] + PIECES[b % len(PIECES)] + text[k:]


def m_insert_unicode(text: str, a: int, b: int) -> str:
    """One code point anywhere (any plane, never a lone surrogate: decoded text has none)."""
    cp = b % 0x110000
    if 0xD800 <= cp <= 0xDFFF:
        cp = 0xFFFD
    k = a % (len(text) + 1)
    return text[:k] + chr(cp) + text[k:]


def m_delete_span(text: str, a: int, b: int) -> str:
    k = a % (len(text) + 1)
    return text[:k] + text[k + b % 64 :]


def m_whitespace_run(text: str, a: int, b: int) -> str:
    """A huge run of one kind of blank (up to 60,000 characters)."""
    k = a % (len(text) + 1)
    run = WHITESPACE[b % len(WHITESPACE)] * (1 + (b // 7) % 60_000)
    return text[:k] + run + text[k:]


def m_boms(text: str, a: int, b: int) -> str:
    return "\ufeff" * (1 + a % 4) + text


def m_strip_indent(text: str, a: int, b: int) -> str:
    """Lose the bullet or indentation of one line (a copy-paste accident)."""
    lines = text.split("\n")
    i = a % len(lines)
    lines[i] = lines[i].lstrip(" \t\u00a0\u3000•")
    return "\n".join(lines)


def m_long_number(text: str, a: int, b: int) -> str:
    k = a % (len(text) + 1)
    digits = "".join(str((b >> (i % 30)) % 10) for i in range(29 + b % 5000))
    return text[:k] + " " + digits + " " + text[k:]


TEXT_MUTATIONS: tuple[Callable[[str, int, int], str], ...] = (
    m_truncate,
    m_cut_line_start,
    m_delete_line,
    m_duplicate_line,
    m_swap_lines,
    m_shuffle_block,
    m_insert_piece,
    m_insert_unicode,
    m_delete_span,
    m_whitespace_run,
    m_boms,
    m_strip_indent,
    m_long_number,
)


def mutate_text(text: str, ops: Sequence[tuple[int, int, int]]) -> str:
    """Apply ``(which, a, b)`` mutations in turn."""
    for which, a, b in ops:
        text = TEXT_MUTATIONS[which % len(TEXT_MUTATIONS)](text, a, b)
    return text


def mutate_bytes(data: bytes, flips: Sequence[tuple[int, int]], boms: int) -> bytes:
    """Byte flips (position, xor mask) and ``boms`` UTF-8 BOMs in front."""
    buf = bytearray(data)
    for pos, mask in flips:
        if buf:
            buf[pos % len(buf)] ^= (mask % 255) + 1
    return codecs.BOM_UTF8 * boms + bytes(buf)


# --- a watchdog ------------------------------------------------------------------------------


class Hang(BaseException):
    """Raised by :func:`time_limit` in the main thread: a BaseException, so no ``except
    Exception`` in the code under test can swallow it. ``re`` checks for signals while it
    backtracks, so a runaway regular expression is interrupted too."""


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Interrupt the block after ``seconds`` of this process's CPU time (main thread, Unix;
    elsewhere a no-op guard).

    CPU time, not wall time: the fuzz runs on machines shared with other work, where a
    second of work may take ten of wall time; a hang (a loop, a backtracking regular
    expression) burns CPU. Wall-time timers (pytest-timeout's SIGALRM) are left alone.
    """
    if not hasattr(signal, "setitimer") or not _in_main_thread():
        yield
        return

    def _fire(signum: int, frame: object) -> None:
        raise Hang(f"over {seconds:g} s of CPU")

    old = signal.signal(signal.SIGPROF, _fire)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, old)


def _in_main_thread() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread()


# --- checks ----------------------------------------------------------------------------------


class WrongParse(AssertionError):
    """A transcript that loaded but breaks the model's promises (a silent wrong parse)."""


def _squash(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def check_structure(t: Transcript) -> None:
    """Invariants every reader's result keeps."""
    paras = t.paragraphs
    if [p.index for p in paras] != list(range(len(paras))):
        raise WrongParse("paragraph indices are not 0..n-1")
    if [u.index for u in t.turns] != list(range(len(t.turns))):
        raise WrongParse("turn indices are not 0..n-1")
    ids = [s.id for s in t.speakers]
    if len(set(ids)) != len(ids):
        raise WrongParse(f"duplicate speaker ids {ids}")
    if any(u.speaker_id not in set(ids) for u in t.turns):
        raise WrongParse("a turn names a speaker that does not exist")
    if not paras:
        raise WrongParse("a transcript without a paragraph loaded")
    for p in paras:
        if not p.en.strip() and not (p.zh or "").strip():
            raise WrongParse(f"paragraph {p.index} is empty")


def _json_strings(text: str) -> str | None:
    """Every string of a JSON document, one a line (escapes decoded); None if not JSON."""
    import json

    if text.lstrip()[:1] not in ("{", "["):
        return None
    try:
        doc = json.loads(text)
    except (ValueError, RecursionError):
        return None
    out: list[str] = []
    stack = [doc]
    while stack:
        node = stack.pop()
        if isinstance(node, str):
            out.append(node)
        elif isinstance(node, dict):
            stack += [*node.keys(), *node.values()]
        elif isinstance(node, list):
            stack += node
    return "\n".join(out)


def _bare(s: str) -> str:
    return "".join(s.split())


def check_text_kept(t: Transcript, text: str) -> None:
    """Every paragraph's text comes from the input (blanks aside: readers join Chinese lines
    without a blank; a JSON input's strings with escapes decoded): nothing invented."""
    strings = _json_strings(text)
    src = _bare(text if strings is None else strings)
    for p in t.paragraphs:
        for part in (p.en, *(p.zh.split("\n") if p.zh else ())):
            if _bare(part) not in src:
                raise WrongParse(f"paragraph {p.index} holds text not in the input: {part[:60]!r}")


def _turn_texts(t: Transcript) -> list[tuple[str, str, str]]:
    """(speaker name, English, Chinese) of each turn that has text, blanks squashed."""
    names = {s.id: s.name for s in t.speakers}
    return [
        (
            names.get(u.speaker_id, "?"),
            _squash(" ".join(p.en for p in u.paragraphs)),
            _squash(" ".join(p.zh or "" for p in u.paragraphs)),
        )
        for u in t.turns
        if u.paragraphs
    ]


def truncation_problem(cut: Transcript, full: Transcript) -> str | None:
    """What is wrong with ``cut`` (a parse of a prefix of the text ``full`` was parsed from),
    or None.

    Turn ``k`` of ``cut`` must be turn ``k`` of ``full``, said by the same speaker with the
    same words (a reader that rebuilds hard-wrapped lines into paragraphs may group them
    differently), the last turn's words a prefix of the whole file's; anything else (a header
    fragment read as text or as a speaker, a summary read as paragraphs) needs a warning that
    the full parse does not give. Chinese is compared loosely (either a prefix of the other):
    some readers tidy translations by what the whole file shows."""
    # A warning is new when its message or its line is: a damaged seed may already warn
    # "truncated" at its own end, and a cut warns the same words at the cut's end.
    known = {(w.message, w.line) for w in full.warnings}
    if any((w.message, w.line) not in known for w in cut.warnings):
        return None  # flagged
    got, want = _turn_texts(cut), _turn_texts(full)
    if len(got) > len(want):
        return f"{len(got)} turns from a prefix, {len(want)} from the whole file"
    for k, ((name, en, zh), (wname, wen, wzh)) in enumerate(zip(got, want, strict=False)):
        if name != wname:
            return f"turn {k} said by {name!r}, not {wname!r}"
        last = k == len(got) - 1
        if not (en == wen or (last and wen.startswith(en))):
            return f"turn {k} ({name}) is not the whole file's: {en[-60:]!r} / {wen[:60]!r}"
        if not (zh.startswith(wzh) or wzh.startswith(zh)):
            return f"turn {k} ({name}) has another translation: {zh[-60:]!r} / {wzh[:60]!r}"
    extra = {s.name for s in cut.speakers} - {s.name for s in full.speakers}
    if extra:
        return f"speakers the whole file does not have: {sorted(extra)}"
    return None


def check_truncated(cut: Transcript, full: Transcript) -> None:
    """:func:`truncation_problem` as a :class:`WrongParse`."""
    problem = truncation_problem(cut, full)
    if problem is not None:
        raise WrongParse(f"a cut file read silently wrong: {problem}")


# --- the outputs a loaded call must go through ----------------------------------------------

_FORMULA_START = frozenset("=+-@＝＋－＠")
# Only ASCII numbers are read as numbers by spreadsheets (issue 16 item 7).
_ASCII_NUMBER = re.compile(
    r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?<=\d)(?:[eE][+-]?\d+)?%?\Z", re.ASCII
)


def _expected_cell(value: object) -> str:
    from viewer.core.export import clean_cell

    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float) or type(value).__name__ == "Decimal":
        return str(value)
    return clean_cell(str(value))


# A paragraph can be one long cell (a pasted table, a call without line breaks): read back
# cells of any size (the csv module's default stops at 128 K characters).
csv.field_size_limit(2**31 - 1)


def _read_back(
    data: bytes, header: Sequence[object], rows: list[Sequence[object]]
) -> list[tuple[object, str, str]]:
    text = data.decode("utf-8-sig")
    back = list(csv.reader(io.StringIO(text, newline="")))
    want = [list(header), *[list(r) for r in rows]]
    if len(back) != len(want):
        raise WrongParse(f"CSV has {len(back)} rows, wrote {len(want)}")
    out = []
    for got_row, want_row in zip(back, want, strict=True):
        if len(got_row) != len(want_row):
            raise WrongParse("CSV row length differs")
        out += [(v, g, _expected_cell(v)) for g, v in zip(got_row, want_row, strict=True)]
    return out


def check_csv_raw(data: bytes, header: Sequence[object], rows: list[Sequence[object]]) -> None:
    """Raw mode: every cell reads back exactly as written (control characters aside)."""
    for _, got, expected in _read_back(data, header, rows):
        if got != expected:
            raise WrongParse(f"CSV cell changed: {expected[:40]!r} -> {got[:40]!r}")


def check_csv(data: bytes, header: Sequence[object], rows: list[Sequence[object]]) -> None:
    """The CSV reads back (csv module) to exactly the cells written, prefix aside, and no
    text cell starts with a formula trigger unless it is a plain ASCII number."""
    for value, got, expected in _read_back(data, header, rows):
        if got not in (expected, "'" + expected):
            raise WrongParse(f"CSV cell changed: {expected[:40]!r} -> {got[:40]!r}")
        if isinstance(value, str):
            first = got.lstrip()[:1]
            if got[:1] in ("\t", "\r", "\n") or (
                first in _FORMULA_START and not _ASCII_NUMBER.match(got)
            ):
                raise WrongParse(f"CSV cell starts a formula: {got[:40]!r}")


def exercise(t: Transcript, queries: Sequence[tuple[str, bool]] = ()) -> None:
    """Everything a user does with a loaded call: ``--json``, figures, the names' renderings,
    search, CSV exports.

    Raises only :class:`ViewerError` (e.g. an invalid or runaway regular expression) or a
    real failure (anything else, or :class:`WrongParse`).
    """
    import json

    from viewer.core.crosscheck import name_checks
    from viewer.core.export import (
        PARAGRAPH_COLUMNS,
        csv_bytes,
        paragraph_header,
        paragraph_rows,
    )
    from viewer.core.jsonout import transcript_json
    from viewer.core.metrics import FIGURE_COLUMNS, figure_row, iter_figures
    from viewer.core.name_render import renderings
    from viewer.core.search import SearchIndex, SearchOptions, find

    # One figures pass serves --json and the figures CSV (the figures are a pure function of
    # the call; tests/core check that --json finds the same ones by itself).
    figures = list(iter_figures(t))
    back = json.loads(json.dumps(transcript_json(t, figures), ensure_ascii=False))
    # The transcript part of --json is the model, dumped: it must read back as the same call
    # (as --json gives it: a warning's code and values, for the interface, are not in it).
    again = Transcript.model_validate({k: back[k] for k in Transcript.model_fields})
    if again.model_dump() != t.model_dump():
        raise WrongParse("--json does not read back into the same transcript")
    # The names panel's guess of each name's Chinese rendering (the window's analysis).
    for check in name_checks(t.paragraphs):
        for text in renderings(t.paragraphs, check, limit=3):
            if not any(text in (p.zh or "") for p in t.paragraphs):
                raise WrongParse(f"rendering {text!r} of {check.name!r} is in no paragraph")
    names = {s.id: s.name for s in t.speakers}
    fig_rows = [figure_row(f, names.get(f.speaker_id, f.speaker_id)) for f in figures]
    check_csv(csv_bytes(list(FIGURE_COLUMNS), fig_rows), list(FIGURE_COLUMNS), fig_rows)
    header = paragraph_header(PARAGRAPH_COLUMNS)
    rows = list(paragraph_rows(t, range(len(t.paragraphs)), PARAGRAPH_COLUMNS))
    check_csv(csv_bytes(header, rows), header, rows)
    index = SearchIndex(t)
    for query, regex in queries:
        with contextlib.suppress(ViewerError):
            # A runaway expression must stop after its budget (SearchTimeout): 1 s here, so
            # the outputs' 5 s watchdog catches a budget that is not kept.
            hits = find(index, SearchOptions(query=query, regex=regex), budget=1.0)
            for h in hits:
                if not 0 <= h.start <= h.end:
                    raise WrongParse(f"bad hit offsets {h}")


SEARCH_LIMIT = 10.0  # seconds: a hang guard for one search, far above any real query


@dataclass
class Outcome:
    kind: str  # "parsed", "refused", "crash", "hang", "wrong"
    stage: str  # "load", "outputs"
    detail: str = ""


def run_one(
    text: str,
    reader: ModuleType | None,
    *,
    limit: float = 2.0,
    outputs: bool = True,
    queries: Sequence[tuple[str, bool]] = (),
    keep_text: bool = True,
) -> Outcome:
    """Load ``text`` (with ``reader``, or by detection when None) and, when it loads, run the
    outputs; classify what happened. Never raises (but KeyboardInterrupt)."""
    from viewer.core.formats import parse_text

    stage = "load"
    try:
        with time_limit(limit):
            # --layout NAME: the reader, and what the app adds to any reader's result.
            t = parse_text(text, "<fuzz>", layout=None if reader is None else reader.NAME)
        check_structure(t)
        if keep_text:
            check_text_kept(t, text)
        if outputs:
            stage = "outputs"
            with time_limit(max(limit, 5.0)):
                exercise(t, queries)
    except TranscriptError as exc:
        if stage == "load" and exc.reason:
            return Outcome("refused", stage, exc.reason)
        return _classify(exc, stage)
    except (ViewerError, Hang, WrongParse, Exception) as exc:
        return _classify(exc, stage)
    return Outcome("parsed", stage)


def run_one_call(t: Transcript, queries: Sequence[tuple[str, bool]] = ()) -> Outcome:
    """:func:`exercise` on a call built in memory, classified like :func:`run_one`."""
    try:
        with time_limit(SEARCH_LIMIT):
            exercise(t, queries)
    except (ViewerError, Hang, WrongParse, Exception) as exc:
        return _classify(exc, "outputs")
    return Outcome("parsed", "outputs")


def _classify(exc: BaseException, stage: str) -> Outcome:
    if isinstance(exc, WrongParse):
        return Outcome("wrong", stage, str(exc))
    # The innermost frame of the project (not of re or json) says where it went wrong.
    tb, where = exc.__traceback__, "?"
    while tb is not None:
        name = tb.tb_frame.f_code.co_filename
        for part in ("/viewer/", "/tests/fuzz/"):
            # The watchdog's own frame says nothing; the viewer's innermost frame does.
            if part in name and tb.tb_frame.f_code.co_name != "_fire":
                here = f"{name.split(part)[-1]}:{tb.tb_lineno} {tb.tb_frame.f_code.co_name}"
                if part == "/viewer/" or where == "?" or "/" not in where:
                    where = here
        tb = tb.tb_next
    if isinstance(exc, Hang):
        return Outcome("hang", stage, f"{exc} at {where}")
    return Outcome("crash", stage, f"{type(exc).__name__}: {str(exc)[:200]} at {where}")
