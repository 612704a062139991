"""File > Print… and Export to PDF… (Ctrl+P): the reading view as it is (its mode, its
filters) on paper, with its attribution. Built as a QTextDocument from plain text (never
rich text: transcript text is plain text only) and printed through QtPrintSupport."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import (
    QFont,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextLength,
    QTextTableFormat,
)
from PySide6.QtPrintSupport import QPrinter

from viewer.core.printout import LANGUAGES, print_groups, print_title

if TYPE_CHECKING:
    from viewer.qt.document_view import DocumentView

POINT_SIZE = 10.0


def view_document(view: DocumentView) -> QTextDocument:
    """The printout of ``view``: title, notice, then each shown turn under its attribution,
    in the view's languages (side by side as a two-column table)."""
    t = view.transcript
    pane = view.pane
    m = pane.metrics()
    en_font, zh_font = QFont(m.font), QFont(m.zh_font)
    for font in (en_font, zh_font):
        font.setPointSizeF(POINT_SIZE)
    plain, bold, small, zh = (QTextCharFormat() for _ in range(4))
    plain.setFont(en_font)
    zh.setFont(zh_font)
    bold.setFont(en_font)
    bold.setFontWeight(QFont.Weight.Bold)
    small.setFont(en_font)
    small.setFontPointSize(POINT_SIZE * 0.85)
    doc = QTextDocument()
    doc.setDefaultFont(en_font)
    cursor = QTextCursor(doc)
    title = QTextCharFormat(bold)
    title.setFontPointSize(POINT_SIZE * 1.3)
    cursor.insertText(print_title(t, view.path.name), title)
    cursor.insertBlock()
    cursor.insertText(
        QCoreApplication.translate(
            "Printing",
            "Printed from Earnings Call Viewer. The Chinese text is Google's machine "
            "translation, as the source says: check figures and names against the English.",
        ),
        small,
    )
    languages = LANGUAGES[str(pane.mode.value)]
    side_by_side = len(languages) == 2 and pane.mode.value == "side-by-side"
    for group in print_groups(t, view.visible_paragraphs()):
        cursor.insertBlock()
        cursor.insertBlock()
        cursor.insertText("— " + group.heading, bold)
        if side_by_side:
            table_format = QTextTableFormat()
            table_format.setBorder(0)
            table_format.setCellPadding(3)
            table_format.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
            table = cursor.insertTable(len(group.paragraphs), 2, table_format)
            for row, i in enumerate(group.paragraphs):
                p = t.paragraphs[i]
                table.cellAt(row, 0).firstCursorPosition().insertText(f"{i + 1}  {p.en}", plain)
                table.cellAt(row, 1).firstCursorPosition().insertText(p.zh or "", zh)
            cursor.movePosition(QTextCursor.MoveOperation.End)
            continue
        for i in group.paragraphs:
            p = t.paragraphs[i]
            if "en" in languages:
                cursor.insertBlock()
                cursor.insertText(f"{i + 1}  {p.en}", plain)
            if "zh" in languages and p.zh:
                cursor.insertBlock()
                cursor.insertText(p.zh if "en" in languages else f"{i + 1}  {p.zh}", zh)
    return doc


def print_view(view: DocumentView, printer: QPrinter) -> None:
    """Print ``view`` on ``printer`` (Qt paginates it, with margins and page numbers)."""
    view_document(view).print_(printer)


def write_pdf(view: DocumentView, path: Path) -> None:
    """Export ``view`` to the PDF file ``path``."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setDocName(print_title(view.transcript, view.path.name))
    printer.setCreator("Earnings Call Viewer")
    print_view(view, printer)
