"""Item-data roles of the library's models (one place, like ``viewer.qt.models.roles``)."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import Qt


class LibraryRoles(IntEnum):
    """Custom roles: the delegate and the panels read these, never the core objects."""

    CALL = Qt.ItemDataRole.UserRole + 100  # CallInfo of a call row
    KIND = Qt.ItemDataRole.UserRole + 101  # "company", "call", "failed", "group", "hit"
    EN_TEXT = Qt.ItemDataRole.UserRole + 102  # paragraph text (plain)
    ZH_TEXT = Qt.ItemDataRole.UserRole + 103
    EN_RANGES = Qt.ItemDataRole.UserRole + 104  # [(start, end)] of hits in EN_TEXT
    ZH_RANGES = Qt.ItemDataRole.UserRole + 105
    HEADER = Qt.ItemDataRole.UserRole + 106  # "¶12 · speaker · section" line of a hit row
    OPEN_AT = Qt.ItemDataRole.UserRole + 107  # (path, paragraph | None, LibraryHit | None)
    VERDICT = Qt.ItemDataRole.UserRole + 108  # Verdict of a compare row (or None)
