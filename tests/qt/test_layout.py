"""The layout holds: docks inside the window at 900x600 and up, the reading pane gets the
space, widths come back when the window grows, messages never resize docks, a saved layout
too big for the screen is fitted, View > Reset layout, showing a panel raises it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest

from tests.qt.conftest import load
from viewer.qt.actions import Act
from viewer.qt.docks import FIGURES_RULE, SPEAKERS_RULE, DockRule, dock_cap, dock_width
from viewer.qt.widgets.filter_grid import FilterGrid

SIZES = [(900, 600), (1280, 720), (1600, 1000)]


def settle(qtbot: Any, win: Any, size: tuple[int, int]) -> None:
    win.resize(*size)
    qtbot.waitUntil(lambda: win.size().toTuple() == size)
    win.docks.fit()
    qtbot.wait(50)  # the dock layout applies the widths on its next pass


def dock_rects(win: Any) -> dict[str, QRect]:
    return {
        d.objectName(): d.geometry()
        for d in (win.speaker_dock, win.metrics_dock, win.hits_dock)
        if d.isVisible()
    }


@given(
    rule=st.builds(
        lambda lo, share, extra, default: DockRule(lo, share, lo + extra, default),
        st.integers(50, 400),
        st.floats(0.05, 0.5),
        st.integers(0, 400),
        st.integers(0, 2000),
    ),
    width=st.integers(0, 8000),
    preferred=st.integers(-100, 5000),
)
def test_dock_width_stays_within_its_rule(rule: DockRule, width: int, preferred: int) -> None:
    got = dock_width(rule, width, preferred)
    assert (
        rule.minimum
        <= got
        <= max(rule.minimum, dock_cap(rule, width))
        <= max(rule.minimum, rule.maximum)
    )
    if rule.minimum <= preferred <= dock_cap(rule, width):
        assert got == preferred


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_panel_inside_the_window_and_the_pane_gets_the_space(
    qtbot: Any, window: Any, size: tuple[int, int]
) -> None:
    view = load(qtbot, window)
    window.build_panels()
    settle(qtbot, window, size)
    inside = window.rect()
    rects = dock_rects(window)
    assert set(rects) == {"speakersDock", "metricsDock"}
    for name, rect in rects.items():
        assert inside.contains(rect), (name, rect, inside)
    speakers, figures = rects["speakersDock"], rects["metricsDock"]
    assert speakers.width() == dock_width(SPEAKERS_RULE, size[0], SPEAKERS_RULE.default)
    assert figures.width() == dock_width(FIGURES_RULE, size[0], FIGURES_RULE.default)
    # The panels' content fits their docks (nothing is cut off at the window's edge).
    assert window.metrics_panel.minimumSizeHint().width() <= figures.width()
    assert window.speaker_panel.minimumSizeHint().width() <= speakers.width()
    # The reading pane is the widest part of the window.
    assert view.pane.width() > max(speakers.width(), figures.width())
    assert view.pane.width() >= 0.4 * size[0]


def test_widths_come_back_when_the_window_grows(qtbot: Any, window: Any) -> None:
    load(qtbot, window)
    window.build_panels()
    settle(qtbot, window, (1600, 1000))
    wide = dock_rects(window)
    settle(qtbot, window, (900, 600))
    narrow = dock_rects(window)
    assert all(narrow[n].width() < wide[n].width() for n in wide)
    settle(qtbot, window, (1600, 1000))
    again = dock_rects(window)
    assert {n: r.width() for n, r in again.items()} == {n: r.width() for n, r in wide.items()}


@pytest.mark.parametrize("size", [(900, 600), (1600, 1000)], ids=["900x600", "1600x1000"])
def test_a_long_regex_error_never_resizes_the_docks(
    qtbot: Any, window: Any, size: tuple[int, int]
) -> None:
    load(qtbot, window)
    window.build_panels()
    settle(qtbot, window, size)
    before = {n: r.width() for n, r in dock_rects(window).items()}
    bar = window.find_bar
    window.action_table[Act.FIND].trigger()
    qtbot.waitUntil(lambda: bar.index is not None, timeout=20000)
    bar.act_regex.setChecked(True)
    bar.field.setText("(" * 40 + "unbalanced and long " * 10)
    bar.search_now()
    qtbot.waitUntil(lambda: bar.message.text() != "")
    qtbot.wait(50)
    full = bar.message.text()
    assert full.startswith("invalid regular expression")
    assert {n: r.width() for n, r in dock_rects(window).items()} == before
    assert bar.width() <= window.width()
    assert bar.field.width() >= 100
    # Elided on screen, whole in the tool tip.
    shown = super(type(bar.message), bar.message).text()
    if size[0] < 1000:
        assert shown != full and shown.endswith("…")
        assert bar.message.toolTip() == full
    else:
        assert shown == full


def test_a_saved_layout_bigger_than_the_screen_is_fitted(
    qtbot: Any, window: Any, settings_file: Any
) -> None:
    from viewer.qt.settings import Settings
    from viewer.qt.startup import create_window, make_app

    room = QGuiApplication.primaryScreen().availableGeometry()
    window.resize(room.width() + 900, room.height() + 600)
    window.docks.preferred[window.speaker_dock] = 5000  # squeezed or stretched elsewhere
    window.save_state()
    window.settings.sync()
    again = create_window(make_app())
    qtbot.addWidget(again)
    assert again.width() <= room.width() and again.height() <= room.height()
    assert again.docks.preferred[again.speaker_dock] == SPEAKERS_RULE.maximum
    assert Settings().window_state("dockWidths") is not None


def test_reset_layout_brings_back_the_default_docks(qtbot: Any, window: Any) -> None:
    load(qtbot, window)
    window.build_panels()
    settle(qtbot, window, (1280, 720))
    window.speaker_dock.hide()
    window.metrics_dock.setFloating(True)
    window.docks.preferred[window.metrics_dock] = FIGURES_RULE.minimum
    window.action_table[Act.RESET_LAYOUT].trigger()
    qtbot.wait(50)
    assert window.speaker_dock.isVisible() and not window.metrics_dock.isFloating()
    rects = dock_rects(window)
    assert rects["metricsDock"].width() == dock_width(FIGURES_RULE, 1280, FIGURES_RULE.default)
    assert rects["speakersDock"].width() == dock_width(SPEAKERS_RULE, 1280, SPEAKERS_RULE.default)


def test_showing_a_panel_raises_it_instead_of_closing_it(qtbot: Any, window: Any) -> None:
    load(qtbot, window)
    window.build_panels()
    hits, figures = window.action_table[Act.HITS_PANEL], window.action_table[Act.FIGURES_PANEL]
    hits.trigger()
    qtbot.waitUntil(lambda: not window.hits_dock.visibleRegion().isEmpty())
    assert window.metrics_dock.visibleRegion().isEmpty()  # behind the hit list's tab
    figures.trigger()  # Ctrl+Shift+M on a panel open behind another tab
    qtbot.waitUntil(lambda: not window.metrics_dock.visibleRegion().isEmpty())
    assert figures.isChecked() and not window.metrics_dock.isHidden()
    figures.trigger()  # in front: the same key closes it
    assert window.metrics_dock.isHidden() and not figures.isChecked()
    QTest.keyClick(
        window,
        Qt.Key.Key_M,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: not window.metrics_dock.visibleRegion().isEmpty())


def test_after_a_restart_figures_are_in_front_of_the_hit_list(qtbot: Any, window: Any) -> None:
    from viewer.qt.startup import create_window, make_app

    window.action_table[Act.HITS_PANEL].trigger()
    qtbot.waitUntil(lambda: not window.hits_dock.visibleRegion().isEmpty())
    window.save_state()
    window.settings.sync()
    again = create_window(make_app())
    qtbot.addWidget(again)
    again.show()
    qtbot.waitUntil(lambda: not again.metrics_dock.visibleRegion().isEmpty())
    assert again.hits_dock.visibleRegion().isEmpty()


def test_the_find_bar_spans_the_window_and_comes_and_goes(qtbot: Any, window: Any) -> None:
    load(qtbot, window)
    settle(qtbot, window, (900, 600))
    bar = window.find_bar
    assert not bar.isVisible() and not bar.parentWidget().isVisible()
    window.action_table[Act.FIND].trigger()
    qtbot.waitUntil(bar.isVisible)
    assert bar.parentWidget().width() >= window.width() - 8
    before = {n: r.width() for n, r in dock_rects(window).items()}
    bar.close_bar()
    qtbot.waitUntil(lambda: not bar.parentWidget().isVisible())
    window.action_table[Act.FIND].trigger()
    qtbot.wait(50)
    assert {n: r.width() for n, r in dock_rects(window).items()} == before


def test_the_shown_option_is_a_check_box(qtbot: Any, window: Any) -> None:
    from PySide6.QtWidgets import QCheckBox

    bar = window.find_bar
    box = next(b for b in bar.findChildren(QCheckBox) if b.toolTip() == bar.act_shown.toolTip())
    box.setChecked(True)
    assert bar.act_shown.isChecked()
    bar.act_shown.setChecked(False)
    assert not box.isChecked()


@pytest.mark.parametrize("size", [(900, 600), (1600, 1000)], ids=["900x600", "1600x1000"])
def test_placeholders_are_not_cut_off(qtbot: Any, window: Any, size: tuple[int, int]) -> None:
    load(qtbot, window)
    window.build_panels()
    settle(qtbot, window, size)
    window.action_table[Act.FIND].trigger()
    qtbot.waitUntil(window.find_bar.isVisible)
    qtbot.wait(50)
    for field in (window.find_bar.field, window.metrics_panel.search):
        text = field.placeholderText()
        room = field.width() - 2 * 8 - 20  # frame, text margins, the clear button
        assert field.fontMetrics().horizontalAdvance(text) <= room, (text, field.width())


def test_a_cut_cell_shows_its_whole_text_as_a_tool_tip(qtbot: Any, window: Any) -> None:
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    load(qtbot, window)
    window.build_panels()
    qtbot.waitUntil(lambda: window.metrics_panel.analysis is not None, timeout=20000)
    settle(qtbot, window, (900, 600))
    view = window.metrics_panel.stats_view
    window.metrics_panel.tabs.setCurrentIndex(1)
    qtbot.wait(50)
    view.horizontalHeader().resizeSection(0, 40)  # surely too narrow for a name
    index = view.model().index(0, 0)
    text = str(index.data())
    rect = view.visualRect(index)
    assert view.fontMetrics().horizontalAdvance(text) > rect.width()
    at = rect.center()
    event = QHelpEvent(QEvent.Type.ToolTip, at, view.viewport().mapToGlobal(at))
    QApplication.sendEvent(view.viewport(), event)
    assert QToolTip.isVisible() and QToolTip.text() == text


@pytest.fixture
def chinese_ui(qapp: Any) -> Iterator[None]:
    """The interface in Traditional Chinese for one test (the translators are global)."""
    from viewer.qt import i18n

    i18n.set_language(qapp, "zh-TW")
    yield
    i18n.set_language(qapp, "en")


def check_small_window_reads_well(qtbot: Any, window: Any, size: tuple[int, int]) -> None:
    view = load(qtbot, window)
    window.build_panels()
    qtbot.waitUntil(lambda: window.metrics_panel.analysis is not None, timeout=20000)
    settle(qtbot, window, size)
    qtbot.wait(50)
    small = size[1] < 700
    summary = view.summary
    # The summary: one line in a short window (toggle and notice side by side), open in a
    # tall one; the reading pane keeps most of the tab's height.
    assert summary.is_expanded() is not small
    if small:
        button, notice = summary.button.geometry(), summary.notice.geometry()
        assert abs(button.center().y() - notice.center().y()) <= 2
        assert notice.left() >= button.right()
        assert summary.height() <= 2 * button.height()
        assert summary.notice.toolTip() == summary.notice.full_text()  # elided, whole here
        assert not summary.notice_below.isVisible()
    else:  # the notice whole, below the text
        assert summary.notice_below.isVisible() and not summary.notice.isVisible()
        below = summary.notice_below
        assert below.heightForWidth(below.width()) <= below.height()
    assert view.pane.height() >= 0.7 * view.height()
    # The pane gets the stretch; names in the speaker tree have room.
    assert view.pane.width() >= 0.45 * size[0]
    tree = window.speaker_panel.tree
    assert tree.isColumnHidden(1) is small  # the turn count goes in a narrow dock
    assert tree.columnWidth(0) >= 0.55 * tree.viewport().width()
    # Nothing in the figures panel is cut: each filter box shows its whole entry (the
    # arrow beside it), the pane toggle its whole label.
    panel = window.metrics_panel
    for box in (panel.metric_box, panel.nature_box, panel.check_box, panel.who_box):
        need = box.fontMetrics().horizontalAdvance(box.currentText()) + 24
        assert box.width() >= need, (box.currentText(), box.width())
        assert window.rect().contains(box.mapTo(window, box.rect().bottomRight()))
    toggle = panel.figures_only
    assert toggle.sizeHint().width() <= toggle.width(), toggle.text()
    assert window.rect().contains(
        panel.count_label.mapTo(window, panel.count_label.rect().topRight())
    )


@pytest.mark.parametrize("size", [(900, 600), (1600, 1000)], ids=["900x600", "1600x1000"])
def test_a_small_window_reads_well(qtbot: Any, window: Any, size: tuple[int, int]) -> None:
    check_small_window_reads_well(qtbot, window, size)


@pytest.mark.parametrize("size", [(900, 600), (1600, 1000)], ids=["900x600", "1600x1000"])
def test_a_small_window_reads_well_in_chinese(
    qtbot: Any, window: Any, chinese_ui: None, size: tuple[int, int]
) -> None:
    check_small_window_reads_well(qtbot, window, size)
    assert window.metrics_panel.check_box.currentText() == "所有核對"


def test_the_summary_opened_by_hand_stays_open_in_a_short_window(qtbot: Any, window: Any) -> None:
    view = load(qtbot, window)
    settle(qtbot, window, (900, 600))
    summary = view.summary
    assert not summary.is_expanded()
    summary.button.click()
    settle(qtbot, window, (900, 560))
    assert summary.is_expanded() and summary.text.isVisible()
    assert view.pane.height() >= 0.5 * view.height()  # the text takes a fifth at most
    summary.button.click()
    settle(qtbot, window, (1600, 1000))
    assert not summary.is_expanded()  # closed by hand: stays closed when the window grows
    show = window.action_table[Act.SUMMARY]  # View > Show summary: the user's choice too
    assert show.isChecked()  # the preference, unchanged by the window's height
    show.trigger()
    assert not show.isChecked() and not summary.is_expanded()
    show.trigger()
    settle(qtbot, window, (900, 600))
    assert show.isChecked() and summary.is_expanded()


def test_filter_boxes_flow_into_columns_that_fit(qtbot: Any) -> None:
    from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

    host = QWidget()
    qtbot.addWidget(host)
    boxes = []
    for text in ("All metrics", "All natures", "所有核對結果", "Everyone", "Both sections"):
        box = QComboBox(host)
        box.addItem(text)
        boxes.append(box)
    grid = FilterGrid(QLineEdit(host), boxes, host)
    host.show()
    columns = []
    for width in range(120, 700, 20):
        grid.resize(width, 200)
        qtbot.waitUntil(lambda w=width: grid.columns == grid.columns_for(w))
        columns.append(grid.columns)
        for box in boxes[:-1]:  # the last spans the rest of its row
            assert box.width() >= grid.box_width() or grid.columns == 1, (width, grid.columns)
            text = box.fontMetrics().horizontalAdvance(box.currentText())
            assert box.width() >= text + 24 or grid.columns == 1
    assert columns == sorted(columns) and columns[0] == 1 and columns[-1] == 3


def test_the_first_paint_has_the_docks_final_widths(qtbot: Any, settings_file: Any) -> None:
    """A window given its size before it shows (a restored geometry, here 900x600) paints
    its first frame with the docks' widths for that size: before, the widths came one zero
    timer later, so the first frame showed other widths and the reading pane's rows were
    sized for a width it then lost (text cut off until the next relayout)."""
    from PySide6.QtCore import QEvent, QObject

    from viewer.qt.startup import create_window, make_app

    win = create_window(make_app())
    win.resize(900, 600)
    at_first_paint: list[tuple[int, int]] = []

    class FirstPaint(QObject):
        def eventFilter(self, watched: Any, event: Any) -> bool:
            if event.type() == QEvent.Type.Paint and not at_first_paint:
                at_first_paint.append((win.speaker_dock.width(), win.metrics_dock.width()))
            return False

    spy = FirstPaint()
    win.installEventFilter(spy)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: bool(at_first_paint), timeout=5000)
    qtbot.wait(100)  # the fit that follows a resize (a zero timer) has run by now
    assert at_first_paint == [(win.speaker_dock.width(), win.metrics_dock.width())]
