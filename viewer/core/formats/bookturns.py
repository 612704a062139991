"""Who speaks in a call whose reader names speakers as it reads (the speaker-book layouts).

StatementDog, the pairs, AlphaMemo, Markdown, EarningsCall and sentence-per-line readers find
each turn's speaker in a :class:`~viewer.core.formats.speakerbook.SpeakerBook` while reading
and hand over :class:`DraftTurn` s. :func:`decide_turns` then settles what the file leaves
open: the operator by its stock phrases (speaker ids only), analysts and their firms from the
introductions, the Q&A start, everyone else as the company's, and short first names (Mike for
Michael) as aliases. :class:`~viewer.core.formats.builder.TranscriptBuilder` calls it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import overload

from viewer.core.formats.names import is_placeholder, name_tokens
from viewer.core.formats.qastart import find_qa_start
from viewer.core.formats.speakerbook import SpeakerBook, SpeakerDraft
from viewer.core.formats.speakercues import (
    hands_over_question,
    matching_suffix,
    plausible_firm,
    uses_operator_phrase,
)
from viewer.core.models import Role
from viewer.core.speakers import SpeakerInfo as _SpeakerInfo
from viewer.core.speakers import find_intros, find_short_name_aliases_all


@dataclass(slots=True)
class DraftParagraph:
    """A paragraph as a reader found it (English, its translation, lines, start time)."""

    en: str
    line: int
    zh: str | None = None
    zh_line: int | None = None
    time: float | None = None


@dataclass(slots=True)
class DraftTurn:
    """A turn of a speaker the book knows; ``qa``: the section when the file says it."""

    speaker: SpeakerDraft
    line: int
    paragraphs: list[DraftParagraph] = field(default_factory=list)
    qa: bool | None = None  # True/False when the file says the section; None: decide

    @property
    def text(self) -> str:
        return " ".join(p.en for p in self.paragraphs)


def decide_turns(
    book: SpeakerBook,
    drafts: list[DraftTurn],
    check_cancel: Callable[[], None],
    *,
    detect_operator: bool,
) -> tuple[list[DraftTurn], int]:
    """The turns with text (a repeated header merged into one turn) and the index of the first
    Q&A turn (``len(turns)``: none); every speaker's role decided on the way.
    ``detect_operator``: find the operator by its stock phrases (speaker ids only)."""
    turns = _merge_turns(drafts)
    if detect_operator:
        _detect_operator(book, turns)
    _attribute_intros(book, turns)
    check_cancel()

    # Sections.
    marked = next((i for i, t in enumerate(turns) if t.qa), None)
    if marked is not None or any(t.qa is False for t in turns):
        qa_start = marked if marked is not None else len(turns)
    else:
        roles = [t.speaker.role for t in turns]
        found = find_qa_start(roles, _TurnTexts(turns))
        qa_start = len(turns) if found is None else found

    # Whoever is still unknown: an analyst if they speak right after the operator in the
    # Q&A (announced without a firm), else company.
    prepared_speakers = {id(t.speaker) for t in turns[:qa_start]}
    for i, t in enumerate(turns):
        sp = t.speaker
        if (
            sp.role is None
            and id(sp) not in prepared_speakers
            and i >= qa_start
            and i > 0
            and turns[i - 1].speaker.role is Role.OPERATOR
        ):
            sp.role = Role.ANALYST
    for d in book.drafts:
        if d.role is None:
            d.role = Role.COMPANY

    # Company people called by a short first name (Mike for Michael) in the remarks.
    # (All of them in one pass over the remarks: one scan per speaker cost a millisecond on a
    # call whose speakers are "Speaker 1", "Speaker 2", ... whose "last names" are everywhere.)
    prepared = [p.en for t in turns[:qa_start] for p in t.paragraphs]
    company = [
        (d, _SpeakerInfo(d.id, d.name, d.title, Role.COMPANY, d.firm, list(d.aliases)))
        for d in book.drafts
        if d.role is Role.COMPANY and not is_placeholder(d.name)
    ]
    find_short_name_aliases_all([info for _, info in company], prepared)
    for d, info in company:
        for a in info.aliases:
            d.add_alias(a)
    return turns, qa_start


class _TurnTexts(Sequence[str]):
    """Each turn's text, joined when asked for: the Q&A search stops at the first question,
    and joining every turn of the call for it cost more than the search."""

    def __init__(self, turns: list[DraftTurn]) -> None:
        self._turns = turns

    def __len__(self) -> int:
        return len(self._turns)

    @overload
    def __getitem__(self, k: int) -> str: ...
    @overload
    def __getitem__(self, k: slice) -> list[str]: ...
    def __getitem__(self, k: int | slice) -> str | list[str]:
        if isinstance(k, slice):
            return [t.text for t in self._turns[k]]
        return self._turns[k].text


def _merge_turns(drafts: list[DraftTurn]) -> list[DraftTurn]:
    out: list[DraftTurn] = []
    for t in drafts:
        if not t.paragraphs:
            continue
        prev = out[-1] if out else None
        if prev is not None and prev.speaker is t.speaker and prev.qa == t.qa:
            # The same speaker again with nothing between: one turn (a repeated header).
            prev.paragraphs.extend(t.paragraphs)
            continue
        out.append(t)
    return out


def _detect_operator(book: SpeakerBook, turns: list[DraftTurn]) -> None:
    if any(d.role is Role.OPERATOR for d in book.drafts):
        return
    hits: dict[int, int] = {}
    for t in turns:
        if t.speaker.explicit_role and t.speaker.role is not None:
            continue
        if uses_operator_phrase(t.text[:2000]):
            hits[id(t.speaker)] = hits.get(id(t.speaker), 0) + 1
    if not hits:
        return
    best = max(hits, key=lambda k: hits[k])
    if hits[best] >= 2:
        for d in book.drafts:
            if id(d) == best:
                d.role = Role.OPERATOR


def _attribute_intros(book: SpeakerBook, turns: list[DraftTurn]) -> None:
    """Analysts and their firms from the introduction just before their turn (``our next
    question comes from Jane Roe with Big Bank``, ``Adam at Morgan Stanley``)."""
    done: set[str] = set()
    for i in range(1, len(turns)):
        sp = turns[i].speaker
        if sp.role in (Role.OPERATOR, Role.COMPANY) and sp.explicit_role:
            continue
        prev = turns[i - 1]
        if prev.speaker is sp or not prev.paragraphs:
            continue
        intro_text = prev.paragraphs[-1].en[-600:]
        if sp.role is Role.ANALYST and sp.firm and sp.id in done:
            continue  # firm known and this introduction already read
        # The introduction must name the speaker (any part of the name): a cheap test
        # that spares the intro patterns on nearly every turn.
        low = intro_text.casefold()
        parts = {t for n in (sp.name, *sp.aliases) for t in name_tokens(n) if len(t) > 2}
        if not any(t in low for t in parts):
            continue
        # Only a question being handed over introduces an analyst; "over to Kevan Parekh,
        # CFO" in the remarks introduces a colleague.
        if not hands_over_question(intro_text):
            continue
        done.add(sp.id)
        for intro in find_intros(intro_text):
            if not plausible_firm(intro.firm):
                continue
            cand = matching_suffix(intro.name, sp)
            if cand is None:
                continue
            if sp.role is None or sp.role is Role.ANALYST:
                sp.role = Role.ANALYST
                if not sp.firm:
                    sp.firm = intro.firm
            if cand.casefold() != sp.name.casefold() and len(cand.split()) > 1:
                book.alias(sp, cand)
            break
