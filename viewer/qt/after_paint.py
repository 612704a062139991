"""Run something once a widget has been painted: work that must not delay the first paint."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer


class AfterPaint(QObject):
    """Calls ``callback`` once, after ``widget``'s next paint event has been handled, or after
    ``fallback_ms`` if the widget is not painted by then (hidden, minimised, offscreen).

    A zero-delay timer is not enough: Qt may run it before the posted paint event, and then
    the work it starts (a worker holding the GIL) competes with the first paint.
    """

    def __init__(
        self, widget: QObject, callback: Callable[[], None], fallback_ms: int | None = 500
    ) -> None:
        super().__init__(widget)
        self.callback: Callable[[], None] | None = callback
        self.widget = widget
        widget.installEventFilter(self)
        if fallback_ms is not None:
            QTimer.singleShot(fallback_ms, self, self._fire)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.callback is not None:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._fire)  # runs once this paint is done
        return False

    def _fire(self) -> None:
        # The object stays, a child of the widget, until the widget goes: deleting it here
        # (deleteLater from inside its own timer slot) crashed PySide6 6.11.
        callback, self.callback = self.callback, None
        if callback is not None:
            self.widget.removeEventFilter(self)
            callback()
