"""The library search panel's fixed strings (labels, combo entries, accessible names), set
when it is built and again when the interface language changes. Context
``LibrarySearchPanel``: the panel's own ``tr()`` strings share it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

import viewer.qt.library.search_widgets as sw
from viewer.qt.labels import role_name, section_name, strip_mnemonic

translate = QCoreApplication.translate


def retranslate_panel(panel: Any) -> None:
    """Set ``panel``'s (a ``LibrarySearchPanel``) fixed strings in the interface language."""
    panel.field.setAccessibleName(translate("LibrarySearchPanel", "Search the library"))
    panel.field.setPlaceholderText(
        translate("LibrarySearchPanel", "Search every call, in English and 中文")
    )
    for act, text, key in (
        (panel.act_case, translate("LibrarySearchPanel", "Match &case"), "Alt+C"),
        (
            panel.act_word,
            translate("LibrarySearchPanel", "&Whole words (Latin text only)"),
            "Alt+W",
        ),
        (panel.act_regex, translate("LibrarySearchPanel", "&Regular expression"), "Alt+R"),
    ):
        act.setText(text)
        act.setToolTip(f"{strip_mnemonic(text)} ({key})")
    for button in panel.option_buttons:
        button.setAccessibleName(strip_mnemonic(button.defaultAction().text()))
    any_period = translate("LibrarySearchPanel", "Any", "any period")
    for combo, name, texts in (
        (
            panel.scope,
            translate("LibrarySearchPanel", "Language searched"),
            (
                translate("LibrarySearchPanel", "Both languages"),
                translate("LibrarySearchPanel", "English"),
                translate("LibrarySearchPanel", "Chinese"),
            ),
        ),
        (
            panel.company,
            translate("LibrarySearchPanel", "Company"),
            (translate("LibrarySearchPanel", "All companies"),),
        ),
        (panel.period_from, translate("LibrarySearchPanel", "From period"), (any_period,)),
        (panel.period_to, translate("LibrarySearchPanel", "To period"), (any_period,)),
        (
            panel.role,
            translate("LibrarySearchPanel", "Role"),
            (
                translate("LibrarySearchPanel", "Any role"),
                *map(role_name, ("company", "analyst", "operator")),
            ),
        ),
        (
            panel.section,
            translate("LibrarySearchPanel", "Section"),
            (
                translate("LibrarySearchPanel", "Any section"),
                section_name("prepared"),
                section_name("qa"),
            ),
        ),
        (
            panel.script,
            translate("LibrarySearchPanel", "Chinese script"),
            (
                translate("LibrarySearchPanel", "Any script"),
                translate("LibrarySearchPanel", "Traditional"),
                translate("LibrarySearchPanel", "Simplified"),
            ),
        ),
    ):
        sw.set_texts(combo, name, texts)
    for combo in (panel.period_from, panel.period_to):
        sw.relabel_periods(combo)
    panel.export_button.setText(translate("LibrarySearchPanel", "Export CSV…"))
    panel.export_button.setAccessibleName(
        translate("LibrarySearchPanel", "Export the results to CSV")
    )
    panel.speaker.setAccessibleName(translate("LibrarySearchPanel", "Speaker names"))
    panel.speaker.setPlaceholderText(
        translate("LibrarySearchPanel", "Any speaker (names, comma separated)")
    )
    labels = (
        translate("LibrarySearchPanel", "Company"),
        translate("LibrarySearchPanel", "From", "from period"),
        translate("LibrarySearchPanel", "To", "to period"),
        translate("LibrarySearchPanel", "Script"),
        translate("LibrarySearchPanel", "Speaker"),
        translate("LibrarySearchPanel", "Role"),
        translate("LibrarySearchPanel", "Section"),
    )
    for label, text in zip(panel.grid_labels, labels, strict=True):
        label.setText(text)
    panel.view.setAccessibleName(translate("LibrarySearchPanel", "Library search results"))
