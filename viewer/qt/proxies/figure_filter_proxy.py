"""Filters and numeric sorting for the figures table."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel

from viewer.core.metric_names import matches
from viewer.qt.models.figure_table_model import FigureTableModel
from viewer.qt.models.roles import Roles

Index = QModelIndex | QPersistentModelIndex
_UNSET: Any = object()


class FigureFilterProxy(QSortFilterProxyModel):
    """Metric, nature, speaker (id) or role, section, check, free text; all must hold.

    ``None`` means "any". Free text matches, folded as search folds it (case, width,
    Traditional and Simplified: 亿 finds 億), the figure as written in either language, the
    metric (its key, shown name and Chinese names: 毛利率), the period, the speaker's name
    and the formatted values.
    Sorting uses ``Roles.SORT``, so value columns sort as numbers.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(Roles.SORT)
        self._metric: str | None = None
        self._nature: str | None = None
        self._speaker: str | None = None
        self._role: str | None = None
        self._section: str | None = None
        self._check: frozenset[str] | None = None
        self._text = ""

    def source(self) -> FigureTableModel:
        model = self.sourceModel()
        assert isinstance(model, FigureTableModel)
        return model

    def set_filters(
        self,
        *,
        metric: str | None = _UNSET,
        nature: str | None = _UNSET,
        speaker: str | None = _UNSET,
        role: str | None = _UNSET,
        section: str | None = _UNSET,
        check: frozenset[str] | str | None = _UNSET,
        text: str = _UNSET,
    ) -> None:
        """Change some filters (arguments left out stay as they are)."""
        self.beginFilterChange()
        if metric is not _UNSET:
            self._metric = metric
        if nature is not _UNSET:
            self._nature = nature
        if speaker is not _UNSET:
            self._speaker = speaker
        if role is not _UNSET:
            self._role = role
        if section is not _UNSET:
            self._section = section
        if check is not _UNSET:
            self._check = frozenset({check}) if isinstance(check, str) else check
        if text is not _UNSET:
            self._text = text.strip()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filters(self) -> dict[str, Any]:
        return {
            "metric": self._metric,
            "nature": self._nature,
            "speaker": self._speaker,
            "role": self._role,
            "section": self._section,
            "check": self._check,
            "text": self._text,
        }

    def paragraphs(self) -> frozenset[int]:
        """Paragraphs of the figures shown."""
        src = self.source()
        out = set()
        for r in range(self.rowCount()):
            out.add(src.figure(self.mapToSource(self.index(r, 0)).row()).paragraph)
        return frozenset(out)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        src = self.source()
        f = src.figure(source_row)
        m = f.main
        if self._metric is not None and m.metric != self._metric:
            return False
        if self._nature is not None and m.nature.value != self._nature:
            return False
        if self._speaker is not None and f.speaker_id != self._speaker:
            return False
        if self._role is not None and src.speaker_role(source_row) != self._role:
            return False
        if self._section is not None and f.section != self._section:
            return False
        if self._check is not None and f.check.value not in self._check:
            return False
        if self._text:
            hay = [m.period or "", src.speaker_name(source_row)]
            hay += [s.text for s in (f.en, f.zh) if s is not None]
            for col in (0, 1, 2):  # the metric's shown name, the values
                hay.append(str(src.index(source_row, col).data()))
            if not matches(self._text, hay, m.metric):
                return False
        return True
