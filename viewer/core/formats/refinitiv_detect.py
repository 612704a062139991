"""Refinitiv / StreetEvents Event Brief detection: section headings and name/affiliation pairs."""

from __future__ import annotations

import itertools
import re

from viewer.core.lazy_re import lazy_compile

CORPORATE = "CORPORATE PARTICIPANTS"
CONFERENCE = "CONFERENCE CALL PARTICIPANTS"
PRESENTATION = "PRESENTATION"
QANDA = "QUESTIONS AND ANSWERS"
DISCLAIMER = "DISCLAIMER"
_HEADINGS = {CORPORATE, CONFERENCE, PRESENTATION, QANDA, DISCLAIMER}
_HEADING_RE = lazy_compile(
    r"^[ \t]*(CORPORATE PARTICIPANTS|CONFERENCE CALL PARTICIPANTS|PRESENTATION|"
    r"QUESTIONS AND ANSWERS)[ \t]*$",
    re.M,
)
# "Jane Q. Roe", "Tae-Sik Yoon", "Dominick D'Angelo", "Cai von Rumohr", "Unidentified Analyst".
_NAME_LINE_RE = lazy_compile(
    r"^[A-Z][\w'’.\-]*(?:[ \t]+(?:[A-Z][\w'’.\-]*|[a-z]{1,4}|[a-z]'[A-Z][\w'’\-]*)){0,6}$"
)
# "Company, Research Division - Title": the affiliation line under a name.
_AFFILIATION_RE = lazy_compile(r"^(?P<firm>\S.{0,150}?)\s{1,4}-\s{1,4}(?P<title>\S.{0,200})$")
# Header-like lines are short; longer lines are never matched against them (so a line of
# 100,000 blanks cannot make a pattern backtrack for seconds).
_SHORT = 400


# One heading line, tried only on the lines holding a heading's word.
_HEADING_LINE_RE = re.compile(
    r"[ \t]*(CORPORATE PARTICIPANTS|CONFERENCE CALL PARTICIPANTS|PRESENTATION|"
    r"QUESTIONS AND ANSWERS)[ \t]*"
)
_HEADING_WORDS = ("PRESENTATION", "PARTICIPANTS", "QUESTIONS AND ANSWERS")


def _headings(head: str) -> set[str]:
    """The headings standing alone on a line of ``head`` (what ``_HEADING_RE`` finds): each
    heading holds one of three words, so only the lines where a word occurs are matched
    (the multi-line pattern tried every position of the text: 0.6 ms on 60 KB)."""
    found: set[str] = set()
    for word in _HEADING_WORDS:
        at = head.find(word)
        while at >= 0:
            start = head.rfind("\n", 0, at) + 1
            end = head.find("\n", at)
            end = len(head) if end < 0 else end
            m = _HEADING_LINE_RE.fullmatch(head, start, end)
            if m:
                found.add(m.group(1))
            at = head.find(word, end)
    return found


def score(text: str) -> float:
    """How well ``text`` fits an Event Brief: its section headings and name/affiliation
    pairs (see ``viewer.core.formats``)."""
    head = text[:60000]
    found = _headings(head)
    if not found:
        return 0.0
    lines = head.split("\n")
    pairs = 0
    for a, b in itertools.pairwise(lines):
        if (
            len(a) + len(b) <= _SHORT
            and _NAME_LINE_RE.match(a.strip())
            and _AFFILIATION_RE.match(b.strip())
        ):
            pairs += 1
            if pairs >= 3:
                break
    has_parts = bool(found & {CORPORATE, CONFERENCE})
    has_body = bool(found & {PRESENTATION, QANDA})
    if has_parts and has_body and pairs >= 1:
        return 0.95
    if has_body and pairs >= 2:
        return 0.8
    if has_parts and pairs >= 2:
        return 0.7
    return 0.3 if pairs else 0.15
