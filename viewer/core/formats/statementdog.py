"""StatementDog (財報狗) bilingual transcripts, bulleted and bare layouts.

See ``shared/docs/FORMAT.md``. English paragraphs are paired with their Chinese lines by
structure (bullet vs indentation in the bulleted layout, script and repetition in the bare
one), so a missing or extra line never shifts the pairs after it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from viewer.core.errors import LoadCancelled, TranscriptError
from viewer.core.lazy_re import lazy_compile
from viewer.core.models import (
    CallMeta,
    Layout,
    Paragraph,
    ParseWarning,
    Role,
    Script,
    Section,
    Speaker,
    Transcript,
    Turn,
)
from viewer.core.speakers import (
    OPERATOR,
    Header,
    IdAllocator,
    SpeakerInfo,
    attribute_intro,
    find_short_name_aliases_all,
    parse_header,
    role_for,
    slug,
)

# Copies that were not NFKC-folded keep full-width brackets, Q and digits.
# The company ends in a non-blank: with ``.+?`` followed by ``\s*``, every start of a long run
# of blanks rescanned the run (quadratic time on ``a`` + 100,000 spaces + ``b``).
TITLE_RE = lazy_compile(
    r"^(?P<company>.*?\S)\s*[(（](?P<ticker>[A-Z0-9][A-Z0-9.\-]{0,9})[)）]\s*"
    r"(?P<year>(?:19|20|１９|２０)\d\d)\s*[QＱ](?P<quarter>[1-4１-４])\s*法說會逐字稿\s*$"
)
SUMMARY_HEADING = "內容摘要"
FULLTEXT_HEADING = "完整原文"
DISCLAIMER_PREFIX = "使用警語"

# Leading blanks a copy may use: spaces, TAB, NBSP, ideographic space.
_INDENT = " \t\u00a0\u3000\u2002\u2003\u2009\ufeff"
# U+2027 (‧) is the bullet once a cp950 file is decoded: Big5 has one code (0xA145) for both.
# Bullets other than U+2022 need a blank after them, so a line merely starting with one of
# these punctuation marks is not taken for a bullet.
_BULLET_RE = lazy_compile(rf"^[{_INDENT}]*(?:•[{_INDENT}]*|[●▪◦‣∙·・‧][{_INDENT}]+)(?P<text>.*)$")
_HAN_RE = lazy_compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# Blanks within one line only: ``^\s*`` under re.M ran from every line start across all the
# blank lines after it (quadratic time on 20,000 blank lines).
_HEADING_RE = lazy_compile(rf"^[^\S\n]*(?:{SUMMARY_HEADING}|{FULLTEXT_HEADING})[^\S\n]*$", re.M)
_DISCLAIMER_RE = lazy_compile(rf"^[^\S\n]*{DISCLAIMER_PREFIX}", re.M)
_LATIN_RE = lazy_compile(r"[A-Za-z]")

EN, ZH = 0, 1
# Beyond this many warnings of one kind, one summary warning (a mangled file would otherwise
# carry one warning per line).
MAX_WARNINGS_PER_KIND = 20
CancelCheck = Callable[[], bool]


@dataclass(slots=True)
class _Item:
    kind: int
    text: str
    line: int


@dataclass(slots=True)
class _Pair:
    en: str
    zh: str | None
    line: int
    zh_line: int | None
    # Extra Chinese lines kept with this paragraph; joined once at the end (appending to the
    # string each time was quadratic on many Chinese lines without English).
    more_zh: list[str] | None = None

    def translation(self) -> str | None:
        if not self.more_zh:
            return self.zh
        return "\n".join([self.zh, *self.more_zh] if self.zh is not None else self.more_zh)


NAME = "statementdog"


_PAIR_MARK_RE = re.compile(r"^[ \t]*(?:\[\s*\d+\]\s*)?\[(?:EN|中)\]")


def _is_zh(line: str) -> bool:
    # Most lines of other layouts have no Han at all: skip counting their letters.
    if not _HAN_RE.search(line):
        return False
    return len(_HAN_RE.findall(line)) > len(_LATIN_RE.findall(line))


def _translation(line: str) -> bool:
    """A Chinese line; it may quote English names ("歡迎參加 Quill Dynamics 電話會議")."""
    return _HAN_RE.search(line) is not None and (len(_HAN_RE.findall(line)) >= 2 or _is_zh(line))


def _body_lines(head: str) -> list[str]:
    """The head's lines after the title, summary and disclaimer (where the pairs start)."""
    lines = head.split("\n")
    start = 0
    for i, ln in enumerate(lines[:400]):
        s = ln.strip()
        if s in (SUMMARY_HEADING, FULLTEXT_HEADING) or s.startswith(DISCLAIMER_PREFIX):
            start = i + 1
    if start == 0:
        first = next((i for i, ln in enumerate(lines) if ln.strip()), None)
        if first is not None and TITLE_RE.match(lines[first].strip()):
            start = first + 1
    return lines[start : start + 600]


def _bulleted_fit(lines: list[str]) -> tuple[float, int]:
    """Share of non-blank lines that are bullet + indented-translation pairs, and the pairs."""
    rows = [ln for ln in lines if ln.strip()]
    pairs = k = 0
    while k < len(rows):
        m = _BULLET_RE.match(rows[k])
        nxt = rows[k + 1] if k + 1 < len(rows) else None
        if (
            m
            and nxt is not None
            and nxt[:1] in _INDENT
            and not _BULLET_RE.match(nxt)
            and (_HAN_RE.search(nxt) or nxt.strip() == m.group("text").strip())
        ):
            pairs += 1
            k += 2
        else:
            k += 1
    return (2 * pairs / len(rows) if rows else 0.0), pairs


def _bare_fit(lines: list[str]) -> tuple[float, int, int]:
    """Share of non-blank lines in English/Chinese pairs or repeated speaker headers, the
    pairs, and the headers."""
    rows = [ln.strip() for ln in lines if ln.strip()]
    pairs = headers = k = 0
    while k < len(rows):
        a = rows[k]
        b = rows[k + 1] if k + 1 < len(rows) else None
        if b is not None and not _is_zh(a) and _translation(b):
            pairs += 1
            k += 2
        elif b is not None and a == b and parse_header(a) is not None:
            headers += 1
            k += 2
        else:
            k += 1
    return (2 * (pairs + headers) / len(rows) if rows else 0.0), pairs, headers


def _bare_pairs(head: str) -> bool:
    """Do the body's non-blank lines mostly pair English then Chinese (the bare body)?"""
    fit, pairs, _ = _bare_fit(_body_lines(head)[:400])
    return pairs >= 2 and fit >= 0.6


def score(text: str) -> float:
    """How well ``text`` fits a StatementDog layout (see ``viewer.core.formats``).

    Only the body's structure counts (bullet/indent pairs, English/Chinese line pairs, speaker
    headers repeated on their second line); the title, summary and disclaimer merely add to a
    body that fits. A title on top of another layout is a weak fit, refused by detection.
    """
    head = _head(text)
    lines = _body_lines(head)
    if sum(1 for ln in lines[:400] if _PAIR_MARK_RE.match(ln)) >= 2:
        # "[ 7] [EN] ..." / "[中] ...": another bilingual layout labels its lines; this one
        # never does. A title still makes it a weak fit, which detection refuses.
        return 0.2 if _has_markers(head) else 0.0
    marked = _has_markers(head)
    fit, pairs = _bulleted_fit(lines)
    if pairs >= 2 and fit >= 0.8:
        return 0.9 if marked or fit >= 0.9 else 0.8
    bfit, bpairs, headers = _bare_fit(lines[:400])
    if bpairs >= 1 and headers >= 1 and bfit >= 0.8:
        return 0.9 if marked else 0.85
    if bpairs >= 2 and bfit >= 0.6:
        return 0.6
    return 0.2 if marked else 0.0


def _head(text: str, n: int = 600, width: int = 1000) -> str:
    """The first ``n`` lines, each cut at ``width``: the structure, however long a paragraph
    is (a 20,000-digit number must not push the speaker headers out of sight)."""
    out: list[str] = []
    pos, size = 0, len(text)
    while len(out) < n and pos <= size:
        end = text.find("\n", pos)
        end = size if end < 0 else end
        out.append(text[pos : min(end, pos + width)])
        pos = end + 1
    return "\n".join(out)


def _has_markers(head: str) -> bool:
    first = next((ln.strip() for ln in head.split("\n") if ln.strip()), "")
    return bool(TITLE_RE.match(first) or _HEADING_RE.search(head) or _DISCLAIMER_RE.search(head))


def looks_like(text: str) -> bool:
    """Cheap test used by layout detection: is the body StatementDog's structure?"""
    return score(text) >= 0.8


class _Parser:
    def __init__(
        self, text: str, path: str, encoding: str, newline: str, cancel: CancelCheck | None
    ) -> None:
        # Repeated BOMs (a file saved through several tools) are not part of the title.
        self.lines = text.lstrip("\ufeff").split("\n")
        self.path = path
        self.encoding = encoding
        self.newline = newline
        self.cancel = cancel
        self.warnings: list[ParseWarning] = []

    def warn(self, line: int | None, message: str) -> None:
        self.warnings.append(ParseWarning(line=line, message=message))

    def check_cancel(self) -> None:
        if self.cancel is not None and self.cancel():
            raise LoadCancelled()

    # -- structure ------------------------------------------------------------------------

    def parse(self) -> Transcript:
        lines = self.lines
        n = len(lines)
        first = next((i for i in range(n) if lines[i].strip()), None)
        if first is None:
            raise TranscriptError(self.path, "no transcript found (the file is blank)")
        title_line = lines[first].strip().strip("\ufeff").strip()
        tm = TITLE_RE.match(title_line)

        summary_at = fulltext_at = disclaimer_at = None
        for i in range(first, min(n, first + 400)):
            s = lines[i].strip()
            if s == SUMMARY_HEADING and summary_at is None:
                summary_at = i
            elif s == FULLTEXT_HEADING and fulltext_at is None:
                fulltext_at = i
            elif s.startswith(DISCLAIMER_PREFIX) and disclaimer_at is None:
                disclaimer_at = i
                break
        markers = [x for x in (fulltext_at, disclaimer_at) if x is not None]
        if markers:
            body_start = max(markers) + 1
        elif summary_at is not None:
            # A summary heading but no full-text heading: the summary runs to the first line
            # that looks like the body; none means the file was cut before its body.
            body_start = self._body_after_summary(summary_at + 1)
            markers = [summary_at]
        elif tm:
            body_start = first + 1
        else:
            body_start = first

        summary: list[str] = []
        if summary_at is not None:
            end = min(x for x in (fulltext_at, disclaimer_at, body_start) if x is not None)
            summary = [lines[i].strip() for i in range(summary_at + 1, end) if lines[i].strip()]

        body = range(body_start, n)
        bullets = sum(1 for i in body if _BULLET_RE.match(lines[i]))
        nonblank = sum(1 for i in body if lines[i].strip())
        bulleted = bullets >= 2 and bullets * 4 >= nonblank
        layout = Layout.BULLETED if bulleted else Layout.BARE
        self.check_cancel()

        if lines[-1] and not lines[-1].strip() and (bulleted or markers or tm):
            # Real copies end at the end of a line; blanks after the last newline are the
            # indentation of a line (a bullet, a header) the file was cut inside.
            self.warn(n, "the file ends inside a line's indentation: it looks truncated")
        items = self._items_bulleted(body_start) if bulleted else self._items_bare(body_start)
        pairs = self._pair(items)
        if not (tm or markers or bulleted):
            # Without any StatementDog marker, only accept a bare file whose pairing is clean:
            # another layout must never be parsed into something wrong.
            # That is: nearly every English line has a Chinese line, and speaker headers
            # appear as a line repeated twice.
            # Headers repeat their English line, so only body pairs count for the ratio.
            headers = sum(1 for p in pairs if p.zh == p.en and parse_header(p.en))
            chinese = sum(1 for p in pairs if p.zh is not None and _HAN_RE.search(p.zh))
            body_pairs = len(pairs) - headers
            if not body_pairs or chinese * 10 < body_pairs * 8 or headers == 0:
                raise TranscriptError(self.path, "unrecognised transcript layout")
        self.check_cancel()
        transcript = self._build(pairs, layout, tm, title_line if tm else None, summary)
        return transcript

    def _body_after_summary(self, start: int) -> int:
        for i in range(start, len(self.lines)):
            raw = self.lines[i]
            if _BULLET_RE.match(raw) or parse_header(raw) is not None:
                self.warn(i + 1, f"no {FULLTEXT_HEADING} heading before the transcript body")
                return i
        raise TranscriptError(
            self.path,
            f"the file ends before the transcript body (after its {SUMMARY_HEADING}): "
            "it looks truncated",
        )

    def _items_bulleted(self, start: int) -> list[_Item]:
        items: list[_Item] = []
        stray = 0
        last = next((i for i in reversed(range(len(self.lines))) if self.lines[i].strip()), -1)
        for i in range(start, len(self.lines)):
            raw = self.lines[i]
            if not raw.strip():
                continue
            m = _BULLET_RE.match(raw)
            if m:
                text = m.group("text").strip()
                if text:
                    items.append(_Item(EN, text, i + 1))
                elif i == last:
                    self.warn(i + 1, "the file ends in an empty bullet line: it looks truncated")
                continue
            text = raw.strip(_INDENT + " ")
            if raw[0] in _INDENT:
                items.append(_Item(ZH, text, i + 1))
            else:
                kind = ZH if _HAN_RE.search(text) else EN
                stray += 1
                if stray <= MAX_WARNINGS_PER_KIND:
                    self.warn(
                        i + 1,
                        "line without bullet or indentation; "
                        + (
                            "read as a translation"
                            if kind == ZH
                            else "read as an English paragraph"
                        ),
                    )
                items.append(_Item(kind, text, i + 1))
        if stray > MAX_WARNINGS_PER_KIND:
            self.warn(None, f"{stray} lines without bullet or indentation in all")
        return items

    def _items_bare(self, start: int) -> list[_Item]:
        lines = [(i + 1, self.lines[i].strip()) for i in range(start, len(self.lines))]
        lines = [(no, s) for no, s in lines if s]
        items: list[_Item] = []
        expect_zh = False
        prev_en = ""
        for k, (no, s) in enumerate(lines):
            has_han = bool(_HAN_RE.search(s))
            if not expect_zh:
                kind = ZH if has_han else EN
                if has_han and k + 1 < len(lines) and _HAN_RE.search(lines[k + 1][1]):
                    # English that quotes a Chinese name ("our 台北 office") followed by its
                    # translation: mostly Latin letters, so it is the English paragraph.
                    latin = len(_LATIN_RE.findall(s))
                    if latin >= 4 * len(_HAN_RE.findall(s)):
                        kind = EN
            elif has_han or s == prev_en:
                kind = ZH
            else:
                # A Latin line where a translation is due: it is the translation (left in
                # English by the translator) unless the next line is Chinese, in which case
                # the translation of the previous paragraph is missing.
                nxt = lines[k + 1][1] if k + 1 < len(lines) else ""
                kind = EN if _HAN_RE.search(nxt) or parse_header(s) else ZH
            items.append(_Item(kind, s, no))
            if kind == EN:
                expect_zh, prev_en = True, s
            else:
                expect_zh = False
        return items

    def _pair(self, items: list[_Item]) -> list[_Pair]:
        pairs: list[_Pair] = []
        orphans = 0
        i, n = 0, len(items)
        while i < n:
            it = items[i]
            if it.kind == EN:
                nxt = items[i + 1] if i + 1 < n else None
                if nxt is not None and nxt.kind == ZH:
                    pairs.append(_Pair(it.text, nxt.text, it.line, nxt.line))
                    i += 2
                    continue
                pairs.append(_Pair(it.text, None, it.line, None))
                if nxt is None:
                    self.warn(
                        it.line,
                        "the file ends before this paragraph's translation: it looks truncated",
                    )
                elif parse_header(it.text) is None:
                    self.warn(it.line, "translation missing")
                i += 1
            elif parse_header(it.text) is not None:
                # The repeated line of a speaker header whose bullet line is lost: still a
                # header, or the whole turn would be credited to the previous speaker.
                self.warn(it.line, "speaker header without its bullet line")
                pairs.append(_Pair(it.text, it.text, it.line, it.line))
                i += 1
            else:
                prev = pairs[-1] if pairs else None
                orphans += 1
                if orphans <= MAX_WARNINGS_PER_KIND:
                    self.warn(
                        it.line,
                        "Chinese line without an English paragraph"
                        + ("; kept with the paragraph above" if prev else "; ignored"),
                    )
                if prev is not None and prev.zh is not None:
                    if prev.more_zh is None:
                        prev.more_zh = []
                    prev.more_zh.append(it.text)
                elif prev is not None:
                    prev.zh, prev.zh_line = it.text, it.line
                i += 1
        if orphans > MAX_WARNINGS_PER_KIND:
            self.warn(None, f"{orphans} Chinese lines without an English paragraph in all")
        for p in pairs:
            p.zh = p.translation()
            p.more_zh = None
        return pairs

    # -- meaning --------------------------------------------------------------------------

    def _build(
        self,
        pairs: list[_Pair],
        layout: Layout,
        tm: re.Match[str] | None,
        title: str | None,
        summary: list[str],
    ) -> Transcript:
        speakers: dict[str, SpeakerInfo] = {}
        ids = IdAllocator()
        # (speaker key, header line, [pairs])
        raw_turns: list[tuple[str, int, list[_Pair]]] = []

        def speaker_key(h: Header) -> str:
            key = h.name.casefold()
            if key not in speakers:
                sid = ids.take("operator" if h.name == OPERATOR else slug(h.name))
                speakers[key] = SpeakerInfo(sid, h.name, h.title, role_for(h))
            return key

        for p in pairs:
            header = parse_header(p.en)
            # A header's second line repeats it; some copies translate the title part
            # ("Ann Lee - 執行長"), which still starts with the name. Body text never does.
            # A repeated line that is a strict start of the header was cut short (a file cut
            # inside it): still the header, but say so rather than read it as a paragraph.
            cut_repeat = (
                header is not None
                and p.zh is not None
                and bool(p.zh.strip())
                and p.zh.strip() != p.en.strip()
                and p.en.strip().startswith(p.zh.strip())
            )
            if header is not None and not (
                p.zh is None
                or cut_repeat
                or p.zh.strip() == p.en.strip()
                or header.name == OPERATOR
                or p.zh.strip().startswith(header.name + " ")
            ):
                header = None
            if header is not None:
                if p.zh is None:
                    self.warn(p.line, "speaker header without its repeated line")
                elif cut_repeat:
                    self.warn(
                        p.zh_line,
                        "speaker header's repeated line is incomplete: the file looks truncated",
                    )
                raw_turns.append((speaker_key(header), p.line, []))
                continue
            if not raw_turns:
                self.warn(
                    p.line, "text before the first speaker header; attributed to an unknown speaker"
                )
                raw_turns.append((speaker_key(Header("Unknown speaker", None)), p.line, []))
            raw_turns[-1][2].append(p)

        if not raw_turns or not any(t[2] for t in raw_turns):
            raise TranscriptError(
                self.path, "unrecognised transcript layout (no speaker and paragraph pairs found)"
            )
        self.check_cancel()

        by_key = speakers
        turn_speakers = [by_key[k] for k, _, _ in raw_turns]

        # Analysts: firm and alias from the operator's introduction just before the turn.
        seen_analyst: set[str] = set()
        for t, sp in enumerate(turn_speakers):
            if sp.role is not Role.ANALYST or t == 0 or (sp.id in seen_analyst and sp.firm):
                continue
            prev = turn_speakers[t - 1]
            if prev.role is Role.OPERATOR and raw_turns[t - 1][2]:
                attribute_intro(sp, raw_turns[t - 1][2][-1].en)
            seen_analyst.add(sp.id)

        # Sections: Q&A opens at the operator turn(s) just before the first analyst turn.
        first_analyst = next(
            (t for t, sp in enumerate(turn_speakers) if sp.role is Role.ANALYST), None
        )
        qa_start = len(raw_turns)
        if first_analyst is not None:
            qa_start = first_analyst
            while (
                qa_start > 0
                and turn_speakers[qa_start - 1].role is Role.OPERATOR
                and any(sp.role is Role.COMPANY for sp in turn_speakers[: qa_start - 1])
            ):
                qa_start -= 1

        # Company people called by a short first name in the prepared remarks.
        prepared_texts = [p.en for k, _, ps in raw_turns[:qa_start] for p in ps]
        company = [sp for sp in speakers.values() if sp.role is Role.COMPANY]
        find_short_name_aliases_all(company, prepared_texts)

        turns: list[Turn] = []
        index = 0
        for t, (key, line, ps) in enumerate(raw_turns):
            if not ps:
                self.warn(line, "speaker header without any text")
            paras = []
            for p in ps:
                paras.append(
                    Paragraph(index=index, en=p.en, zh=p.zh, line=p.line, zh_line=p.zh_line)
                )
                index += 1
            turns.append(
                Turn(
                    index=t,
                    speaker_id=by_key[key].id,
                    section=Section.QA if t >= qa_start else Section.PREPARED,
                    line=line,
                    paragraphs=tuple(paras),
                )
            )

        meta = CallMeta(
            company=tm.group("company").strip() if tm else None,
            ticker=tm.group("ticker") if tm else None,
            fiscal_year=int(tm.group("year")) if tm else None,
            quarter=int(tm.group("quarter")) if tm else None,
            title=title,
            layout=layout,
            script=Script.HANT,
            encoding=self.encoding,
            newline=self.newline,
        )
        return Transcript(
            meta=meta,
            summary=tuple(summary),
            speakers=tuple(
                Speaker(
                    id=s.id,
                    name=s.name,
                    aliases=tuple(s.aliases),
                    title=s.title,
                    role=s.role,
                    firm=s.firm,
                )
                for s in speakers.values()
            ),
            turns=tuple(turns),
            warnings=tuple(self.warnings),
        )


_WORD_RE = re.compile(r"\w+")


def parse(
    text: str,
    path: str = "<text>",
    encoding: str = "utf-8",
    newline: str = "LF",
    cancel: CancelCheck | None = None,
) -> Transcript:
    """Parse normalised text (``\\n`` newlines) in either StatementDog layout."""
    return _Parser(text, path, encoding, newline, cancel).parse()
