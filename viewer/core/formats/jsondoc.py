"""JSON documents of the JSON layouts, parsed by pydantic-core's parser (jiter, in Rust).

``json.loads`` builds each value in Python: an EarningsCall file with word times (8,000 words,
each with its start time) took 2.5 ms to load, as long as the rest of its reading together
twice over the read-and-split floor; pydantic-core, already a dependency, parses it in half
the time. It returns the same values for every document both accept (the same floats, big
ints, ``NaN`` / ``Infinity``, the last of duplicate keys); for anything it refuses (a lone
surrogate escape, nesting deeper than its limit, ...) ``json.loads`` decides, so that what is
accepted and every error message stay exactly ``json``'s.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic_core import from_json


def load_json(text: str) -> Any:
    """``json.loads(text)``, faster; raises what ``json.loads`` raises (``ValueError``,
    ``RecursionError``) for a text it refuses."""
    try:
        return from_json(text)
    except Exception:  # whatever jiter refuses, json.loads accepts or explains its own way
        return json.loads(text)
