"""The export dialog driven for real: columns, encoding, neutralisation, preview, worker write."""

from __future__ import annotations

import csv
import os
import threading
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from tests.core.test_cli_export import TRIGGER_CALL
from viewer.core.export import (
    PARAGRAPH_COLUMNS,
    PARAGRAPH_HEADERS,
    ExportSpec,
    paragraph_export,
    paragraph_rows,
)
from viewer.core.models import Transcript
from viewer.core.transcript_io import load_transcript
from viewer.qt.dialogs.export_dialog import ExportDialog

OLD = b"old,file\r\n"


@pytest.fixture
def sample(sample_path: Path) -> Transcript:
    return load_transcript(sample_path)


def read_csv(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh))


def make_dialog(qtbot: Any, spec: ExportSpec, folder: Path, target: Path | None) -> ExportDialog:
    dlg = ExportDialog(spec, folder)
    qtbot.addWidget(dlg)
    dlg.asked = []  # type: ignore[attr-defined]

    def ask(initial: str) -> str | None:
        dlg.asked.append(initial)  # type: ignore[attr-defined]
        return str(target) if target is not None else None

    dlg.ask_save_path = ask
    dlg.confirm_overwrite = lambda path: pytest.fail(f"unexpected overwrite question: {path}")
    dlg.show()
    return dlg


def click_export(qtbot: Any, dlg: ExportDialog) -> None:
    qtbot.mouseClick(dlg.export_button, Qt.MouseButton.LeftButton)


def wait_idle(qtbot: Any, dlg: ExportDialog) -> None:
    qtbot.waitUntil(lambda: dlg.job is None, timeout=20000)


def test_defaults_and_preview(
    qtbot: Any, qtmodeltester: Any, sample: Transcript, tmp_path: Path
) -> None:
    dlg = make_dialog(
        qtbot, paragraph_export(sample, range(len(sample.paragraphs))), tmp_path, None
    )
    assert dlg.selected_columns() == list(PARAGRAPH_COLUMNS)
    assert dlg.bom() is True and dlg.neutralise.isChecked()
    assert dlg.name_edit.text() == "NOVA-2025-Q3-paragraphs.csv"
    model = dlg.preview_model
    qtmodeltester.check(model)
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == [PARAGRAPH_HEADERS[c] for c in PARAGRAPH_COLUMNS]
    assert model.rowCount() == 20
    first = [model.text(0, c) for c in range(model.columnCount())]
    assert first[:4] == ["Novaris Semiconductor Inc", "NOVA", "2025", "3"]
    assert first[-2] == sample.paragraphs[0].en
    # Unchecking a column updates the preview; none at all disables Export.
    dlg.columns.item(0).setCheckState(Qt.CheckState.Unchecked)
    assert model.columnCount() == len(PARAGRAPH_COLUMNS) - 1
    dlg.set_columns([])
    assert not dlg.export_button.isEnabled()
    assert dlg.message.text() == "Choose at least one column."
    dlg.reset_columns()
    assert dlg.export_button.isEnabled() and dlg.selected_columns() == list(PARAGRAPH_COLUMNS)
    # Cancel without a file name writes nothing.
    click_export(qtbot, dlg)
    assert dlg.asked == [str(tmp_path / "NOVA-2025-Q3-paragraphs.csv")]  # type: ignore[attr-defined]
    assert dlg.job is None and os.listdir(tmp_path) == []


def test_export_selected_paragraphs(qtbot: Any, sample: Transcript, tmp_path: Path) -> None:
    indices = [
        p.index for t in sample.turns if t.speaker_id == "kenneth-osei" for p in t.paragraphs
    ]
    target = tmp_path / "osei.csv"
    dlg = make_dialog(qtbot, paragraph_export(sample, indices), tmp_path, target)
    with qtbot.waitSignal(dlg.exported, timeout=20000) as blocker:
        click_export(qtbot, dlg)
    assert blocker.args == [str(target), len(indices)]
    assert dlg.result() == QDialog.DialogCode.Accepted
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and not data.startswith(b"\xef\xbb\xbf" * 2)
    rows = read_csv(target)
    assert rows[0] == [PARAGRAPH_HEADERS[c] for c in PARAGRAPH_COLUMNS]
    want = [(sample.paragraphs[i].en, sample.paragraphs[i].zh or "") for i in indices]
    assert [(r[-2], r[-1]) for r in rows[1:]] == want
    assert {r[7] for r in rows[1:]} == {"Kenneth Osei"}


def test_columns_no_bom_and_raw(qtbot: Any, tmp_path: Path) -> None:
    src = tmp_path / "QUIL.txt"
    src.write_text(TRIGGER_CALL, encoding="utf-8")
    t = load_transcript(src)
    spec = paragraph_export(t, range(len(t.paragraphs)))
    target = tmp_path / "out.csv"
    dlg = make_dialog(qtbot, spec, tmp_path, target)
    dlg.set_columns(["en", "zh"])
    # The preview shows the neutralised text first, then raw once the box is unchecked.
    assert dlg.preview_model.text(1, 0).startswith("'=HYPERLINK")
    dlg.neutralise.setChecked(False)
    assert dlg.preview_model.text(1, 0).startswith("=HYPERLINK")
    dlg.encoding.setCurrentIndex(1)
    with qtbot.waitSignal(dlg.exported, timeout=20000):
        click_export(qtbot, dlg)
    data = target.read_bytes()
    assert data.startswith(b"English,Chinese\r\n")
    assert read_csv(target)[1:] == [[p.en, p.zh or ""] for p in t.paragraphs]


def test_neutralised_by_default(qtbot: Any, tmp_path: Path) -> None:
    src = tmp_path / "QUIL.txt"
    src.write_text(TRIGGER_CALL, encoding="utf-8")
    t = load_transcript(src)
    target = tmp_path / "safe.csv"
    dlg = make_dialog(qtbot, paragraph_export(t, [1, 2, 3]), tmp_path, target)
    with qtbot.waitSignal(dlg.exported, timeout=20000):
        click_export(qtbot, dlg)
    rows = read_csv(target)
    assert [r[-2][:2] for r in rows[1:]] == ["'=", "'-", "'+"]
    assert [r[-2][1:] for r in rows[1:]] == [t.paragraphs[i].en for i in (1, 2, 3)]


def test_overwrite_declined_then_confirmed(qtbot: Any, sample: Transcript, tmp_path: Path) -> None:
    target = tmp_path / "old.csv"
    target.write_bytes(OLD)
    dlg = make_dialog(qtbot, paragraph_export(sample, [0, 1]), tmp_path, target)
    questions: list[str] = []
    answers = [False, True]
    dlg.confirm_overwrite = lambda path: questions.append(path) or answers.pop(0)
    click_export(qtbot, dlg)
    assert dlg.job is None and target.read_bytes() == OLD
    with qtbot.waitSignal(dlg.exported, timeout=20000):
        click_export(qtbot, dlg)
    assert questions == [str(target), str(target)]
    assert len(read_csv(target)) == 3


def test_failure_keeps_dialog_open_and_old_file(
    qtbot: Any, sample: Transcript, tmp_path: Path
) -> None:
    target = tmp_path / "folder.csv"
    target.mkdir()
    dlg = make_dialog(qtbot, paragraph_export(sample, [0, 1]), tmp_path, target)
    click_export(qtbot, dlg)
    wait_idle(qtbot, dlg)
    assert dlg.message.text() == f"Could not export: {target}: the target is a folder, not a file"
    assert dlg.isVisible() and dlg.result() != QDialog.DialogCode.Accepted
    assert dlg.export_button.isEnabled() and dlg.columns.isEnabled()
    assert os.listdir(target) == []


class GatedSpec:
    """The real paragraph rows, held back until the test opens the gate."""

    def __init__(self, transcript: Transcript, indices: list[int]) -> None:
        self.gate = threading.Event()
        self.transcript, self.indices = transcript, indices
        base = paragraph_export(transcript, indices)
        self.spec = ExportSpec(
            kind=base.kind,
            headers=base.headers,
            defaults=base.defaults,
            rows=self.rows,
            count=base.count,
            suggested_name=base.suggested_name,
        )

    def rows(
        self,
        columns: Sequence[str],
        progress: Callable[[int, int], None] | None,
        cancel: Callable[[], bool] | None,
    ) -> Iterable[Sequence[object]]:
        if progress is not None:  # the export itself, not the preview
            assert self.gate.wait(20)
        yield from paragraph_rows(
            self.transcript, self.indices, columns, progress=progress, cancel=cancel
        )


def test_cancel_keeps_old_file(qtbot: Any, sample: Transcript, tmp_path: Path) -> None:
    target = tmp_path / "old.csv"
    target.write_bytes(OLD)
    gated = GatedSpec(sample, list(range(len(sample.paragraphs))) * 30)
    dlg = make_dialog(qtbot, gated.spec, tmp_path, target)
    dlg.confirm_overwrite = lambda path: True
    click_export(qtbot, dlg)
    assert dlg.job is not None and not dlg.export_button.isEnabled()
    assert dlg.progress.isVisible()
    qtbot.mouseClick(dlg.cancel_button, Qt.MouseButton.LeftButton)  # cancels, stays open
    gated.gate.set()
    wait_idle(qtbot, dlg)
    assert dlg.message.text() == "Export cancelled; no file was written."
    assert dlg.isVisible() and target.read_bytes() == OLD
    assert os.listdir(tmp_path) == ["old.csv"]


def test_progress_and_close_while_writing(qtbot: Any, sample: Transcript, tmp_path: Path) -> None:
    target = tmp_path / "big.csv"
    indices = list(range(len(sample.paragraphs))) * 30
    gated = GatedSpec(sample, indices)
    dlg = make_dialog(qtbot, gated.spec, tmp_path, target)
    click_export(qtbot, dlg)
    dlg.close()  # ignored while writing: the export is cancelled, then the dialog closes
    assert dlg.isVisible()
    gated.gate.set()
    qtbot.waitUntil(lambda: not dlg.isVisible(), timeout=20000)
    assert not target.exists() and os.listdir(tmp_path) == []
    # Without closing, the same export runs to the end and reports progress on the way.
    gated2 = GatedSpec(sample, indices)
    dlg2 = make_dialog(qtbot, gated2.spec, tmp_path, target)
    seen2: list[int] = []
    dlg2.progress.valueChanged.connect(seen2.append)
    click_export(qtbot, dlg2)
    with qtbot.waitSignal(dlg2.exported, timeout=20000):
        gated2.gate.set()
    assert len(read_csv(target)) == 1 + len(indices)
    assert seen2 and max(seen2) >= 500
