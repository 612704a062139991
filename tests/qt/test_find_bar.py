"""The find bar driven by key presses (QTest): typing, options, counter, wrap, Esc."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPlainTextEdit, QVBoxLayout, QWidget

from viewer.core.models import Transcript
from viewer.core.search import Hit, SearchIndex, SearchOptions, find, find_next, rank
from viewer.core.search.hitlist import in_paragraphs, number_in, step_in
from viewer.core.transcript_io import load_transcript
from viewer.qt.widgets import find_bar_hits
from viewer.qt.widgets.find_bar import FindBar
from viewer.qt.widgets.find_bar_texts import WRAP_BACKWARD, WRAP_FORWARD
from viewer.qt.widgets.hit_list import HitList

QRL = Path(__file__).resolve().parents[1] / "data" / "search" / "QRL-2025-Q1.txt"
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture(scope="module")
def qrl() -> Transcript:
    return load_transcript(QRL)


@pytest.fixture
def host(qtbot: Any, qrl: Transcript) -> Iterator[QWidget]:
    """A window wired as the main window is: a reading-pane stand-in above the bar, the
    bar's Ctrl+F / F3 / Shift+F3 actions on the window, Esc giving focus back to the pane."""
    window = QWidget()
    pane = QPlainTextEdit(window)
    pane.setReadOnly(True)
    bar = FindBar(window)
    lay = QVBoxLayout(window)
    lay.addWidget(pane, 1)
    lay.addWidget(bar)
    window.addActions([bar.act_find, bar.act_next, bar.act_previous])
    bar.closed.connect(pane.setFocus)
    bar.set_document(qrl, SearchIndex(qrl))
    window.pane = pane  # type: ignore[attr-defined]
    window.bar = bar  # type: ignore[attr-defined]
    qtbot.addWidget(window)
    window.resize(900, 300)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    yield window
    bar.runner.wait()


@pytest.fixture
def bar(host: QWidget) -> FindBar:
    widget: FindBar = host.bar  # type: ignore[attr-defined]
    widget.open()
    return widget


class Recorder:
    """Collects the bar's signals."""

    def __init__(self, bar: FindBar) -> None:
        self.current: list[Hit | None] = []
        self.searches: list[Any] = []
        self.closed = 0
        bar.current_changed.connect(self.current.append)
        bar.search_changed.connect(self.searches.append)
        bar.closed.connect(self._on_closed)

    def _on_closed(self) -> None:
        self.closed += 1


def type_text(widget: Any, text: str) -> None:
    """Key presses for ASCII; Chinese and full-width text arrive as an input method commits
    them (QTest's key clicks only know ASCII)."""
    if text.isascii():
        QTest.keyClicks(widget, text)
        return
    for ch in text:
        event = QInputMethodEvent()
        event.setCommitString(ch)
        QCoreApplication.sendEvent(widget, event)


def type_query(qtbot: Any, bar: FindBar, text: str) -> None:
    """Type as a user does and wait for the debounced search and its count."""
    with qtbot.waitSignal(bar.results_ready, timeout=5000):
        type_text(bar.field, text)
    assert not bar.is_busy()


def wait_results(qtbot: Any, bar: FindBar) -> None:
    qtbot.waitUntil(lambda: not bar.is_busy(), timeout=5000)


def key(bar: FindBar, k: Qt.Key, mod: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(bar.field, k, mod)


def test_typing_is_debounced_then_counts(qtbot: Any, bar: FindBar, qrl: Transcript) -> None:
    rec = Recorder(bar)
    QTest.keyClicks(bar.field, "th")
    assert bar.is_busy() and rec.searches == []  # nothing until typing pauses
    QTest.keyClicks(bar.field, "e")
    with qtbot.waitSignal(bar.results_ready, timeout=5000):
        pass
    assert len(rec.searches) == 1 and rec.searches[0].query == "the"
    total = bar.total()
    assert total > 5
    assert bar.counter.text() == f"1 of {total}"
    assert rec.current[-1] == bar.current_hit()
    hit = bar.current_hit()
    assert hit is not None and (hit.paragraph, hit.lang) == (0, "en")


def test_enter_and_shift_enter_step_and_wrap(qtbot: Any, bar: FindBar) -> None:
    type_query(qtbot, bar, "theta")
    # Theta: paragraph 2 in English, then in Chinese.
    assert bar.counter.text() == "1 of 2"
    first = bar.current_hit()
    key(bar, Qt.Key.Key_Return)
    assert bar.counter.text() == "2 of 2"
    assert bar.message.text() == ""
    second = bar.current_hit()
    assert second is not None and second.lang == "zh"
    key(bar, Qt.Key.Key_Return)
    assert bar.counter.text() == "1 of 2"
    assert bar.current_hit() == first
    assert bar.message.text() == WRAP_FORWARD
    key(bar, Qt.Key.Key_Return, SHIFT)
    assert bar.counter.text() == "2 of 2"
    assert bar.message.text() == WRAP_BACKWARD
    key(bar, Qt.Key.Key_Enter, SHIFT)  # keypad Enter too
    assert bar.counter.text() == "1 of 2"
    assert bar.message.text() == ""


def test_f3_and_shift_f3(qtbot: Any, bar: FindBar) -> None:
    type_query(qtbot, bar, "the")
    total = bar.total()
    rec = Recorder(bar)
    key(bar, Qt.Key.Key_F3)
    key(bar, Qt.Key.Key_F3)
    assert bar.counter.text() == f"3 of {total}"
    key(bar, Qt.Key.Key_F3, SHIFT)
    assert bar.counter.text() == f"2 of {total}"
    assert len(rec.current) == 3
    for _ in range(total - 2):
        key(bar, Qt.Key.Key_F3)
    assert bar.counter.text() == f"{total} of {total}"
    key(bar, Qt.Key.Key_F3)
    assert bar.counter.text() == f"1 of {total}"
    assert bar.message.text() == WRAP_FORWARD


def test_every_hit_visited_once_in_document_order(qtbot: Any, bar: FindBar) -> None:
    type_query(qtbot, bar, "營收")
    seen = [bar.current_hit()]
    for _ in range(bar.total() - 1):
        key(bar, Qt.Key.Key_Return)
        seen.append(bar.current_hit())
    assert seen == sorted(seen)  # type: ignore[type-var]
    assert len(set(seen)) == bar.total() >= 2


def test_enter_before_the_pause_searches_at_once(qtbot: Any, bar: FindBar) -> None:
    QTest.keyClicks(bar.field, "backlog")
    with qtbot.waitSignal(bar.results_ready, timeout=5000):
        key(bar, Qt.Key.Key_Return)
    assert bar.counter.text() == "1 of 1"


def test_option_shortcuts(qtbot: Any, bar: FindBar) -> None:
    type_query(qtbot, bar, "the")
    loose = bar.total()
    key(bar, Qt.Key.Key_W, ALT)  # whole words
    assert bar.act_word.isChecked()
    wait_results(qtbot, bar)
    whole = bar.total()
    assert whole < loose
    key(bar, Qt.Key.Key_C, ALT)  # match case: only lower-case "the" now
    assert bar.act_case.isChecked()
    wait_results(qtbot, bar)
    assert 0 < bar.total() < whole
    key(bar, Qt.Key.Key_C, ALT)
    key(bar, Qt.Key.Key_W, ALT)
    wait_results(qtbot, bar)
    assert bar.total() == loose
    options = bar.options()
    assert options is not None and not options.whole_word and not options.case_sensitive


def test_scope_shortcut_cycles_languages(qtbot: Any, bar: FindBar) -> None:
    type_query(qtbot, bar, "Theta")
    assert bar.total() == 2
    key(bar, Qt.Key.Key_L, ALT)
    wait_results(qtbot, bar)
    assert bar.scope.currentData() == "en" and bar.total() == 1
    key(bar, Qt.Key.Key_L, ALT)
    wait_results(qtbot, bar)
    hit = bar.current_hit()
    assert bar.scope.currentData() == "zh" and bar.total() == 1
    assert hit is not None and hit.lang == "zh"
    key(bar, Qt.Key.Key_L, ALT)
    wait_results(qtbot, bar)
    assert bar.scope.currentData() == "both" and bar.total() == 2


def test_full_width_and_simplified_queries(qtbot: Any, bar: FindBar) -> None:
    type_query(qtbot, bar, "７４．１％")
    assert bar.total() == 2
    bar.field.clear()
    type_query(qtbot, bar, "积压订单")  # Simplified; the text is Traditional
    assert bar.total() == 1


def test_regex_toggle_and_inline_error(qtbot: Any, bar: FindBar) -> None:
    key(bar, Qt.Key.Key_R, ALT)
    assert bar.act_regex.isChecked()
    rec = Recorder(bar)
    type_query(qtbot, bar, "(rev")
    assert bar.message.text().startswith("invalid regular expression")
    assert bar.field.property("error") is True
    assert bar.counter.text() == ""
    assert rec.searches[-1] is None and bar.options() is None
    assert bar.highlights_for(range(10)) == {}
    key(bar, Qt.Key.Key_Return)  # stepping with a bad pattern does nothing harmful
    with qtbot.waitSignal(bar.results_ready, timeout=5000):
        QTest.keyClicks(bar.field, ")enue|backlog")
    assert bar.message.text() == ""
    assert bar.field.property("error") is False
    assert bar.total() == 2


def test_shown_paragraphs_only(qtbot: Any, bar: FindBar) -> None:
    type_query(qtbot, bar, "the")
    everywhere = bar.total()
    bar.set_shown_paragraphs({2, 3})
    assert bar.total() == everywhere  # the toggle is off
    key(bar, Qt.Key.Key_O, ALT)
    assert bar.act_shown.isChecked()
    wait_results(qtbot, bar)
    assert 0 < bar.total() < everywhere
    hit = bar.current_hit()
    assert hit is not None and hit.paragraph in {2, 3}
    bar.set_shown_paragraphs(None)
    wait_results(qtbot, bar)
    assert bar.total() == everywhere


def test_highlights_mark_the_current_hit(qtbot: Any, bar: FindBar) -> None:
    type_query(qtbot, bar, "the")
    marks = bar.highlights_for(range(6))
    kinds = [h.kind for hs in marks.values() for h in hs]
    assert kinds.count("current") == 1 and kinds.count("search") == bar.total() - 1
    current = bar.current_hit()
    assert current is not None
    (mark,) = [h for h in marks[current.paragraph] if h.kind == "current"]
    assert (mark.lang, mark.start, mark.end) == (current.lang, current.start, current.end)
    assert set(bar.highlights_for([4])) == {4}


def test_esc_closes_and_ctrl_f_reopens(qtbot: Any, host: QWidget, bar: FindBar) -> None:
    pane = host.pane  # type: ignore[attr-defined]
    type_query(qtbot, bar, "the")
    rec = Recorder(bar)
    key(bar, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert pane.hasFocus()  # back to the reading pane
    assert rec.closed == 1 and rec.searches == [None] and rec.current == [None]
    # Ctrl+F from the pane reopens with the same query, selected, and searches again.
    with qtbot.waitSignal(bar.results_ready, timeout=5000):
        QTest.keyClick(pane, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert bar.isVisible() and bar.field.hasFocus()
    assert bar.field.selectedText() == "the"
    assert bar.counter.text().startswith("1 of ")


def test_f3_from_the_pane_steps_without_focusing_the_bar(
    qtbot: Any, host: QWidget, bar: FindBar
) -> None:
    pane = host.pane  # type: ignore[attr-defined]
    type_query(qtbot, bar, "the")
    pane.setFocus()
    QTest.keyClick(pane, Qt.Key.Key_F3)
    assert bar.counter.text() == f"2 of {bar.total()}"
    QTest.keyClick(pane, Qt.Key.Key_F3, SHIFT)
    QTest.keyClick(pane, Qt.Key.Key_F3, SHIFT)
    assert bar.counter.text() == f"{bar.total()} of {bar.total()}"
    assert bar.message.text() == WRAP_BACKWARD
    assert pane.hasFocus()
    # After Esc, F3 shows the bar again and searches the last query; the pane keeps focus.
    bar.field.setFocus()
    QTest.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible() and bar.options() is None and pane.hasFocus()
    with qtbot.waitSignal(bar.results_ready, timeout=5000):
        QTest.keyClick(pane, Qt.Key.Key_F3)
    assert bar.isVisible() and pane.hasFocus()
    assert bar.counter.text() == f"1 of {bar.total()}"


def test_ctrl_f_takes_the_selection_and_anchor(qtbot: Any, bar: FindBar) -> None:
    bar.selection_text = lambda: "record"
    bar.anchor = lambda: 3  # reading position: the first hit at or after paragraph 3
    with qtbot.waitSignal(bar.results_ready, timeout=5000):
        QTest.keyClick(bar.field, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: bar.field.text() == "record")
    assert bar.counter.text() == "1 of 1"
    bar.field.clear()
    bar.selection_text = lambda: None
    type_query(qtbot, bar, "the")
    hit = bar.current_hit()
    assert hit is not None and hit.paragraph == 4  # paragraph 3 has no "the"
    assert bar.counter.text() != f"1 of {bar.total()}"


def test_no_results_and_empty_field(qtbot: Any, bar: FindBar) -> None:
    type_query(qtbot, bar, "zzzz")
    assert bar.counter.text() == "No results"
    key(bar, Qt.Key.Key_Return)
    assert bar.current_hit() is None
    with qtbot.waitSignal(bar.results_ready, timeout=5000):
        bar.field.clear()
    assert bar.counter.text() == "" and bar.options() is None


def test_switching_documents_searches_each_with_its_index(
    qtbot: Any, bar: FindBar, qrl: Transcript
) -> None:
    type_query(qtbot, bar, "Theta")
    index = bar.index
    other = load_transcript(QRL)
    other_index = SearchIndex(other)
    with qtbot.waitSignal(bar.results_ready, timeout=5000):
        bar.set_document(other, other_index)
    assert bar.index is other_index and bar.total() == 2
    with qtbot.waitSignal(bar.results_ready, timeout=5000):
        bar.set_document(qrl, index)
    assert bar.index is index
    with qtbot.waitSignal(bar.results_ready, timeout=5000):
        bar.set_document(None)
    assert bar.total() == 0 and bar.options() is None


def test_without_an_index_the_bar_waits_instead_of_building_it(
    qtbot: Any, bar: FindBar, qrl: Transcript
) -> None:
    other = load_transcript(QRL)
    bar.set_document(other)  # its document's worker has not built the index yet
    assert bar.index is None
    with qtbot.waitSignal(bar.results_ready, timeout=5000):
        QTest.keyClicks(bar.field, "Theta")
    assert bar.counter.text() == "Indexing…" and bar.options() is None
    with qtbot.waitSignal(bar.results_ready, timeout=5000):
        bar.set_document(other, SearchIndex(other))
    assert bar.total() == 2 and bar.counter.text() == "1 of 2"


# --- the hit list -------------------------------------------------------------------------------


@pytest.fixture
def hit_list(qtbot: Any, host: QWidget, bar: FindBar, qrl: Transcript) -> Iterator[HitList]:
    """Wired as the window does: the bar's searches feed the list; a click moves the bar."""
    widget = HitList(host)
    host.layout().addWidget(widget)
    bar.search_changed.connect(lambda options: widget.set_search(qrl, bar.index, options))
    widget.hit_activated.connect(bar.set_current)
    yield widget
    widget.runner.wait()


def wait_list(qtbot: Any, hit_list: HitList) -> None:
    qtbot.waitUntil(lambda: not hit_list.is_busy(), timeout=5000)


def test_hit_list_shows_every_hit_with_speaker_and_context(
    qtbot: Any, bar: FindBar, hit_list: HitList
) -> None:
    with qtbot.waitSignal(hit_list.results_ready, timeout=5000):
        type_query(qtbot, bar, "營收")
    wait_list(qtbot, hit_list)
    rows = hit_list.model.stringList()
    assert len(rows) == bar.total() == len(hit_list.hits()) == 2
    assert hit_list.summary.text() == "2 hits"
    first = rows[0]
    assert first.startswith("¶2") and "Dana Whitfield" in first and "【營收】" in first
    assert "【营收】" in rows[1]  # the Simplified spelling in paragraph 4


def test_hit_list_click_and_enter_move_the_current_hit(
    qtbot: Any, bar: FindBar, hit_list: HitList
) -> None:
    type_query(qtbot, bar, "the")
    wait_list(qtbot, hit_list)
    hits = hit_list.hits()
    view = hit_list.view
    rect = view.visualRect(hit_list.model.index(2, 0))
    with qtbot.waitSignal(hit_list.hit_activated) as blocker:
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [hits[2]]
    assert bar.current_hit() == hits[2] and bar.counter.text() == f"3 of {len(hits)}"
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Down)
    with qtbot.waitSignal(hit_list.hit_activated) as blocker:
        QTest.keyClick(view, Qt.Key.Key_Return)
    assert blocker.args == [hits[3]]
    assert bar.counter.text() == f"4 of {len(hits)}"


def test_hit_list_filter_toggle(qtbot: Any, bar: FindBar, hit_list: HitList) -> None:
    type_query(qtbot, bar, "Theta")
    wait_list(qtbot, hit_list)
    with qtbot.waitSignal(hit_list.filter_changed) as blocker:
        QTest.keyClick(hit_list.only, Qt.Key.Key_Space)
    assert blocker.args == [frozenset({2})]
    with qtbot.waitSignal(hit_list.filter_changed, timeout=5000) as blocker:
        bar.field.clear()
        type_query(qtbot, bar, "backlog|record")  # not a regex: no hit
    assert blocker.args == [frozenset()]
    with qtbot.waitSignal(hit_list.filter_changed) as blocker:
        QTest.keyClick(hit_list.only, Qt.Key.Key_Space)
    assert blocker.args == [None]


def test_hit_list_limits_rows_but_not_the_count(
    qtbot: Any, bar: FindBar, hit_list: HitList
) -> None:
    hit_list.LIMIT = 3
    type_query(qtbot, bar, "the")
    wait_list(qtbot, hit_list)
    assert hit_list.model.rowCount() == 3
    assert len(hit_list.hits()) == bar.total()
    assert hit_list.summary.text() == f"{bar.total():,} hits (the first 3 listed)"


def test_hidden_hit_list_waits_until_shown(qtbot: Any, bar: FindBar, hit_list: HitList) -> None:
    hit_list.hide()
    type_query(qtbot, bar, "the")
    assert not hit_list.is_busy() and hit_list.hits() == []
    with qtbot.waitSignal(hit_list.results_ready, timeout=5000):
        hit_list.show()
    assert len(hit_list.hits()) == bar.total()


@pytest.mark.parametrize("query", ["the", "營收", "a", "revenue"])
def test_stepping_through_the_list_is_find_next(qrl: Transcript, query: str) -> None:
    """From every hit, both ways, and from every paragraph: the worker's list steps as the
    search engine does (the list only replaces searching on the GUI thread)."""
    index = SearchIndex(qrl)
    options = SearchOptions(query=query)
    hits = find(index, options)
    assert hits
    for h in hits:
        for back in (False, True):
            assert step_in(hits, h.paragraph, h.lang, h.start, back) == find_next(
                index, options, h.paragraph, h.lang, h.start, back
            )
        assert number_in(hits, h) == rank(index, options, h) + 1
    for p in range(len(qrl.paragraphs)):
        assert step_in(hits, p, "en", -1, False) == find_next(index, options, p)
        mine = in_paragraphs(hits, [p])
        assert mine == [h for h in hits if h.paragraph == p]


@pytest.mark.parametrize("regex", [False, True], ids=["literal", "regex"])
def test_without_a_list_steps_search_within_the_gui_budget(
    qtbot: Any, bar: FindBar, monkeypatch: pytest.MonkeyPatch, regex: bool
) -> None:
    """A literal search keeps no list (it is linear); a regular expression with more hits
    than the cap keeps none either: each F3 searches, within the GUI thread's budget."""
    monkeypatch.setattr(find_bar_hits, "HIT_CAP", 3)  # "the" has more
    bar.act_regex.setChecked(regex)
    budgets: list[float | None] = []
    real = find_bar_hits.find_next

    def spy(*args: Any, **kwargs: Any) -> Any:
        budgets.append(kwargs.get("budget"))
        return real(*args, **kwargs)

    monkeypatch.setattr(find_bar_hits, "find_next", spy)
    type_query(qtbot, bar, "the")
    total = bar.total()
    assert total > 3
    seen = [bar.current_hit()]
    for _ in range(total - 1):
        key(bar, Qt.Key.Key_F3)
        seen.append(bar.current_hit())
    assert seen == sorted(seen) and len(set(seen)) == total
    assert bar.counter.text() == f"{total} of {total}"
    # The count job's first hit (a regular expression's comes from its one search).
    worker = [] if regex else [find_bar_hits.WORKER_BUDGET]
    assert budgets == worker + [find_bar_hits.GUI_BUDGET] * (total - 1)
    marks = bar.highlights_for(range(len(seen)))
    assert sum(len(v) for v in marks.values()) > 0
