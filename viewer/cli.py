"""Command-line interface: argument parsing and the headless commands.

Exit status: 0 success, 1 bad input or failed write (one ``error: ...`` line on stderr),
2 usage error (argparse).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import TextIO

from viewer import __version__
from viewer.core.errors import ViewerError
from viewer.reading_mode import Mode

MODES = tuple(m.value for m in Mode)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="earnings-viewer",
        description="Read bilingual StatementDog earnings-call transcripts. "
        "With no command flag, opens the window (on the bundled sample if no FILE is given).",
    )
    p.add_argument("files", nargs="*", metavar="FILE", help="transcript file(s) to open")
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
        args.json
        or args.export_csv
        or args.figures_csv
        or (args.find is not None and not args.screenshot)
    )


def _one_file(args: argparse.Namespace, parser: argparse.ArgumentParser) -> str:
    if len(args.files) != 1:
        parser.error("this command needs exactly one FILE")
    return str(args.files[0])


def run_headless(
    args: argparse.Namespace, parser: argparse.ArgumentParser, out: TextIO | None = None
) -> int:
    if out is None:
        # JSON is UTF-8 whatever the console's code page (Windows): never a UnicodeError.
        if hasattr(sys.stdout, "reconfigure"):
            sys.stdout.reconfigure(encoding="utf-8")
        out = sys.stdout
    path = _one_file(args, parser)
    try:
        from viewer.core.transcript_io import load_transcript

        transcript = load_transcript(
            path, encoding=args.encoding, replace_errors=args.replace_invalid
        )
        if args.export_csv:
            _cmd_export_csv(args, transcript)
        if args.figures_csv:
            _cmd_figures_csv(args, transcript)
        if args.json:
            from viewer.core.jsonout import transcript_json

            json.dump(transcript_json(transcript), out, ensure_ascii=False, indent=1)
            out.write("\n")
        elif args.find is not None and not args.export_csv:
            _cmd_find(args, transcript, out)
    except ViewerError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # The reader went away (`| head`): not an error of ours; silence the final flush.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    return 0


def _cmd_find(args: argparse.Namespace, transcript: object, out: TextIO) -> None:
    from viewer.core.models import Transcript
    from viewer.core.search import SearchIndex, SearchOptions, find

    assert isinstance(transcript, Transcript)
    options = SearchOptions(
        query=args.find,
        regex=args.regex,
        case_sensitive=args.case_sensitive,
        whole_word=args.whole_word,
        scope=args.scope,
    )
    hits = find(SearchIndex(transcript), options)  # SearchError (a ViewerError) -> exit 1
    doc = {
        "query": args.find,
        "count": len(hits),
        "hits": [h._asdict() for h in hits],
    }
    json.dump(doc, out, ensure_ascii=False, indent=1)
    out.write("\n")


def _cmd_export_csv(args: argparse.Namespace, transcript: object) -> None:
    from viewer.core.export import (
        PARAGRAPH_COLUMNS,
        paragraph_header,
        paragraph_rows,
        select_paragraphs,
        write_csv,
    )
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
    write_csv(
        args.export_csv,
        paragraph_header(PARAGRAPH_COLUMNS),
        paragraph_rows(transcript, indices, PARAGRAPH_COLUMNS),
        bom=not args.no_bom,
        neutralise=not args.raw,
    )


def _cmd_figures_csv(args: argparse.Namespace, transcript: object) -> None:
    from viewer.core.export import write_csv
    from viewer.core.metrics import FIGURE_COLUMNS, figure_row, iter_figures
    from viewer.core.models import Transcript

    assert isinstance(transcript, Transcript)
    names = {s.id: s.name for s in transcript.speakers}
    rows = (figure_row(f, names.get(f.speaker_id, f.speaker_id)) for f in iter_figures(transcript))
    write_csv(
        args.figures_csv,
        list(FIGURE_COLUMNS),
        rows,
        bom=not args.no_bom,
        neutralise=not args.raw,
    )
