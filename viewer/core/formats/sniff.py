"""Cheap signatures the layout scorers test before any real work.

Every reader scores every text during detection, so a scorer's fixed cost is paid ten times a
file. These tests look for what a layout cannot do without (a JSON document's first bracket,
any Han character), without copying the text.
"""

from __future__ import annotations

from viewer.core.lazy_re import lazy_compile

_JSON_START_RE = lazy_compile(r"\s*[\[{]")
_HAN_RE = lazy_compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def starts_json(text: str) -> bool:
    """Whether the first non-blank character opens a JSON object or array (the same as
    ``text.lstrip()[:1] in ("{", "[")``, without copying the text)."""
    return _JSON_START_RE.match(text) is not None


def has_han(text: str) -> bool:
    """Whether ``text`` holds any Han character (CJK ideographs and compatibility ones)."""
    # An ASCII text has none: one C-level flag check instead of a scan.
    return not text.isascii() and _HAN_RE.search(text) is not None
