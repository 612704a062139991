"""A query compiled once per call: a folded literal, a whole-word regex for it, or a user's
regular expression folded by :func:`~viewer.core.search.folding.fold_pattern`.

User regular expressions run on the ``regex`` module rather than ``re``: it can stop a match
after a time budget (``timeout=``) and releases the GIL while it matches (``concurrent=True``),
so a runaway expression such as ``(a|aa)+b`` neither hangs a worker nor freezes the GUI thread
waiting for the GIL. It raises :class:`~viewer.core.search.options.SearchTimeout` instead.
"""

from __future__ import annotations

import math
import re
import time
import warnings
from collections.abc import Iterator
from typing import TYPE_CHECKING

from viewer.core.lazy_re import lazy_compile
from viewer.core.search.folding import fold, fold_pattern
from viewer.core.search.index import SEP
from viewer.core.search.options import SearchError, SearchOptions, SearchTimeout

if TYPE_CHECKING:
    import regex

#: Seconds a call of find/count/rank/find_next may spend in a regular expression when it
#: passes no ``budget`` (``--find``, exports). The GUI passes its own: small on the GUI
#: thread, larger in workers.
DEFAULT_BUDGET = 5.0

# The regex module checks its ``timeout`` coarsely: `(a|aa)+$` on 36 "a" then 36 "x" stopped
# after 6 to 9 times the timeout it was given (0.01 s -> 0.10 s, 0.1 -> 0.91, 1.0 -> 6.1). Each
# match call gets this fraction of what is left, so a runaway expression ends near the budget.
_OVERRUN = 10.0

# Letters and digits of Latin script (after folding): the only characters that make a
# whole-word boundary. Han, kana and punctuation never do.
_LATIN_WORD_CLASS = (
    "0-9A-Za-z\u00aa\u00b5\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02af"
    "\u1d00-\u1dbf\u1e00-\u1eff\u2c60-\u2c7f\ua720-\ua7ff\uab30-\uab6f\\d"
)
_LATIN_WORD = lazy_compile(f"[{_LATIN_WORD_CLASS}]")


def compile_regex(pattern: str, case_sensitive: bool) -> regex.Pattern[str]:
    """Compile a user regex to run on folded text (see :func:`fold_pattern`).

    Raises :class:`SearchError` naming the problem at the user's own position.
    """
    import regex  # here, not at start-up: only regular expressions need it

    flags = regex.V0 | (0 if case_sensitive else regex.IGNORECASE)
    try:
        # The syntax users are told about is Python's: re checks it (regex accepts more,
        # such as a group name used twice), regex runs it.
        with warnings.catch_warnings():
            # "Possible nested set" and friends: the pattern means today what it says
            warnings.simplefilter("ignore", FutureWarning)
            re.compile(pattern, 0 if case_sensitive else re.IGNORECASE)
        compiled = regex.compile(pattern, flags)
    except (re.error, regex.error, OverflowError, RecursionError, ValueError) as exc:
        reason = _regex_reason(exc)
        raise SearchError(
            f"invalid regular expression: {reason}",
            code="invalid_regex",
            values={"detail": reason},
        ) from None
    try:
        return regex.compile(fold_pattern(pattern, case_sensitive), flags)
    except (regex.error, OverflowError, RecursionError, ValueError):
        # A construct the folding does not know: the pattern as written still runs
        # (it then matches folded text literally).
        return compiled


def _regex_reason(exc: Exception) -> str:
    import regex

    if isinstance(exc, (re.error, regex.error)):
        # regex.error has the same msg and pos as re.error; its stubs omit them
        pos = getattr(exc, "pos", None)
        where = f" at position {pos}" if pos is not None else ""
        return f"{getattr(exc, 'msg', exc)}{where}"
    if isinstance(exc, RecursionError):
        return "pattern too deeply nested"
    return str(exc) or type(exc).__name__


def whole_word_ok(text: str, start: int, end: int) -> bool:
    """No Latin letter or digit right before ``start`` or right after ``end``."""
    if start > 0 and _LATIN_WORD.match(text, start - 1):
        return False
    return not (end < len(text) and _LATIN_WORD.match(text, end))


class Plan:
    """A compiled query and the time budget in seconds of the call running it (``None``:
    :data:`DEFAULT_BUDGET`, read when the call starts; ``math.inf``: unbounded)."""

    def __init__(self, options: SearchOptions, budget: float | None = None) -> None:
        self.options = options
        self.literal = ""
        self.regex: re.Pattern[str] | None = None
        self.user: regex.Pattern[str] | None = None
        self.budget = DEFAULT_BUDGET if budget is None else budget
        self.deadline = None if math.isinf(self.budget) else time.monotonic() + self.budget
        if options.regex:
            self.user = compile_regex(options.query, options.case_sensitive)
        else:
            self.literal = fold(options.query, options.case_sensitive)
            if options.whole_word and self.literal:
                # Lookarounds on Latin letters only: Han text has no word boundaries. The
                # lookbehind comes after the literal (and spans it) so that the regex engine
                # can still scan for the literal first: five times faster on 10 MB.
                q = re.escape(self.literal)
                self.regex = re.compile(
                    f"{q}(?<![{_LATIN_WORD_CLASS}]{q})(?![{_LATIN_WORD_CLASS}])"
                )

    @property
    def user_regex(self) -> bool:
        """Whether the query is the user's own regular expression."""
        return self.user is not None

    @property
    def empty(self) -> bool:
        """Whether the query can find nothing (an empty literal)."""
        return self.user is None and not self.literal

    @property
    def crosses(self) -> bool:
        """Whether a hit could span a paragraph separator in the concatenated text."""
        return self.user is not None or SEP in self.literal

    def _left(self) -> float | None:
        if self.deadline is None:
            return None
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise SearchTimeout(self.budget)
        return left / _OVERRUN

    def spans(self, text: str, lo: int, hi: int) -> Iterator[tuple[int, int]]:
        """Folded spans of the hits in ``text[lo:hi]`` (positions in ``text``)."""
        if self.user is not None:
            # A slice, so that ^, $, \A and lookbehinds see only this paragraph.
            part = text[lo:hi]
            check = self.options.whole_word
            try:
                for m in self.user.finditer(part, timeout=self._left(), concurrent=True):
                    s, e = m.span()
                    if s < e and (not check or whole_word_ok(part, s, e)):
                        yield lo + s, lo + e
            except TimeoutError:
                raise SearchTimeout(self.budget) from None
        elif self.regex is not None:
            for w in self.regex.finditer(text, lo, hi):
                yield w.span()
        else:
            q = self.literal
            n = len(q)
            i = text.find(q, lo, hi)
            while i >= 0:
                yield i, i + n
                i = text.find(q, i + n, hi)
