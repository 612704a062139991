"""Traditional and Simplified Chinese read alike: one fold, the search's own.

The Chinese side of a call may be a Taiwan translation (``營收 1.411 億美元``) or a mainland
one (``营收 1.411 亿美元``). Rather than write every cue word twice, the figures fold both the
paragraph and every Chinese pattern to Simplified with the per-character table the search
folds with (:func:`viewer.core.search.folding.simplified_chars`, from OpenCC's dictionaries):

- one character to one character, so offsets into the folded text are offsets into the
  paragraph (OpenCC's phrase converter, or ``zhconv``, change lengths and cost ~1 us a
  character);
- Traditional -> Simplified is many-to-one (``發``/``髮`` -> ``发``), hence deterministic; the
  other way round would have to guess;
- the same table as the search: a figure's words and the words a reader searches for fold the
  same way.

Words only the mainland uses (``运营费用``, ``净利润``, ``同比``) are lexicon entries of their own.
The table is loaded on first use (about 4,000 characters), never at import: patterns written
with :func:`zh_compile` fold their own text when first used.
"""

from __future__ import annotations

import functools
import re
from typing import cast

from viewer.core.lazy_re import LazyPattern


@functools.cache
def _table() -> dict[int, str]:
    from viewer.core.search.folding import simplified_chars

    return simplified_chars()


def to_simplified(text: str) -> str:
    """``text`` with each Traditional character replaced by its Simplified one (same length)."""
    return text.translate(_table())


class _SimplifiedPattern(LazyPattern):
    """A :class:`LazyPattern` whose Chinese literals are folded to Simplified when compiled
    (the table holds only CJK characters, so regex syntax is never touched)."""

    __slots__ = ()

    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern, its text folded first (folding twice changes nothing)."""
        if self._compiled is None:
            self._pattern_text = to_simplified(self._pattern_text)
        return super().compiled()


def zh_compile(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """A Chinese pattern that matches :func:`to_simplified` text: written in either script
    (or both), compiled on first use with its characters folded like the text."""
    return cast("re.Pattern[str]", _SimplifiedPattern(pattern, flags))


def simplified_keys(table: dict[str, str]) -> dict[str, str]:
    """``table`` with its keys folded like the text (for looking up what a pattern matched)."""
    return {to_simplified(k): v for k, v in table.items()}
