"""A small painted horizontal bar chart of talk share.

Not QtCharts: it ships in PySide6-Addons, not in the PySide6-Essentials the app depends on
(only a ``QtCharts.pyi`` stub is installed), so one chart would add the Addons wheel and the
QtCharts/QtOpenGL libraries to the bundle. Painting a few bars costs about 100 lines.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from viewer.qt.theme import active


class TalkShareChart(QWidget):
    """Bars of ``(label, share 0..1, role)``, largest first, one row each."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._bars: list[tuple[str, float, str]] = []
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setAccessibleName(self.tr("Talk share chart"))

    def set_bars(self, bars: list[tuple[str, float, str]]) -> None:
        self._bars = sorted(bars, key=lambda b: (-b[1], b[0]))
        self.updateGeometry()
        self.update()

    def bars(self) -> list[tuple[str, float, str]]:
        return list(self._bars)

    def _row_height(self) -> int:
        return QFontMetrics(self.font()).height() + 6

    def sizeHint(self) -> QSize:
        return QSize(320, max(1, len(self._bars)) * self._row_height() + 8)

    def minimumSizeHint(self) -> QSize:
        return QSize(160, self._row_height() + 8)

    def bar_at(self, y: float) -> int:
        """Index of the bar at height ``y``, or -1."""
        i = int((y - 4) // self._row_height())
        return i if 0 <= i < len(self._bars) and y >= 4 else -1

    def mouseMoveEvent(self, event: Any) -> None:
        i = self.bar_at(event.position().y())
        if i >= 0:
            label, share, role = self._bars[i]
            QToolTip.showText(event.globalPosition().toPoint(), f"{label} ({role}): {share:.1%}")
        else:
            QToolTip.hideText()
        super().mouseMoveEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        try:
            p.setRenderHint(QPainter.RenderHint.Antialiasing)
            pal = self.palette()
            c = active()
            fm = QFontMetrics(self.font())
            rh = self._row_height()
            label_w = min(
                max((fm.horizontalAdvance(b[0]) for b in self._bars), default=0) + 8,
                self.width() // 3,
            )
            pct_w = fm.horizontalAdvance("100.0%") + 6
            bar_w = max(1, self.width() - label_w - pct_w - 8)
            top = max((b[1] for b in self._bars), default=1.0) or 1.0
            p.setPen(pal.color(QPalette.ColorRole.WindowText))
            for i, (label, share, role) in enumerate(self._bars):
                y = 4 + i * rh
                text_rect = QRectF(0, y, label_w - 6, rh)
                elided = fm.elidedText(label, Qt.TextElideMode.ElideRight, label_w - 6)
                p.drawText(
                    text_rect,
                    int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                    elided,
                )
                w = bar_w * share / top
                p.fillRect(
                    QRectF(label_w, y + 3, max(1.0, w), rh - 6),
                    QColor(c.speaker(role)),
                )
                p.drawText(
                    QRectF(label_w + w + 4, y, pct_w, rh),
                    int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                    f"{share:.1%}",
                )
        finally:
            p.end()
