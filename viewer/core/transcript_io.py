"""Open a transcript file: the one entry point the CLI and the GUI use."""

from __future__ import annotations

import os

from viewer.core.formats import parse_text
from viewer.core.formats.statementdog import CancelCheck
from viewer.core.loading import load_text
from viewer.core.models import ParseWarning, Transcript


def load_transcript(
    path: str | os.PathLike[str],
    encoding: str | None = None,
    replace_errors: bool = False,
    cancel: CancelCheck | None = None,
) -> Transcript:
    """Read, decode and parse ``path``; raise ``TranscriptError`` for anything unusable."""
    decoded = load_text(path, encoding=encoding, replace_errors=replace_errors)
    transcript = parse_text(decoded.text, str(path), decoded.encoding, decoded.newline, cancel)
    extra: list[ParseWarning] = []
    if decoded.truncated_char:
        extra.append(
            ParseWarning(
                line=None, message="the file ends in the middle of a character: it looks truncated"
            )
        )
    if decoded.replaced:
        extra.append(ParseWarning(line=None, message="invalid bytes were replaced by U+FFFD"))
    if extra:
        transcript = transcript.model_copy(update={"warnings": (*transcript.warnings, *extra)})
    return transcript
