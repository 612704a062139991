"""tests/i18n_check.py: the word checks and the widget walk the language walk will use."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tests.i18n_check import unintended_chinese, untranslated_english, visible_strings

# --- untranslated English -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "檔案(&F)",
        "開啟(&O)…",
        "每股盈餘 (EPS)",
        "將選取範圍匯出為 CSV…",
        "2025 年第 1 季",
        "Q1 2025",
        "FY2024",
        "Ctrl+Shift+D",
        "F1",
        "Shift+F3",
        "Alt+Shift+Down",
        "141.1 M USD",
        "1.411 億美元",
        "74.1%",
        "10x",
        "研發費用 (R&D)",
        "問答 Q&&A",
        "G&A",
        "UTF-8（含 BOM，Excel 可正確開啟）",
        "Earnings Call Viewer 0.1.0",
        "已匯出 12 列到 /tmp/out/figures.csv",
        "C:\\Users\\me\\calls\\NOVA-2025-Q3.txt",
        "逐字稿 (*.txt)",
        "安裝中文字型 (Debian/Ubuntu: fonts-noto-cjk)",
        "English",
        "年增率 y/y",
        "",
    ],
)
def test_allowed_latin_in_chinese(text: str) -> None:
    assert untranslated_english(text) == []


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("&Open…", ["Open"]),
        ("Export selection to CSV…", ["Export", "selection", "to"]),
        ("匯出 rows", ["rows"]),
        ("Go to &paragraph…", ["Go", "to", "paragraph"]),
        ("第 3 筆 of 12", ["of"]),
        ("Revenue 營收 Revenue", ["Revenue"]),  # each word once
        ("Prepared remarks", ["Prepared", "remarks"]),
        ("Can't open", ["Can't", "open"]),
        ("Zoom 100%", ["Zoom"]),
        ("Q&A words", ["words"]),
        ("Analyst's", ["Analyst's"]),
    ],
)
def test_english_words_are_found(text: str, words: list[str]) -> None:
    assert untranslated_english(text) == words


def test_transcript_names_can_be_allowed() -> None:
    text = "Michael Tate 的發言 (Morgan Stanley)"
    assert untranslated_english(text) == ["Michael", "Tate", "Morgan", "Stanley"]
    assert untranslated_english(text, ["Michael Tate", "Morgan Stanley"]) == []
    assert untranslated_english("Nova 公司", ["Nova"]) == []


@given(st.text(max_size=200))
def test_any_text_is_checked_without_error(text: str) -> None:
    words = untranslated_english(text)
    assert all(w and w.isascii() for w in words)
    assert len(words) == len(set(words))


@given(st.text(alphabet="營收毛利率每股盈餘年第季，。：（）0123456789 %", max_size=80))
def test_chinese_and_numbers_alone_are_never_english(text: str) -> None:
    assert untranslated_english(text) == []


# --- unintended Chinese ---------------------------------------------------------------------


def test_unintended_chinese() -> None:
    assert unintended_chinese("&Open…") == []
    assert unintended_chinese("Find in English and 中文") == []
    assert unintended_chinese("繁體中文") == []
    assert unintended_chinese("Revenue 營收") == ["營收"]
    assert unintended_chinese("準備發言 and 問答, 準備發言") == ["準備發言", "問答"]
    assert unintended_chinese("Summary 內容摘要", ["內容摘要"]) == []
    assert unintended_chinese("1.411 億美元") == ["億美元"]
    assert unintended_chinese("𠀋 rare") == ["𠀋"]


@given(st.text(alphabet=st.characters(codec="ascii"), max_size=100))
def test_ascii_is_never_chinese(text: str) -> None:
    assert unintended_chinese(text) == []


# --- the widget walk ------------------------------------------------------------------------


_ROOT = QModelIndex()


class _Model(QAbstractTableModel):
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 2

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 2

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return "cell data"
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return ["Metric", "Value"][section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return "Header tip" if section == 0 else None
        return None


def test_visible_strings_collects_every_kind(qtbot: Any) -> None:
    win = QMainWindow()
    qtbot.addWidget(win)
    win.setWindowTitle("Window title")
    file_menu = win.menuBar().addMenu("&File")
    act = QAction("&Open…", win)
    act.setToolTip("Open tip")
    act.setStatusTip("Open status")
    file_menu.addAction(act)
    file_menu.addSeparator()
    sub = file_menu.addMenu("Open &recent")
    sub.addAction("Clear list")
    win.statusBar().showMessage("Status message")

    central = QWidget()
    lay = QVBoxLayout(central)
    label = QLabel("A label")
    label.setToolTip("Label tip")
    lay.addWidget(label)
    button = QPushButton("&Button")
    button.setAccessibleName("Button name")
    button.setAccessibleDescription("Button description")
    lay.addWidget(button)
    lay.addWidget(QCheckBox("Check box"))
    edit = QLineEdit()
    edit.setPlaceholderText("Placeholder")
    edit.setText("typed by the user")
    lay.addWidget(edit)
    combo = QComboBox()
    combo.addItems(["First entry", "Second entry"])
    combo.setItemData(1, "Entry tip", Qt.ItemDataRole.ToolTipRole)
    lay.addWidget(combo)
    tabs = QTabWidget()
    tabs.addTab(QWidget(), "&Tab one")
    tabs.setTabToolTip(0, "Tab tip")
    lay.addWidget(tabs)
    box = QGroupBox("Group title")
    lay.addWidget(box)
    view = QTableView()
    model = _Model(view)
    view.setModel(model)
    lay.addWidget(view)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    lay.addWidget(buttons)
    win.setCentralWidget(central)
    dock = QDockWidget("Dock title", win)
    win.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
    context = QAction("Context action", view)
    view.addAction(context)

    texts = {v.text for v in visible_strings(win)}
    expected = {
        "Window title",
        "&File",
        "&Open…",
        "Open tip",
        "Open status",
        "Open &recent",
        "Clear list",
        "Status message",
        "A label",
        "Label tip",
        "&Button",
        "Button name",
        "Button description",
        "Check box",
        "Placeholder",
        "First entry",
        "Second entry",
        "Entry tip",
        "&Tab one",
        "Tab tip",
        "Group title",
        "Metric",
        "Value",
        "Header tip",
        "Cancel",
        "Dock title",
        "Context action",
    }
    assert expected <= texts, expected - texts
    assert "typed by the user" not in texts and "cell data" not in texts
    where = {v.text: v.where for v in visible_strings(win)}
    assert "menu" in where["Clear list"] and "QMainWindow" in where["Clear list"]
    # each string once per place
    all_items = visible_strings(win)
    assert len(all_items) == len(set(all_items))


def test_visible_strings_of_a_dialog_in_chinese(qapp: Any, qtbot: Any) -> None:
    """The walk and the check together: Qt's own buttons come out in Chinese."""
    from viewer.qt import i18n

    i18n.set_language(qapp, "zh-TW")
    try:
        dialog = QDialog()
        qtbot.addWidget(dialog)
        dialog.setWindowTitle("匯出 CSV")
        lay = QVBoxLayout(dialog)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        lay.addWidget(buttons)
        lay.addWidget(QLabel("Columns:"))
        bad = {v.text: untranslated_english(v.text) for v in visible_strings(dialog)}
        assert {k: w for k, w in bad.items() if w} == {"Columns:": ["Columns"]}
        assert {b.text() for b in buttons.buttons()} == {"確定", "取消"}
    finally:
        i18n.set_language(qapp, "en")
