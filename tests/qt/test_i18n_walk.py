"""The interface language walk: every window, dock, dialog and menu in zh-TW shows no
untranslated English, the English interface shows no unintended Chinese, every interactive
widget has an accessible name in both, and View > Language switches without a restart."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDialog,
    QLineEdit,
    QMenu,
    QWidget,
)

from tests.conftest import SAMPLE
from tests.i18n_check import Visible, unintended_chinese, untranslated_english, visible_strings
from tests.qt.conftest import load
from tests.qt.library_fixtures import library_data_words, open_library
from viewer.qt import i18n
from viewer.qt.actions import Act
from viewer.qt.dialogs.error_dialog import ErrorDialog
from viewer.qt.workers import wait_for_jobs


@pytest.fixture
def lang_window(request: Any, qtbot: Any, settings_file: Path) -> Iterator[Any]:
    """A window built in ``request.param`` (as ``--lang`` builds it), the sample loaded."""
    from viewer.qt.startup import create_window, make_app

    app = make_app()
    win = create_window(app, request.param)
    win.resize(1200, 800)
    win.show_error = lambda title, text: None
    qtbot.addWidget(win)
    win.show()
    yield win
    if win.library is not None:
        win.library.shutdown()
    win.cancel_loading()
    wait_for_jobs()
    i18n.set_language(app, "en")


def transcript_words(win: Any) -> set[str]:
    """Names from the loaded file (speakers, firms, company, ticker, file name): data."""
    words: set[str] = set()
    for view in win.documents():
        t, m = view.transcript, view.transcript.meta
        words.update((m.encoding, m.newline))
        for text in (m.company, m.ticker, view.path.name, view.title, str(view.path)):
            if text:
                words.add(text)
                words.update(text.split())
        for sp in t.speakers:
            for text in (sp.name, sp.title, sp.firm, *sp.aliases):
                if text:
                    words.add(text)
                    words.update(text.split())
    return words


def open_everything(qtbot: Any, win: Any, root: Path) -> list[QWidget]:
    """Load the sample, build and show every panel (the library's too, on a small library
    under ``root``), open every dialog and menu of the window; returns the top-level widgets
    to walk."""
    open_library(qtbot, win, root)
    view = load(qtbot, win, SAMPLE)
    qtbot.waitUntil(lambda: view.analysis is not None, timeout=30000)
    win.build_panels()
    win.hits_dock.show()
    win.find_bar.open("revenue")
    qtbot.waitUntil(lambda: win.find_bar.total() > 0, timeout=10000)
    dialogs: list[QDialog] = []
    win.dialog_opened.connect(dialogs.append)
    win.commands.show_shortcuts()
    win.commands.show_warnings()
    win.commands.go_to_speaker_dialog()
    view.pane.setFocus()
    win.commands.export_selection()
    win.show_about()
    error = ErrorDialog(win, "/tmp/log.txt")
    error.add_error("ValueError", "Traceback")  # an exception's own text is not ours
    error.add_error("KeyError", "Traceback")
    dialogs.append(error)
    for menu in win.action_table.menus.values():
        menu.aboutToShow.emit()  # the recent-files menu fills itself
    return [win, *dialogs]


def walk(widgets: list[QWidget]) -> list[Visible]:
    out: list[Visible] = []
    for w in widgets:
        out.extend(visible_strings(w))
    # Qt's own widgets (a dock's float and close buttons) speak Qt's catalogue, not ours
    return [v for v in out if "#qt_" not in v.where]


@pytest.mark.parametrize("lang_window", ["zh-TW"], indirect=True)
def test_no_untranslated_english_in_zh_tw(lang_window: Any, qtbot: Any, tmp_path: Path) -> None:
    widgets = open_everything(qtbot, lang_window, tmp_path)
    # "Aa" is the match-case button's glyph (as in every editor); the error dialog shows the
    # exception's own summary; the library's companies are data
    allowed = (
        transcript_words(lang_window)
        | library_data_words(lang_window.library)
        | {"Aa", "ValueError"}
    )
    strings = walk(widgets)
    assert len(strings) > 300  # the walk reached the panels, dialogs and menus
    bad = [(v.where, v.text, w) for v in strings if (w := untranslated_english(v.text, allowed))]
    assert bad == []


@pytest.mark.parametrize("lang_window", ["en"], indirect=True)
def test_no_unintended_chinese_in_english(lang_window: Any, qtbot: Any, tmp_path: Path) -> None:
    widgets = open_everything(qtbot, lang_window, tmp_path)
    strings = walk(widgets)
    assert len(strings) > 300
    bad = [(v.where, v.text) for v in strings if unintended_chinese(v.text)]
    assert bad == []


def interactive(widgets: list[QWidget]) -> list[QWidget]:
    kinds = (QAbstractButton, QComboBox, QLineEdit, QAbstractItemView)
    out = []
    for top in widgets:
        for w in [top, *top.findChildren(QWidget)]:
            if not isinstance(w, kinds) or isinstance(w, QMenu):
                continue
            if w.window() not in widgets:
                continue  # a combo box's popup list: the combo box has the name
            if isinstance(w.parent(), (QComboBox, QAbstractItemView, QLineEdit)):
                continue  # a combo's popup, a view's own scroll corner, a field's clear button
            if w.focusPolicy().value and not w.isHidden():
                out.append(w)
    return out


def accessible_name(w: QWidget) -> str:
    """What a screen reader says: the accessible name, else a button's own text."""
    if w.accessibleName():
        return w.accessibleName()
    if isinstance(w, QAbstractButton):
        return w.text().replace("&", "").strip()
    return ""


@pytest.mark.parametrize("lang_window", ["en", "zh-TW"], indirect=True)
def test_every_interactive_widget_has_an_accessible_name(
    lang_window: Any, qtbot: Any, tmp_path: Path
) -> None:
    widgets = interactive(open_everything(qtbot, lang_window, tmp_path))
    library = lang_window.library
    docks = (library.library_dock, library.search_dock, library.compare_dock)
    assert any(d.isAncestorOf(w) for w in widgets for d in docks)  # the library's too
    assert len(widgets) > 20
    nameless = [
        f"{type(w).__name__}#{w.objectName()} in {type(w.window()).__name__}"
        for w in widgets
        if not accessible_name(w)
    ]
    assert nameless == []


@pytest.mark.parametrize("lang_window", ["en"], indirect=True)
def test_view_language_switches_menus_and_docks_without_a_restart(
    lang_window: Any, qtbot: Any
) -> None:
    win = lang_window
    load(qtbot, win, SAMPLE)
    win.build_panels()
    table = win.action_table
    file_menu = win.menuBar().actions()[0]
    assert file_menu.text() == "&File"
    table[Act.LANG_ZH].trigger()
    qtbot.waitUntil(lambda: file_menu.text() == "檔案(&F)")
    assert i18n.current_language() == "zh-TW"
    assert win.prefs.language == "zh-TW"  # remembered
    assert table[Act.LANG_ZH].isChecked()
    assert table[Act.OPEN].text() == "開啟(&O)…"
    assert win.speaker_dock.windowTitle() == "發言人"
    assert win.metrics_dock.windowTitle() == "數據與統計"
    assert win.metrics_panel.tabs.tabText(0) == "數據(&F)"
    model = win.metrics_panel.figure_view.model()
    assert model.headerData(0, Qt.Orientation.Horizontal) == "指標"
    assert win.speaker_panel.tree.model().headerData(0, Qt.Orientation.Horizontal) == "發言人"
    assert "位發言人" in win.status_line.count_label.text()
    assert win.find_bar.field.placeholderText() == "在英文與中文中尋找"
    assert win.tabs.tabText(0) == "NOVA 2025 年第 3 季"
    assert "2025 年第 3 季" in win.windowTitle()
    table[Act.LANG_EN].trigger()
    qtbot.waitUntil(lambda: file_menu.text() == "&File")
    assert win.speaker_dock.windowTitle() == "Speakers"
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Metric"
    assert win.prefs.language == "en"


def test_lang_zh_tw_for_a_screenshot(tmp_path: Path, settings_file: Path) -> None:
    from tests.conftest import run_main

    out = tmp_path / "zh.png"
    result = run_main("--screenshot", out, "--size", "900x600", "--lang", "zh-TW")
    assert result.returncode == 0, result.stderr
    assert out.is_file() and out.stat().st_size > 10_000
    assert i18n.current_language() == "zh-TW"
    assert QCoreApplication.translate("Menus", "&File") == "檔案(&F)"
    i18n.set_language(QCoreApplication.instance(), "en")


@pytest.mark.parametrize("lang_window", ["zh-TW"], indirect=True)
def test_csv_headers_in_the_interface_language_or_english(
    lang_window: Any, qtbot: Any, tmp_path: Path
) -> None:
    from viewer.qt.dialogs.export_dialog import ExportDialog

    win = lang_window
    view = load(qtbot, win, SAMPLE)
    dialogs: list[QDialog] = []
    win.dialog_opened.connect(dialogs.append)
    view.pane.setFocus()
    win.commands.export_selection()
    dialog = dialogs[-1]
    assert isinstance(dialog, ExportDialog)
    assert dialog.windowTitle() == "將段落匯出為 CSV"
    columns = dialog.selected_columns()
    assert not dialog.english_headers.isChecked()  # the interface's language by default
    assert dialog.preview_model.headerData(0, Qt.Orientation.Horizontal) == "公司"
    dialog.english_headers.setChecked(True)  # stable headers for scripts
    assert dialog.preview_model.headerData(0, Qt.Orientation.Horizontal) == "Company"
    out = tmp_path / "out.csv"
    dialog.ask_save_path = lambda initial: str(out)
    with qtbot.waitSignal(dialog.exported, timeout=10000):
        dialog.export()
    first = out.read_text("utf-8-sig").splitlines()[0]
    assert first.split(",") == dialog.spec.header(columns)


def test_the_settings_notice_is_in_the_interface_language(qtbot: Any, settings_file: Path) -> None:
    from PySide6.QtCore import QSettings

    from viewer.qt.startup import create_window, make_app

    settings_file.parent.mkdir(parents=True, exist_ok=True)
    qs = QSettings(str(settings_file), QSettings.Format.IniFormat)
    qs.setValue("preferences/json", '{"zoom": "not a number"}')
    qs.sync()
    del qs
    app = make_app()
    win = create_window(app, "zh-TW")
    qtbot.addWidget(win)
    try:
        message = win.statusBar().currentMessage()
        assert "儲存的偏好設定無效" in message and "預設值" in message
        assert win.settings.notice is not None and "invalid" in win.settings.notice  # the log's
    finally:
        i18n.set_language(app, "en")


@pytest.mark.parametrize("lang_window", ["zh-TW"], indirect=True)
def test_badge_tool_tips_follow_the_interface_language(lang_window: Any, qtbot: Any) -> None:
    win = lang_window
    view = load(qtbot, win, SAMPLE)
    qtbot.waitUntil(lambda: view.analysis is not None, timeout=30000)
    model = view.document.paragraph_model

    def tips() -> list[str]:
        rows = range(model.rowCount())
        found = (model.index(r, 0).data(Qt.ItemDataRole.ToolTipRole) for r in rows)
        return [t for t in found if t]

    assert tips()
    assert any("此處譯出" in t or "中文未提及" in t for t in tips())
    assert not any("translated here" in t or "not in the" in t for t in tips())
    win.action_table[Act.LANG_EN].trigger()
    qtbot.waitUntil(lambda: any("translated here" in t or "not in the" in t for t in tips()))


def tab_chain(top: QWidget, within: QWidget) -> list[QWidget]:
    """The widgets of ``within`` that Tab visits, in the order it visits them from ``top``."""
    out: list[QWidget] = []
    w = top.nextInFocusChain()
    while w is not top and len(out) < 500:
        focusable = w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isVisible() and w.isEnabled()
        if focusable and within.isAncestorOf(w) and w not in out:
            out.append(w)
        w = w.nextInFocusChain()
    return out


@pytest.mark.parametrize("lang_window", ["en"], indirect=True)
def test_tab_order_follows_the_layout(lang_window: Any, qtbot: Any) -> None:
    win = lang_window
    load(qtbot, win, SAMPLE)
    win.build_panels()
    win.find_bar.open("revenue")
    panel, fb, figures = win.speaker_panel, win.find_bar, win.metrics_panel
    assert tab_chain(win, panel) == [panel.prepared, panel.qa, panel.tree]
    bar = tab_chain(win, fb)
    assert bar[0] is fb.field and bar[-1] is fb.close_button
    assert bar.index(fb.scope) > bar.index(fb.field) + 2  # after ▲ ▼ and the option buttons
    boxes = [figures.metric_box, figures.nature_box, figures.check_box, figures.who_box]
    order = tab_chain(win, figures)
    assert [w for w in order if w in boxes] == boxes
    assert order.index(figures.search) < order.index(figures.figure_view)
