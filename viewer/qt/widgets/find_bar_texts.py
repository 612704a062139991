"""The find bar's fixed texts, re-set when the interface language changes."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QToolButton

from viewer.qt.i18n import QT_TRANSLATE_NOOP, translate

SCOPES = (
    ("both", QT_TRANSLATE_NOOP("FindBar", "Both languages")),
    ("en", QT_TRANSLATE_NOOP("FindBar", "English")),
    ("zh", QT_TRANSLATE_NOOP("FindBar", "Chinese")),
)
WRAP_FORWARD = QT_TRANSLATE_NOOP("FindBar", "Reached the end: continued from the top")
WRAP_BACKWARD = QT_TRANSLATE_NOOP("FindBar", "Reached the top: continued from the end")


def retranslate(field: QLineEdit, scope: QComboBox, close: QToolButton) -> None:
    """The find bar's fixed texts in the interface language (on ``LanguageChange``)."""
    field.setPlaceholderText(translate("FindBar", "Find in both languages"))
    field.setAccessibleName(translate("FindBar", "Find"))
    for i, (_, label) in enumerate(SCOPES):
        scope.setItemText(i, translate("FindBar", label))
    scope.setToolTip(
        translate("FindBar", "Search both languages, English only or Chinese only (Alt+L)")
    )
    scope.setAccessibleName(translate("FindBar", "Languages to search"))
    close.setToolTip(translate("FindBar", "Close the find bar (Esc)"))
    close.setAccessibleName(translate("FindBar", "Close the find bar"))


TOO_SLOW = QT_TRANSLATE_NOOP(
    "FindBar",
    "Stopped: this regular expression is too slow on this text (over %1 s). "
    "Simplify it, e.g. avoid nested repeats such as (a+)+",
)


def too_slow(budget: float) -> str:
    """The find bar's message for a regular expression stopped past its time budget."""
    return translate("FindBar", TOO_SLOW).replace("%1", f"{budget:g}")
