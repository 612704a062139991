"""Calls without a translation, calls with times, calls without speaker names in the window."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.conftest import SAMPLE
from tests.qt.conftest import load
from viewer.core.models import Layout, Transcript
from viewer.core.transcript_io import load_transcript
from viewer.qt.models.roles import Roles, RowKind
from viewer.reading_mode import Mode


def _strip_chinese(t: Transcript, **meta: Any) -> Transcript:
    turns = tuple(
        turn.model_copy(
            update={"paragraphs": tuple(p.model_copy(update={"zh": None}) for p in turn.paragraphs)}
        )
        for turn in t.turns
    )
    return Transcript(
        meta=t.meta.model_copy(update={"script": None, **meta}),
        summary=(),
        speakers=t.speakers,
        turns=turns,
    )


def _with_times(t: Transcript) -> Transcript:
    turns = tuple(
        turn.model_copy(
            update={
                "paragraphs": tuple(
                    p.model_copy(update={"time": 12.0 * p.index + 3}) for p in turn.paragraphs
                )
            }
        )
        for turn in t.turns
    )
    return Transcript(meta=t.meta, summary=t.summary, speakers=t.speakers, turns=turns)


def test_english_only_call_reads_in_english_and_says_why(qtbot: Any, window: Any) -> None:
    bilingual = load(qtbot, window)
    window.set_mode(Mode.SIDE_BY_SIDE)
    assert bilingual.pane.mode == Mode.SIDE_BY_SIDE and bilingual.notice.isHidden()
    english = _strip_chinese(load_transcript(SAMPLE))
    view = window.open_transcript(english, Path("english-only.txt"))
    assert view.pane.mode == Mode.EN
    assert not view.notice.isHidden()
    assert "no Chinese translation" in view.notice.text()
    assert "English only" in window.status_line.info_label.text()
    for mode, shown in ((Mode.EN, False), (Mode.ZH, True), (Mode.INTERLEAVED, True)):
        window.set_mode(mode)
        assert view.pane.mode == Mode.EN
        assert view.notice.isHidden() is not shown
        assert bilingual.pane.mode == mode  # the bilingual tab follows the window's mode
    window.set_mode(Mode.SIDE_BY_SIDE)
    # Paragraph rows carry no Chinese at all: nothing is drawn as "translation missing".
    model = view.paragraph_model
    rows = [r for r in range(model.rowCount()) if model.index(r, 0).data(Roles.ROW_KIND) == 2]
    assert rows and all(model.index(r, 0).data(Roles.ZH) is None for r in rows)


def test_times_show_in_the_gutter(qtbot: Any, window: Any) -> None:
    plain = load(qtbot, window)
    timed = window.open_transcript(_with_times(load_transcript(SAMPLE)), Path("timed.txt"))
    assert timed.pane.metrics().time_width > 0 and plain.pane.metrics().time_width == 0
    assert timed.pane.metrics().gutter > plain.pane.metrics().gutter
    model = timed.paragraph_model
    row = next(
        r
        for r in range(model.rowCount())
        if model.index(r, 0).data(Roles.ROW_KIND) == RowKind.PARAGRAPH
    )
    assert model.index(row, 0).data(Roles.TIME) == 3.0
    assert not timed.pane.grab().isNull()  # the delegate paints the clock without error


def test_sentence_per_line_call_says_it_has_no_speaker_names(qtbot: Any, window: Any) -> None:
    load(qtbot, window)
    t = _strip_chinese(load_transcript(SAMPLE), layout=Layout.SENTENCES)
    window.open_transcript(t, Path("sentences.txt"))
    label = window.status_line.info_label
    assert "no speaker names" in label.text()
    assert "one unnamed speaker" in label.toolTip()
