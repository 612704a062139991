"""Every colour the viewer names, in one place (the dark palette, speaker roles, badges,
highlights, notices). Widgets take colours from here, never spell them."""

from __future__ import annotations

ROLE_COLOURS = {"operator": "#8a8f98", "company": "#2f6fdf", "analyst": "#e0822a"}
ROLE_FALLBACK = "#888888"
BADGE_COLOURS = {True: "#e5534b", False: "#d4930d"}  # figures wrong / a name only
BADGE_TEXT = "#ffffff"
HIGHLIGHT_COLOURS = {"search": "#ffe48a", "current": "#ff9d3b", "figure": "#9fdcaa"}
HIGHLIGHT_TEXT = "#111111"  # on the light highlight colours, in both themes
ERROR = "#c0392b"  # error text, the missing-translation note, an invalid query's border
NOTICE = "#b35900"  # the machine-translation notice
SECTION_BAND = {False: "#e6ecf5", True: "#2b3a55"}  # by dark
SELECTION = {False: "#d6e6ff", True: "#2d4566"}  # by dark: a soft tint keeps text readable

# The dark palette (the light one is the style's own).
DARK_WINDOW = "#1f2329"
DARK_BASE = "#16191d"
DARK_TEXT = "#e6e6e6"
DARK_BUTTON = "#2a2f36"
DARK_HIGHLIGHT = "#3d7bd9"
DARK_HIGHLIGHTED_TEXT = "#ffffff"
DARK_PLACEHOLDER = "#9aa0a6"
DARK_LINK = "#7fb0ff"
DARK_DISABLED = "#6b7078"


def error_style() -> str:
    """Style sheet of an error label."""
    return f"color: {ERROR};"
