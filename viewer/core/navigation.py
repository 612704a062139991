"""Where "next turn" and "next question" go: pure rules over a transcript."""

from __future__ import annotations

from collections.abc import Collection

from viewer.core.models import Role, Transcript


def step_turn(
    transcript: Transcript,
    current: int,
    forward: bool,
    *,
    questions_only: bool = False,
    allowed: Collection[int] | None = None,
) -> int | None:
    """The next (or previous) turn after ``current``; ``questions_only`` keeps analysts' turns
    (each a question); ``allowed`` restricts to turns the reader can see. ``None`` at an end."""
    n = len(transcript.turns)
    rng = range(current + 1, n) if forward else range(min(current, n) - 1, -1, -1)
    for i in rng:
        if allowed is not None and i not in allowed:
            continue
        if questions_only:
            sp = transcript.speaker(transcript.turns[i].speaker_id)
            if sp.role is not Role.ANALYST:
                continue
        return i
    return None


def first_turn_of_speaker(transcript: Transcript, speaker_id: str, after: int = -1) -> int | None:
    """The speaker's first turn after ``after`` (wrapping to their first turn)."""
    turns = [t.index for t in transcript.turns if t.speaker_id == speaker_id]
    if not turns:
        return None
    return next((t for t in turns if t > after), turns[0])


def paragraph_at_line(t: Transcript, line: int | None) -> int | None:
    """The paragraph that source ``line`` (1-based) belongs to: the last one whose English or
    Chinese text starts at or before it; None before the first paragraph or without a line
    (a warning about the file as a whole)."""
    if line is None:
        return None
    best: int | None = None
    for p in t.paragraphs:
        if min(p.line, p.zh_line or p.line) <= line:
            best = p.index
        else:
            break
    return best
