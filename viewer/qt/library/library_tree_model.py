"""Companies, then their calls by fiscal period; files that failed to parse, with their error."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from viewer.core.library import CallInfo, Company
from viewer.qt.error_text import stored_error_text
from viewer.qt.i18n import plural
from viewer.qt.labels import period_name
from viewer.qt.library.library_roles import LibraryRoles
from viewer.qt.library.two_level_model import TwoLevelModel

Index = QModelIndex | QPersistentModelIndex


@dataclass
class _Group:
    kind: str  # "company", "nocompany", "failed"
    key: str
    name: str | None
    calls: list[CallInfo] = field(default_factory=list)


class LibraryTreeModel(TwoLevelModel):
    """Two levels: groups (a company, calls naming no company, failed files) and their files.

    Internal ids: 0 for a group row, ``group row + 1`` for a file row (so ``parent()`` is
    O(1)). The listing is replaced as a whole after each scan (a new load of the library).
    """

    COLUMNS = 8
    columns = COLUMNS
    NAME, TITLE, DATE, LAYOUT, FILE, PARAGRAPHS, SPEAKERS, FIGURES = range(8)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._groups: list[_Group] = []

    def set_companies(self, companies: list[Company]) -> None:
        groups: list[_Group] = []
        nocompany: list[CallInfo] = []
        failed: list[CallInfo] = []
        for c in companies:
            if c.key:
                groups.append(_Group("company", c.key, c.name, list(c.calls)))
                continue
            for call in c.calls:
                (failed if call.error is not None else nocompany).append(call)
        if nocompany:
            groups.append(_Group("nocompany", "", None, nocompany))
        if failed:
            groups.append(_Group("failed", "", None, failed))
        self.beginResetModel()
        self._groups = groups
        self.endResetModel()

    # -- what the dock reads ---------------------------------------------------------------

    def group_key(self, row: int) -> tuple[str, str]:
        """``(kind, key)`` of a group row (kind: company, nocompany, failed)."""
        g = self._groups[row]
        return g.kind, g.key

    def call_at(self, index: Index) -> CallInfo | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        g = self._groups[index.internalId() - 1]
        return g.calls[index.row()] if index.row() < len(g.calls) else None

    def company_at(self, index: Index) -> str | None:
        """The company key of a row (a company or one of its calls), else None."""
        if not index.isValid():
            return None
        row = index.row() if index.internalId() == 0 else index.internalId() - 1
        g = self._groups[row]
        return g.key if g.kind == "company" else None

    def companies(self) -> list[str]:
        return [g.key for g in self._groups if g.kind == "company"]

    def calls(self) -> list[CallInfo]:
        return [c for g in self._groups for c in g.calls]

    # -- the model -------------------------------------------------------------------------

    def group_count(self) -> int:
        return len(self._groups)

    def child_count(self, group: int) -> int:
        return len(self._groups[group].calls)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return self.COLUMNS

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < self.COLUMNS:
            return None
        return (
            self.tr("Company / period"),
            self.tr("Title"),
            self.tr("Date"),
            self.tr("Layout"),
            self.tr("File"),
            self.tr("Paragraphs"),
            self.tr("Speakers"),
            self.tr("Figures"),
        )[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            return self._group_data(self._groups[index.row()], index.column(), role)
        call = self.call_at(index)
        if call is None:
            return None
        return self._call_data(call, index.column(), role)

    def _group_data(self, g: _Group, column: int, role: int) -> Any:
        if role == LibraryRoles.KIND:
            return g.kind if g.kind != "nocompany" else "group"
        n = len(g.calls)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.NAME:
                if g.kind == "company":
                    return g.key
                if g.kind == "failed":
                    return self.tr("Files that failed")
                return self.tr("Calls naming no company")
            if column == self.TITLE:
                if g.kind == "failed":
                    return plural(self.tr("%n file(s) could not be read", "", n), n)
                count = plural(self.tr("%n call(s)", "", n), n)
                return f"{g.name} · {count}" if g.name and g.name != g.key else count
            return None
        if role == Qt.ItemDataRole.ToolTipRole and column == self.NAME and g.name:
            return g.name
        if role == Qt.ItemDataRole.AccessibleTextRole and column == self.NAME:
            return self._group_data(g, self.NAME, Qt.ItemDataRole.DisplayRole)
        return None

    def _call_data(self, c: CallInfo, column: int, role: int) -> Any:
        if role == LibraryRoles.CALL:
            return c
        if role == LibraryRoles.KIND:
            return "failed" if c.error is not None else "call"
        if role == LibraryRoles.OPEN_AT:
            return (c.path, None, None) if c.error is None else None
        name = Path(c.path).name
        if c.error is not None:
            if role == Qt.ItemDataRole.DisplayRole:
                if column == self.NAME:
                    return name
                if column == self.TITLE:
                    return stored_error_text(c.path, c.error).replace("\n", " ")
                if column == self.FILE:
                    return name
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"{c.path}\n{c.error}"
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._call_text(c, column, name)
        if role == Qt.ItemDataRole.ToolTipRole:
            return c.path
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= self.PARAGRAPHS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _call_text(self, c: CallInfo, column: int, name: str) -> Any:
        if column == self.NAME:
            return period_name(c.period) if c.period else self.tr("Period unknown")
        if column == self.TITLE:
            return c.title or ""
        if column == self.DATE:
            return c.call_date or ""
        if column == self.LAYOUT:
            return c.layout or ""
        if column == self.FILE:
            return name
        if column == self.PARAGRAPHS:
            return c.paragraphs
        if column == self.SPEAKERS:
            return c.speakers
        if column == self.FIGURES:
            return c.figures
        return None
