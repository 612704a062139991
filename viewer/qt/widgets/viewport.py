"""The reading pane's viewport, made in Python, and PySide6's one-time lookup of the widget
classes, paid after the first paint."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QAbstractScrollArea, QWidget


def python_viewport() -> QWidget:
    """A viewport like the one Qt makes, but made in Python: PySide6 then knows its type.
    Handing Qt's own viewport (a ``QWidget*`` of a widget Python did not make) to Python
    costs 80-150 ms the first time (PySide6 6.11 loads every widget class of QtWidgets, with
    their enums, to find the most derived type): a tenth of start-up (``make bench``). That
    cost is paid once, just after the first paint, by :func:`load_widget_types`."""
    viewport = QWidget()
    viewport.setObjectName("qt_scrollarea_viewport")
    viewport.setBackgroundRole(QPalette.ColorRole.Base)
    viewport.setAutoFillBackground(True)
    return viewport


@cache
def load_widget_types() -> None:
    """Pay PySide6's one-time lookup of the widget classes (see :func:`python_viewport`) now,
    after the first paint, rather than in the middle of a later scroll, jump or click (once:
    later calls do nothing)."""
    QAbstractScrollArea().viewport()  # a QWidget* Qt made: the lookup runs once
