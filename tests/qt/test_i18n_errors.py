"""The core's errors in the interface language: every error code the core raises has a
template here and a zh-TW translation; a bad file opened in the zh-TW window is reported in
Chinese; the English interface says what the CLI says."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT
from tests.core.test_warning_codes import warn_sites
from tests.qt.conftest import load
from viewer.core.errors import ERROR_CODES, REASON_CODES, ExportError, TranscriptError
from viewer.core.loading import decode, read_bytes
from viewer.core.search import SearchOptions, check
from viewer.core.search.options import SearchError, SearchTimeout
from viewer.qt import i18n
from viewer.qt.error_text import error_text, stored_error_text, templates
from viewer.qt.workers import wait_for_jobs

_HAN = re.compile(r"[\u4e00-\u9fff]")
_CODE_LITERAL = re.compile(r"""\bcode\s*=\s*["']([a-z_]+)["']""")


@pytest.fixture
def zh(qapp: Any) -> Iterator[None]:
    app = qapp
    i18n.set_language(app, "zh-TW")
    yield
    i18n.set_language(app, "en")


def test_every_code_the_core_raises_is_listed() -> None:
    """Codes written at raise sites or on classes (``code="..."``, ``code = "..."``) and
    the fixed reasons' codes are all in ERROR_CODES (one a reader adds needs a template)."""
    found: set[str] = set(REASON_CODES.values())
    for source in (ROOT / "viewer" / "core").rglob("*.py"):
        found.update(_CODE_LITERAL.findall(source.read_text(encoding="utf-8")))
    found -= {site.code for site in warn_sites()}  # warnings': tests/qt/test_i18n_warnings.py
    assert found, "no codes found in viewer/core"
    assert found - set(ERROR_CODES) == set()


def test_every_code_has_a_template_with_its_values() -> None:
    assert set(templates()) == set(ERROR_CODES)
    for code, names in ERROR_CODES.items():
        markers = sorted(set(re.findall(r"%([1-9])", templates()[code])))
        assert markers == [str(k + 1) for k in range(len(names))], code


def test_every_code_has_a_zh_tw_translation(zh: None) -> None:
    chinese = templates()
    assert set(chinese) == set(ERROR_CODES)
    for code, text in chinese.items():
        if code == "error":
            continue  # an error's own message, shown as it is
        assert _HAN.search(text), (code, text)


def test_errors_carry_codes_and_values(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"  \n")
    with pytest.raises(TranscriptError) as caught:
        decode(read_bytes(empty), str(empty))
    assert caught.value.code == "empty" and caught.value.args_map["reason"] == "the file is empty"
    with pytest.raises(TranscriptError) as caught:
        read_bytes(empty, hard_cap=1)
    assert caught.value.code == "too_large"
    assert set(ERROR_CODES["too_large"]) <= set(caught.value.args_map)
    with pytest.raises(TranscriptError) as caught:
        decode(b"abc", "x.txt", encoding="no-such-codec")
    assert caught.value.code == "unknown_encoding"
    assert caught.value.args_map["encoding"] == "no-such-codec"
    with pytest.raises(SearchError) as search_error:
        check(SearchOptions(query="(", regex=True))
    assert search_error.value.code == "invalid_regex"
    assert SearchTimeout(0.5).code == "regex_too_slow"
    assert ExportError("/x.csv", "the disk is full").code == "disk_full"
    assert ExportError("/x.csv", "something else").code == "export_failed"
    # an unknown reason keeps working: the code with the English reason as its value
    odd = TranscriptError("/t.txt", "a reason no table knows", 3)
    assert odd.code == "unreadable" and str(odd) == "/t.txt: line 3: a reason no table knows"


def test_error_text_in_english_is_the_cli_message(tmp_path: Path) -> None:
    bad = tmp_path / "novel.txt"
    bad.write_text("It was a dark and stormy night.\nThe end.\n", encoding="utf-8")
    from viewer.core.transcript_io import load_transcript

    with pytest.raises(TranscriptError) as caught:
        load_transcript(bad)
    assert caught.value.code == "unrecognised_layout"
    assert error_text(caught.value) == str(caught.value)
    assert error_text("plain text") == "plain text"
    assert error_text(ValueError("boom")) == "boom"


def test_error_text_in_zh_tw(zh: None, tmp_path: Path) -> None:
    err = TranscriptError("/d/a.txt", "the file is empty")
    assert error_text(err) == "/d/a.txt：檔案是空的"
    line = TranscriptError(
        "/d/b.txt", "invalid utf-8 bytes (x)", 7, code="invalid_bytes", encoding="utf-8", detail="x"
    )
    assert error_text(line) == "/d/b.txt：第 7 行：無效的 utf-8 位元組（x）"
    assert error_text(ExportError("/o.csv", "the file is read-only")) == "/o.csv：檔案為唯讀"
    # a code whose values are missing falls back to the English reason, never a bare %1
    odd = TranscriptError("/d/c.txt", "odd", code="too_large")
    assert "%" not in error_text(odd) and "odd" in error_text(odd)


def test_a_stored_error_message_is_said_again(tmp_path: Path) -> None:
    """The library keeps a failed file's ``str(exc)``: its exact core reasons come back in
    the interface language, others as they are."""
    from viewer.core.formats import unrecognised_reason
    from viewer.core.transcript_io import load_transcript

    bad = tmp_path / "notes.txt"
    bad.write_text("Meeting notes, not a transcript.\n", encoding="utf-8")
    with pytest.raises(TranscriptError) as caught:
        load_transcript(bad)
    stored = str(caught.value)
    assert stored_error_text(str(bad), stored) == unrecognised_reason()  # English: the same
    assert stored_error_text("/a.txt", "/a.txt: line 4: a reader's own words") == (
        "line 4: a reader's own words"
    )


def test_a_stored_error_message_in_zh_tw(zh: None) -> None:
    from viewer.core.formats import unrecognised_reason

    text = stored_error_text("/d/a.txt", f"/d/a.txt: {unrecognised_reason()}")
    assert text.startswith("無法辨識的逐字稿格式")
    assert stored_error_text("/d/a.txt", "/d/a.txt: line 2: the file is empty") == (
        "第 2 行：檔案是空的"
    )


@pytest.fixture
def zh_window(qtbot: Any, settings_file: Path) -> Iterator[Any]:
    from viewer.qt.startup import create_window, make_app

    app = make_app()
    win = create_window(app, "zh-TW")
    win.errors = []
    win.show_error = lambda title, text: win.errors.append((title, text))
    qtbot.addWidget(win)
    win.show()
    yield win
    win.cancel_loading()
    wait_for_jobs()
    i18n.set_language(app, "en")


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"It was a dark and stormy night.\nThe end.\n", "無法辨識的逐字稿格式"),
        (b" \n\n", "檔案是空的"),
        (b"%PDF-1.7\n" + bytes(range(256)) * 4, "不是文字格式的逐字稿"),
    ],
)
def test_a_bad_file_is_reported_in_chinese(
    zh_window: Any, qtbot: Any, tmp_path: Path, content: bytes, expected: str
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    result = load(qtbot, zh_window, bad)
    assert isinstance(result, TranscriptError)
    title, text = zh_window.errors[-1]
    assert title == "無法開啟逐字稿"
    assert expected in text and str(bad) in text
