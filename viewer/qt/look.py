"""The reading preferences every tab follows: mode, zoom, theme, summary shown.

Kept in the window's ``Preferences`` (saved on close); the menu's check marks follow.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QGuiApplication

from viewer.qt.actions import MODE_ACTS, THEME_ACTS, Act, ActionTable
from viewer.qt.document_view import DocumentView
from viewer.qt.i18n import format_percent, translate
from viewer.qt.labels import arg
from viewer.qt.settings import Preferences
from viewer.qt.theme import apply_theme
from viewer.reading_mode import Mode


class Host(Protocol):
    prefs: Preferences
    action_table: ActionTable

    def documents(self) -> list[DocumentView]: ...
    def current_document(self) -> DocumentView | None: ...
    def status(self, text: str, msecs: int = 0) -> None: ...


class Look(QObject):
    def __init__(self, host: Host, zh_families: list[str], parent: QObject) -> None:
        super().__init__(parent)
        self.host = host
        self.zh_families = zh_families
        self.dark = apply_theme(host.prefs.theme)
        # "Follow system" follows it while the app runs, not only at start.
        QGuiApplication.styleHints().colorSchemeChanged.connect(self.on_system_scheme_changed)

    def _update(self, **changes: object) -> None:
        self.host.prefs = self.host.prefs.model_copy(update=changes)

    def check_menu(self) -> None:
        """Tick the menu entries of the saved preferences."""
        prefs, table = self.host.prefs, self.host.action_table
        table[MODE_ACTS[Mode(prefs.mode)]].setChecked(True)
        table[THEME_ACTS[prefs.theme]].setChecked(True)
        table[Act.SUMMARY].setChecked(prefs.show_summary)

    def apply(self, view: DocumentView) -> None:
        """A new tab: the current preferences, before its first paint."""
        prefs = self.host.prefs
        view.apply_look(Mode(prefs.mode), prefs.zoom, self.zh_families)
        view.summary.set_expanded(prefs.show_summary)
        view.pane.zoom_changed.connect(self.on_zoom_changed)

    def set_mode(self, mode: Mode) -> None:
        mode = Mode(mode)
        self._update(mode=mode)
        self.host.action_table[MODE_ACTS[mode]].setChecked(True)
        for view in self.host.documents():
            view.set_mode(mode)

    def zoom_in(self) -> None:
        if (view := self.host.current_document()) is not None:
            view.pane.zoom_in()

    def zoom_out(self) -> None:
        if (view := self.host.current_document()) is not None:
            view.pane.zoom_out()

    def set_zoom(self, zoom: float) -> None:
        view = self.host.current_document()
        if view is not None:
            view.pane.set_zoom(zoom)  # its zoom_changed brings the other tabs along
        else:
            self.on_zoom_changed(zoom)

    def on_zoom_changed(self, zoom: float) -> None:
        self._update(zoom=zoom)
        for view in self.host.documents():
            view.pane.set_zoom(zoom)
        percent = round(zoom * 100)
        self.host.status(arg(translate("Look", "Zoom %1"), format_percent(percent / 100, 0)), 2000)

    def set_theme(self, theme: str) -> None:
        self._update(theme=theme)
        self.host.action_table[THEME_ACTS[theme]].setChecked(True)
        # Views paint with theme.active() and restyle through theme.follow: nothing to push.
        self.dark = apply_theme(theme)

    def on_system_scheme_changed(self) -> None:
        if self.host.prefs.theme == "system":
            self.dark = apply_theme("system")

    def toggle_theme(self) -> None:
        self.set_theme("light" if self.dark else "dark")

    def set_summary_shown(self, on: bool) -> None:
        self._update(show_summary=bool(on))
        self.host.action_table[Act.SUMMARY].setChecked(bool(on))
        for view in self.host.documents():
            view.summary.set_expanded(bool(on), chosen=True)
