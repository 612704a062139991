"""Open a transcript file: the one entry point the CLI and the GUI use."""

from __future__ import annotations

import os

from viewer.core.formats import parse_text
from viewer.core.formats.cutend import CUT_LINE
from viewer.core.formats.statementdog import CancelCheck
from viewer.core.loading import DecodedText, decode, load_text
from viewer.core.models import ParseWarning, Transcript
from viewer.core.speaker_groups import SpeakerGroups, build_speaker_groups

STDIN_NAME = "<stdin>"
"""The name a transcript read from standard input goes by in messages."""


def load_transcript(
    path: str | os.PathLike[str],
    encoding: str | None = None,
    replace_errors: bool = False,
    cancel: CancelCheck | None = None,
    layout: str | None = None,
) -> Transcript:
    """Read, decode and parse ``path``; raise ``TranscriptError`` for anything unusable.

    ``layout`` (a family name such as ``"markdown"``) forces that reader instead of detection.
    """
    decoded = load_text(path, encoding=encoding, replace_errors=replace_errors)
    return _parse_decoded(decoded, str(path), cancel, layout)


def load_with_groups(
    path: str | os.PathLike[str], cancel: CancelCheck | None = None
) -> tuple[Transcript, SpeakerGroups]:
    """:func:`load_transcript`, and the speaker groups the window shows (their word counts
    are a pass over the call: made where the file is read, off the GUI thread). The window's
    loads use it, in a worker or in the first file's child process."""
    transcript = load_transcript(path, cancel=cancel)
    return transcript, build_speaker_groups(transcript)


def load_transcript_bytes(
    data: bytes,
    name: str = STDIN_NAME,
    encoding: str | None = None,
    replace_errors: bool = False,
    cancel: CancelCheck | None = None,
    layout: str | None = None,
) -> Transcript:
    """Decode and parse transcript bytes that did not come from a file (standard input, a
    paste), exactly as :func:`load_transcript` does a file's; ``name`` stands for the path in
    messages."""
    decoded = decode(data, name, encoding=encoding, replace_errors=replace_errors)
    return _parse_decoded(decoded, name, cancel, layout)


def _parse_decoded(
    decoded: DecodedText, name: str, cancel: CancelCheck | None, layout: str | None
) -> Transcript:
    transcript = parse_text(
        decoded.text, name, decoded.encoding, decoded.newline, cancel, layout=layout
    )
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
        # A cut inside a character is the more precise word on the same cut line.
        kept = [
            w for w in transcript.warnings if not (decoded.truncated_char and w.message == CUT_LINE)
        ]
        transcript = transcript.model_copy(update={"warnings": (*kept, *extra)})
    return transcript
