"""Figures said on a call, in English and in the Chinese translation.

A rule-based extractor (compiled regexes, one pass per paragraph and language) that turns
``$141.1 million``, ``1.411 億美元``, ``$0.28 to $0.29``, ``約 7% 至 10%``, ``400-gig``... into
exact :class:`~decimal.Decimal` values in base units (USD, percent, shares, people, Gbps), keeps
ranges and qualifiers, and labels each figure with a metric, a period and a nature. No library
does both languages (see FEATURES.md, "Figures"). Only numbers with a unit or a scale are
figures: years, quarters, ``Gen 6``, ``10-K``, bare numbers and numbers of more than
:data:`~viewer.core.figures.numbers.MAX_DIGITS` digits (IDs, pasted tables) are not.

Offsets are code points into the paragraph's own text: the text is folded (full-width digits and
punctuation to ASCII; Chinese Traditional to Simplified, so ``1.411 億美元`` and ``1.411 亿美元``
read alike) with one-to-one character maps, so offsets never shift.

Modules: :mod:`.numbers` (folding, parsing, exact comparison and printing), :mod:`.tokens` (the
two tokenisers and their one unit table), :mod:`.ranges` (ranges and qualifiers),
:mod:`.periods` (:class:`Period`, :class:`CallContext`), :mod:`.lexicon` (cue words per
language), :mod:`.script` (one reading of both Chinese scripts), :mod:`.classify` (metric,
period, nature), :mod:`.pipeline` (the entry points).
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # what the names are (``as``: re-exported); they load on first use, below
    from viewer.core.figures.numbers import MAX_DIGITS as MAX_DIGITS
    from viewer.core.figures.numbers import fold as fold
    from viewer.core.figures.numbers import is_computable as is_computable
    from viewer.core.figures.numbers import is_sane as is_sane
    from viewer.core.figures.numbers import parse_cn_numeral as parse_cn_numeral
    from viewer.core.figures.numbers import parse_number as parse_number
    from viewer.core.figures.numbers import plain as plain
    from viewer.core.figures.numbers import round_to as round_to
    from viewer.core.figures.numbers import same_value as same_value
    from viewer.core.figures.numbers import show as show
    from viewer.core.figures.periods import CallContext as CallContext
    from viewer.core.figures.periods import Period as Period
    from viewer.core.figures.periods import PeriodKind as PeriodKind
    from viewer.core.figures.periods import period_label as period_label
    from viewer.core.figures.pipeline import extract_en as extract_en
    from viewer.core.figures.pipeline import extract_zh as extract_zh

# The names above load with their module on first use (PEP 562), so a module of the package
# can be imported alone: a background job imports them one at a time, taking turns with the
# GUI thread between them (``viewer.qt.workers.import_in_turns``), instead of the whole
# extractor (about 60 ms of the GIL, most of it compiling regular expressions) in one go.
_HOME = {
    **dict.fromkeys(
        (
            "MAX_DIGITS",
            "fold",
            "is_computable",
            "is_sane",
            "parse_cn_numeral",
            "parse_number",
            "plain",
            "round_to",
            "same_value",
            "show",
        ),
        "numbers",
    ),
    **dict.fromkeys(("CallContext", "Period", "PeriodKind", "period_label"), "periods"),
    **dict.fromkeys(("extract_en", "extract_zh"), "pipeline"),
}


__all__ = sorted(_HOME)


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value
