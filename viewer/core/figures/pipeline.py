"""The figures pipeline: fold, tokenise, join ranges, negate losses, qualify, classify."""

from __future__ import annotations

from collections.abc import Iterable

from viewer.core.figures.classify import classify
from viewer.core.figures.lexicon import EN, ZH, Lang
from viewer.core.figures.numbers import HAS_NUMBER, fold
from viewer.core.figures.periods import CallContext, period_label
from viewer.core.figures.ranges import merge_ranges, qualify
from viewer.core.figures.script import to_simplified
from viewer.core.figures.tokens import Token, en_tokens, zh_tokens
from viewer.core.metrics_models import FigureSide


def extract_en(
    text: str, ctx: CallContext | None = None, *, analyst: bool = False
) -> list[FigureSide]:
    """The figures of an English paragraph, labelled (metric, period, nature)."""
    return _sides(text, _extract(text, EN, ctx or CallContext(None, None), analyst))


def extract_zh(
    text: str, ctx: CallContext | None = None, *, analyst: bool = False
) -> list[FigureSide]:
    """The figures of a Chinese paragraph, Traditional or Simplified (or both), labelled
    (metric, period, nature)."""
    return _sides(text, _extract(text, ZH, ctx or CallContext(None, None), analyst))


def _extract(text: str, lang: Lang, ctx: CallContext, analyst: bool) -> list[Token]:
    if HAS_NUMBER.search(text) is None:
        return []
    folded = fold(text)
    if not lang.english:
        # Traditional and Simplified read alike, one character for one (offsets unchanged)
        folded = to_simplified(folded)
    raw = en_tokens(folded) if lang.english else zh_tokens(folded)
    if not raw:
        return []
    toks = merge_ranges(folded, raw, lang.english)
    if not toks:
        return []
    _negate_losses(folded, toks, lang)
    qualify(folded, toks, lang.english)
    classify(folded, toks, lang, ctx, analyst)
    return toks


#: How far before a money figure a loss word is looked for (EN_LOSS: the word and 34 more).
_LOSS_REACH = 44


def _negate_losses(text: str, toks: list[Token], lang: Lang) -> None:
    for t in toks:
        money = t.kind in ("money", "count") and not t.negative and t.low is None
        if money and lang.loss.search(text, max(0, t.start - _LOSS_REACH), t.start):
            t.negative = True


def _sides(text: str, toks: Iterable[Token]) -> list[FigureSide]:
    out = []
    for t in toks:
        assert t.kind is not None
        if t.low is not None:
            value = None
            low, high = t.low, t.high
        else:
            value, low, high = t.scaled_value(), None, None
        out.append(
            FigureSide(
                text=text[t.start : t.end],
                start=t.start,
                end=t.end,
                kind=t.kind,
                unit=t.unit,
                value=value,
                low=low,
                high=high,
                quantum=t.quantum,
                qualifier=t.qualifier,
                metric=t.metric,
                period=period_label(t.period),
                nature=t.nature,
            )
        )
    return out
