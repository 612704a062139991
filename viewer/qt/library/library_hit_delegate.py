"""Paints a library hit row: where it is (paragraph, speaker, section), then the English and
the Chinese text, one line each, scrolled so the first hit shows, hits highlighted.

Plain text only: the text is laid out with ``QTextLayout`` and its hits are character
formats (``FormatRange``), never markup, so nothing in a transcript is interpreted.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QTextCharFormat,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from viewer.qt.library.library_roles import LibraryRoles
from viewer.qt.theme import Colours, active

Index = QModelIndex | QPersistentModelIndex

_PAD = 4
_GUTTER = 30  # the "EN" / "中" tags
_FLAT = str.maketrans("\t\n\r\x0b\x0c", "     ")  # one line; same length, offsets hold
_SHOWN = 600  # characters laid out past the window's start (more never fit one line)


class LibraryHitDelegate(QStyledItemDelegate):
    """Hit rows (``LibraryRoles.KIND == "hit"``) are painted here; call rows by the style,
    in bold."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

    # -- sizes -------------------------------------------------------------------------------

    def _line(self, option: QStyleOptionViewItem) -> float:
        return QFontMetricsF(option.font).lineSpacing()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        # From the font alone: the view asks every row (a thousand calls with hits) for its
        # height, and the style's own sizeHint reads a dozen roles per row.
        line = self._line(option)
        if index.data(LibraryRoles.KIND) != "hit":
            return QSize(200, int(line + 2 * _PAD))
        return QSize(200, int(line * 3 + 3 * _PAD))

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        super().initStyleOption(option, index)
        if index.data(LibraryRoles.KIND) == "call":
            option.font.setBold(True)

    # -- painting ----------------------------------------------------------------------------

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        if index.data(LibraryRoles.KIND) != "hit":
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else None
        painter.save()
        try:
            if style is not None:
                style.drawPrimitive(
                    QStyle.PrimitiveElement.PE_PanelItemViewItem, opt, painter, widget
                )
            selected = bool(opt.state & QStyle.StateFlag.State_Selected)
            c = active()
            text_color = QColor(c.highlighted_text if selected else c.text)
            # Secondary text, not a faded text colour: a blend is in no contrast pair.
            dim = QColor(c.highlighted_text if selected else c.secondary_text)
            rect = QRectF(opt.rect).adjusted(_PAD, _PAD, -_PAD, -_PAD)
            line = self._line(opt)
            small = QFont(opt.font)
            small.setPointSizeF(max(6.0, opt.font.pointSizeF() * 0.9))
            painter.setClipRect(opt.rect)
            painter.setFont(small)
            painter.setPen(dim)
            header = str(index.data(LibraryRoles.HEADER) or "")
            fm_small = QFontMetricsF(small)
            painter.drawText(
                QRectF(rect.left(), rect.top(), rect.width(), line),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                fm_small.elidedText(header, Qt.TextElideMode.ElideRight, rect.width()),
            )
            for k, (tag, text_role, ranges_role) in enumerate(
                (
                    ("EN", LibraryRoles.EN_TEXT, LibraryRoles.EN_RANGES),
                    ("中", LibraryRoles.ZH_TEXT, LibraryRoles.ZH_RANGES),
                )
            ):
                top = rect.top() + (k + 1) * (line + _PAD / 2)
                painter.setFont(small)
                painter.setPen(dim)
                painter.drawText(
                    QRectF(rect.left(), top, _GUTTER, line),
                    int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                    tag,
                )
                text = str(index.data(text_role) or "")
                ranges = list(index.data(ranges_role) or [])
                painter.setFont(opt.font)
                painter.setPen(text_color)
                box = QRectF(rect.left() + _GUTTER, top, rect.width() - _GUTTER, line)
                self._draw_line(painter, opt.font, box, text, ranges, c, text_color)
        finally:
            painter.restore()

    def _draw_line(
        self,
        painter: QPainter,
        font: QFont,
        box: QRectF,
        text: str,
        ranges: list[tuple[int, int]],
        c: Colours,
        color: QColor,
    ) -> None:
        """One line of ``text`` in ``box`` starting a little before the first hit, hits
        highlighted, an ellipsis where it is cut."""
        if not text:
            return
        fm = QFontMetricsF(font)
        start = _window_start(text, ranges[0][0] if ranges else 0, fm, box.width() * 0.25)
        lead = "…" if start > 0 else ""
        shown = lead + text[start : start + _SHOWN].translate(_FLAT)
        shift = len(lead) - start
        formats = []
        for a, b in ranges:
            a2, b2 = max(0, a + shift), min(len(shown), b + shift)
            if b2 <= a2:
                continue
            fr = QTextLayout.FormatRange()
            fr.start, fr.length = a2, b2 - a2
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(c.mark_search_bg))
            fmt.setForeground(QColor(c.mark_text))
            fmt.setFontWeight(QFont.Weight.DemiBold)
            fr.format = fmt
            formats.append(fr)
        layout = QTextLayout(shown, font)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.NoWrap)
        layout.setTextOption(option)
        layout.setFormats(formats)
        layout.beginLayout()
        line = layout.createLine()
        line.setLineWidth(1e6)
        layout.endLayout()
        ellipsis = fm.horizontalAdvance("…")
        cut = line.naturalTextWidth() > box.width()
        painter.save()
        painter.setClipRect(box.adjusted(0, 0, -ellipsis if cut else 0, 0))
        painter.setPen(color)
        y = box.top() + (box.height() - line.height()) / 2
        layout.draw(painter, QPointF(box.left(), y))
        painter.restore()
        if cut:
            painter.drawText(
                QRectF(box.right() - ellipsis, box.top(), ellipsis, box.height()),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                "…",
            )

    def helpEvent(self, *args: Any) -> bool:
        return bool(super().helpEvent(*args))


def _window_start(text: str, hit: int, fm: QFontMetricsF, before: float) -> int:
    """Where to start showing ``text`` so about ``before`` pixels of it precede ``hit``
    (at a space when there is one near)."""
    if hit <= 0:
        return 0
    start = hit
    width = 0.0
    while start > 0 and width < before and hit - start < 200:
        start -= 1
        width += fm.horizontalAdvance(text[start])
    if start == 0:
        return 0
    space = text.find(" ", start, hit)
    return space + 1 if 0 <= space < hit and space - start < 20 else start
