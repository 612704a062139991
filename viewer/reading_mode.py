"""The reading modes of the pane: one definition for the window, its settings and the CLI.

Outside ``viewer.qt`` so the headless CLI can name them without importing Qt.
"""

from __future__ import annotations

from enum import StrEnum


class Mode(StrEnum):
    """How a paragraph's English and Chinese are laid out; the value is the CLI spelling."""

    SIDE_BY_SIDE = "side-by-side"
    INTERLEAVED = "interleaved"
    EN = "en"
    ZH = "zh"
