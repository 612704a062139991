"""The fold tables behind :mod:`viewer.core.search.folding`: OpenCC's Traditional -> Simplified
characters, and per-character folds learnt as characters are seen, per case mode."""

from __future__ import annotations

import bisect
import functools
import re
import threading
import unicodedata
from array import array
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from viewer.core.lazy_re import lazy_compile

# Default-ignorable characters a reader cannot see: soft hyphen, Arabic letter mark,
# Mongolian vowel separator, zero-width space/joiners, LRM/RLM, bidi embeddings and
# isolates, word joiner and invisible operators, BOM, variation selectors.
_IGNORABLE = lazy_compile(
    "[\u00ad\u034f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f"
    "\ufe00-\ufe0f\ufeff\U000e0000-\U000e0fff]"
)

# Letters and digits of Latin script (after folding): the only characters that make a


def _load_t2s() -> dict[int, str]:
    """Traditional -> Simplified per character, from the dictionaries OpenCC ships."""
    import opencc

    folder = Path(opencc.__file__).parent / "dictionary"
    table: dict[str, str] = {}
    for line in (folder / "TSCharacters.txt").read_text(encoding="utf-8").splitlines():
        key, _, values = line.partition("\t")
        if len(key) == 1 and values:
            table[key] = values.split(" ")[0]
    # Variants that only the Simplified -> Traditional dictionary knows (伕 -> 夫, 牠 -> 它).
    for line in (folder / "STCharacters.txt").read_text(encoding="utf-8").splitlines():
        key, _, values = line.partition("\t")
        for trad in values.split(" "):
            if len(key) == 1 and len(trad) == 1 and trad != key and trad not in table:
                table[trad] = key
    # Close chains (A -> B -> C) so folding is idempotent.
    for key in list(table):
        seen = {key}
        value = table[key]
        while value in table and table[value] != value and value not in seen:
            seen.add(value)
            value = table[value]
        table[key] = value
    return {ord(k): v for k, v in table.items() if k != v}


_T2S: dict[int, str] | None = None


def _t2s() -> dict[int, str]:
    global _T2S
    if _T2S is None:
        _T2S = _load_t2s()
    return _T2S


def _fold_plain(s: str, casefold: bool) -> str:
    """The fold of one cluster (or of any string whose clusters are single characters)."""
    s = unicodedata.normalize("NFKC", _IGNORABLE.sub("", s))
    if casefold:
        s = unicodedata.normalize("NFKC", s.casefold())
    return _IGNORABLE.sub("", s.translate(_t2s()))


def _joins_previous(c: str) -> bool:
    """Whether NFKC may compose ``c`` with the character before it."""
    o = ord(c)
    if o < 0x300:
        return False
    return (
        unicodedata.combining(c) != 0
        or unicodedata.category(c) in ("Mn", "Mc", "Me")
        or 0x1160 <= o <= 0x11FF  # Hangul medial vowels and final consonants
    )


class FoldMap(NamedTuple):
    """Where a paragraph's fold is not character for character: one entry per cluster that
    changed length (folded start, folded length, original start, original length), in order.
    Sparse, so a zero-width space in every paragraph costs a few integers each."""

    fstart: array[int]
    flen: array[int]
    ostart: array[int]
    olen: array[int]

    def original(self, fstart: int, fend: int) -> tuple[int, int]:
        """Folded ``[fstart, fend)`` -> the original offsets it came from."""
        return self._one(fstart, False), self._one(fend - 1, True)

    def _one(self, f: int, end: bool) -> int:
        k = bisect.bisect_right(self.fstart, f) - 1
        if k < 0:
            return f + 1 if end else f
        fs, fl, os_, ol = self.fstart[k], self.flen[k], self.ostart[k], self.olen[k]
        if f < fs + fl:  # inside a cluster that folded to several characters
            return os_ + ol if end else os_
        o = os_ + ol + (f - fs - fl)
        return o + 1 if end else o


@functools.lru_cache(maxsize=65536)
def _fold_cluster(cluster: str, casefold: bool) -> str:
    return _fold_plain(cluster, casefold)


class Folder:
    """Per-character fold tables for one case mode, filled as new characters are seen."""

    def __init__(self, casefold: bool) -> None:
        self.casefold = casefold
        # ord -> fold, for characters that fold to exactly one character on their own.
        self.table: dict[int, str] = {}
        # Characters that change length (irregular) or compose with the character before
        # them (joiners): only clusters holding one of those take the slow path.
        self.irregular: set[str] = set()
        self.joiners: set[str] = set()
        self._irregular_re: re.Pattern[str] | None = None
        self._cluster_re: re.Pattern[str] | None = None
        # The GUI searches in worker threads: two of them may learn characters at once.
        self._lock = threading.Lock()

    def learn(self, chars: Iterable[str]) -> None:
        """Add the folds of ``chars`` not seen yet (thread-safe)."""
        with self._lock:
            self._learn(chars)

    def _learn(self, chars: Iterable[str]) -> None:
        added = False
        for c in chars:
            o = ord(c)
            if o in self.table or c in self.irregular or c in self.joiners:
                continue
            f = _fold_plain(c, self.casefold)
            if _joins_previous(c):
                self.joiners.add(c)
                added = True
            elif len(f) == 1:
                self.table[o] = f
            else:
                self.irregular.add(c)
                added = True
        if added:
            joiners = "".join(re.escape(c) for c in sorted(self.joiners))
            irregular = "".join(re.escape(c) for c in sorted(self.irregular))
            both = f"[{joiners}{irregular}]"
            self._irregular_re = re.compile(both)
            # A cluster: any character followed by joiners, or one irregular character.
            parts = []
            if joiners:
                parts.append(f"(?s:.)[{joiners}]+")
            if irregular:
                parts.append(f"[{irregular}][{joiners}]*" if joiners else f"[{irregular}]")
            self._cluster_re = re.compile("|".join(parts))

    def is_regular(self, text: str) -> bool:
        """Whether every character of ``text`` (learnt already) folds to one character alone."""
        return self._irregular_re is None or self._irregular_re.search(text) is None

    def fold_mapped(self, text: str) -> tuple[str, FoldMap]:
        """Fold ``text``: runs of regular characters through the table (C speed), the
        clusters that change length one by one, recording each in the shifts."""
        assert self._cluster_re is not None
        out: list[str] = []
        shifts = FoldMap(array("l"), array("l"), array("l"), array("l"))
        table, casefold = self.table, self.casefold
        last = fpos = 0
        for m in self._cluster_re.finditer(text):
            s, e = m.span()
            if s > last:
                run = text[last:s].translate(table)
                out.append(run)
                fpos += len(run)
            f = _fold_cluster(text[s:e], casefold)
            if len(f) != e - s:
                shifts.fstart.append(fpos)
                shifts.flen.append(len(f))
                shifts.ostart.append(s)
                shifts.olen.append(e - s)
            out.append(f)
            fpos += len(f)
            last = e
        out.append(text[last:].translate(table))
        return "".join(out), shifts

    def fold(self, text: str) -> str:
        """The fold of ``text`` (a query, or a paragraph)."""
        self.learn(set(text))
        if self.is_regular(text):
            return text.translate(self.table)
        return self.fold_mapped(text)[0]


_FOLDERS: dict[bool, Folder] = {}


def shared_folder(casefold: bool) -> Folder:
    """The shared fold tables of one case mode (the index uses them directly)."""
    folder = _FOLDERS.get(casefold)
    if folder is None:
        folder = _FOLDERS.setdefault(casefold, Folder(casefold))
    return folder
