"""Motley Fool speaker labels: ``Name--Title`` (old layout), ``Name: text`` (new layout).

A label must read as a name: sentences that happen to start ``Xxx Yyy:`` are not labels.
"""

from __future__ import annotations

from viewer.core.formats.personnames import clean_name, is_operator, is_placeholder
from viewer.core.lazy_re import lazy_compile

_NAME_TOKEN = r"(?:[A-Z][\w'’.\-]*|(?:de|da|di|del|der|van|von|la|le|bin|al|du|dos|das))"
_LABEL_NAME = rf"[A-Z][\w'’.\-]*(?:[ \t]+{_NAME_TOKEN}){{0,4}}"
# "Jane Roe--Chief Financial Officer", "Sam Poe--Big Bank -- Analyst".
_OLD_LABEL_RE = lazy_compile(rf"^(?P<name>{_LABEL_NAME})--(?P<title>\S.{{0,200}})$")
# "Jane Roe:Good afternoon", "Operator: Thank you".
_NEW_LABEL_RE = lazy_compile(rf"^(?P<name>{_LABEL_NAME}):[ \t]?(?P<text>.*)$")
# Words that make a "Xxx Yyy:" line a sentence, not a speaker label.
_NOT_NAMES = frozenset(
    [
        "the",
        "a",
        "an",
        "and",
        "or",
        "of",
        "to",
        "in",
        "on",
        "for",
        "with",
        "at",
        "by",
        "from",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "our",
        "we",
        "i",
        "you",
        "it",
        "this",
        "that",
        "these",
        "those",
        "there",
        "here",
        "note",
        "notes",
        "first",
        "second",
        "third",
        "fourth",
        "next",
        "one",
        "two",
        "three",
        "key",
        "total",
        "revenue",
        "revenues",
        "question",
        "questions",
        "answer",
        "answers",
        "thanks",
        "thank",
        "yes",
        "no",
        "okay",
        "so",
        "well",
        "good",
        "great",
        "now",
        "then",
        "also",
        "but",
        "if",
        "when",
        "what",
        "why",
        "how",
        "which",
        "who",
        "please",
        "today",
        "quarter",
        "year",
        "guidance",
        "outlook",
        "update",
        "summary",
        "takeaways",
        "risks",
        "growth",
        "margin",
        "net",
        "income",
    ]
)


def _label_ok(name: str, singles: frozenset[str] = frozenset()) -> bool:
    """A plausible speaker label; a one-word label ("Krista") only when it recurs."""
    if is_operator(name) or is_placeholder(name):
        return True
    words = name.split()
    if len(name) > 50 or not words:
        return False
    if len(words) == 1 and name not in singles:
        return False
    # Initials ("Ruth A. Adeyemi") are not the article "a".
    return not any(w.casefold().strip(".") in _NOT_NAMES for w in words if len(w.strip(".")) > 1)


_SINGLE_LABEL_RE = lazy_compile(r"^([A-Z][a-z]{1,20}):\S")
_FULL_LABEL_RE = lazy_compile(r"^[A-Z][\w.'-]{0,20}(?: [A-Z][\w.'-]{0,20}){1,3}:\S")


def _recurring_single_labels(lines: list[str]) -> frozenset[str]:
    """One-word labels used at least twice ("Krista:"): the operator by first name; used
    once, when the file's full-name labels are written the same way ("Maya Chen:Thank you"),
    so that a call cut short after the operator's first turn still has the operator."""
    counts: dict[str, int] = {}
    full = 0
    for s in lines:
        m = _SINGLE_LABEL_RE.match(s)
        if m:
            counts[m.group(1)] = counts.get(m.group(1), 0) + 1
        elif full < 2 and _FULL_LABEL_RE.match(s):
            full += 1
    least = 1 if full >= 2 else 2
    return frozenset(k for k, v in counts.items() if v >= least and k.casefold() not in _NOT_NAMES)


def _label_at(s: str, singles: frozenset[str] = frozenset()) -> tuple[str, str | None, str] | None:
    """``(name, title, text after the label)`` when line ``s`` opens a turn."""
    if s == "Operator" or s == "Operator:":
        return "Operator", None, ""
    head = s[:72]
    if "--" not in head and ":" not in head:
        return None  # most lines: no label can start them
    m = _OLD_LABEL_RE.match(s)
    if m and _label_ok(m.group("name")):
        return clean_name(m.group("name")), m.group("title").strip(), ""
    if "--" in s[:60] and not m:
        # "Unknown speaker--Morgan Stanley -- Analyst"
        name, _, title = s.partition("--")
        if is_placeholder(name.strip()):
            return name.strip(), title.strip(), ""
    m2 = _NEW_LABEL_RE.match(s)
    if m2 and _label_ok(m2.group("name"), singles):
        return clean_name(m2.group("name")), None, m2.group("text").strip()
    if ":" in s[:40]:
        name, _, rest = s.partition(":")
        if is_placeholder(name.strip()):
            return name.strip(), None, rest.strip()
    return None
