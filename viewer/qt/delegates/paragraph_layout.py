"""Geometry of a reading-pane row: where English and Chinese go in each mode, and how tall.

Shared by the delegate (painting) and the reading pane (row heights), so both agree.
"""

from __future__ import annotations

import atexit
from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QFont, QFontMetricsF, QTextLayout, QTextOption

from viewer.reading_mode import Mode

__all__ = [
    "Metrics",
    "Mode",
    "estimated_height",
    "header_height",
    "paragraph_height",
    "section_height",
]


PAD_X = 10.0
PAD_Y = 6.0
GAP = 14.0
MEASURE_CHARS = 85  # the longest English line, in average characters: comfortable reading
LAYOUTS_KEPT = 256
"""Laid-out paragraphs kept (a few screens' worth of both languages): the pane measures the
rows on screen, then paints them, and paints them again on every scroll step, hover and
height change nearby; each time it drew from the same layouts it had just made."""


@dataclass(frozen=True, slots=True)
class Metrics:
    """Fonts and sizes for one zoom level."""

    font: QFont
    zh_font: QFont
    header_font: QFont
    gutter: float
    line: float
    zh_line: float
    time_font: QFont
    time_width: float  # 0 when the call has no times: the gutter holds only the number
    measure: float = float("inf")  # the widest a text column gets (MEASURE_CHARS)

    @staticmethod
    def for_font(font: QFont, zh_font: QFont, timed: bool = False) -> Metrics:
        header = QFont(font)
        header.setBold(True)
        small = QFont(font)
        small.setPointSizeF(max(6.0, font.pointSizeF() * 0.8))
        fm = QFontMetricsF(font)
        time_width = QFontMetricsF(small).horizontalAdvance("00:00:00") + 10 if timed else 0.0
        return Metrics(
            font,
            zh_font,
            header,
            gutter=fm.horizontalAdvance("0000") + 14 + time_width,
            line=fm.lineSpacing(),
            zh_line=QFontMetricsF(zh_font).lineSpacing(),
            measure=fm.averageCharWidth() * MEASURE_CHARS,
            time_font=small,
            time_width=time_width,
        )


def text_rects(mode: Mode, width: float, m: Metrics) -> tuple[QRectF | None, QRectF | None, bool]:
    """Rectangles (x, width) for English and Chinese; ``stacked`` says Chinese goes below.
    No column is wider than ``m.measure``: on a wide screen lines stay readable."""
    x0 = m.gutter
    avail = max(60.0, width - x0 - PAD_X)
    if mode == Mode.SIDE_BY_SIDE:
        w = min(m.measure, max(30.0, (avail - GAP) / 2))
        return QRectF(x0, 0, w, 0), QRectF(x0 + w + GAP, 0, w, 0), False
    full = QRectF(x0, 0, min(m.measure, avail), 0)
    if mode == Mode.EN:
        return full, None, False
    if mode == Mode.ZH:
        return None, QRectF(full), False
    return full, QRectF(full), True


@lru_cache(maxsize=LAYOUTS_KEPT)
def make_layout(text: str, font: QFont, width: float) -> tuple[QTextLayout, float]:
    """A laid-out paragraph and its height; the same objects for the same text, font and
    width while they are among the last :data:`LAYOUTS_KEPT` (callers only draw and read
    them; fonts are compared by value, and none is changed once made)."""
    layout = QTextLayout(text, font)
    opt = QTextOption()
    opt.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(opt)
    layout.setCacheEnabled(True)
    layout.beginLayout()
    y = 0.0
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        line.setPosition(QPointF(0, y))
        y += line.height()
    layout.endLayout()
    return layout, y


# Let the kept layouts go before PySide deletes the application at exit (its own exit hook,
# registered when PySide6 was imported, runs after this one): a layout holds font engines.
atexit.register(make_layout.cache_clear)


def paragraph_height(en: str, zh: str | None, mode: Mode, width: float, m: Metrics) -> float:
    """Exact height of a paragraph row (what the delegate will paint)."""
    en_rect, zh_rect, stacked = text_rects(mode, width, m)
    zh_text = zh if zh is not None else "（缺少翻譯）"
    h_en = make_layout(en, m.font, en_rect.width())[1] if en_rect is not None else 0.0
    h_zh = make_layout(zh_text, m.zh_font, zh_rect.width())[1] if zh_rect is not None else 0.0
    body = h_en + h_zh + PAD_Y if stacked else max(h_en, h_zh)
    return body + 2 * PAD_Y


def estimated_height(
    en: str, zh: str | None, mode: Mode, width: float, m: Metrics, latin_w: float, han_w: float
) -> float:
    """A cheap height estimate from text length (refined once the row is shown)."""
    en_rect, zh_rect, stacked = text_rects(mode, width, m)

    def lines(n_chars: int, char_w: float, w: float) -> int:
        return max(1, int(n_chars * char_w / max(w, 1.0) * 1.08) + 1)

    h_en = lines(len(en), latin_w, en_rect.width()) * m.line if en_rect is not None else 0.0
    zh_len = len(zh) if zh else 6
    h_zh = lines(zh_len, han_w, zh_rect.width()) * m.zh_line if zh_rect is not None else 0.0
    body = h_en + h_zh + PAD_Y if stacked else max(h_en, h_zh)
    return body + 2 * PAD_Y


def header_height(m: Metrics) -> float:
    return m.line * 1.25 + 2 * PAD_Y + 4


def section_height(m: Metrics) -> float:
    return m.line * 1.6 + 2 * PAD_Y
