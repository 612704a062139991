"""The app's widget style: Fusion, with the edges of check boxes and radio buttons visible."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleOption, QWidget


class ContrastStyle(QProxyStyle):
    """Fusion, with the edge of check boxes and radio buttons in ``control_edge``.

    (The palette's ``Mid`` role: :func:`viewer.qt.theme.palette` sets it to ``control_edge``.)
    Fusion draws that edge in ``Window.darker(140)``, whatever the theme: on a dark palette it
    is darker than the field inside it and an unchecked box vanishes. The proxy draws Fusion's
    indicator, then a visible edge over it.
    """

    def __init__(self) -> None:
        super().__init__("Fusion")

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawPrimitive(element, option, painter, widget)
        box = element == QStyle.PrimitiveElement.PE_IndicatorCheckBox
        if box or element == QStyle.PrimitiveElement.PE_IndicatorRadioButton:
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, not box)
            painter.setPen(option.palette.color(QPalette.ColorRole.Mid))  # control_edge
            painter.setBrush(Qt.BrushStyle.NoBrush)
            rect = option.rect.adjusted(0, 0, -1, -1)
            if box:
                painter.drawRect(rect)
            else:
                painter.drawEllipse(rect)
            painter.restore()
