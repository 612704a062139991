"""A library search's hits grouped by call: one row per call with its count, and under it
one row per paragraph with hits (both languages and where the hits are, for the delegate).

The hits of a call are listed when its row is expanded (``fetchMore``): a search with
thousands of hits shows at once and pays only for the calls the reader opens.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt

from viewer.core.library import CallInfo, Library, LibraryHit, LibraryResults
from viewer.core.search import Hit
from viewer.qt.i18n import plural
from viewer.qt.labels import arg, period_name, section_name
from viewer.qt.library.library_roles import LibraryRoles
from viewer.qt.library.two_level_model import TwoLevelModel

Index = QModelIndex | QPersistentModelIndex

FSI, PDI = "\u2068", "\u2069"  # isolates: bidi controls in a speaker name stay inside it


@dataclass(frozen=True, slots=True)
class HitRow:
    """One paragraph with hits: what the delegate paints (plain text and ranges)."""

    call: CallInfo
    paragraph: int
    speaker: str
    section: str
    en: str
    zh: str
    en_ranges: tuple[tuple[int, int], ...]
    zh_ranges: tuple[tuple[int, int], ...]
    first: Hit


class LibrarySearchModel(TwoLevelModel):
    """Calls (internal id 0) and their paragraphs with hits (internal id: call row + 1)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._library: Library | None = None
        self._results: LibraryResults | None = None
        self._calls: tuple[CallInfo, ...] = ()
        self._rows: dict[int, list[HitRow]] = {}  # call row -> its paragraphs, once fetched

    def set_results(self, library: Library | None, results: LibraryResults | None) -> None:
        """A new search (a reset: a new result set is a new document for this model)."""
        self.beginResetModel()
        self._library = library
        self._results = results
        self._calls = results.calls if results is not None else ()
        self._rows = {}
        self.endResetModel()

    @property
    def results(self) -> LibraryResults | None:
        return self._results

    def call_count(self) -> int:
        return len(self._calls)

    def hit_row(self, index: Index) -> HitRow | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        rows = self._rows.get(index.internalId() - 1, [])
        return rows[index.row()] if index.row() < len(rows) else None

    def open_target(self, index: Index) -> tuple[str, int | None, LibraryHit | None] | None:
        """``(path, paragraph, hit)`` to open for a row: a paragraph row opens at its first
        hit, a call row at the call's first hit."""
        if not index.isValid():
            return None
        if index.internalId() == 0:
            if self._results is None or index.row() >= len(self._calls):
                return None
            call = self._calls[index.row()]
            hits = self._results.hits_of(call.id)
            return (call.path, hits[0].paragraph, LibraryHit(call.id, *hits[0])) if hits else None
        row = self.hit_row(index)
        if row is None:
            return None
        h = row.first
        return (row.call.path, h.paragraph, LibraryHit(row.call.id, *h))

    # -- fetching ----------------------------------------------------------------------------

    def _build(self, call_row: int) -> list[HitRow]:
        rows: list[HitRow] = []
        results, library = self._results, self._library
        if results is not None and library is not None:
            call = self._calls[call_row]
            by_par: dict[int, list[Hit]] = {}
            for h in results.hits_of(call.id):
                by_par.setdefault(h.paragraph, []).append(h)
            for idx, hits in by_par.items():
                p = library.paragraph(call.id, idx)
                if p is None:  # the call was re-indexed since the search: skip it
                    continue
                rows.append(
                    HitRow(
                        call=call,
                        paragraph=idx,
                        speaker=p.speaker,
                        section=p.section,
                        en=p.en,
                        zh=p.zh or "",
                        en_ranges=tuple((h.start, h.end) for h in hits if h.lang == "en"),
                        zh_ranges=tuple((h.start, h.end) for h in hits if h.lang == "zh"),
                        first=hits[0],
                    )
                )
        return rows

    def canFetchMore(self, parent: Index) -> bool:
        return (
            parent.isValid()
            and parent.internalId() == 0
            and parent.column() == 0
            and parent.row() not in self._rows
        )

    def fetchMore(self, parent: Index) -> None:
        if not self.canFetchMore(parent):
            return
        rows = self._build(parent.row())
        if not rows:
            self._rows[parent.row()] = rows
            return
        self.beginInsertRows(parent, 0, len(rows) - 1)
        self._rows[parent.row()] = rows
        self.endInsertRows()

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        if not parent.isValid():
            return bool(self._calls)
        return parent.internalId() == 0 and parent.column() == 0

    # -- the model ---------------------------------------------------------------------------

    def group_count(self) -> int:
        return len(self._calls)

    def child_count(self, group: int) -> int:
        return len(self._rows.get(group, []))

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 1

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            return self._call_data(index.row(), role)
        row = self.hit_row(index)
        if row is None:
            return None
        if role == LibraryRoles.KIND:
            return "hit"
        if role == LibraryRoles.HEADER:
            return self._header(row)
        if role == LibraryRoles.EN_TEXT:
            return row.en
        if role == LibraryRoles.ZH_TEXT:
            return row.zh
        if role == LibraryRoles.EN_RANGES:
            return list(row.en_ranges)
        if role == LibraryRoles.ZH_RANGES:
            return list(row.zh_ranges)
        if role == LibraryRoles.OPEN_AT:
            return self.open_target(index)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{self._header(row)}\n{row.en}\n{row.zh}"
        return None

    def _header(self, row: HitRow) -> str:
        n = len(row.en_ranges) + len(row.zh_ranges)
        section = section_name("qa" if row.section == "qa" else "prepared")
        where = arg(self.tr("Paragraph %1"), row.paragraph + 1)
        hits = plural(self.tr("%n hit(s)", "", n), n)
        return f"{where} · {FSI}{row.speaker}{PDI} · {section} · {hits}"

    def _call_data(self, row: int, role: int) -> Any:
        call = self._calls[row]
        if role == LibraryRoles.KIND:
            return "call"
        if role == LibraryRoles.CALL:
            return call
        if role == LibraryRoles.OPEN_AT:
            return self.open_target(self.index(row, 0))
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            n = self._results.counts.get(call.id, 0) if self._results is not None else 0
            period = period_name(call.period) if call.period else self.tr("Period unknown")
            hits = plural(self.tr("%n hit(s)", "", n), n)
            return f"{call.key} · {period} · {Path(call.path).name} · {hits}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return call.title or call.path
        return None
