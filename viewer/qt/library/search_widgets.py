"""Small builders for the library search panel's combos and filter grid (its actions and
buttons are ``viewer.qt.widgets.tool_actions``')."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QWidget

from viewer.core.library import SearchFilters
from viewer.core.search import SearchOptions
from viewer.qt.labels import period_name

# Calls whose hits are listed at once (the others open on a click).
EXPAND_CALLS = 8


def period_of(data: Any) -> tuple[int, int] | None:
    """A period combo's data (``year * 10 + quarter``) as ``(year, quarter)``."""
    return divmod(int(data), 10) if isinstance(data, int) else None


def period_label(data: int) -> str:
    """A period combo's entry (``2025 年第 1 季``) from its data (``year * 10 + quarter``)."""
    year, quarter = divmod(int(data), 10)
    return period_name(f"Q{quarter} {year}")


def named_combo(owner: QWidget, data: tuple[Any, ...]) -> QComboBox:
    """A combo box with its first entries' data (their texts: :func:`set_texts`)."""
    combo = QComboBox(owner)
    for value in data:
        combo.addItem("", value)
    return combo


def set_texts(combo: QComboBox, name: str, texts: tuple[str, ...]) -> None:
    """The combo's accessible name, tool tip and first entries' texts (a language switch)."""
    combo.setAccessibleName(name)
    combo.setToolTip(name)
    for i, text in enumerate(texts[: combo.count()]):
        combo.setItemText(i, text)


def relabel_periods(combo: QComboBox) -> None:
    """The period entries (after the first, "any") in the interface language."""
    for i in range(1, combo.count()):
        data = combo.itemData(i)
        if isinstance(data, int):
            combo.setItemText(i, period_label(data))


def filter_grid(
    owner: QWidget, cells: list[tuple[QWidget, int, int, int]]
) -> tuple[list[QLabel], QGridLayout]:
    """A grid of ``(widget, row, column, span)`` cells, each with its label (the buddy)
    on its left; the labels come back for their texts."""
    grid = QGridLayout()
    grid.setHorizontalSpacing(6)
    grid.setVerticalSpacing(2)
    labels = []
    for widget, row, col, span in cells:
        label = QLabel(owner)
        label.setBuddy(widget)
        grid.addWidget(label, row, col, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(widget, row, col + 1, 1, span)
        labels.append(label)
    for col in range(4):
        grid.setColumnStretch(col * 2 + 1, 1)
    return labels, grid


def build_query(panel: Any) -> tuple[SearchOptions, SearchFilters] | None:
    """The options and filters on a ``LibrarySearchPanel`` (None: nothing to search)."""
    query = panel.field.text()
    if not query:
        return None
    options = SearchOptions(
        query=query,
        regex=panel.act_regex.isChecked(),
        case_sensitive=panel.act_case.isChecked(),
        whole_word=panel.act_word.isChecked(),
        scope=panel.scope.currentData(),
    )
    speakers = tuple(s.strip() for s in panel.speaker.text().split(",") if s.strip())
    filters = SearchFilters(
        companies=(panel.company.currentData(),) if panel.company.currentData() else (),
        period_from=period_of(panel.period_from.currentData()),
        period_to=period_of(panel.period_to.currentData()),
        speakers=speakers,
        roles=(panel.role.currentData(),) if panel.role.currentData() else (),
        section=panel.section.currentData(),
        scripts=(panel.script.currentData(),) if panel.script.currentData() else (),
    )
    return options, filters


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
