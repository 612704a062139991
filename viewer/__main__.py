"""``python -m viewer`` and the ``earnings-viewer`` executable.

Headless flags run without importing Qt; anything else starts the GUI.
"""

from __future__ import annotations

import gc
import os
import sys

# The app uses no pydantic plugins: without this, building the first model schema reads the
# entry points of every installed distribution (8 ms here, more in a large environment).
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")


def main(argv: list[str] | None = None) -> int:
    # Start-up builds about 80,000 objects that live as long as the app (modules, classes,
    # pydantic schemas, Qt wrappers); the collector's passes over them find next to nothing
    # to free (about 700 objects) and cost a tenth of the GUI's start-up. It runs again once
    # the window is on screen (``viewer.qt.app.run_gui``), at once for the headless commands,
    # and in any case when this returns.
    gc.disable()
    try:
        from viewer.cli import build_parser, is_headless, run_headless

        args_list = sys.argv[1:] if argv is None else argv
        parser = build_parser()
        args = parser.parse_args(args_list)
        if is_headless(args):
            gc.enable()
            return run_headless(args, parser)
        from viewer.qt.app import run_gui

        return run_gui(args)
    finally:
        gc.enable()


if __name__ == "__main__":
    sys.exit(main())
