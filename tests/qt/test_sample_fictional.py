"""The bundled sample call says it is fictional where a reader first looks: its summary."""

from __future__ import annotations

from viewer.core.transcript_io import load_transcript
from viewer.qt.startup import sample_path


def test_the_sample_says_it_is_fictional() -> None:
    t = load_transcript(sample_path())
    first = t.summary[0]
    assert "fictional sample" in first and "虛構" in first
