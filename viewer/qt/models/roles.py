"""Custom item-data roles shared by the viewer's models, proxies and delegates."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import Qt

_BASE = int(Qt.ItemDataRole.UserRole)


class Roles(IntEnum):
    ROW_KIND = _BASE + 1  # RowKind of a reading-pane row
    PARAGRAPH = _BASE + 2  # body paragraph index, or -1
    TURN = _BASE + 3  # turn index
    SPEAKER_ID = _BASE + 4
    SECTION = _BASE + 5  # "prepared" / "qa"
    EN = _BASE + 6
    ZH = _BASE + 7
    SPEAKER_ROLE = _BASE + 8  # "operator" / "company" / "analyst"
    HEADER = _BASE + 9  # (name, title, firm) for header rows
    BADGE = _BASE + 10  # the paragraph's viewer.core.metrics.Badge, or None
    HIGHLIGHTS = _BASE + 11  # list[Highlight] for the row
    NODE_KIND = _BASE + 12  # speaker tree: a NodeKind
    SORT = _BASE + 13  # numeric sort key
    TIME = _BASE + 14  # a paragraph's time in the call (seconds), or None


class RowKind(IntEnum):
    SECTION = 0
    HEADER = 1
    PARAGRAPH = 2


class NodeKind(IntEnum):
    """What a speaker-tree row stands for."""

    GROUP = 0
    SPEAKER = 1
    TURN = 2
