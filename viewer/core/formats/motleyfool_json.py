"""Motley Fool transcripts in a scraper's JSON envelope (English only).

::

    {"ticker": "ACME", "company": "Acme", "title": "Acme (ACME) Q3 2026 Earnings Call
     Transcript", "year": 2026, "quarter": 3, "url": "...", "transcript": "<the page text>",
     "prepared_remarks": "...", "qa_section": "...", ...}

The page text is Motley Fool text (old or new layout, see ``motleyfool_text``) and is read
the same way. The envelope's ``prepared_remarks`` / ``qa_section`` split is not trusted: it
is often empty, everything, or cut mid-call; the Q&A start is found in the text itself.
When ``transcript`` is missing, the two halves are read one after the other. The page's own
lines win over the envelope's fields for the metadata. Paragraph line numbers count the lines
of the embedded text (the whole envelope is often a single line).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import viewer.core.formats.motleyfool_text as motleyfool_text
from viewer.core.errors import TranscriptError
from viewer.core.formats.builder import TranscriptBuilder
from viewer.core.formats.datehints import quarter_from_path
from viewer.core.formats.jsondoc import load_json
from viewer.core.lazy_re import lazy_compile
from viewer.core.models import Layout, Transcript

NAME = "motleyfool-json"
CancelCheck = Callable[[], bool]

_OPEN_RE = lazy_compile("[\ufeff \t\r\n]*\\{")
_KEYS_RE = lazy_compile(r'"(?:transcript|prepared_remarks|qa_section)"\s*:\s*"')
# The company ends in a non-blank, so a run of blanks is scanned once, not from each start.
_TITLE_RE = lazy_compile(r"^(?P<company>.*?\S)\s*\((?P<ticker>[A-Z][A-Z0-9.\-]{0,9})\)")
_QUARTER_RE = lazy_compile(r"\bQ(?P<q>[1-4])\s+(?P<y>(?:19|20)\d\d)\b")


def score(text: str) -> float:
    """A JSON object with the envelope's text fields (see ``viewer.core.formats``)."""
    if not _OPEN_RE.match(text):  # (not text.lstrip(): that copies the whole document)
        return 0.0
    if (
        '"transcript"' not in text
        and '"prepared_remarks"' not in text
        and '"qa_section"' not in text
    ):
        return 0.0  # none of the envelope's keys (the pattern alone tries every quote)
    keys = {m.group(0).split('"')[1] for m in _KEYS_RE.finditer(text)}
    # "qa_section" is this envelope's own name; EarningsCall JSON also has prepared_remarks.
    if "transcript" in keys and keys & {"prepared_remarks", "qa_section"}:
        return 0.95
    if {"prepared_remarks", "qa_section"} <= keys:
        return 0.85
    if "transcript" in keys and ("fool.com" in text or "motley" in text.casefold()):
        return 0.75
    return 0.0


def _str(d: dict[str, Any], key: str) -> str:
    v = d.get(key)
    return v if isinstance(v, str) else ""


def _int(d: dict[str, Any], key: str) -> int | None:
    v = d.get(key)
    if isinstance(v, bool):
        return None
    if isinstance(v, int):
        return v
    if isinstance(v, str) and v.strip().isdigit() and len(v.strip()) <= 4:
        return int(v.strip())
    return None


def parse(
    text: str,
    path: str = "<text>",
    encoding: str = "utf-8",
    newline: str = "LF",
    cancel: CancelCheck | None = None,
) -> Transcript:
    """Parse a Motley Fool JSON envelope (see the module doc)."""
    try:
        data = load_json(text)
    except (ValueError, RecursionError) as exc:
        where = getattr(exc, "lineno", None)
        raise TranscriptError(path, f"invalid JSON ({getattr(exc, 'msg', exc)})", where) from None
    if not isinstance(data, dict):
        raise TranscriptError(path, "not a Motley Fool JSON transcript (not a JSON object)")
    body = _str(data, "transcript")
    if not body.strip():
        halves = [_str(data, "prepared_remarks"), _str(data, "qa_section")]
        body = "\n\n".join(h for h in halves if h.strip())
    if not body.strip():
        raise TranscriptError(
            path, "Motley Fool JSON without text (transcript, prepared_remarks, qa_section)"
        )
    b = TranscriptBuilder(path, Layout.MOTLEYFOOL_JSON, encoding, newline, cancel, by_label=True)
    # The envelope's fields first; the page's own lines then override them.
    title = _str(data, "title").strip()
    b.hints.title = title or None
    tm = _TITLE_RE.match(title)
    b.hints.ticker = _str(data, "ticker").strip() or (tm.group("ticker") if tm else None)
    b.hints.company = _str(data, "company").strip() or (tm.group("company") if tm else None)
    q = _QUARTER_RE.search(title)
    if q:
        b.set_quarter(int(q.group("q")), int(q.group("y")))
    else:
        b.set_quarter(_int(data, "quarter"), _int(data, "year"))
    motleyfool_text.read_into(b, body)
    if b.hints.quarter is None:
        named = quarter_from_path(path)
        if named is not None:
            b.set_quarter(named[0], named[1] if b.hints.fiscal_year is None else None)
    return b.build()
