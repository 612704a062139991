"""StatementDog (財報狗) layout detection: does a text's body have StatementDog's structure?

The title, headings and bullets a copy may use, and the scores layout detection reads.
"""

from __future__ import annotations

import itertools
import re

from viewer.core.formats.script import han_bound, has_han, mostly_han
from viewer.core.formats.sniff import starts_json
from viewer.core.lazy_re import lazy_compile
from viewer.core.speakers import parse_header

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
_BULLETS = "•●▪◦‣∙·・‧"
_BULLET_RE = lazy_compile(
    rf"^[{_INDENT}]*(?:•[{_INDENT}]*|[{_BULLETS[1:]}][{_INDENT}]+)(?P<text>.*)$"
)
_HAN_RE = lazy_compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# Blanks within one line only: ``^\s*`` under re.M ran from every line start across all the
# blank lines after it (quadratic time on 20,000 blank lines).
_HEADING_RE = lazy_compile(rf"^[^\S\n]*(?:{SUMMARY_HEADING}|{FULLTEXT_HEADING})[^\S\n]*$", re.M)
_DISCLAIMER_RE = lazy_compile(rf"^[^\S\n]*{DISCLAIMER_PREFIX}", re.M)
_LATIN_RE = lazy_compile(r"[A-Za-z]")  # (statementdog_pairing counts with it)

_PAIR_MARK_RE = lazy_compile(r"^[ \t]*(?:\[\s*\d+\]\s*)?\[(?:EN|中)\]")


def _is_zh(line: str) -> bool:
    # Most lines of other layouts have no Han at all: skip counting their letters. (has_han:
    # an ASCII line is refused at once, a long one without scanning it character by character.)
    if not has_han(line):
        return False
    # More Han than every other character together: more than the Latin letters too.
    return mostly_han(line)


def _translation(line: str) -> bool:
    """A Chinese line; it may quote English names ("歡迎參加 Quill Dynamics 電話會議")."""
    if line.isascii():
        return False  # (no Han, found without a scan)
    first = _HAN_RE.search(line)
    if first is None:
        return False
    # Two Han characters make it one: look for a second instead of counting them all.
    return _HAN_RE.search(line, first.end()) is not None or _is_zh(line)


def _marker_words(head: str) -> tuple[bool, bool]:
    """Whether ``head`` holds a heading's words (summary or full text), and the disclaimer's:
    looked for once, before any line (most heads have none)."""
    return (SUMMARY_HEADING in head or FULLTEXT_HEADING in head), DISCLAIMER_PREFIX in head


def _body_lines(
    head: str, lines: list[str] | None = None, words: tuple[bool, bool] | None = None
) -> list[str]:
    """The head's lines after the title, summary and disclaimer (where the pairs start).
    ``lines``: ``head.split("\n")`` and ``words``: ``_marker_words(head)``, when known."""
    if lines is None:
        lines = head.split("\n")
    if words is None:
        words = _marker_words(head)
    start = 0
    # Most heads have none of the three markers: look for their words before any line.
    if words[0] or words[1]:
        for i, ln in enumerate(lines[:400]):
            s = ln.strip()
            if s in (SUMMARY_HEADING, FULLTEXT_HEADING) or s.startswith(DISCLAIMER_PREFIX):
                start = i + 1
    if start == 0:
        first = next((i for i, ln in enumerate(lines) if ln.strip()), None)
        if first is not None and TITLE_RE.match(lines[first].strip()):
            start = first + 1
    return lines[start : start + 600]


def _bulleted_fit(lines: list[str], need: float = 0.0) -> tuple[float, int, float]:
    """Share of non-blank lines that are bullet + indented-translation pairs, the pairs, and
    the share of non-blank lines that are bullets or indented (the layout's shape).

    With ``need``, stop as soon as the share cannot reach it (the share returned is then an
    upper bound below ``need``): another layout's text is refused after a fifth of its lines.
    """
    rows = [ln for ln in lines if ln.strip()]
    n = len(rows)
    shape = sum(1 for r in rows if r[:1] in _INDENT or _BULLET_RE.match(r)) / n if n else 0.0
    last = n
    pairs = k = 0
    # The share's denominator is n, or n - 2 when the last bullet is cut short (below).
    low = max(n - 2, 1)
    while k < n:
        if need and 2 * pairs + (n - k) < need * low - 1:  # (1: no rounding at the edge)
            return (2 * pairs + (n - k)) / low, pairs, shape
        m = _BULLET_RE.match(rows[k])
        nxt = rows[k + 1] if k + 1 < len(rows) else None
        if (
            m
            and nxt is not None
            and nxt[:1] in _INDENT
            and not _BULLET_RE.match(nxt)
            and (has_han(nxt) or nxt.strip() == m.group("text").strip())
        ):
            pairs += 1
            k += 2
        else:
            if m and k >= len(rows) - 2:
                # The last bullet and its line, cut short (by the file's end or the window):
                # no evidence either way.
                last = k
                break
            k += 1
    return (2 * pairs / last if last else 0.0), pairs, shape


def _bare_fit(lines: list[str], need: float = 0.0) -> tuple[float, int, int]:
    """Share of non-blank lines in English/Chinese pairs or repeated speaker headers, the
    pairs, and the headers (``need``: as for :func:`_bulleted_fit`)."""
    rows = [ln.strip() for ln in lines if ln.strip()]
    pairs = headers = k = 0
    n = len(rows)
    joined = "\n".join(rows) if need and n else ""
    if joined and _HAN_RE.search(joined, 0, 2000) is None:
        # Each pair ends in a line with Han, each header is a line repeated: when even all of
        # those cannot reach ``need``, stop before testing any line (testing each line of an
        # English call quoting one Chinese name cost a millisecond). (Not worth counting when
        # Chinese shows at once.)
        han_lines = min(han_bound(joined), n)
        repeated = sum(1 for a, b in itertools.pairwise(rows) if a == b)
        if 2 * (han_lines + repeated) < need * n - 1:
            return 2 * (han_lines + repeated) / n, 0, 0
    while k < n:
        if need and 2 * (pairs + headers) + (n - k) < need * n - 1:
            return (2 * (pairs + headers) + (n - k)) / n, pairs, headers
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


def score(text: str) -> float:
    """How well ``text`` fits a StatementDog layout (see ``viewer.core.formats``).

    Only the body's structure counts (bullet/indent pairs, English/Chinese line pairs, speaker
    headers repeated on their second line); the title, summary and disclaimer merely add to a
    body that fits. A title on top of another layout is a weak fit, refused by detection.
    """
    if starts_json(text):
        return 0.0  # a JSON document (the pairs and API layouts), never a copied page
    parts = _head_parts(text)
    head = "\n".join(parts)
    bullets = any(b in head for b in _BULLETS)
    han = has_han(head)
    if not bullets and not han:
        # Every fit needs a Chinese line or a bullet, and every marker is in Chinese.
        return 0.0
    # (The head's lines are its parts: found once, like the markers' words.)
    words = _marker_words(head)
    lines = _body_lines(head, parts, words)
    if ("[EN]" in head or "[中]" in head) and _two_pair_marks(lines[:400]):
        # "[ 7] [EN] ..." / "[中] ...": another bilingual layout labels its lines; this one
        # never does. A title still makes it a weak fit, which detection refuses.
        return 0.2 if _has_markers(head, words) else 0.0
    marked = _has_markers(head, words)
    # Only the thresholds below read the fits: a fit that cannot reach the lowest is cut short.
    # No bullet in the head: no bullet pair either (the fit is then never read).
    need = 0.5 if marked else 0.8
    fit, pairs, shape = _bulleted_fit(lines, need=need) if bullets else (0.0, 0, 0.0)
    if pairs >= 2 and fit >= 0.8:
        return 0.9 if marked or fit >= 0.9 else 0.8
    if marked and pairs >= 2 and fit >= 0.5 and shape >= 0.95:
        # Every line a bullet or indented, most of them in pairs: the body is StatementDog's
        # with lines the translation added or dropped (the reader warns about each).
        return 0.8
    if not han:
        # No Chinese line in sight: no English/Chinese pair, so no bare fit either.
        return 0.2 if marked else 0.0
    bfit, bpairs, headers = _bare_fit(lines[:400], need=0.6)
    if bpairs >= 1 and headers >= 1 and bfit >= 0.8:
        return 0.9 if marked else 0.85
    if bpairs >= 2 and bfit >= 0.6:
        return 0.6
    return 0.2 if marked else 0.0


def _head(text: str, n: int = 600, width: int = 1000) -> str:
    """The first ``n`` lines, each cut at ``width``: the structure, however long a paragraph
    is (a 20,000-digit number must not push the speaker headers out of sight)."""
    return "\n".join(_head_parts(text, n, width))


def _head_parts(text: str, n: int = 600, width: int = 1000) -> list[str]:
    """The lines of :func:`_head` (its text split at its newlines)."""
    # Usually the first n lines are short: one split of a bounded slice finds them.
    chunk = text[: n * (width + 1)]
    parts = chunk.split("\n", n)
    if len(parts) > n or len(chunk) == len(text):
        # Every one of the first n lines is whole in the chunk: cut the long ones there.
        if max(map(len, parts[:n])) <= width:
            return parts[:n]
        return [p[:width] for p in parts[:n]]
    out: list[str] = []
    pos, size = 0, len(text)
    while len(out) < n and pos <= size:
        end = text.find("\n", pos)
        end = size if end < 0 else end
        out.append(text[pos : min(end, pos + width)])
        pos = end + 1
    return out


def _two_pair_marks(lines: list[str]) -> bool:
    """Whether at least two of ``lines`` carry a pairs layout's ``[EN]`` / ``[中]`` mark
    (stops at the second)."""
    found = 0
    for ln in lines:
        if _PAIR_MARK_RE.match(ln):
            found += 1
            if found == 2:
                return True
    return False


def _first_line(text: str) -> str:
    """The first non-blank line of ``text``, stripped ("" when none), found without
    splitting the whole text."""
    pos, size = 0, len(text)
    while pos <= size:
        end = text.find("\n", pos)
        end = size if end < 0 else end
        line = text[pos:end].strip()
        if line:
            return line
        pos = end + 1
    return ""


def _has_markers(head: str, words: tuple[bool, bool] | None = None) -> bool:
    if TITLE_RE.match(_first_line(head)):
        return True
    heading, disclaimer = _marker_words(head) if words is None else words
    # The multi-line patterns try every position of the head: look for their words first.
    if heading and _HEADING_RE.search(head):
        return True
    return disclaimer and _DISCLAIMER_RE.search(head) is not None


def looks_like(text: str) -> bool:
    """Cheap test used by layout detection: is the body StatementDog's structure?"""
    return score(text) >= 0.8
