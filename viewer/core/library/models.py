"""The value types of the library: calls, companies, stored paragraphs, scan reports."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from viewer.core.errors import Cancelled
from viewer.core.figures.periods import Period, PeriodKind

Progress = Callable[[int, int, str], None]
"""``progress(done, total, path)``: called before each file that has to be read."""
CancelCheck = Callable[[], bool]


class LibraryCancelled(Cancelled):
    """Indexing or a library search stopped because its cancel callback said so (the files
    indexed so far are kept)."""


@dataclass(frozen=True, slots=True)
class CallInfo:
    """One file of the library: a call, or a file that failed (``error`` set)."""

    id: int
    path: str
    folder: str
    company: str | None
    ticker: str | None
    fiscal_year: int | None
    quarter: int | None
    title: str | None
    call_date: str | None
    layout: str | None
    script: str | None
    paragraphs: int
    speakers: int
    figures: int
    warnings: int
    error: str | None

    @property
    def key(self) -> str:
        """The company it is listed under: the ticker, else the company name, else ``""``."""
        return self.ticker or self.company or ""

    @property
    def period(self) -> str | None:
        """``Q2 2025`` (or ``FY2025``, or None when the call does not say)."""
        if self.fiscal_year is None:
            return None
        if self.quarter is None:
            return Period(PeriodKind.FISCAL_YEAR, self.fiscal_year).label
        return Period(PeriodKind.QUARTER, self.fiscal_year, self.quarter).label

    @property
    def sort_key(self) -> tuple[int, int, str]:
        """Fiscal period order (unknown periods last), then path."""
        return (self.fiscal_year or 9999, self.quarter or 9, self.path)


@dataclass(frozen=True, slots=True)
class Company:
    """A company of the library, with its calls in fiscal-period order."""

    key: str
    name: str | None
    ticker: str | None
    calls: tuple[CallInfo, ...]


@dataclass(frozen=True, slots=True)
class StoredParagraph:
    """A paragraph as stored: what a hit list shows (0-based ``index``)."""

    call_id: int
    index: int
    speaker: str
    role: str
    firm: str | None
    section: str
    en: str
    zh: str | None


@dataclass(slots=True)
class ScanReport:
    """What a rescan did, by path."""

    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    renamed: list[tuple[str, str]] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    unchanged: int = 0
    missing_folders: list[str] = field(default_factory=list)

    @property
    def touched(self) -> bool:
        """Whether anything in the library changed."""
        return bool(self.added or self.changed or self.removed or self.renamed)
