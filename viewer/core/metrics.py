"""The metrics panel's one entry point, :func:`analyse`, and what its table and exports need.

``analyse(transcript)`` extracts the figures of every paragraph in both languages, checks the
translation, finds inconsistently translated names and counts the speakers' words. It is pure
Python without Qt, so the GUI runs it in a worker thread and the CLI calls it directly.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal
from typing import Any, NamedTuple

from viewer.core.crosscheck import name_checks, pair_figures
from viewer.core.errors import Cancelled
from viewer.core.export import ExportCancelled, ExportSpec, suggested_filename
from viewer.core.figures import CallContext, extract_en, extract_zh
from viewer.core.metrics_models import Analysis, Check, Figure, FigureSide
from viewer.core.models import Role, Transcript
from viewer.core.stats import firm_stats, speaker_stats

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
    ctx = CallContext(transcript.meta.fiscal_year, transcript.meta.quarter)
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
    return Analysis(
        figures=tuple(iter_figures(transcript, cancel)),
        names=tuple(name_checks(transcript.paragraphs, check=checkpoint)),
        speakers=tuple(speakers),
        firms=tuple(firm_stats(transcript, speakers)),
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
_SCALED_UNITS |= {"shares", ""}


def plain(value: Decimal, grouping: bool = False) -> str:
    """A decimal without exponent or trailing zeros (``1.411E+8`` -> ``141100000``)."""
    v = value.normalize()
    if v == v.to_integral_value():
        v = v.quantize(Decimal(1))
    return format(v, ",f" if grouping else "f")


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
        nums = "–".join(_show(v, power, side.quantum) for v in ends)
        tail = " ".join(x for x in (label, unit) if x)
        return f"{prefix}{nums} {tail}".rstrip()
    nums = "–".join(_show(v, 0, side.quantum) for v in ends)
    if unit == "percent":
        return f"{prefix}{nums}%"
    if unit == "x":
        return f"{prefix}{nums}x"
    return f"{prefix}{nums} {unit}"


def _show(v: Decimal, power: int, quantum: Decimal) -> str:
    """``v`` divided by 10**power, with the decimals written (``$0.30`` stays ``0.30``)."""
    x, q = v.scaleb(-power), quantum.scaleb(-power)
    if q < 1:
        return format(x.quantize(q.normalize()), ",f")
    return plain(x, grouping=True)


def _zh_amount(
    v: Decimal, quantum: Decimal, scales: tuple[tuple[int, str], ...]
) -> tuple[str, str]:
    power, label = _pick(scales, v)
    return _show(v, power, quantum), label


_ZH_MONEY = {"USD": ("", "美元"), "TWD": ("新台幣 ", "元"), "CNY": ("人民幣 ", "元")}
_ZH_MONEY |= {"currency": ("", "元"), "shares": ("", "股"), "": ("", "")}
_ZH_UNIT = {"percent": "%", "pp": " 個百分點", "bp": " 個基點", "people": " 人", "x": " 倍"}


def format_zh(side: FigureSide, qualifier: bool = True) -> str:
    """Chinese convention: ``1.411 億美元``, ``5,620 萬美元``, ``0.28 至 0.29 美元``, ``1.8 億股``."""
    ends = _ends(side)
    unit = side.unit
    prefix = _ZH_QUAL.get(side.qualifier or "", "") if qualifier else ""
    if unit not in _SCALED_UNITS:
        nums = " 至 ".join(_show(v, 0, side.quantum) for v in ends)
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

FIGURE_COLUMNS = [
    "metric",
    "value",
    "unit",
    "low",
    "high",
    "qualifier",
    "period",
    "nature",
    "check",
    "paragraph",
    "speaker",
    "English text",
    "Chinese text",
]


def _csv_number(v: Decimal | None) -> Decimal | None:
    # str(Decimal) may use an exponent (1.411E+8); spreadsheets want 141100000
    return None if v is None else Decimal(plain(v))


def figure_row(figure: Figure, speaker_name: str) -> list[object]:
    """One CSV row of :data:`FIGURE_COLUMNS` (values are Decimals, written as numbers)."""
    m = figure.main
    return [
        m.metric,
        _csv_number(m.value),
        m.unit,
        _csv_number(m.low),
        _csv_number(m.high),
        m.qualifier,
        m.period,
        m.nature.value,
        figure.check.value,
        figure.paragraph,
        speaker_name,
        figure.en.text if figure.en else None,
        figure.zh.text if figure.zh else None,
    ]


def _num(v: Decimal) -> int | float:
    # ints and shortest-repr floats print exactly the decimal written (<= 15 digits)
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


def paragraph_badges(analysis: Analysis) -> dict[int, Badge]:
    """The reading pane's badges, by paragraph: each mismatched or missing figure
    (``$56.2 million ≠ 5,260 萬美元``) and each name translated there although kept elsewhere."""
    lines: dict[int, list[str]] = {}
    with_figures: set[int] = set()
    for f in analysis.figures:
        if f.check in (Check.MISMATCH, Check.MISSING):
            lines.setdefault(f.paragraph, []).append(tooltip(f))
            with_figures.add(f.paragraph)
    for n in analysis.names:
        for p in n.translated_paragraphs:
            lines.setdefault(p, []).append(
                f"{n.name}: translated here, kept in {n.kept} other paragraph"
                + ("s" if n.kept != 1 else "")
            )
    return {p: Badge("\n".join(v), p in with_figures) for p, v in sorted(lines.items())}


def snippet(text: str, start: int, end: int, width: int = 36) -> str:
    """The figure with some context on each side, on one line (``…`` where cut)."""
    a = max(0, start - width)
    b = min(len(text), end + width)
    head = "…" if a > 0 else ""
    tail = "…" if b < len(text) else ""
    return head + " ".join(text[a:b].split()) + tail


def figure_export(transcript: Transcript, figures: Sequence[Figure]) -> ExportSpec:
    """The :class:`~viewer.core.export.ExportSpec` of these figures (the figures table)."""
    chosen = list(figures)
    keys = tuple(FIGURE_COLUMNS)

    def rows(
        columns: Sequence[str],
        progress: Callable[[int, int], None] | None,
        cancel: Callable[[], bool] | None,
    ) -> Iterator[list[object]]:
        where = [keys.index(c) for c in columns]
        for n, f in enumerate(chosen):
            if cancel is not None and n % 256 == 0 and cancel():
                raise ExportCancelled()
            row = figure_row(f, transcript.speaker_of_paragraph(f.paragraph).name)
            if progress is not None and n % 256 == 0:
                progress(n, len(chosen))
            yield [row[i] for i in where]

    return ExportSpec(
        kind="figures",
        headers={k: k for k in keys},
        defaults=keys,
        rows=rows,
        count=len(chosen),
        suggested_name=suggested_filename(transcript, "figures"),
    )
