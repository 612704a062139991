"""The translation check: English figures against the Chinese ones, and name consistency."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from decimal import Decimal

from viewer.core.figures import is_computable, round_to, same_value
from viewer.core.metrics_models import Check, FigureSide, NameCheck
from viewer.core.models import Paragraph

# Units that can stand for each other: a bare 元 or an unlabelled scaled number (1.8 億) can
# be any currency or count; Google writes "percentage points" as 個百分點 or as %.
_LOOSE_UNITS = frozenset({"", "currency"})
_MONEY_UNITS = frozenset({"USD", "TWD", "CNY", "EUR", "GBP", "HKD", "CAD", "AUD", "currency"})
_MONEY_UNITS |= {"JPY", "CHF", "DKK", "SEK", "NOK"}


def units_compatible(a: FigureSide, b: FigureSide) -> bool:
    """Same unit, or one side's unit says less (a bare 元, a scaled number without unit)."""
    return _units_ok(a.unit, b.unit)


def _units_ok(a: str, b: str) -> bool:
    if a == b:
        return True
    if a in _LOOSE_UNITS or b in _LOOSE_UNITS:
        if "" in (a, b):
            return True
        return a in _MONEY_UNITS and b in _MONEY_UNITS
    return {a, b} == {"percent", "pp"}


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
    index = _MatchIndex(en, zh)
    for i, e in enumerate(en):
        j = index.first_match(e, used)
        if j is not None:
            used[j] = True
            partner[i] = j
    matched = {i for i, p in enumerate(partner) if p is not None}
    _pair_nearest(en, zh, used, partner, matched)
    out: list[tuple[FigureSide | None, FigureSide | None, Check]] = []
    for i, e in enumerate(en):
        p = partner[i]
        if p is None:
            out.append((e, None, Check.MISSING))
        else:
            out.append((e, zh[p], Check.MATCH if i in matched else Check.MISMATCH))
    out.extend((None, z, Check.EXTRA) for j, z in enumerate(zh) if not used[j])
    return out


_Key = tuple[object, ...]


class _MatchIndex:
    """The Chinese figures of a paragraph by what an English figure must equal to match one.

    A single value ``a`` (precision ``qa``) matches ``b`` (``qb``) when both have the same sign
    and ``b == a`` (same precision), or the finer one rounds to the coarser one at the coarser
    precision (:func:`~viewer.core.figures.same_value`): so each Chinese value is filed under
    its own (unit, precision, value) and, for every coarser English precision, under its value
    rounded to it. Ranges match on equal ends. Values too large to index go to a short list
    compared one by one.
    """

    def __init__(self, en: Sequence[FigureSide], zh: Sequence[FigureSide]) -> None:
        self.exact: dict[_Key, list[int]] = {}
        self.rounded: dict[_Key, list[int]] = {}
        self.heads: dict[int, int] = {}  # id of a list -> its first index not known used
        self.odd: list[int] = []  # Chinese figures compared one by one
        self.zh = zh
        en_quanta = sorted({e.quantum for e in en if e.value is not None})
        self.zh_quanta: dict[str, list[Decimal]] = {}
        for j, z in enumerate(zh):
            if z.value is None:
                if z.low is None or z.high is None:
                    self.odd.append(j)
                    continue
                self.exact.setdefault(("range", z.unit, z.low, z.high), []).append(j)
                continue
            b, qb = z.value, z.quantum
            if not is_computable(b, qb):
                self.odd.append(j)
                continue
            neg = b < 0
            self.exact.setdefault((z.unit, qb, b, neg), []).append(j)
            self.zh_quanta.setdefault(z.unit, []).append(qb)
            for q in en_quanta:
                if q > qb:
                    r = round_to(b, q)
                    if r is None:
                        self.odd.append(j)
                        break
                    self.rounded.setdefault((z.unit, q, r, neg), []).append(j)
        self.zh_quanta = {u: sorted(set(qs)) for u, qs in self.zh_quanta.items()}
        self.units = sorted({z.unit for z in zh})

    def _first_free(self, js: list[int] | None, used: list[bool]) -> int | None:
        if not js:
            return None
        k = self.heads.get(id(js), 0)
        while k < len(js) and used[js[k]]:
            k += 1
        self.heads[id(js)] = k
        return js[k] if k < len(js) else None

    def first_match(self, e: FigureSide, used: list[bool]) -> int | None:
        """The first unused Chinese figure matching ``e`` (unit and value), if any."""
        best: int | None = None

        def consider(j: int | None) -> None:
            nonlocal best
            if j is not None and (best is None or j < best):
                best = j

        units = [u for u in self.units if _units_ok(e.unit, u)]
        if e.value is None:
            for u in units:
                consider(self._first_free(self.exact.get(("range", u, e.low, e.high)), used))
        elif not is_computable(e.value, e.quantum):
            return self._linear(e, used)
        else:
            a, qa, neg = e.value, e.quantum, e.value < 0
            for u in units:
                consider(self._first_free(self.exact.get((u, qa, a, neg)), used))
                consider(self._first_free(self.rounded.get((u, qa, a, neg)), used))
                for q in self.zh_quanta.get(u, ()):
                    if q > qa:
                        r = round_to(a, q)
                        if r is not None:
                            consider(self._first_free(self.exact.get((u, q, r, neg)), used))
        for j in self.odd:
            if (best is None or j < best) and not used[j]:
                z = self.zh[j]
                if units_compatible(e, z) and values_match(e, z):
                    best = j
                    break
        return best

    def _linear(self, e: FigureSide, used: list[bool]) -> int | None:
        for j, z in enumerate(self.zh):
            if not used[j] and units_compatible(e, z) and values_match(e, z):
                return j
        return None


def _pair_nearest(
    en: Sequence[FigureSide],
    zh: Sequence[FigureSide],
    used: list[bool],
    partner: list[int | None],
    matched: set[int],
) -> None:
    """Each English figure left alone takes the free Chinese figure of its family nearest in
    relative position (the first one on a tie); free positions are found by bisection and
    skipped with path-compressed links, so each step costs about constant time."""
    n_en, n_zh = max(1, len(en)), max(1, len(zh))
    families: dict[str, list[int]] = {}
    for j, z in enumerate(zh):
        if not used[j]:
            families.setdefault(_family(z), []).append(j)
    places = {f: [j / n_zh for j in js] for f, js in families.items()}
    right = {f: list(range(len(js) + 1)) for f, js in families.items()}  # next free at/after
    left = {f: list(range(len(js) + 1)) for f, js in families.items()}  # prev free at/before +1

    def find(links: list[int], k: int) -> int:
        root = k
        while links[root] != root:
            root = links[root]
        while links[k] != root:
            links[k], k = root, links[k]
        return root

    for i, e in enumerate(en):
        if i in matched:
            continue
        fam = _family(e)
        js = families.get(fam)
        if not js:
            continue
        t = i / n_en
        k = bisect_right(places[fam], t)
        r = find(right[fam], k)  # == len(js): none free on the right
        lk = find(left[fam], k)  # shifted by one: 0 means none free on the left
        best: int | None = None
        if lk > 0:
            best = lk - 1
        if r < len(js) and (best is None or abs(t - js[r] / n_zh) < abs(t - js[best] / n_zh)):
            best = r
        if best is None:
            continue
        j = js[best]
        used[j] = True
        partner[i] = j
        right[fam][best] = best + 1
        left[fam][best + 1] = best


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
