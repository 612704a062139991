"""Cheap signatures the layout scorers test before any real work.

Every reader scores every text during detection, so a scorer's fixed cost is paid ten times a
file. These tests look for what a layout cannot do without (here: a JSON document's first
bracket; ``script.has_han`` for any Han character), without copying the text.
"""

from __future__ import annotations

from viewer.core.lazy_re import lazy_compile

_JSON_START_RE = lazy_compile(r"\s*[\[{]")


def starts_json(text: str) -> bool:
    """Whether the first non-blank character opens a JSON object or array (the same as
    ``text.lstrip()[:1] in ("{", "[")``, without copying the text)."""
    return _JSON_START_RE.match(text) is not None


class LineStarts:
    """Counts the lines of a text that start with ``head`` (a pattern that stays within its
    line). ``(?m)^head`` is tried by the engine at every position of the text; the same lines
    found after their newline are tried only where there is one (a line cannot start inside
    another's match, so each counts once either way)."""

    def __init__(self, head: str) -> None:
        self._first = lazy_compile(rf"(?m)^{head}")
        self._after_newline = lazy_compile(rf"(?m)\n(?={head})")

    def count(self, text: str) -> int:
        """How many lines of ``text`` start with the head (``len(findall)`` of ``^head``)."""
        return (self._first.match(text) is not None) + len(self._after_newline.findall(text))
