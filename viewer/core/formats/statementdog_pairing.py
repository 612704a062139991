"""StatementDog body lines read as items (English or Chinese) and paired by structure.

Bulleted layout: a bullet line is English, an indented line its translation. Bare layout:
script and repetition decide. A missing or extra line never shifts the pairs after it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from viewer.core.formats.script import han_latin_counts, has_han
from viewer.core.formats.statementdog_detect import (
    _BULLET_RE,
    _INDENT,
)
from viewer.core.speakers import parse_header

Warn = Callable[..., None]  # (line, message, *, code=None, **values), as TranscriptBuilder.warn

EN, ZH = 0, 1
# Beyond this many warnings of one kind, one summary warning (a mangled file would otherwise
# carry one warning per line).
MAX_WARNINGS_PER_KIND = 20


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


def items_bulleted(lines: list[str], start: int, warn: Warn) -> list[_Item]:
    items: list[_Item] = []
    stray = 0
    last = next((i for i in reversed(range(len(lines))) if lines[i].strip()), -1)
    for i in range(start, len(lines)):
        raw = lines[i]
        if not raw.strip():
            continue
        m = _BULLET_RE.match(raw)
        if m:
            text = m.group("text").strip()
            if text:
                items.append(_Item(EN, text, i + 1))
            elif i == last:
                warn(i + 1, "the file ends in an empty bullet line: it looks truncated")
            continue
        text = raw.strip(_INDENT + " ")
        if raw[0] in _INDENT:
            items.append(_Item(ZH, text, i + 1))
        else:
            kind = ZH if has_han(text) else EN
            stray += 1
            if stray <= MAX_WARNINGS_PER_KIND:
                warn(
                    i + 1,
                    "line without bullet or indentation; "
                    + ("read as a translation" if kind == ZH else "read as an English paragraph"),
                )
            items.append(_Item(kind, text, i + 1))
    if stray > MAX_WARNINGS_PER_KIND:
        warn(
            None,
            f"{stray} lines without bullet or indentation in all",
            code="stray_lines_total",
            count=stray,
        )
    return items


def items_bare(all_lines: list[str], start: int) -> list[_Item]:
    lines = [(i + 1, all_lines[i].strip()) for i in range(start, len(all_lines))]
    lines = [(no, s) for no, s in lines if s]
    items: list[_Item] = []
    expect_zh = False
    prev_en = ""
    for k, (no, s) in enumerate(lines):
        han = has_han(s)
        if not expect_zh:
            kind = ZH if han else EN
            if han and k + 1 < len(lines) and has_han(lines[k + 1][1]):
                # English that quotes a Chinese name ("our 台北 office") followed by its
                # translation: mostly Latin letters, so it is the English paragraph.
                han_count, latin = han_latin_counts(s)
                if latin >= 4 * han_count:
                    kind = EN
        elif han or s == prev_en:
            kind = ZH
        else:
            # A Latin line where a translation is due: it is the translation (left in
            # English by the translator) unless the next line is Chinese, in which case
            # the translation of the previous paragraph is missing.
            nxt = lines[k + 1][1] if k + 1 < len(lines) else ""
            kind = EN if has_han(nxt) or parse_header(s) else ZH
        items.append(_Item(kind, s, no))
        if kind == EN:
            expect_zh, prev_en = True, s
        else:
            expect_zh = False
    return items


def pair_items(items: list[_Item], warn: Warn) -> list[_Pair]:
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
                warn(
                    it.line,
                    "the file ends before this paragraph's translation: it looks truncated",
                )
            elif parse_header(it.text) is None:
                warn(it.line, "translation missing")
            i += 1
        elif parse_header(it.text) is not None:
            # The repeated line of a speaker header whose bullet line is lost: still a
            # header, or the whole turn would be credited to the previous speaker.
            warn(it.line, "speaker header without its bullet line")
            pairs.append(_Pair(it.text, it.text, it.line, it.line))
            i += 1
        else:
            prev = pairs[-1] if pairs else None
            orphans += 1
            if orphans <= MAX_WARNINGS_PER_KIND:
                warn(
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
        warn(
            None,
            f"{orphans} Chinese lines without an English paragraph in all",
            code="orphan_zh_total",
            count=orphans,
        )
    for p in pairs:
        p.zh = p.translation()
        p.more_zh = None
    return pairs
