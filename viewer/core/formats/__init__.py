"""Transcript layouts: ``detect()`` picks one, each module's ``parse()`` builds a Transcript."""

from __future__ import annotations

from viewer.core.errors import TranscriptError
from viewer.core.formats import statementdog
from viewer.core.formats.statementdog import CancelCheck
from viewer.core.models import Transcript

UNRECOGNISED = "unrecognised transcript layout"


def detect(text: str) -> str | None:
    """The layout family of ``text`` (``"statementdog"``), or ``None``."""
    if statementdog.looks_like(text):
        return "statementdog"
    return None


def parse_text(
    text: str,
    path: str = "<text>",
    encoding: str = "utf-8",
    newline: str = "LF",
    cancel: CancelCheck | None = None,
) -> Transcript:
    """Parse decoded text in whichever supported layout it is in."""
    family = detect(text)
    if family is None:
        # A bare StatementDog body (no title, no markers) is still accepted when it pairs
        # cleanly; the parser itself refuses anything else.
        try:
            return statementdog.parse(text, path, encoding, newline, cancel)
        except TranscriptError as exc:
            raise TranscriptError(path, UNRECOGNISED) from exc
    return statementdog.parse(text, path, encoding, newline, cancel)
