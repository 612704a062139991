"""The library's folder list in QSettings: the database is a cache that may be moved aside
and rebuilt (corrupt, newer schema), so the folders the user chose live in the settings too."""

from __future__ import annotations

import json

from PySide6.QtCore import QSettings

KEY = "library/folders"


def load_folders(settings: QSettings) -> list[str]:
    """The saved folders (absolute paths); an unreadable value gives an empty list."""
    raw = settings.value(KEY)
    if raw is None:
        return []
    try:
        data = json.loads(str(raw))
    except ValueError:
        return []
    if not isinstance(data, list):
        return []
    return [str(x) for x in data if isinstance(x, str) and x]


def save_folders(settings: QSettings, folders: list[str]) -> None:
    """Save ``folders`` (stored as one JSON string: QSettings lists differ by platform)."""
    settings.setValue(KEY, json.dumps(sorted(dict.fromkeys(folders))))
    settings.sync()
