"""Filters the reading pane by speaker, section and an optional set of paragraphs."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel

from viewer.qt.models.paragraph_table_model import ParagraphTableModel
from viewer.qt.models.roles import RowKind

Index = QModelIndex | QPersistentModelIndex


class ParagraphFilterProxyModel(QSortFilterProxyModel):
    """Rows of hidden speakers or sections disappear; a header or section row stays only
    while one of its paragraphs is shown."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._hidden_speakers: frozenset[str] = frozenset()
        self._hidden_sections: frozenset[str] = frozenset()
        self._only: frozenset[int] | None = None
        self._visible_turns: list[bool] = []
        self._visible_sections: set[str] = set()

    def source(self) -> ParagraphTableModel:
        model = self.sourceModel()
        assert isinstance(model, ParagraphTableModel)
        return model

    def setSourceModel(self, model: Any) -> None:
        super().setSourceModel(model)
        self._recompute()

    @property
    def hidden_speakers(self) -> frozenset[str]:
        return self._hidden_speakers

    @property
    def hidden_sections(self) -> frozenset[str]:
        return self._hidden_sections

    @property
    def only_paragraphs(self) -> frozenset[int] | None:
        return self._only

    def set_filters(
        self,
        *,
        hidden_speakers: frozenset[str] | None = None,
        hidden_sections: frozenset[str] | None = None,
        only_paragraphs: frozenset[int] | bool | None = False,
    ) -> None:
        """Change any filter (``only_paragraphs=None`` clears that one; False leaves it)."""
        self.beginFilterChange()
        if hidden_speakers is not None:
            self._hidden_speakers = hidden_speakers
        if hidden_sections is not None:
            self._hidden_sections = hidden_sections
        if only_paragraphs is not False:
            self._only = only_paragraphs if isinstance(only_paragraphs, frozenset) else None
        self._recompute()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def is_filtered(self) -> bool:
        return bool(self._hidden_speakers or self._hidden_sections or self._only is not None)

    def _turn_shown(self, turn: Any) -> bool:
        return (
            turn.speaker_id not in self._hidden_speakers
            and turn.section.value not in self._hidden_sections
        )

    def _recompute(self) -> None:
        model = self.sourceModel()
        if not isinstance(model, ParagraphTableModel):
            self._visible_turns = []
            return
        t = model.transcript
        only = self._only
        visible = []
        for turn in t.turns:
            ok = self._turn_shown(turn)
            if ok and only is not None:
                ok = any(p.index in only for p in turn.paragraphs)
            visible.append(ok)
        self._visible_turns = visible
        self._visible_sections = {t.turns[i].section.value for i, v in enumerate(visible) if v}

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.source()
        kind = model.row_kind(source_row)
        turn = model.turn_of_row(source_row)
        if kind == RowKind.PARAGRAPH:
            if not self._visible_turns[turn]:
                return False
            return self._only is None or model.paragraph_of_row(source_row) in self._only
        if kind == RowKind.HEADER:
            return self._visible_turns[turn]
        return model.transcript.turns[turn].section.value in self._visible_sections
