"""Search wired into the window: Ctrl+F, highlights in the pane, hit list and its filter."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.qt.conftest import load
from viewer.qt.document import Document
from viewer.qt.models.roles import Roles


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
