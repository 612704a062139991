"""Small builders for the library search panel's controls (actions, buttons, combos)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QToolButton, QWidget

# Calls whose hits are listed at once (the others open on a click).
EXPAND_CALLS = 8


def period_of(data: Any) -> tuple[int, int] | None:
    """A period combo's data (``year * 10 + quarter``) as ``(year, quarter)``."""
    return divmod(int(data), 10) if isinstance(data, int) else None


def toggle_action(
    owner: QWidget, short: str, text: str, shortcut: str, context: Qt.ShortcutContext
) -> QAction:
    """A checkable action with its shortcut in its tool tip, added to ``owner``."""
    act = QAction(text, owner)
    act.setIconText(short)
    act.setCheckable(True)
    act.setShortcut(QKeySequence(shortcut))
    act.setShortcutContext(context)
    act.setToolTip(f"{text.replace('&', '')} ({shortcut})")
    owner.addAction(act)
    return act


def text_button(owner: QWidget, act: QAction) -> QToolButton:
    """A flat text button for ``act``, named for screen readers."""
    button = QToolButton(owner)
    button.setDefaultAction(act)
    button.setAutoRaise(True)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    button.setAccessibleName(act.text().replace("&", ""))
    return button


def named_combo(owner: QWidget, name: str, items: tuple[tuple[str, Any], ...]) -> QComboBox:
    """A combo box with an accessible name and its first entries."""
    combo = QComboBox(owner)
    combo.setAccessibleName(name)
    combo.setToolTip(name)
    for label, data in items:
        combo.addItem(label, data)
    return combo


def refill(combo: QComboBox, items: list[tuple[str, Any]]) -> None:
    """Replace every entry after the first ("all"), keeping the chosen one if still there."""
    chosen = combo.currentData()
    combo.blockSignals(True)
    while combo.count() > 1:
        combo.removeItem(1)
    for label, data in items:
        combo.addItem(label, data)
    k = combo.findData(chosen) if chosen is not None else 0
    combo.setCurrentIndex(max(0, k))
    combo.blockSignals(False)
