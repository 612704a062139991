"""Every colour the app paints with, light and dark, on the Fusion style; "system" follows the
platform's scheme.

One place for colours: :data:`LIGHT` and :data:`DARK` hold them by meaning (``secondary_text``,
``speaker_company``, ``mark_figure_bg``, ...), :func:`colours` picks one set, and
:func:`palette` turns a set into the ``QPalette`` the widgets use. :data:`CONTRAST_PAIRS`
lists every foreground the app draws on every background it draws it on, with the WCAG 2.x
minimum (4.5:1 for text, 3:1 for the edges of controls and marks); ``tests/qt/test_theme.py``
checks them all in both themes, that no colour is left out of the pairs, and that no file of
``viewer/qt`` but this one spells a colour.

Widgets, delegates and models ask for the active set when they paint or answer, never keep
one: ``active().speaker(role)``, ``active().mark_bg(kind)`` with ``mark_text`` on top and
``mark_edge(kind)`` around, ``active().badge_bg(figures)`` with ``badge_text`` on top. A
widget whose colours live in a style sheet calls :func:`follow` once; :func:`apply_theme`
(View > Theme, and the system's scheme when the theme is "system") re-runs it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from viewer.qt.contrast_style import ContrastStyle

TEXT_MINIMUM = 4.5  # WCAG 2.x 1.4.3 (AA), normal-size text
CONTROL_MINIMUM = 3.0  # WCAG 2.x 1.4.11, the visual boundary of a control or a mark


@dataclass(frozen=True)
class Colours:
    """The colours of one theme, as ``#rrggbb`` strings, named by what they are for."""

    # Surfaces.
    window: str
    base: str  # reading pane, lists, tables, text fields, the sticky header
    alternate_base: str
    button: str
    tooltip_base: str
    section_band: str  # "Prepared remarks" / "Q&A" rows of the reading pane
    selection: str  # selected rows of the reading pane, opaque (their text stays as it is)
    highlight: str  # selection in lists and menus (text becomes ``highlighted_text``)
    # Text.
    text: str
    secondary_text: str  # speaker titles, paragraph numbers, times, placeholders, hit headers
    interleaved_zh: str  # the Chinese under the English in the interleaved mode
    highlighted_text: str
    link: str
    error_text: str  # "translation missing", an invalid regex, no Chinese font
    warning_text: str  # machine-translation notice
    check_mismatch: str  # figures table: a figure differs in the Chinese
    check_missing: str  # figures table: a figure is missing in the Chinese
    # Speakers (names in the reading pane and the speaker tree, the talk-share bars).
    speaker_company: str
    speaker_analyst: str
    speaker_operator: str
    # Marks inside paragraph text (and library hits): ``mark_text`` on the fill, a 1 px edge
    # around it that stands out from the row (a pale fill alone is 1.3:1 on white).
    mark_search_bg: str
    mark_current_bg: str
    mark_figure_bg: str
    mark_text: str
    mark_search_edge: str
    mark_current_edge: str
    mark_figure_edge: str
    # Paragraph badges: "!" a figure is wrong or missing, "i" only a name differs.
    badge_figures_bg: str
    badge_name_bg: str
    badge_text: str
    # Library comparison: how a reported figure compares with its guidance (table cells with
    # ``verdict_text`` on them, and the points of the metric chart).
    verdict_above_bg: str
    verdict_within_bg: str
    verdict_below_bg: str
    verdict_pending_bg: str
    verdict_text: str
    # The edge of check boxes, radio buttons and fields (Fusion draws them too faint in dark).
    control_edge: str
    # The frame of the reading pane's current row, on ``base`` or on ``selection``.
    focus_edge: str
    # Disabled controls: exempt from the minimum (WCAG 1.4.3), and meant to look faint.
    disabled_text: str

    def speaker(self, role: str) -> str:
        """The colour of a speaker of ``role`` (``company``, ``analyst``, ``operator``)."""
        return {
            "company": self.speaker_company,
            "analyst": self.speaker_analyst,
            "operator": self.speaker_operator,
        }.get(role, self.secondary_text)

    def mark_bg(self, kind: str) -> str:
        """The fill of a text mark of ``kind`` (``search``, ``current``, ``figure``)."""
        return {
            "current": self.mark_current_bg,
            "figure": self.mark_figure_bg,
        }.get(kind, self.mark_search_bg)

    def mark_edge(self, kind: str) -> str:
        """The 1 px edge around a text mark of ``kind``."""
        return {
            "current": self.mark_current_edge,
            "figure": self.mark_figure_edge,
        }.get(kind, self.mark_search_edge)

    def badge_bg(self, figures: bool) -> str:
        """The badge disc: red when figures differ, amber when only a name does."""
        return self.badge_figures_bg if figures else self.badge_name_bg

    def verdict_bg(self, verdict: str) -> str:
        """The cell of a comparison verdict (``above``, ``within``, ``below``, ``pending``)."""
        return {
            "above": self.verdict_above_bg,
            "within": self.verdict_within_bg,
            "below": self.verdict_below_bg,
        }.get(verdict, self.verdict_pending_bg)


LIGHT = Colours(
    window="#efefef",
    base="#ffffff",
    alternate_base="#f5f5f5",
    button="#efefef",
    tooltip_base="#ffffdc",
    section_band="#e6ecf5",
    selection="#d6e6ff",
    highlight="#2f65ca",
    text="#1a1a1a",
    secondary_text="#595959",  # was #7f7f7f (3.9:1 on white)
    interleaved_zh="#474747",
    highlighted_text="#ffffff",
    link="#1a56c4",
    error_text="#b3261e",
    warning_text="#8a4500",
    check_mismatch="#b3261e",
    check_missing="#8a4f00",
    speaker_company="#1f5bc4",
    speaker_analyst="#a14b00",  # was #e0822a (2.6:1 on white)
    speaker_operator="#5c6068",
    mark_search_bg="#ffe48a",
    mark_current_bg="#ffb366",
    mark_figure_bg="#b5e6bd",
    mark_text="#111111",
    mark_search_edge="#9a7400",
    mark_current_edge="#b35900",
    mark_figure_edge="#2e7d3e",
    badge_figures_bg="#b3261e",
    badge_name_bg="#8a5300",
    badge_text="#ffffff",
    verdict_above_bg="#1e7e34",
    verdict_within_bg="#2f6fb0",
    verdict_below_bg="#b02a37",
    verdict_pending_bg="#5f6670",  # was #8a8f98 (3.3:1 under white)
    verdict_text="#ffffff",
    control_edge="#767676",
    focus_edge="#2f65ca",
    disabled_text="#a0a0a0",
)

DARK = Colours(
    window="#1f2329",
    base="#16191d",
    alternate_base="#1c2025",
    button="#2a2f36",
    tooltip_base="#2a2f36",
    section_band="#2b3a55",
    selection="#253a57",
    highlight="#3a6fc4",
    text="#e6e6e6",
    secondary_text="#adb3bb",
    interleaved_zh="#b8bec6",
    highlighted_text="#ffffff",
    link="#8ab8ff",
    error_text="#ff9a90",
    warning_text="#f0b35c",
    check_mismatch="#ff9a90",
    check_missing="#f0b35c",
    speaker_company="#8ab8ff",  # was #2f6fdf (3.7:1 on near-black)
    speaker_analyst="#f0a35c",
    speaker_operator="#aeb4bc",
    # Dark marks keep ``mark_text`` light: white on light green was 1.6:1.
    mark_search_bg="#6b5400",
    mark_current_bg="#8a4200",
    mark_figure_bg="#1f5c2e",
    mark_text="#ffffff",
    mark_search_edge="#e0c050",
    mark_current_edge="#ff9d3b",
    mark_figure_edge="#5cc274",
    # Light discs with dark text: the light theme's #b3261e disc was 2.7:1 on near-black.
    badge_figures_bg="#ff8a80",
    badge_name_bg="#f0b35c",
    badge_text="#16191d",
    # Light cells with dark text: the light theme's cells are 2.4-3:1 as chart points here.
    verdict_above_bg="#5cc274",
    verdict_within_bg="#6f9ee6",
    verdict_below_bg="#ff8a80",
    verdict_pending_bg="#aeb4bc",
    verdict_text="#16191d",
    control_edge="#8b929b",  # was Fusion's window.darker(140): invisible on the base colour
    focus_edge="#6f9ee6",  # ``highlight`` is 2.3:1 on ``selection``
    disabled_text="#6b7078",
)

# Where the reading pane, lists and tables draw text: every row, and a selected row.
_ROWS = ("base", "alternate_base", "selection", "window")

# (foreground, background, minimum ratio): every pair the app draws. Reading-pane rows draw on
# ``base`` and, when selected, on ``selection``; docks and dialogs on ``window``.
CONTRAST_PAIRS: tuple[tuple[str, str, float], ...] = (
    *(
        (fg, bg, TEXT_MINIMUM)
        for fg in (
            "text",
            "secondary_text",
            "interleaved_zh",
            "error_text",
            "check_mismatch",
            "check_missing",
            "speaker_company",
            "speaker_analyst",
            "speaker_operator",
        )
        for bg in _ROWS
    ),
    ("text", "section_band", TEXT_MINIMUM),
    ("secondary_text", "section_band", TEXT_MINIMUM),
    ("text", "button", TEXT_MINIMUM),
    ("text", "tooltip_base", TEXT_MINIMUM),
    ("secondary_text", "button", TEXT_MINIMUM),
    ("link", "base", TEXT_MINIMUM),
    ("link", "window", TEXT_MINIMUM),
    ("warning_text", "window", TEXT_MINIMUM),
    ("warning_text", "base", TEXT_MINIMUM),
    ("highlighted_text", "highlight", TEXT_MINIMUM),
    ("mark_text", "mark_search_bg", TEXT_MINIMUM),
    ("mark_text", "mark_current_bg", TEXT_MINIMUM),
    ("mark_text", "mark_figure_bg", TEXT_MINIMUM),
    ("badge_text", "badge_figures_bg", TEXT_MINIMUM),
    ("badge_text", "badge_name_bg", TEXT_MINIMUM),
    *(
        ("verdict_text", f"verdict_{v}_bg", TEXT_MINIMUM)
        for v in ("above", "within", "below", "pending")
    ),
    # Edges of controls and marks, and the badge discs, on the rows they sit in.
    *(
        (fg, bg, CONTROL_MINIMUM)
        for fg in (
            "mark_search_edge",
            "mark_current_edge",
            "mark_figure_edge",
            "badge_figures_bg",
            "badge_name_bg",
            "focus_edge",
        )
        for bg in ("base", "selection")
    ),
    *(
        (f"verdict_{v}_bg", bg, CONTROL_MINIMUM)
        for v in ("above", "within", "below", "pending")
        for bg in ("window", "base")
    ),
    ("control_edge", "base", CONTROL_MINIMUM),
    ("control_edge", "window", CONTROL_MINIMUM),
    ("control_edge", "button", CONTROL_MINIMUM),
    ("highlight", "base", CONTROL_MINIMUM),  # selected rows of lists and tables
)
# Colours in no pair, and why.
EXEMPT = {"disabled_text": "WCAG 1.4.3 exempts inactive controls; they are meant to look faint"}


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: str) -> float:
    """WCAG 2.x relative luminance of an opaque ``#rrggbb`` colour, 0 (black) to 1 (white)."""
    if len(colour) != 7 or colour[0] != "#":
        raise ValueError(f"not an opaque #rrggbb colour: {colour!r}")
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast_ratio(a: str, b: str) -> float:
    """WCAG 2.x contrast ratio of two opaque colours, 1 to 21 (order does not matter)."""
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def colours(dark: bool) -> Colours:
    """The colour set of the dark or the light theme."""
    return DARK if dark else LIGHT


def palette(c: Colours) -> QPalette:
    """The Qt palette of a colour set (Fusion reads every role set here)."""
    p = QPalette()
    roles = {
        QPalette.ColorRole.Window: c.window,
        QPalette.ColorRole.WindowText: c.text,
        QPalette.ColorRole.Base: c.base,
        QPalette.ColorRole.AlternateBase: c.alternate_base,
        QPalette.ColorRole.Text: c.text,
        QPalette.ColorRole.Button: c.button,
        QPalette.ColorRole.ButtonText: c.text,
        QPalette.ColorRole.BrightText: c.error_text,
        QPalette.ColorRole.ToolTipBase: c.tooltip_base,
        QPalette.ColorRole.ToolTipText: c.text,
        QPalette.ColorRole.Highlight: c.highlight,
        QPalette.ColorRole.HighlightedText: c.highlighted_text,
        QPalette.ColorRole.PlaceholderText: c.secondary_text,
        QPalette.ColorRole.Link: c.link,
        QPalette.ColorRole.LinkVisited: c.link,
        QPalette.ColorRole.Accent: c.highlight,
    }
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        for role, value in roles.items():
            p.setColor(group, role, QColor(value))
    for role, value in roles.items():
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor(value))
    # Disabled controls are exempt from the minimum (WCAG 1.4.3), but must look disabled.
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.ButtonText,
    ):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor(c.disabled_text))
    # Fusion derives the edges of controls from these two.
    p.setColor(QPalette.ColorRole.Mid, QColor(c.control_edge))
    p.setColor(QPalette.ColorRole.Dark, QColor(c.control_edge))
    return p


def system_is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return bool(hints.colorScheme() == Qt.ColorScheme.Dark)


def colours_for(pal: QPalette) -> Colours:
    """The colour set of the theme ``pal`` shows: dark when its window colour is dark."""
    return colours(relative_luminance(pal.color(QPalette.ColorRole.Window).name()) < 0.2)


def active() -> Colours:
    """The colour set of the application's theme, as it is now (ask when painting)."""
    return colours_for(QGuiApplication.palette())


class _Notifier(QObject):
    changed = Signal()


@cache
def _notifier() -> _Notifier:
    return _Notifier()


class _Follower(QObject):
    """Lives as a child of the widget it restyles: the connection goes when the widget does."""

    def __init__(self, widget: QWidget, restyle: Callable[[Colours], None]) -> None:
        super().__init__(widget)
        self._restyle = restyle
        _notifier().changed.connect(self.refresh)

    def refresh(self) -> None:
        self._restyle(active())


def follow(widget: QWidget, restyle: Callable[[Colours], None]) -> None:
    """Call ``restyle(active())`` now and after every theme change while ``widget`` lives: for
    colours a palette cannot carry (style sheets). Painted colours ask :func:`active`."""
    _Follower(widget, restyle).refresh()


def error_style(c: Colours) -> str:
    """Style sheet of an error label."""
    return f"color: {c.error_text};"


def field_error_style(c: Colours) -> str:
    """Style sheet of a text field whose content is in error (an invalid regex)."""
    return f"QLineEdit {{ border: 1px solid {c.error_text}; }}"


def apply_theme(theme: str) -> bool:
    """Apply ``system``, ``light`` or ``dark``; return whether the result is dark."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    dark = system_is_dark() if theme == "system" else theme == "dark"
    if not isinstance(app.style(), ContrastStyle):
        app.setStyle(ContrastStyle())
    app.setPalette(palette(colours(dark)))
    _notifier().changed.emit()
    return dark
