"""Names the Chinese keeps in some paragraphs and translates in others."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from viewer.core.metrics_models import Analysis, NameCheck
from viewer.core.models import Transcript
from viewer.core.name_render import name_spans
from viewer.qt.i18n import QT_TRANSLATE_NOOP
from viewer.qt.models.paragraph_table_model import Highlight
from viewer.qt.models.read_only_table_model import ReadOnlyTableModel
from viewer.qt.models.roles import Roles

Index = QModelIndex | QPersistentModelIndex

COLUMNS = (
    QT_TRANSLATE_NOOP("Columns", "Name"),
    QT_TRANSLATE_NOOP("Columns", "Rendered as"),
    QT_TRANSLATE_NOOP("Columns", "Kept"),
    QT_TRANSLATE_NOOP("Columns", "Translated"),
    QT_TRANSLATE_NOOP("Columns", "Kept in ¶"),
    QT_TRANSLATE_NOOP("Columns", "Translated in ¶"),
)


def _paras(indices: tuple[int, ...], limit: int = 12) -> str:
    # paragraphs are shown 1-based, like the reading pane's numbers
    shown = ", ".join(str(i + 1) for i in indices[:limit])
    return shown + (f", … (+{len(indices) - limit})" if len(indices) > limit else "")


def name_renderings(t: Transcript | None, a: Analysis | None) -> dict[str, tuple[str, ...]]:
    """How the Chinese renders each name of ``a`` (found with the analysis, off the GUI
    thread: viewer.core.name_render)."""
    return dict(a.renderings) if a is not None and t is not None else {}


def name_highlights(
    t: Transcript, check: NameCheck, rendered: tuple[str, ...]
) -> dict[int, list[Highlight]]:
    """A name in the English, and its rendering in the Chinese, of every paragraph."""
    out: dict[int, list[Highlight]] = {}
    for i in (*check.kept_paragraphs, *check.translated_paragraphs):
        p = t.paragraphs[i]
        spans = [Highlight("en", s, e, "figure") for s, e in name_spans(p.en, check.name)]
        for zh_name in (check.name, *rendered):
            spans += [Highlight("zh", s, e, "figure") for s, e in name_spans(p.zh or "", zh_name)]
        out[i] = spans
    return out


class NameCheckModel(ReadOnlyTableModel):
    """One row per :class:`NameCheck`; ``Roles.PARAGRAPH`` is the first translated paragraph."""

    COLUMNS = COLUMNS

    _rows: tuple[NameCheck, ...]

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._renderings: dict[str, tuple[str, ...]] = {}

    def set_rows(
        self, rows: Iterable[Any], renderings: dict[str, tuple[str, ...]] | None = None
    ) -> None:
        """The names, and how the Chinese renders each (``Gemini`` -> ``雙子座``), if known."""
        self._renderings = dict(renderings or {})
        super().set_rows(rows)

    def renderings(self, row: int) -> tuple[str, ...]:
        return self._renderings.get(self._rows[row].name, ())

    def name_check(self, row: int) -> NameCheck:
        return self._rows[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        cell = self.cell(index)
        if cell is None:
            return None
        row, col = cell
        n = self._rows[row]
        rendered = self._renderings.get(n.name, ())
        values: tuple[Any, ...] = (
            n.name,
            " / ".join(rendered),
            n.kept,
            n.translated,
            _paras(n.kept_paragraphs),
            _paras(n.translated_paragraphs),
        )
        if role == Qt.ItemDataRole.DisplayRole:
            return str(values[col])
        if role == Roles.SORT:
            return values[col]
        if role == Roles.PARAGRAPH:
            return n.translated_paragraphs[0]
        if role == Qt.ItemDataRole.ToolTipRole:
            how = f"{n.name} → {' / '.join(rendered)}: " if rendered else f"{n.name}: "
            return how + (
                f"kept in {n.kept} paragraphs, translated (or dropped) in "
                f"{n.translated}. Click to go to the first translated one and highlight "
                "the name in every paragraph."
            )
        return None
