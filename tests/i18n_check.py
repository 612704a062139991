"""Helpers of the language walk: every visible string of a widget tree, and what in a string
is English left untranslated (the zh-TW walk) or Chinese where English is expected (the
English walk). The walk itself (every window, dock, dialog and menu) uses these.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QTabBar,
    QTableView,
    QTabWidget,
    QTextEdit,
    QTreeView,
    QWidget,
)

# --- what counts as English left untranslated ---------------------------------------------

ALLOWED_WORDS = frozenset(
    {
        # units, currencies, scales
        "USD",
        "TWD",
        "NTD",
        "NT",
        "CNY",
        "RMB",
        "EUR",
        "GBP",
        "HKD",
        "JPY",
        "CAD",
        "AUD",
        "Gbps",
        "bp",
        "bps",
        "pp",
        "K",
        "M",
        "B",
        "T",
        "x",
        # finance acronyms and period names
        "EPS",
        "GAAP",
        "IFRS",
        "TAM",
        "SAM",
        "R&D",
        "G&A",
        "S&M",
        "Q&A",
        "FY",
        "YoY",
        "QoQ",
        "q/q",
        "y/y",
        "CEO",
        "CFO",
        "COO",
        "CTO",
        "IR",
        "AI",
        # file formats and encodings
        "CSV",
        "HTML",
        "TSV",
        "JSON",
        "PDF",
        "PNG",
        "TXT",
        "UTF",
        "BOM",
        "Unicode",
        "Excel",
        # key names (QKeySequence.toString(NativeText) and the F1 sheet)
        "Ctrl",
        "Shift",
        "Alt",
        "Meta",
        "Cmd",
        "Esc",
        "Tab",
        "Del",
        "Ins",
        "Enter",
        "Return",
        "Space",
        "Backspace",
        "Home",
        "End",
        "PgUp",
        "PgDown",
        "Up",
        "Down",
        "Left",
        "Right",
        # names that stay as they are in every language
        "Qt",
        "PySide6",
        "StatementDog",
        "Google",
        "Debian",
        "Ubuntu",
        "Noto",
        "Sans",
        "CJK",
        "TC",
        "fonts-noto-cjk",
        "English",
    }
)
"""Latin words a zh-TW interface may show: units, acronyms, key names, product names.
``English`` is the endonym in the language menu."""

ALLOWED_PHRASES = ("Earnings Call Viewer",)
"""Multi-word names kept in every language (the app's name is a brand)."""

_ALLOWED_PATTERNS = re.compile(
    r"""
    \b(?:Q[1-4]|H[12]|F(?:[1-9]|1[0-2])|FY\d{2,4}|\d+[A-Za-z]{1,3})\b  # Q1, H2, F5, FY2024, 10x, 2Q
    | [\w.-]*[\\/][\w./\\-]*                                      # paths
    | [\w.-]+\.(?:txt|csv|png|json|log|ini|qm|ts|py)\b            # file names
    | \*\.\w+                                                     # *.csv filters
    | https?://\S+
    """,
    re.VERBOSE,
)
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[&'’/-][A-Za-z0-9]+)*")
_MNEMONIC = re.compile(r"\(&[^&]\)|&(?=[^&])")


def _strip_mnemonics(text: str) -> str:
    # "檔案(&F)" -> "檔案", "&Open" -> "Open", "Q&&A" -> "Q&A"
    return _MNEMONIC.sub("", text).replace("&&", "&")


def untranslated_english(text: str, allowed: Iterable[str] = ()) -> list[str]:
    """The English words of ``text`` a zh-TW interface should not show.

    Mnemonics (``&File``, ``(&F)``) are ignored; so are :data:`ALLOWED_WORDS`,
    :data:`ALLOWED_PHRASES`, period names (Q1, FY2024), function keys, file names and paths,
    single letters (key names: Ctrl+K) and ``allowed`` (the names of the loaded transcript:
    speakers, firms, the company). Each word is listed once, in order."""
    allow = ALLOWED_WORDS | {w for w in allowed if w}
    # "R&D" and "Q&&A" before the mnemonics go ("&D" would look like one)
    with_ampersand = sorted((w for w in allow if "&" in w), key=len, reverse=True)
    plain = text
    for word in with_ampersand:
        plain = re.sub(re.escape(word).replace("&", "&&?"), " ", plain)
    plain = _strip_mnemonics(plain)
    for phrase in (*ALLOWED_PHRASES, *sorted((a for a in allowed if " " in a), key=len)[::-1]):
        plain = plain.replace(phrase, " ")
    plain = _ALLOWED_PATTERNS.sub(" ", plain)
    found: list[str] = []
    for m in _WORD.finditer(plain):
        word = m.group(0)
        if len(word) == 1 or word in allow or word.upper() in ALLOWED_WORDS:
            continue
        if all(part in allow or len(part) == 1 for part in re.split(r"[&'’/-]", word)):
            continue
        if word not in found:
            found.append(word)
    return found


ALLOWED_CHINESE = ("繁體中文", "中文")
"""Chinese an English interface shows on purpose: the language menu's endonym and the
"English and 中文" hints of the find field and the figures table."""

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+")


def unintended_chinese(text: str, allowed: Iterable[str] = ()) -> list[str]:
    """The runs of Han characters in ``text`` that an English interface should not show
    (:data:`ALLOWED_CHINESE` and ``allowed``, such as transcript text, are left out)."""
    plain = text
    for phrase in sorted({*ALLOWED_CHINESE, *allowed}, key=len, reverse=True):
        if phrase:
            plain = plain.replace(phrase, " ")
    found: list[str] = []
    for m in _HAN.finditer(plain):
        if m.group(0) not in found:
            found.append(m.group(0))
    return found


# --- the widget walk ------------------------------------------------------------------------


class Visible(NamedTuple):
    """One string a user can see (or hear, for accessible names), and where it is."""

    where: str
    text: str


def _name(obj: object) -> str:
    cls = type(obj).__name__
    object_name = obj.objectName() if hasattr(obj, "objectName") else ""
    return f"{cls}#{object_name}" if object_name else cls


def _action_strings(action: QAction, where: str, seen: set[int], out: list[Visible]) -> None:
    if id(action) in seen or action.isSeparator():
        return
    seen.add(id(action))
    here = f"{where} > action {action.text()!r}"
    out.append(Visible(here + " text", action.text()))
    if action.toolTip() and action.toolTip() != _strip_mnemonics(action.text()):
        out.append(Visible(here + " toolTip", action.toolTip()))
    if action.statusTip():
        out.append(Visible(here + " statusTip", action.statusTip()))
    if action.whatsThis():
        out.append(Visible(here + " whatsThis", action.whatsThis()))
    menu = action.menu()
    if isinstance(menu, QMenu):
        _menu_strings(menu, here, seen, out)


def _menu_strings(menu: QMenu, where: str, seen: set[int], out: list[Visible]) -> None:
    here = f"{where} > menu {menu.title()!r}"
    if menu.title():
        out.append(Visible(here + " title", menu.title()))
    for action in menu.actions():
        _action_strings(action, here, seen, out)


def _header_strings(view: QAbstractItemView, where: str, out: list[Visible]) -> None:
    model = view.model()
    if model is None or not isinstance(view, (QTableView, QTreeView)):
        return  # a list view has no header (and a list model no public columnCount)
    for orientation, count, label in (
        (Qt.Orientation.Horizontal, model.columnCount(), "column"),
        (Qt.Orientation.Vertical, 0, "row"),  # row headers are numbers or data
    ):
        for section in range(count):
            for role, what in (
                (Qt.ItemDataRole.DisplayRole, "header"),
                (Qt.ItemDataRole.ToolTipRole, "header toolTip"),
            ):
                value = model.headerData(section, orientation, role)
                if isinstance(value, str) and value:
                    out.append(Visible(f"{where} {label} {section} {what}", value))


def _widget_strings(w: QWidget, out: list[Visible], seen: set[int]) -> None:
    where = _name(w)
    add = out.append
    if w.isWindow() and w.windowTitle():
        add(Visible(where + " windowTitle", w.windowTitle()))
    for attr in ("toolTip", "statusTip", "whatsThis", "accessibleName", "accessibleDescription"):
        value = getattr(w, attr)()
        if value:
            add(Visible(f"{where} {attr}", value))
    if (isinstance(w, QLabel) and w.text()) or (isinstance(w, QAbstractButton) and w.text()):
        add(Visible(where + " text", w.text()))
    elif (isinstance(w, QLineEdit) and w.placeholderText()) or (
        isinstance(w, (QTextEdit, QPlainTextEdit)) and w.placeholderText()
    ):
        add(Visible(where + " placeholder", w.placeholderText()))
    if isinstance(w, QComboBox):
        line = w.lineEdit()
        if line is not None and line.placeholderText():
            add(Visible(where + " placeholder", line.placeholderText()))
        elif w.placeholderText():
            add(Visible(where + " placeholder", w.placeholderText()))
        for i in range(w.count()):
            if w.itemText(i):
                add(Visible(f"{where} item {i}", w.itemText(i)))
            tip = w.itemData(i, Qt.ItemDataRole.ToolTipRole)
            if isinstance(tip, str) and tip:
                add(Visible(f"{where} item {i} toolTip", tip))
    if isinstance(w, QAbstractSpinBox):
        if isinstance(w, QSpinBox) and (w.prefix() or w.suffix()):
            add(Visible(where + " prefix/suffix", f"{w.prefix()} {w.suffix()}".strip()))
        if w.specialValueText():
            add(Visible(where + " specialValueText", w.specialValueText()))
    if isinstance(w, QTabWidget) or (
        isinstance(w, QTabBar) and not isinstance(w.parent(), QTabWidget)
    ):
        for i in range(w.count()):
            add(Visible(f"{where} tab {i}", w.tabText(i)))
            if w.tabToolTip(i):
                add(Visible(f"{where} tab {i} toolTip", w.tabToolTip(i)))
    if isinstance(w, QDockWidget) and w.windowTitle():
        add(Visible(where + " dock title", w.windowTitle()))
    if isinstance(w, QGroupBox) and w.title():
        add(Visible(where + " title", w.title()))
    if isinstance(w, QMessageBox):
        for attr in ("informativeText", "detailedText"):
            value = getattr(w, attr)()
            if value:
                add(Visible(f"{where} {attr}", value))
    if isinstance(w, QAbstractItemView):
        _header_strings(w, where, out)
    if isinstance(w, QMainWindow):
        if w.statusBar().currentMessage():
            add(Visible(where + " status", w.statusBar().currentMessage()))
        for action in w.menuBar().actions():
            _action_strings(action, where + " menuBar", seen, out)
    if isinstance(w, QMenu):
        _menu_strings(w, where, seen, out)
    for action in w.actions():
        _action_strings(action, where, seen, out)


def visible_strings(widget: QWidget) -> list[Visible]:
    """Every user-visible string of ``widget`` and its descendants, hidden ones included (a
    hidden widget is shown later in the same language): window, dock and tab titles; labels
    and buttons; actions and menus (text, tool tip, status tip); placeholders; combo entries;
    the column headers of item views; accessible names and descriptions; status messages.

    Item views' cells are transcript data and are left out; so is what a user typed."""
    out: list[Visible] = []
    seen: set[int] = set()
    for w in [widget, *widget.findChildren(QWidget)]:
        _widget_strings(w, out, seen)
    unique: dict[Visible, None] = dict.fromkeys(out)
    return list(unique)
