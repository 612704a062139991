"""File > Print… and Export to PDF…: the reading view as shown, with its attribution."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PySide6.QtPrintSupport import QPrintDialog, QPrinter

from tests.qt.conftest import load
from viewer.core.printout import print_groups, print_title
from viewer.core.quote import attribution
from viewer.qt.actions import Act
from viewer.qt.printing import print_view, view_document
from viewer.reading_mode import Mode


def test_export_to_pdf_writes_the_view(qtbot: Any, window: Any, tmp_path: Path) -> None:
    view = load(qtbot, window)
    target = tmp_path / "call.pdf"
    asked: list[str] = []
    window.commands.ask_pdf_path = lambda initial: asked.append(initial) or str(target)
    window.action_table[Act.EXPORT_PDF].trigger()
    assert asked == [str(view.path.with_suffix(".pdf"))]
    data = target.read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    pages = re.findall(rb"/Type\s*/Page[^s]", data)
    assert len(pages) >= 2  # the sample call runs over several pages
    assert window.statusBar().currentMessage().endswith(str(target))


def test_the_printout_is_the_view_with_its_attribution(qtbot: Any, window: Any) -> None:
    view = load(qtbot, window)
    t = view.transcript
    text = view_document(view).toPlainText()
    assert text.startswith(print_title(t, view.path.name))
    assert "Novaris Semiconductor Inc (NOVA) Q3 2025" in text
    assert "machine translation" in text
    for group in print_groups(t, range(len(t.paragraphs))):
        assert "— " + group.heading in text
    assert t.paragraphs[0].en in text and t.paragraphs[0].zh in text
    # Filters and the mode apply: no Q&A, no Chinese.
    view.document.set_hidden_sections(frozenset({"qa"}))
    window.set_mode(Mode.EN)
    text = view_document(view).toPlainText()
    qa = [p for tr in t.turns if tr.section.value == "qa" for p in tr.paragraphs]
    assert qa and all(p.en not in text for p in qa)
    assert attribution(t, 0) in text and t.paragraphs[0].en in text
    assert t.paragraphs[0].zh not in text


def test_printing_to_a_pdf_printer(qtbot: Any, window: Any, tmp_path: Path) -> None:
    view = load(qtbot, window)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    print_view(view, printer)
    assert (tmp_path / "printed.pdf").read_bytes().startswith(b"%PDF-")


def test_ctrl_p_opens_the_print_dialog_only_with_a_document(qtbot: Any, window: Any) -> None:
    act = window.action_table[Act.PRINT]
    assert not act.isEnabled() and not window.action_table[Act.EXPORT_PDF].isEnabled()
    load(qtbot, window)
    assert act.isEnabled()
    opened: list[Any] = []
    window.dialog_opened.connect(opened.append)
    act.trigger()
    assert len(opened) == 1 and isinstance(opened[0], QPrintDialog)
    opened[0].reject()
