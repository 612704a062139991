"""Frozen models of the metrics panel: figures, the translation check, names, statistics."""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum

from pydantic import Field

from viewer.core.models import Frozen


class Check(StrEnum):
    """How an English figure fares in the Chinese translation of its paragraph."""

    MATCH = "match"
    MISMATCH = "mismatch"
    MISSING = "missing"
    EXTRA = "extra"
    UNTRANSLATED = "untranslated"  # the paragraph has no Chinese: nothing to check against


class Nature(StrEnum):
    REPORTED = "reported"
    GUIDANCE = "guidance"
    TARGET = "target"
    ANALYST = "analyst"


class FigureSide(Frozen):
    """One figure as written in one language of a paragraph.

    ``start``/``end`` are code-point offsets into that paragraph's text (``en`` or ``zh``).
    Values are exact decimals in base units (USD, percent, shares, people, Gbps...): a single
    value has ``value``; a range has ``low`` and ``high`` and no ``value``. ``quantum`` is the
    precision written (``$141.1 million`` -> 100000), used to compare the two languages.
    """

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    kind: str
    unit: str
    value: Decimal | None = None
    low: Decimal | None = None
    high: Decimal | None = None
    quantum: Decimal = Decimal(1)
    qualifier: str | None = None
    metric: str = "other"
    period: str | None = None
    nature: Nature = Nature.REPORTED

    @property
    def sort_value(self) -> Decimal:
        """The value, or a range's low end (what a table sorts on)."""
        v = self.value if self.value is not None else self.low
        return v if v is not None else Decimal(0)


class Figure(Frozen):
    """A figure of one paragraph, with its English and/or Chinese side and the check."""

    paragraph: int = Field(ge=0)
    en: FigureSide | None
    zh: FigureSide | None
    check: Check
    speaker_id: str
    section: str

    @property
    def main(self) -> FigureSide:
        """The side that defines the figure: the English one, else the Chinese one."""
        side = self.en if self.en is not None else self.zh
        assert side is not None
        return side

    @property
    def kind(self) -> str:
        return self.main.kind

    @property
    def unit(self) -> str:
        return self.main.unit

    @property
    def metric(self) -> str:
        return self.main.metric

    @property
    def period(self) -> str | None:
        return self.main.period

    @property
    def nature(self) -> Nature:
        return self.main.nature


class NameCheck(Frozen):
    """A recurring English name that the Chinese keeps in some paragraphs and not in others."""

    name: str
    kept: int
    translated: int
    kept_paragraphs: tuple[int, ...]
    translated_paragraphs: tuple[int, ...]


class SpeakerStats(Frozen):
    """Talk statistics of one speaker (``questions``: Q&A turns of an analyst)."""

    speaker_id: str
    name: str
    role: str
    firm: str | None
    turns: int
    paragraphs: int
    words: int
    share: float = Field(ge=0.0, le=1.0, description="share of all English words of the call")
    questions: int
    words_prepared: int
    words_qa: int


class FirmStats(Frozen):
    """The same statistics summed over the speakers of one firm."""

    firm: str
    role: str
    speakers: int
    turns: int
    paragraphs: int
    words: int
    share: float = Field(ge=0.0, le=1.0)
    questions: int
    words_prepared: int
    words_qa: int


class Analysis(Frozen):
    """Everything the metrics panel shows for one transcript."""

    figures: tuple[Figure, ...]
    names: tuple[NameCheck, ...]
    speakers: tuple[SpeakerStats, ...]
    firms: tuple[FirmStats, ...]
    # How the Chinese renders each translated name, where it can tell (name, renderings).
    renderings: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def rendering_of(self, name: str) -> tuple[str, ...]:
        """``Gemini`` -> ``("雙子座",)``; empty when unknown."""
        return dict(self.renderings).get(name, ())
