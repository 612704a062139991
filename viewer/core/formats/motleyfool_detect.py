"""Motley Fool text detection: section markers and speaker labels, not a bilingual copy."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from viewer.core.formats.motleyfool_labels import _NEW_LABEL_RE, _OLD_LABEL_RE, _label_ok
from viewer.core.formats.script import han_bound, has_han
from viewer.core.lazy_re import lazy_compile

_PREPARED_RE = lazy_compile(r"^(?:Prepared Remarks|PREPARED REMARKS):\s*$")
_QA_RE = lazy_compile(r"^(?:Questions (?:&|and) Answers|QUESTIONS (?:&|AND) ANSWERS):\s*$")
_FULL_RE = lazy_compile(r"^Full Conference Call Transcript\s*$", re.IGNORECASE)
# What the three markers cannot do without (the cheap test before any line is read).
_MARK_WORDS = (
    "Prepared Remarks:",
    "PREPARED REMARKS:",
    "Questions & Answers:",
    "Questions and Answers:",
    "QUESTIONS & ANSWERS:",
    "QUESTIONS AND ANSWERS:",
)
_FULL_WORDS = "full conference call transcript"


def _has_full_words(head: str) -> bool:
    """``_FULL_WORDS in head.lower()``, without lowering the text as a string (0.5 ms for a
    Chinese head): only ASCII letters lower to the phrase's letters (``İ`` and the Kelvin sign
    lower to ASCII too, but to an ``i`` before a combining dot and to a ``k``, which the phrase
    cannot use), so lowering the ASCII bytes of the UTF-8 text finds the same."""
    if head.isascii():
        return _FULL_WORDS in head.lower()  # (ASCII lowers fast)
    return _FULL_BYTES in head.encode("utf-8", "surrogatepass").lower()


_FULL_BYTES = _FULL_WORDS.encode("ascii")


def score(text: str) -> float:
    """How well ``text`` fits a Motley Fool text transcript (see ``viewer.core.formats``)."""
    head = text[:40000]
    fool = "Motley Fool" in head or "motley_fool" in head or "fool.com" in head
    if not fool and not any(m in head for m in _MARK_WORDS) and not _has_full_words(head):
        return 0.0  # no section marker and no brand: nothing below can score
    lines = [ln.strip() for ln in head.split("\n")[:1500]]
    if _foreign(lines):
        return 0.0
    # Each pattern needs its words (or its "--" / ":"): a line without them cannot match, so
    # only the lines that have them are tried.
    marks = 0
    if ("Prepared Remarks:" in head or "PREPARED REMARKS:" in head) and any(
        _PREPARED_RE.match(ln) for ln in lines
    ):
        marks += 1
    # (lower() finds what IGNORECASE does in ASCII only: "ſ" matches "s" but lowers to itself.)
    if (not head.isascii() or _has_full_words(head)) and any(_FULL_RE.match(ln) for ln in lines):
        marks += 1
    if any(m in head for m in _MARK_WORDS[2:]) and any(_QA_RE.match(ln) for ln in lines):
        marks += 1
    # Only "none", "one" and "three or more" labels tell apart below: count to three.
    old = _first_three(
        ln
        for ln in lines
        if "--" in ln and _OLD_LABEL_RE.match(ln) and _label_ok(ln.split("--")[0])
    )
    new = _first_three(
        ln
        for ln in lines
        if ":" in ln
        and (m := _NEW_LABEL_RE.match(ln))
        and _label_ok(m.group("name"))
        and m.group("text")
    )
    labels = max(old, new)
    if marks and labels >= 3:
        return 0.95 if fool else 0.85
    if marks and labels >= 1:
        return 0.7
    if fool and labels >= 3:
        return 0.6
    return 0.1 if (marks or fool) else 0.0


def _first_three(found: Iterator[str]) -> int:
    """How many ``found`` yields, up to three (the rest is not looked for)."""
    return sum(1 for _ in itertools.islice(found, 3))


_PAIR_MARK_RE = lazy_compile(r"^(?:\[\s*\d+\]\s*)?\[(?:EN|中)\]")
_HAN_RE = lazy_compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def _foreign(lines: list[str]) -> bool:
    """A bilingual layout quoting Motley Fool text: ``[EN]`` / ``[中]`` pairs, or Chinese
    lines throughout (this layout is English only; the scraper's header may name the company
    in Chinese)."""
    if sum(1 for ln in lines[:400] if _PAIR_MARK_RE.match(ln)) >= 2:
        return True
    body = lines[15:600]
    nonblank = len([ln for ln in body if ln])
    joined = "\n".join(body)
    # Chinese early on: count the lines at once. Otherwise first bound the Chinese characters
    # (in an English call: none, or too few for that many lines), which spares a search of
    # every line.
    if _HAN_RE.search(joined, 0, 2000) is None and han_bound(joined) * 10 <= nonblank:
        return False
    han = 0
    for ln in body:
        if has_han(ln):
            han += 1
            if han * 10 > nonblank:
                return True
    return False
