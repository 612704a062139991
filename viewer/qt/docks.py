"""The window's docks: the speaker tree, then the figures panel and the hit list, which are
built when first needed (their docks exist from the start so a saved layout applies)."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QWidget

from viewer.qt.i18n import translate
from viewer.qt.settings import Settings
from viewer.qt.widgets.speaker_panel import SpeakerPanel

log = logging.getLogger(__name__)
DEFAULT_WIDTHS = (320, 450)  # the speaker and figures docks, without a saved layout


def placeholder(parent: QWidget, text: str) -> QLabel:
    """A centred, greyed notice standing in for a panel not built yet."""
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    label.setEnabled(False)
    label.setProperty("placeholder", True)
    return label


class Docks:
    def __init__(self, window: QMainWindow) -> None:
        self.window = window
        self.speaker_panel = SpeakerPanel(window)
        left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        self.speakers = self._dock("speakersDock", self.speaker_panel, left)
        self.figures = self._dock("metricsDock", placeholder(window, ""), right)
        self.hits = self._dock("hitsDock", placeholder(window, ""), right)
        window.tabifyDockWidget(self.figures, self.hits)
        self.figures.raise_()
        self.hits.hide()
        self.retranslate()

    def retranslate(self) -> None:
        """Dock titles and the notices of panels not built yet, in the interface language
        (the window calls it on ``LanguageChange``; built panels retranslate themselves)."""
        self.speakers.setWindowTitle(translate("Docks", "Speakers"))
        self.figures.setWindowTitle(translate("Docks", "Figures and statistics"))
        self.hits.setWindowTitle(translate("Docks", "Search hits"))
        notices = (
            (self.figures, translate("Docks", "Figures appear once the transcript is analysed.")),
            (self.hits, translate("Docks", "Press Ctrl+F to search.")),
        )
        for dock, notice in notices:
            widget = dock.widget()
            if isinstance(widget, QLabel) and widget.property("placeholder"):
                widget.setText(notice)
                widget.setAccessibleName(notice)

    def _dock(self, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(self.window)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.window.addDockWidget(area, dock)
        return dock

    @staticmethod
    def install(dock: QDockWidget, panel: QWidget, view: QWidget, export: QAction) -> None:
        """Put a panel built late in its dock (replacing the placeholder); its view's
        right-click menu offers Export like the other views."""
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        view.addAction(export)
        old = dock.widget()
        dock.setWidget(panel)
        if old is not None:
            old.deleteLater()

    def restore(self, settings: Settings) -> None:
        """The saved geometry and dock layout; defaults when absent or unreadable."""
        window = self.window
        geo = settings.window_state("geometry")
        if geo is not None and not window.restoreGeometry(geo):
            log.info("ignoring invalid saved geometry")
        state = settings.window_state("state")
        if state is None or not window.restoreState(state):
            if state is not None:
                log.info("ignoring invalid saved dock state")
            window.resizeDocks(
                [self.speakers, self.figures], list(DEFAULT_WIDTHS), Qt.Orientation.Horizontal
            )

    def save(self, settings: Settings) -> None:
        settings.set_window_state("geometry", self.window.saveGeometry())
        settings.set_window_state("state", self.window.saveState())
