"""Numbers as written on a call: folding, parsing, comparing and printing them exactly.

Every figure value is a :class:`~decimal.Decimal`. Decimal's default context holds 28 digits:
a 29-digit number pasted from a table used to raise ``InvalidOperation`` in ``quantize``, and a
number of thousands of digits broke ``int`` -> ``str`` in ``--json``. This module is the one
place that guards it: :func:`parse_number` refuses a number with more than
:data:`MAX_DIGITS` digits (it stays text: an ID, a mangled table, never a figure), and every
computation here runs in :data:`CONTEXT`, wide enough for any value a figure can hold, with a
fallback for values that are not (:func:`is_sane`).
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Context, Decimal, InvalidOperation

#: The most digits (before and after the point) a figure may be written with. Real figures
#: have at most 15 (``$1,234,567,890,123``, ``0.123456``); more is an ID or a pasted table.
#: 15 digits also keep ``float`` exact in ``--json``.
MAX_DIGITS = 15
#: The largest power of ten a sane value reaches: 15 digits times a trillion, times a
#: thousand (Tbps), with room to spare.
MAX_EXPONENT = 40
#: Precision for figure arithmetic: every sane value and quantum fits without rounding.
CONTEXT = Context(prec=2 * MAX_EXPONENT + MAX_DIGITS + 10, rounding=ROUND_HALF_UP)

_ONE = Decimal(1)
TEN = Decimal(10)

# --- folding ---------------------------------------------------------------------------------

_FOLD_MAP: dict[int, int] = {0xFF10 + i: ord("0") + i for i in range(10)}
_FOLD_MAP.update(
    {
        ord(a): ord(b)
        for a, b in (
            ("，", ","),
            ("．", "."),
            ("％", "%"),
            ("（", "("),
            ("）", ")"),
            ("～", "~"),
            ("〜", "~"),
            ("＄", "$"),
            ("－", "-"),
            ("–", "-"),
            ("—", "-"),
            ("−", "-"),
            ("　", " "),
            ("\u00a0", " "),
            ("’", "'"),
            ("‘", "'"),
            ("：", ":"),
            ("？", "?"),
            ("！", "!"),
            ("；", ";"),
        )
    }
)
_FOLD = str.maketrans(_FOLD_MAP)


_NEEDS_FOLD = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_FOLD_MAP)) + "]")
HAS_NUMBER = re.compile(r"[0-9０-９]|百分之")


def fold(text: str) -> str:
    """Full-width digits and punctuation to ASCII, dashes to ``-``; same length as ``text``."""
    # translate() is slow on non-ASCII text: skip it when there is nothing to fold
    return text.translate(_FOLD) if _NEEDS_FOLD.search(text) else text


# --- parsing -----------------------------------------------------------------------------

_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "兩": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}


def parse_cn_numeral(text: str) -> Decimal | None:
    """``二十五`` -> 25, ``七點五`` -> 7.5, ``一百`` -> 100 (small numerals, for 百分之)."""
    whole, _, frac = text.replace("点", "點").partition("點")
    total = 0
    digit: int | None = None
    for ch in whole:
        if ch in _CN_DIGITS:
            digit = _CN_DIGITS[ch]
        elif ch in _CN_UNITS:
            total += (1 if digit is None else digit) * _CN_UNITS[ch]
            digit = None
        else:
            return None
    if digit is not None:
        total += digit
    if not whole and not frac:
        return None
    value = Decimal(total)
    if frac:
        if len(frac) > MAX_DIGITS or any(ch not in _CN_DIGITS for ch in frac):
            return None
        value += Decimal("0." + "".join(str(_CN_DIGITS[ch]) for ch in frac))
    return value


def parse_number(num: str) -> tuple[Decimal, int] | None:
    """A written number (``1,234.5``) and its count of decimals; ``None`` when it has more
    than :data:`MAX_DIGITS` digits (it is then no figure)."""
    clean = num.replace(",", "")
    whole, _, frac = clean.partition(".")
    if len(whole.lstrip("0")) + len(frac) > MAX_DIGITS:
        return None
    return Decimal(clean), len(frac)


def is_sane(value: Decimal) -> bool:
    """Whether ``value`` is finite, has at most ``2 * MAX_EXPONENT`` digits and lies within
    ``10 ** ±MAX_EXPONENT``: what :data:`CONTEXT` computes with exactly."""
    if not value.is_finite():
        return False
    if value.is_zero():
        return True
    digits = len(value.as_tuple().digits)
    return digits <= 2 * MAX_EXPONENT and abs(value.adjusted()) <= MAX_EXPONENT


# --- comparing and printing --------------------------------------------------------------


def is_computable(value: Decimal, quantum: Decimal) -> bool:
    """Whether ``value`` and ``quantum`` are finite, computable (:func:`is_sane`) and the
    quantum is not zero: what an exact index of values can file."""
    return is_sane(value) and is_sane(quantum) and not quantum.is_zero()


def same_value(a: Decimal, qa: Decimal, b: Decimal, qb: Decimal) -> bool:
    """Equal within the coarser of the two precisions written (``141.1 M`` ~ ``1.41 億``).

    Values or precisions too large to compute with (see :func:`is_sane`) compare exactly; a
    NaN or an infinity equals nothing.
    """
    if not all(v.is_finite() for v in (a, qa, b, qb)):
        return False
    if (a < 0) != (b < 0):
        return False
    if qa == qb:
        return a == b
    if not all(is_sane(v) for v in (a, qa, b, qb)) or qa.is_zero() or qb.is_zero():
        return a == b
    fine, coarse, q = (a, b, qb) if qa < qb else (b, a, qa)
    rounded = round_to(fine, q)
    return a == b if rounded is None else rounded == coarse


def round_to(value: Decimal, quantum: Decimal) -> Decimal | None:
    """``value`` rounded half up to a multiple of ``quantum``; ``None`` when either is too
    large to compute with (see :func:`is_sane`) or ``quantum`` is zero."""
    if not (is_sane(value) and is_sane(quantum)) or quantum.is_zero():
        return None
    try:
        steps = CONTEXT.divide(value, quantum)
        steps = steps.quantize(_ONE, rounding=ROUND_HALF_UP, context=CONTEXT)
        return CONTEXT.multiply(steps, quantum)
    except InvalidOperation:  # a quantum that is no power of ten and divides badly
        return None


def plain(value: Decimal, grouping: bool = False) -> str:
    """A decimal without exponent or trailing zeros (``1.411E+8`` -> ``141100000``).

    A value too large to write out (see :func:`is_sane`) keeps its exponent form.
    """
    if not is_sane(value):
        return str(value)
    text = format(value, ",f" if grouping else "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def shift(value: Decimal, power: int) -> Decimal:
    """``value * 10 ** power``, exactly."""
    return value.scaleb(power, context=CONTEXT)


def show(value: Decimal, power: int, quantum: Decimal) -> str:
    """``value`` divided by ``10 ** power``, grouped, with the decimals written (``$0.30``
    stays ``0.30``)."""
    x, q = shift(value, -power), shift(quantum, -power)
    if is_sane(x) and is_sane(q) and not q.is_zero() and q < 1:
        try:
            return format(x.quantize(q.normalize(CONTEXT), context=CONTEXT), ",f")
        except InvalidOperation:
            pass
    return plain(x, grouping=True)
