"""The speaker tree against the active document: its model in, activations out."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from viewer.qt.document_view import DocumentView
from viewer.qt.i18n import translate
from viewer.qt.widgets.speaker_panel import SpeakerPanel


class SpeakersController(QObject):
    """Signals: ``message(str)`` for the status bar."""

    message = Signal(str)

    def __init__(self, panel: SpeakerPanel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.panel = panel
        self._view: DocumentView | None = None
        panel.turn_activated.connect(self._on_turn_activated)
        panel.speaker_activated.connect(self._on_speaker_activated)
        panel.sections_changed.connect(self._on_sections_changed)

    def watch(self, view: DocumentView) -> None:
        """Follow ``view``'s selection (the tree selects the current turn) while active."""
        view.pane.paragraph_selection_changed.connect(lambda: self._on_selection_changed(view))
        view.pane.moved.connect(lambda turn: self._on_moved(view, turn))

    def set_view(self, view: DocumentView | None) -> None:
        self._view = view
        if view is None:
            self.panel.set_model(None, frozenset())
        else:
            self.panel.set_model(view.speaker_model, view.proxy.hidden_sections)

    def _on_selection_changed(self, view: DocumentView) -> None:
        turn = view.current_turn()
        if view is self._view and turn >= 0:
            self.panel.select_turn(turn)

    def _on_moved(self, view: DocumentView, turn: int) -> None:
        # A jump only reaches rows the filters show, so the tree never selects a hidden turn.
        if view is self._view and turn >= 0:
            self.panel.select_turn(turn)

    def _on_turn_activated(self, turn: int) -> None:
        if self._view is not None and not self._view.go_to_turn(turn):
            self.message.emit(
                translate("SpeakersController", "That turn is hidden by the current filters")
            )

    def _on_speaker_activated(self, speaker_id: str) -> None:
        if self._view is not None:
            self._view.go_to_speaker(speaker_id)

    def _on_sections_changed(self, hidden: frozenset[str]) -> None:
        if self._view is not None:
            self._view.document.set_hidden_sections(hidden)
