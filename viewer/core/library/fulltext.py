"""Search every call of the library at once, finding exactly what the find bar finds.

The full-text indexes only *narrow* the search: they hold the folded texts (the fold of
:mod:`viewer.core.search`), so a paragraph holding a hit always holds the query's trigrams
(queries of three folded characters or more, FTS5 ``trigram`` tokenizer) or its characters
(one or two: one token per distinct character). The paragraphs they return, and only
those, are then searched by :func:`viewer.core.search.find` itself; hits are therefore
identical to a single-call search, offsets included. Regular expressions are narrowed by
the literal text every match must hold (:mod:`.regex_narrow`), first through the indexes,
then paragraph by paragraph on the stored folds; the expression itself then runs on the
paragraphs left, with the single-call search's time budget.
"""

from __future__ import annotations

import json
import threading
from array import array
from collections import OrderedDict
from dataclasses import dataclass
from typing import NamedTuple, cast

from viewer.core.library.models import CancelCheck, LibraryCancelled
from viewer.core.library.regex_narrow import paragraphs_holding, required_literals
from viewer.core.library.results import Folded, LibraryResults, scan_plain
from viewer.core.library.scan import char_tokens
from viewer.core.library.store import Library
from viewer.core.models import Transcript
from viewer.core.search import (
    LANGS,
    Lang,
    SearchCancelled,
    SearchIndex,
    SearchOptions,
    check,
    find,
    fold,
)
from viewer.core.search.query import Plan

# What joins the paragraphs of a stored fold (the single-call search's separator).
_SEP = "\n"

# Enough trigrams to narrow a long query well; more only cost FTS5 time.
_MAX_TERMS = 16


@dataclass(frozen=True, slots=True)
class SearchFilters:
    """Which calls and paragraphs a library search looks at (empty: no restriction).

    ``companies``: tickers or company names (case-insensitive); ``period_from`` /
    ``period_to``: ``(fiscal year, quarter)``, inclusive; ``speakers``: parts of speaker
    names or aliases, ``firms``: parts of their firms' names, both compared through the
    search's fold (NFKC, case in any script, Traditional/Simplified, zero-width: ``王小明``
    finds ``王曉明``, ``ＡＢＣ`` finds ``abc``); ``roles``: ``operator`` / ``company`` /
    ``analyst``; ``section``: ``prepared`` or ``qa``; ``scripts``: the calls' translation
    script (``Hant`` / ``Hans``); ``calls``: call ids; ``folders``: library folders (absolute
    paths, as :meth:`Library.folders` gives them). The language searched is the search
    options' ``scope``.
    """

    companies: tuple[str, ...] = ()
    period_from: tuple[int, int] | None = None
    period_to: tuple[int, int] | None = None
    speakers: tuple[str, ...] = ()
    firms: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    section: str | None = None
    scripts: tuple[str, ...] = ()
    calls: tuple[int, ...] = ()
    folders: tuple[str, ...] = ()


class _Para(NamedTuple):
    en: str
    zh: str | None


class _Texts(NamedTuple):
    """What :class:`SearchIndex` reads of a transcript: its paragraphs' two texts."""

    paragraphs: tuple[_Para, ...]


def match_expression(options: SearchOptions) -> tuple[str, str] | None:
    """``(fts table, MATCH expression)`` that every paragraph holding a hit of ``options``
    matches, or None when the query cannot narrow the search (a query of spaces only, a
    regular expression without a literal every match must hold, such as ``\\d+%?``)."""
    if options.regex:
        return _match_any(required_literals(options))
    return _match_any((fold(options.query),))  # the index holds case-insensitive folds


def _match_any(parts: tuple[str, ...]) -> tuple[str, str] | None:
    """The MATCH expression of texts holding every string of ``parts`` (folded)."""
    # NUL ends an FTS5 query string early: trigrams holding one are left out (fewer terms
    # narrow less, never wrongly); a query of nothing else uses the character index.
    grams = list(dict.fromkeys(f[i : i + 3] for f in parts for i in range(len(f) - 2)))
    grams = [g for g in grams if "\x00" not in g]
    if grams:
        if len(grams) > _MAX_TERMS:
            step = (len(grams) - 1) / (_MAX_TERMS - 1)
            grams = [grams[round(k * step)] for k in range(_MAX_TERMS)]
        return "fts_tri", " AND ".join('"' + g.replace('"', '""') + '"' for g in grams)
    tokens = char_tokens("".join(parts))
    if not tokens:
        return None
    return "fts_chr", " AND ".join(tokens)


def _call_where(filters: SearchFilters) -> tuple[list[str], list[object]]:
    """SQL conditions on the calls (alias ``c``) for ``filters``."""
    sql = ["c.error IS NULL"]
    args: list[object] = []

    def among(column: str, values: tuple[str, ...] | tuple[int, ...]) -> None:
        sql.append(f"{column} IN ({', '.join('?' * len(values))})")
        args.extend(values)

    if filters.companies:
        keys = tuple(k.casefold() for k in filters.companies)
        marks = ", ".join("?" * len(keys))
        sql.append(f"(lower(c.ticker) IN ({marks}) OR lower(c.company) IN ({marks}))")
        args.extend(keys + keys)
    if filters.period_from is not None:
        y, q = filters.period_from
        sql.append("(c.fiscal_year * 4 + coalesce(c.quarter, 4) - 1) >= ?")
        args.append(y * 4 + q - 1)
    if filters.period_to is not None:
        y, q = filters.period_to
        sql.append("(c.fiscal_year * 4 + coalesce(c.quarter, 4) - 1) <= ?")
        args.append(y * 4 + q - 1)
    if filters.scripts:
        among("c.script", filters.scripts)
    if filters.calls:
        among("c.id", filters.calls)
    if filters.folders:
        marks = ", ".join("?" * len(filters.folders))
        sql.append(f"c.folder_id IN (SELECT id FROM folders WHERE path IN ({marks}))")
        args.extend(filters.folders)
    return sql, args


def _allowed_paragraphs(
    library: Library, filters: SearchFilters, calls: set[int]
) -> dict[int, set[int]] | None:
    """Per call, the paragraphs the speaker, role and section filters let through (None:
    those filters are not set)."""
    if not (filters.speakers or filters.firms or filters.roles or filters.section is not None):
        return None
    sql = ["1"]
    args: list[object] = []
    for column, values in (("s.name_key", filters.speakers), ("s.firm_key", filters.firms)):
        keys = [k for k in (fold(v).strip() for v in values) if k]
        if values:
            # folded like the stored keys; a value of spaces only matches every speaker
            sql.append("(" + (" OR ".join(f"instr({column}, ?) > 0" for _ in keys) or "1") + ")")
            args.extend(keys)
    if filters.roles:
        sql.append(f"s.role IN ({', '.join('?' * len(filters.roles))})")
        args.extend(filters.roles)
    if filters.section is not None:
        sql.append("p.section = ?")
        args.append(filters.section)
    out: dict[int, set[int]] = {c: set() for c in calls}
    rows = library.connection.execute(
        "SELECT p.call_id, p.idx FROM paragraphs p JOIN speakers s ON s.id = p.speaker "
        "WHERE p.call_id IN (SELECT value FROM json_each(?)) AND " + " AND ".join(sql),
        [json.dumps(sorted(calls)), *args],
    )
    for cid, idx in rows:
        out[cid].add(idx)
    return out


# Stored folds by (database generation, text row id). A row never changes (a changed call
# gets a new id), so entries never go stale; the generation tells a rebuilt database apart.
# Shared by every thread's Library on the same file; bounded in characters.
_CACHE: OrderedDict[tuple[str, int], Folded] = OrderedDict()
_CACHE_CHARS = 0
_CACHE_LIMIT = 48_000_000
_CACHE_LOCK = threading.Lock()


def _folds(library: Library, rids: list[int]) -> dict[int, Folded]:
    """The stored folds of text rows ``rids``, from the cache or the database."""
    global _CACHE_CHARS
    gen = library.generation
    out: dict[int, Folded] = {}
    missing = []
    with _CACHE_LOCK:
        for rid in rids:
            hit = _CACHE.get((gen, rid))
            if hit is None:
                missing.append(rid)
            else:
                out[rid] = hit
    if not missing:
        return out
    rows = library.connection.execute(
        "SELECT id, folded, starts, shifted FROM texts "
        "WHERE id IN (SELECT value FROM json_each(?))",
        (json.dumps(missing),),
    )
    fresh = []
    for rid, text, starts_blob, shifted_blob in rows:
        starts = array("i")
        starts.frombytes(starts_blob)
        shifted = array("i")
        shifted.frombytes(shifted_blob)
        out[rid] = entry = Folded(text, starts, frozenset(shifted))
        fresh.append((rid, entry))
    wanted = {(gen, rid) for rid in rids}
    with _CACHE_LOCK:
        for key in wanted:
            if key in _CACHE:
                _CACHE.move_to_end(key)
        for rid, entry in fresh:
            key = (gen, rid)
            if key in _CACHE:
                continue
            # Make room from entries this search does not use; when the search alone is
            # larger than the cache, the rest stays uncached instead of evicting what this
            # very search will need next time (a scan would otherwise never hit).
            while _CACHE_CHARS + len(entry.text) > _CACHE_LIMIT and _CACHE:
                first = next(iter(_CACHE))
                if first in wanted:
                    break
                _CACHE_CHARS -= len(_CACHE.pop(first).text)
            if _CACHE_CHARS + len(entry.text) <= _CACHE_LIMIT:
                _CACHE[key] = entry
                _CACHE_CHARS += len(entry.text)
    return out


def search(
    library: Library,
    options: SearchOptions,
    filters: SearchFilters | None = None,
    cancel: CancelCheck | None = None,
    *,
    budget: float | None = None,
) -> LibraryResults:
    """Every hit of ``options`` (query, regex, case, whole word, scope) in the calls and
    paragraphs ``filters`` allow. ``options.paragraphs`` is ignored (use ``filters``).

    Raises :class:`viewer.core.search.SearchError` for an invalid regular expression,
    :class:`viewer.core.search.SearchTimeout` when a regular expression runs past ``budget``
    seconds in all (as :func:`viewer.core.search.find`: ``None`` is its default budget) and
    :class:`LibraryCancelled` when ``cancel()`` returns true.
    """
    options = options.model_copy(update={"paragraphs": None})
    check(options)
    filters = filters or SearchFilters()
    con = library.connection
    where, args = _call_where(filters)
    langs = ", ".join(str(LANGS.index(lang)) for lang in options.langs)
    narrow = match_expression(options)
    if narrow is not None:
        table, expr = narrow
        cands = con.execute(
            f"SELECT m.rowid FROM {table} m JOIN calls c ON c.id = (m.rowid >> 1) "
            f"WHERE {table} MATCH ? AND (m.rowid & 1) IN ({langs}) AND " + " AND ".join(where),
            [expr, *args],
        ).fetchall()
    else:
        cands = con.execute(
            "SELECT t.id FROM texts t JOIN calls c ON c.id = t.call_id "
            f"WHERE (t.id & 1) IN ({langs}) AND " + " AND ".join(where),
            args,
        ).fetchall()
    rids = sorted(r[0] for r in cands)
    if cancel is not None and cancel():
        raise LibraryCancelled("search cancelled")
    folds = _folds(library, rids)
    allowed = _allowed_paragraphs(library, filters, {r >> 1 for r in rids})
    literal = fold(options.query)
    # The plain case-insensitive search is done here on the stored folds; anything else
    # (case, whole word, regex, a paragraph whose fold changed lengths) by the single-call
    # search on the paragraphs that may hold a hit ("slow"), from their original texts.
    plain = not (options.regex or options.case_sensitive or options.whole_word)
    scan_literal = not options.regex and _SEP not in literal and literal != ""
    required = required_literals(options)
    # A case-insensitive regular expression runs on the stored (case-insensitive) folds.
    user = Plan(options, budget) if options.regex and not options.case_sensitive else None
    listed: dict[int, list[tuple[int, Lang, int, int]]] = {}
    scans: dict[int, list[tuple[Folded, Lang]]] = {}
    counts: dict[int, int] = {}
    slow: dict[tuple[int, int], set[Lang]] = {}
    for k, rid in enumerate(rids):
        if cancel is not None and k % 64 == 0 and cancel():
            raise LibraryCancelled("search cancelled")
        f = folds.get(rid)
        if f is None:  # removed meanwhile by another connection
            continue
        cid, lang = rid >> 1, LANGS[rid & 1]
        ok = allowed.get(cid) if allowed is not None else None
        if not scan_literal:
            for idx in paragraphs_holding(f, required, ok):
                if user is not None and idx not in f.shifted:
                    # the expression on the stored fold itself: its offsets are the text's
                    hit = listed.setdefault(cid, [])
                    n = len(hit)
                    hit.extend((idx, lang, a, b) for a, b in _spans(user, f, idx))
                    if len(hit) > n:
                        counts[cid] = counts.get(cid, 0) + len(hit) - n
                else:
                    slow.setdefault((cid, idx), set()).add(lang)
            continue
        if plain and ok is None and not f.shifted:
            # the common case: counted in C now, listed when asked for
            found = f.text.count(literal)
            if found:
                counts[cid] = counts.get(cid, 0) + found
                scans.setdefault(cid, []).append((f, lang))
            continue
        for idx, lg, start, end in scan_plain(f, lang, literal):
            if ok is not None and idx not in ok:
                continue
            if plain and idx not in f.shifted:
                listed.setdefault(cid, []).append((idx, lg, start, end))
                counts[cid] = counts.get(cid, 0) + 1
            else:
                slow.setdefault((cid, idx), set()).add(lang)
    if slow:
        for cid, idx, lang, start, end in _slow_hits(library, options, slow, cancel, budget):
            listed.setdefault(cid, []).append((idx, lang, start, end))
            counts[cid] = counts.get(cid, 0) + 1
    calls = library.calls_by_id(counts)
    ranked = sorted(calls.values(), key=lambda c: (c.key.casefold(), c.sort_key))
    return LibraryResults(options.query, tuple(ranked), counts, listed, scans, literal)


def _spans(plan: Plan, f: Folded, idx: int) -> list[tuple[int, int]]:
    """A regular expression's hits in paragraph ``idx`` of a stored fold, as offsets in the
    paragraph (exactly :func:`viewer.core.search.find`'s for one that folds in place)."""
    lo = f.starts[idx]
    hi = f.starts[idx + 1] - len(_SEP) if idx + 1 < len(f.starts) else len(f.text)
    return [(a - lo, b - lo) for a, b in plan.spans(f.text, lo, hi)]


def _slow_hits(
    library: Library,
    options: SearchOptions,
    slow: dict[tuple[int, int], set[Lang]],
    cancel: CancelCheck | None,
    budget: float | None,
) -> list[tuple[int, int, Lang, int, int]]:
    """The single-call search over the ``(call, paragraph)`` in ``slow``, each searched in
    the languages given (the others as empty text), through one compact index."""
    keys = sorted(slow)
    paragraphs = []
    for cid, idx in keys:
        wanted = slow[(cid, idx)]
        en = library.originals(cid, "en") if "en" in wanted else []
        zh = library.originals(cid, "zh") if "zh" in wanted else []
        paragraphs.append(
            _Para((en[idx] if idx < len(en) else None) or "", zh[idx] if idx < len(zh) else None)
        )
    try:
        index = SearchIndex(cast(Transcript, _Texts(tuple(paragraphs))), cancel)
        found = find(index, options, cancel, budget=budget)
    except SearchCancelled as exc:
        raise LibraryCancelled("search cancelled") from exc
    return [(keys[h.paragraph][0], keys[h.paragraph][1], h.lang, h.start, h.end) for h in found]
