"""Search wired into the window: Ctrl+F, highlights in the pane, hit list and its filter."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from tests.qt.conftest import load
from viewer.core.search import SearchIndex, SearchTimeout, count
from viewer.qt.document import Document
from viewer.qt.models.roles import Roles
from viewer.qt.widgets import find_bar_hits
from viewer.qt.widgets import hit_list as hit_list_module
from viewer.qt.widgets.find_bar_hits import GUI_BUDGET
from viewer.qt.widgets.find_bar_texts import too_slow

SHIFT = Qt.KeyboardModifier.ShiftModifier


def _search(qtbot: Any, window: Any, text: str) -> None:
    bar = window.find_bar
    # The index comes from a worker after the first paint: a query typed earlier waits for
    # it ("Indexing…", tested below); these tests search the indexed document.
    doc = window.current_document()
    qtbot.waitUntil(lambda: doc.search_index is not None, timeout=10000)
    with qtbot.waitSignal(bar.results_ready, timeout=10000):
        if text.isascii():
            qtbot.keyClicks(bar.field, text)
        else:
            bar.field.insert(text)  # Chinese arrives through the input method, not key codes


def test_ctrl_f_searches_both_languages_and_highlights_rows(qtbot: Any, window: Any) -> None:
    doc = load(qtbot, window)
    qtbot.keyClick(doc.pane, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = window.find_bar
    assert bar.isVisible() and QApplication.focusWidget() is bar.field
    _search(qtbot, window, "營收")  # Chinese for revenue: only in the translations
    assert bar.total() > 0
    assert bar.counter.text().startswith("1 of ")
    hit = bar.current_hit()
    assert hit.lang == "zh"
    qtbot.waitUntil(
        lambda: bool(
            doc.paragraph_model.index(doc.paragraph_model.row_of_paragraph(hit.paragraph), 0).data(
                Roles.HIGHLIGHTS
            )
        )
    )
    spans = doc.paragraph_model.index(doc.paragraph_model.row_of_paragraph(hit.paragraph), 0).data(
        Roles.HIGHLIGHTS
    )
    assert any(s.kind == "current" for s in spans)
    assert doc.pane.proxy_row_of_paragraph(hit.paragraph) >= doc.pane.rowAt(0)
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert bar.counter.text().startswith("2 of ")
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert QApplication.focusWidget() is doc.pane
    assert not any(
        doc.paragraph_model.index(r, 0).data(Roles.HIGHLIGHTS)
        for r in range(doc.paragraph_model.rowCount())
    )


def test_simplified_query_finds_traditional_text(qtbot: Any, window: Any) -> None:
    load(qtbot, window)
    window.find_bar.open()
    _search(qtbot, window, "营收")
    assert window.find_bar.total() > 0


def test_hit_list_filters_the_reading_pane(qtbot: Any, window: Any) -> None:
    doc = load(qtbot, window)
    qtbot.keyClick(
        doc.pane,
        Qt.Key.Key_H,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.hits_dock.isVisible()
    window.find_bar.open()
    _search(qtbot, window, "Libra")
    hit_list = window.hit_list
    qtbot.waitUntil(lambda: len(hit_list.hits()) > 0, timeout=10000)
    matching = {h.paragraph for h in hit_list.hits()}
    with qtbot.waitSignal(hit_list.filter_changed, timeout=10000):
        hit_list.only.setChecked(True)
    assert set(doc.pane.visible_paragraphs()) == matching
    assert "of" in window.status_line.count_label.text()
    hit_list.only.setChecked(False)
    assert len(doc.pane.visible_paragraphs()) == len(doc.transcript.paragraphs)


def test_search_index_comes_from_a_worker_after_the_first_paint(qtbot: Any, window: Any) -> None:
    doc = load(qtbot, window)
    qtbot.waitUntil(lambda: doc.search_index is not None, timeout=10000)
    assert window.find_bar.index is doc.search_index  # not rebuilt on the GUI thread


def test_query_typed_before_the_index_waits_for_it(
    qtbot: Any, window: Any, monkeypatch: Any
) -> None:
    pending: list[Document] = []
    # The background work is held back until the query is typed.
    monkeypatch.setattr(Document, "start_background_work", lambda d: pending.append(d))
    doc = load(qtbot, window)
    qtbot.waitUntil(lambda: pending == [doc.document], timeout=10000)
    assert doc.search_index is None and window.find_bar.index is None
    monkeypatch.undo()
    bar = window.find_bar
    bar.open()
    with qtbot.waitSignal(bar.results_ready, timeout=10000):
        qtbot.keyClicks(bar.field, "Libra")
    assert bar.counter.text() == "Indexing…" and bar.total() == 0
    with qtbot.waitSignal(bar.results_ready, timeout=10000):
        doc.document.start_background_work()  # the index, in its worker
    assert bar.index is doc.search_index is not None and bar.total() > 0
    window.hits_dock.show()
    qtbot.waitUntil(lambda: len(window.hit_list.hits()) == bar.total(), timeout=10000)


TRAP = Path(__file__).resolve().parents[1] / "data" / "search" / "TLI-2025-Q2.txt"
# Runaway in the regex module on the call's paragraphs (36 "a" then 36 "x"; 235 words
# ending in a full stop): each is stopped by its budget.
RUNAWAY = [r"(\w+\s?)+$", r"(a|aa)+b", r"(a|a)+$"]
# Pathological for Python's re, which the regex module answers at once: a count, no message.
TAMED = [r"(a+)+$", r"^(\s*\w+)*$", r"(\w+)*!"]


class BudgetSpy:
    """Records every search the find bar and the hit list run: on which thread, with which
    budget, and whether it timed out."""

    def __init__(self, monkeypatch: Any) -> None:
        self.calls: list[tuple[str, bool, float | None, bool]] = []
        for module in (find_bar_hits, hit_list_module):
            for name in ("find", "find_next", "rank", "count"):
                if hasattr(module, name):
                    monkeypatch.setattr(module, name, self._wrap(name, getattr(module, name)))

    def _wrap(self, name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def spy(*args: Any, **kwargs: Any) -> Any:
            gui = threading.current_thread() is threading.main_thread()
            try:
                result = fn(*args, **kwargs)
            except SearchTimeout:
                self.calls.append((name, gui, kwargs.get("budget"), True))
                raise
            self.calls.append((name, gui, kwargs.get("budget"), False))
            return result

        return spy

    def on_gui(self) -> list[tuple[str, bool, float | None, bool]]:
        return [c for c in self.calls if c[1]]


def _queued_timer_runs(qtbot: Any) -> None:
    """The event loop is free: a queued timer fires (the GUI thread is not stuck in a
    search)."""
    fired: list[bool] = []
    QTimer.singleShot(0, lambda: fired.append(True))
    qtbot.waitUntil(lambda: fired == [True], timeout=10000)


@pytest.mark.parametrize("pattern", RUNAWAY)
def test_a_runaway_regex_is_stopped_with_a_message(
    qtbot: Any, window: Any, monkeypatch: Any, pattern: str
) -> None:
    # The count job's budget, smaller than the app's 5 s so that the test is quick.
    monkeypatch.setattr(find_bar_hits, "WORKER_BUDGET", 0.3)
    monkeypatch.setattr(hit_list_module, "WORKER_BUDGET", 0.3)
    spy = BudgetSpy(monkeypatch)
    doc = load(qtbot, window, TRAP)
    qtbot.keyClick(doc.pane, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier | SHIFT)
    bar = window.find_bar
    bar.open()
    qtbot.keyClick(bar.field, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    assert bar.act_regex.isChecked()
    _search(qtbot, window, pattern)
    assert bar.message.text() == too_slow(0.3)
    assert bar.field.property("error") is True
    # In a small window the message is elided, whole in its tool tip; the bar keeps its size.
    window.resize(900, 600)
    qtbot.waitUntil(lambda: window.width() == 900)
    qtbot.waitUntil(lambda: bar.message.toolTip() == too_slow(0.3))
    shown = super(type(bar.message), bar.message).text()
    assert shown.endswith("…") and bar.width() <= window.width()
    assert bar.total() == 0 and bar.counter.text() == ""
    # The first highlights of the rows on screen ran on the GUI thread, within its budget,
    # and timed out; everything in the workers had their budget too.
    gui = spy.on_gui()
    assert gui and all(budget == GUI_BUDGET for _, _, budget, _ in gui)
    assert any(timed_out for *_, timed_out in gui)
    assert all(budget == 0.3 for _, on_gui, budget, _ in spy.calls if not on_gui)
    # F3, Shift+F3, the "only matching" filter and scrolling: each returns, the message stays.
    for step in (Qt.KeyboardModifier.NoModifier, SHIFT):
        qtbot.keyClick(doc.pane, Qt.Key.Key_F3, step)
        _queued_timer_runs(qtbot)
        assert bar.message.text() == too_slow(0.3)
    hits = window.hit_list
    hits.only.setChecked(True)
    qtbot.waitUntil(lambda: not hits.is_busy(), timeout=10000)
    assert hits.summary.text() == too_slow(0.3)
    before = len(spy.on_gui())
    scroll = doc.pane.verticalScrollBar()
    scroll.setValue(scroll.maximum())
    scroll.setValue(0)
    _queued_timer_runs(qtbot)
    assert len(spy.on_gui()) == before  # no search on the GUI thread again for this query
    model = doc.paragraph_model
    for p in range(len(doc.transcript.paragraphs)):
        assert model.index(model.row_of_paragraph(p), 0).data(Roles.HIGHLIGHTS) == []
    assert not window.errors


@pytest.mark.parametrize("pattern", TAMED)
def test_regex_pathological_for_re_counts_and_steps(
    qtbot: Any, window: Any, monkeypatch: Any, pattern: str
) -> None:
    spy = BudgetSpy(monkeypatch)
    doc = load(qtbot, window, TRAP)
    bar = window.find_bar
    bar.open()
    bar.act_regex.setChecked(True)
    _search(qtbot, window, pattern)
    assert bar.message.text() == ""
    expected = count(SearchIndex(doc.transcript), bar.options())
    assert bar.total() == expected
    if expected:
        qtbot.keyClick(doc.pane, Qt.Key.Key_F3)
        qtbot.keyClick(doc.pane, Qt.Key.Key_F3, SHIFT)
        assert bar.counter.text() == f"1 of {expected}"
    # Steps came from the worker's list: no search on the GUI thread after the first paint.
    assert all(budget == GUI_BUDGET for _, _, budget, _ in spy.on_gui())
    assert all(name == "find" for name, *_ in spy.on_gui())
