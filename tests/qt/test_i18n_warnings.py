"""Parse warnings in the interface language: every warning code the core uses has a template
and a zh-TW translation; the warnings list of a damaged file in the zh-TW window is Chinese;
the English interface says exactly what the core (and the CLI) says."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog

from tests.core.test_warning_codes import DAMAGED, WITH_WARNINGS, warn_sites
from tests.i18n_check import untranslated_english
from tests.qt.conftest import load
from viewer.core.formats.builder import TranscriptBuilder
from viewer.core.formats.callmeta import MetaHints
from viewer.core.formats.readerkit import hints_with_filename
from viewer.core.models import Layout, ParseWarning
from viewer.core.transcript_io import load_transcript
from viewer.core.warning_codes import WARNING_CODES, WARNING_MESSAGES
from viewer.qt import i18n
from viewer.qt.dialogs.text_list_dialog import TextListDialog
from viewer.qt.warning_text import templates, warning_text
from viewer.qt.workers import wait_for_jobs

_HAN = re.compile(r"[\u4e00-\u9fff]")
# what a warning keeps in Latin: the file's field name, a code point, the pairs' marker
_LATIN = {"questions", "and", "answers", "U", "FFFD", "EN"}


@pytest.fixture
def zh(qapp: Any) -> Iterator[None]:
    i18n.set_language(qapp, "zh-TW")
    yield
    i18n.set_language(qapp, "en")


def _site_codes() -> set[str]:
    """The codes the core's warn sites give (their own ``code=`` or their fixed message's)."""
    out: set[str] = set()
    for site in warn_sites():
        out.update(WARNING_MESSAGES[m] for m in site.messages or () if m in WARNING_MESSAGES)
        if site.code:
            out.add(site.code)
    return out


def test_every_code_has_a_template_with_its_values() -> None:
    assert _site_codes() == set(WARNING_CODES) == set(templates())
    for code, names in WARNING_CODES.items():
        markers = sorted(set(re.findall(r"%([1-9])", templates()[code])))
        assert markers == [str(k + 1) for k in range(len(names))], code


def test_every_code_the_core_uses_has_a_zh_tw_translation(zh: None) -> None:
    chinese = templates()
    for code in _site_codes():
        assert _HAN.search(chinese[code]), (code, chinese[code])
        # a reader's words are translated; only units, acronyms and field names stay Latin
        allowed = _LATIN
        assert untranslated_english(chinese[code], allowed) == [], (code, chinese[code])


def test_in_english_a_warning_says_what_the_core_says() -> None:
    """The English templates are the core's messages: the English window and the CLI agree."""
    for message in WARNING_MESSAGES:
        assert warning_text(ParseWarning(line=None, message=message)) == message
    warnings = [w for path in WITH_WARNINGS for w in load_transcript(path).warnings]
    b = TranscriptBuilder("/d/ACME_Q3_2024.md", Layout.MARKDOWN)
    hints_with_filename(MetaHints(fiscal_year=2025, quarter=1, ticker="KLS"), b.path, b)
    hints_with_filename(MetaHints(call_date="2020-02-01"), b.path, b)
    warnings += b.warnings
    assert len({w.code for w in warnings}) > 12
    for w in warnings:
        assert warning_text(w) == w.message, w.code


def test_an_unknown_code_or_missing_values_show_the_english_message(zh: None) -> None:
    assert warning_text(ParseWarning(line=1, message="a reader's new words")) == (
        "a reader's new words"
    )
    odd = ParseWarning(line=None, message="3 lines odd", code="stray_lines_total")  # no count
    assert warning_text(odd) == "3 lines odd"
    odd = ParseWarning(line=None, message="x", code="no_such_code", values=(("count", "1"),))
    assert warning_text(odd) == "x"


def test_warnings_in_zh_tw(zh: None) -> None:
    assert warning_text(ParseWarning(line=4, message="translation missing")) == "缺少翻譯"
    b = TranscriptBuilder("/d/ACME_Q3_2024.md", Layout.MARKDOWN)
    hints_with_filename(MetaHints(fiscal_year=2025, quarter=1, ticker="KLS"), b.path, b)
    hints_with_filename(MetaHints(call_date="2020-02-01"), b.path, b)
    said = {w.code: warning_text(w) for w in b.warnings}
    assert said["filename_period_differs"] == (
        "檔名標示 2024 年第 3 季，但逐字稿內容是 2025 年第 1 季；採用逐字稿的期間"
    )
    assert (
        said["filename_ticker_differs"] == "檔名標示 ACME，但逐字稿內容是 KLS；採用逐字稿的股票代號"
    )
    # the call's date in the interface's date format
    assert said["filename_period_unfit"] == (
        "檔名標示 2024 年第 3 季，與法說會日期（2020年2月1日）不符；期間不予採用"
    )


@pytest.fixture
def lang_window(request: Any, qtbot: Any, settings_file: Path) -> Iterator[Any]:
    from viewer.qt.startup import create_window, make_app

    app = make_app()
    win = create_window(app, request.param)
    win.show_error = lambda title, text: None
    qtbot.addWidget(win)
    win.show()
    yield win
    win.cancel_loading()
    wait_for_jobs()
    i18n.set_language(app, "en")


def _warnings_dialog(qtbot: Any, win: Any, path: Path) -> TextListDialog:
    load(qtbot, win, path)
    dialogs: list[QDialog] = []
    win.dialog_opened.connect(dialogs.append)
    win.commands.show_warnings()
    [dialog] = dialogs
    assert isinstance(dialog, TextListDialog)
    return dialog


def _rows(dialog: TextListDialog) -> list[tuple[str, str]]:
    table = dialog.table
    return [(table.item(r, 0).text(), table.item(r, 1).text()) for r in range(table.rowCount())]


@pytest.mark.parametrize("lang_window", ["zh-TW"], indirect=True)
@pytest.mark.parametrize("path", [DAMAGED, *WITH_WARNINGS[1:]], ids=lambda p: p.name)
def test_the_warnings_list_is_chinese_in_the_zh_tw_window(
    lang_window: Any, qtbot: Any, path: Path
) -> None:
    dialog = _warnings_dialog(qtbot, lang_window, path)
    rows = _rows(dialog)
    expected = load_transcript(path).warnings
    assert len(rows) == len(expected) > 0
    header = dialog.table.horizontalHeaderItem(1).text()
    assert _HAN.search(header) and _HAN.search(dialog.windowTitle())
    for (line, text), w in zip(rows, expected, strict=True):
        assert line == (str(w.line) if w.line else "")
        assert _HAN.search(text) and text != w.message, text
        assert untranslated_english(text, {*_LATIN, "KLS"}) == [], text
    if path == DAMAGED:
        texts = [t for _, t in rows]
        assert "缺少翻譯" in texts
        assert "發言人標題缺少重複的那一列" in texts
        assert "這一列沒有項目符號或縮排，視為英文段落" in texts


@pytest.mark.parametrize("lang_window", ["en"], indirect=True)
def test_the_warnings_list_is_the_core_s_english_in_the_english_window(
    lang_window: Any, qtbot: Any
) -> None:
    rows = _rows(_warnings_dialog(qtbot, lang_window, DAMAGED))
    assert [t for _, t in rows] == [w.message for w in load_transcript(DAMAGED).warnings]
