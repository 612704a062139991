"""The library panels in both interface languages: their strings are in the main catalogues
(no separate one), the walk over the library dock, search panel and compare panel finds no
untranslated English in zh-TW and no unintended Chinese in English, every interactive widget
has an accessible name in both, and a language switch re-sets them without a restart."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from tests.conftest import ROOT
from tests.i18n_check import unintended_chinese, untranslated_english, visible_strings
from tests.qt.library_fixtures import CLNT, index_folder, install, library_data_words, open_library
from tests.qt.test_i18n_walk import accessible_name, interactive
from viewer.qt import i18n
from viewer.qt.workers import wait_for_jobs

I18N = ROOT / "resources" / "i18n"
LIBRARY_SOURCES = [
    *sorted((ROOT / "viewer" / "qt" / "library").glob("*.py")),
    ROOT / "viewer" / "qt" / "library_link.py",
    ROOT / "viewer" / "qt" / "error_text.py",
]


def _messages(ts: Path, finished_only: bool = False) -> set[tuple[str, str, str]]:
    out = set()
    for ctx in ET.parse(ts).getroot().iter("context"):
        for m in ctx.iter("message"):
            t = m.find("translation")
            if finished_only and (t is None or t.get("type") is not None):
                continue
            key = (ctx.findtext("name") or "", m.findtext("source") or "", m.findtext("comment"))
            out.add((key[0], key[1], key[2] or ""))
    return out


def test_the_library_strings_are_in_the_main_catalogues(tmp_path: Path) -> None:
    assert sorted(p.name for p in I18N.glob("*.ts")) == [
        "earnings_viewer_en.ts",
        "earnings_viewer_zh_TW.ts",
    ]
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    fresh = tmp_path / "library.ts"
    subprocess.run(
        [str(lupdate), *map(str, LIBRARY_SOURCES), "-ts", str(fresh)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    found = _messages(fresh)
    contexts = {c for c, _, _ in found}
    assert {"LibraryDock", "LibrarySearchPanel", "ComparePanel", "ErrorText"} <= contexts
    missing = found - _messages(I18N / "earnings_viewer_zh_TW.ts", finished_only=True)
    assert missing == set()
    plurals = {m for m in found if "%n" in m[1]}
    assert plurals and plurals <= _messages(I18N / "earnings_viewer_en.ts", finished_only=True)


def test_english_counts_without_a_catalogue(qtbot: Any, tmp_path: Path) -> None:
    lw = install(qtbot, tmp_path)
    try:
        index_folder(qtbot, lw)
        status = lw.controller.library_dock.status.text()
        assert f"{len(CLNT)} calls in 1 folder" in status and "1 file failed" in status
        assert "(s)" not in status
    finally:
        lw.controller.shutdown()


@pytest.fixture
def library_window(request: Any, qtbot: Any, settings_file: Path, tmp_path: Path) -> Iterator[Any]:
    """The main window built in ``request.param`` with the library attached (a temporary
    database), the CLNT calls indexed, a search run and the compare panel shown."""
    from viewer.qt.startup import create_window, make_app

    app = make_app()
    win = create_window(app, request.param)
    win.resize(1400, 900)
    win.show_error = lambda title, text: None
    qtbot.addWidget(win)
    win.show()
    controller = open_library(qtbot, win, tmp_path)
    try:
        for menu in win.action_table.menus.values():
            menu.aboutToShow.emit()
        yield win
    finally:
        controller.shutdown()
        win.cancel_loading()
        wait_for_jobs()
        i18n.set_language(app, "en")


def library_widgets(win: Any) -> list[QWidget]:
    c = win.library
    return [c.library_dock, c.search_dock, c.compare_dock]


@pytest.mark.parametrize("library_window", ["zh-TW"], indirect=True)
def test_library_panels_in_zh_tw(library_window: Any) -> None:
    win = library_window
    strings = [v for w in [win, *library_widgets(win)] for v in visible_strings(w)]
    strings = [v for v in strings if "#qt_" not in v.where]
    docks = [v for w in library_widgets(win) for v in visible_strings(w)]
    assert len(docks) > 60  # the walk reached the three docks' labels, combos and names
    allowed = library_data_words(win.library) | {"Aa"}
    bad = [(v.where, v.text, w) for v in strings if (w := untranslated_english(v.text, allowed))]
    assert bad == []
    c = win.library
    assert c.library_dock.windowTitle() == "逐字稿資料庫"
    assert "場法說會" in c.library_dock.status.text()
    assert c.compare_panel.model.headerData(3, Qt.Orientation.Horizontal) == "財測"
    verdicts = {
        c.compare_panel.model.index(r, c.compare_panel.model.VERDICT).data()
        for r in range(c.compare_panel.model.rowCount())
    }
    assert verdicts & {"▲ 優於財測", "● 符合財測", "▼ 低於財測", "… 待公布"}
    assert "年第" in c.search_panel.period_from.itemText(1)
    tree = c.library_dock.model
    failed = tree.index(tree.rowCount() - 1, 0)
    assert tree.group_key(failed.row())[0] == "failed"
    reason = tree.index(0, tree.TITLE, failed).data()
    assert reason.startswith("無法辨識的逐字稿格式")  # the stored English reason, said again


@pytest.mark.parametrize("library_window", ["en"], indirect=True)
def test_library_panels_in_english(library_window: Any) -> None:
    win = library_window
    strings = [v for w in [win, *library_widgets(win)] for v in visible_strings(w)]
    assert len(strings) > 100
    bad = [(v.where, v.text) for v in strings if unintended_chinese(v.text)]
    assert bad == []


@pytest.mark.parametrize("library_window", ["en", "zh-TW"], indirect=True)
def test_library_widgets_have_accessible_names(library_window: Any) -> None:
    docks = library_widgets(library_window)
    # the docks are no windows: every interactive widget of the window inside one of them
    widgets = [w for w in interactive([library_window]) if any(d.isAncestorOf(w) for d in docks)]
    assert len(widgets) > 15
    nameless = [f"{type(w).__name__}#{w.objectName()}" for w in widgets if not accessible_name(w)]
    assert nameless == []


@pytest.mark.parametrize("library_window", ["en"], indirect=True)
def test_library_follows_a_language_switch(library_window: Any, qtbot: Any) -> None:
    from viewer.qt.actions import Act

    win = library_window
    c = win.library
    win.action_table[Act.LANG_ZH].trigger()
    # widgets re-set their strings when the posted LanguageChange reaches them
    qtbot.waitUntil(lambda: "筆結果" in c.search_panel.summary.text())
    assert c.library_dock.windowTitle() == "逐字稿資料庫"
    assert c.search_dock.windowTitle() == "搜尋資料庫"
    assert c.menu_actions["compare"].text() == "比較各季(&Q)"
    assert c.library_dock.model.headerData(0, Qt.Orientation.Horizontal) == "公司 / 期間"
    assert c.search_panel.scope.itemText(0) == "中英文"
    assert "筆財測" in c.compare_panel.summary.text()
    win.action_table[Act.LANG_EN].trigger()
    qtbot.waitUntil(lambda: "hits in" in c.search_panel.summary.text())
    assert c.library_dock.windowTitle() == "Library"
    assert c.compare_panel.model.headerData(3, Qt.Orientation.Horizontal) == "Guidance"
