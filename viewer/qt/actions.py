"""Every command of the window in one table: text, shortcuts, tip, handler, whether it needs
an open document, and where it sits in the menus. The F1 sheet is read from the same table.

To add a command: add an :class:`Act` member, a row to ``ACTIONS`` (its handler receives
the window) and its id to a menu in ``MENUS``. Actions that live on another widget (the
find bar's, a dock's show/hide toggle) are table rows with ``handler=None``; the window
hands them over with :meth:`ActionTable.adopt`.

Texts are translation sources (context ``"Actions"``), translated when the actions are built.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum, auto
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

from viewer.qt.i18n import QT_TRANSLATE_NOOP
from viewer.reading_mode import Mode

K = QKeySequence.StandardKey
CONTEXT = "Actions"


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class Act(Enum):
    OPEN = auto()
    RECENT = auto()  # a submenu, filled when shown
    RELOAD = auto()
    SAVE_AS = auto()
    PASTE_TRANSCRIPT = auto()
    EXPORT = auto()
    PRINT = auto()
    EXPORT_PDF = auto()
    CLOSE = auto()
    QUIT = auto()
    COPY = auto()
    SELECT_ALL = auto()
    FIND = auto()
    FIND_NEXT = auto()
    FIND_PREVIOUS = auto()
    FIND_CASE = auto()
    FIND_WORD = auto()
    FIND_REGEX = auto()
    FIND_SHOWN = auto()
    FIND_SCOPE = auto()
    MODE_SIDE_BY_SIDE = auto()
    MODE_INTERLEAVED = auto()
    MODE_EN = auto()
    MODE_ZH = auto()
    ZOOM_IN = auto()
    ZOOM_OUT = auto()
    ZOOM_RESET = auto()
    THEME_SYSTEM = auto()
    THEME_LIGHT = auto()
    THEME_DARK = auto()
    TOGGLE_THEME = auto()
    SUMMARY = auto()
    SPEAKERS_PANEL = auto()
    FIGURES_PANEL = auto()
    HITS_PANEL = auto()
    RESET_LAYOUT = auto()
    NEXT_TURN = auto()
    PREVIOUS_TURN = auto()
    NEXT_QUESTION = auto()
    PREVIOUS_QUESTION = auto()
    GO_TO_PARAGRAPH = auto()
    GO_TO_SPEAKER = auto()
    FOCUS_TREE = auto()
    FOCUS_PANE = auto()
    FOCUS_FIGURES = auto()
    SHORTCUTS = auto()
    WARNINGS = auto()
    ABOUT = auto()
    LANG_SYSTEM = auto()
    LANG_EN = auto()
    LANG_ZH = auto()


MODE_ACTS = {
    Mode.SIDE_BY_SIDE: Act.MODE_SIDE_BY_SIDE,
    Mode.INTERLEAVED: Act.MODE_INTERLEAVED,
    Mode.EN: Act.MODE_EN,
    Mode.ZH: Act.MODE_ZH,
}
THEME_ACTS = {"system": Act.THEME_SYSTEM, "light": Act.THEME_LIGHT, "dark": Act.THEME_DARK}
LANGUAGE_ACTS = {"system": Act.LANG_SYSTEM, "en": Act.LANG_EN, "zh-TW": Act.LANG_ZH}

Handler = Callable[[Any], object]  # called with the window (its ``commands`` act on a tab)
Shortcut = str | QKeySequence.StandardKey


@dataclass(frozen=True)
class ActionSpec:
    act: Act
    text: str
    handler: Handler | None  # None: an action another widget owns (adopted)
    shortcuts: tuple[Shortcut, ...] = ()
    tip: str = ""
    needs_document: bool = False
    checkable: bool = False
    group: str = ""  # actions sharing a group are exclusive (modes, themes)
    local: bool = False  # its shortcut works only inside its widget (the find options)
    icon_text: str = ""  # a tool button's short text, when it is a word


def _row(
    act: Act, text: str, handler: Handler | None, *shortcuts: Shortcut, **kw: Any
) -> ActionSpec:
    return ActionSpec(act, text, handler, tuple(shortcuts), **kw)


def _set_mode(mode: Mode) -> Handler:
    return lambda w: w.look.set_mode(mode)


def _set_theme(theme: str) -> Handler:
    return lambda w: w.look.set_theme(theme)


DOC = {"needs_document": True}

# fmt: off
# Texts are wrapped in QT_TRANSLATE_NOOP so lupdate extracts them (one row a line, for room).
ACTIONS: tuple[ActionSpec, ...] = (
    _row(Act.OPEN, QT_TRANSLATE_NOOP("Actions", "&Open…"), lambda w: w.open_dialog(), K.Open),
    _row(Act.RECENT, QT_TRANSLATE_NOOP("Actions", "Open &recent"), None),
    _row(Act.RELOAD, QT_TRANSLATE_NOOP("Actions", "&Reload"), lambda w: w.reload_current(), "F5", **DOC),
    _row(Act.SAVE_AS, QT_TRANSLATE_NOOP("Actions", "&Save pasted call as…"), lambda w: w.paste.save_as(), tip=QT_TRANSLATE_NOOP("Actions", "Write a pasted call to a UTF-8 text file"), **DOC),
    _row(Act.PASTE_TRANSCRIPT, QT_TRANSLATE_NOOP("Actions", "&Paste transcript"), lambda w: w.paste.paste_clipboard(), "Ctrl+Shift+V", tip=QT_TRANSLATE_NOOP("Actions", "Open a call copied from a web page (text or HTML) as a new, unsaved tab")),
    _row(Act.EXPORT, QT_TRANSLATE_NOOP("Actions", "&Export selection to CSV…"), lambda w: w.commands.export_selection(), "Ctrl+E", tip=QT_TRANSLATE_NOOP("Actions", "The selected paragraphs, speakers, turns or figures (or the whole filtered view)"), **DOC),
    _row(Act.PRINT, QT_TRANSLATE_NOOP("Actions", "&Print…"), lambda w: w.commands.print_view(), K.Print, **DOC),
    _row(Act.EXPORT_PDF, QT_TRANSLATE_NOOP("Actions", "Export to P&DF…"), lambda w: w.commands.export_pdf(), **DOC),
    _row(Act.CLOSE, QT_TRANSLATE_NOOP("Actions", "&Close tab"), lambda w: w.close_current(), "Ctrl+W", "Ctrl+F4", **DOC),
    _row(Act.QUIT, QT_TRANSLATE_NOOP("Actions", "&Quit"), lambda w: w.close(), K.Quit),
    _row(Act.COPY, QT_TRANSLATE_NOOP("Actions", "&Copy with attribution"), lambda w: w.commands.copy_selection(), K.Copy, **DOC),
    _row(Act.SELECT_ALL, QT_TRANSLATE_NOOP("Actions", "Select &all"), lambda w: w.commands.select_all(), K.SelectAll, **DOC),
    # The find bar's (its option keys work while the bar has the focus).
    _row(Act.FIND, QT_TRANSLATE_NOOP("Actions", "&Find…"), None, K.Find),
    _row(Act.FIND_NEXT, QT_TRANSLATE_NOOP("Actions", "Find &next"), None, "F3"),
    _row(Act.FIND_PREVIOUS, QT_TRANSLATE_NOOP("Actions", "Find pre&vious"), None, "Shift+F3"),
    _row(Act.FIND_CASE, QT_TRANSLATE_NOOP("Actions", "Match &case"), None, "Alt+C", local=True),
    _row(Act.FIND_WORD, QT_TRANSLATE_NOOP("Actions", "&Whole words (Latin text only)"), None, "Alt+W", local=True),
    _row(Act.FIND_REGEX, QT_TRANSLATE_NOOP("Actions", "&Regular expression"), None, "Alt+R", local=True),
    _row(Act.FIND_SHOWN, QT_TRANSLATE_NOOP("Actions", "Only the speakers and sections &shown"), None, "Alt+O", local=True, icon_text=QT_TRANSLATE_NOOP("Actions", "Shown")),
    _row(Act.FIND_SCOPE, QT_TRANSLATE_NOOP("Actions", "Next &language scope"), None, "Alt+L", local=True),
    *(
        _row(
            MODE_ACTS[mode],
            text,
            _set_mode(mode),
            f"Ctrl+{n}",
            checkable=True,
            group="mode",
        )
        for n, (mode, text) in enumerate(
            (
                (Mode.SIDE_BY_SIDE, QT_TRANSLATE_NOOP("Actions", "&Side by side")),
                (Mode.INTERLEAVED, QT_TRANSLATE_NOOP("Actions", "&Interleaved")),
                (Mode.EN, QT_TRANSLATE_NOOP("Actions", "&English only")),
                (Mode.ZH, QT_TRANSLATE_NOOP("Actions", "&Chinese only")),
            ),
            start=1,
        )
    ),
    _row(Act.ZOOM_IN, QT_TRANSLATE_NOOP("Actions", "Zoom &in"), lambda w: w.look.zoom_in(), "Ctrl+=", "Ctrl++"),
    _row(Act.ZOOM_OUT, QT_TRANSLATE_NOOP("Actions", "Zoom &out"), lambda w: w.look.zoom_out(), "Ctrl+-"),
    _row(Act.ZOOM_RESET, QT_TRANSLATE_NOOP("Actions", "&Reset zoom"), lambda w: w.look.set_zoom(1.0), "Ctrl+0"),
    *(
        _row(THEME_ACTS[key], text, _set_theme(key), checkable=True, group="theme")
        for key, text in (("system", QT_TRANSLATE_NOOP("Actions", "Follow &system")), ("light", QT_TRANSLATE_NOOP("Actions", "&Light")), ("dark", QT_TRANSLATE_NOOP("Actions", "&Dark")))
    ),
    _row(Act.TOGGLE_THEME, QT_TRANSLATE_NOOP("Actions", "&Toggle dark mode"), lambda w: w.look.toggle_theme(), "Ctrl+Shift+D"),
    _row(Act.SUMMARY, QT_TRANSLATE_NOOP("Actions", "Show &summary"), lambda w: w.look.set_summary_shown(w.action_table[Act.SUMMARY].isChecked()), "Ctrl+Shift+U", checkable=True),
    _row(Act.SPEAKERS_PANEL, QT_TRANSLATE_NOOP("Actions", "&Speakers panel"), None, "Ctrl+Shift+S"),
    _row(Act.FIGURES_PANEL, QT_TRANSLATE_NOOP("Actions", "&Figures panel"), None, "Ctrl+Shift+M"),
    _row(Act.HITS_PANEL, QT_TRANSLATE_NOOP("Actions", "Search &hits panel"), None, "Ctrl+Shift+H"),
    _row(Act.RESET_LAYOUT, QT_TRANSLATE_NOOP("Actions", "Reset &layout"), lambda w: w.docks.reset()),
    _row(Act.NEXT_TURN, QT_TRANSLATE_NOOP("Actions", "&Next turn"), lambda w: w.commands.step_turn(True), "Alt+Down", **DOC),
    _row(Act.PREVIOUS_TURN, QT_TRANSLATE_NOOP("Actions", "&Previous turn"), lambda w: w.commands.step_turn(False), "Alt+Up", **DOC ),
    _row(Act.NEXT_QUESTION, QT_TRANSLATE_NOOP("Actions", "Next &question"), lambda w: w.commands.step_turn(True, True), "Alt+Shift+Down", **DOC),
    _row(Act.PREVIOUS_QUESTION, QT_TRANSLATE_NOOP("Actions", "Previous q&uestion"), lambda w: w.commands.step_turn(False, True), "Alt+Shift+Up", **DOC),
    _row(Act.GO_TO_PARAGRAPH, QT_TRANSLATE_NOOP("Actions", "Go to &paragraph…"), lambda w: w.commands.go_to_paragraph_dialog(), "Ctrl+G", **DOC),
    _row(Act.GO_TO_SPEAKER, QT_TRANSLATE_NOOP("Actions", "Go to &speaker…"), lambda w: w.commands.go_to_speaker_dialog(), "Ctrl+K", **DOC),
    _row(Act.FOCUS_TREE, QT_TRANSLATE_NOOP("Actions", "Focus speaker &tree"), lambda w: w.focus_speakers(), "Alt+1"),
    _row(Act.FOCUS_PANE, QT_TRANSLATE_NOOP("Actions", "Focus &reading pane"), lambda w: w.focus_pane(), "Alt+2"),
    _row(Act.FOCUS_FIGURES, QT_TRANSLATE_NOOP("Actions", "Focus &figures panel"), lambda w: w.focus_figures(), "Alt+3"),
    _row(Act.SHORTCUTS, QT_TRANSLATE_NOOP("Actions", "&Keyboard shortcuts"), lambda w: w.commands.show_shortcuts(), K.HelpContents ),
    _row(Act.WARNINGS, QT_TRANSLATE_NOOP("Actions", "Show parse &warnings"), lambda w: w.commands.show_warnings(), "Ctrl+Shift+W", **DOC),
    _row(Act.ABOUT, QT_TRANSLATE_NOOP("Actions", "&About"), lambda w: w.show_about()),
    # View > Language: the languages in their own names (endonyms, never translated)
    _row(Act.LANG_SYSTEM, QT_TRANSLATE_NOOP("Actions", "Follow the system &language"), lambda w: w.language.choose("system"), checkable=True, group="language"),
    _row(Act.LANG_EN, "English", lambda w: w.language.choose("en"), checkable=True, group="language"),
    _row(Act.LANG_ZH, "繁體中文", lambda w: w.language.choose("zh-TW"), checkable=True, group="language"),
)

SEP = None  # a separator in a menu
Entry = Act | None | tuple[str, tuple["Entry", ...]]  # an action, a separator, a submenu
FIND_OPTIONS = (Act.FIND_CASE, Act.FIND_WORD, Act.FIND_REGEX, Act.FIND_SHOWN, Act.FIND_SCOPE)

FILE_MENU = (Act.OPEN, Act.RECENT, Act.RELOAD, Act.SAVE_AS, SEP, Act.EXPORT, Act.EXPORT_PDF, Act.PRINT)
MENUS: tuple[tuple[str, tuple[Entry, ...]], ...] = (
    (QT_TRANSLATE_NOOP("Menus", "&File"), (*FILE_MENU, SEP, Act.CLOSE, SEP, Act.QUIT)),
    (
        QT_TRANSLATE_NOOP("Menus", "&Edit"),
        (
            Act.COPY,
            Act.SELECT_ALL,
            Act.PASTE_TRANSCRIPT,
            SEP,
            Act.FIND,
            Act.FIND_NEXT,
            Act.FIND_PREVIOUS,
            (QT_TRANSLATE_NOOP("Menus", "Find &options"), FIND_OPTIONS),
        ),
    ),
    (
        QT_TRANSLATE_NOOP("Menus", "&View"),
        (
            *MODE_ACTS.values(),
            SEP,
            Act.ZOOM_IN,
            Act.ZOOM_OUT,
            Act.ZOOM_RESET,
            SEP,
            (QT_TRANSLATE_NOOP("Menus", "T&heme"), (*THEME_ACTS.values(), SEP, Act.TOGGLE_THEME)),
            Act.SUMMARY,
            SEP,
            Act.SPEAKERS_PANEL,
            Act.FIGURES_PANEL,
            Act.HITS_PANEL,
            Act.RESET_LAYOUT,
            SEP,
            (QT_TRANSLATE_NOOP("Menus", "&Language"), tuple(LANGUAGE_ACTS.values())),
        ),
    ),
    (
        QT_TRANSLATE_NOOP("Menus", "&Go"),
        (
            Act.NEXT_TURN,
            Act.PREVIOUS_TURN,
            Act.NEXT_QUESTION,
            Act.PREVIOUS_QUESTION,
            SEP,
            Act.GO_TO_PARAGRAPH,
            Act.GO_TO_SPEAKER,
            SEP,
            Act.FOCUS_TREE,
            Act.FOCUS_PANE,
            Act.FOCUS_FIGURES,
        ),
    ),
    (QT_TRANSLATE_NOOP("Menus", "&Help"), (Act.SHORTCUTS, Act.WARNINGS, Act.ABOUT)),
)
# fmt: on

SPECS = {spec.act: spec for spec in ACTIONS}


def plain(text: str) -> str:
    """A menu text without its mnemonic ampersands ("&&" stays one "&")."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


class ActionTable(QObject):
    """The window's ``QAction`` objects, built from ``ACTIONS``; ``table[Act.OPEN]``."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._actions: dict[Act, QAction] = {}
        self.menus: dict[str, QMenu] = {}  # by the menu's source text ("&File")
        groups: dict[str, QActionGroup] = {}
        for spec in ACTIONS:
            if spec.handler is None:
                continue
            act = QAction(tr(spec.text), window)
            act.setShortcuts([QKeySequence(s) for s in spec.shortcuts])
            act.setCheckable(spec.checkable)
            if spec.tip:
                act.setStatusTip(tr(spec.tip))
            act.triggered.connect(self._trigger(spec))
            if spec.group:
                groups.setdefault(spec.group, QActionGroup(self)).addAction(act)
            window.addAction(act)  # shortcuts work even when the menu bar is hidden
            self._actions[spec.act] = act

    def _trigger(self, spec: ActionSpec) -> Callable[[], None]:
        handler, window = spec.handler, self._window
        assert handler is not None

        def run() -> None:
            handler(window)

        return run

    def adopt(self, actions: dict[Act, QAction]) -> None:
        """Take actions other widgets own (the find bar's, the docks' toggles) as the
        table's: text and shortcuts come from the table, so do their places in the menus."""
        for act, action in actions.items():
            spec = SPECS[act]
            action.setText(tr(spec.text))
            if spec.local:  # a find option: its tool button shows the tip with the key
                action.setToolTip(f"{plain(tr(spec.text))} ({spec.shortcuts[0]})")
            if spec.icon_text:
                action.setIconText(tr(spec.icon_text))
            if spec.shortcuts:
                action.setShortcuts([QKeySequence(s) for s in spec.shortcuts])
            if not spec.local:
                self._window.addAction(action)  # shortcuts work even when the menu bar is hidden
            self._actions[act] = action

    def __getitem__(self, act: Act) -> QAction:
        return self._actions[act]

    def build_menus(self, bar: QMenuBar) -> None:
        for title, entries in MENUS:
            self.menus[title] = self._fill(
                bar.addMenu(QCoreApplication.translate("Menus", title)), entries
            )

    def _fill(self, menu: QMenu, entries: Sequence[Entry]) -> QMenu:
        for entry in entries:
            if entry is None:
                menu.addSeparator()
            elif isinstance(entry, tuple):
                title, sub = entry
                self.menus[title] = self._fill(
                    menu.addMenu(QCoreApplication.translate("Menus", title)), sub
                )
            elif entry is Act.RECENT:
                self.menus[SPECS[entry].text] = menu.addMenu(tr(SPECS[entry].text))
            else:
                menu.addAction(self._actions[entry])
        return menu

    def retranslate(self) -> None:
        """Re-set every action's text and tip and every menu's title (on ``LanguageChange``)."""
        for spec in ACTIONS:
            if (act := self._actions.get(spec.act)) is not None:
                act.setText(tr(spec.text))
                act.setStatusTip(tr(spec.tip) if spec.tip else "")
                if spec.local:
                    act.setToolTip(f"{plain(tr(spec.text))} ({spec.shortcuts[0]})")
                if spec.icon_text:
                    act.setIconText(tr(spec.icon_text))
        for title, menu in self.menus.items():
            context = CONTEXT if title == SPECS[Act.RECENT].text else "Menus"
            menu.setTitle(QCoreApplication.translate(context, title))

    def set_document_open(self, is_open: bool) -> None:
        """Enable the actions that need a document only while one is open."""
        for spec in ACTIONS:
            if spec.needs_document and spec.act in self._actions:
                self._actions[spec.act].setEnabled(is_open)

    def shortcut_rows(self) -> list[list[str]]:
        """The F1 sheet: [text, shortcuts] for every action of the table that has one."""
        rows = []
        for spec in ACTIONS:
            act = self._actions.get(spec.act)
            if act is None:
                continue
            seqs = [s.toString(QKeySequence.SequenceFormat.NativeText) for s in act.shortcuts()]
            if seqs:
                rows.append([plain(act.text()), " / ".join(seqs)])
        return rows
