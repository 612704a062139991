"""Search in both languages: the engine behind the find bar, ``--find`` and exports.

Matching runs on *folded* copies of the paragraph texts (:mod:`.folding`, the one fold every
search uses); display and export keep the originals, and hits are code-point offsets into the
original paragraph text. Modules: :mod:`.folding` (``fold``, ``fold_mapped``,
``fold_pattern``), :mod:`.folder` (the tables behind it), :mod:`.index` (:class:`SearchIndex`),
:mod:`.options` (:class:`SearchOptions`, :class:`Hit`, errors), :mod:`.query` (a compiled
query and its time budget), :mod:`.matching` (``find``, ``count``, ``rank``, ``find_next``,
``hit_context``), :mod:`.hitlist` (a found list stepped and numbered as ``find_next`` and
``rank`` would).
"""

from viewer.core.errors import SearchCancelled
from viewer.core.search.folding import FoldMap, fold, fold_mapped, fold_pattern
from viewer.core.search.index import SearchIndex
from viewer.core.search.matching import (
    HitContext,
    check,
    count,
    find,
    find_next,
    hit_context,
    rank,
)
from viewer.core.search.options import (
    LANGS,
    Hit,
    Lang,
    Scope,
    SearchError,
    SearchOptions,
    SearchTimeout,
)
from viewer.core.search.query import DEFAULT_BUDGET

__all__ = [
    "DEFAULT_BUDGET",
    "LANGS",
    "FoldMap",
    "Hit",
    "HitContext",
    "Lang",
    "Scope",
    "SearchCancelled",
    "SearchError",
    "SearchIndex",
    "SearchOptions",
    "SearchTimeout",
    "check",
    "count",
    "find",
    "find_next",
    "fold",
    "fold_mapped",
    "fold_pattern",
    "hit_context",
    "rank",
]
