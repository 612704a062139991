"""Tab order that follows the layout: Qt's default is the order widgets were made in, which
differs from what the eye sees where a layout adds widgets in another order (the find bar's
tool buttons, the speaker panel's check boxes above its tree)."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLayout, QWidget


def chain(widgets: Sequence[QWidget]) -> None:
    """Tab from each of ``widgets`` to the next, in this order."""
    for first, second in pairwise(widgets):
        QWidget.setTabOrder(first, second)


def layout_widgets(layout: QLayout) -> list[QWidget]:
    """The widgets of ``layout`` and its nested layouts that take Tab focus, in layout order."""
    out: list[QWidget] = []
    for i in range(layout.count()):
        item = layout.itemAt(i)
        if item is None:
            continue
        widget, inner = item.widget(), item.layout()
        if widget is not None and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            out.append(widget)
        elif inner is not None:
            out.extend(layout_widgets(inner))
    return out


def follow_layout(widget: QWidget) -> None:
    """Make ``widget``'s children take Tab in the order of its layout."""
    layout = widget.layout()
    if layout is not None:
        chain(layout_widgets(layout))
