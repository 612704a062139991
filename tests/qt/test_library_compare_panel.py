"""Compare quarters in the window: verdicts in words and colour, the chart of a metric, a
click opens the guidance or the reported paragraph; and every library model passes Qt's
model tester (issue 15)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from tests.qt.library_fixtures import LibWindow, index_folder, install
from viewer.core.library import Library, Verdict, compare
from viewer.qt.library.compare_table_model import CompareTableModel, verdict_text
from viewer.qt.library.library_roles import LibraryRoles


@pytest.fixture
def lw(qtbot: Any, tmp_path: Path) -> Iterator[LibWindow]:
    lw = install(qtbot, tmp_path)
    index_folder(qtbot, lw)
    yield lw
    lw.controller.shutdown()


def _open_compare(qtbot: Any, lw: LibWindow) -> Any:
    dock = lw.controller.library_dock
    dock.show()
    dock.view.setCurrentIndex(dock.model.index(0, 0))  # the company row
    assert dock.compare_button.isEnabled()
    with qtbot.waitSignal(lw.controller.compare_panel.compared):
        dock.compare_button.click()
    assert lw.controller.compare_dock.isVisible()
    return lw.controller.compare_panel


def test_verdicts_at_a_glance(qtbot: Any, lw: LibWindow) -> None:
    panel = _open_compare(qtbot, lw)
    with Library(lw.db) as lib:
        expected = compare(lib, "CLNT")
    model = panel.model
    shown = set()
    for row in range(model.rowCount()):
        value = model.index(row, model.VERDICT).data(LibraryRoles.VERDICT)
        if value is None:
            continue
        verdict = Verdict(value)
        cell = model.index(row, model.VERDICT)
        assert cell.data() == verdict_text(verdict)  # words, not only a colour
        assert cell.data(Qt.ItemDataRole.BackgroundRole) is not None
        r = model.row_at(row)
        shown.add((r.metric, r.period, r.check.guided_in, verdict))
    assert shown == {
        (g.guidance.metric, g.guidance.period, g.guided_in, g.verdict) for g in expected.guidance
    }
    assert {v for *_, v in shown} == set(Verdict)  # the fixtures beat, meet, miss and wait
    for v in Verdict:
        count = sum(1 for g in expected.guidance if g.verdict is v)
        assert f"{verdict_text(v)} {count}" in panel.summary.text()


def test_click_opens_the_guidance_or_the_reported_paragraph(qtbot: Any, lw: LibWindow) -> None:
    panel = _open_compare(qtbot, lw)
    model = panel.model
    row = next(
        k
        for k in range(model.rowCount())
        if model.row_at(k).check is not None and model.row_at(k).reported is not None
    )
    r = model.row_at(row)
    for col, want in (
        (model.GUIDANCE, r.check.guidance),
        (model.REPORTED, r.reported),
        (model.VERDICT, r.reported),
    ):
        index = model.index(row, col)
        panel.table.scrollTo(index)
        rect = panel.table.visualRect(index)
        qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert lw.opened[-1] == (want.file, want.paragraph, None)
    assert r.check.guidance.file != r.reported.file  # guided in one call, reported in a later


def test_chart_of_the_chosen_metric(qtbot: Any, lw: LibWindow) -> None:
    panel = _open_compare(qtbot, lw)
    at = panel.metric_choice.findData("revenue\tUSD")
    assert at >= 0
    panel.metric_choice.setCurrentIndex(at)
    with Library(lw.db) as lib:
        expected = compare(lib, "CLNT")
    quarters = [(p, float(v)) for p, v in expected.series("revenue", "USD") if p.startswith("Q")]
    points = panel.chart.points()
    assert [(p.period, p.value) for p in points if p.value is not None] == quarters
    pending = [p for p in points if p.value is None]
    assert pending and all(p.low is not None and p.verdict is None for p in pending)
    for p in points:
        g = next(
            (
                g
                for g in expected.guidance
                if g.guidance.metric == "revenue" and g.guidance.period == p.period
            ),
            None,
        )
        if g is not None and p.value is not None:
            assert p.verdict is g.verdict and p.low == float(g.guidance.low)
    # it paints (something other than the background)
    panel.chart.resize(600, 260)
    image = panel.chart.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    colours = {image.pixel(x, y) for x in range(0, 600, 7) for y in range(0, 260, 7)}
    assert len(colours) > 5


def test_models_pass_the_model_tester(qtbot: Any, qtmodeltester: Any, lw: LibWindow) -> None:
    c = lw.controller
    qtmodeltester.check(c.library_dock.model)
    panel = c.search_panel
    panel.field.setText("營收")
    with qtbot.waitSignal(panel.results_ready, timeout=60000):
        panel.search_now()
    assert panel.model.rowCount()
    qtmodeltester.check(panel.model)
    with Library(lw.db) as lib:
        model = CompareTableModel()
        model.set_comparison(compare(lib, "CLNT"))
    assert model.rowCount()
    qtmodeltester.check(model)
