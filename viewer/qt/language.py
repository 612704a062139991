"""View > Language and the window's retranslation: the choice is saved in the preferences,
applied at once (``i18n.set_language`` makes Qt send ``LanguageChange`` to every widget), and
the window's own texts (menus, actions, docks, status bar, title, the empty window) are re-set
when that event reaches the window. Panels and dialogs re-set theirs in their ``changeEvent``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QMainWindow

from viewer.qt import i18n
from viewer.qt.actions import LANGUAGE_ACTS
from viewer.qt.labels import arg, period_name

if TYPE_CHECKING:
    from viewer.qt.document_view import DocumentView

APP_NAME = "Earnings Call Viewer"  # a brand: never translated


def isolate(text: str) -> str:
    """Wrap untrusted text in Unicode isolates so bidi controls cannot reorder the UI."""
    return f"\u2068{text}\u2069"


def window_title(view: DocumentView | None) -> str:
    """``Nova Corp — 2025 年第 3 季 — Earnings Call Viewer`` in the interface language."""
    if view is None:
        return APP_NAME
    m = view.transcript.meta
    who = m.company or m.ticker or view.path.name
    when = period_name(f"Q{m.quarter} {m.fiscal_year}") if m.quarter and m.fiscal_year else ""
    return " — ".join(isolate(x) for x in (who, when) if x) + f" — {APP_NAME}"


def tab_title(view: DocumentView) -> str:
    """The tab's title: ``NOVA Q3 2025`` / ``NOVA 2025 年第 3 季``, or the file's name."""
    m = view.transcript.meta
    if not (m.ticker or m.company):
        return view.path.name
    who = m.ticker or m.company or ""
    if not (m.quarter and m.fiscal_year):
        return who
    return f"{who} {period_name(f'Q{m.quarter} {m.fiscal_year}')}"


def empty_notice() -> str:
    return QCoreApplication.translate(
        "MainWindow", "Open a transcript (Ctrl+O) or drop a file here."
    )


class LanguageSwitch(QObject):
    """Owns View > Language for ``window`` and re-sets the window's texts on a switch."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        # The MainWindow (typed loosely: importing it here would make an import circle)
        self.window: Any = window
        window.installEventFilter(self)
        self.check_menu()

    def check_menu(self) -> None:
        chosen = self.window.prefs.language
        for value, act in LANGUAGE_ACTS.items():
            self.window.action_table[act].setChecked(value == chosen)

    def choose(self, value: str) -> None:
        """Save ``value`` (``system``, ``en``, ``zh-TW``) and switch the interface now."""
        window = self.window
        window.prefs = window.prefs.model_copy(update={"language": value})
        window.settings.save_preferences(window.prefs)
        app = QCoreApplication.instance()
        lang = i18n.choose_language(i18n.system_ui_languages(), value)
        if app is not None and lang != i18n.current_language():
            i18n.set_language(app, lang)
        self.check_menu()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def retranslate(self) -> None:
        w = self.window
        w.action_table.retranslate()
        w.docks.retranslate()
        w.status_line.retranslate()
        view = w.current_document()
        w.status_line.show_document(view)
        w.empty.setText(empty_notice())
        w.empty.setAccessibleName(empty_notice())
        w.setWindowTitle(window_title(view))
        for i in range(w.tabs.count()):
            tab = w.tabs.widget(i)
            if tab in w.documents():
                w.tabs.setTabText(i, tab_title(tab))
        w.tabs.setAccessibleName(QCoreApplication.translate("MainWindow", "Open transcripts"))
        problems = i18n.translation_problems()
        if problems:
            note = QCoreApplication.translate("MainWindow", "Translation missing: %1")
            w.status(arg(note, "; ".join(problems)), 10000)
