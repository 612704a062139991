"""The library's command line (issue 15): ``--library DIR [--db PATH]`` with ``--find`` or
``--compare``; ``viewer.cli`` hands these arguments over."""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING

from viewer.core.errors import ViewerError

if TYPE_CHECKING:
    from viewer.core.search import SearchOptions

# --- the library (issue 15) -----------------------------------------------------------------


def add_library_arguments(p: argparse.ArgumentParser) -> None:
    """``--library DIR [--db PATH] (--find QUERY | --compare TICKER)`` and ``--company``."""
    lib = p.add_argument_group("library (many calls at once)")
    lib.add_argument(
        "--library",
        metavar="DIR",
        help="index DIR's transcripts incrementally into the library database; with --find, "
        "search them all (JSON hits); with --compare, compare one company's quarters",
    )
    lib.add_argument(
        "--db",
        metavar="PATH",
        help="the library database (default: the app's data folder, shared with the window)",
    )
    lib.add_argument(
        "--compare",
        metavar="TICKER",
        help="--library: metrics by period and guidance against actual, as JSON",
    )
    lib.add_argument(
        "--company",
        action="append",
        default=[],
        metavar="TICKER",
        help="--library --find: only this company (ticker or name; repeatable)",
    )


def library_document(args: argparse.Namespace, parser: argparse.ArgumentParser) -> object:
    """Index ``--library DIR``, then search it (``--find``), compare a company (``--compare``)
    or say what the scan did, as a JSON-ready document. Only DIR's calls are searched and
    compared. A user's error raises ``ViewerError`` (the CLI prints it)."""
    if args.files:
        parser.error("--library takes a folder, not FILE arguments")
    if args.find is not None and args.compare is not None:
        parser.error("--find and --compare cannot be combined")
    import sqlite3

    folder = os.path.abspath(args.library)
    if not os.path.isdir(folder):
        raise ViewerError(f"{args.library}: not a folder")
    try:
        return _scan_and_answer(args, folder)
    except (sqlite3.Error, UnicodeError) as exc:
        # the database was damaged while in use (it was checked when opened)
        raise ViewerError(f"{args.db or 'the library database'}: {exc}") from None


def _scan_and_answer(args: argparse.Namespace, folder: str) -> object:
    from viewer.core.library import Library, default_db_path

    with Library(args.db or default_db_path()) as library:
        if library.moved_aside is not None:
            print(
                f"warning: the library database was unusable and was moved to "
                f"{library.moved_aside}; it has been rebuilt",
                file=sys.stderr,
            )
        folder = library.add_folder(folder)
        report = library.rescan(folders=[folder])
        for call in library.calls():
            if call.error is not None and call.folder == folder:
                print(f"warning: {call.error}", file=sys.stderr)
        if args.find is not None:
            return _library_find(args, library, folder)
        if args.compare is not None:
            from viewer.core.library import compare, comparison_json

            return comparison_json(compare(library, args.compare, folders=[folder]))
        return {
            "folder": folder,
            "added": len(report.added),
            "changed": len(report.changed),
            "removed": len(report.removed),
            "renamed": len(report.renamed),
            "unchanged": report.unchanged,
            "failed": [c.path for c in library.failures() if c.folder == folder],
        }


def search_options(args: argparse.Namespace) -> SearchOptions:
    """What ``--find`` and its flags ask, for one call (``viewer.cli``) or a library."""
    from viewer.core.search import SearchOptions

    return SearchOptions(
        query=args.find,
        regex=args.regex,
        case_sensitive=args.case_sensitive,
        whole_word=args.whole_word,
        scope=args.scope,
    )


def _library_find(args: argparse.Namespace, library: object, folder: str) -> dict[str, object]:
    from viewer.core.library import Library, SearchFilters, export_results_csv, search

    assert isinstance(library, Library)
    options = search_options(args)
    filters = SearchFilters(
        companies=tuple(args.company),
        folders=(folder,),
        speakers=tuple(args.speaker),
        firms=tuple(args.firm),
        section=args.section,
    )
    results = search(library, options, filters)  # SearchError (a ViewerError) -> exit 1
    if args.export_csv:
        export_results_csv(
            library, results, args.export_csv, bom=not args.no_bom, neutralise=not args.raw
        )
    calls = {c.id: c for c in results.calls}
    return {
        "query": args.find,
        "count": len(results.hits),
        "calls": len(results.calls),
        "hits": [
            {
                "file": calls[h.call_id].path,
                "company": calls[h.call_id].key,
                "period": calls[h.call_id].period,
                "paragraph": h.paragraph,
                "lang": h.lang,
                "start": h.start,
                "end": h.end,
            }
            for h in results.hits
        ],
    }
