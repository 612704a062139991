"""The Motley Fool call structure, whatever wraps it (English text, EN + zh-Hans pairs, JSON).

A Motley Fool call page is a sequence of paragraphs: a head (the call's date, ``Call
participants`` as ``Title — Name``, takeaways, risks, a glossary) and then the call, in one of
two layouts:

- old: ``Prepared Remarks:``, then turns headed by a paragraph of their own, ``Operator`` or
  ``Name--Title`` (analysts: ``Name--Firm -- Analyst``), ``Questions & Answers:`` before the
  questions, and a tail (``Duration: 59 minutes``, ``Call participants:``, ...);
- new: ``Full Conference Call Transcript``, then turns opened inline by ``Name:text`` (no space
  after the colon), no Q&A heading (the builder finds the start).

:func:`read_fool_body` feeds such a paragraph sequence into a
:class:`~viewer.core.formats.builder.TranscriptBuilder` and returns the head as summary text and
the metadata it states. Readers supply the paragraphs (:class:`Item`), already paired with
their translation when there is one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from viewer.core.formats.builder import TranscriptBuilder
from viewer.core.formats.callmeta import MetaHints, meta_from_text, parse_date
from viewer.core.formats.names import (
    OPERATOR,
    NameSet,
    clean_name,
    is_operator,
    is_placeholder,
    looks_like_name,
    looks_like_title,
    split_name_label,
)
from viewer.core.formats.script import mostly_latin
from viewer.core.formats.speakerbook import role_from_title
from viewer.core.lazy_re import lazy_compile
from viewer.core.models import Role


@dataclass(slots=True)
class Item:
    """One paragraph of the page: English, its source line, and its translation if any."""

    en: str
    line: int
    zh: str | None = None
    zh_line: int | None = None


@dataclass(slots=True)
class FoolBody:
    """What :func:`read_fool_body` found besides the turns."""

    summary: list[str] = field(default_factory=list)
    hints: MetaHints = field(default_factory=MetaHints)
    layout: str = "none"  # "old", "new" or "none" (no speaker found)


_NEW_START_RE = lazy_compile(r"^\W*full\s+(?:conference\s+)?call\s+transcript\W*$", re.I)
_OLD_START_RE = lazy_compile(r"^\W*prepared\s+remarks\s*:\s*$", re.I)
_OLD_QA_RE = lazy_compile(r"^\W*questions?\s*(?:&|and)\s*answers?\s*:\s*$", re.I)
_TOC_RE = lazy_compile(
    r"^\W*(?:prepared\s+remarks|questions?\s*(?:&|and)\s*answers?|call\s+participants|"
    r"participants|industry\s+glossary|takeaways|risks|summary|key\s+takeaways|"
    r"full\s+(?:conference\s+)?call\s+transcript)\W*$",
    re.I,
)
# "\s*(?::\s*)?$": two blank runs in a row are quadratic on a long blank run
_PARTICIPANTS_RE = lazy_compile(r"^\W*(?:call\s+)?participants\s*(?::\s*)?$", re.I)
_TRAILER_RE = lazy_compile(
    r"^(?:duration:\s*\d+\s*minutes?|call\s+participants\s*:|more\s+\S+\s+analysis\b|"
    r"all\s+earnings\s+call\s+transcripts|this\s+article\s+is\s+a\s+transcript|"
    r"the\s+motley\s+fool\s+(?:has|recommends)|stocks\s+mentioned|\*average\s+returns)",
    re.I,
)
_DASH_HEADER_RE = lazy_compile(
    r"^(?P<name>[^\n]{2,80}?)\s*(?:--|——|—|–)\s*(?P<title>[^\n]{1,160})$"
)
_PARTICIPANT_RE = lazy_compile(r"^(?P<title>[^\n]{2,160}?)\s+[—–]\s+(?P<name>[^\n]{2,80})$")
# The firm ends in a non-blank, so a run of blanks is scanned once, not from each start.
_ANALYST_TITLE_RE = lazy_compile(r"^(?P<firm>.*?\S)\s*(?:--|—|–|-)\s*analyst\s*$", re.I)
# The translated label before a Chinese turn: "普拉维尔·梅尔瓦尼：" or "Dylan Field：".
_ZH_LABEL_RE = lazy_compile(r"^\s*[^\s，。,.!?！？：:]{1,30}?\s*[：:]\s*")


def fool_header(en: str) -> tuple[str, str | None, Role | None, str | None] | None:
    """``(name, title, role, firm)`` for an old-layout turn header paragraph (``Operator``,
    ``Name--Title``, ``Name--Firm -- Analyst``, a placeholder), else ``None``."""
    if len(en) > 240 or (len(en) > 40 and not any(d in en for d in ("--", "—", "–"))):
        return None  # a header is a name and a title (or a short placeholder), never prose
    s = clean_name(en)
    if is_operator(s):
        return OPERATOR, None, Role.OPERATOR, None
    if is_placeholder(s):
        return s, None, None, None
    m = _DASH_HEADER_RE.match(s)
    if not m:
        return None
    name, title = clean_name(m.group("name")), m.group("title").strip()
    if not looks_like_name(name) or looks_like_title(name):
        return None
    # A title is a short noun phrase: no figures, no sentence.
    if re.search(r"[\d$%€£¥?!;]", title) or len(title.split()) > 14 or title.endswith("."):
        return None
    a = _ANALYST_TITLE_RE.match(title)
    if a:
        return name, "Analyst", Role.ANALYST, a.group("firm").strip(" -")
    return name, title, role_from_title(title), None


def participant(en: str) -> tuple[str, str] | None:
    """``(name, title)`` of a head participant line ``Chief Executive Officer — Jane Roe``."""
    m = _PARTICIPANT_RE.match(en.strip())
    if not m:
        return None
    name, title = clean_name(m.group("name")), m.group("title").strip()
    if looks_like_name(name) and not looks_like_title(name):
        return name, title
    return None


def strip_zh_label(zh: str | None) -> str | None:
    """The translation without the speaker label its first line repeats."""
    if zh is None:
        return None
    m = _ZH_LABEL_RE.match(zh)
    if m and m.end() < len(zh):
        return zh[m.end() :]
    return zh


def _body_start(items: Sequence[Item]) -> tuple[int, str]:
    for i, it in enumerate(items):
        if _NEW_START_RE.match(it.en):
            return i + 1, "new"
    for i, it in enumerate(items):
        if _OLD_START_RE.match(it.en):
            return i + 1, "old"
    for i, it in enumerate(items):
        if fool_header(it.en) is not None:
            return i, "old"
        label = split_name_label(it.en)
        if label is not None and label[1]:
            return i, "new"
    return 0, "none"


def read_fool_body(b: TranscriptBuilder, items: Sequence[Item]) -> FoolBody:
    """Read a Motley Fool paragraph sequence into ``b`` (turns, Q&A heading, roles the file
    states); return the head's summary text and metadata."""
    out = FoolBody()
    start, layout = _body_start(items)
    out.layout = layout

    # The head: date, participants, headline (company, ticker, period), the rest is summary.
    roster: dict[str, str] = {}
    head_text: list[str] = []
    in_participants = False
    for it in items[:start]:
        en = it.en.strip()
        if not en:
            continue
        head_text.append(en)
        if _NEW_START_RE.match(en) or _OLD_START_RE.match(en):
            continue
        if _PARTICIPANTS_RE.match(en):
            in_participants = True
            continue
        p = participant(en)
        if p is not None and (in_participants or len(en) < 120):
            roster[p[0]] = p[1]
            continue
        in_participants = False
        if _TOC_RE.match(en):
            continue
        if out.hints.call_date is None and len(en) < 160 and parse_date(en):
            out.hints.call_date = parse_date(en)
            continue
        zh = it.zh
        out.summary.append(zh if zh and not mostly_latin(zh) else en)
    out.hints = out.hints.fill(meta_from_text("\n".join(head_text)))

    known = NameSet([*roster, OPERATOR])
    for name, title in roster.items():
        b.book.get(name, title=title, role=Role.COMPANY)

    for k in range(start, len(items)):
        it = items[k]
        en = it.en.strip()
        if not en:
            continue
        if _TRAILER_RE.match(en):
            _read_trailer(b, items[k:])
            break
        if _OLD_QA_RE.match(en):
            b.mark_qa()
            continue
        if layout != "new":
            h = fool_header(en)
            if h is not None:
                b.turn(b.book.get(h[0], title=h[1], role=h[2], firm=h[3]), it.line)
                continue
        head = en[:90]
        label = split_name_label(en, known) if ":" in head or "：" in head else None
        if label is not None and (label[1] or label[0] in known):
            known.add(label[0])
            b.turn(b.book.get(label[0]), it.line)
            text = label[1]
            if text:
                b.para(text, it.line, zh=strip_zh_label(it.zh), zh_line=it.zh_line)
            continue
        if not b.turns:
            b.warn(it.line, "text before the first speaker; attributed to an unknown speaker")
        b.para(en, it.line, zh=it.zh, zh_line=it.zh_line)
    return out


def _read_trailer(b: TranscriptBuilder, items: Sequence[Item]) -> None:
    """The old layout's closing ``Call participants:`` list: titles and firms of speakers."""
    for it in items:
        h = fool_header(it.en)
        if h is None:
            continue
        draft = b.book.find(h[0])
        if draft is not None:
            draft.learn(title=h[1], role=h[2], firm=h[3])
