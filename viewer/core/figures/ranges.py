"""Ranges (``$0.28 to $0.29``, ``7% 至 10%``, ``$30-32 million``) and qualifiers
(``approximately``, ``at least``, ``左右``) of raw figure tokens."""

from __future__ import annotations

import functools
import re
from dataclasses import replace
from decimal import Decimal

from viewer.core.figures.script import simplified_keys, zh_compile
from viewer.core.figures.tokens import Token

EN_QUAL = (
    r"(?:approximately|approx\.|about|around|roughly|nearly|almost|close\sto|just\sunder|"
    r"just\sover|at\sleast|more\sthan|over|above|greater\sthan|in\sexcess\sof|north\sof|"
    r"upwards\sof|less\sthan|under|below|up\sto|~)"
)
_EN_QUAL_BEFORE = re.compile(r"(?<![A-Za-z])(" + EN_QUAL + r")\s*$", re.I)
_EN_QUAL_AFTER = re.compile(r"\s*(or\smore|or\sgreater|or\sso|plus(?![A-Za-z])|\+)", re.I)
_EN_QUAL_NORM = {
    "approximately": "approximately",
    "approx.": "approximately",
    "about": "approximately",
    "around": "approximately",
    "roughly": "approximately",
    "~": "approximately",
    "or so": "approximately",
    "nearly": "nearly",
    "almost": "nearly",
    "close to": "nearly",
    "just under": "nearly",
    "at least": "at least",
    "or more": "at least",
    "or greater": "at least",
    "more than": "more than",
    "over": "more than",
    "above": "more than",
    "greater than": "more than",
    "in excess of": "more than",
    "north of": "more than",
    "upwards of": "more than",
    "just over": "more than",
    "plus": "more than",
    "+": "more than",
    "less than": "less than",
    "under": "less than",
    "below": "less than",
    "up to": "up to",
}
# Chinese cue words are written once, in Traditional (or in Simplified when only the mainland
# uses them): patterns and keys are folded to Simplified like the text (see .script).
_ZH_QUAL_BEFORE = zh_compile(
    r"(大約|大概|約|將近|接近|(?<!最)近|幾乎|至少|不少於|超過|逾|多於|高於|最多|低於|不到|少於|不足)"
    r"\s?(?:為|是|達到|達|有|在|佔|占)?\s?$"
)
_ZH_QUAL_AFTER = zh_compile(r"\s?(左右|上下|以上|以下|以內)")
_ZH_QUAL_WORDS = {
    "大約": "approximately",
    "大概": "approximately",
    "約": "approximately",
    "左右": "approximately",
    "上下": "approximately",
    "將近": "nearly",
    "接近": "nearly",
    "近": "nearly",
    "幾乎": "nearly",
    "至少": "at least",
    "不少於": "at least",
    "超過": "more than",
    "逾": "more than",
    "多於": "more than",
    "高於": "more than",
    "以上": "more than",
    "最多": "up to",
    "低於": "less than",
    "不到": "less than",
    "少於": "less than",
    "不足": "less than",
    "以下": "less than",
    "以內": "less than",
}


@functools.cache
def _zh_qual_norm() -> dict[str, str]:
    return simplified_keys(_ZH_QUAL_WORDS)


_EN_RANGE_GAP = re.compile(r"^\s*(to|-|~|through|and)\s*$", re.I)
_EN_RANGE_CUE = re.compile(
    r"(?:between|range\sof|range\sbetween|ranging\sfrom|range)\s*(?:" + EN_QUAL + r"\s*)?$", re.I
)
_EN_FROM = re.compile(r"(?<![A-Za-z])from\s*(?:" + EN_QUAL + r"\s*)?$", re.I)
_ZH_RANGE_GAP = zh_compile(r"^\s*(至|到|~|-|和|與|及)\s*$")
_ZH_BETWEEN = zh_compile(r"^\s?之間")
_ZH_FROM = zh_compile(r"(?:從|由)\s?(?:約)?\s?$")


def merge_ranges(text: str, toks: list[Token], english: bool) -> list[Token]:
    """Join ``X to Y`` / ``X 至 Y`` pairs into ranges; drop bare numbers left alone."""
    out: list[Token] = []
    i = 0
    n = len(toks)
    while i < n:
        a = toks[i]
        if i + 1 < n:
            b = toks[i + 1]
            gap = text[a.end : b.start]
            r = _range_of(text, a, b, gap, english)
            if r is not None:
                out.append(r)
                i += 2
                continue
        if a.kind is not None:
            out.append(a)
        i += 1
    return out


def _range_of(text: str, a: Token, b: Token, gap: str, english: bool) -> Token | None:
    gm = (_EN_RANGE_GAP if english else _ZH_RANGE_GAP).match(gap)
    if gm is None:
        return None
    word = gm.group(1).lower()
    before = text[max(0, a.start - 40) : a.start]
    if english:
        if word == "and" and not _EN_RANGE_CUE.search(before):
            return None
        # "grew from $51 million to $56 million" is two values, "ranging from X to Y" one
        from_x = _EN_FROM.search(before) is not None and "rang" not in before.lower()
        if word in ("to", "-", "through") and from_x:
            return None
    else:
        if word in ("和", "与", "及") and not _ZH_BETWEEN.match(text[b.end : b.end + 3]):
            return None
        if _ZH_FROM.search(before):
            return None
    if a.kind is None and b.kind is None:
        return None
    lo, hi = replace(a), replace(b)
    # "$30-32 million", "7 to 10%": an end without unit or scale takes the other end's
    if lo.kind in (None, "count") and hi.kind not in (None, "count"):
        lo.kind, lo.unit = hi.kind, hi.unit
    elif hi.kind in (None, "count") and lo.kind not in (None, "count"):
        hi.kind, hi.unit = lo.kind, lo.unit
    elif lo.kind is None:
        lo.kind, lo.unit = hi.kind, hi.unit
    elif hi.kind is None:
        hi.kind, hi.unit = lo.kind, lo.unit
    if not lo.scaled and hi.scaled:
        lo.scale, lo.scaled = hi.scale, True
    elif not hi.scaled and lo.scaled:
        hi.scale, hi.scaled = lo.scale, True
    if lo.kind != hi.kind or lo.unit != hi.unit:
        return None
    low, high = lo.scaled_value(), hi.scaled_value()
    if not low < high:
        return None
    r = Token(
        a.start,
        b.end,
        Decimal(0),
        max(lo.decimals, hi.decimals),
        min(lo.scale, hi.scale),
        lo.kind,
        lo.unit,
    )
    # the range's precision: the finer of its two ends, on the common scale
    r.decimals = max(lo.decimals - (lo.scale - r.scale), hi.decimals - (hi.scale - r.scale))
    r.low, r.high = low, high
    return r


def qualify(text: str, toks: list[Token], english: bool) -> None:
    """Each figure's qualifier (``about``, ``at least``, ``左右``...), written before or after it."""
    before_re = _EN_QUAL_BEFORE if english else _ZH_QUAL_BEFORE
    after_re = _EN_QUAL_AFTER if english else _ZH_QUAL_AFTER
    norm = _EN_QUAL_NORM if english else _zh_qual_norm()
    for t in toks:
        m = before_re.search(text, max(0, t.start - 24), t.start)
        if m is not None:
            t.qualifier = norm.get(re.sub(r"\s+", " ", m.group(1).lower()))
            continue
        m = after_re.match(text, t.end, min(len(text), t.end + 12))
        if m is not None:
            t.qualifier = norm.get(re.sub(r"\s+", " ", m.group(1).lower()))
