"""Small builders for a widget's own actions and the tool buttons that show them."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QCheckBox, QToolButton, QWidget


def command(
    owner: QWidget, text: str, slot: Callable[[], object], shortcut: str | QKeySequence.StandardKey
) -> QAction:
    """An action of ``owner`` (its shortcut works while ``owner`` is in the window)."""
    act = QAction(text, owner)
    act.setShortcut(QKeySequence(shortcut))
    act.triggered.connect(lambda _=False: slot())
    owner.addAction(act)
    return act


def toggle(
    owner: QWidget,
    short: str,
    text: str,
    shortcut: str,
    on_toggled: Callable[[], object],
    context: Qt.ShortcutContext,
) -> QAction:
    """A checkable action shown as ``short`` on a tool button, its shortcut in the tip."""
    act = QAction(text, owner)
    act.setIconText(short)
    act.setCheckable(True)
    act.setShortcut(QKeySequence(shortcut))
    act.setShortcutContext(context)
    act.setToolTip(f"{text.replace('&', '')} ({shortcut})")
    act.toggled.connect(lambda _: on_toggled())
    owner.addAction(act)
    return act


def tool_button(owner: QWidget, act: QAction, text: str | None = None) -> QToolButton:
    button = QToolButton(owner)
    button.setDefaultAction(act)
    button.setAutoRaise(True)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    if text:
        button.setText(text)
    return button


def check_box(owner: QWidget, act: QAction, text: str) -> QCheckBox:
    """A check box showing the checkable ``act`` (both follow each other)."""
    box = QCheckBox(text, owner)
    box.setToolTip(act.toolTip())
    act.changed.connect(lambda: box.setToolTip(act.toolTip()))  # retranslated with the action
    box.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    box.setChecked(act.isChecked())
    box.toggled.connect(act.setChecked)
    act.toggled.connect(box.setChecked)
    return box
