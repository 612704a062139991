"""viewer.qt.theme: every text colour at least 4.5:1 (WCAG AA), control edges 3:1, both themes."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import fields
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPalette, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QLabel,
    QStyle,
    QStyleOptionButton,
    QTreeView,
)

from tests.qt.conftest import load
from viewer.qt import theme
from viewer.qt.models.paragraph_table_model import Highlight
from viewer.qt.models.roles import Roles, RowKind
from viewer.qt.widgets.find_bar import FindBar
from viewer.qt.widgets.summary_panel import SummaryPanel

THEMES = {"light": theme.LIGHT, "dark": theme.DARK}
hex_colour = st.integers(0, 0xFFFFFF).map(lambda v: f"#{v:06x}")


def test_contrast_ratio_matches_the_wcag_reference_values() -> None:
    assert theme.contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert theme.contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)
    # WebAIM's checker: #767676 on white is the lightest grey that passes AA, at 4.54:1;
    # the old interleaved-Chinese grey #7f7f7f is 4.0:1.
    assert theme.contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    assert theme.contrast_ratio("#ffffff", "#7f7f7f") == pytest.approx(4.0, abs=0.01)
    with pytest.raises(ValueError):
        theme.relative_luminance("#fff")


@given(hex_colour, hex_colour)
def test_contrast_ratio_is_symmetric_and_bounded(a: str, b: str) -> None:
    r = theme.contrast_ratio(a, b)
    assert r == theme.contrast_ratio(b, a)
    assert 1.0 <= r <= 21.0 + 1e-9


@pytest.mark.parametrize("name", THEMES)
@pytest.mark.parametrize(("fg", "bg", "minimum"), theme.CONTRAST_PAIRS)
def test_every_pair_the_palette_defines_meets_its_minimum(
    name: str, fg: str, bg: str, minimum: float
) -> None:
    c = THEMES[name]
    ratio = theme.contrast_ratio(getattr(c, fg), getattr(c, bg))
    assert ratio >= minimum, f"{name}: {fg} {getattr(c, fg)} on {bg} {getattr(c, bg)} = {ratio:.2f}"


def test_every_colour_is_in_a_pair_or_exempt_with_a_reason() -> None:
    paired = {n for fg, bg, _ in theme.CONTRAST_PAIRS for n in (fg, bg)}
    names = set([f.name for f in fields(theme.Colours)])
    assert paired <= names
    assert names - paired == set(theme.EXEMPT)
    assert all(theme.EXEMPT.values())


def test_issue_13_colours_are_fixed() -> None:
    # The four pairs the issue names: interleaved Chinese on white, dark-mode check boxes,
    # figure marks in dark mode, company names on near-black.
    assert theme.contrast_ratio(theme.LIGHT.secondary_text, "#ffffff") >= 4.5
    assert theme.contrast_ratio(theme.DARK.control_edge, theme.DARK.base) >= 3.0
    assert theme.contrast_ratio(theme.DARK.mark_text, theme.DARK.mark_figure_bg) >= 4.5
    assert theme.contrast_ratio(theme.DARK.speaker("company"), theme.DARK.base) >= 4.5


QT_TEXT_PAIRS = [
    (QPalette.ColorRole.Text, QPalette.ColorRole.Base),
    (QPalette.ColorRole.Text, QPalette.ColorRole.AlternateBase),
    (QPalette.ColorRole.WindowText, QPalette.ColorRole.Window),
    (QPalette.ColorRole.ButtonText, QPalette.ColorRole.Button),
    (QPalette.ColorRole.HighlightedText, QPalette.ColorRole.Highlight),
    (QPalette.ColorRole.PlaceholderText, QPalette.ColorRole.Base),
    (QPalette.ColorRole.ToolTipText, QPalette.ColorRole.ToolTipBase),
    (QPalette.ColorRole.Link, QPalette.ColorRole.Base),
]


@pytest.mark.parametrize("name", THEMES)
@pytest.mark.parametrize("group", [QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive])
def test_the_qt_palette_text_roles_meet_aa(
    qapp: QApplication, name: str, group: QPalette.ColorGroup
) -> None:
    pal = theme.palette(THEMES[name])
    for fg, bg in QT_TEXT_PAIRS:
        ratio = theme.contrast_ratio(pal.color(group, fg).name(), pal.color(group, bg).name())
        assert ratio >= theme.TEXT_MINIMUM, (name, fg, bg, round(ratio, 2))
    assert pal.color(group, QPalette.ColorRole.PlaceholderText).name() == (
        THEMES[name].secondary_text
    )


@pytest.fixture
def themed(qapp: QApplication) -> Iterator[None]:
    saved_palette = qapp.palette()
    saved_style = qapp.style().name()
    yield
    qapp.setStyle(saved_style)
    qapp.setPalette(saved_palette)


def best_contrast(image: QImage, y: int, xs: range, background: str) -> float:
    """The strongest contrast to ``background`` along row ``y``: the edge, if one is drawn."""
    return max(theme.contrast_ratio(image.pixelColor(QPoint(x, y)).name(), background) for x in xs)


# Before the fix, Fusion drew the edge of an unchecked box in dark mode as #181b20 on the
# #16191d field and the #1f2329 window: 1.1:1, invisible.
@pytest.mark.parametrize("name", ["light", "dark"])
def test_an_unchecked_check_box_has_a_visible_edge(qtbot, themed: None, name: str) -> None:  # type: ignore[no-untyped-def]
    dark = theme.apply_theme(name)
    assert dark == (name == "dark")
    box = QCheckBox("Shown")
    qtbot.addWidget(box)
    box.resize(120, 30)
    image = box.grab().toImage()
    image.setDevicePixelRatio(1)
    opt = QStyleOptionButton()
    box.initStyleOption(opt)
    r = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, opt, box)
    window = theme.colours(dark).window
    assert image.pixelColor(QPoint(r.right() + 3, r.center().y())).name() == window
    xs = range(r.left(), r.right() + 1)
    assert best_contrast(image, r.center().y(), xs, window) >= theme.CONTROL_MINIMUM


@pytest.mark.parametrize("name", ["light", "dark"])
def test_an_unchecked_item_check_box_has_a_visible_edge(qtbot, themed: None, name: str) -> None:  # type: ignore[no-untyped-def]
    dark = theme.apply_theme(name)
    model = QStandardItemModel()
    item = QStandardItem("Operator")
    item.setCheckable(True)
    item.setCheckState(Qt.CheckState.Unchecked)
    model.appendRow(item)
    view = QTreeView()
    qtbot.addWidget(view)
    view.setModel(model)
    # No focus frame or selection tint: the row shows the plain base colour.
    view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    view.resize(200, 80)
    view.show()
    qtbot.waitExposed(view)
    image = view.viewport().grab().toImage()
    image.setDevicePixelRatio(1)
    row = view.visualRect(model.index(0, 0))
    base = theme.colours(dark).base
    y = row.center().y()
    assert image.pixelColor(QPoint(row.left(), y)).name() == base
    # The indicator sits at the row's left, before the text.
    width = view.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth)
    xs = range(row.left(), row.left() + width + 4)
    assert best_contrast(image, y, xs, base) >= theme.CONTROL_MINIMUM


# -- one place for colours ---------------------------------------------------------------------

QT_DIR = Path(theme.__file__).parent
_HEX = re.compile(r"#(?:[0-9a-fA-F]{8}|[0-9a-fA-F]{6}|[0-9a-fA-F]{3})\b")
_CSS = re.compile(
    r"\b(?:rgba?|hsla?)\s*\(|(?:color|background|border)[\w-]*\s*:[^;}]*\b"
    r"(?:red|white|black|gr[ae]y|blue|green|yellow|orange|purple|brown|pink)\b",
    re.IGNORECASE,
)
_QT_COLOURS = {c.name for c in Qt.GlobalColor}
_QCOLOR_MAKERS = {"QColor", "fromRgb", "fromRgbF", "fromHsv", "fromHsl", "fromString"}


def colour_literals(source: str) -> list[str]:
    """Every colour spelled in ``source``: ``#rrggbb`` and CSS colours in strings, a QColor
    built from constants, Qt's named colours."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            found += _HEX.findall(node.value) + [m.group(0) for m in _CSS.finditer(node.value)]
        elif isinstance(node, ast.Call):
            f = node.func
            name = (
                f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ""
            )
            if name in _QCOLOR_MAKERS and any(isinstance(a, ast.Constant) for a in node.args):
                found.append(ast.unparse(node))
        elif (
            isinstance(node, ast.Attribute)
            and node.attr in _QT_COLOURS
            and ast.unparse(node.value) in ("Qt", "Qt.GlobalColor", "QtCore.Qt")
        ):
            found.append(ast.unparse(node))
    return found


@pytest.mark.parametrize(
    "source",
    [
        'x = "#7f7f7f"',
        "x = QColor(200, 40, 40)",
        'x = QColor("orange")',
        "x = QColor.fromRgb(1, 2, 3)",
        "x = Qt.GlobalColor.white",
        "x = Qt.red",
        'label.setStyleSheet("color: red;")',
        'label.setStyleSheet("QLineEdit { background-color: rgba(0, 0, 0, 40) }")',
        'x = f"QLabel {{ color: #abc; }}"',
    ],
)
def test_the_literal_finder_finds_colours(source: str) -> None:
    assert colour_literals(source), source


@pytest.mark.parametrize(
    "source",
    [
        "x = QColor(c.text)",
        'x = f"color: {c.error_text};"',
        'tip = "Paragraph #12 of the call"',
        'x = "Ctrl+Shift+D"',
        "x = pal.color(QPalette.ColorRole.Text)",
    ],
)
def test_the_literal_finder_ignores_what_is_not_a_colour(source: str) -> None:
    assert colour_literals(source) == []


def test_no_file_of_viewer_qt_but_theme_spells_a_colour() -> None:
    files = sorted(p for p in QT_DIR.rglob("*.py") if p.name != "theme.py")
    assert len(files) > 50  # the whole Qt layer, not an empty glob
    found = {
        str(p.relative_to(QT_DIR)): hits
        for p in files
        if (hits := colour_literals(p.read_text(encoding="utf-8")))
    }
    assert found == {}
    assert not (QT_DIR / "colours.py").exists()


# -- switching at run time -----------------------------------------------------------------------


@pytest.fixture
def restore_theme(qapp: QApplication) -> Iterator[None]:
    yield
    theme.apply_theme("light")


def pixel(image: QImage, x: int, y: int) -> str:
    return image.pixelColor(QPoint(x, y)).name()


def rendered(view: Any) -> QImage:
    view.pane.viewport().repaint()
    image = view.pane.viewport().grab().toImage()
    image.setDevicePixelRatio(1)
    return image


@pytest.mark.parametrize("first", ["light", "dark"])
def test_a_theme_switch_repaints_the_reading_pane_with_the_other_set(
    qtbot: Any, window: Any, restore_theme: None, first: str
) -> None:
    view = load(qtbot, window)
    pane = view.pane
    source = pane.source()
    assert source is not None
    t = view.transcript
    para = t.turns[0].paragraphs[0].index  # rows: the section band, a header, this paragraph
    marked = t.paragraphs[para].en.index(" ")  # a mark on the first word
    source.set_highlights({para: [Highlight("en", 0, marked, "figure")]})
    view.go_to_paragraph(para)
    pane.scrollToTop()
    pane.settle()
    model = pane.model()

    def rect_of(row: int) -> Any:
        return pane.visualRect(model.index(row, 0))

    section = rect_of(0)
    selected = rect_of(pane.proxy_row_of_paragraph(para))
    header_row = pane.proxy_row_of_paragraph(para) - 1
    header = rect_of(header_row)
    assert model.index(header_row, 0).data(Roles.ROW_KIND) == RowKind.HEADER
    role = model.index(header_row, 0).data(Roles.SPEAKER_ROLE)
    for name in (first, "dark" if first == "light" else "light"):
        window.set_theme(name)
        c = THEMES[name]
        assert theme.active() is c and window.dark == (name == "dark")
        image = rendered(view)
        # The section band, a selected paragraph's opaque tint, the speaker's stripe.
        assert pixel(image, section.right() - 4, section.center().y()) == c.section_band
        assert pixel(image, selected.right() - 4, selected.top() + 3) == c.selection
        assert pixel(image, header.left() + 5, header.center().y()) == c.speaker(role)
        # The figure mark on the first word: its fill and its edge, in this theme's colours.
        colours = {
            pixel(image, x, y)
            for x in range(selected.left(), selected.center().x())
            for y in range(selected.top(), selected.top() + 40)
        }
        assert {c.mark_figure_bg, c.mark_figure_edge} <= colours
        other = THEMES["dark" if name == "light" else "light"]
        assert other.mark_figure_bg not in colours and other.selection not in colours


def test_style_sheet_colours_follow_a_theme_switch(qtbot: Any, restore_theme: None) -> None:
    theme.apply_theme("light")
    panel = SummaryPanel(("摘要",))
    qtbot.addWidget(panel)
    bar = FindBar()
    qtbot.addWidget(bar)
    bar._set_message("bad pattern", error=True)
    assert theme.LIGHT.warning_text in panel.notice.styleSheet()
    assert theme.LIGHT.error_text in bar.field.styleSheet()
    theme.apply_theme("dark")
    assert theme.DARK.warning_text in panel.notice.styleSheet()
    assert theme.DARK.error_text in bar.field.styleSheet()
    assert theme.DARK.error_text in bar.message.styleSheet()
    bar._set_message("")
    theme.apply_theme("light")
    assert bar.field.styleSheet() == "" and bar.message.styleSheet() == ""


def test_a_deleted_widget_stops_following(qtbot: Any, restore_theme: None) -> None:
    theme.apply_theme("light")
    calls: list[theme.Colours] = []
    label = QLabel()
    theme.follow(label, calls.append)
    assert calls == [theme.active()]
    theme.apply_theme("dark")
    assert calls[-1] is theme.DARK
    label.deleteLater()
    qtbot.waitUntil(lambda: not shiboken_valid(label))
    theme.apply_theme("light")  # no call into the deleted label
    assert calls == [theme.LIGHT, theme.DARK]


def shiboken_valid(obj: Any) -> bool:
    import shiboken6

    return bool(shiboken6.isValid(obj))


def test_follow_system_follows_a_scheme_change_while_running(
    qtbot: Any, window: Any, restore_theme: None
) -> None:
    window.set_theme("dark")
    assert theme.active() is theme.DARK
    window.prefs = window.prefs.model_copy(update={"theme": "system"})
    # The platform's scheme changed (offscreen has none: "system" is light here).
    QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert theme.active() is theme.colours(theme.system_is_dark())
    assert window.dark == theme.system_is_dark()
