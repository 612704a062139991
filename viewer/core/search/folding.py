"""Search folding: what matching compares, for the find bar, ``--find`` and the library.

The fold, applied identically to the text and to a plain query, is:

1. drop zero-width, bidi and other default-ignorable characters;
2. NFKC (``７４．１％`` -> ``74.1%``, ``ﬁ`` -> ``fi``), then casefold (unless case-sensitive)
   and NFKC again, which is Unicode's NFKC_Casefold in practice;
3. Traditional -> Simplified Chinese, character by character, from OpenCC's own dictionaries
   (``營收`` and ``营收`` both fold to ``营收``).

Public functions, the one definition every search uses:

- :func:`fold` -- the search key of a text or a plain query;
- :func:`fold_mapped` -- the same with a :class:`FoldMap` back to the original offsets;
- :func:`fold_pattern` -- a user's regular expression made to run on folded text: its literal
  characters folded like the text, its syntax never touched (``[㈠-㈩]``, ``Ⅻ{2}``, a
  zero-width space before ``+`` all keep their meaning).

OpenCC's converter works on phrases and costs about 1.3 us per character (over 2 s for the
Chinese of a 10 MB transcript), and its phrase rules change lengths; for matching a
per-character map is enough as long as both sides go through it, so we read OpenCC's
character dictionaries into a ``str.translate`` table instead.

The fold works on clusters (a character plus its combining marks) so that NFKC composes
them as it would the whole string. Each folded character remembers the original cluster it
came from; hits are reported as code-point offsets into the *original* paragraph text.
Most paragraphs fold character for character (same length), and keep no offset map at all.
"""

from __future__ import annotations

import re
import unicodedata

from viewer.core.lazy_re import lazy_compile
from viewer.core.search.folder import Folder, FoldMap, _t2s, shared_folder

__all__ = ["FoldMap", "fold", "fold_mapped", "fold_pattern", "simplified_chars"]


def fold(text: str, case_sensitive: bool = False) -> str:
    """The search key of ``text``: what matching compares (never shown to the user)."""
    return shared_folder(not case_sensitive).fold(text)


def fold_mapped(text: str, case_sensitive: bool = False) -> tuple[str, FoldMap | None]:
    """:func:`fold` of ``text`` and, when the fold changed its length somewhere, the map from
    folded offsets back to ``text``'s (``None``: offsets are the same on both sides)."""
    f = shared_folder(not case_sensitive)
    f.learn(set(text))
    if f.is_regular(text):
        return text.translate(f.table), None
    folded, shifts = f.fold_mapped(text)
    return folded, (shifts if shifts.fstart else None)


def simplified_chars() -> dict[int, str]:
    """Step 3 of the fold alone: Traditional -> Simplified, one character to one character, as
    a ``str.translate`` table (loaded on first call). The figures read Chinese through it so
    that they and the search treat the two scripts alike."""
    return _t2s()


# --- regular expressions ------------------------------------------------------------------

# Characters that are regex syntax outside a class; every other character is a literal.
_META = frozenset(".^$*+?{}[]\\|()")
_QUANTIFIER = lazy_compile(r"[*+?]|\{\d*(?:,\d*)?\}")
# A range in a class is enumerated (to fold each member) up to this many characters; a
# larger one (``[一-龥]``) is kept as written.
_RANGE_LIMIT = 4096
_CHAR_ESCAPE = lazy_compile(r"\\(?:x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|N\{[^}]*\})")


def fold_pattern(pattern: str, case_sensitive: bool = False) -> str:
    """A user's regular expression rewritten to run on :func:`fold`-ed text.

    Only literal characters change: each is folded like the text (a fold of several
    characters becomes a group, so ``Ⅻ{2}`` repeats ``xii``; an ignorable one becomes an empty
    group); classes gain the folds of their members (``[㈠-㈩]`` also matches ``(一)``).
    Escapes, groups, names, quantifiers and flags are copied as written. ASCII letters keep
    their case: the caller matches case-insensitively when ``case_sensitive`` is false.
    """
    return _PatternFolder(pattern, shared_folder(not case_sensitive)).run()


class _PatternFolder:
    def __init__(self, pattern: str, folder: Folder) -> None:
        self.p = pattern
        self.i = 0
        self.folder = folder
        self.out: list[str] = []
        self.run_: list[str] = []  # literal characters waiting to be folded together

    def fold(self, text: str) -> str:
        return self.folder.fold(text)

    def run(self) -> str:
        p, n = self.p, len(self.p)
        while self.i < n:
            c = p[self.i]
            if c == "\\":
                self.escape()
            elif c == "[":
                self.flush()
                self.char_class()
            elif c == "(" and p.startswith("(?", self.i):
                self.flush()
                self.group_header()
            elif c in _META and not (c == "{" and not _QUANTIFIER.match(p, self.i)):
                if _QUANTIFIER.match(p, self.i):
                    self.flush(quantified=True)
                    m = _QUANTIFIER.match(p, self.i)
                    assert m is not None
                    self.out.append(m.group(0))
                    self.i = m.end()
                    continue
                self.flush()
                self.out.append(c)
                self.i += 1
            elif c.isascii() and not c.isalnum():
                self.flush()
                self.out.append(c)
                self.i += 1
            else:
                self.run_.append(c)
                self.i += 1
        self.flush()
        return "".join(self.out)

    def flush(self, quantified: bool = False) -> None:
        """Write the pending literals, folded; a quantifier after them applies to the last
        one only, so that one is folded (and grouped) apart."""
        run = self.run_
        if not run:
            return
        last = run.pop() if quantified else None
        if run:
            self.out.append(re.escape(self.fold("".join(run))))
        if last is not None:
            f = self.fold(last)
            self.out.append(re.escape(f) if len(f) == 1 else f"(?:{re.escape(f)})")
        run.clear()

    def escape(self) -> None:
        p, i = self.p, self.i
        m = _CHAR_ESCAPE.match(p, i)
        if m is not None:
            char = _escaped_char(m.group(0))
            if char is not None:
                self.run_.append(char)
                self.i = m.end()
                return
        self.flush()
        if i + 1 >= len(p):
            self.out.append("\\")
            self.i += 1
            return
        nxt = p[i + 1]
        if not nxt.isascii():
            self.run_.append(nxt)  # an escaped non-ASCII character is that literal
            self.i += 2
            return
        end = i + 2
        if nxt in "pP" and p.startswith("{", end):  # \p{Han}
            close = p.find("}", end)
            end = close + 1 if close >= 0 else len(p)
        elif nxt == "g" and p.startswith("<", end):  # \g<name>
            close = p.find(">", end)
            end = close + 1 if close >= 0 else len(p)
        self.out.append(p[i:end])
        self.i = end

    def group_header(self) -> None:
        """Copy ``(?...`` as written: names, conditions, comments and flags are syntax."""
        p, i = self.p, self.i
        j = i + 2
        if p.startswith("#", j) or p.startswith(("P=", "("), j):  # comment, (?P=name), (?(1)
            close = p.find(")", j)
        elif p.startswith("P<", j) or (p.startswith("<", j) and not p.startswith(("<=", "<!"), j)):
            close = p.find(">", j)
        else:  # (?:  (?=  (?!  (?<=  (?<!  (?>  (?i)  (?i-s:
            while j < len(p) and ((p[j].isascii() and p[j].isalpha()) or p[j] == "-"):
                j += 1
            if p.startswith(("<=", "<!"), j):
                j += 1
            close = j if j < len(p) else len(p) - 1
        end = len(p) if close < 0 else close + 1
        self.out.append(p[i:end])
        self.i = end

    def char_class(self) -> None:
        p, i = self.p, self.i + 1
        negated = p.startswith("^", i)
        if negated:
            i += 1
        raw: list[str] = []  # members copied as written
        extra: set[str] = set()  # single-character folds of literal members
        alts: set[str] = set()  # longer (or empty) folds: alternatives beside the class
        first = True
        while i < len(p) and (p[i] != "]" or first):
            first = False
            if p.startswith("[:", i) and (close := p.find(":]", i + 2)) >= 0:
                raw.append(p[i : close + 2])  # [:alpha:]
                i = close + 2
                continue
            lo, i, lo_raw = self._class_atom(i)
            if lo is not None and p.startswith("-", i) and i + 1 < len(p) and p[i + 1] != "]":
                hi, j, hi_raw = self._class_atom(i + 1)
                if hi is not None:
                    raw.append(f"{lo_raw}-{hi_raw}")
                    if ord(hi) - ord(lo) < _RANGE_LIMIT:
                        for o in range(ord(lo), ord(hi) + 1):
                            self._member(chr(o), extra, alts)
                    i = j
                    continue
            raw.append(lo_raw)
            if lo is not None:
                self._member(lo, extra, alts)
        self.i = i + 1
        members = "".join(raw) + "".join(re.escape(c) for c in sorted(extra))
        cls = f"[{'^' if negated else ''}{members}]"
        if negated or not alts:
            self.out.append(cls)
            return
        options = [cls] + [re.escape(a) for a in sorted(alts, key=lambda a: (-len(a), a))]
        self.out.append("(?:" + "|".join(options) + ")")

    def _class_atom(self, i: int) -> tuple[str | None, int, str]:
        """One member at ``i``: (the literal character or None for \\d..., end, as written)."""
        p = self.p
        if p[i] != "\\":
            return p[i], i + 1, re.escape(p[i]) if not p[i].isascii() else p[i]
        m = _CHAR_ESCAPE.match(p, i)
        if m is not None:
            return _escaped_char(m.group(0)), m.end(), m.group(0)
        if i + 1 >= len(p):
            return None, i + 1, "\\"
        nxt = p[i + 1]
        if nxt in "pP" and p.startswith("{", i + 2):
            close = p.find("}", i + 2)
            end = close + 1 if close >= 0 else len(p)
            return None, end, p[i:end]
        if nxt.isascii() and nxt.isalnum():
            return None, i + 2, p[i : i + 2]  # \d, \w, \s...
        return nxt, i + 2, p[i : i + 2]

    def _member(self, c: str, extra: set[str], alts: set[str]) -> None:
        if c.isascii():
            return  # ASCII folds to itself (its case is the flag's business)
        f = self.fold(c)
        if len(f) == 1:
            if f != c:
                extra.add(f)
        else:
            alts.add(f)


def _escaped_char(escape: str) -> str | None:
    """The character ``\\xhh``, ``\\uhhhh``, ``\\Uhhhhhhhh`` or ``\\N{NAME}`` stands for."""
    try:
        if escape[1] == "N":
            return unicodedata.lookup(escape[3:-1])
        return chr(int(escape[2:], 16))
    except (KeyError, ValueError, OverflowError):
        return None
