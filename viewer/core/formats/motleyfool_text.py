"""Motley Fool transcripts as text (English only), in the site's old and new layouts.

Old layout (to about 2024)::

    Acme(ACME+1.2%)Q3 2024 Earnings CallApr 25, 2024,5:30 p.m. ET
    Prepared Remarks:
    Operator                                  a speaker line alone ...
    Good afternoon ...                        ... then one paragraph per line
    Jane Roe--Chief Financial Officer         "Name--Title" (analysts: "Name--Firm -- Analyst")
    Questions & Answers:                      where the questions start
    Call participants:                        the list again, "Name--Title"

New layout::

    Wednesday, January 28, 2026 at 5:30 p.m. ET
    Call participants                         "Title — Name" (management only)
    Revenue-- $81.3 billion, up 17% ...       takeaways, risks, summary, glossary: the summary
    Full Conference Call Transcript
    Jane Roe:Good afternoon, and ...          "Name:text", the label glued to the first paragraph
    More text of the same turn.               no Q&A heading: the operator's first hand-over
                                              to a questioner starts it

Scraped copies may carry a ``=====`` block on top (``Company:``, ``Ticker:``, ``Quarter:``);
the call's own lines win where they disagree. :func:`read_into` is shared with the JSON
envelope reader.
"""

from __future__ import annotations

import re

from viewer.core.errors import TranscriptError
from viewer.core.formats.builder import TranscriptBuilder
from viewer.core.formats.datehints import find_date
from viewer.core.formats.motleyfool_detect import _FULL_RE, _PREPARED_RE, _QA_RE, score
from viewer.core.formats.motleyfool_labels import (
    _OLD_LABEL_RE,
    _label_at,
    _recurring_single_labels,
)
from viewer.core.formats.personnames import clean_name, is_operator, is_placeholder
from viewer.core.formats.rawturn import Participant, RawTurn
from viewer.core.formats.readerkit import CancelCheck
from viewer.core.lazy_re import lazy_compile
from viewer.core.models import Layout, Role, Transcript

__all__ = ["NAME", "parse", "read_into", "score"]

NAME = "motleyfool-text"

_PARTS_END_RE = lazy_compile(r"^Call participants:\s*$", re.IGNORECASE)
_PARTS_NEW_RE = lazy_compile(r"^Call participants\s*$", re.IGNORECASE)
_END_RE = lazy_compile(
    r"^(?:Duration: \d+ minutes|This article is a transcript of this conference call|"
    r"More [A-Z0-9.\-]{1,10} analysis$|All earnings call transcripts$|Stocks Mentioned$|"
    r"Read Next$)"
)
_SUMMARY_SKIP_RE = lazy_compile(
    r"^(?:Takeaways|Risks|Summary|Industry glossary|Contents:?|Date|Image source: .*|"
    r"Need a quote from a Motley Fool analyst\?.*|Prepared Remarks|Questions and Answers|"
    r"Call Participants)\s*$",
    re.IGNORECASE,
)
_NEW_ENTRY_RE = lazy_compile(r"^(?P<title>\S.{0,150}?)\s{1,4}[—–]\s{1,4}(?P<name>\S.{0,80})$")
_HEADER_FIELD_RE = lazy_compile(
    r"^(?P<key>Company|Ticker|Quarter|Source|URL|Title):\s*(?P<value>.*)$"
)
_TICKER_LINE_RE = lazy_compile(
    r"^(?:NASDAQ|NYSE|NYSEAMERICAN|NYSEMKT|OTC|AMEX|TSX):(?P<ticker>[A-Z.\-]{1,10})$"
)
_CALL_LINE_RE = lazy_compile(
    r"^(?P<company>.{1,80}?)\((?P<ticker>[A-Z.\-]{1,10})[+\-−]?[\d.]*%?\)\s*"
    r"(?:Q(?P<q>[1-4])\s+(?P<y>(?:19|20)\d\d))?"
)
_QUARTER_RE = lazy_compile(
    r"\bQ(?P<q>[1-4])\s*(?:FY\s*)?(?P<y>(?:19|20)\d\d)\b"
)  # linear: see seekingalpha


def _participant(entry: str, new_style: bool) -> Participant | None:
    if new_style:
        m = _NEW_ENTRY_RE.match(entry) if len(entry) <= 300 else None
        if not m:
            return None
        name, title = clean_name(m.group("name")), m.group("title").strip()
    else:
        m2 = _OLD_LABEL_RE.match(entry)
        if not m2:
            return None
        name, title = clean_name(m2.group("name")), m2.group("title").strip()
    if not name or is_operator(name):
        return None
    firm, title2, role = _title_parts(title)
    return Participant(name, title2, firm, role)


def _title_parts(title: str) -> tuple[str | None, str | None, Role | None]:
    """``Big Bank -- Analyst`` -> firm, title, role; ``Chief Executive Officer`` -> title."""
    parts = [p.strip() for p in title.split(" -- ")]
    if parts[-1].casefold() == "analyst":
        firm = " -- ".join(parts[:-1]) or None
        return firm, "Analyst", Role.ANALYST
    if re.search(r"\banalyst\b", title, re.IGNORECASE):
        return None, title, Role.ANALYST
    return None, title, Role.COMPANY


def read_into(b: TranscriptBuilder, text: str, line_base: int = 0) -> None:
    """Cut Motley Fool text into ``b`` (turns, participants, summary, metadata).

    ``line_base`` is added to line numbers (the JSON reader numbers the lines of its
    embedded text). Raises ``TranscriptError`` when no speaker label is found.
    """
    lines = [ln.strip() for ln in text.split("\n")]
    n = len(lines)
    header_end = _header(b, lines)
    prepared = full = parts_end = None
    for i in range(header_end, n):  # the first line of each marker, in one pass
        s = lines[i]
        if not s:
            continue
        if prepared is None and _PREPARED_RE.match(s):
            prepared = i
        if full is None and _FULL_RE.match(s):
            full = i
        if parts_end is None and _PARTS_END_RE.match(s):
            parts_end = i
        if prepared is not None and full is not None and parts_end is not None:
            break
    starts = [x for x in (prepared, full) if x is not None]
    body_start = min(starts) + 1 if starts else None
    _front(b, lines, header_end, full if full is not None else None, prepared)
    if body_start is None:
        # No heading: the body starts at the first speaker label.
        body_start = next(
            (i for i in range(header_end, n) if _label_at(lines[i]) is not None), None
        )
        if body_start is None:
            raise TranscriptError(b.path, "no Motley Fool speaker labels found")
    if parts_end is not None and parts_end > body_start:
        _old_participants(b, lines, parts_end + 1)
    singles = _recurring_single_labels(lines[body_start:])
    labels = 0
    qa_pending = False
    for i in range(body_start, n):
        s = lines[i]
        if not s:
            continue
        if i % 2000 == 0:
            b.check_cancel()
        if (parts_end is not None and i >= parts_end) or _END_RE.match(s):
            break
        if _QA_RE.match(s):
            qa_pending = True
            continue
        label = _label_at(s, singles)
        if label is not None:
            labels += 1
            name, title, first_text = label
            firm, title2, role = _title_parts(title) if title else (None, None, None)
            b.add_turn(
                RawTurn(name, line_base + i + 1, title=title2, firm=firm, role=role, qa=qa_pending)
            )
            qa_pending = False
            if first_text:
                b.add_paragraph(first_text, line_base + i + 1)
            continue
        b.add_paragraph(s, line_base + i + 1)
    if labels == 0:
        raise TranscriptError(b.path, "no Motley Fool speaker labels found")


def _without_paren_tail(value: str) -> str:
    r"""``Quillon Robotics (奎隆)`` -> ``Quillon Robotics``: string operations, not a searching
    ``\s*\([^)]*\)\s*$`` (quadratic on a run of blanks)."""
    v = value.rstrip()
    i = v.rfind("(")
    if v.endswith(")") and i >= 0 and ")" not in v[i + 1 : -1]:
        return v[:i].rstrip()
    return v


def _header(b: TranscriptBuilder, lines: list[str]) -> int:
    """The scraper's ``=====`` block; returns the first line after it."""
    if not lines or not lines[0].startswith("====="):
        return 0
    end = next((i for i in range(1, min(len(lines), 40)) if lines[i].startswith("=====")), None)
    if end is None:
        return 0
    for i in range(1, end):
        m = _HEADER_FIELD_RE.match(lines[i])
        if not m:
            continue
        key, value = m.group("key"), m.group("value").strip()
        if key == "Company" and value:
            b.hints.company = _without_paren_tail(value) or value
        elif key == "Ticker" and value:
            b.hints.ticker = value
        elif key == "Quarter":
            q = _QUARTER_RE.search(value)
            if q:
                b.set_quarter(int(q.group("q")), int(q.group("y")))
        elif key == "Title" and value:
            b.hints.title = value
    return end + 1


def _front(
    b: TranscriptBuilder, lines: list[str], start: int, body: int | None, prepared: int | None
) -> None:
    """Title line, date, new-style participant list and summary (takeaways, risks, glossary:
    only the new layout has them) before the body at ``body``."""
    stop = body if body is not None else (prepared if prepared is not None else start + 40)
    stop = min(stop, len(lines))
    in_parts = False
    exchange_line = None
    for i in range(start, stop):
        s = lines[i]
        if not s:
            continue
        tm = _TICKER_LINE_RE.match(s)
        if tm:
            b.hints.ticker = tm.group("ticker")
            exchange_line = i
            continue
        if (
            exchange_line is not None
            and i == _next_nonblank(lines, exchange_line + 1, stop)
            and len(s) <= 80
            and not s.endswith(".")
        ):
            # "NASDAQ:APOG" then the company's full name.
            b.hints.company = s
            continue
        cm = _CALL_LINE_RE.match(s)
        if cm and "Earnings Call" in s:
            b.hints.company = b.hints.company or cm.group("company").strip()
            b.hints.ticker = b.hints.ticker or cm.group("ticker")
            if cm.group("q"):
                b.set_quarter(int(cm.group("q")), int(cm.group("y")))
            b.hints.title = s  # the page's own call line wins over an envelope's title
            b.hints.call_date = b.hints.call_date or find_date(
                re.sub(r"Call(?=[A-Z][a-z]{2})", "Call ", s)
            )
            continue
        if len(s) < 80 and re.match(r"^(?:[A-Z][a-z]+day,?\s+)?[A-Z][a-z]{2,8}\.?\s+\d", s):
            date = find_date(s)
            if date:
                b.hints.call_date = b.hints.call_date or date
                continue
        if _PARTS_NEW_RE.match(s):
            in_parts = True
            continue
        if in_parts:
            if is_operator(s):
                continue
            part = _participant(s, new_style=True)
            if part is not None:
                b.participants.append(part)
                continue
            in_parts = False
        if body is not None and not _SUMMARY_SKIP_RE.match(s) and i > start:
            b.summary.append(s)


def _next_nonblank(lines: list[str], i: int, stop: int) -> int:
    while i < stop and not lines[i]:
        i += 1
    return i


def _old_participants(b: TranscriptBuilder, lines: list[str], start: int) -> None:
    for i in range(start, len(lines)):
        s = lines[i]
        if not s:
            continue
        part = _participant(s, new_style=False)
        if part is None:
            if "--" in s:
                name, _, _title = s.partition("--")
                if is_placeholder(name.strip()):
                    continue
            break
        b.participants.append(part)


def parse(
    text: str,
    path: str = "<text>",
    encoding: str = "utf-8",
    newline: str = "LF",
    cancel: CancelCheck | None = None,
) -> Transcript:
    """Parse a Motley Fool text transcript, old or new layout (normalised newlines)."""
    b = TranscriptBuilder(path, Layout.MOTLEYFOOL_TEXT, encoding, newline, cancel, by_label=True)
    read_into(b, text)
    return b.build()
