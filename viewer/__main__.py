"""``python -m viewer`` and the ``earnings-viewer`` executable.

Headless flags run without importing Qt; anything else starts the GUI.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from viewer.cli import build_parser, is_headless, run_headless

    args_list = sys.argv[1:] if argv is None else argv
    parser = build_parser()
    args = parser.parse_args(args_list)
    if is_headless(args):
        return run_headless(args, parser)
    from viewer.qt.app import run_gui

    return run_gui(args)


if __name__ == "__main__":
    sys.exit(main())
