"""Narrowing a regular-expression search of the library: the literal text every match must
contain, read from the pattern the single-call search really runs.

The single-call search runs a user's regular expression, folded by
:func:`~viewer.core.search.fold_pattern`, on the folded paragraphs (case-insensitively unless
asked otherwise). The library's full-text indexes and stored folds hold the
*case-insensitive* fold. This module walks the parsed folded pattern (Python's own regex
parser) and keeps the runs of literal characters that every match must contain, spelled as
they appear in that case-insensitive fold; a paragraph without all of them holds no match, so
the library searches only the paragraphs that have them, with the real expression.

It only ever leaves a character out when unsure (the result is then less narrow, never
wrong):

- branches, optional or repeated parts, lookarounds and back-references end a run;
- a character counts only when its match in the text is certain to appear, unchanged, in the
  case-insensitive fold: characters without case (digits, punctuation, Han, kana) as written,
  and ASCII letters lowercased; letters with case beyond ASCII (``É``, ``Σ``) and combining
  marks end a run;
- a case-sensitive search runs on the case-sensitive fold, where a letter followed by a
  combining mark (``W`` + ring) may compose differently once lowercased (``ẘ``): a letter
  then counts only when the pattern puts another literal character right after it, and
  ``i`` not at all when the pattern turns case-insensitivity on somewhere (``İ`` folds to
  ``i`` plus a dot).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from functools import lru_cache
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

from viewer.core.library.results import Folded
from viewer.core.search import SearchOptions
from viewer.core.search.index import SEP
from viewer.core.search.query import compile_regex

_REPEATS = {sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", sre.MAX_REPEAT)}
_ATOMIC = getattr(sre, "ATOMIC_GROUP", None)


def _caseless(c: str) -> bool:
    return c.casefold() == c and c.upper() == c and c.lower() == c


class _Walk:
    """Collects the required literal runs of a parsed pattern (see the module docstring)."""

    def __init__(self, case_sensitive: bool, ignorecase_somewhere: bool) -> None:
        self.cs = case_sensitive
        self.i_unsafe = case_sensitive and ignorecase_somewhere
        self.runs: list[str] = []
        self.run: list[str] = []

    def key(self, c: str) -> str | None:
        """What ``c`` is in the case-insensitive fold, or None when that is not certain."""
        if c == "\x00" or unicodedata.category(c).startswith("M"):
            return None
        if c.isascii() and c.isalpha():
            if self.i_unsafe and c in "iI":
                return None
            return c.lower()
        return c if _caseless(c) else None

    def flush(self) -> None:
        run = self.run
        # case-sensitive: a letter ending the run may be followed by a combining mark
        if self.cs and run and run[-1].isascii() and run[-1].isalpha():
            run.pop()
        if run:
            self.runs.append("".join(run))
        self.run = []

    def walk(self, items: Any) -> None:
        for op, av in items:
            if op is sre.LITERAL:
                k = self.key(chr(av))
                if k is None:
                    self.flush()
                else:
                    self.run.append(k)
            elif op is sre.SUBPATTERN:
                self.walk(av[-1])  # a group's content is matched in place
            elif op in _REPEATS:
                self.flush()
                if av[0] >= 1:  # matched at least once: its own required runs
                    self.walk(av[2])
                    self.flush()
            elif _ATOMIC is not None and op is _ATOMIC:
                self.walk(av)
            else:  # branches, classes, anchors, lookarounds, references: not certain
                self.flush()


def _ignorecase_somewhere(tree: Any) -> bool:
    """Whether the pattern turns case-insensitivity on (globally, or in a ``(?i:...)``)."""
    if tree.state.flags & re.IGNORECASE:
        return True
    return any(op is sre.SUBPATTERN and av[1] & re.IGNORECASE for op, av in _all_items(tree))


def _all_items(items: Any) -> list[tuple[Any, Any]]:
    out: list[tuple[Any, Any]] = []
    for op, av in items:
        out.append((op, av))
        if op is sre.SUBPATTERN:
            out.extend(_all_items(av[-1]))
        elif op in _REPEATS:
            out.extend(_all_items(av[2]))
        elif op is sre.BRANCH:
            for alt in av[1]:
                out.extend(_all_items(alt))
        elif _ATOMIC is not None and op is _ATOMIC:
            out.extend(_all_items(av))
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            out.extend(_all_items(av[1]))
    return out


@lru_cache(maxsize=256)
def _required(pattern: str, case_sensitive: bool) -> tuple[str, ...]:
    compiled = compile_regex(pattern, case_sensitive)  # the pattern find() really runs
    try:
        tree = _parser.parse(compiled.pattern, 0 if case_sensitive else re.IGNORECASE)
        walker = _Walk(case_sensitive, case_sensitive and _ignorecase_somewhere(tree))
        walker.walk(tree)
        walker.flush()
    except (re.error, RecursionError, OverflowError, ValueError, TypeError, IndexError):
        return ()  # a construct Python's parser does not take: no narrowing
    return tuple(dict.fromkeys(walker.runs))


def required_literals(options: SearchOptions) -> tuple[str, ...]:
    """Strings, as in the stored case-insensitive folds, that every paragraph holding a hit
    of the regular expression ``options`` contains (empty: nothing is certain, or
    ``options`` is not a regular expression). Raises :class:`SearchError` for an invalid
    expression."""
    if not options.regex:
        return ()
    return _required(options.query, options.case_sensitive)


def paragraphs_holding(f: Folded, required: tuple[str, ...], ok: set[int] | None) -> list[int]:
    """The paragraphs of a stored fold (among ``ok``, None: all) whose fold holds every
    string of ``required``."""
    n = len(f.starts)
    if not required:
        return list(range(n)) if ok is None else sorted(i for i in ok if i < n)
    text, starts = f.text, f.starts
    first, rest = required[0], required[1:]
    found: list[int] = []
    pos = text.find(first)
    while pos >= 0:
        idx = bisect_right(starts, pos) - 1
        lo = starts[idx]
        hi = starts[idx + 1] - len(SEP) if idx + 1 < n else len(text)
        if pos + len(first) <= hi and all(text.find(r, lo, hi) >= 0 for r in rest):
            found.append(idx)
        pos = text.find(first, hi if pos + len(first) <= hi else pos + 1)
    if ok is None:
        return found
    return [i for i in found if i in ok]
