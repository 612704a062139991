"""A painted line chart of one metric over fiscal periods: the reported value of each period
as a line of points (coloured by the verdict against the guidance for it), the guidance
range given for the period as a band behind it.

Painted with QPainter like the talk-share chart (QtCharts ships in PySide6-Addons, which
the app does not depend on).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPainterPath, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from viewer.core.library import Verdict
from viewer.qt.labels import arg, period_name
from viewer.qt.library.compare_table_model import verdict_text, verdict_word
from viewer.qt.theme import active


@dataclass(frozen=True, slots=True)
class ChartPoint:
    """One period: the reported value (None: not reported) and the guidance range."""

    period: str
    value: float | None
    low: float | None = None
    high: float | None = None
    verdict: Verdict | None = None


def nice_step(span: float, ticks: int = 4) -> float:
    """A 1, 2 or 5 times a power of ten step giving about ``ticks`` intervals."""
    if span <= 0 or not math.isfinite(span):
        return 1.0
    raw = span / ticks
    power = 10.0 ** math.floor(math.log10(raw))
    for m in (1.0, 2.0, 5.0, 10.0):
        if raw <= m * power:
            return m * power
    return 10.0 * power


class MetricChart(QWidget):
    """Call :meth:`set_points` with the points in time order and a value formatter."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._points: list[ChartPoint] = []
        self._title = ""
        self._fmt: Callable[[float], str] = lambda v: f"{v:g}"
        self._hit_boxes: list[tuple[QRectF, int]] = []
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.retranslate()

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Chart of the chosen metric by period"))
        self.setAccessibleDescription(
            "; ".join(
                f"{period_name(p.period)}: {self._fmt(p.value) if p.value is not None else '—'}"
                for p in self._points
            )
        )
        self.update()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_points(
        self, title: str, points: list[ChartPoint], fmt: Callable[[float], str] | None = None
    ) -> None:
        self._title = title
        self._points = list(points)
        if fmt is not None:
            self._fmt = fmt
        self.retranslate()

    def points(self) -> list[ChartPoint]:
        return list(self._points)

    def sizeHint(self) -> QSize:
        return QSize(480, 220)

    def minimumSizeHint(self) -> QSize:
        return QSize(240, 150)

    # -- painting ----------------------------------------------------------------------------

    def _range(self) -> tuple[float, float]:
        vals = [v for p in self._points for v in (p.value, p.low, p.high) if v is not None]
        if not vals:
            return 0.0, 1.0
        lo, hi = min(vals), max(vals)
        if hi == lo:
            pad = abs(hi) * 0.1 or 1.0
            return lo - pad, hi + pad
        pad = (hi - lo) * 0.12
        return lo - pad, hi + pad

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        try:
            p.setRenderHint(QPainter.RenderHint.Antialiasing)
            self._paint(p)
        finally:
            p.end()

    def _paint(self, p: QPainter) -> None:
        pal = self.palette()
        c = active()
        text = pal.color(QPalette.ColorRole.WindowText)
        grid = QColor(text)
        grid.setAlphaF(0.15)
        fm = QFontMetricsF(self.font())
        lh = fm.height()
        p.setPen(text)
        bold = self.font()
        bold.setBold(True)
        p.setFont(bold)
        p.drawText(
            QRectF(8, 4, self.width() - 16, lh), int(Qt.AlignmentFlag.AlignLeft), self._title
        )
        p.setFont(self.font())
        self._legend(p, fm, lh)
        self._hit_boxes = []
        if not self._points:
            p.drawText(
                QRectF(self.rect()),
                int(Qt.AlignmentFlag.AlignCenter),
                self.tr("No reported values for this metric"),
            )
            return
        lo, hi = self._range()
        step = nice_step(hi - lo)
        first = math.ceil(lo / step) * step
        ticks: list[float] = []
        t = first
        while t <= hi + step * 1e-9 and len(ticks) < 12:
            ticks.append(t)
            t += step
        label_w = max((fm.horizontalAdvance(self._fmt(v)) for v in ticks), default=30.0) + 10
        plot = QRectF(label_w + 4, lh * 2 + 8, self.width() - label_w - 16, 0)
        names = [period_name(pt.period) for pt in self._points]
        room = plot.width() / len(self._points) - 2
        # "2025 年第 1 季" is wider than "Q1 2025": two lines rather than an ellipsis
        lines = 2 if any(fm.horizontalAdvance(t) > room for t in names) else 1
        plot.setBottom(self.height() - lh * lines - 12)
        if plot.width() < 20 or plot.height() < 20:
            return

        def y_of(v: float) -> float:
            return plot.bottom() - (v - lo) / (hi - lo) * plot.height()

        for v in ticks:
            y = y_of(v)
            p.setPen(QPen(grid, 1))
            p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            p.setPen(text)
            p.drawText(
                QRectF(0, y - lh / 2, label_w, lh),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                self._fmt(v),
            )
        n = len(self._points)
        slot = plot.width() / n
        xs = [plot.left() + slot * (k + 0.5) for k in range(n)]
        band = QColor(pal.color(QPalette.ColorRole.Highlight))
        band.setAlphaF(0.22)
        band_edge = QColor(pal.color(QPalette.ColorRole.Highlight))
        band_w = min(slot * 0.5, 46.0)
        for x, pt in zip(xs, self._points, strict=True):
            if pt.low is not None and pt.high is not None:
                top, bottom = y_of(pt.high), y_of(pt.low)
                r = QRectF(x - band_w / 2, top, band_w, max(2.0, bottom - top))
                p.fillRect(r, band)
                p.setPen(QPen(band_edge, 1, Qt.PenStyle.DashLine))
                p.drawRect(r)
            p.setPen(text)
            label = names[xs.index(x)]
            parts = [label]
            if lines == 2:  # 2025 年 / 第 1 季; Q1 / 2025
                cut = label.find("年") + 1 or label.find(" ") + 1 or len(label)
                parts = [label[:cut].strip(), label[cut:].strip()]
            label = "\n".join(
                fm.elidedText(part, Qt.TextElideMode.ElideRight, slot - 2) for part in parts
            )
            p.drawText(
                QRectF(x - slot / 2, plot.bottom() + 4, slot, lh * lines),
                int(Qt.AlignmentFlag.AlignCenter),
                label,
            )
        path = QPainterPath()
        started = False
        for x, pt in zip(xs, self._points, strict=True):
            if pt.value is None:
                started = False
                continue
            if started:
                path.lineTo(x, y_of(pt.value))
            else:
                path.moveTo(x, y_of(pt.value))
                started = True
        line = QColor(text)
        line.setAlphaF(0.7)
        p.setPen(QPen(line, 2))
        p.drawPath(path)
        for k, (x, pt) in enumerate(zip(xs, self._points, strict=True)):
            if pt.value is None:
                continue
            y = y_of(pt.value)
            color = QColor(c.verdict_bg(pt.verdict)) if pt.verdict is not None else text
            p.setPen(QPen(pal.color(QPalette.ColorRole.Window), 1.5))
            p.setBrush(color)
            p.drawEllipse(QPointF(x, y), 5, 5)
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.setPen(text)
            value = self._fmt(pt.value)
            w = fm.horizontalAdvance(value) + 4
            above = y - lh - 6 > plot.top() - lh
            ty = y - lh - 6 if above else y + 6
            p.drawText(QRectF(x - w / 2, ty, w, lh), int(Qt.AlignmentFlag.AlignCenter), value)
            self._hit_boxes.append((QRectF(x - 8, y - 8, 16, 16), k))

    def _legend(self, p: QPainter, fm: QFontMetricsF, lh: float) -> None:
        pal = self.palette()
        items = [
            (QColor(active().verdict_bg(v)), verdict_word(v))
            for v in (Verdict.ABOVE, Verdict.WITHIN, Verdict.BELOW)
        ]
        guidance = self.tr("guidance range")
        x = self.width() - 8.0
        y = 4 + lh + 2
        widths = [fm.horizontalAdvance(t) + 18 for _, t in items] + [
            fm.horizontalAdvance(guidance) + 24
        ]
        x -= sum(widths)
        band = QColor(pal.color(QPalette.ColorRole.Highlight))
        band.setAlphaF(0.22)
        p.fillRect(QRectF(x, y + 2, 14, lh - 4), band)
        p.setPen(pal.color(QPalette.ColorRole.WindowText))
        p.drawText(QRectF(x + 18, y, widths[-1], lh), int(Qt.AlignmentFlag.AlignVCenter), guidance)
        x += widths[-1]
        for (color, label), w in zip(items, widths, strict=False):
            p.setBrush(color)
            p.setPen(Qt.PenStyle.NoPen)
            p.drawEllipse(QPointF(x + 6, y + lh / 2), 5, 5)
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.setPen(pal.color(QPalette.ColorRole.WindowText))
            p.drawText(QRectF(x + 14, y, w, lh), int(Qt.AlignmentFlag.AlignVCenter), label)
            x += w

    def mouseMoveEvent(self, event: object) -> None:
        pos = event.position()  # type: ignore[attr-defined]
        for box, k in self._hit_boxes:
            if box.contains(pos):
                pt = self._points[k]
                value = self._fmt(pt.value) if pt.value is not None else "—"
                parts = [f"{period_name(pt.period)}: {value}"]
                if pt.low is not None and pt.high is not None:
                    guide = self.tr("guidance %1–%2")
                    parts.append(arg(guide, self._fmt(pt.low), self._fmt(pt.high)))
                if pt.verdict is not None:
                    parts.append(verdict_text(pt.verdict))
                QToolTip.showText(event.globalPosition().toPoint(), "\n".join(parts), self)  # type: ignore[attr-defined]
                return
        QToolTip.hideText()
