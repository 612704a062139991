"""Small builders for the library search panel's combos (its actions and buttons are
``viewer.qt.widgets.tool_actions``')."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QWidget

# Calls whose hits are listed at once (the others open on a click).
EXPAND_CALLS = 8


def period_of(data: Any) -> tuple[int, int] | None:
    """A period combo's data (``year * 10 + quarter``) as ``(year, quarter)``."""
    return divmod(int(data), 10) if isinstance(data, int) else None


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
