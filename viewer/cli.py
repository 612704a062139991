"""Command-line interface: argument parsing and the headless commands.

Exit status: 0 success, 1 bad input or failed write (one ``error: ...`` line on stderr),
2 usage error (argparse).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, TextIO

from viewer import __version__
from viewer.core.errors import ViewerError
from viewer.core.layout_names import LAYOUT_NAMES
from viewer.reading_mode import Mode

if TYPE_CHECKING:
    from viewer.core.models import Transcript

MODES = tuple(m.value for m in Mode)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="earnings-viewer",
        description="Read bilingual StatementDog earnings-call transcripts. "
        "With no command flag, opens the window (on the bundled sample if no FILE is given).",
    )
    p.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help="transcript file(s) to open; - reads standard input (headless commands)",
    )
    p.add_argument("--version", action="version", version=f"earnings-viewer {__version__}")
    cmd = p.add_argument_group("headless commands (print or write, no window)")
    cmd.add_argument("--json", action="store_true", help="print FILE as JSON on stdout")
    cmd.add_argument(
        "--find",
        metavar="QUERY",
        help="print the hits of QUERY in FILE as JSON "
        "(with --export-csv: export only the matching paragraphs)",
    )
    cmd.add_argument("--export-csv", metavar="OUT", help="write FILE's paragraphs to OUT as CSV")
    cmd.add_argument("--figures-csv", metavar="OUT", help="write FILE's figures to OUT as CSV")
    cmd.add_argument(
        "--screenshot",
        metavar="OUT.png",
        help="render the window offscreen after loading and write a PNG",
    )
    opt = p.add_argument_group("options")
    opt.add_argument("--encoding", help="decode FILE with this encoding instead of detecting it")
    opt.add_argument(
        "--layout",
        metavar="NAME",
        help="read FILE in this layout instead of detecting it (one of: "
        + ", ".join(LAYOUT_NAMES)
        + ")",
    )
    opt.add_argument(
        "--replace-invalid",
        action="store_true",
        help="replace undecodable bytes with U+FFFD instead of refusing the file",
    )
    opt.add_argument("--regex", action="store_true", help="--find: QUERY is a regular expression")
    opt.add_argument("--case-sensitive", action="store_true", help="--find: match case")
    opt.add_argument(
        "--whole-word",
        action="store_true",
        help="--find: whole words (Latin text only; Han text has no word boundaries)",
    )
    opt.add_argument(
        "--scope",
        choices=("both", "en", "zh"),
        default="both",
        help="--find: which language to search (default both)",
    )
    opt.add_argument(
        "--speaker",
        action="append",
        default=[],
        metavar="NAME",
        help="--export-csv: only this speaker (name or alias; repeatable); "
        "--screenshot: select this speaker's first turn",
    )
    opt.add_argument(
        "--firm",
        action="append",
        default=[],
        metavar="NAME",
        help="--export-csv: only analysts of this firm (repeatable)",
    )
    opt.add_argument("--section", choices=("prepared", "qa"), help="--export-csv: one section")
    opt.add_argument("--no-bom", action="store_true", help="CSV: UTF-8 without a BOM")
    opt.add_argument(
        "--raw",
        action="store_true",
        help="CSV: write cells as they are (no formula neutralisation)",
    )
    opt.add_argument("--size", default="1400x900", metavar="WxH", help="--screenshot: window size")
    opt.add_argument(
        "--mode", choices=MODES, default="side-by-side", help="--screenshot: reading-pane mode"
    )
    opt.add_argument(
        "--lang",
        type=_interface_language,
        metavar="{zh-TW,en}",
        help="interface language for this run (the window and --screenshot; default: View > "
        "Language, else the system locale). The JSON and the CLI's messages stay English",
    )
    from viewer.cli_library import add_library_arguments

    add_library_arguments(p)
    return p


LANGUAGES = ("zh-TW", "en")


def _interface_language(value: str) -> str:
    """``--lang``: ``zh-TW`` or ``en``, spelt as a user may (``zh_TW``, ``zh-tw``, ``EN``);
    the GUI passes it to ``viewer.qt.i18n.set_language`` (no Qt import here)."""
    folded = value.strip().replace("_", "-").casefold()
    for lang in LANGUAGES:
        if folded == lang.casefold():
            return lang
    raise argparse.ArgumentTypeError(f"choose zh-TW or en, not {value!r}")


def is_headless(args: argparse.Namespace) -> bool:
    return bool(
        args.library is not None
        or args.json
        or args.export_csv
        or args.figures_csv
        or (args.find is not None and not args.screenshot)
    )


def _one_file(args: argparse.Namespace, parser: argparse.ArgumentParser) -> str:
    if len(args.files) != 1:
        parser.error("this command needs exactly one FILE")
    return str(args.files[0])


def _has_surrogates(text: str) -> bool:
    # argv bytes that are not valid UTF-8 arrive as lone surrogates (os.fsdecode).
    return any("\ud800" <= ch <= "\udfff" for ch in text)


def argument_problem(args: argparse.Namespace) -> str | None:
    """One clear reason when an argument cannot be used at all (checked before any work)."""
    paths = [("FILE", f) for f in args.files]
    paths += [
        (flag, getattr(args, attr))
        for flag, attr in (
            ("--export-csv", "export_csv"),
            ("--figures-csv", "figures_csv"),
            ("--screenshot", "screenshot"),
        )
        if getattr(args, attr, None)
    ]
    for flag, value in paths:
        if "\x00" in value:
            return f"{flag}: the path contains a NUL byte"
    texts = [("--find", args.find), ("--encoding", args.encoding)]
    texts += [("--speaker", v) for v in args.speaker] + [("--firm", v) for v in args.firm]
    for flag, value in texts:
        if value is not None and _has_surrogates(value):
            return f"{flag}: {value!a} is not valid UTF-8 text"
    return None


_BLOCK = 1 << 20  # characters of JSON encoded and checked at a time


def write_document(doc: object, out: TextIO) -> None:
    """``doc`` as indented JSON (UTF-8 text) on ``out``, all of it or nothing."""
    # The whole document is encoded (and checked to be valid UTF-8) before a byte is written,
    # so a failure never leaves half a JSON document on stdout. It is kept as blocks of about
    # a million characters: json.dumps with an indent joins millions of small pieces at once,
    # which was the peak of --json on a 10 MB call (157 MB; `make bench`).
    blocks: list[str] = []
    pieces: list[str] = []
    size = 0
    for piece in json.JSONEncoder(ensure_ascii=False, indent=1).iterencode(doc):
        pieces.append(piece)
        size += len(piece)
        if size >= _BLOCK:
            blocks.append(_checked("".join(pieces)))
            pieces.clear()
            size = 0
    blocks.append(_checked("".join(pieces) + "\n"))
    for block in blocks:
        out.write(block)


def _checked(text: str) -> str:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ViewerError(f"the output is not valid UTF-8 text ({exc.reason})") from None
    return text


def run_headless(
    args: argparse.Namespace, parser: argparse.ArgumentParser, out: TextIO | None = None
) -> int:
    if out is None:
        # JSON is UTF-8 whatever the console's code page (Windows): never a UnicodeError.
        if hasattr(sys.stdout, "reconfigure"):
            sys.stdout.reconfigure(encoding="utf-8")
        out = sys.stdout
    stream = out
    if args.library is not None:
        from viewer.cli_library import library_document

        return _reported(lambda: write_document(library_document(args, parser), stream))
    path = _one_file(args, parser)
    problem = argument_problem(args)
    if problem is not None:
        print(f"error: {problem}", file=sys.stderr)
        return 1
    return _reported(lambda: _run_file(args, path, stream))


def _reported(work: Callable[[], None]) -> int:
    """Run a command: a user's error is one ``error:`` line and exit 1, never a traceback."""
    try:
        work()
    except ViewerError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # The reader went away (`| head`): not an error of ours; silence the final flush.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    return 0


def _run_file(args: argparse.Namespace, path: str, out: TextIO) -> None:
    transcript = _load(args, path)
    if args.export_csv:
        _cmd_export_csv(args, transcript)
    if args.figures_csv:
        _cmd_figures_csv(args, transcript)
    if args.json:
        from viewer.core.jsonout import transcript_json

        write_document(transcript_json(transcript), out)
    elif args.find is not None and not args.export_csv:
        _cmd_find(args, transcript, out)


def _load(args: argparse.Namespace, path: str) -> Transcript:
    """The transcript of FILE, or of standard input when FILE is ``-`` (its bytes go through the
    same decoding as a file's: BOMs, legacy encodings, newlines, size cap)."""
    from viewer.core.transcript_io import STDIN_NAME, load_transcript, load_transcript_bytes

    layout = getattr(args, "layout", None)
    if path != "-":
        return load_transcript(
            path, encoding=args.encoding, replace_errors=args.replace_invalid, layout=layout
        )
    from viewer.core.errors import TranscriptError
    from viewer.core.loading import HARD_SIZE_CAP

    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise TranscriptError(STDIN_NAME, "standard input is not available")
    try:
        data = stream.read(HARD_SIZE_CAP + 1)
    except OSError as exc:
        raise TranscriptError(STDIN_NAME, f"cannot read ({exc.strerror or exc})") from None
    if len(data) > HARD_SIZE_CAP:
        raise TranscriptError(
            STDIN_NAME, f"input is too large (the limit is {HARD_SIZE_CAP / 1e6:.0f} MB)"
        )
    return load_transcript_bytes(
        data,
        STDIN_NAME,
        encoding=args.encoding,
        replace_errors=args.replace_invalid,
        layout=layout,
    )


def _cmd_find(args: argparse.Namespace, transcript: object, out: TextIO) -> None:
    from viewer.cli_library import search_options
    from viewer.core.models import Transcript
    from viewer.core.search import SearchIndex, find

    assert isinstance(transcript, Transcript)
    options = search_options(args)
    hits = find(SearchIndex(transcript), options)  # SearchError (a ViewerError) -> exit 1
    doc = {
        "query": args.find,
        "count": len(hits),
        "hits": [h._asdict() for h in hits],
    }
    write_document(doc, out)


def _cmd_export_csv(args: argparse.Namespace, transcript: object) -> None:
    from viewer.core.export import paragraph_export, select_paragraphs, write_spec
    from viewer.core.models import Transcript

    assert isinstance(transcript, Transcript)
    find_options: dict[str, object] = {}
    if args.find is not None:
        find_options = {
            "regex": args.regex,
            "case_sensitive": args.case_sensitive,
            "whole_word": args.whole_word,
            "scope": args.scope,
        }
    indices = select_paragraphs(
        transcript,
        speakers=args.speaker,
        firms=args.firm,
        section=args.section,
        find=args.find,
        **find_options,
    )
    spec = paragraph_export(transcript, indices)
    write_spec(args.export_csv, spec, bom=not args.no_bom, neutralise=not args.raw)


def _cmd_figures_csv(args: argparse.Namespace, transcript: object) -> None:
    from viewer.core.export import write_spec
    from viewer.core.metrics import figure_export, iter_figures
    from viewer.core.models import Transcript

    assert isinstance(transcript, Transcript)
    spec = figure_export(transcript, list(iter_figures(transcript)))
    write_spec(args.figures_csv, spec, bom=not args.no_bom, neutralise=not args.raw)
