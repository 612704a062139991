"""viewer.qt.theme: every text colour at least 4.5:1 (WCAG AA), control edges 3:1, both themes."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage, QPalette, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QStyle,
    QStyleOptionButton,
    QTreeView,
)

from viewer.qt import theme

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
    names = set(theme.colour_names())
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
