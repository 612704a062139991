"""Paints reading-pane rows: paragraphs in both languages, speaker headers, section bands.

Text is drawn with ``QTextLayout`` as plain text; highlights are text formats, never markup.
"""

from __future__ import annotations

from typing import Any, cast

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QTextLayout
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from viewer.core.timecode import clock
from viewer.qt.delegates.paragraph_layout import (
    PAD_X,
    PAD_Y,
    Metrics,
    Mode,
    make_layout,
    text_rects,
)
from viewer.qt.i18n import QT_TRANSLATE_NOOP, translate
from viewer.qt.models.roles import Roles, RowKind
from viewer.qt.theme import Colours, active

Index = QModelIndex | QPersistentModelIndex

MISSING_ZH = QT_TRANSLATE_NOOP("ParagraphDelegate", "(translation missing)")


def utf16_offset(text: str, cp: int) -> int:
    """Qt positions are UTF-16 code units; ours are code points."""
    head = text[:cp]
    return cp + sum(1 for ch in head if ord(ch) > 0xFFFF)


class ParagraphDelegate(QStyledItemDelegate):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.mode = Mode.SIDE_BY_SIDE
        self.metrics: Metrics | None = None

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        # Row heights are managed by the reading pane (estimated, then exact when shown).
        return QSize(option.rect.width(), 24)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        m = self.metrics
        if m is None:
            return
        painter.save()
        try:
            rect = QRectF(option.rect)
            painter.setClipRect(option.rect)  # a row never draws over its neighbours
            c = active()  # the theme as it is now: a switch repaints with the other set
            selected = bool(option.state & QStyle.StateFlag.State_Selected)
            kind = index.data(Roles.ROW_KIND)
            if kind == RowKind.SECTION:
                self._paint_section(painter, rect, index, c, m)
            elif kind == RowKind.HEADER:
                self._paint_header(painter, rect, index, c, m, selected)
            else:
                self._paint_paragraph(
                    painter,
                    rect,
                    index,
                    c,
                    m,
                    selected,
                    bool(option.state & QStyle.StateFlag.State_HasFocus),
                )
        finally:
            painter.restore()

    # -- rows -------------------------------------------------------------------------------

    def _selection_fill(self, painter: QPainter, rect: QRectF, c: Colours) -> None:
        # Opaque, so the contrast test's pairs on ``selection`` are what the user sees.
        painter.fillRect(rect, QColor(c.selection))

    def _paint_section(
        self, painter: QPainter, rect: QRectF, index: Index, c: Colours, m: Metrics
    ) -> None:
        band = QColor(c.section_band)
        painter.fillRect(rect.adjusted(0, PAD_Y, 0, -PAD_Y / 2), band)
        f = QFont(m.header_font)
        f.setPointSizeF(f.pointSizeF() * 1.1)
        painter.setFont(f)
        painter.setPen(QColor(c.text))
        label = str(index.data(Qt.ItemDataRole.DisplayRole))
        zh = "準備發言" if index.data(Roles.SECTION) == "prepared" else "問答環節"
        painter.drawText(
            rect.adjusted(PAD_X, PAD_Y, -PAD_X, 0),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            f"{label}  ·  {zh}",
        )

    def _paint_header(
        self,
        painter: QPainter,
        rect: QRectF,
        index: Index,
        c: Colours,
        m: Metrics,
        selected: bool,
    ) -> None:
        if selected:
            self._selection_fill(painter, rect, c)
        role = index.data(Roles.SPEAKER_ROLE) or "company"
        colour = QColor(c.speaker(role))
        top = rect.top() + PAD_Y + 2
        painter.fillRect(QRectF(rect.left() + 4, top, 4, rect.height() - PAD_Y - 4), colour)
        name, title, firm = index.data(Roles.HEADER) or ("", "", "")
        x = rect.left() + m.gutter
        painter.setFont(m.header_font)
        painter.setPen(colour if role != "operator" else QColor(c.text))
        name_rect = QRectF(x, top, rect.width() - x, rect.height() - PAD_Y - 2)
        painter.drawText(
            name_rect, Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextSingleLine, name
        )
        adv = painter.fontMetrics().horizontalAdvance(name) + 12
        painter.setFont(m.font)
        painter.setPen(QColor(c.secondary_text))
        detail = "  ·  ".join(x for x in (title, firm) if x)
        if detail:
            painter.drawText(
                name_rect.adjusted(adv, 0, -PAD_X, 0),
                Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextSingleLine,
                painter.fontMetrics().elidedText(
                    detail,
                    Qt.TextElideMode.ElideRight,
                    int(max(0.0, name_rect.width() - adv - PAD_X)),
                ),
            )

    def _paint_paragraph(
        self,
        painter: QPainter,
        rect: QRectF,
        index: Index,
        c: Colours,
        m: Metrics,
        selected: bool,
        focused: bool,
    ) -> None:
        if selected:
            self._selection_fill(painter, rect, c)
        number = index.data(Roles.PARAGRAPH)
        painter.setFont(m.font)
        painter.setPen(QColor(c.secondary_text))
        painter.drawText(
            QRectF(rect.left(), rect.top() + PAD_Y, m.gutter - 8, m.line),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
            str(number + 1),
        )
        seconds = index.data(Roles.TIME)
        if m.time_width and seconds is not None:
            # The time in the call, left of the number, as plain text.
            painter.setFont(m.time_font)
            painter.drawText(
                QRectF(rect.left() + 4, rect.top() + PAD_Y, m.time_width, m.line),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                clock(seconds),
            )
            painter.setFont(m.font)
        badge = index.data(Roles.BADGE)
        if badge:
            # Red "!": a figure is wrong or missing in the Chinese; amber "i": only a name
            # is translated here and kept elsewhere.
            r = m.line * 0.55
            centre = QPointF(rect.left() + m.gutter - 8 - r, rect.top() + PAD_Y + m.line * 1.6)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setBrush(QColor(c.badge_bg(badge.figures)))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawEllipse(centre, r, r)
            painter.setPen(QColor(c.badge_text))
            f = QFont(m.header_font)
            f.setPointSizeF(max(6.0, f.pointSizeF() * 0.75))
            painter.setFont(f)
            painter.drawText(
                QRectF(centre.x() - r, centre.y() - r, 2 * r, 2 * r),
                Qt.AlignmentFlag.AlignCenter,
                "!" if badge.figures else "i",
            )
        en = index.data(Roles.EN) or ""
        zh = index.data(Roles.ZH)
        highlights = index.data(Roles.HIGHLIGHTS) or []
        en_rect, zh_rect, stacked = text_rects(self.mode, rect.width(), m)
        text_colour = QColor(c.text)
        y = rect.top() + PAD_Y
        en_h = 0.0
        if en_rect is not None:
            en_h = self._draw_text(
                painter,
                en,
                m.font,
                rect.left() + en_rect.left(),
                y,
                en_rect.width(),
                [h for h in highlights if h.lang == "en"],
                text_colour,
                c,
            )
        if zh_rect is not None:
            zy = y + en_h + PAD_Y if stacked else y
            if zh is None:
                f = QFont(m.zh_font)
                f.setItalic(True)
                self._draw_text(
                    painter,
                    translate("ParagraphDelegate", MISSING_ZH),
                    f,
                    rect.left() + zh_rect.left(),
                    zy,
                    zh_rect.width(),
                    [],
                    QColor(c.error_text),
                    c,
                )
            else:
                colour = QColor(c.interleaved_zh if self.mode == Mode.INTERLEAVED else c.text)
                self._draw_text(
                    painter,
                    zh,
                    m.zh_font,
                    rect.left() + zh_rect.left(),
                    zy,
                    zh_rect.width(),
                    [h for h in highlights if h.lang == "zh"],
                    colour,
                    c,
                )
        if focused:
            painter.setPen(QColor(c.focus_edge))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect.adjusted(1, 1, -2, -2))

    def _draw_text(
        self,
        painter: QPainter,
        text: str,
        font: QFont,
        x: float,
        y: float,
        width: float,
        highlights: list[Any],
        colour: QColor,
        c: Colours,
    ) -> float:
        layout, height = make_layout(text, font, width)
        formats = []
        if highlights:
            # Here, not at the top: its wrapper type costs 2-3 ms to make, and the first paint
            # has no marks (search hits and figures come after it).
            from PySide6.QtGui import QTextCharFormat
        for h in highlights:
            fr = QTextLayout.FormatRange()
            fr.start = utf16_offset(text, h.start)
            fr.length = utf16_offset(text, h.end) - fr.start
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(c.mark_bg(h.kind)))
            fmt.setForeground(QColor(c.mark_text))
            if h.kind == "current":
                fmt.setFontUnderline(True)
            fr.format = fmt
            formats.append(fr)
        painter.setPen(colour)
        layout.draw(painter, QPointF(x, y), formats)
        if highlights:
            self._draw_mark_edges(painter, layout, text, highlights, x, y, c)
        return height

    def _draw_mark_edges(
        self,
        painter: QPainter,
        layout: QTextLayout,
        text: str,
        highlights: list[Any],
        x: float,
        y: float,
        c: Colours,
    ) -> None:
        # A pale fill alone is 1.3:1 on the row: the 1 px edge is what meets 3:1 (WCAG 1.4.11).
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for h in highlights:
            start, end = utf16_offset(text, h.start), utf16_offset(text, h.end)
            painter.setPen(QColor(c.mark_edge(h.kind)))
            for i in range(layout.lineCount()):
                line = layout.lineAt(i)
                a = max(start, line.textStart())
                b = min(end, line.textStart() + line.textLength())
                if b <= a:
                    continue
                # PySide6 returns (x, position); its stub says ``object``.
                x1, x2 = (cast(tuple[float, int], line.cursorToX(p))[0] for p in (a, b))
                painter.drawRect(
                    QRectF(x + min(x1, x2), y + line.y(), abs(x2 - x1) - 1, line.height() - 1)
                )
