"""The ``--json`` document: the transcript's fields, plus what later features add."""

from __future__ import annotations

from typing import Any

from viewer.core.models import Transcript


def transcript_json(transcript: Transcript) -> dict[str, Any]:
    """``meta``, ``summary``, ``speakers``, ``turns``, ``warnings`` (names are a public API)."""
    return transcript.model_dump(mode="json")
