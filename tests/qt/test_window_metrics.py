"""The figures dock wired into the window: analysis in a worker, badges, click to a figure."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from tests.qt.conftest import load
from viewer.qt.document import Only
from viewer.qt.models.roles import Roles


def _loaded_with_figures(qtbot: Any, window: Any) -> Any:
    with qtbot.waitSignal(window.analysis_finished, timeout=20000):
        doc = load(qtbot, window)
    return doc


def test_analysis_fills_the_panel_and_badges_the_slips(qtbot: Any, window: Any) -> None:
    doc = _loaded_with_figures(qtbot, window)
    panel = window.metrics_panel
    assert panel.analysis is doc.analysis
    assert panel.figure_proxy.rowCount() == len(doc.analysis.figures) > 20
    badged = [
        p.index
        for p in doc.transcript.paragraphs
        if doc.paragraph_model.index(doc.paragraph_model.row_of_paragraph(p.index), 0).data(
            Roles.BADGE
        )
    ]
    tips = [
        doc.paragraph_model.index(doc.paragraph_model.row_of_paragraph(p), 0).data(
            Qt.ItemDataRole.ToolTipRole
        )
        for p in badged
    ]
    # The sample's slip: $52.7 million became 5.27 億美元 (ten times too much).
    assert any("52.7" in tip and "5.27 億" in tip for tip in tips), tips


def test_clicking_a_figure_selects_and_highlights_it_in_both_languages(
    qtbot: Any, window: Any
) -> None:
    doc = _loaded_with_figures(qtbot, window)
    panel = window.metrics_panel
    view = panel.figure_view
    row = next(
        r
        for r in range(panel.figure_proxy.rowCount())
        if panel.figure_model.figure(
            panel.figure_proxy.mapToSource(panel.figure_proxy.index(r, 0)).row()
        ).zh
        is not None
    )
    figure = panel.figure_model.figure(
        panel.figure_proxy.mapToSource(panel.figure_proxy.index(row, 0)).row()
    )
    rect = view.visualRect(panel.figure_proxy.index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert doc.pane.selected_paragraphs() == [figure.paragraph]
    spans = doc.paragraph_model.index(
        doc.paragraph_model.row_of_paragraph(figure.paragraph), 0
    ).data(Roles.HIGHLIGHTS)
    langs = {(s.lang, s.start, s.end) for s in spans if s.kind == "figure"}
    assert ("en", figure.en.start, figure.en.end) in langs
    assert ("zh", figure.zh.start, figure.zh.end) in langs
    p = doc.transcript.paragraphs[figure.paragraph]
    assert p.en[figure.en.start : figure.en.end] == figure.en.text


def test_figures_only_filter_and_hits_filter_intersect(qtbot: Any, window: Any) -> None:
    doc = _loaded_with_figures(qtbot, window)
    with_figures = {f.paragraph for f in doc.analysis.figures}
    window.metrics_panel.figures_only.setChecked(True)
    assert set(doc.pane.visible_paragraphs()) == with_figures
    doc.document.set_only(Only.HITS, frozenset({min(with_figures), 0}))
    assert set(doc.pane.visible_paragraphs()) == {min(with_figures)} & with_figures | (
        {0} & with_figures
    )
    doc.document.set_only(Only.HITS, None)
    window.metrics_panel.figures_only.setChecked(False)
    assert len(doc.pane.visible_paragraphs()) == len(doc.transcript.paragraphs)
