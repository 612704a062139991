"""Rows of the reading pane: section boundaries, speaker headers and paragraphs."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from viewer.core.models import Section, Transcript
from viewer.core.quote import SECTION_LABELS
from viewer.qt.models.roles import Roles, RowKind

if TYPE_CHECKING:
    from viewer.core.metrics import Badge  # not imported at start-up (figures module)

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class Highlight:
    """A span to paint in a paragraph: ``lang`` "en"/"zh", code-point offsets, ``kind``."""

    lang: str
    start: int
    end: int
    kind: str  # "search", "current", "figure"


class ParagraphTableModel(QAbstractTableModel):
    """One column; the delegate lays English and Chinese out by the pane's mode.

    Row layout is computed once per document (reset only on load); highlights and badges
    change through ``dataChanged`` on the rows concerned.
    """

    def __init__(self, transcript: Transcript, parent: Any = None) -> None:
        super().__init__(parent)
        self._t = transcript
        kinds: list[int] = []
        refs: list[int] = []  # paragraph index, turn index or section ordinal per row
        row_of_paragraph: list[int] = []
        row_of_turn: list[int] = []
        section: Section | None = None
        for turn in transcript.turns:
            if turn.section != section:
                section = turn.section
                kinds.append(RowKind.SECTION)
                refs.append(turn.index)
            row_of_turn.append(len(kinds))
            kinds.append(RowKind.HEADER)
            refs.append(turn.index)
            for p in turn.paragraphs:
                row_of_paragraph.append(len(kinds))
                kinds.append(RowKind.PARAGRAPH)
                refs.append(p.index)
        self._kinds = kinds
        self._refs = refs
        self._row_of_paragraph = row_of_paragraph
        self._row_of_turn = row_of_turn
        self._highlights: dict[int, list[Highlight]] = {}
        self._badges: dict[int, Badge] = {}

    # -- look-ups used by views and proxies ----------------------------------------------

    @property
    def transcript(self) -> Transcript:
        return self._t

    def row_kind(self, row: int) -> int:
        return self._kinds[row]

    def turn_of_row(self, row: int) -> int:
        kind, ref = self._kinds[row], self._refs[row]
        return self._t.turn_of_paragraph[ref] if kind == RowKind.PARAGRAPH else ref

    def paragraph_of_row(self, row: int) -> int:
        return self._refs[row] if self._kinds[row] == RowKind.PARAGRAPH else -1

    def row_of_paragraph(self, paragraph: int) -> int:
        return self._row_of_paragraph[paragraph]

    def row_of_turn(self, turn: int) -> int:
        return self._row_of_turn[turn]

    def set_highlights(self, highlights: dict[int, list[Highlight]]) -> None:
        """Replace the highlights (by paragraph index); repaint only rows that changed."""
        changed = set(self._highlights) | set(highlights)
        changed = {p for p in changed if self._highlights.get(p) != highlights.get(p)}
        self._highlights = highlights
        self._emit_rows(changed, [Roles.HIGHLIGHTS])

    def set_badges(self, badges: dict[int, Badge]) -> None:
        changed = {
            p for p in set(self._badges) | set(badges) if self._badges.get(p) != badges.get(p)
        }
        self._badges = badges
        self._emit_rows(changed, [Roles.BADGE, Qt.ItemDataRole.ToolTipRole])

    def _emit_rows(self, paragraphs: set[int], roles: list[int]) -> None:
        if not paragraphs:
            return
        rows = sorted(self._row_of_paragraph[p] for p in paragraphs)
        # One signal per contiguous run keeps repaints minimal without flooding.
        start = prev = rows[0]
        for r in [*rows[1:], None]:
            if r is not None and r == prev + 1:
                prev = r
                continue
            self.dataChanged.emit(self.index(start, 0), self.index(prev, 0), roles)
            if r is not None:
                start = prev = r

    # -- QAbstractItemModel ----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._kinds)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 1

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("Columns", "Transcript")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.column() != 0:
            return None
        row = index.row()
        kind, ref = self._kinds[row], self._refs[row]
        if role == Roles.ROW_KIND:
            return int(kind)
        t = self._t
        if kind == RowKind.PARAGRAPH:
            p = t.paragraphs[ref]
            if role == Qt.ItemDataRole.DisplayRole:
                return p.en
            if role == Roles.EN:
                return p.en
            if role == Roles.ZH:
                return p.zh
            if role == Roles.PARAGRAPH:
                return ref
            if role == Roles.TIME:
                return p.time
            if role == Roles.TURN:
                return t.turn_of_paragraph[ref]
            if role == Roles.HIGHLIGHTS:
                return self._highlights.get(ref, [])
            if role == Roles.BADGE:
                return self._badges.get(ref)
            if role == Qt.ItemDataRole.ToolTipRole:
                badge = self._badges.get(ref)
                return badge.text if badge is not None else None
            if role in (Roles.SPEAKER_ID, Roles.SECTION, Roles.SPEAKER_ROLE):
                turn = t.turns[t.turn_of_paragraph[ref]]
                return self._turn_value(turn.index, role)
            return None
        if role == Roles.PARAGRAPH:
            return -1
        if role == Roles.TURN:
            return ref
        if kind == RowKind.SECTION:
            section = t.turns[ref].section
            if role == Qt.ItemDataRole.DisplayRole:
                return SECTION_LABELS[section]
            if role == Roles.SECTION:
                return section.value
            return None
        # header
        if role in (Roles.SPEAKER_ID, Roles.SECTION, Roles.SPEAKER_ROLE):
            return self._turn_value(ref, role)
        sp = t.speaker(t.turns[ref].speaker_id)
        if role == Roles.HEADER:
            return (sp.name, sp.title or "", sp.firm or "")
        if role == Qt.ItemDataRole.DisplayRole:
            return " — ".join(x for x in (sp.name, sp.title, sp.firm) if x)
        return None

    def _turn_value(self, turn_index: int, role: int) -> Any:
        turn = self._t.turns[turn_index]
        if role == Roles.SPEAKER_ID:
            return turn.speaker_id
        if role == Roles.SECTION:
            return turn.section.value
        return self._t.speaker(turn.speaker_id).role.value
