"""The library's docks and menus in the main window, with "open this call at this paragraph".

Attached after the first document is on screen, so the library never delays the first paint.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from viewer.qt.library import LibraryController
    from viewer.qt.main_window import MainWindow


def attach_library(
    window: MainWindow, db_path: str | os.PathLike[str] | None = None
) -> LibraryController:
    """Install the library on ``window``: File menu entries, docks, Ctrl+Shift+F."""
    from viewer.qt.document_view import DocumentView
    from viewer.qt.library import install_library
    from viewer.qt.models.paragraph_table_model import Highlight

    menus = window.action_table.menus
    for title, name in (("&File", "fileMenu"), ("&View", "viewMenu")):
        if title in menus:
            menus[title].setObjectName(name)

    def open_at(path: str, paragraph: int | None, hit: Any) -> None:
        target = Path(path)

        def arrived(view: object) -> None:
            window.load_finished.disconnect(arrived)
            if isinstance(view, DocumentView) and paragraph is not None:
                view.go_to_paragraph(paragraph)
                found = getattr(hit, "hit", None)  # the single-call Hit of a library result
                if found is not None:
                    mark = Highlight(found.lang, found.start, found.end, "current")
                    view.document.set_extra_highlights({found.paragraph: [mark]})

        if paragraph is not None:
            window.load_finished.connect(arrived)
        window.open_path(target)

    settings = window.settings.qs if hasattr(window.settings, "qs") else None
    controller = install_library(window, open_at, settings, db_path)
    window.library = controller
    return controller
