"""What a reader building by label hands the TranscriptBuilder: raw turns and listed participants."""

from __future__ import annotations

from dataclasses import dataclass, field

from viewer.core.models import (
    Role,
)


@dataclass(slots=True)
class Participant:
    """A person listed at the top or bottom of the call."""

    name: str
    title: str | None = None
    firm: str | None = None
    role: Role | None = None


@dataclass(slots=True)
class RawTurn:
    """A turn as a reader cut it: the label and what the file says about its speaker."""

    name: str
    line: int
    title: str | None = None
    firm: str | None = None
    role: Role | None = None
    paragraphs: list[tuple[str, int]] = field(default_factory=list)
    qa: bool = False  # a Q&A heading stands right before this turn
