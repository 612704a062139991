"""What a printout (File > Print, Export to PDF) of the reading view holds: a title with
the call and its source, then the shown paragraphs grouped by turn, each group headed by its
attribution (the same words as Copy with attribution)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from viewer.core.models import Transcript
from viewer.core.quote import attribution

LANGUAGES = {
    "side-by-side": ("en", "zh"),
    "interleaved": ("en", "zh"),
    "en": ("en",),
    "zh": ("zh",),
}


class PrintGroup(NamedTuple):
    """One turn's shown paragraphs: ``heading`` is the first one's attribution."""

    heading: str
    paragraphs: tuple[int, ...]


def print_groups(transcript: Transcript, paragraphs: Iterable[int]) -> list[PrintGroup]:
    """The shown ``paragraphs`` in document order, grouped by turn."""
    groups: list[PrintGroup] = []
    turn = -1
    current: list[int] = []
    for i in sorted(set(paragraphs)):
        if transcript.turn_of_paragraph[i] != turn:
            if current:
                groups.append(PrintGroup(attribution(transcript, current[0]), tuple(current)))
            turn, current = transcript.turn_of_paragraph[i], []
        current.append(i)
    if current:
        groups.append(PrintGroup(attribution(transcript, current[0]), tuple(current)))
    return groups


def print_title(transcript: Transcript, source_name: str) -> str:
    """``Novaris Semiconductor Inc (NOVA) Q3 2025 earnings call — NOVA-2025-Q3.txt``."""
    m = transcript.meta
    who = m.company or m.ticker or "Transcript"
    if m.company and m.ticker:
        who = f"{m.company} ({m.ticker})"
    when = f" Q{m.quarter} {m.fiscal_year}" if m.quarter and m.fiscal_year else ""
    return f"{who}{when} earnings call — {source_name}"
