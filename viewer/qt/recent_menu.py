"""File > Open recent: filled from the preferences each time it is shown."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMenu

from viewer.qt.i18n import translate
from viewer.qt.labels import arg
from viewer.qt.settings import Preferences, Settings


class Host(Protocol):
    """What the menu needs from the window."""

    prefs: Preferences
    settings: Settings
    confirm: Callable[[str, str], bool]

    def open_path(self, path: str | Path) -> None: ...


class RecentMenu(QObject):
    def __init__(self, window: Host, parent: QObject) -> None:
        super().__init__(parent)
        self.window = window
        self.menu: QMenu | None = None

    def attach(self, menu: QMenu) -> None:
        self.menu = menu
        menu.aboutToShow.connect(self.fill)

    def fill(self) -> None:
        menu, prefs = self.menu, self.window.prefs
        assert menu is not None
        menu.clear()
        if not prefs.recent_files:
            menu.addAction(translate("RecentMenu", "(none)")).setEnabled(False)
            return
        for n, path in enumerate(prefs.recent_files, start=1):
            label = f"&{n} {Path(path).name}" if n < 10 else Path(path).name
            act = menu.addAction(label)
            act.setToolTip(path)
            act.triggered.connect(lambda _=False, p=path: self.open(p))
        menu.addSeparator()
        menu.addAction(translate("RecentMenu", "Clear list"), self.clear)

    def open(self, path: str) -> None:
        window = self.window
        # Checked only when clicked: a missing drive must not stall start-up.
        if not Path(path).exists():
            question = translate(
                "RecentMenu", "%1\n\nThis file no longer exists. Remove it from the list?"
            )
            if window.confirm(translate("RecentMenu", "File not found"), arg(question, path)):
                recent = [p for p in window.prefs.recent_files if p != path]
                window.prefs = window.prefs.model_copy(update={"recent_files": recent})
                window.settings.save_preferences(window.prefs)
            return
        window.open_path(path)

    def clear(self) -> None:
        window = self.window
        window.prefs = window.prefs.model_copy(update={"recent_files": []})
        window.settings.save_preferences(window.prefs)
