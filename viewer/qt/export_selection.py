"""What Ctrl+E exports: the selection of the view that has the focus (figures, speakers and
turns, search hits, paragraphs), or the whole filtered view when nothing is selected."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QTreeView, QWidget

from viewer.qt.models.roles import NodeKind, Roles

if TYPE_CHECKING:
    from viewer.core.export import ExportSpec
    from viewer.qt.document_view import DocumentView
    from viewer.qt.widgets.hit_list import HitList
    from viewer.qt.widgets.metrics_panel import MetricsPanel


def export_spec(
    view: DocumentView,
    speaker_tree: QTreeView,
    figures: MetricsPanel | None,
    hits: HitList | None,
) -> ExportSpec:
    """The export for the widget that has the focus; panels not built yet are ``None``."""
    from viewer.core.export import paragraph_export
    from viewer.core.metrics import figure_export

    focus = QApplication.focusWidget()
    t = view.transcript

    def within(widget: QWidget) -> bool:
        return focus is not None and (focus is widget or widget.isAncestorOf(focus))

    if figures is not None and within(figures.figure_view) and view.analysis is not None:
        proxy, model = figures.figure_proxy, figures.figure_model
        rows = sorted({i.row() for i in figures.figure_view.selectionModel().selectedRows()})
        rows = rows or list(range(proxy.rowCount()))
        chosen = [model.figure(proxy.mapToSource(proxy.index(r, 0)).row()) for r in rows]
        return figure_export(t, chosen)
    paragraphs: set[int] = set()
    if within(speaker_tree):
        for idx in speaker_tree.selectionModel().selectedRows():
            if idx.data(Roles.NODE_KIND) == NodeKind.TURN:
                turns = {int(idx.data(Roles.TURN))}
            else:
                ids = view.speaker_model.speaker_ids_of(idx)
                turns = {tr.index for tr in t.turns if tr.speaker_id in ids}
            paragraphs |= {p.index for tr in turns for p in t.turns[tr].paragraphs}
    elif hits is not None and within(hits):
        paragraphs = {h.paragraph for h in hits.hits()}
    else:
        paragraphs = set(view.selected_paragraphs())
    if not paragraphs:
        paragraphs = set(view.visible_paragraphs())  # the whole filtered view
    return paragraph_export(t, sorted(paragraphs))
