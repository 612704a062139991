"""Reading: the sticky header names the speaker of the top paragraph, the speaker tree
follows jumps, lines keep a readable length on wide screens, Export needs a document."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFont

from tests.qt.conftest import load
from viewer.qt.actions import Act
from viewer.qt.delegates.paragraph_layout import MEASURE_CHARS, Metrics, make_layout, text_rects
from viewer.qt.models.roles import Roles
from viewer.reading_mode import Mode


@pytest.mark.parametrize("size", [(900, 600), (1600, 1000)], ids=["900x600", "1600x1000"])
def test_after_a_jump_the_sticky_header_names_the_speaker(
    qtbot: Any, window: Any, size: tuple[int, int]
) -> None:
    view = load(qtbot, window)
    window.resize(*size)
    view.pane.settle()
    t = view.transcript
    # A paragraph in the middle of a long turn: its own header row is scrolled off.
    turn = max(t.turns, key=lambda tr: len(tr.paragraphs))
    paragraph = turn.paragraphs[-1].index
    assert view.go_to_paragraph(paragraph)
    sticky = view.pane.sticky
    qtbot.waitUntil(lambda: sticky.isVisible())
    assert sticky.turn == turn.index
    # The paragraph jumped to is below the header, not under it.
    row = view.pane.proxy_row_of_paragraph(paragraph)
    rect = view.pane.visualRect(view.pane.model().index(row, 0))
    assert rect.top() >= sticky.geometry().bottom() - 1
    # Back at the top of the call, the real header is in view: no sticky header.
    view.pane.scrollToTop()
    qtbot.waitUntil(lambda: not sticky.isVisible())
    assert sticky.turn == -1


def test_the_speaker_tree_follows_jumps_without_a_selection(qtbot: Any, window: Any) -> None:
    view = load(qtbot, window)
    t = view.transcript
    tree = window.speaker_panel.tree
    target = t.turns[-2]
    view.go_to_paragraph(target.paragraphs[0].index, select=False)  # how F3 and hits move
    assert tree.currentIndex().data(Roles.TURN) == target.index
    view.go_to_paragraph(t.turns[1].paragraphs[0].index)  # Ctrl+G selects
    assert tree.currentIndex().data(Roles.TURN) == 1


def test_a_turn_hidden_by_the_filters_is_never_selected(qtbot: Any, window: Any) -> None:
    view = load(qtbot, window)
    t = view.transcript
    tree = window.speaker_panel.tree
    qa = next(tr for tr in t.turns if tr.section.value == "qa")
    view.document.set_hidden_sections(frozenset({"qa"}))
    before = tree.currentIndex().data(Roles.TURN)
    assert not view.go_to_paragraph(qa.paragraphs[0].index)
    assert tree.currentIndex().data(Roles.TURN) == before


def test_lines_keep_a_readable_length_on_wide_screens(qapp: Any) -> None:
    font = QFont()
    font.setPointSizeF(11)
    m = Metrics.for_font(font, QFont(font))
    text = " ".join(["revenue grew across every segment this quarter"] * 20)
    for mode in (Mode.EN, Mode.INTERLEAVED, Mode.SIDE_BY_SIDE):
        en, _zh, _stacked = text_rects(mode, 2560, m)
        assert en is not None
        layout, _h = make_layout(text, font, en.width())
        longest = max(layout.lineAt(i).textLength() for i in range(layout.lineCount() - 1))
        assert 0.7 * MEASURE_CHARS <= longest <= 1.15 * MEASURE_CHARS, (mode, longest)
    # A narrow window is not affected by the cap.
    narrow, _zh, _s = text_rects(Mode.EN, 500, m)
    assert narrow is not None and narrow.width() < m.measure


def test_a_repaint_lays_out_no_paragraph_again(qtbot: Any, window: Any) -> None:
    """The rows on screen are measured, then painted, then painted again on every scroll
    step and hover: all from the same layouts, made once."""
    view = load(qtbot, window)
    view.pane.settle()
    viewport = view.pane.viewport()
    viewport.repaint()
    made = make_layout.cache_info().misses
    viewport.repaint()
    viewport.repaint()
    assert make_layout.cache_info().misses == made
    assert make_layout.cache_info().hits > 0


def test_a_layout_is_made_again_for_another_width_or_font(qapp: Any) -> None:
    font = QFont()
    font.setPointSizeF(11)
    bigger = QFont(font)
    bigger.setPointSizeF(14)
    text = "Revenue was 141.6 million dollars, up 11 percent sequentially."
    layout, height = make_layout(text, font, 200.0)
    assert make_layout(text, QFont(font), 200.0)[0] is layout  # an equal font: the same
    narrow = make_layout(text, font, 100.0)
    larger = make_layout(text, bigger, 200.0)
    assert narrow[0] is not layout and narrow[1] > height
    assert larger[0] is not layout and larger[1] > height


def test_export_is_disabled_without_a_document(qtbot: Any, window: Any) -> None:
    export = window.action_table[Act.EXPORT]
    assert not export.isEnabled()
    view = load(qtbot, window)
    assert export.isEnabled()
    window.close_document(window.tabs.indexOf(view))
    assert not export.isEnabled()


def test_double_clicking_a_warning_goes_to_its_paragraph(qtbot: Any, window: Any) -> None:
    from pathlib import Path

    from viewer.core.models import ParseWarning
    from viewer.core.transcript_io import load_transcript
    from viewer.qt.startup import sample_path

    path = Path(sample_path())
    t = load_transcript(path)
    target = t.paragraphs[40]
    t = t.model_copy(
        update={
            "warnings": (
                ParseWarning(line=None, message="whole file"),
                ParseWarning(line=target.line, message="translation missing"),
            )
        }
    )
    view = window.open_transcript(t, path)
    opened: list[Any] = []
    window.dialog_opened.connect(opened.append)
    window.action_table[Act.WARNINGS].trigger()
    dialog = opened[-1]
    table = dialog.table
    where = table.visualRect(table.model().index(1, 1)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert view.pane.selected_paragraphs() == [target.index]
    dialog.row_activated.emit(0)  # a warning without a line goes nowhere
    assert view.pane.selected_paragraphs() == [target.index]
    dialog.reject()


def test_paragraph_at_line_finds_each_paragraph_by_its_lines() -> None:
    from viewer.core.navigation import paragraph_at_line
    from viewer.core.transcript_io import load_transcript
    from viewer.qt.startup import sample_path

    t = load_transcript(sample_path())
    for p in t.paragraphs:
        assert paragraph_at_line(t, p.line) == p.index
        if p.zh_line is not None:
            assert paragraph_at_line(t, p.zh_line) == p.index
    assert paragraph_at_line(t, 1) is None
    assert paragraph_at_line(t, None) is None


@pytest.mark.parametrize("mode", list(Mode), ids=lambda m: m.value)
def test_double_click_selects_a_word_to_copy(qtbot: Any, window: Any, mode: Mode) -> None:
    from PySide6.QtWidgets import QApplication

    view = load(qtbot, window)
    window.set_mode(mode)
    pane = view.pane
    pane.settle()
    t = view.transcript
    paragraph = t.paragraphs[0]
    row = pane.proxy_row_of_paragraph(paragraph.index)
    index = pane.model().index(row, 0)
    rect = pane.visualRect(index)
    lang = "zh" if mode is Mode.ZH else "en"
    target = {"en": paragraph.en, "zh": paragraph.zh}[lang]
    # Just inside the text's first line, on its first word.
    from viewer.qt.delegates.paragraph_layout import PAD_Y, text_rects

    en_rect, zh_rect, _ = text_rects(mode, rect.width(), pane.metrics())
    r = en_rect if lang == "en" else zh_rect
    assert r is not None
    pos = rect.topLeft() + QPoint(int(r.left()) + 6, int(PAD_Y) + 6)
    qtbot.mouseDClick(pane.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    picker = pane.picker
    assert picker.isVisible() and picker.toPlainText() == target
    word = picker.textCursor().selectedText()
    assert word and target.startswith(word)
    qtbot.keyClick(picker, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.clipboard().text() == word
    qtbot.keyClick(picker, Qt.Key.Key_Escape)
    assert not picker.isVisible()
