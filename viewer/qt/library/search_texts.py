"""The library search panel's fixed strings (labels, combo entries, accessible names), set
when it is built and again when the interface language changes. Context
``LibrarySearchPanel``: the panel's own ``tr()`` strings share it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

import viewer.qt.library.search_widgets as sw
from viewer.qt.labels import role_name, section_name, strip_mnemonic

translate = QCoreApplication.translate
C = "LibrarySearchPanel"


def retranslate_panel(panel: Any) -> None:
    """Set ``panel``'s (a ``LibrarySearchPanel``) fixed strings in the interface language."""
    panel.field.setAccessibleName(translate(C, "Search the library"))
    panel.field.setPlaceholderText(translate(C, "Search every call, in English and 中文"))
    for act, text, key in (
        (panel.act_case, translate(C, "Match &case"), "Alt+C"),
        (panel.act_word, translate(C, "&Whole words (Latin text only)"), "Alt+W"),
        (panel.act_regex, translate(C, "&Regular expression"), "Alt+R"),
    ):
        act.setText(text)
        act.setToolTip(f"{strip_mnemonic(text)} ({key})")
    for button in panel.option_buttons:
        button.setAccessibleName(strip_mnemonic(button.defaultAction().text()))
    any_period = translate(C, "Any", "any period")
    for combo, name, texts in (
        (
            panel.scope,
            translate(C, "Language searched"),
            (translate(C, "Both languages"), translate(C, "English"), translate(C, "Chinese")),
        ),
        (panel.company, translate(C, "Company"), (translate(C, "All companies"),)),
        (panel.period_from, translate(C, "From period"), (any_period,)),
        (panel.period_to, translate(C, "To period"), (any_period,)),
        (
            panel.role,
            translate(C, "Role"),
            (translate(C, "Any role"), *map(role_name, ("company", "analyst", "operator"))),
        ),
        (
            panel.section,
            translate(C, "Section"),
            (translate(C, "Any section"), section_name("prepared"), section_name("qa")),
        ),
        (
            panel.script,
            translate(C, "Chinese script"),
            (translate(C, "Any script"), translate(C, "Traditional"), translate(C, "Simplified")),
        ),
    ):
        sw.set_texts(combo, name, texts)
    for combo in (panel.period_from, panel.period_to):
        sw.relabel_periods(combo)
    panel.export_button.setText(translate(C, "Export CSV…"))
    panel.export_button.setAccessibleName(translate(C, "Export the results to CSV"))
    panel.speaker.setAccessibleName(translate(C, "Speaker names"))
    panel.speaker.setPlaceholderText(translate(C, "Any speaker (names, comma separated)"))
    labels = (
        translate(C, "Company"),
        translate(C, "From", "from period"),
        translate(C, "To", "to period"),
        translate(C, "Script"),
        translate(C, "Speaker"),
        translate(C, "Role"),
        translate(C, "Section"),
    )
    for label, text in zip(panel.grid_labels, labels, strict=True):
        label.setText(text)
    panel.view.setAccessibleName(translate(C, "Library search results"))
