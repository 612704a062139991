"""The reading pane's delegate draws only pairs the contrast test checks: every text, edge and
mark it paints, on whatever it paints it on, is in ``theme.CONTRAST_PAIRS`` (both themes,
every mode, selected and focused rows, badges, marks of each kind, a missing translation)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import fields
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QTextLayout
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionViewItem

from tests.conftest import SAMPLE
from viewer.core.metrics import Badge
from viewer.core.transcript_io import load_transcript
from viewer.qt import theme
from viewer.qt.delegates import paragraph_delegate
from viewer.qt.delegates.paragraph_delegate import ParagraphDelegate
from viewer.qt.delegates.paragraph_layout import Metrics
from viewer.qt.models.paragraph_table_model import Highlight, ParagraphTableModel
from viewer.qt.models.roles import Roles, RowKind
from viewer.reading_mode import Mode

Index = QModelIndex | QPersistentModelIndex
PAIRS = {(fg, bg) for fg, bg, _ in theme.CONTRAST_PAIRS}


class RecordingPainter(QPainter):
    """A painter that notes every fill (where, which colour) and every text or edge drawn
    (which colour, where), so each can be matched with what is under it."""

    def __init__(self, image: QImage) -> None:
        super().__init__(image)
        self.fills: list[tuple[QRectF, str]] = []
        self.drawn: list[tuple[str, QPointF, str]] = []  # (colour, where, what)

    def fillRect(self, rect: Any, colour: Any) -> None:  # type: ignore[override]
        self.fills.append((QRectF(rect), QColor(colour).name()))
        super().fillRect(rect, colour)

    def drawEllipse(self, *args: Any) -> None:  # type: ignore[override]
        centre, rx, ry = args
        if self.brush().style() != Qt.BrushStyle.NoBrush:
            box = QRectF(centre.x() - rx, centre.y() - ry, 2 * rx, 2 * ry)
            self.fills.append((box, self.brush().color().name()))
        super().drawEllipse(*args)

    def drawText(self, *args: Any) -> None:  # type: ignore[override]
        self.drawn.append((self.pen().color().name(), QRectF(args[0]).center(), "text"))
        super().drawText(*args)

    def drawRect(self, *args: Any) -> None:  # type: ignore[override]
        rect = QRectF(args[0])
        self.drawn.append((self.pen().color().name(), rect.topLeft(), "edge"))
        super().drawRect(*args)

    def under(self, point: QPointF, base: str) -> str:
        """The colour last filled under ``point`` (the view's ``base`` if none)."""
        return next((c for r, c in reversed(self.fills) if r.contains(point)), base)


class RecordingLayout:
    """Wraps the delegate's QTextLayout: notes the pen it draws text in and its marks."""

    def __init__(self, layout: QTextLayout, painter: list[RecordingPainter]) -> None:
        self._layout = layout
        self._painter = painter

    def __getattr__(self, name: str) -> Any:
        return getattr(self._layout, name)

    def draw(self, painter: QPainter, pos: QPointF, formats: list[Any]) -> None:
        rec = self._painter[0]
        rec.drawn.append((rec.pen().color().name(), QPointF(pos) + QPointF(1, 1), "text"))
        for fr in formats:
            fg, bg = fr.format.foreground().color().name(), fr.format.background().color().name()
            rec.drawn.append((fg, QPointF(pos) + QPointF(1, 1), f"mark on {bg}"))
        self._layout.draw(painter, pos, formats)


def names(c: theme.Colours, colour: str) -> set[str]:
    return {n for n in [f.name for f in fields(theme.Colours)] if getattr(c, n) == colour}


@pytest.fixture
def recording(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[RecordingPainter]]:
    current: list[RecordingPainter] = []
    real = paragraph_delegate.make_layout

    def make_layout(text: str, font: QFont, width: float) -> tuple[Any, float]:
        layout, height = real(text, font, width)
        return RecordingLayout(layout, current), height

    monkeypatch.setattr(paragraph_delegate, "make_layout", make_layout)
    yield current


@pytest.fixture
def restore_theme(qapp: QApplication) -> Iterator[None]:
    yield
    theme.apply_theme("light")


def model_with_everything() -> ParagraphTableModel:
    t = load_transcript(SAMPLE)
    # One paragraph's translation missing: the delegate says so in the error colour.
    paragraphs = list(t.paragraphs)
    paragraphs[2] = paragraphs[2].model_copy(update={"zh": None})
    t = t.model_copy(update={"paragraphs": tuple(paragraphs)})
    model = ParagraphTableModel(t)
    kinds = ("search", "current", "figure")
    model.set_highlights(
        {
            p.index: [Highlight(lang, 0, 4, kinds[p.index % 3]) for lang in ("en", "zh")]
            for p in t.paragraphs[:9]
        }
    )
    model.set_badges({0: Badge("151 ≠ 152", True), 1: Badge("Gemini → 雙子座", False)})
    return model


@pytest.mark.parametrize("name", ["light", "dark"])
@pytest.mark.parametrize("mode", list(Mode))
def test_the_delegate_draws_only_contrast_checked_pairs(
    qapp: QApplication,
    recording: list[RecordingPainter],
    restore_theme: None,
    name: str,
    mode: Mode,
) -> None:
    theme.apply_theme(name)
    c = theme.active()
    model = model_with_everything()
    delegate = ParagraphDelegate()
    delegate.mode = mode
    font = QFont()
    delegate.metrics = Metrics.for_font(font, QFont(font), timed=True)
    states = [
        QStyle.StateFlag.State_None,
        QStyle.StateFlag.State_Selected,
        QStyle.StateFlag.State_Selected | QStyle.StateFlag.State_HasFocus,
    ]
    seen: set[tuple[str, str]] = set()
    kinds: set[int] = set()
    rows = range(min(model.rowCount(), 24))
    for row in rows:
        index = model.index(row, 0)
        kinds.add(index.data(Roles.ROW_KIND))
        for state in states:
            image = QImage(900, 300, QImage.Format.Format_RGB32)
            image.fill(QColor(c.base))
            painter = RecordingPainter(image)
            recording[:] = [painter]
            option = QStyleOptionViewItem()
            option.rect = QRect(0, 0, 900, 300)
            option.state = state
            delegate.paint(painter, option, index)
            painter.end()
            for fg, where, what in painter.drawn:
                bg = what.removeprefix("mark on ") if what.startswith("mark") else None
                bg = bg or painter.under(where, c.base)
                ok = {(f, b) for f in names(c, fg) for b in names(c, bg)} & PAIRS
                assert ok, f"{name} {mode} row {row}: {what} {fg} on {bg} is in no pair"
                seen.add((fg, bg))
    assert kinds == {RowKind.SECTION, RowKind.HEADER, RowKind.PARAGRAPH}
    # What the rows drew: every kind of thing the issue names, in this theme's colours.
    drawn = {fg for fg, _ in seen}
    assert {c.text, c.secondary_text, c.mark_text, c.badge_text} <= drawn
    assert (c.error_text in drawn) == (mode != Mode.EN)  # the missing translation, if shown
    assert {c.mark_search_edge, c.mark_current_edge, c.mark_figure_edge, c.focus_edge} <= drawn
    assert (c.text, c.section_band) in seen and (c.text, c.selection) in seen
    if mode == Mode.INTERLEAVED:
        assert c.interleaved_zh in drawn
