"""AlphaMemo (alphamemo.ai) calls: a Traditional Chinese memo, then a timestamped bilingual
transcript.

::

    # 艾克米_20260311                                   company and call date
    **這份檔案由 AlphaMemo.ai 製作 ...**
    ## Memo                                             -> Transcript.summary
    ### 亮點
    - 營收成長 5%。 [(00:00:13) Jane Roe]
    ## Transcript
    ### Presentation
    **Jane Roe - Acme, Investor Relations**            a turn: name - company, title
    (00:00:12) English paragraph.                       English, with its time
    (00:00:12) 中文段落。                               its translation, same time
    ### Q&A                                             the questions start here

The timestamps go on the paragraphs (:attr:`~viewer.core.models.Paragraph.time`, seconds
from the start of the call); the memo is the summary; the script is Traditional.
"""

from __future__ import annotations

import re

from viewer.core.errors import TranscriptError
from viewer.core.formats.builder import TranscriptBuilder
from viewer.core.formats.callmeta import (
    find_period,
    parse_date,
)
from viewer.core.formats.names import clean_name
from viewer.core.formats.qastart import PREPARED_HEADING_RE, QA_HEADING_RE
from viewer.core.formats.readerkit import CancelCheck, hints_with_filename, start_reading
from viewer.core.formats.script import chinese_script, has_han, mostly_latin
from viewer.core.formats.sniff import LineStarts, starts_json
from viewer.core.formats.speakerbook import role_from_title
from viewer.core.lazy_re import lazy_compile
from viewer.core.models import Layout, Script, Transcript

NAME = "alphamemo"


_TIMED_RE = lazy_compile(
    r"^\s*[(（]\s*(?P<h>\d{1,2}):(?P<m>[0-5]\d):(?P<s>[0-5]\d)\s*[)）]\s*(?P<t>.*)$"
)
_HEADER_RE = lazy_compile(r"^\s*\*\*(?P<h>[^*]{2,200}?)\*\*\s*$")
_SPEAKER_RE = lazy_compile(r"^(?P<name>[^\-–—]{2,80}?)\s+[-–—]\s+(?P<rest>.+)$")
# ``###`` alone is an empty heading (a file cut after its hashes), not a line of text. The
# title's closing hashes are stripped in Python: a lazy title before ``\s*#*\s*$`` was cubic
# on a run of blanks inside it.
_HEADING_RE = lazy_compile(r"^\s*(?P<level>#{1,6})(?:\s+(?P<t>.*))?$")
# The company ends in a non-separator, so a run of blanks is scanned once, not from each start.
_BULLET_RE = lazy_compile(r"^[-*•]\s+")
_TITLE_RE = lazy_compile(
    r"^(?P<company>.*?[^_\s])[_\s]+(?P<date>(?:19|20)\d{6}|(?:19|20)\d\d-\d\d-\d\d)\s*$"
)


_TIMED_HEAD = r"[ \t\u3000\u00a0]*[(（]\d{1,2}:[0-5]\d:[0-5]\d[)）] "
_HEADER_HEAD = r"[ \t\u3000\u00a0]*\*\*[^*\n]{2,120} [-–—] [^*\n]{2,160}\*\*[ \t]*$"
_TIMED_LINES = LineStarts(_TIMED_HEAD)
_HEADER_LINES = LineStarts(_HEADER_HEAD)


def score(text: str) -> float:
    """How well ``text`` fits this layout (see ``viewer.core.formats``)."""
    if starts_json(text):
        return 0.0
    # Look where the transcript starts (after the memo), not through the whole memo.
    at = text.find("\n## Transcript", 0, 80000)
    part = text[at : at + 8000] if at >= 0 else text[:12000]
    if ":" not in part or "**" not in part:
        return 0.0
    timed = _TIMED_LINES.count(part)
    headers = _HEADER_LINES.count(part)
    branded = "alphamemo" in text[:3000].casefold()
    if timed >= 4 and headers >= 1:
        return 0.95 if branded or at >= 0 else 0.8
    if branded and timed >= 1:
        return 0.7
    return 0.0


def _seconds(m: re.Match[str]) -> float:
    return float(int(m.group("h")) * 3600 + int(m.group("m")) * 60 + int(m.group("s")))


def parse(
    text: str,
    path: str = "<text>",
    encoding: str = "utf-8",
    newline: str = "LF",
    cancel: CancelCheck | None = None,
) -> Transcript:
    """Parse an AlphaMemo memo + timestamped bilingual transcript."""
    lines, b, content = start_reading(text, path, Layout.ALPHAMEMO, encoding, newline, cancel)
    summary: list[str] = []
    part = "head"  # head, memo, transcript
    pending_en: tuple[str, int, float | None] | None = None
    en_end = 0  # the line the pending English paragraph ends on
    orphan_zh = missing_zh = 0
    # A file cut inside its last line (no newline after it): a bold line there that does not
    # close is a speaker header cut short, not text.
    last_cut = len(lines) if lines and lines[-1].strip() else 0

    def flush() -> None:
        nonlocal pending_en, missing_zh
        if pending_en is not None:
            b.para(pending_en[0], pending_en[1], time=pending_en[2])
            missing_zh += 1
            pending_en = None

    for i, raw in enumerate(lines):
        if i % 2000 == 0:
            b.check_cancel()
        no = i + 1
        s = raw.strip()
        if not s:
            continue
        h = _HEADING_RE.match(s) if s[0] == "#" else None  # (s is stripped)
        if h:
            title = (h.group("t") or "").rstrip().rstrip("#").strip()
            level = len(h.group("level"))
            if level == 1 and content.title is None:
                content.title = title
                tm = _TITLE_RE.match(title)
                if tm:
                    content.company = tm.group("company").strip()
                content.call_date = parse_date(title)
            elif level == 2 and title.casefold() == "memo":
                part = "memo"
            elif level == 2 and title.casefold() == "transcript":
                part = "transcript"
            elif part == "transcript" and QA_HEADING_RE.match(title):
                flush()
                b.mark_qa()
            elif part == "transcript" and PREPARED_HEADING_RE.match(title):
                pass
            elif part == "memo":
                summary.append(title)
            continue
        if part == "memo":
            summary.append(_BULLET_RE.sub("", s))
            continue
        if part == "head":
            sp_head = _speaker(s)
            if _TIMED_RE.match(s) or (sp_head is not None and sp_head[2] is not None):
                part = "transcript"  # a copy without the "## Transcript" heading
            else:
                continue
        sp = _speaker(s)
        if sp is not None:
            flush()
            name, title, firm = sp
            b.turn(b.book.get(name, title=title, role=role_from_title(title), firm=firm), no)
            continue
        if s.startswith("**") and (len(s) < 4 or not s.endswith("**")):
            if no == last_cut:
                b.warn(no, "the file ends inside a speaker header: it looks truncated")
                continue
            b.warn(no, "a bold line that does not close is not a speaker header: read as text")
        m = _TIMED_RE.match(s)
        body = m.group("t").strip() if m else s
        if not body:
            continue  # a time with no text after it
        time = _seconds(m) if m else None
        chinese = has_han(body) and not mostly_latin(body)
        if not chinese:
            if m is None and pending_en is not None and en_end == no - 1:
                # An untimed English line right below one: the paragraph continues.
                pending_en = (pending_en[0] + " " + body, pending_en[1], pending_en[2])
                en_end = no
                continue
            flush()
            pending_en = (body, no, time if time is not None else _last_time(b))
            en_end = no
            continue
        if pending_en is not None:
            en, en_line, en_time = pending_en
            pending_en = None
            b.para(en, en_line, zh=body, zh_line=no, time=en_time)
        elif b.turns and b.turns[-1].paragraphs:
            last = b.turns[-1].paragraphs[-1]
            last.zh = body if last.zh is None else last.zh + "\n" + body
            last.zh_line = last.zh_line or no
            orphan_zh += 1
        else:
            b.para(body, no, time=time)
            orphan_zh += 1
    flush()
    if not b.turns:
        raise TranscriptError(path, "no AlphaMemo transcript found (no speaker or timed line)")
    if missing_zh:
        b.warn(
            None,
            f"{missing_zh} English paragraphs have no Chinese line",
            code="english_without_chinese",
            count=missing_zh,
        )
    if orphan_zh:
        b.warn(
            None,
            f"{orphan_zh} Chinese lines without an English line before them",
            code="chinese_without_english",
            count=orphan_zh,
        )

    # The call's period: the transcript or memo says it; the file name may not fit the date.
    if content.fiscal_year is None:
        content.fiscal_year, content.quarter = find_period("\n".join(summary[:40]))
    hints = hints_with_filename(content, path, b, calendar_year=True)
    sample = "".join(p.zh or "" for t in b.turns for p in t.paragraphs[:3])[:4000]
    script = chinese_script(sample) or Script.HANT
    return b.build(hints, script=script, summary=summary)


def _last_time(b: TranscriptBuilder) -> float | None:
    for t in reversed(b.turns):
        for p in reversed(t.paragraphs):
            if p.time is not None:
                return p.time
    return None


def _speaker(s: str) -> tuple[str, str | None, str | None] | None:
    """``(name, title, company)`` of a ``**Name - Company, Title**`` turn header."""
    m = _HEADER_RE.match(s) if "**" in s else None
    if not m:
        return None
    inner = m.group("h").strip()
    sm = _SPEAKER_RE.match(inner)
    if not sm:
        name = clean_name(inner)
        if (has_han(name) and len(name) > 12) or len(name.split()) > 6:
            return None  # a bold sentence (the disclaimer), not a speaker
        return (name, None, None) if name else None
    name = clean_name(sm.group("name"))
    rest = sm.group("rest").strip()
    firm, _, title = rest.partition(",")
    return name, (title.strip() or None), (firm.strip() or None)
