"""qtmodeltester on every reading-pane and speaker-tree model and proxy."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPersistentModelIndex, Qt

from tests.conftest import SAMPLE
from viewer.core.metrics import Badge
from viewer.core.transcript_io import load_transcript
from viewer.qt.models.paragraph_table_model import Highlight, ParagraphTableModel
from viewer.qt.models.roles import Roles, RowKind
from viewer.qt.models.speaker_tree_model import SpeakerTreeModel
from viewer.qt.proxies.paragraph_filter_proxy import ParagraphFilterProxyModel


def _transcript() -> Any:
    return load_transcript(SAMPLE)


def test_paragraph_model_contract(qtmodeltester: Any) -> None:
    t = _transcript()
    model = ParagraphTableModel(t)
    qtmodeltester.check(model)
    kinds = [model.row_kind(r) for r in range(model.rowCount())]
    assert kinds.count(RowKind.PARAGRAPH) == len(t.paragraphs)
    assert kinds.count(RowKind.HEADER) == len(t.turns)
    assert kinds.count(RowKind.SECTION) == 2  # prepared remarks, then Q&A
    row = model.row_of_paragraph(5)
    assert model.index(row, 0).data(Roles.EN) == t.paragraphs[5].en
    assert model.index(row, 0).data(Roles.ZH) == t.paragraphs[5].zh


def test_highlights_and_badges_emit_data_changed_for_their_rows(qtbot: Any) -> None:
    model = ParagraphTableModel(_transcript())
    with qtbot.waitSignal(model.dataChanged) as blocker:
        model.set_highlights({3: [Highlight("en", 0, 4, "search")]})
    top, bottom, roles = blocker.args
    assert top.row() == bottom.row() == model.row_of_paragraph(3)
    assert Roles.HIGHLIGHTS in roles
    assert model.index(model.row_of_paragraph(3), 0).data(Roles.HIGHLIGHTS)[0].end == 4
    with qtbot.assertNotEmitted(model.dataChanged):
        model.set_highlights({3: [Highlight("en", 0, 4, "search")]})  # unchanged: no signal
    with qtbot.waitSignal(model.dataChanged):
        model.set_badges({7: Badge("$1 ≠ 10 美元", figures=True)})
    index = model.index(model.row_of_paragraph(7), 0)
    assert index.data(Qt.ItemDataRole.ToolTipRole) == "$1 ≠ 10 美元"
    assert index.data(Roles.BADGE).figures


def test_filter_proxy_contract_and_filters(qtmodeltester: Any) -> None:
    t = _transcript()
    model = ParagraphTableModel(t)
    proxy = ParagraphFilterProxyModel()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    analysts = frozenset(s.id for s in t.speakers if s.role.value == "analyst")
    proxy.set_filters(hidden_speakers=analysts)
    qtmodeltester.check(proxy)
    shown = {proxy.index(r, 0).data(Roles.SPEAKER_ID) for r in range(proxy.rowCount())}
    assert shown and not shown & analysts
    proxy.set_filters(hidden_speakers=frozenset(), hidden_sections=frozenset({"prepared"}))
    sections = {proxy.index(r, 0).data(Roles.SECTION) for r in range(proxy.rowCount())}
    assert sections == {"qa"}
    proxy.set_filters(hidden_sections=frozenset(), only_paragraphs=frozenset({0, 10}))
    paras = [proxy.index(r, 0).data(Roles.PARAGRAPH) for r in range(proxy.rowCount())]
    assert [p for p in paras if p >= 0] == [0, 10]
    # Each shown paragraph keeps its speaker header above it.
    kinds = [proxy.index(r, 0).data(Roles.ROW_KIND) for r in range(proxy.rowCount())]
    assert kinds.count(RowKind.HEADER) == 2


def test_persistent_index_survives_filtering() -> None:
    t = _transcript()
    model = ParagraphTableModel(t)
    proxy = ParagraphFilterProxyModel()
    proxy.setSourceModel(model)
    target = t.paragraphs[-1]
    row = proxy.mapFromSource(model.index(model.row_of_paragraph(target.index), 0)).row()
    pidx = QPersistentModelIndex(proxy.index(row, 0))
    proxy.set_filters(hidden_sections=frozenset({"prepared"}))
    assert pidx.isValid() and pidx.row() < row
    assert pidx.data(Roles.PARAGRAPH) == target.index
    proxy.set_filters(hidden_sections=frozenset())
    assert pidx.isValid() and pidx.row() == row


def test_speaker_tree_contract_groups_and_checks(qtmodeltester: Any, qtbot: Any) -> None:
    t = _transcript()
    model = SpeakerTreeModel(t)
    qtmodeltester.check(model)
    top = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert top == ["Operator", t.meta.company, "Analysts"]
    analysts = model.index(2, 0)
    firms = [model.index(r, 0, analysts).data() for r in range(model.rowCount(analysts))]
    assert firms == sorted(firms, key=str.casefold) and "Goldman Sachs" in firms
    # Unchecking the analysts group hides every analyst; the group shows unchecked.
    with qtbot.waitSignal(model.hidden_speakers_changed) as blocker:
        assert model.setData(analysts, Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    hidden = blocker.args[0]
    assert hidden == {s.id for s in t.speakers if s.role.value == "analyst"}
    assert analysts.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    firm = model.index(0, 0, analysts)
    speaker = model.index(0, 0, firm)
    model.setData(speaker, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert analysts.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.PartiallyChecked
    qtmodeltester.check(model)
    # Turn nodes know their turn; every turn appears once.
    turns = []
    for sid in (s.id for s in t.speakers):
        sidx = model.index_of_speaker(sid)
        turns += [model.index(r, 0, sidx).data(Roles.TURN) for r in range(model.rowCount(sidx))]
    assert sorted(turns) == list(range(len(t.turns)))
