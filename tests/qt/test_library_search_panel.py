"""Library search in the window: grouped results in both languages, Enter opens the call at
the paragraph, filters, invalid regex, CSV export (issue 15)."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from tests.qt.library_fixtures import LibWindow, index_folder, install
from viewer.core.library import (
    RESULT_COLUMNS,
    Library,
    LibraryResults,
    SearchFilters,
    search,
)
from viewer.core.search import SearchOptions, fold
from viewer.qt.library.library_roles import LibraryRoles


@pytest.fixture
def lw(qtbot: Any, tmp_path: Path) -> Iterator[LibWindow]:
    lw = install(qtbot, tmp_path)
    index_folder(qtbot, lw)
    lw.controller.search_dock.show()
    yield lw
    lw.controller.shutdown()


def _search(qtbot: Any, lw: LibWindow, query: str, **set_up: Any) -> Any:
    panel = lw.controller.search_panel
    for name, value in set_up.items():
        combo = getattr(panel, name)
        at = combo.findData(value)
        assert at >= 0, f"{name}: no choice {value!r}"
        combo.setCurrentIndex(at)
    panel.field.setText(query)
    with qtbot.waitSignal(panel.results_ready, timeout=60000):
        panel.search_now()
    return panel


def _expected(
    lw: LibWindow, options: SearchOptions, filters: SearchFilters | None = None
) -> LibraryResults:
    """The core's answer on a connection of its own."""
    with Library(lw.db) as lib:
        results = search(lib, options, filters)
        assert results.hits is not None  # listed (and cached) while the connection is open
        return results


@pytest.mark.parametrize("query", ["營收", "guidance"])
def test_results_grouped_by_call_and_enter_opens_the_paragraph(
    qtbot: Any, lw: LibWindow, query: str
) -> None:
    panel = _search(qtbot, lw, query)
    expected = _expected(lw, SearchOptions(query=query))
    assert expected.count > 0
    model = panel.model
    assert model.rowCount() == len(expected.calls)
    assert str(expected.count) in panel.summary.text()
    for row, call in enumerate(expected.calls):
        parent = model.index(row, 0)
        assert parent.data(LibraryRoles.CALL).path == call.path
        assert str(expected.counts[call.id]) in parent.data()
        if model.canFetchMore(parent):
            model.fetchMore(parent)
        paragraphs = sorted({h.paragraph for h in expected.hits_of(call.id)})
        assert [
            model.index(k, 0, parent).data(LibraryRoles.OPEN_AT)[1]
            for k in range(model.rowCount(parent))
        ] == paragraphs
        # each row holds both languages and where its hits are, which fold to the query
        for k in range(model.rowCount(parent)):
            idx = model.index(k, 0, parent)
            for text_role, ranges_role in (
                (LibraryRoles.EN_TEXT, LibraryRoles.EN_RANGES),
                (LibraryRoles.ZH_TEXT, LibraryRoles.ZH_RANGES),
            ):
                text = idx.data(text_role)
                for a, b in idx.data(ranges_role):
                    assert fold(text[a:b]) == fold(query)
            assert idx.data(LibraryRoles.EN_TEXT) and idx.data(LibraryRoles.ZH_TEXT)
    # the first paragraph row is current: Enter opens the call there, with its first hit
    first = expected.hits[0]
    call = expected.calls[0]
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert lw.opened[-1] == (call.path, first.paragraph, first)
    # Enter in the field, once the results are in, opens too; double-click on a later row
    qtbot.keyClick(panel.field, Qt.Key.Key_Return)
    assert lw.opened[-1] == (call.path, first.paragraph, first)
    last_call = model.index(model.rowCount() - 1, 0)
    panel.view.expand(last_call)
    row = model.index(model.rowCount(last_call) - 1, 0, last_call)
    panel.view.scrollTo(row)
    rect = panel.view.visualRect(row)
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    path, paragraph, hit = lw.opened[-1]
    last_hits = [h for h in expected.hits if h.call_id == hit.call_id and h.paragraph == paragraph]
    assert path == expected.calls[-1].path and hit == last_hits[0]


def test_filters_and_options_match_the_core(qtbot: Any, lw: LibWindow) -> None:
    panel = lw.controller.search_panel
    panel.speaker.setText("Okoro")
    panel.act_word.setChecked(True)
    _search(
        qtbot,
        lw,
        "revenue",
        section="prepared",
        scope="en",
        period_from=20243,
        period_to=20251,
        company="CLNT",
    )
    options = SearchOptions(query="revenue", whole_word=True, scope="en")
    filters = SearchFilters(
        companies=("CLNT",),
        period_from=(2024, 3),
        period_to=(2025, 1),
        speakers=("Okoro",),
        section="prepared",
    )
    expected = _expected(lw, options, filters)
    unfiltered = _expected(lw, SearchOptions(query="revenue"))
    assert 0 < expected.count < unfiltered.count
    assert panel.model.results is not None
    assert panel.model.results.raw == expected.raw
    assert {c.period for c in expected.calls} <= {"Q3 2024", "Q4 2024", "Q1 2025"}
    assert panel.build() == (options, filters)


def test_invalid_regex_is_reported_inline(qtbot: Any, lw: LibWindow) -> None:
    panel = lw.controller.search_panel
    panel.act_regex.setChecked(True)
    _search(qtbot, lw, "(revenue")
    assert panel.message.text()
    assert panel.model.rowCount() == 0
    assert not panel.export_button.isEnabled()


def test_export_csv(
    qtbot: Any, lw: LibWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    panel = _search(qtbot, lw, "營收")
    out = tmp_path / "out" / "hits.csv"
    out.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    assert panel.export_button.isEnabled()
    with qtbot.waitSignal(panel.exported, timeout=60000) as blocker:
        panel.export_button.click()
    assert blocker.args == [str(out)]
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    expected = _expected(lw, SearchOptions(query="營收"))
    assert rows[0] == list(RESULT_COLUMNS)
    assert len(rows) - 1 == len({(h.call_id, h.paragraph) for h in expected.hits})
    assert all("營收" in r[RESULT_COLUMNS.index("Chinese")] for r in rows[1:])
    assert sum(int(r[RESULT_COLUMNS.index("Hits")]) for r in rows[1:]) == expected.count


def test_a_new_call_is_searched_after_a_rescan(qtbot: Any, lw: LibWindow) -> None:
    panel = _search(qtbot, lw, "營收")
    before = panel.model.results.count
    extra = lw.folder / "CLNT-copy.txt"
    extra.write_text(
        (lw.folder / "CLNT-2024-Q3.txt").read_text(encoding="utf-8") + "\n", encoding="utf-8"
    )
    with (
        qtbot.waitSignal(panel.results_ready, timeout=60000),
        qtbot.waitSignal(lw.controller.indexing_finished, timeout=60000),
    ):
        lw.controller.rescan()
    assert panel.model.results.count > before
