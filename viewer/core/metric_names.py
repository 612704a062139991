"""What a reader may type to find a metric's figures, in either language and whatever the
interface language: the metric's key (``gross margin``) and its usual Chinese names
(``毛利率``). Matching folds Traditional and Simplified alike (see
:func:`viewer.core.search.fold`), so each name is listed once, in Traditional."""

from __future__ import annotations

from viewer.core.search import fold

METRIC_NAMES_ZH: dict[str, tuple[str, ...]] = {
    "revenue": ("營收", "營業收入", "收入", "營業額", "銷售額"),
    "gross margin": ("毛利率", "毛利"),
    "operating margin": ("營業利益率", "營業利潤率", "營益率"),
    "operating expenses": ("營業費用", "營運費用", "營運支出"),
    "EPS": ("每股盈餘", "每股收益", "每股盈利"),
    "share count": ("股數", "流通股數"),
    "R&D": ("研發費用", "研發"),
    "sales and marketing": ("銷售和行銷費用", "行銷費用", "行銷"),
    "G&A": ("一般和行政費用", "管理費用", "行政費用"),
    "interest income": ("利息收入",),
    "tax rate": ("稅率", "所得稅率"),
    "cash": ("現金",),
    "operating cash flow": ("營運現金流", "經營活動現金流"),
    "headcount": ("員工人數", "員工"),
    "market size": ("市場規模", "潛在市場"),
    "growth y/y": ("年增", "年增率", "同比增長"),
    "growth q/q": ("季增", "季增率", "環比增長"),
    "other": ("其他",),
}


def metric_terms(metric: str) -> tuple[str, ...]:
    """The folded names a filter matches for ``metric`` (its key and its Chinese names);
    an unknown metric is matched by its key alone."""
    return tuple(fold(name) for name in (metric, *METRIC_NAMES_ZH.get(metric, ())))


def matches(query: str, texts: list[str], metric: str) -> bool:
    """Whether the folded ``query`` is in one of ``texts`` (folded here) or in a name of
    ``metric``. An empty query matches everything."""
    q = fold(query.strip())
    if not q:
        return True
    return any(q in name for name in metric_terms(metric)) or any(q in fold(t) for t in texts)
