"""The translation check: English figures against the Chinese ones, and name consistency."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from viewer.core.figures import same_value
from viewer.core.metrics_models import Check, FigureSide, NameCheck
from viewer.core.models import Paragraph

# Units that can stand for each other: a bare 元 or an unlabelled scaled number (1.8 億) can
# be any currency or count; Google writes "percentage points" as 個百分點 or as %.
_LOOSE_UNITS = frozenset({"", "currency"})
_MONEY_UNITS = frozenset({"USD", "TWD", "CNY", "EUR", "GBP", "HKD", "CAD", "AUD", "currency"})


def units_compatible(a: FigureSide, b: FigureSide) -> bool:
    """Same unit, or one side's unit says less (a bare 元, a scaled number without unit)."""
    if a.unit == b.unit:
        return True
    if a.unit in _LOOSE_UNITS or b.unit in _LOOSE_UNITS:
        if "" in (a.unit, b.unit):
            return True
        return a.unit in _MONEY_UNITS and b.unit in _MONEY_UNITS
    return {a.unit, b.unit} == {"percent", "pp"}


def _family(side: FigureSide) -> str:
    if side.unit in _MONEY_UNITS:
        return "money"
    if side.unit in ("percent", "pp", "bp"):
        return "percent"
    return side.unit


def values_match(a: FigureSide, b: FigureSide) -> bool:
    """Same value (or both range ends) within the coarser precision written, same sign."""
    q = max(a.quantum, b.quantum)
    if a.value is not None and b.value is not None:
        return same_value(a.value, a.quantum, b.value, b.quantum)
    if a.value is None and b.value is None:
        assert a.low is not None and a.high is not None
        assert b.low is not None and b.high is not None
        return same_value(a.low, q, b.low, q) and same_value(a.high, q, b.high, q)
    return False


def pair_figures(
    en: Sequence[FigureSide], zh: Sequence[FigureSide]
) -> list[tuple[FigureSide | None, FigureSide | None, Check]]:
    """Pair a paragraph's English and Chinese figures.

    First every English figure takes the first unused Chinese figure with a compatible unit
    and the same value (``match``); then a left-over English figure takes the left-over
    Chinese figure of the same family (money, percent, shares...) nearest in relative position
    (``mismatch``: value, unit, sign or a range end differs). English figures still alone are
    ``missing``, Chinese ones ``extra``. The result is in English order, extras last.
    """
    used = [False] * len(zh)
    partner: list[int | None] = [None] * len(en)
    for i, e in enumerate(en):
        for j, z in enumerate(zh):
            if not used[j] and units_compatible(e, z) and values_match(e, z):
                used[j] = True
                partner[i] = j
                break
    matched = {i for i, p in enumerate(partner) if p is not None}
    n_en, n_zh = max(1, len(en)), max(1, len(zh))
    for i, e in enumerate(en):
        if i in matched:
            continue
        best: int | None = None
        best_d = 2.0
        for j, z in enumerate(zh):
            if used[j] or _family(e) != _family(z):
                continue
            d = abs(i / n_en - j / n_zh)
            if d < best_d:
                best, best_d = j, d
        if best is not None:
            used[best] = True
            partner[i] = best
    out: list[tuple[FigureSide | None, FigureSide | None, Check]] = []
    for i, e in enumerate(en):
        p = partner[i]
        if p is None:
            out.append((e, None, Check.MISSING))
        else:
            out.append((e, zh[p], Check.MATCH if i in matched else Check.MISMATCH))
    out.extend((None, z, Check.EXTRA) for j, z in enumerate(zh) if not used[j])
    return out


# --- names -------------------------------------------------------------------------------------

# A capitalised word with at least one lower-case letter (Aries, UALink, O'Malley); all-capital
# acronyms (AI, GAAP, CEO) are left out: translating them is legitimate, not an inconsistency.
_CAP_WORD = re.compile(r"(?<![A-Za-z0-9'&-])[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*(?![A-Za-z0-9])")
_LOWER_WORD = re.compile(r"(?<![A-Za-z0-9])[a-z][a-z0-9]*(?![A-Za-z0-9])")
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*")


def name_checks(
    paragraphs: Sequence[Paragraph],
    min_paragraphs: int = 2,
    check: Callable[[], None] | None = None,
) -> list[NameCheck]:
    """Recurring English names kept in some Chinese paragraphs and translated in others.

    A *name* is a capitalised word (with lower-case letters, so no acronyms) that occurs in at
    least ``min_paragraphs`` English paragraphs having a translation and never in lower case in
    the English text (so ``So``, ``We``, ``Thanks`` are not names). A paragraph's Chinese
    *keeps* the name when it contains it literally (ignoring case), else it *translates* it
    (or drops it: the two cannot be told apart without a dictionary). Only names where both
    happen are returned, most paragraphs first.
    """
    lower: set[str] = set()
    where: dict[str, list[int]] = {}
    for p in paragraphs:
        if check is not None:
            check()  # may raise to cancel
        lower.update(m.group(0) for m in _LOWER_WORD.finditer(p.en))
        if not p.zh:
            continue
        seen = {m.group(0) for m in _CAP_WORD.finditer(p.en)}
        for word in seen:
            where.setdefault(word, []).append(p.index)
    zh_words: dict[int, set[str]] = {}
    by_index = {p.index: p for p in paragraphs}
    out: list[NameCheck] = []
    for name, idxs in where.items():
        if check is not None:
            check()
        if len(idxs) < min_paragraphs or name.lower() in lower:
            continue
        key = name.casefold()
        kept: list[int] = []
        translated: list[int] = []
        for i in idxs:
            words = zh_words.get(i)
            if words is None:
                zh = by_index[i].zh or ""
                words = {m.group(0).casefold() for m in _LATIN_WORD.finditer(zh)}
                zh_words[i] = words
            (kept if key in words else translated).append(i)
        if kept and translated:
            out.append(
                NameCheck(
                    name=name,
                    kept=len(kept),
                    translated=len(translated),
                    kept_paragraphs=tuple(kept),
                    translated_paragraphs=tuple(translated),
                )
            )
    out.sort(key=lambda n: (-(n.kept + n.translated), n.name))
    return out
