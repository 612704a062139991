"""The validated, immutable data model of a transcript (pydantic v2)."""

from __future__ import annotations

from enum import StrEnum
from functools import cached_property
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from viewer.core.warning_codes import WarningMessage, warning_code


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class Role(StrEnum):
    OPERATOR = "operator"
    COMPANY = "company"
    ANALYST = "analyst"


class Section(StrEnum):
    PREPARED = "prepared"
    QA = "qa"


class Layout(StrEnum):
    """Every layout the viewer reads (``meta.layout``); one reader module per family."""

    BULLETED = "statementdog-bulleted"
    BARE = "statementdog-bare"
    PAIRS_TEXT = "en-zhhans-pairs-text"
    PAIRS_JSON = "en-zhhans-pairs-json"
    ALPHAMEMO = "alphamemo"
    REFINITIV = "refinitiv-eventbrief"
    SEEKINGALPHA = "seekingalpha"
    MOTLEYFOOL_TEXT = "motleyfool-text"
    MOTLEYFOOL_JSON = "motleyfool-json"
    MARKDOWN = "markdown-name-colon"
    EARNINGSCALL_JSON = "earningscall-json"
    SENTENCES = "sentence-per-line"


class Script(StrEnum):
    """The script of a call's Chinese translation."""

    HANT = "Hant"
    HANS = "Hans"


class CallMeta(Frozen):
    company: str | None = None
    ticker: str | None = None
    fiscal_year: int | None = None
    quarter: int | None = Field(default=None, ge=1, le=4)
    title: str | None = None
    layout: Layout
    script: Script | None = Field(
        default=None, description="Hant or Hans for the translation's script; None: English only"
    )
    call_date: str | None = Field(default=None, description="ISO date of the call, when given")
    encoding: str
    newline: str = Field(default="LF", description="LF, CRLF, CR or mixed, as found in the file")

    @property
    def call_label(self) -> str:
        """``ALAB Q4 2024`` or whatever part of it is known."""
        parts = [self.ticker or self.company or "Transcript"]
        if self.quarter and self.fiscal_year:
            parts.append(f"Q{self.quarter} {self.fiscal_year}")
        return " ".join(parts)


class Speaker(Frozen):
    id: str
    name: str
    aliases: tuple[str, ...] = ()
    title: str | None = None
    role: Role
    firm: str | None = None


class Paragraph(Frozen):
    index: int = Field(ge=0, description="0-based over body paragraphs in document order")
    en: str
    zh: str | None
    line: int = Field(ge=1, description="1-based source line of the English text")
    zh_line: int | None = None
    time: float | None = Field(
        default=None, ge=0, description="seconds from the start of the call, when the file says"
    )


class Turn(Frozen):
    index: int = Field(ge=0)
    speaker_id: str
    section: Section
    line: int = Field(ge=1, description="1-based source line of the speaker header")
    paragraphs: tuple[Paragraph, ...]


class ParseWarning(Frozen):
    """Something odd a reader met but read past. ``message`` is English (``--json``, the
    CLI); ``code`` (a key of :data:`viewer.core.warning_codes.WARNING_CODES`, filled from
    the fixed message when not given) and ``values`` let an interface translate it. Both are
    left out of ``model_dump`` so the machine format is unchanged."""

    line: int | None
    message: str
    code: str | None = Field(default=None, exclude=True)
    values: tuple[tuple[str, str], ...] = Field(default=(), exclude=True)

    @model_validator(mode="before")
    @classmethod
    def _fixed_message_code(cls, data: Any) -> Any:
        # A fixed message names its code in one table: its warn sites pass none.
        if not isinstance(data, dict) or data.get("code") is not None:
            return data
        message = data.get("message")
        if isinstance(message, WarningMessage):
            values = data.get("values") or message.values
            return {**data, "message": str(message), "code": message.code, "values": values}
        if isinstance(message, str) and (code := warning_code(message)) is not None:
            return {**data, "code": code}
        return data

    @property
    def args_map(self) -> dict[str, str]:
        """The values of the message by name (``WARNING_CODES`` lists them per code), and
        the English ``message``."""
        return {"message": self.message, **dict(self.values)}


class Transcript(Frozen):
    meta: CallMeta
    summary: tuple[str, ...] = ()
    speakers: tuple[Speaker, ...]
    turns: tuple[Turn, ...]
    warnings: tuple[ParseWarning, ...] = ()

    # Derived look-ups. cached_property works on frozen models because it writes to
    # the instance __dict__ directly, not through __setattr__.
    @cached_property
    def speaker_map(self) -> dict[str, Speaker]:
        return {s.id: s for s in self.speakers}

    @cached_property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        """Every body paragraph in document order (``paragraphs[i].index == i``)."""
        return tuple(p for t in self.turns for p in t.paragraphs)

    @cached_property
    def turn_of_paragraph(self) -> tuple[int, ...]:
        """Turn index of each body paragraph, by paragraph index."""
        return tuple(t.index for t in self.turns for _ in t.paragraphs)

    @cached_property
    def has_times(self) -> bool:
        """Do the paragraphs carry times within the call (AlphaMemo, EarningsCall)?"""
        return any(p.time is not None for p in self.paragraphs)

    @cached_property
    def has_translation(self) -> bool:
        """Does any paragraph carry a Chinese translation? (False: an English-only call.)"""
        return any(p.zh is not None for p in self.paragraphs)

    def speaker(self, speaker_id: str) -> Speaker:
        return self.speaker_map[speaker_id]

    def speaker_of_paragraph(self, paragraph_index: int) -> Speaker:
        turn = self.turns[self.turn_of_paragraph[paragraph_index]]
        return self.speaker_map[turn.speaker_id]

    def find_speaker(self, name: str) -> Speaker | None:
        """A speaker by id, name or alias (case-insensitive)."""
        key = name.casefold().strip()
        for s in self.speakers:
            if key in (s.id.casefold(), s.name.casefold(), *(a.casefold() for a in s.aliases)):
                return s
        return None
