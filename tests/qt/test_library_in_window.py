"""The library attached to the real window: menus reused, a call opened at a paragraph."""

from __future__ import annotations

import shutil
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from tests.conftest import DATA
from viewer.core.search import Hit
from viewer.qt.document_view import DocumentView
from viewer.qt.library_link import attach_library
from viewer.qt.models.paragraph_table_model import Highlight


def test_library_uses_the_windows_menus_and_opens_calls_at_a_paragraph(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    folder = tmp_path / "calls"
    folder.mkdir()
    for f in sorted((DATA / "library").glob("*.txt"))[:2]:
        shutil.copy(f, folder)
    controller = attach_library(window, tmp_path / "library.sqlite3")
    assert window.library is controller
    titles = [a.text() for a in window.menuBar().actions()]
    assert len(titles) == len(set(titles)), titles  # no second File or View menu
    target = sorted(folder.glob("*.txt"))[0]
    with qtbot.waitSignal(window.load_finished, timeout=20000):
        controller.open_at(str(target), 3, None)
    view = window.current_document()
    assert isinstance(view, DocumentView) and view.path == target.resolve()
    qtbot.waitUntil(lambda: 3 in view.pane.selected_paragraphs(), timeout=5000)
    # A search result opens its call with the hit marked.
    hit = SimpleNamespace(hit=Hit(5, "en", 0, 4))
    with qtbot.waitSignal(window.load_finished, timeout=20000):
        controller.open_at(str(target), 5, hit)
    view = window.current_document()
    assert view.document.extra_highlights == {5: [Highlight("en", 0, 4, "current")]}
    controller.shutdown()
