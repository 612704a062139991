"""Speaker tree: operator, the company's people, analysts by firm; every turn under each."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from viewer.core.models import Transcript
from viewer.core.quote import SECTION_LABELS
from viewer.core.speaker_groups import Group, SpeakerEntry, SpeakerGroups, build_speaker_groups
from viewer.qt import i18n, labels
from viewer.qt.i18n import QT_TRANSLATE_NOOP
from viewer.qt.models.roles import NodeKind, Roles
from viewer.qt.theme import active

Index = QModelIndex | QPersistentModelIndex
COLUMNS = (
    QT_TRANSLATE_NOOP("Columns", "Speaker"),
    QT_TRANSLATE_NOOP("Columns", "Turns"),
    QT_TRANSLATE_NOOP("Columns", "Words"),
)


@dataclass(eq=False)
class _Node:
    id: int
    kind: NodeKind
    label: str
    parent: _Node | None
    row: int = 0
    children: list[_Node] = field(default_factory=list)
    speaker_id: str | None = None
    turn_index: int = -1
    turns: int = 0
    words: int = 0
    tooltip: str = ""
    # What to show, in the interface language at the time (a language switch repaints)
    display: Callable[[], str] | None = None
    tip: Callable[[], str] | None = None
    speaker_ids: frozenset[str] = frozenset()  # speakers under this node


class SpeakerTreeModel(QAbstractItemModel):
    """Check boxes on groups and speakers say which speakers the reading pane shows."""

    hidden_speakers_changed = Signal(frozenset)

    def __init__(
        self, transcript: Transcript, parent: Any = None, groups: SpeakerGroups | None = None
    ) -> None:
        """``groups``: :func:`build_speaker_groups` of the transcript if already built (the
        load worker does it: it counts every word, 0.2 s on 10 MB)."""
        super().__init__(parent)
        self._t = transcript
        i18n.notifier().changed.connect(self._language_changed)
        self._nodes: list[_Node] = []
        self._root = self._new(NodeKind.GROUP, "", None)
        self._hidden: set[str] = set()
        self._speaker_nodes: dict[str, _Node] = {}
        self._turn_nodes: dict[int, _Node] = {}
        operators, top = groups if groups is not None else build_speaker_groups(transcript)
        for entry in operators:
            self._add_speaker(self._root, entry)
        for g in top:
            self._add_group(self._root, g)

    def _language_changed(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        self.layoutAboutToBeChanged.emit()
        self.layoutChanged.emit()  # every label and tip again, in the new language

    # -- building --------------------------------------------------------------------------

    def _new(self, kind: NodeKind, label: str, parent: _Node | None) -> _Node:
        node = _Node(len(self._nodes), kind, label, parent)
        self._nodes.append(node)
        if parent is not None:
            node.row = len(parent.children)
            parent.children.append(node)
        return node

    def _add_group(self, parent: _Node, group: Group) -> _Node:
        node = self._new(NodeKind.GROUP, group.label, parent)
        node.display = lambda kind=group.kind, label=group.label: labels.group_label(kind, label)
        for g in group.groups:
            self._add_group(node, g)
        for entry in group.speakers:
            self._add_speaker(node, entry)
        node.turns = sum(c.turns for c in node.children)
        node.words = sum(c.words for c in node.children)
        node.speaker_ids = frozenset().union(*(c.speaker_ids for c in node.children))
        return node

    def _add_speaker(self, parent: _Node, entry: SpeakerEntry) -> _Node:
        sp = self._t.speaker(entry.speaker_id)
        node = self._new(NodeKind.SPEAKER, sp.name, parent)
        node.speaker_id = sp.id
        node.speaker_ids = frozenset({sp.id})
        node.turns = len(entry.turns)
        node.words = entry.words

        def tip() -> str:
            firm = QCoreApplication.translate("SpeakerTree", "Firm: %1")
            aliases = QCoreApplication.translate("SpeakerTree", "Also called: %1")
            lines = (
                sp.name,
                sp.title,
                sp.firm and labels.arg(firm, sp.firm),
                sp.aliases and labels.arg(aliases, "、".join(sp.aliases)),
            )
            return "\n".join(x for x in lines if x)

        node.tip = tip
        self._speaker_nodes[sp.id] = node
        for te in entry.turns:
            turn = self._t.turns[te.turn_index]
            label = f"#{te.turn_index + 1} · {SECTION_LABELS[turn.section]} · {te.first_words}"
            tn = self._new(NodeKind.TURN, label, node)
            tn.display = lambda n=te.turn_index + 1, sec=turn.section, w=te.first_words: (
                f"#{n} · {labels.section_name(sec)} · {w}"
            )
            tn.speaker_id = sp.id
            tn.speaker_ids = node.speaker_ids
            tn.turn_index = te.turn_index
            tn.words = te.words
            tn.tooltip = te.first_words
            self._turn_nodes[te.turn_index] = tn
        return node

    # -- API -------------------------------------------------------------------------------

    @property
    def hidden_speakers(self) -> frozenset[str]:
        return frozenset(self._hidden)

    def set_hidden_speakers(self, hidden: frozenset[str]) -> None:
        hidden = frozenset(h for h in hidden if h in self._speaker_nodes)
        if hidden == self._hidden:
            return
        changed = set(hidden) ^ self._hidden
        self._hidden = set(hidden)
        self._emit_check_changed(changed)
        self.hidden_speakers_changed.emit(frozenset(self._hidden))

    def index_of_turn(self, turn: int) -> QModelIndex:
        node = self._turn_nodes.get(turn)
        return self.createIndex(node.row, 0, node.id) if node else QModelIndex()

    def index_of_speaker(self, speaker_id: str) -> QModelIndex:
        node = self._speaker_nodes.get(speaker_id)
        return self.createIndex(node.row, 0, node.id) if node else QModelIndex()

    def speaker_ids_of(self, index: Index) -> frozenset[str]:
        """Every speaker under a group or speaker node (a turn node: its speaker)."""
        return self._node(index).speaker_ids if index.isValid() else frozenset()

    def _node(self, index: Index) -> _Node:
        return self._nodes[index.internalId()] if index.isValid() else self._root

    def _emit_check_changed(self, speakers: set[str]) -> None:
        touched: dict[int, _Node] = {}
        for sid in speakers:
            node: _Node | None = self._speaker_nodes[sid]
            while node is not None and node is not self._root:
                touched[node.id] = node
                node = node.parent
        for node in touched.values():
            idx = self.createIndex(node.row, 0, node.id)
            self.dataChanged.emit(idx, idx, [Qt.ItemDataRole.CheckStateRole])

    def _check_state(self, node: _Node) -> Qt.CheckState:
        shown = len(node.speaker_ids - self._hidden)
        if shown == len(node.speaker_ids):
            return Qt.CheckState.Checked
        return Qt.CheckState.Unchecked if shown == 0 else Qt.CheckState.PartiallyChecked

    # -- QAbstractItemModel ----------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column < 0 or column >= len(COLUMNS) or row < 0:
            return QModelIndex()
        if parent.isValid() and parent.column() != 0:
            return QModelIndex()
        pnode = self._node(parent)
        if row >= len(pnode.children):
            return QModelIndex()
        return self.createIndex(row, column, pnode.children[row].id)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        node = self._node(index).parent
        if node is None or node is self._root:
            return QModelIndex()
        return self.createIndex(node.row, 0, node.id)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("Columns", COLUMNS[section])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        f = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        node = self._node(index)
        if index.column() == 0 and node.kind in (NodeKind.GROUP, NodeKind.SPEAKER):
            f |= Qt.ItemFlag.ItemIsUserCheckable
            if node.kind == NodeKind.GROUP:
                f |= Qt.ItemFlag.ItemIsAutoTristate
        return f

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = self._node(index)
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return node.display() if node.display is not None else node.label
            if col == 1:
                return node.turns if node.kind != NodeKind.TURN else None
            return node.words
        if role == Roles.SORT:
            return (node.label, node.turns, node.words)[col]
        if role == Qt.ItemDataRole.TextAlignmentRole and col > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.CheckStateRole and col == 0 and node.kind != NodeKind.TURN:
            return self._check_state(node)
        if role == Qt.ItemDataRole.ToolTipRole and col == 0:
            return (node.tip() if node.tip is not None else node.tooltip) or None
        if role == Qt.ItemDataRole.ForegroundRole and col == 0 and node.kind == NodeKind.SPEAKER:
            sp = self._t.speaker(node.speaker_id or "")
            return QColor(active().speaker(sp.role.value))  # asked at paint: follows the theme
        if role == Roles.NODE_KIND:
            return node.kind
        if role == Roles.SPEAKER_ID:
            return node.speaker_id
        if role == Roles.TURN:
            return node.turn_index
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole or index.column() != 0:
            return False
        node = self._node(index)
        if node.kind == NodeKind.TURN:
            return False
        state = Qt.CheckState(value) if not isinstance(value, Qt.CheckState) else value
        hidden = set(self._hidden)
        if state == Qt.CheckState.Unchecked:
            hidden |= node.speaker_ids
        else:
            hidden -= node.speaker_ids
        self.set_hidden_speakers(frozenset(hidden))
        return True
