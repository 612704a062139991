"""``--screenshot``: render the window after loading and write a PNG (works offscreen)."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from PySide6.QtCore import QEventLoop

from viewer.core.errors import ViewerError
from viewer.qt.startup import START, create_window, make_app, sample_path, tear_down
from viewer.reading_mode import Mode


def take_screenshot(args: argparse.Namespace) -> int:
    app = make_app()
    from viewer.core.navigation import first_turn_of_speaker
    from viewer.core.transcript_io import load_transcript

    try:
        w, h = (int(x) for x in str(args.size).lower().split("x"))
    except ValueError:
        print(f"error: --size must be WIDTHxHEIGHT, not {args.size!r}", file=sys.stderr)
        return 2
    path = Path(args.files[0]) if args.files else sample_path()
    try:
        transcript = load_transcript(
            path, encoding=args.encoding, replace_errors=args.replace_invalid
        )
    except ViewerError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    window = create_window(app, getattr(args, "lang", None))
    window.resize(w, h)
    window.set_mode(Mode(args.mode))
    doc = window.open_transcript(transcript, path)
    window.show()
    app.processEvents()
    # Wait for the figures (computed in a worker) so the panel and badges are in the shot.
    deadline = time.perf_counter() + 30
    while doc.analysis is None and time.perf_counter() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    doc.pane.settle()
    if args.speaker:
        sp = transcript.find_speaker(args.speaker[0])
        if sp is None:
            print(f"error: no speaker {args.speaker[0]!r} in {path}", file=sys.stderr)
            return 1
        turn = first_turn_of_speaker(transcript, sp.id)
        if turn is not None:
            doc.pane.go_to_turn(turn)
    for _ in range(3):
        app.processEvents()
    doc.pane.settle()
    app.processEvents()
    ready = time.perf_counter() - START
    image = window.grab()
    out = Path(args.screenshot)
    out.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(out), "PNG"):
        print(f"error: {out}: cannot write the PNG", file=sys.stderr)
        return 1
    print(f"screenshot: {out} ({image.width()}x{image.height()}, ready with figures {ready:.3f}s)")
    window.close()
    tear_down(window)
    return 0
