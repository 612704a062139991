"""Light and dark palettes on the Fusion style; "system" follows the platform's scheme."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from viewer.qt import colours as c


def system_is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return bool(hints.colorScheme() == Qt.ColorScheme.Dark)


def dark_palette() -> QPalette:
    p = QPalette()
    bg, base, text = QColor(c.DARK_WINDOW), QColor(c.DARK_BASE), QColor(c.DARK_TEXT)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        p.setColor(group, QPalette.ColorRole.Window, bg)
        p.setColor(group, QPalette.ColorRole.WindowText, text)
        p.setColor(group, QPalette.ColorRole.Base, base)
        p.setColor(group, QPalette.ColorRole.AlternateBase, bg)
        p.setColor(group, QPalette.ColorRole.Text, text)
        p.setColor(group, QPalette.ColorRole.Button, QColor(c.DARK_BUTTON))
        p.setColor(group, QPalette.ColorRole.ButtonText, text)
        p.setColor(group, QPalette.ColorRole.ToolTipBase, QColor(c.DARK_BUTTON))
        p.setColor(group, QPalette.ColorRole.ToolTipText, text)
        p.setColor(group, QPalette.ColorRole.Highlight, QColor(c.DARK_HIGHLIGHT))
        p.setColor(group, QPalette.ColorRole.HighlightedText, QColor(c.DARK_HIGHLIGHTED_TEXT))
        p.setColor(group, QPalette.ColorRole.PlaceholderText, QColor(c.DARK_PLACEHOLDER))
        p.setColor(group, QPalette.ColorRole.Link, QColor(c.DARK_LINK))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor(c.DARK_DISABLED))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, QColor(c.DARK_DISABLED))
    return p


def apply_theme(theme: str) -> bool:
    """Apply ``system``, ``light`` or ``dark``; return whether the result is dark."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.setStyle("Fusion")
    dark = system_is_dark() if theme == "system" else theme == "dark"
    app.setPalette(dark_palette() if dark else app.style().standardPalette())
    return dark
