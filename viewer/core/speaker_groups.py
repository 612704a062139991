"""The speaker tree's structure: operator, the company's people, analysts grouped by firm."""

from __future__ import annotations

from dataclasses import dataclass, field

from viewer.core.models import Role, Transcript
from viewer.core.stats import count_words


@dataclass
class TurnEntry:
    turn_index: int
    words: int
    first_words: str


@dataclass
class SpeakerEntry:
    speaker_id: str
    turns: list[TurnEntry] = field(default_factory=list)

    @property
    def words(self) -> int:
        return sum(t.words for t in self.turns)


@dataclass
class Group:
    """A group of speakers (``kind`` is ``company``, ``analysts`` or ``firm``) or of groups."""

    label: str
    kind: str
    speakers: list[SpeakerEntry] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)

    def all_speakers(self) -> list[SpeakerEntry]:
        out = list(self.speakers)
        for g in self.groups:
            out.extend(g.all_speakers())
        return out


def _first_words(text: str, n: int = 8) -> str:
    words = text.split()
    return " ".join(words[:n]) + (" …" if len(words) > n else "")


SpeakerGroups = tuple[list[SpeakerEntry], list[Group]]
"""Top-level operator entries, then the groups (see :func:`build_speaker_groups`)."""


def build_speaker_groups(transcript: Transcript) -> SpeakerGroups:
    """Top-level operator entries, then groups: the company, then analysts by firm."""
    entries: dict[str, SpeakerEntry] = {s.id: SpeakerEntry(s.id) for s in transcript.speakers}
    for turn in transcript.turns:
        words = sum(count_words(p.en) for p in turn.paragraphs)
        first = _first_words(turn.paragraphs[0].en) if turn.paragraphs else ""
        entries[turn.speaker_id].turns.append(TurnEntry(turn.index, words, first))
    operators = [entries[s.id] for s in transcript.speakers if s.role is Role.OPERATOR]
    company = Group(
        transcript.meta.company or "Company",
        "company",
        [entries[s.id] for s in transcript.speakers if s.role is Role.COMPANY],
    )
    firms: dict[str, Group] = {}
    for s in transcript.speakers:
        if s.role is Role.ANALYST:
            label = s.firm or "Firm not announced"
            firms.setdefault(label, Group(label, "firm")).speakers.append(entries[s.id])
    analysts = Group(
        "Analysts", "analysts", groups=sorted(firms.values(), key=lambda g: g.label.casefold())
    )
    groups = [g for g in (company, analysts) if g.speakers or g.groups]
    return operators, groups
