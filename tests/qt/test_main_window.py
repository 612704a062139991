"""The main window driven as a user would: keys, clicks, files, settings."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication
from PySide6.QtWidgets import QApplication

from tests.conftest import SAMPLE
from tests.qt.conftest import load
from viewer.qt.actions import MODE_ACTS
from viewer.qt.delegates.paragraph_layout import Mode
from viewer.qt.document_view import DocumentView
from viewer.qt.models.roles import Roles, RowKind
from viewer.qt.workers import wait_for_jobs


def test_opens_sample_with_title_status_and_tree(qtbot: Any, window: Any) -> None:
    doc = load(qtbot, window)
    assert isinstance(doc, DocumentView)
    t = doc.transcript
    assert "Novaris Semiconductor Inc" in window.windowTitle()
    assert "Q3 2025" in window.windowTitle()
    assert window.status_line.file_label.text() == SAMPLE.name
    assert "utf-8" in window.status_line.info_label.text()
    assert f"{len(t.turns)} turns" in window.status_line.count_label.text()
    assert window.speaker_panel.tree.model() is doc.speaker_model
    assert doc.summary.is_expanded() and "億美元" in doc.summary.text.toPlainText()


def test_every_mode_lays_rows_out_and_keeps_alignment(qtbot: Any, window: Any) -> None:
    doc = load(qtbot, window)
    pane = doc.pane
    qtbot.wait(100)
    heights = {}
    for n, mode in enumerate(Mode, start=1):
        qtbot.keyClick(pane, Qt.Key(Qt.Key.Key_0 + n), Qt.KeyboardModifier.ControlModifier)
        assert pane.mode == mode and window.action_table[MODE_ACTS[mode]].isChecked()
        row = pane.proxy_row_of_paragraph(3)
        heights[mode] = pane.verticalHeader().sectionSize(row)
        assert pane.model().index(row, 0).data(Roles.PARAGRAPH) == 3
    # Interleaved stacks both languages: taller than either language alone.
    assert heights[Mode.INTERLEAVED] > heights[Mode.EN]
    assert heights[Mode.INTERLEAVED] > heights[Mode.ZH]
    # Side by side halves each column: at least as tall as one language at full width.
    assert heights[Mode.SIDE_BY_SIDE] >= max(heights[Mode.EN], heights[Mode.ZH])


def test_row_heights_follow_the_width(qtbot: Any, window: Any) -> None:
    doc = load(qtbot, window)
    pane = doc.pane
    row = pane.proxy_row_of_paragraph(8)
    qtbot.wait(100)
    wide = pane.verticalHeader().sectionSize(row)
    window.resize(700, 800)
    qtbot.waitUntil(lambda: pane.verticalHeader().sectionSize(row) > wide, timeout=3000)


def test_clicking_a_turn_in_the_tree_scrolls_to_it_and_selects_it(qtbot: Any, window: Any) -> None:
    doc = load(qtbot, window)
    tree = window.speaker_panel.tree
    t = doc.transcript
    last = t.turns[-2]
    idx = doc.speaker_model.index_of_turn(last.index)
    tree.scrollTo(idx)
    rect = tree.visualRect(idx)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert doc.pane.selected_paragraphs() == [p.index for p in last.paragraphs]
    header_row = (
        doc.pane.model()
        .mapFromSource(doc.paragraph_model.index(doc.paragraph_model.row_of_turn(last.index), 0))
        .row()
    )
    assert doc.pane.rowAt(0) <= header_row <= doc.pane.rowAt(doc.pane.viewport().height() - 1)


def test_speaker_and_section_filters(qtbot: Any, window: Any) -> None:
    doc = load(qtbot, window)
    t = doc.transcript
    model = doc.speaker_model
    operator = model.index_of_speaker("operator")
    model.setData(operator, Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    shown = {doc.proxy.index(r, 0).data(Roles.SPEAKER_ID) for r in range(doc.proxy.rowCount())}
    assert "operator" not in shown
    assert "of" in window.status_line.count_label.text()
    window.speaker_panel.qa.click()
    sections = {doc.proxy.index(r, 0).data(Roles.SECTION) for r in range(doc.proxy.rowCount())}
    assert sections == {"prepared"}
    window.speaker_panel.qa.click()
    model.setData(operator, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert len(doc.pane.visible_paragraphs()) == len(t.paragraphs)


def test_turn_and_question_navigation_keys(qtbot: Any, window: Any) -> None:
    doc = load(qtbot, window)
    t = doc.transcript
    pane = doc.pane
    pane.go_to_paragraph(0)
    qtbot.keyClick(pane, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert pane.current_turn() == 1
    qtbot.keyClick(
        pane, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier
    )
    first_q = next(tr.index for tr in t.turns if t.speaker(tr.speaker_id).role.value == "analyst")
    assert pane.current_turn() == first_q
    qtbot.keyClick(pane, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert pane.current_turn() == first_q - 1
    qtbot.keyClick(pane, Qt.Key.Key_End)
    assert pane.currentIndex().row() == pane.model().rowCount() - 1
    qtbot.keyClick(pane, Qt.Key.Key_Home)
    assert pane.currentIndex().row() == 0


def test_copy_puts_attributed_text_and_tsv_on_the_clipboard(qtbot: Any, window: Any) -> None:
    doc = load(qtbot, window)
    t = doc.transcript
    target = next(
        p for p in t.paragraphs if t.speaker_of_paragraph(p.index).role.value == "analyst"
    )
    doc.pane.go_to_paragraph(target.index)
    qtbot.keyClick(doc.pane, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    mime = QGuiApplication.clipboard().mimeData()
    sp = t.speaker_of_paragraph(target.index)
    text = mime.text()
    assert sp.name in text and sp.firm in text and "NOVA Q3 2025" in text and "Q&A" in text
    assert target.en in text and target.zh in text
    tsv = bytes(mime.data("text/tab-separated-values").data()).decode("utf-8")
    header, row = tsv.strip("\r\n").split("\r\n")
    assert header.split("\t")[0] == "Call"
    assert row.split("\t")[-2:] == [target.en, target.zh]
    window.set_mode(Mode.EN)
    qtbot.keyClick(doc.pane, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert target.zh not in QGuiApplication.clipboard().text()


def test_zoom_keys_change_row_heights_and_persist(
    qtbot: Any, window: Any, settings_file: Path
) -> None:
    doc = load(qtbot, window)
    pane = doc.pane
    row = pane.proxy_row_of_paragraph(4)
    qtbot.wait(100)  # let the first layout settle at the window's width
    before = pane.verticalHeader().sectionSize(row)
    qtbot.keyClick(pane, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert pane.zoom > 1.0
    assert pane.verticalHeader().sectionSize(row) > before
    qtbot.keyClick(pane, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(pane, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert pane.zoom < 1.0
    qtbot.keyClick(pane, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert pane.zoom == 1.0


def test_settings_restored_in_a_new_window(qtbot: Any, window: Any, settings_file: Path) -> None:
    from viewer.qt.startup import create_window

    load(qtbot, window)
    window.set_mode(Mode.INTERLEAVED)
    window.set_zoom(1.25)
    window.set_theme("dark")
    window.speaker_dock.hide()
    window.close()
    second = create_window(QApplication.instance())
    qtbot.addWidget(second)
    assert second.prefs.mode == "interleaved" and second.prefs.zoom == 1.25
    assert second.prefs.theme == "dark" and second.dark
    assert second.speaker_dock.isHidden()
    assert second.prefs.recent_files[0] == str(SAMPLE.resolve())
    second.set_theme("light")


def test_corrupt_settings_are_moved_aside(qtbot: Any, settings_file: Path) -> None:
    from viewer.qt.startup import create_window

    settings_file.parent.mkdir(parents=True)
    settings_file.write_text('[preferences]\njson={"mode": "upside-down"}\n')
    win = create_window(QApplication.instance())
    qtbot.addWidget(win)
    assert win.prefs.mode == "side-by-side"
    assert any(p.name.startswith("settings.ini.corrupt-") for p in settings_file.parent.iterdir())
    assert "moved" in win.statusBar().currentMessage()


def test_open_dialog_recent_files_and_missing_recent(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    copy = tmp_path / "copy.txt"
    copy.write_bytes(SAMPLE.read_bytes())
    window.ask_open_paths = lambda: [str(copy)]
    with qtbot.waitSignal(window.load_finished, timeout=20000):
        qtbot.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert window.current_document().path == copy.resolve()
    assert window.prefs.recent_files[0] == str(copy.resolve())
    menu = window.action_table.menus["Open &recent"]
    menu.aboutToShow.emit()
    labels = [a.text() for a in menu.actions()]
    assert labels[0] == "&1 copy.txt"
    copy.unlink()
    asked: list[str] = []
    window.confirm = lambda title, text: asked.append(text) or True
    window.recent.open(str(copy.resolve()))
    assert asked and str(copy.resolve()) not in window.prefs.recent_files


def test_drag_and_drop_opens_files_in_tabs(qtbot: Any, window: Any, tmp_path: Path) -> None:
    other = tmp_path / "other.txt"
    other.write_bytes(SAMPLE.read_bytes())
    load(qtbot, window)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(other))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.load_finished, timeout=20000):
        window.dropEvent(event)
    assert window.tabs.count() == 2
    assert window.current_document().path == other.resolve()
    # Each tab keeps its own view state.
    window.current_document().pane.set_mode  # noqa: B018 - attribute exists
    window.current_document().document.set_hidden_sections(frozenset({"qa"}))
    window.tabs.setCurrentIndex(0)
    assert window.current_document().proxy.hidden_sections == frozenset()
    assert window.speaker_panel.qa.isChecked()


def test_bad_file_shows_plain_error_and_keeps_the_open_document(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    doc = load(qtbot, window)
    bad = tmp_path / "novel.txt"
    bad.write_text("It was a dark and stormy night.\nThe end.\n", encoding="utf-8")
    result = load(qtbot, window, bad)
    assert isinstance(result, Exception)
    assert window.errors[-1][1].startswith(f"{bad}: unrecognised transcript layout")
    assert window.current_document() is doc and window.tabs.count() == 1


def test_second_open_cancels_the_first_load(qtbot: Any, window: Any, tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    text = SAMPLE.read_text(encoding="utf-8")
    head, sep, body = text.partition("使用警語")
    disclaimer, _, rest = body.partition("\n")
    big.write_text(head + sep + disclaimer + "\n" + (rest + "\n\n") * 60, encoding="utf-8")
    outcomes: list[Any] = []
    window.load_finished.connect(outcomes.append)
    window.open_path(big)
    window.open_path(SAMPLE)  # the first load is told to stop; its outcome is dropped
    qtbot.waitUntil(lambda: window.current_document() is not None, timeout=20000)
    wait_for_jobs()
    qtbot.wait(50)
    assert window.current_document().path == SAMPLE.resolve()
    assert window.tabs.count() == 1
    assert sum(isinstance(o, DocumentView) for o in outcomes) == 1


def test_cancel_button_stops_a_load(qtbot: Any, window: Any, tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    text = SAMPLE.read_text(encoding="utf-8")
    big.write_text(
        text + ("\n\n" + text.partition("使用警語")[2].partition("\n")[2]) * 40, encoding="utf-8"
    )
    with qtbot.waitSignal(window.load_finished, timeout=20000) as blocker:
        window.open_path(big)
        window.status_line.cancel_button.click()
    assert blocker.args[0] is None
    assert window.tabs.count() == 0 and not window.is_loading()


def test_unhandled_exception_is_logged_and_shown_once(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    from viewer.qt.app import ExceptionHook

    hook = ExceptionHook(tmp_path / "logs" / "viewer.log")
    for n in range(3):
        try:
            raise RuntimeError(f"boom {n}")
        except RuntimeError:
            hook(*sys.exc_info())
    assert hook.dialog is not None and hook.dialog.count == 3
    assert "boom 0" in hook.dialog.details() and "boom 2" in hook.dialog.details()
    hook.dialog.close()
    assert window.isVisible()


def test_shortcut_sheet_lists_every_action_with_a_shortcut(qtbot: Any, window: Any) -> None:
    rows = dict(window.shortcut_rows())
    for name in (
        "Open…",
        "Reload",
        "Copy with attribution",
        "Side by side",
        "Zoom in",
        "Next turn",
        "Next question",
        "Go to paragraph…",
        "Go to speaker…",
        "Keyboard shortcuts",
        "Speakers panel",
    ):
        assert name in rows, name
    assert rows["Keyboard shortcuts"] == "F1"
    for act in window.actions():
        if act.shortcuts() and act.text():
            menu_text = [a for m in window.menuBar().actions() for a in m.menu().actions()]
            assert act in menu_text or any(
                act in sub.menu().actions() for sub in menu_text if sub.menu()
            ), act.text()


def test_paragraph_rows_are_plain_text(qtbot: Any, window: Any, tmp_path: Path) -> None:
    text = SAMPLE.read_text(encoding="utf-8").replace(
        "Thank you, operator, and good afternoon", "<b>Thank</b> &amp; <img src=x> you", 1
    )
    marked = tmp_path / "marked.txt"
    marked.write_text(text, encoding="utf-8")
    doc = load(qtbot, window, marked)
    hit = [p for p in doc.transcript.paragraphs if "<img src=x>" in p.en]
    assert hit
    row = doc.pane.proxy_row_of_paragraph(hit[0].index)
    assert "<b>Thank</b> &amp;" in doc.pane.model().index(row, 0).data(Roles.EN)


@pytest.mark.parametrize("mode", list(Mode))
def test_screenshot_grab_paints_rows(qtbot: Any, window: Any, mode: Mode) -> None:
    doc = load(qtbot, window)
    window.set_mode(mode)
    image = doc.pane.viewport().grab().toImage()
    colours = {
        image.pixelColor(x, y).name()
        for x in range(0, image.width(), 7)
        for y in range(0, image.height(), 7)
    }
    assert len(colours) > 5  # text was painted, not a blank viewport
    first = doc.pane.model().index(0, 0).data(Roles.ROW_KIND)
    assert first == RowKind.SECTION
    assert doc.pane.indexAt(QPoint(5, 5)).isValid()


def test_empty_window_shows_how_to_open_a_file(qtbot: Any, window: Any) -> None:
    assert window.empty.isVisible() and not window.tabs.isVisible()
    load(qtbot, window)
    assert window.tabs.isVisible() and not window.empty.isVisible()
    qtbot.keyClick(
        window.current_document().pane, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier
    )
    assert window.tabs.count() == 0 and window.empty.isVisible()


def test_macos_open_with_event_opens_the_file(qtbot: Any, window: Any, tmp_path: Path) -> None:
    from PySide6.QtGui import QFileOpenEvent

    app = QApplication.instance()
    copy = tmp_path / "opened-by-finder.txt"
    copy.write_bytes(SAMPLE.read_bytes())
    app.window = window
    try:
        with qtbot.waitSignal(window.load_finished, timeout=20000):
            assert app.file_open_filter.eventFilter(app, QFileOpenEvent(str(copy)))
    finally:
        app.window = None
    assert window.current_document().path == copy.resolve()
    app.pending_files.clear()
    assert app.file_open_filter.eventFilter(app, QFileOpenEvent(str(copy)))  # before a window
    assert app.pending_files == [str(copy)]
    app.pending_files.clear()


def test_first_paint_of_a_document_is_laid_out(qtbot: Any, window: Any) -> None:
    """From the pane's first paint on, every row on screen has its exact height (no frame
    of estimated or default heights with text running into the next row). The pane sizes
    its rows inside its first paint, at the size that paint has: the heights are read as the
    paint left them (a zero timer runs right after the paint event has been handled)."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    from viewer.qt.delegates.paragraph_layout import paragraph_height

    seen: list[tuple[int, int]] = []

    def painted() -> None:
        pane = window.current_document().pane
        proxy, source = pane.proxy(), pane.source()
        last = pane.rowAt(pane.viewport().height() - 1)
        width = float(max(200, pane.viewport().width()))
        rows = wrong = 0
        for row in range(pane.rowAt(0), last + 1 if last >= 0 else proxy.rowCount()):
            src = proxy.mapToSource(proxy.index(row, 0)).row()
            if source.row_kind(src) != RowKind.PARAGRAPH:
                continue
            p = source.transcript.paragraphs[source.paragraph_of_row(src)]
            exact = round(paragraph_height(p.en, p.zh, pane.mode, width, pane.metrics()))
            rows += 1
            wrong += exact != pane.verticalHeader().sectionSize(row)
        seen.append((rows, wrong))

    class FirstPaint(QObject):
        def eventFilter(self, watched: Any, event: Any) -> bool:
            if event.type() == QEvent.Type.Paint and len(seen) < 5:
                QTimer.singleShot(0, painted)
            return False

    spy = FirstPaint()
    window.load_finished.connect(
        lambda doc: doc.pane.viewport().installEventFilter(spy) if doc else None
    )
    load(qtbot, window)
    qtbot.waitUntil(lambda: bool(seen), timeout=10000)
    qtbot.wait(200)  # and the paints that follow while the window settles
    assert [wrong for _, wrong in seen] == [0] * len(seen)
    assert max(rows for rows, _ in seen) >= 2


def test_figures_panel_is_built_when_the_analysis_arrives(qtbot: Any, window: Any) -> None:
    assert not window.figures.has_panel()  # not at start-up: not needed for the first paint
    assert "analysed" in window.metrics_dock.widget().text()
    with qtbot.waitSignal(window.analysis_finished, timeout=20000):
        doc = load(qtbot, window)
    assert window.figures.has_panel() and window.metrics_dock.widget() is window.metrics_panel
    assert window.metrics_panel.figure_model.rowCount() == len(doc.analysis.figures) > 0
    assert not window.search.has_hit_list()  # built at the first search (or when focused)
    window.find_bar.open("Libra")
    qtbot.waitUntil(window.search.has_hit_list, timeout=10000)
    assert window.hits_dock.widget() is window.hit_list


def test_closing_a_document_cancels_its_background_jobs(qtbot: Any, window: Any) -> None:
    analysed: list[Any] = []
    window.analysis_finished.connect(analysed.append)
    doc = load(qtbot, window)
    document = doc.document
    qtbot.waitUntil(lambda: document.search_index is not None, timeout=10000)  # figures next
    with qtbot.waitSignal(document.closed, timeout=5000):
        window.close_document(window.tabs.indexOf(doc))
    assert document.is_closed
    wait_for_jobs()
    qtbot.wait(50)
    assert analysed == [] or document.analysis is None


def test_opening_a_file_changes_the_active_document_once(qtbot: Any, window: Any) -> None:
    changes: list[Any] = []
    window.active_document_changed.connect(changes.append)
    doc = load(qtbot, window)
    assert changes == [doc]
    changes.clear()
    again = load(qtbot, window)  # the same file replaces its tab
    assert changes == [again] and window.tabs.count() == 1
