"""English-layout person names: label cleaning, placeholders, ``names_match``, operator introductions."""

from __future__ import annotations

import re

from viewer.core.lazy_re import lazy_compile
from viewer.core.speakers import (
    NICKNAMES,
)

OPERATOR_NAMES = frozenset({"operator", "moderator", "conference operator"})
_PLACEHOLDER_RE = lazy_compile(
    r"^(?:unidentified|unknown|unnamed)\s+"
    r"(?:analyst|participant|speaker|company representative|corporate participant|"
    r"executive|caller|attendee|representative|company speaker)$",
    re.IGNORECASE,
)
_WORD = r"[A-Z][\w'’\-]+"
_FIRM_WORDS = r"[A-Z][\w&'’.\-]*(?:\s+(?:[A-Z][\w&'’.\-]*|&|and|of|de))*"
# "Emmanuel from Wolfe Research", "Dan Levi at Barclays", "... is from George", "George,
# please ...": compiled once; the names they capture are compared to a speaker's afterwards
# (compiling a pattern per speaker made thousands of speakers take minutes).
_AT_FIRM_RE = lazy_compile(
    rf"\b(?P<n>{_WORD}(?:\s+{_WORD})?)\s+(?:from|at|with|of)\s+(?P<firm>{_FIRM_WORDS})"
)
_FROM_NAME_RE = lazy_compile(rf"\b(?:from|is)\s+(?P<n>(?:{_WORD}\s+)?{_WORD})\b")
_NAME_PLEASE_RE = lazy_compile(rf"\b(?P<n>{_WORD}),\s+(?:please|your line|go ahead)")


def introduces(text: str, name: str) -> bool:
    """Whether ``text`` hands the line to ``name``: "the first analyst is Emmanuel from Wolfe
    Research", "Dan Levi at Barclays", "George, please feel free to unmute"."""
    toks = [t for t in name.split() if len(t) > 1 and t[0].isupper()]
    if not toks:
        return False
    wanted = {toks[0], toks[-1]}
    for rx in (_AT_FIRM_RE, _FROM_NAME_RE, _NAME_PLEASE_RE):
        for m in rx.finditer(text):
            if wanted & set(m.group("n").split()):
                return True
    return False


def first_name_intro(text: str, name: str) -> str | None:
    """The firm in "the first analyst is Emmanuel from Wolfe Research" (first name only)."""
    toks = name.split()
    if len(toks) < 2:
        return None
    for m in _AT_FIRM_RE.finditer(text):
        said = m.group("n").split()
        # The capture may start a word early ("is Emmanuel"): compare its tail.
        if said[-1] == toks[0] or said[-2:] == [toks[0], toks[-1]]:
            words = m.group("firm").rstrip(".").split()
            while words and words[-1] in ("and", "of", "&", "de"):
                words.pop()
            return " ".join(words) or None
    return None


def clean_name(name: str) -> str:
    """A speaker label without stray blanks, trailing dots or commas, or brackets."""
    s = " ".join(name.replace("\u00a0", " ").split()).strip(" .,;:")
    if s.startswith("[") and s.endswith("]"):
        # "[0JNPYG-E Michael Spencer]": a scraper's id glued before the name.
        inner = s[1:-1].split()
        while inner and any(c.isdigit() for c in inner[0]):
            inner.pop(0)
        s = " ".join(inner)
    return s.strip(" .,;:")


def is_operator(name: str) -> bool:
    return name.casefold() in OPERATOR_NAMES


def is_placeholder(name: str) -> bool:
    """``Unidentified Analyst``, ``Unknown speaker`` and the like."""
    return bool(_PLACEHOLDER_RE.match(name.strip()))


def _first_names_match(a: str, b: str) -> bool:
    a, b = a.casefold().rstrip("."), b.casefold().rstrip(".")
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:  # an initial
        return a[:1] == b[:1]
    if b in NICKNAMES.get(a, ()) or a in NICKNAMES.get(b, ()):
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return len(short) >= 3 and long_.startswith(short)


def names_match(a: str, b: str) -> bool:
    """Whether two spellings name the same person: ``Amy E. Hood`` / ``Amy Hood``,
    ``Mike Gordon`` / ``Michael Gordon``, ``Matt Reintjes`` / ``Matthew J. Reintjes``.

    The last names must agree and the first names be equal, a nickname, a 3+ letter prefix or
    an initial of each other; middle names and initials may be dropped. ``Li Ping Zhao`` and
    ``Timothy Zhao`` are two people.
    """
    ta = [t for t in a.replace(",", " ").split() if t]
    tb = [t for t in b.replace(",", " ").split() if t]
    if not ta or not tb:
        return False
    if [t.casefold() for t in ta] == [t.casefold() for t in tb]:
        return True
    if len(ta) < 2 or len(tb) < 2:
        return False
    if ta[-1].casefold().strip(".") != tb[-1].casefold().strip("."):
        return False
    return _first_names_match(ta[0], tb[0])
