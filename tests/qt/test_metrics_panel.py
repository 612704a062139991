"""The metrics panel: models and proxies (qtmodeltester), filters, numeric sort, clicks."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSortFilterProxyModel, Qt

from tests.core.test_metrics import write_call
from viewer.core.metrics import analyse
from viewer.core.metrics_models import Analysis
from viewer.core.models import Transcript
from viewer.core.transcript_io import load_transcript
from viewer.qt import theme
from viewer.qt.models.figure_table_model import CHECK, VALUE_EN, VALUE_ZH, FigureTableModel
from viewer.qt.models.name_check_model import NameCheckModel
from viewer.qt.models.roles import Roles
from viewer.qt.models.speaker_stats_model import SpeakerStatsModel
from viewer.qt.proxies.figure_filter_proxy import FigureFilterProxy
from viewer.qt.widgets.metrics_panel import MetricsPanel
from viewer.qt.widgets.talk_share_chart import TalkShareChart


@pytest.fixture
def call(tmp_path: Path) -> tuple[Transcript, Analysis]:
    t = load_transcript(write_call(tmp_path))
    return t, analyse(t)


@pytest.fixture
def panel(qtbot: Any, call: tuple[Transcript, Analysis]) -> MetricsPanel:
    w = MetricsPanel()
    qtbot.addWidget(w)
    w.resize(900, 600)
    w.set_analysis(*call)
    w.show()
    return w


def shown(proxy: Any, column: int = 0, role: int = Qt.ItemDataRole.DisplayRole) -> list[Any]:
    return [proxy.index(r, column).data(role) for r in range(proxy.rowCount())]


def test_models_and_proxies_pass_the_model_tester(
    qtmodeltester: Any, call: tuple[Transcript, Analysis]
) -> None:
    t, a = call
    figures = FigureTableModel()
    figures.set_analysis(t, a)
    qtmodeltester.check(figures)
    proxy = FigureFilterProxy()
    proxy.setSourceModel(figures)
    proxy.set_filters(check=frozenset({"match"}))
    proxy.sort(VALUE_EN)
    qtmodeltester.check(proxy)
    stats = SpeakerStatsModel()
    stats.set_rows(a.speakers)
    qtmodeltester.check(stats)
    firms = SpeakerStatsModel()
    firms.set_rows(a.firms)
    qtmodeltester.check(firms)
    names = NameCheckModel()
    names.set_rows(a.names)
    qtmodeltester.check(names)
    empty = FigureTableModel()
    qtmodeltester.check(empty)


def test_figure_table_shows_both_conventions(panel: MetricsPanel) -> None:
    m = panel.figure_model
    assert m.rowCount() == 8
    assert [m.index(0, c).data() for c in range(8)] == [
        "Revenue",
        "56.2 M USD",
        "5,620 萬美元",
        "Q1 2031",
        "Reported",
        "Ana Ruiz",
        "Prepared remarks",
        "✓ Match",
    ]
    assert m.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) == "$56.2 million = 5,620 萬美元"
    assert "$56.2 million" in m.index(0, 8).data()
    assert "5,620 萬美元" in m.index(0, 9).data()
    assert m.index(5, 8).data() == ""  # an extra figure has no English
    assert panel.count_label.text() == "8 figures"


def test_filters(panel: MetricsPanel, qtbot: Any) -> None:
    p = panel.figure_proxy
    panel.check_box.setCurrentIndex(panel.check_box.findText("Mismatches"))
    assert shown(p, CHECK) == ["≠ Mismatch"]
    assert panel.count_label.text() == "1 of 8 figures"
    panel.check_box.setCurrentIndex(panel.check_box.findText("Problems (mismatch, missing)"))
    assert shown(p, CHECK) == ["≠ Mismatch", "? Missing"]
    panel.check_box.setCurrentIndex(0)
    panel.who_box.setCurrentIndex(panel.who_box.findText("Analysts"))
    assert shown(p, 0, Roles.SPEAKER_ROLE) == ["analyst"]
    panel.who_box.setCurrentIndex(panel.who_box.findText("Ana Ruiz"))
    assert set(shown(p, 0, Roles.SPEAKER_ID)) == {"ana-ruiz"}
    panel.who_box.setCurrentIndex(0)
    panel.section_box.setCurrentIndex(panel.section_box.findText("Q&A"))
    assert len(shown(p)) == 2
    panel.section_box.setCurrentIndex(0)
    panel.nature_box.setCurrentIndex(panel.nature_box.findData("guidance"))
    # The extra (a figure only the Chinese has) is in that sentence: each value column shows
    # its own language's figure, so the English one is blank there.
    assert shown(p, VALUE_EN) == ["60–62 M USD", ""]
    assert shown(p, VALUE_ZH) == ["6,000 至 6,200 萬美元", "300 人"]
    panel.nature_box.setCurrentIndex(0)
    panel.metric_box.setCurrentIndex(panel.metric_box.findData("operating expenses"))
    assert shown(p, 1) == ["20.4 M USD"]
    assert shown(p, VALUE_ZH) == ["2,400 萬美元"]  # the mismatch shows as two numbers
    panel.metric_box.setCurrentIndex(0)
    panel.search.setText("萬美元")  # QTest cannot type Han characters
    assert len(shown(p)) == 3
    panel.search.clear()
    qtbot.keyClicks(panel.search, "ENGINEERS")
    assert shown(p, 8) == ["Over time, yes. We hired 45 engineers for it."]
    panel.search.clear()
    assert p.rowCount() == 8


def test_numeric_sort_on_values(panel: MetricsPanel) -> None:
    view = panel.figure_view
    view.sortByColumn(VALUE_EN, Qt.SortOrder.AscendingOrder)
    values = shown(panel.figure_proxy, VALUE_EN, Roles.SORT)
    assert values == sorted(values)
    assert values[:4] == [-0.15, 12.0, 45.0, 60.0]  # as numbers: 12 before 45, -0.15 first
    view.sortByColumn(VALUE_EN, Qt.SortOrder.DescendingOrder)
    assert shown(panel.figure_proxy, VALUE_EN, Roles.SORT)[0] == 60000000.0


def test_click_emits_the_figure_spans(panel: MetricsPanel, qtbot: Any) -> None:
    view = panel.figure_view
    rect = view.visualRect(panel.figure_proxy.index(2, 0))
    with qtbot.waitSignal(panel.figure_activated) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    paragraph, en, zh = blocker.args
    t = panel.figure_model.transcript
    assert t is not None
    assert t.paragraphs[paragraph].en[en[0] : en[1]] == "$20.4 million"
    assert (t.paragraphs[paragraph].zh or "")[zh[0] : zh[1]] == "2,400 萬美元"
    rect = view.visualRect(panel.figure_proxy.index(5, 0))
    with qtbot.waitSignal(panel.figure_activated) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args[1] is None  # extra: only Chinese


def test_keyboard_activation(panel: MetricsPanel, qtbot: Any) -> None:
    view = panel.figure_view
    view.setFocus()
    view.setCurrentIndex(panel.figure_proxy.index(0, 0))
    with qtbot.waitSignal(panel.figure_activated) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert blocker.args[0] == 1


def test_paragraphs_with_figures_only(panel: MetricsPanel, qtbot: Any) -> None:
    with qtbot.waitSignal(panel.paragraph_filter_changed) as blocker:
        panel.figures_only.setChecked(True)
    assert blocker.args == [frozenset({1, 2, 3, 6, 7})]
    with qtbot.waitSignal(panel.paragraph_filter_changed) as blocker:
        panel.check_box.setCurrentIndex(panel.check_box.findText("Mismatches"))
    assert blocker.args == [frozenset({2})]
    with qtbot.waitSignal(panel.paragraph_filter_changed) as blocker:
        panel.figures_only.setChecked(False)
    assert blocker.args == [None]


def test_names_tab(panel: MetricsPanel, qtbot: Any) -> None:
    assert panel.tabs.tabText(2) == "&Names (1)"
    panel.tabs.setCurrentIndex(2)
    view = panel.name_view
    # Translated in one paragraph only: too little to tell how ("Rendered as" stays empty).
    row = [view.model().index(0, c).data() for c in range(6)]
    assert row == ["Vireo", "", "2", "1", "2, 7", "5"]
    rect = view.visualRect(view.model().index(0, 0))
    marks: list[Any] = []
    panel.highlights_requested.connect(marks.append)
    with qtbot.waitSignal(panel.paragraph_activated) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [4]
    # Clicking a name highlights it in every paragraph that has it.
    assert sorted(marks[-1]) == [1, 4, 6]
    assert all(any(h.lang == "en" for h in marks[-1][p]) for p in (1, 4, 6))


def test_statistics_tab_and_chart(panel: MetricsPanel) -> None:
    panel.tabs.setCurrentIndex(1)
    proxy = panel.stats_proxy
    assert shown(proxy) == ["Operator", "Ana Ruiz", "Lee Park"]
    panel.stats_view.sortByColumn(5, Qt.SortOrder.DescendingOrder)  # words, numerically
    assert shown(proxy)[0] == "Ana Ruiz"
    bars = panel.chart.bars()
    assert bars[0][0] == "Ana Ruiz"
    assert sum(b[1] for b in bars) == pytest.approx(1.0)
    panel.stats_by.setCurrentIndex(1)
    assert isinstance(proxy, QSortFilterProxyModel)
    assert set(shown(proxy)) == {"Maple Ridge Devices Inc", "Birch Capital"}
    assert {b[0] for b in panel.chart.bars()} == {"Maple Ridge Devices Inc", "Birch Capital"}


def test_chart_paints_and_maps_rows(qtbot: Any) -> None:
    chart = TalkShareChart()
    qtbot.addWidget(chart)
    chart.set_bars([("Short", 0.2, "analyst"), ("A much longer speaker name", 0.7, "company")])
    chart.resize(400, chart.sizeHint().height())
    image = chart.grab().toImage()
    assert not image.isNull()
    assert chart.bars()[0][0] == "A much longer speaker name"
    assert chart.bar_at(5) == 0
    assert chart.bar_at(chart.sizeHint().height() * 10) == -1
    # some bar pixels were painted in the company colour
    colours = {image.pixelColor(x, 12).name() for x in range(image.width())}
    assert theme.active().speaker_company in colours


def test_empty_panel(qtbot: Any) -> None:
    w = MetricsPanel()
    qtbot.addWidget(w)
    assert w.figure_model.rowCount() == 0
    assert w.count_label.text() == "0 figures"
    assert w.chart.bars() == []
    with qtbot.waitSignal(w.paragraph_filter_changed) as blocker:
        w.figures_only.setChecked(True)
    assert blocker.args == [None]


def test_alab_in_the_panel(qtbot: Any, alab_path: Path) -> None:
    t = load_transcript(alab_path)
    w = MetricsPanel()
    qtbot.addWidget(w)
    w.set_analysis(t, analyse(t))
    w.check_box.setCurrentIndex(w.check_box.findText("Problems (mismatch, missing)"))
    assert w.figure_proxy.rowCount() == 0
    names = {w.name_model.index(r, 0).data() for r in range(w.name_model.rowCount())}
    assert {"Aries", "Taurus", "Scorpio", "Leo"} <= names


def test_figure_highlights_for_the_reading_pane() -> None:
    from viewer.qt.models.paragraph_table_model import Highlight
    from viewer.qt.widgets.metrics_panel import figure_highlights

    assert figure_highlights(3, (5, 18), (2, 12)) == {
        3: [Highlight("en", 5, 18, "figure"), Highlight("zh", 2, 12, "figure")]
    }
    assert figure_highlights(4, None, (0, 4)) == {4: [Highlight("zh", 0, 4, "figure")]}
