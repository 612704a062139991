"""The metrics panel's one entry point, :func:`analyse`, and what its table and exports need.

``analyse(transcript)`` extracts the figures of every paragraph in both languages, checks the
translation, finds inconsistently translated names and counts the speakers' words. It is pure
Python without Qt, so the GUI runs it in a worker thread and the CLI calls it directly.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any, NamedTuple

from viewer.core.crosscheck import name_checks, pair_figures
from viewer.core.errors import Cancelled
from viewer.core.export.figures import FIGURE_COLUMNS, figure_export, figure_row
from viewer.core.figures import CallContext, extract_en, extract_zh, is_sane, plain, show
from viewer.core.metrics_models import Analysis, Check, Figure, FigureSide
from viewer.core.models import Role, Transcript
from viewer.core.name_render import renderings
from viewer.core.stats import firm_stats, speaker_stats

__all__ = [
    "FIGURE_COLUMNS",
    "Badge",
    "Cancel",
    "analyse",
    "figure_export",
    "figure_json",
    "figure_row",
    "format_en",
    "format_zh",
    "iter_figures",
    "paragraph_badges",
    "plain",
    "snippet",
    "tooltip",
]

Cancel = Callable[[], bool]
"""Polled between paragraphs: True stops the work with :class:`Cancelled`. The GUI's
background jobs also pause inside it while the GUI thread is busy."""


def _check(cancel: Cancel | None) -> Callable[[], None]:
    def check() -> None:
        if cancel is not None and cancel():
            raise Cancelled("analysis cancelled")

    return check


def _untranslated(
    en: list[FigureSide],
) -> list[tuple[FigureSide | None, FigureSide | None, Check]]:
    # An English-only call (or a paragraph the translation skipped) has no Chinese to check
    # against: its figures are not "missing" from a translation that does not exist.
    return [(e, None, Check.UNTRANSLATED) for e in en]


def iter_figures(transcript: Transcript, cancel: Cancel | None = None) -> Iterator[Figure]:
    """Every figure of the transcript, paragraph by paragraph, one pass per paragraph."""
    meta = transcript.meta
    date = meta.call_date or ""  # YYYY-MM-DD: its month places "the December quarter"
    month = int(date[5:7]) if len(date) >= 7 and date[5:7].isdigit() else None
    ctx = CallContext(meta.fiscal_year, meta.quarter, month if month in range(1, 13) else None)
    smap = transcript.speaker_map
    checkpoint = _check(cancel)
    for turn in transcript.turns:
        speaker = smap.get(turn.speaker_id)
        analyst = speaker is not None and speaker.role is Role.ANALYST
        section = turn.section.value
        for p in turn.paragraphs:
            checkpoint()
            en = extract_en(p.en, ctx, analyst=analyst)
            zh = extract_zh(p.zh, ctx, analyst=analyst) if p.zh else []
            if not en and not zh:
                continue
            pairs = pair_figures(en, zh) if p.zh is not None else _untranslated(en)
            for e, z, check in pairs:
                yield Figure(
                    paragraph=p.index,
                    en=e,
                    zh=z,
                    check=check,
                    speaker_id=turn.speaker_id,
                    section=section,
                )


def analyse(transcript: Transcript, cancel: Cancel | None = None) -> Analysis:
    """Figures (with the translation check), name consistency and speaker statistics.

    ``cancel`` is polled between paragraphs (see :data:`Cancel`)."""
    checkpoint = _check(cancel)
    speakers = speaker_stats(transcript, checkpoint)
    names = tuple(name_checks(transcript.paragraphs, check=checkpoint))
    rendered = []
    for n in names:
        checkpoint()
        rendered.append((n.name, renderings(transcript.paragraphs, n, checkpoint=checkpoint)))
    return Analysis(
        figures=tuple(iter_figures(transcript, cancel)),
        names=names,
        speakers=tuple(speakers),
        firms=tuple(firm_stats(transcript, speakers)),
        renderings=tuple(r for r in rendered if r[1]),
    )


# --- formatting ----------------------------------------------------------------------------------

_EN_SCALES = ((12, "T"), (9, "B"), (6, "M"), (3, "K"))
_ZH_SCALES = ((12, "兆"), (8, "億"), (4, "萬"))
_EN_QUAL = {
    "approximately": "≈ ",
    "nearly": "nearly ",
    "at least": "≥ ",
    "more than": "> ",
    "less than": "< ",
    "up to": "≤ ",
}
_ZH_QUAL = {
    "approximately": "約 ",
    "nearly": "近 ",
    "at least": "至少 ",
    "more than": "超過 ",
    "less than": "不到 ",
    "up to": "最多 ",
}
_SCALED_UNITS = frozenset({"USD", "TWD", "CNY", "EUR", "GBP", "HKD", "CAD", "AUD", "currency"})
_SCALED_UNITS |= {"JPY", "CHF", "DKK", "SEK", "NOK"}
_SCALED_UNITS |= {"shares", ""}


def _ends(side: FigureSide) -> list[Decimal]:
    if side.value is not None:
        return [side.value]
    assert side.low is not None and side.high is not None
    return [side.low, side.high]


def _pick(scales: tuple[tuple[int, str], ...], v: Decimal) -> tuple[int, str]:
    for power, label in scales:
        if abs(v) >= Decimal(10) ** power:
            return power, label
    return 0, ""


def format_en(side: FigureSide, qualifier: bool = True) -> str:
    """English convention: ``141.1 M USD``, ``151–155 M USD``, ``0.37 USD``, ``74.1%``."""
    ends = _ends(side)
    unit = side.unit
    prefix = _EN_QUAL.get(side.qualifier or "", "") if qualifier else ""
    if unit in _SCALED_UNITS:
        power, label = _pick(_EN_SCALES, max(ends, key=abs))
        nums = "–".join(show(v, power, side.quantum) for v in ends)
        tail = " ".join(x for x in (label, unit) if x)
        return f"{prefix}{nums} {tail}".rstrip()
    nums = "–".join(show(v, 0, side.quantum) for v in ends)
    if unit == "percent":
        return f"{prefix}{nums}%"
    if unit == "x":
        return f"{prefix}{nums}x"
    return f"{prefix}{nums} {unit}"


def _zh_amount(
    v: Decimal, quantum: Decimal, scales: tuple[tuple[int, str], ...]
) -> tuple[str, str]:
    power, label = _pick(scales, v)
    return show(v, power, quantum), label


_ZH_MONEY = {"USD": ("", "美元"), "TWD": ("新台幣 ", "元"), "CNY": ("人民幣 ", "元")}
_ZH_MONEY |= {"currency": ("", "元"), "shares": ("", "股"), "": ("", "")}
_ZH_UNIT = {"percent": "%", "pp": " 個百分點", "bp": " 個基點", "people": " 人", "x": " 倍"}


def format_zh(side: FigureSide, qualifier: bool = True) -> str:
    """Chinese convention: ``1.411 億美元``, ``5,620 萬美元``, ``0.28 至 0.29 美元``, ``1.8 億股``."""
    ends = _ends(side)
    unit = side.unit
    prefix = _ZH_QUAL.get(side.qualifier or "", "") if qualifier else ""
    if unit not in _SCALED_UNITS:
        nums = " 至 ".join(show(v, 0, side.quantum) for v in ends)
        return f"{prefix}{nums}{_ZH_UNIT.get(unit, ' ' + unit)}"
    pre, post = _ZH_MONEY.get(unit, ("", " " + unit))
    parts = [_zh_amount(v, side.quantum, _ZH_SCALES) for v in ends]
    if len(parts) == 2 and parts[0][1] == parts[1][1]:
        body = f"{parts[0][0]} 至 {parts[1][0]} {parts[1][1]}{post}"
        return f"{prefix}{pre}{body}".rstrip()
    text = "至".join(f"{pre}{n} {label}{post}".rstrip() for n, label in parts)
    return f"{prefix}{text}"


def tooltip(figure: Figure) -> str:
    """Both sides as written: ``$56.2 million = 5,620 萬美元`` (``≠`` for a mismatch)."""
    en = figure.en.text if figure.en else "?"
    zh = figure.zh.text if figure.zh else "?"
    if figure.check is Check.MATCH:
        return f"{en} = {zh}"
    if figure.check is Check.MISMATCH:
        return f"{en} ≠ {zh}"
    if figure.check is Check.MISSING:
        return f"{en}: not in the Chinese"
    if figure.check is Check.UNTRANSLATED:
        return f"{en}: no translation to check"
    return f"{zh}: not in the English"


# --- exports -------------------------------------------------------------------------------------


def _num(v: Decimal) -> int | float | str:
    # ints and shortest-repr floats print exactly the decimal written (<= 15 digits); a value
    # too large to print as a number (see figures.is_sane) stays text
    if not is_sane(v):
        return str(v)
    return int(v) if v == v.to_integral_value() else float(v)


def _span(side: FigureSide | None) -> dict[str, Any] | None:
    if side is None:
        return None
    return {"text": side.text, "start": side.start, "end": side.end}


def figure_json(figure: Figure) -> dict[str, Any]:
    """The ``--json`` object of one figure (``value``, or ``low`` and ``high`` for a range)."""
    m = figure.main
    d: dict[str, Any] = {
        "paragraph": figure.paragraph,
        "en": _span(figure.en),
        "zh": _span(figure.zh),
        "kind": m.kind,
        "unit": m.unit,
    }
    if m.value is not None:
        d["value"] = _num(m.value)
    else:
        assert m.low is not None and m.high is not None
        d["low"] = _num(m.low)
        d["high"] = _num(m.high)
    d["qualifier"] = m.qualifier
    d["metric"] = m.metric
    d["period"] = m.period
    d["nature"] = m.nature.value
    d["check"] = figure.check.value
    return d


class Badge(NamedTuple):
    """A reading-pane badge: what it says, and whether a figure is wrong or missing there
    (``figures``: the serious kind) or only a name is translated inconsistently."""

    text: str
    figures: bool


def _name_badge(name: str, kept: int) -> str:
    return f"{name}: translated here, kept in {kept} other paragraph" + ("s" if kept != 1 else "")


def difference(figure: Figure) -> str | None:
    """Which numbers differ in a mismatch, both read in the English convention
    (``20.4 M USD ≠ 24 M USD`` for ``$20.4 million`` against ``2,400 萬美元``); None when
    the figure is not a mismatch or both read the same."""
    if figure.check is not Check.MISMATCH or figure.en is None or figure.zh is None:
        return None
    en, zh = format_en(figure.en, False), format_en(figure.zh, False)
    return f"{en} ≠ {zh}" if en != zh else None


def paragraph_badges(
    analysis: Analysis,
    figure_text: Callable[[Figure], str] = tooltip,
    name_text: Callable[[str, int], str] = _name_badge,
) -> dict[int, Badge]:
    """The reading pane's badges, by paragraph: each mismatched or missing figure
    (``$20.4 million ≠ 2,400 萬美元: 20.4 M USD ≠ 24 M USD``, which says the number that
    differs) and each name translated there although kept elsewhere (with its rendering).

    ``figure_text`` and ``name_text`` write the lines (English by default; the interface
    passes its own, in the interface language)."""
    lines: dict[int, list[str]] = {}
    with_figures: set[int] = set()
    for f in analysis.figures:
        if f.check in (Check.MISMATCH, Check.MISSING):
            diff = difference(f)
            text = figure_text(f)
            lines.setdefault(f.paragraph, []).append(text + (f": {diff}" if diff else ""))
            with_figures.add(f.paragraph)
    for n in analysis.names:
        rendered = " / ".join(analysis.rendering_of(n.name))
        name = f"{n.name} → {rendered}" if rendered else n.name
        for p in n.translated_paragraphs:
            lines.setdefault(p, []).append(name_text(name, n.kept))
    return {p: Badge("\n".join(v), p in with_figures) for p, v in sorted(lines.items())}


def snippet(text: str, start: int, end: int, width: int = 36) -> str:
    """The figure with some context on each side, on one line (``…`` where cut)."""
    a = max(0, start - width)
    b = min(len(text), end + width)
    head = "…" if a > 0 else ""
    tail = "…" if b < len(text) else ""
    return head + " ".join(text[a:b].split()) + tail
