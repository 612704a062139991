"""Each tab keeps its own figures filters: what the figures panel's filters were set to, so
that switching back to a tab brings them back (the panel is shared by every tab)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QComboBox

    from viewer.qt.widgets.metrics_panel import MetricsPanel


@dataclass(frozen=True)
class FigureFilters:
    boxes: tuple[str, ...]  # the text of each filter box's current entry
    text: str
    figures_only: bool


NO_FILTERS = FigureFilters(("",) * 5, "", False)  # every box on its first entry ("All …")


def _boxes(panel: MetricsPanel) -> tuple[QComboBox, ...]:
    return (panel.metric_box, panel.nature_box, panel.who_box, panel.section_box, panel.check_box)


def read_filters(panel: MetricsPanel) -> FigureFilters:
    """The panel's filters now."""
    return FigureFilters(
        tuple(box.currentText() for box in _boxes(panel)),
        panel.search.text(),
        panel.figures_only.isChecked(),
    )


def apply_filters(panel: MetricsPanel, filters: FigureFilters) -> None:
    """Set the panel's filters to ``filters`` (an entry no longer offered falls back to
    "all"), then filter once."""
    for box, text in zip(_boxes(panel), filters.boxes, strict=True):
        box.blockSignals(True)
        box.setCurrentIndex(max(0, box.findText(text)))
        box.blockSignals(False)
    panel.search.blockSignals(True)
    panel.search.setText(filters.text)
    panel.search.blockSignals(False)
    panel.figures_only.blockSignals(True)
    panel.figures_only.setChecked(filters.figures_only)
    panel.figures_only.blockSignals(False)
    panel.refilter()
