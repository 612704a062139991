"""Seeking Alpha transcripts of 2018-19 (English only; most such files are cp1252).

::

    Acme Corp. (NYSE:ACME) Q1 2018 Earnings Call April 18, 2018  9:00 AM ET   title
    Executives                            participant lists; the headings vary: Company
    Jane Roe - Chief Financial Officer    Participants / Company Representatives, Analysts /
    Analysts                              Conference Call Participants; entries "Name - Title"
    John Doe - Big Bank LLC               or "Name - Company"
    Operator                              turn: a speaker line alone ("Name" or "Name -
    Good morning and welcome ...          Company"), then one paragraph per line
    Question-and-Answer Session           where the questions start

Some copies spread the title over several lines (``Call Start: ...``, the company line, the
call line, the date line); speaker lines may carry a trailing full stop, a ``Q - ``/``A - ``
prefix, a scraper's id in brackets, or a short form of a listed name (``Ron`` for
``Ronald``).
"""

from __future__ import annotations

import re

from viewer.core.errors import TranscriptError
from viewer.core.formats.builder import TranscriptBuilder
from viewer.core.formats.datehints import find_date, quarter_from_path
from viewer.core.formats.personnames import clean_name, is_operator, is_placeholder, names_match
from viewer.core.formats.rawturn import Participant, RawTurn
from viewer.core.formats.readerkit import CancelCheck, reader_parse
from viewer.core.lazy_re import lazy_compile
from viewer.core.models import Layout, Role, Transcript

NAME = "seekingalpha"

_COMPANY_HEADINGS = {
    "executives",
    "company participants",
    "company representatives",
    "corporate participants",
    "company speakers",
}
_ANALYST_HEADINGS = {"analysts", "conference call participants", "analyst participants"}
_QA_HEADINGS = {
    "question-and-answer session",
    "question and answer session",
    "questions and answers",
}
_SKIP_HEADINGS = {"presentation", "prepared remarks", "[operator instructions]"}
_TITLE_RE = lazy_compile(
    r"(?P<company>[^()\n]{2,120}?)\s{0,4}\((?P<exchange>[A-Z]{2,10}):(?P<ticker>[A-Z][A-Z0-9.\-]{0,9})\)"
)
# "\s*(?:FY\s*)?", not "\s*(?:FY)?\s*": two blank runs in a row split a long run every way
# before failing (quadratic: a fuzzed head with 50,000 blanks after "Q1" took 8 s)
_CALL_RE = lazy_compile(r"\b(?:Q(?P<q>[1-4])|F(?P<f>[1-4])Q)\s*(?:FY\s*)?(?P<y>(?:19|20)\d\d)\b")
# What every title holds: tried first, since the title pattern itself backtracks over up to
# 120 characters from every position of a line that has none.
_EXCHANGE_RE = lazy_compile(r"\([A-Z]{2,10}:[A-Z]")


def _find_title(line: str) -> re.Match[str] | None:
    """The ``Company (EXCHANGE:TICKER)`` title in ``line``, if any."""
    if len(line) > _SHORT or _EXCHANGE_RE.search(line) is None:
        return None
    return _TITLE_RE.search(line)


_ENTRY_RE = lazy_compile(r"^(?P<name>[^\s-][^-]{0,80}?)\s{1,4}[-–—]\s{1,4}(?P<aff>\S.{0,200})$")
# Header-like lines are short; longer lines are never matched against them (so a line of
# 100,000 blanks cannot make a pattern backtrack for seconds).
_SHORT = 300
_LINKED_USA_RE = lazy_compile(r"\((?:NYSE|NASDAQ|NYSEARCA|OTC):USA\)")
_QA_PREFIX_RE = lazy_compile(r"^[QA]\s*[-–—]\s+")
_NAME_RE = lazy_compile(
    r"^[A-Z][\w'’.\-]*(?:\s+(?:[A-Z][\w'’.\-]*|(?:de|da|di|del|der|van|von|la|le|bin|al|du|dos|das)))"
    r"{1,4}$"
)
# Words that make a short capitalised line a greeting or a remark, not a person.
_NOT_NAMES = frozenset(
    [
        "good",
        "morning",
        "afternoon",
        "evening",
        "thank",
        "thanks",
        "you",
        "yes",
        "no",
        "okay",
        "ok",
        "great",
        "sure",
        "right",
        "hello",
        "hi",
        "hey",
        "welcome",
        "next",
        "question",
        "questions",
        "operator",
        "instructions",
        "session",
        "presentation",
        "all",
        "and",
        "the",
        "of",
        "our",
        "we",
        "i",
        "it",
        "that",
        "this",
        "so",
        "well",
        "please",
        "go",
        "ahead",
        "congratulations",
        "congrats",
        "everyone",
        "everybody",
        "guys",
        "morning",
        "got",
        "it",
        "perfect",
        "fair",
        "enough",
        "sounds",
        "understood",
        "very",
        "much",
        "helpful",
        "appreciate",
        "bye",
        "end",
        "call",
        "conference",
    ]
)


def _is_heading(s: str, headings: set[str]) -> bool:
    # Headings are short lines: a whole JSON document on one line is not folded to find out.
    return len(s) <= _SHORT and s.strip().rstrip(":").casefold() in headings


def score(text: str) -> float:
    """How well ``text`` fits the Seeking Alpha layout: a ``(EXCHANGE:TICKER)`` title, the
    participant headings with ``Name - Company`` entries, lone speaker lines."""
    head = text[:30000]
    lines = [ln.strip() for ln in head.split("\n")[:400]]
    title = any(_find_title(ln) for ln in lines[:8])
    comp = next((i for i, ln in enumerate(lines[:60]) if _is_heading(ln, _COMPANY_HEADINGS)), None)
    entries = 0
    if comp is not None:
        for ln in lines[comp + 1 : comp + 12]:
            if len(ln) <= _SHORT and _ENTRY_RE.match(ln):
                entries += 1
    operator_alone = "Operator" in lines
    if comp is None or entries == 0:
        return 0.2 if title and operator_alone else 0.0
    anal = any(_is_heading(ln, _ANALYST_HEADINGS) for ln in lines[:120])
    qa = any(_is_heading(ln, _QA_HEADINGS) for ln in lines)
    s = 0.55
    if title:
        s += 0.2
    if anal:
        s += 0.1
    if operator_alone:
        s += 0.05
    if qa:
        s += 0.05
    if lines[comp].isupper():
        # "CORPORATE PARTICIPANTS" in capitals is an Event Brief's heading, not this site's.
        s -= 0.3
    return min(s, 0.95)


class _Reader:
    def __init__(
        self, text: str, path: str, encoding: str, newline: str, cancel: CancelCheck | None
    ) -> None:
        self.lines = [ln.strip() for ln in text.split("\n")]
        self.path = path
        self.b = TranscriptBuilder(
            path, Layout.SEEKINGALPHA, encoding, newline, cancel, by_label=True
        )
        self.names: list[str] = []  # every listed name, for speaker lines
        self.company_affiliation: str | None = None

    def parse(self) -> Transcript:
        lines = self.lines
        n = len(lines)
        comp = next(
            (i for i in range(min(n, 80)) if _is_heading(lines[i], _COMPANY_HEADINGS)), None
        )
        if comp is None:
            raise TranscriptError(
                self.path,
                "not a Seeking Alpha transcript (no Executives / Company Participants list)",
            )
        self._title(comp)
        i = self._lists(comp)
        self.b.check_cancel()
        self._body(i)
        if self.b.hints.quarter is None or self.b.hints.fiscal_year is None:
            named = quarter_from_path(self.path)
            if named:
                self.b.set_quarter(
                    named[0] if self.b.hints.quarter is None else None,
                    named[1] if self.b.hints.fiscal_year is None else None,
                )
        return self.b.build()

    def _title(self, stop: int) -> None:
        b = self.b
        head = [ln for ln in self.lines[:stop] if ln]
        joined = " ".join(head)
        title_line = next((ln for ln in head if _find_title(ln)), None)
        rest = joined
        if title_line is not None:
            m = _TITLE_RE.search(title_line)
            assert m is not None
            b.hints.company = m.group("company").strip(" ,")
            b.hints.ticker = m.group("ticker")
            rest = joined[joined.index(title_line) + m.end() :]
        if head:
            b.hints.title = (title_line or head[0])[:300]
        c = _CALL_RE.search(rest)
        if c:
            q = c.group("q") or c.group("f")
            b.set_quarter(int(q), int(c.group("y")))
            rest = rest[c.end() :]
        b.hints.call_date = find_date(rest)

    def _lists(self, start: int) -> int:
        """Read the participant lists from ``start``; return the first line of the body."""
        lines = self.lines
        role = Role.COMPANY
        i = start + 1
        while i < len(lines):
            s = lines[i]
            if not s:
                i += 1
                continue
            if _is_heading(s, _COMPANY_HEADINGS):
                role = Role.COMPANY
            elif _is_heading(s, _ANALYST_HEADINGS):
                role = Role.ANALYST
            elif _is_heading(s, _SKIP_HEADINGS):
                pass
            else:
                m = _ENTRY_RE.match(s) if len(s) <= _SHORT else None
                if m is None or is_operator(s):
                    cleaned = clean_name(s)
                    if (
                        m is None
                        and not is_operator(s)
                        and _NAME_RE.match(cleaned)
                        and cleaned != s
                    ):
                        # "[0JNPYG-E Michael Spencer]": a mangled entry of a listed name.
                        i += 1
                        continue
                    break
                name = clean_name(m.group("name"))
                aff = m.group("aff").strip()
                if role is Role.COMPANY:
                    self.company_affiliation = self.company_affiliation or aff
                    company_named = self.b.hints.company and aff.casefold().startswith(
                        self.b.hints.company.casefold()[:6]
                    )
                    title = None if company_named else aff
                    self.b.participants.append(Participant(name, title, None, Role.COMPANY))
                else:
                    self.b.participants.append(Participant(name, None, _firm(aff), Role.ANALYST))
                self.names.append(name)
            i += 1
        return i

    def _speaker(self, s: str, k: int) -> RawTurn | None:
        """The turn a line opens, or ``None`` for a body line."""
        if not s or len(s) > 120:
            return None
        label = _QA_PREFIX_RE.sub("", s)
        if is_operator(clean_name(label)):
            return RawTurn("Operator", k + 1)
        name, aff = label, None
        m = _ENTRY_RE.match(label)
        if m:
            name, aff = m.group("name"), m.group("aff").strip()
        name = clean_name(name)
        if not name or len(name) > 60:
            return None
        if is_placeholder(name):
            return RawTurn(name, k + 1, firm=aff if aff and "analyst" in name.casefold() else None)
        last = name.split()[-1].casefold()
        listed = name.casefold() in self._listed_keys or any(
            names_match(name, x) for x in self._by_last.get(last, ())
        )
        if not listed:
            if not _NAME_RE.match(name):
                return None
            words = [w.strip(".,").casefold() for w in name.split()]
            if any(w in _NOT_NAMES for w in words):
                return None
            if aff is None and (s.endswith(".") and not s.endswith(("Jr.", "Sr."))):
                return None
            # An unlisted voice needs a text line after it.
            nxt = self.lines[k + 1] if k + 1 < len(self.lines) else ""
            if not nxt:
                return None
        role = None
        firm = None
        if aff is not None and not listed:
            if self.company_affiliation and aff.casefold() == self.company_affiliation.casefold():
                role = Role.COMPANY
            else:
                firm = _firm(aff)
        return RawTurn(name, k + 1, firm=firm, role=role)

    def _body(self, start: int) -> None:
        lines = self.lines
        self._listed_keys = {x.casefold() for x in self.names}
        # Listed names by last name: a line is compared with the few that could match.
        self._by_last: dict[str, list[str]] = {}
        for x in self.names:
            if x.split():
                self._by_last.setdefault(x.split()[-1].casefold(), []).append(x)
        qa_pending = False
        for k in range(start, len(lines)):
            s = lines[k]
            if not s:
                continue
            if k % 2000 == 0:
                self.b.check_cancel()
            if _is_heading(s, _QA_HEADINGS):
                qa_pending = True
                continue
            if _is_heading(s, _SKIP_HEADINGS) and s.casefold() != "[operator instructions]":
                continue
            turn = self._speaker(s, k)
            if turn is not None:
                turn.qa = qa_pending
                qa_pending = False
                self.b.add_turn(turn)
                continue
            self.b.add_paragraph(s, k + 1)


def _firm(aff: str) -> str:
    """``Credit Suisse Securities (NYSE:USA) LLC``: the site's ticker linker struck ``(USA)``."""
    return _LINKED_USA_RE.sub("(USA)", aff).strip(" .") or aff


parse = reader_parse(_Reader, "Parse a Seeking Alpha transcript (normalised ``\\n`` newlines).")
