"""Refinitiv / Thomson Reuters StreetEvents "Event Brief" transcripts (English only).

::

    CORPORATE PARTICIPANTS          participant lists: a name line, then "Company - Title"
                                    (entries apart by blank or one-space lines; some entries
    Jane Roe                        are "Name;Title" or "Name;Firm;Title" on one line)
    Acme Corp - CFO
    CONFERENCE CALL PARTICIPANTS    the analysts: "Firm, Research Division - Title"
    ...
    PRESENTATION
                                    a blank (often one space) line before every turn
    Operator                        the speaker's name line ...
    Good morning, and welcome ...   ... the "Company - Title" line (not for the operator,
    ...                             sometimes wrapped over two lines), then the text,
    QUESTIONS AND ANSWERS           hard-wrapped at about 140 characters
    ...
    DISCLAIMER                      the legal text ends the call

Paragraphs are rebuilt from the hard-wrapped lines: a line that ends a sentence well short
of the wrap width ends its paragraph. An optional StreetEvents preamble (``EVENT DATE/TIME``,
``TICKER - Q3 2022 Company Earnings Call``) gives the metadata when present.
"""

from __future__ import annotations

import re

from viewer.core.errors import TranscriptError
from viewer.core.formats.builder import TranscriptBuilder
from viewer.core.formats.datehints import find_date, quarter_from_path
from viewer.core.formats.personnames import clean_name, is_operator, is_placeholder
from viewer.core.formats.rawturn import Participant, RawTurn
from viewer.core.formats.readerkit import CancelCheck, reader_parse
from viewer.core.formats.refinitiv_detect import (
    _AFFILIATION_RE,
    _HEADINGS,
    _NAME_LINE_RE,
    _SHORT,
    CONFERENCE,
    CORPORATE,
    DISCLAIMER,
    PRESENTATION,
    QANDA,
    score,
)
from viewer.core.lazy_re import lazy_compile
from viewer.core.models import Layout, Role, Transcript

__all__ = ["NAME", "parse", "score"]

NAME = "refinitiv"

_PREAMBLE_TITLE_RE = lazy_compile(
    r"^(?:(?P<ticker>[A-Z][A-Z0-9.]{0,9})(?:\.[A-Z]{1,3})?\s+-\s+)?"
    r"(?:(?:Q(?P<q>[1-4])|(?:Full|FY|Half)[^ ]*)\s+(?P<y>(?:19|20)\d\d))\s+(?P<company>.+?)\s+"
    r"(?:Earnings|Results|Financial|Conference|Sales|Trading)\b",
    re.IGNORECASE,
)
_QUARTER_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4}
_SPOKEN_QUARTER_RE = lazy_compile(
    r"\b(?P<q>first|second|third|fourth)[ -]quarter(?:\s+(?:of\s+)?(?:fiscal\s+(?:year\s+)?)?"
    r"(?P<y>(?:19|20)\d\d))?|\bQ(?P<q2>[1-4])\s+(?P<y2>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
_SENTENCE_END = (".", "?", "!", ":", '"', "”", ")", "]", "'", "’")


class _Reader:
    def __init__(
        self, text: str, path: str, encoding: str, newline: str, cancel: CancelCheck | None
    ) -> None:
        self.lines = text.split("\n")
        self.b = TranscriptBuilder(path, Layout.REFINITIV, encoding, newline, cancel, by_label=True)
        self.path = path
        self.known_affiliations: dict[str, str] = {}  # name (casefold) -> full "Co - Title"
        self.company_names: set[str] = set()

    def parse(self) -> Transcript:
        lines = self.lines
        n = len(lines)
        marks: dict[str, int] = {}
        for i, raw in enumerate(lines):
            s = raw.strip()
            if s in _HEADINGS and s not in marks:
                marks[s] = i
        if PRESENTATION not in marks and QANDA not in marks:
            if CORPORATE in marks or CONFERENCE in marks:
                raise TranscriptError(
                    self.path, "Event Brief without PRESENTATION or QUESTIONS AND ANSWERS section"
                )
            raise TranscriptError(self.path, "not a Refinitiv Event Brief (no section headings)")
        first_mark = min(marks.values())
        self._preamble(0, first_mark)
        body_start = min(v for k, v in marks.items() if k in (PRESENTATION, QANDA))
        body_end = marks.get(DISCLAIMER, n)
        if body_end < body_start:
            body_end = n
        for kind, role in ((CORPORATE, Role.COMPANY), (CONFERENCE, Role.ANALYST)):
            if kind in marks and marks[kind] < body_start:
                stop = min(
                    [v for v in marks.values() if v > marks[kind]] + [n],
                )
                self._participants(marks[kind] + 1, stop, role)
        self.b.check_cancel()
        self._body(body_start, body_end)
        self._metadata()
        return self.b.build()

    # -- front matter -----------------------------------------------------------------------

    def _preamble(self, start: int, stop: int) -> None:
        """``EVENT DATE/TIME: ...`` and ``TICKER - Qn YYYY Company Earnings Call`` lines."""
        for i in range(start, min(stop, start + 40)):
            s = self.lines[i].strip()
            if not s:
                continue
            if s.upper().startswith(("EVENT DATE", "DATE")):
                self.b.hints.call_date = self.b.hints.call_date or find_date(s)
                continue
            m = _PREAMBLE_TITLE_RE.match(s) if len(s) <= _SHORT else None
            if m and self.b.hints.title is None:
                self.b.hints.title = s
                self.b.hints.ticker = m.group("ticker")
                self.b.hints.company = m.group("company").strip()
                self.b.set_quarter(int(m.group("q")) if m.group("q") else None, int(m.group("y")))

    def _participants(self, start: int, stop: int, role: Role) -> None:
        entry: list[str] = []

        def flush() -> None:
            if not entry:
                return
            first, rest = entry[0], " ".join(entry[1:])
            name, firm, title = self._split_label(first)
            if rest:
                m = _AFFILIATION_RE.match(rest) if len(rest) <= _SHORT else None
                if m:
                    firm, title = m.group("firm").strip(), m.group("title").strip()
                else:
                    title = title or rest
            name = clean_name(name)
            if name and not is_operator(name):
                if role is Role.COMPANY and firm:
                    self.company_names.add(firm)
                self.b.participants.append(
                    Participant(name, title, _firm_of(firm, role), self._role(role, title))
                )
                if rest:
                    self.known_affiliations[name.casefold()] = " ".join(rest.split())
            entry.clear()

        for i in range(start, stop):
            s = self.lines[i].strip()
            if not s:
                flush()
            else:
                entry.append(s)
        flush()

    @staticmethod
    def _role(listed: Role, title: str | None) -> Role:
        del title  # the list says it: "Analyst, IR" in the corporate list is the company's
        return listed

    @staticmethod
    def _split_label(s: str) -> tuple[str, str | None, str | None]:
        """``Name``, ``Name;Title`` or ``Name;Firm;Title``."""
        if ";" not in s:
            return s, None, None
        parts = [p.strip() for p in s.split(";")]
        if len(parts) == 2:
            return parts[0], None, parts[1] or None
        return parts[0], parts[1] or None, "; ".join(p for p in parts[2:] if p) or None

    # -- body -------------------------------------------------------------------------------

    def _body(self, start: int, stop: int) -> None:
        lines = self.lines
        widths = sorted(n for n in map(len, lines[start:stop]) if n > 1)
        # The wrap width: most wrapped lines come close to it.
        width = widths[int(len(widths) * 0.9)] if widths else 140
        self.short = max(40, min(width - 25, int(width * 0.82)))
        qa_pending = False
        i = start
        at_block_start = True
        while i < stop:
            raw = lines[i]
            s = raw.strip()
            if s in _HEADINGS:
                if s == QANDA:
                    qa_pending = True
                at_block_start = True
                i += 1
                continue
            if not s:
                at_block_start = True
                i += 1
                continue
            if i % 2000 == 0:
                self.b.check_cancel()
            if at_block_start:
                consumed = self._turn_header(i, stop)
                if consumed:
                    self.b.raw_turns[-1].qa = qa_pending
                    qa_pending = False
                    i += consumed
                    at_block_start = False
                    i = self._text(i, stop)
                    continue
                if self.b.raw_turns:
                    self.b.warn(
                        i + 1, "text block without a speaker line; kept with the turn above"
                    )
            at_block_start = False
            i = self._text(i, stop)

    def _turn_header(self, i: int, stop: int) -> int:
        """Read the speaker lines at ``i``; return how many lines they take (0: not a header)."""
        lines = self.lines
        first = lines[i].strip()
        name, firm, title = self._split_label(first)
        name = clean_name(name)
        if not (_NAME_LINE_RE.match(name) and len(name) <= 60):
            return 0
        nxt = lines[i + 1].strip() if i + 1 < stop else ""
        if not nxt or nxt in _HEADINGS:
            # A name with nothing after it is a label only if the file says who it is.
            known = name.casefold() in self.known_affiliations or is_operator(name)
            if not (known or ";" in first or is_placeholder(name)):
                return 0
        used = 1
        if firm is None and title is None and nxt:
            aff = self._affiliation(name, i + 1, stop)
            if aff is not None:
                firm, title, used_aff = aff
                used += used_aff
        # A bare capitalised line ("Thank you") is not a speaker unless listed.
        unlisted = not (
            is_operator(name)
            or is_placeholder(name)
            or name.casefold() in self.known_affiliations
            or self._known_name(name)
        )
        if used == 1 and ";" not in first and unlisted and not 2 <= len(name.split()) <= 5:
            return 0
        role = None
        if firm is not None:
            if self._is_company(firm):
                role = Role.COMPANY
            elif self.company_names:
                role = Role.ANALYST
        turn = RawTurn(
            name,
            i + 1,
            title=title,
            firm=None if role is Role.COMPANY else _firm_of(firm, Role.ANALYST),
            role=role,
        )
        self.b.add_turn(turn)
        return used

    def _known_name(self, name: str) -> bool:
        from viewer.core.formats.personnames import names_match

        return any(names_match(name, p.name) for p in self.b.participants)

    def _affiliation(self, name: str, j: int, stop: int) -> tuple[str, str, int] | None:
        """The ``Company - Title`` line at ``j`` (and its wrapped continuation), if it is one."""
        lines = self.lines
        s = lines[j].strip()
        m = _AFFILIATION_RE.match(s) if len(s) <= _SHORT else None
        if not m or (s.endswith((".", "?", "!")) and not s.endswith(("Inc.", "Co.", "Corp."))):
            return None
        full = self.known_affiliations.get(name.casefold())
        line_s = " ".join(s.split())
        # Not in the lists: only a firm we know, or one that looks like a firm.
        if full is None and not (
            any(line_s.startswith(c + " - ") for c in self.company_names)
            or "Research Division" in line_s
            or len(m.group("firm").split()) <= 8
        ):
            return None
        used = 1
        if j + 1 < stop:
            nxt = " ".join(lines[j + 1].split())
            joined = f"{line_s} {nxt}"
            if (full is not None and line_s != full and full.startswith(joined)) or (
                full is None
                and len(s) >= self.short
                and 0 < len(nxt) <= 40
                and re.fullmatch(
                    r"(?:[A-Z][\w&'.\-]*|of|and|&|for)(?: (?:[A-Z][\w&'.\-]*|of|and|&|for)){0,4}",
                    nxt,
                )
            ):
                used = 2
                line_s = joined
        m2 = _AFFILIATION_RE.match(line_s) or m
        return m2.group("firm").strip(), m2.group("title").strip(), used

    def _is_company(self, firm: str) -> bool:
        f = firm.casefold()
        return any(f == c.casefold() for c in self.company_names)

    def _text(self, i: int, stop: int) -> int:
        """The hard-wrapped lines of a block from ``i``, rebuilt into paragraphs; returns
        where the block ends (a blank line or a heading)."""
        lines = self.lines
        buf: list[str] = []
        buf_line = i + 1
        while i < stop:
            s = lines[i].strip()
            if not s or s in _HEADINGS:
                break
            if not buf:
                buf_line = i + 1
            buf.append(s)
            if len(lines[i].rstrip()) < self.short and s.endswith(_SENTENCE_END):
                self.b.add_paragraph(" ".join(buf), buf_line)
                buf = []
            i += 1
        if buf:
            self.b.add_paragraph(" ".join(buf), buf_line)
        return i

    # -- metadata ---------------------------------------------------------------------------

    def _metadata(self) -> None:
        b = self.b
        if b.hints.company is None and self.company_names:
            b.hints.company = sorted(self.company_names, key=len)[0]
        if b.hints.quarter is None or b.hints.call_date is None:
            # The operator's welcome: "... Third Quarter 2022 Earnings Call", "recorded on
            # Thursday, November 3, 2022".
            opening = " ".join(text for t in b.raw_turns[:3] for text, _ in t.paragraphs[:3])
            if b.hints.quarter is None:
                m = _SPOKEN_QUARTER_RE.search(opening)
                if m:
                    q = m.group("q") or m.group("q2")
                    y = m.group("y") or m.group("y2")
                    if y is None:
                        near = re.search(r"\b(?:19|20)\d\d\b", opening[m.end() : m.end() + 40])
                        y = near.group(0) if near else None
                    b.set_quarter(
                        int(q) if q.isdigit() else _QUARTER_WORDS[q.casefold()],
                        int(y) if y else None,
                    )
            if (
                b.hints.call_date is None
                and b.raw_turns
                and is_operator(clean_name(b.raw_turns[0].name))
            ):
                # Only the operator's welcome dates the call; later dates are of filings,
                # quarter ends and notes.
                b.hints.call_date = find_date(
                    " ".join(text for text, _ in b.raw_turns[0].paragraphs)
                )
        if b.hints.quarter is None or b.hints.fiscal_year is None:
            named = quarter_from_path(self.path)
            if named is not None:
                b.set_quarter(
                    named[0] if b.hints.quarter is None else None,
                    named[1] if b.hints.fiscal_year is None else None,
                )


def _firm_of(firm: str | None, role: Role) -> str | None:
    """``Morgan Stanley, Research Division`` -> ``Morgan Stanley``."""
    if not firm:
        return None
    # A suffix test, not a searching regex: ``,?\s*Research Division`` searched from every
    # blank of a long run of blanks (quadratic: 3 s for a 50,000-blank firm line).
    f = firm.strip()
    if f.endswith("Research Division"):
        f = f.removesuffix("Research Division").rstrip()
    f = f.strip(" ,")
    return f or None


parse = reader_parse(
    _Reader, "Parse a Refinitiv / StreetEvents Event Brief (normalised ``\\n`` newlines)."
)
