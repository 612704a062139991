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
