"""The find bar's fixed texts, re-set when the interface language changes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP

from viewer.qt.i18n import translate

if TYPE_CHECKING:
    from viewer.qt.widgets.find_bar import FindBar

SCOPES = (
    ("both", QT_TRANSLATE_NOOP("FindBar", "Both languages")),
    ("en", QT_TRANSLATE_NOOP("FindBar", "English")),
    ("zh", QT_TRANSLATE_NOOP("FindBar", "Chinese")),
)
WRAP_FORWARD = QT_TRANSLATE_NOOP("FindBar", "Reached the end: continued from the top")
WRAP_BACKWARD = QT_TRANSLATE_NOOP("FindBar", "Reached the top: continued from the end")


def retranslate(bar: FindBar) -> None:
    """The find bar's fixed texts in the interface language (on ``LanguageChange``)."""
    bar.field.setPlaceholderText(translate("FindBar", "Find in English and Chinese"))
    bar.field.setAccessibleName(translate("FindBar", "Find"))
    for i, (_, label) in enumerate(SCOPES):
        bar.scope.setItemText(i, translate("FindBar", label))
    bar.scope.setToolTip(
        translate("FindBar", "Search both languages, English only or Chinese only (Alt+L)")
    )
    bar.scope.setAccessibleName(translate("FindBar", "Languages to search"))
    bar.close_button.setToolTip(translate("FindBar", "Close the find bar (Esc)"))
    bar.close_button.setAccessibleName(translate("FindBar", "Close the find bar"))
    if bar.counter.text():
        bar._show_counter()
