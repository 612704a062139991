"""Markdown calls: a ``# Title``, ``**Key:** value`` lines, then one ``Name: text`` line per turn.

::

    # ACME Q3 2025 Earnings Call Transcript
    **Date:** 2025-07-31
    **Company:** ACME
    **Quarter:** Q3 2025
    ---
    Operator: Good afternoon ...
    Jane Roe: Thank you ...
    A paragraph without a label belongs to the turn above it.

Quirks handled: a colon inside a sentence is not a label (``fundamentals:landing``,
``Here's the point: ...``: the label must read as a name, or be a name the call uses as a
label elsewhere); a speaker line wrapped over two lines (``Jane Roe:`` then ``Chief Designer:
text``: the second label is her title); opening paragraphs with no speaker (an unknown
speaker, with a warning); the title's period wins over the file name's.
"""

from __future__ import annotations

import re
from collections import Counter

from viewer.core.errors import TranscriptError
from viewer.core.formats.callmeta import (
    MetaHints,
    find_period,
    meta_from_text,
    parse_date,
)
from viewer.core.formats.names import (
    NameSet,
    clean_name,
    is_label_name,
    looks_like_title,
    split_name_label,
)
from viewer.core.formats.qastart import QA_HEADING_RE
from viewer.core.formats.readerkit import CancelCheck, hints_with_filename, start_reading
from viewer.core.formats.sniff import starts_json
from viewer.core.lazy_re import lazy_compile
from viewer.core.models import Layout, Transcript

NAME = "markdown"


_META_RE = lazy_compile(r"^\s*\*\*(?P<k>[^*:]{1,30}):?\*\*:?\s*(?P<v>.*)$")
# The title is the rest of the line, its closing hashes and blanks stripped in Python: a lazy
# title before ``\s*#*\s*$`` was cubic on a run of blanks inside a title (10,000 TABs: hours).
_HEADING_RE = lazy_compile(r"^\s*#{1,6}\s+(?P<t>.*)$")
_RULE_RE = lazy_compile(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$")
_RAW_LABEL_RE = lazy_compile(r"^\s*(?:\*\*)?(?P<n>[^:：\n]{1,60}?)(?:\*\*)?\s*[:：]")
_HAN_CHAR_RE = lazy_compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_DIGIT_RE = lazy_compile(r"\d")
_MARKUP_START_RE = lazy_compile(r"\s*[*#\-_]")
_TICKER_RE = lazy_compile(r"^[A-Z][A-Z0-9.]{0,6}$")


def _label_counts(lines: list[str]) -> Counter[str]:
    """How often each name-like label opens a line (a label used twice is a speaker)."""
    counts: Counter[str] = Counter()
    # The pattern ends at the line's first colon and looks no further: its finding depends on
    # the line up to there, which repeats from turn to turn ("Tim Cook:", "(00:"). Each such
    # head is matched once.
    names: dict[str, str | None] = {}
    for ln in lines:
        colon = ln.find(":", 0, 64)
        wide = ln.find("：", 0, 64)
        if colon < 0 and wide < 0:
            continue
        head = ln[: (wide if colon < 0 else colon if wide < 0 else min(colon, wide)) + 1]
        if head in names:
            name = names[head]
        elif _HAN_CHAR_RE.search(head) or (_DIGIT_RE.search(head) and "un" not in head.lower()):
            # A Chinese character or a digit before the colon ("2026 年...:", "(00:"): the
            # label would hold it, and a name holds neither (looks_like_name); only a
            # placeholder ends in a number ("Unknown Speaker 2": each starts with "un").
            name = names[head] = None
        else:
            m = _RAW_LABEL_RE.match(head)
            name = clean_name(m.group("n")) if m else None
            if name is not None and not is_label_name(name, True):
                name = None
            names[head] = name
        if name is not None:
            counts[name] += 1
    return counts


def score(text: str) -> float:
    """How well ``text`` fits this layout (see ``viewer.core.formats``)."""
    if starts_json(text):
        return 0.0
    # The first lines, however long (one turn is one line, sometimes thousands of characters).
    lines = [ln for ln in text[:400000].split("\n", 120)[:120] if ln.strip()]
    # (Each of the three starts, after blanks, with one of "*#-_": one test spares the
    # three patterns on every other line.)
    body = [
        ln
        for ln in lines
        if not (
            _MARKUP_START_RE.match(ln)
            and (_META_RE.match(ln) or _HEADING_RE.match(ln) or _RULE_RE.match(ln))
        )
    ]
    if len(body) < 3:
        return 0.0
    counts = _label_counts(body)
    if sum(1 for c in counts.values() if c >= 2) < 2:
        return 0.0  # fewer than two speakers: no need to read every line's label
    repeated = NameSet(n for n, c in counts.items() if c >= 2)
    labelled = sum(
        1
        for ln in body
        if ":" in ln[:64] or "：" in ln[:64]
        if split_name_label(ln, repeated) is not None
    )
    frac = labelled / len(body)
    if labelled < 3:
        return 0.0
    marked = any(_HEADING_RE.match(ln) for ln in lines[:3]) or any(
        _META_RE.match(ln) for ln in lines[:10]
    )
    if frac >= 0.6:
        return 0.9 if marked else 0.75
    if frac >= 0.35:
        return 0.55 if marked else 0.4
    return 0.2


def parse(
    text: str,
    path: str = "<text>",
    encoding: str = "utf-8",
    newline: str = "LF",
    cancel: CancelCheck | None = None,
) -> Transcript:
    """Parse a markdown ``Name: text`` call."""
    lines, b, content = start_reading(text, path, Layout.MARKDOWN, encoding, newline, cancel)
    counts = _label_counts(lines)
    known = NameSet(n for n, c in counts.items() if c >= 2)
    pending: tuple[str, int] | None = None  # a speaker line with no text yet
    in_head = True
    for i, raw in enumerate(lines):
        if i % 2000 == 0:
            b.check_cancel()
        no = i + 1
        s = raw.strip()
        if not s:
            continue
        # (s is stripped: its first character tells which of the three patterns can match.)
        first = s[0]
        if first in "-*_" and _RULE_RE.match(s):
            in_head = False
            continue
        h = _HEADING_RE.match(s) if first == "#" else None
        if h:
            title = h.group("t").rstrip().rstrip("#").strip()
            if QA_HEADING_RE.match(title):
                b.mark_qa()
            elif content.title is None and not b.turns:
                content.title = title
            continue
        m = _META_RE.match(s) if first == "*" else None
        if m and in_head and not b.turns:
            _meta_field(content, m.group("k").strip().casefold(), m.group("v").strip())
            continue
        in_head = False
        label = split_name_label(s, known)
        if pending is not None:
            name, line = pending
            pending = None
            if (label is not None and looks_like_title(label[0])) or (
                label is None and _title_label(s)
            ):
                # "Jane Roe:" then "Chief Designer: text": the second label is her title.
                title, rest = label if label is not None else _title_label(s)  # type: ignore[misc]
                b.turn(b.book.get(name, title=title), line)
                if rest:
                    b.para(rest, no)
                continue
            b.turn(b.book.get(name), line)
            if label is None:
                b.para(s, no)
                continue
        if label is not None:
            name, rest = label
            if not rest:
                pending = (name, no)
                continue
            b.turn(b.book.get(name), no)
            b.para(rest, no)
            continue
        if not b.turns:
            b.warn(no, "text before the first speaker; attributed to an unknown speaker")
        b.para(s, no)
    if pending is not None:
        b.turn(b.book.get(pending[0]), pending[1])
        b.warn(pending[1], "speaker label without any text")
    if not b.turns:
        raise TranscriptError(path, "no transcript text found")
    if len(b.book) == 1 and b.book.drafts[0].name == "Unknown speaker":
        raise TranscriptError(path, "not a Name: text transcript (no speaker labels found)")

    title = content.title
    if title:
        content = content.fill(meta_from_text(title))
        words = title.split()
        first = words[0] if words else ""
        if not content.ticker and _TICKER_RE.match(first) and len(first) <= 5:
            content.ticker = first
    content = content.fill(meta_from_text("\n".join(lines[:40])))
    hints = hints_with_filename(content, path, b)
    return b.build(hints, script=None)


def _title_label(s: str) -> tuple[str, str] | None:
    m = re.match(r"^\s*(?P<t>[^:：]{2,80}?)\s*[:：]\s*(?P<r>.*)$", s)
    if m and looks_like_title(m.group("t")):
        return clean_name(m.group("t")), m.group("r").strip()
    return None


def _meta_field(hints: MetaHints, key: str, value: str) -> None:
    if not value:
        return
    if key in ("date", "call date", "event date"):
        hints.call_date = parse_date(value) or hints.call_date
    elif key in ("company", "ticker", "symbol"):
        if _TICKER_RE.match(value) and len(value) <= 6:
            hints.ticker = value
        else:
            hints.company = value
    elif key in ("quarter", "period", "fiscal quarter"):
        year, quarter = find_period(value)
        hints.fiscal_year = year or hints.fiscal_year
        hints.quarter = quarter or hints.quarter
    elif key in ("title",):
        hints.title = value
