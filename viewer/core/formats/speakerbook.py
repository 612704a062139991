"""Speakers while a reader learns about them: SpeakerDraft, roles from titles, SpeakerBook."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from viewer.core.formats.names import (
    OPERATOR,
    UNKNOWN_SPEAKER,
    clean_name,
    is_operator,
    is_placeholder,
    name_key,
    placeholder_role,
    same_person,
)
from viewer.core.models import (
    Role,
    Speaker,
)
from viewer.core.speakers import (
    slug,
)

# ---------------------------------------------------------------------------------------------
# Speakers
# ---------------------------------------------------------------------------------------------


@dataclass(slots=True, eq=False)
class SpeakerDraft:
    """A speaker while a reader still learns about it; ``role`` may stay ``None`` until
    :meth:`TranscriptBuilder.build` decides it."""

    id: str
    name: str
    title: str | None = None
    role: Role | None = None
    firm: str | None = None
    aliases: list[str] = field(default_factory=list)
    explicit_role: bool = False

    def add_alias(self, alias: str) -> None:
        """Record another spelling (ignored when it is the name or already known)."""
        alias = clean_name(alias)
        if alias and alias != self.name and alias not in self.aliases:
            self.aliases.append(alias)

    def learn(
        self, title: str | None = None, role: Role | None = None, firm: str | None = None
    ) -> None:
        """Fill in what was unknown (never overwrites what the file already said)."""
        if title and not self.title:
            self.title = title
        if firm and not self.firm:
            self.firm = firm
        if role is not None and not self.explicit_role:
            self.role, self.explicit_role = role, True

    def to_model(self) -> Speaker:
        return Speaker(
            id=self.id,
            name=self.name,
            aliases=tuple(self.aliases),
            title=self.title,
            role=self.role or Role.COMPANY,
            firm=self.firm,
        )


def role_from_title(title: str | None) -> Role | None:
    """Analyst when the title says so (``Analyst``, ``Morgan Stanley Analyst``, ``Research
    Division``), company for any other title, ``None`` without a title."""
    if not title:
        return None
    if re.search(r"\banalyst\b|\bresearch division\b|\bequity research\b", title, re.I):
        return Role.ANALYST
    if is_operator(title):
        return Role.OPERATOR
    return Role.COMPANY


class SpeakerBook:
    """The speakers of one call: one draft per person, two spellings merged into aliases."""

    def __init__(self) -> None:
        self._drafts: list[SpeakerDraft] = []
        self._by_key: dict[str, SpeakerDraft] = {}
        self._exact: dict[str, SpeakerDraft] = {}
        self._ids: set[str] = set()

    def __iter__(self) -> Iterator[SpeakerDraft]:
        return iter(self._drafts)

    def __len__(self) -> int:
        return len(self._drafts)

    @property
    def drafts(self) -> list[SpeakerDraft]:
        """Every speaker, in order of first appearance."""
        return list(self._drafts)

    def find(self, name: str) -> SpeakerDraft | None:
        """The speaker of ``name`` (its name, an alias, or :func:`same_person`), or ``None``."""
        name = clean_name(name)
        key = name_key(name)
        hit = self._by_key.get(key)
        if hit is not None:
            return hit
        if is_operator(name):
            return self._by_key.get(name_key(OPERATOR))
        if is_placeholder(name):
            return None
        matches = [
            d for d in self._drafts if not is_placeholder(d.name) and same_person(name, d.name)
        ]
        matches += [
            d
            for d in self._drafts
            if d not in matches and any(same_person(name, a) for a in d.aliases)
        ]
        # Two different people could both match a bare "Wang": refuse to guess.
        return matches[0] if len(matches) == 1 else None

    def get(
        self,
        name: str,
        title: str | None = None,
        role: Role | None = None,
        firm: str | None = None,
    ) -> SpeakerDraft:
        """The speaker called ``name``, created on first sight; what the header adds (title,
        role, firm) fills in what was unknown. ``Operator`` gets role operator and id
        ``operator``; a placeholder gets the role its words say."""
        fast = self._exact.get(name)
        if fast is not None:
            # The same spelling again (every turn of a call): nothing new to decide.
            fast.learn(title=title, role=role, firm=firm)
            return fast
        raw = name
        name = clean_name(name) or UNKNOWN_SPEAKER
        if is_operator(name):
            name, role = OPERATOR, Role.OPERATOR
        elif role is None and is_placeholder(name):
            role = placeholder_role(name)
        if role is None:
            role = role_from_title(title)
        draft = self.find(name)
        if draft is None:
            draft = SpeakerDraft(self._new_id(name), name)
            self._drafts.append(draft)
        elif name != draft.name:
            draft.add_alias(name)
        self._by_key.setdefault(name_key(name), draft)
        self._exact[raw] = draft
        draft.learn(title=title, role=role, firm=firm)
        return draft

    def alias(self, draft: SpeakerDraft, name: str) -> None:
        """Record ``name`` as another spelling of ``draft`` (found by :meth:`find` from then on)."""
        draft.add_alias(name)
        self._by_key.setdefault(name_key(name), draft)

    def _new_id(self, name: str) -> str:
        base = "operator" if name == OPERATOR else slug(name)
        sid, k = base, 2
        while sid in self._ids:
            sid, k = f"{base}-{k}", k + 1
        self._ids.add(sid)
        return sid
