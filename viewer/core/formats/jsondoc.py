"""JSON documents of the JSON layouts, parsed by pydantic-core's parser (jiter, in Rust).

``json.loads`` builds each value in Python: an EarningsCall file with word times (8,000 words,
each with its start time) took 2.5 ms to load, as long as the rest of its reading together
twice over the read-and-split floor; pydantic-core, already a dependency, parses it in half
the time (English and numbers; Chinese text stays with ``json``, faster there). It returns the same values for every document both accept (the same floats, big
ints, ``NaN`` / ``Infinity``, the last of duplicate keys); for anything it refuses (a lone
surrogate escape, nesting deeper than its limit, ...) ``json.loads`` decides, so that what is
accepted and every error message stay exactly ``json``'s.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic_core import from_json

from viewer.core.formats.script import HAN_RE


def load_json(text: str) -> Any:
    """``json.loads(text)``, faster; raises what ``json.loads`` raises (``ValueError``,
    ``RecursionError``) for a text it refuses."""
    if not text.isascii() and HAN_RE.search(text, 0, 1000) is not None:
        # Chinese strings (the pairs layout): json's scanner decodes them faster (jiter took
        # 1.3x its time on a 130 KB bilingual file).
        return json.loads(text)
    try:
        # (Only the keys cached: the values are mostly distinct words and numbers.)
        return from_json(text, cache_strings="keys")
    except Exception:  # whatever jiter refuses, json.loads accepts or explains its own way
        return json.loads(text)
