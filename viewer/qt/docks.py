"""The window's docks: the speaker tree, then the figures panel and the hit list, which are
built when first needed (their docks exist from the start so a saved layout applies).

The reading pane is the point of the app, so it gets the space: each side's width is the
user's preferred width (dragged, or the default), capped by a share of the window's width
and kept within a minimum and a maximum (:func:`dock_width`). The caps follow the window,
so the docks give way when it shrinks and grow back when it grows."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QEvent, QObject, QRect, Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication, QMouseEvent
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QVBoxLayout, QWidget

from viewer.qt.i18n import translate
from viewer.qt.settings import Settings
from viewer.qt.widgets.speaker_panel import SpeakerPanel

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DockRule:
    minimum: int
    share: float  # of the window's width, at most
    maximum: int
    default: int  # the preferred width until the user drags a separator


SPEAKERS_RULE = DockRule(190, 0.24, 420, 300)
FIGURES_RULE = DockRule(220, 0.27, 560, 500)


def dock_cap(rule: DockRule, window_width: int) -> int:
    """The widest a dock may be in a window ``window_width`` pixels wide."""
    return max(rule.minimum, min(rule.maximum, round(rule.share * window_width)))


def dock_width(rule: DockRule, window_width: int, preferred: int) -> int:
    """The width a dock gets: the preferred width within the rule's bounds and cap."""
    return max(rule.minimum, min(preferred, dock_cap(rule, window_width)))


def placeholder(parent: QWidget, text: str) -> QLabel:
    """A centred, greyed notice standing in for a panel not built yet."""
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    label.setEnabled(False)
    label.setProperty("placeholder", True)
    label.setMinimumWidth(0)
    return label


class Docks(QObject):
    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.speaker_panel = SpeakerPanel(window)
        left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        self.speakers = self._dock("speakersDock", self.speaker_panel, left)
        self.figures = self._dock("metricsDock", placeholder(window, ""), right)
        self.hits = self._dock("hitsDock", placeholder(window, ""), right)
        window.tabifyDockWidget(self.figures, self.hits)
        self.figures.raise_()
        self.hits.hide()
        self.rules = {
            self.speakers: SPEAKERS_RULE,
            self.figures: FIGURES_RULE,
            self.hits: FIGURES_RULE,
        }
        self.preferred = {dock: rule.default for dock, rule in self.rules.items()}
        self._default_state = window.saveState()
        self._pressed_on_frame = False
        self._bar: QWidget | None = None
        self._holder: QDockWidget | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.fit)
        window.installEventFilter(self)
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

    def panel_action(self, dock: QDockWidget) -> QAction:
        """Show or hide ``dock`` (View menu, Ctrl+Shift+S/M/H). Showing brings it to the
        front; on a panel that is open behind another tab it brings it to the front rather
        than closing it (Qt's own toggle would close it)."""
        act = QAction(dock.windowTitle(), self.window)
        act.setCheckable(True)
        act.setChecked(not dock.isHidden())
        dock.toggleViewAction().toggled.connect(act.setChecked)

        def trigger(on: bool) -> None:
            behind = not dock.isHidden() and dock.visibleRegion().isEmpty()
            if on or behind:
                dock.show()
                dock.raise_()
                act.setChecked(True)
                self._timer.start(0)  # its width, if it was closed
            else:
                dock.hide()

        act.triggered.connect(trigger)
        return act

    @staticmethod
    def install(dock: QDockWidget, panel: QWidget, view: QWidget, export: QAction) -> None:
        """Put a panel built late in its dock (replacing the placeholder); its view's
        right-click menu offers Export like the other views."""
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        view.addAction(export)
        export_shown = getattr(panel, "export_shown", None)  # the figures panel's
        if export_shown is not None:
            export_shown.connect(export.trigger)
        old = dock.widget()
        dock.setWidget(panel)
        if old is not None:
            old.deleteLater()

    def bottom_bar(self, bar: QWidget) -> QDockWidget:
        """Put ``bar`` (the find bar) in a bare dock along the window's whole bottom edge:
        opening it never squeezes the side docks, and it comes and goes with ``bar``."""
        holder = QDockWidget(self.window)
        holder.setObjectName("findBarDock")
        holder.setTitleBarWidget(QWidget(holder))  # no title: it is a bar, not a panel
        holder.setFeatures(QDockWidget.DockWidgetFeature.NoDockWidgetFeatures)
        holder.toggleViewAction().setVisible(False)
        hidden = bar.isHidden()
        # In a box that is never hidden itself (a dock sizes a hidden widget as (-1, -1)).
        box = QWidget(holder)
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(bar)
        holder.setWidget(box)
        bar.setHidden(hidden)
        for corner in (Qt.Corner.BottomLeftCorner, Qt.Corner.BottomRightCorner):
            self.window.setCorner(corner, Qt.DockWidgetArea.BottomDockWidgetArea)
        self.window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, holder)
        self._bar, self._holder = bar, holder
        bar.installEventFilter(self)
        holder.setHidden(hidden)
        return holder

    # -- widths ----------------------------------------------------------------------------

    def fit(self) -> None:
        """Give each docked panel its width for the window's current width."""
        width = self.window.width()
        docks, widths = [], []
        for dock, rule in self.rules.items():
            dock.setMinimumWidth(rule.minimum)
            dock.setMaximumWidth(dock_cap(rule, width))
            if dock.isVisible() and not dock.isFloating():
                docks.append(dock)
                widths.append(dock_width(rule, width, self.preferred[dock]))
        if docks:
            self.window.resizeDocks(docks, widths, Qt.Orientation.Horizontal)

    def remember_widths(self) -> None:
        """The user moved a separator: the docks' widths now are the preferred ones."""
        for dock, rule in self.rules.items():
            if dock.isVisible() and not dock.isFloating():
                self.preferred[dock] = max(rule.minimum, min(rule.maximum, dock.width()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        shown = (QEvent.Type.ShowToParent, QEvent.Type.HideToParent)  # even while hidden
        if watched is self._bar and self._holder is not None and event.type() in shown:
            self._holder.setVisible(event.type() == QEvent.Type.ShowToParent)
        elif watched is self.window:
            kind = event.type()
            if kind == QEvent.Type.Show:
                # The first paint follows: the widths now, not one frame after it.
                layout = self.window.layout()
                if layout is not None:
                    layout.activate()
                self.fit()
            elif kind == QEvent.Type.Resize:
                self._timer.start(0)  # after the window's layout has taken the new size
            elif kind == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
                # A press on the window itself, not on a child: a dock separator.
                self._pressed_on_frame = self.window.childAt(event.position().toPoint()) is None
            elif kind == QEvent.Type.MouseButtonRelease and self._pressed_on_frame:
                self._pressed_on_frame = False
                self.remember_widths()
        return super().eventFilter(watched, event)

    def reset(self) -> None:
        """View > Reset layout: the default docks, places and widths."""
        self.window.restoreState(self._default_state)
        self.preferred = {dock: rule.default for dock, rule in self.rules.items()}
        self.figures.show()
        self.speakers.show()
        self.figures.raise_()
        self.fit()

    # -- saved state -----------------------------------------------------------------------

    def restore(self, settings: Settings) -> None:
        """The saved geometry and dock layout; defaults when absent or unreadable. A saved
        window larger than the screen is fitted to it, and the docks get their rules' widths
        (a layout squeezed on another screen does not come back as it was)."""
        window = self.window
        geo = settings.window_state("geometry")
        if geo is not None and not window.restoreGeometry(geo):
            log.info("ignoring invalid saved geometry")
        self._fit_screen()
        state = settings.window_state("state")
        if state is not None and not window.restoreState(state):
            log.info("ignoring invalid saved dock state")
        widths = settings.window_state("dockWidths")
        if widths is not None:
            self._read_widths(bytes(widths.data()).decode("ascii", "replace"))
        if self.figures.isVisible() or not self.figures.isHidden():
            self.figures.raise_()  # the empty hit list is never in front after a restart
        if self._holder is not None and self._bar is not None:
            self._holder.setVisible(not self._bar.isHidden())
        self.fit()

    def _read_widths(self, text: str) -> None:
        for dock, part in zip((self.speakers, self.figures), text.split(","), strict=False):
            if part.strip().isdigit():
                rule = self.rules[dock]
                self.preferred[dock] = max(rule.minimum, min(rule.maximum, int(part)))
        self.preferred[self.hits] = self.preferred[self.figures]

    def _fit_screen(self) -> None:
        screen = self.window.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return
        room: QRect = screen.availableGeometry()
        if self.window.width() > room.width() or self.window.height() > room.height():
            self.window.resize(
                min(self.window.width(), room.width()), min(self.window.height(), room.height())
            )

    def save(self, settings: Settings) -> None:
        settings.set_window_state("geometry", self.window.saveGeometry())
        settings.set_window_state("state", self.window.saveState())
        text = f"{self.preferred[self.speakers]},{self.preferred[self.figures]}"
        settings.set_window_state("dockWidths", QByteArray(text.encode("ascii")))
