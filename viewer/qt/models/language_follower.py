"""Models are no widgets: Qt sends them no ``LanguageChange``. A follower watches the
application (which gets the event at every ``i18n.set_language``) and tells its model to
re-announce its headers and labels, so views repaint them in the new language."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject


class LanguageFollower(QObject):
    """Calls ``on_change`` when the interface language changes (owned by ``parent``)."""

    def __init__(self, parent: QObject, on_change: Callable[[], None]) -> None:
        super().__init__(parent)
        self._on_change = on_change
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LanguageChange and watched is QCoreApplication.instance():
            self._on_change()
        return False
