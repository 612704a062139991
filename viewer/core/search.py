"""Search in both languages: the engine behind the find bar and ``--find``.

Matching runs on *folded* copies of the paragraph texts; display and export keep the
originals. The fold, applied identically to the text and to the query, is:

1. drop zero-width, bidi and other default-ignorable characters;
2. NFKC (``７４．１％`` -> ``74.1%``, ``ﬁ`` -> ``fi``), then casefold (unless case-sensitive)
   and NFKC again, which is Unicode's NFKC_Casefold in practice;
3. Traditional -> Simplified Chinese, character by character, from OpenCC's own dictionaries
   (``營收`` and ``营收`` both fold to ``营收``).

OpenCC's converter works on phrases and costs about 1.3 us per character (over 2 s for the
Chinese of a 10 MB transcript), and its phrase rules change lengths; for matching a
per-character map is enough as long as both sides go through it, so we read OpenCC's
character dictionaries into a ``str.translate`` table instead.

The fold works on clusters (a character plus its combining marks) so that NFKC composes
them as it would the whole string. Each folded character remembers the original cluster it
came from; hits are reported as code-point offsets into the *original* paragraph text.
Most paragraphs fold character for character (same length), and keep no offset map at all.
"""

from __future__ import annotations

import bisect
import functools
import re
import threading
import unicodedata
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Literal, NamedTuple

from pydantic import BaseModel, ConfigDict

from viewer.core.errors import ViewerError
from viewer.core.models import Transcript

Lang = Literal["en", "zh"]
Scope = Literal["both", "en", "zh"]
LANGS: tuple[Lang, Lang] = ("en", "zh")

# Separator between paragraphs in the concatenated folded text. Paragraph texts come from
# single lines, and a query containing it falls back to a per-paragraph search.
_SEP = "\n"

# Default-ignorable characters a reader cannot see: soft hyphen, Arabic letter mark,
# Mongolian vowel separator, zero-width space/joiners, LRM/RLM, bidi embeddings and
# isolates, word joiner and invisible operators, BOM, variation selectors.
_IGNORABLE = re.compile(
    "[\u00ad\u034f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f"
    "\ufe00-\ufe0f\ufeff\U000e0000-\U000e0fff]"
)

# Letters and digits of Latin script (after folding): the only characters that make a
# whole-word boundary. Han, kana and punctuation never do.
_LATIN_WORD_CLASS = (
    "0-9A-Za-z\u00aa\u00b5\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02af"
    "\u1d00-\u1dbf\u1e00-\u1eff\u2c60-\u2c7f\ua720-\ua7ff\uab30-\uab6f\\d"
)
_LATIN_WORD = re.compile(f"[{_LATIN_WORD_CLASS}]")

_CANCEL_EVERY = 512


class SearchError(ViewerError):
    """The query cannot be run (an invalid regular expression); ``str()`` is a short message."""


class SearchCancelled(ViewerError):
    """Raised inside a search when its cancel callback says so."""


class SearchOptions(BaseModel):
    """What to look for and where.

    ``paragraphs`` restricts the search to those paragraph indices (the speakers and
    sections shown); ``None`` searches every paragraph.
    """

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    query: str
    regex: bool = False
    case_sensitive: bool = False
    whole_word: bool = False
    scope: Scope = "both"
    paragraphs: frozenset[int] | None = None

    @property
    def langs(self) -> tuple[Lang, ...]:
        """The languages searched, in document order (English first)."""
        return LANGS if self.scope == "both" else (self.scope,)


class Hit(NamedTuple):
    """One match: code-point offsets ``[start, end)`` into the original paragraph text.

    Tuples sort in document order: paragraph, then ``en`` before ``zh``, then start.
    """

    paragraph: int
    lang: Lang
    start: int
    end: int


# --- folding ------------------------------------------------------------------------------


def _load_t2s() -> dict[int, str]:
    """Traditional -> Simplified per character, from the dictionaries OpenCC ships."""
    import opencc

    folder = Path(opencc.__file__).parent / "dictionary"
    table: dict[str, str] = {}
    for line in (folder / "TSCharacters.txt").read_text(encoding="utf-8").splitlines():
        key, _, values = line.partition("\t")
        if len(key) == 1 and values:
            table[key] = values.split(" ")[0]
    # Variants that only the Simplified -> Traditional dictionary knows (伕 -> 夫, 牠 -> 它).
    for line in (folder / "STCharacters.txt").read_text(encoding="utf-8").splitlines():
        key, _, values = line.partition("\t")
        for trad in values.split(" "):
            if len(key) == 1 and len(trad) == 1 and trad != key and trad not in table:
                table[trad] = key
    # Close chains (A -> B -> C) so folding is idempotent.
    for key in list(table):
        seen = {key}
        value = table[key]
        while value in table and table[value] != value and value not in seen:
            seen.add(value)
            value = table[value]
        table[key] = value
    return {ord(k): v for k, v in table.items() if k != v}


_T2S: dict[int, str] | None = None


def _t2s() -> dict[int, str]:
    global _T2S
    if _T2S is None:
        _T2S = _load_t2s()
    return _T2S


def _fold_plain(s: str, casefold: bool) -> str:
    """The fold of one cluster (or of any string whose clusters are single characters)."""
    s = unicodedata.normalize("NFKC", _IGNORABLE.sub("", s))
    if casefold:
        s = unicodedata.normalize("NFKC", s.casefold())
    return _IGNORABLE.sub("", s.translate(_t2s()))


def _joins_previous(c: str) -> bool:
    """Whether NFKC may compose ``c`` with the character before it."""
    o = ord(c)
    if o < 0x300:
        return False
    return (
        unicodedata.combining(c) != 0
        or unicodedata.category(c) in ("Mn", "Mc", "Me")
        or 0x1160 <= o <= 0x11FF  # Hangul medial vowels and final consonants
    )


class _Shifts(NamedTuple):
    """Where a paragraph's fold is not character for character: one entry per cluster that
    changed length (folded start, folded length, original start, original length), in order.
    Sparse, so a zero-width space in every paragraph costs a few integers each."""

    fstart: array[int]
    flen: array[int]
    ostart: array[int]
    olen: array[int]

    def original(self, fstart: int, fend: int) -> tuple[int, int]:
        return self._one(fstart, False), self._one(fend - 1, True)

    def _one(self, f: int, end: bool) -> int:
        k = bisect.bisect_right(self.fstart, f) - 1
        if k < 0:
            return f + 1 if end else f
        fs, fl, os_, ol = self.fstart[k], self.flen[k], self.ostart[k], self.olen[k]
        if f < fs + fl:  # inside a cluster that folded to several characters
            return os_ + ol if end else os_
        o = os_ + ol + (f - fs - fl)
        return o + 1 if end else o


@functools.lru_cache(maxsize=65536)
def _fold_cluster(cluster: str, casefold: bool) -> str:
    return _fold_plain(cluster, casefold)


class _Folder:
    """Per-character fold tables for one case mode, filled as new characters are seen."""

    def __init__(self, casefold: bool) -> None:
        self.casefold = casefold
        # ord -> fold, for characters that fold to exactly one character on their own.
        self.table: dict[int, str] = {}
        # Characters that change length (irregular) or compose with the character before
        # them (joiners): only clusters holding one of those take the slow path.
        self.irregular: set[str] = set()
        self.joiners: set[str] = set()
        self._irregular_re: re.Pattern[str] | None = None
        self._cluster_re: re.Pattern[str] | None = None
        # The GUI searches in worker threads: two of them may learn characters at once.
        self._lock = threading.Lock()

    def learn(self, chars: Iterable[str]) -> None:
        with self._lock:
            self._learn(chars)

    def _learn(self, chars: Iterable[str]) -> None:
        added = False
        for c in chars:
            o = ord(c)
            if o in self.table or c in self.irregular or c in self.joiners:
                continue
            f = _fold_plain(c, self.casefold)
            if _joins_previous(c):
                self.joiners.add(c)
                added = True
            elif len(f) == 1:
                self.table[o] = f
            else:
                self.irregular.add(c)
                added = True
        if added:
            joiners = "".join(re.escape(c) for c in sorted(self.joiners))
            irregular = "".join(re.escape(c) for c in sorted(self.irregular))
            both = f"[{joiners}{irregular}]"
            self._irregular_re = re.compile(both)
            # A cluster: any character followed by joiners, or one irregular character.
            parts = []
            if joiners:
                parts.append(f"(?s:.)[{joiners}]+")
            if irregular:
                parts.append(f"[{irregular}][{joiners}]*" if joiners else f"[{irregular}]")
            self._cluster_re = re.compile("|".join(parts))

    def is_regular(self, text: str) -> bool:
        return self._irregular_re is None or self._irregular_re.search(text) is None

    def fold_mapped(self, text: str) -> tuple[str, _Shifts]:
        """Fold ``text``: runs of regular characters through the table (C speed), the
        clusters that change length one by one, recording each in the shifts."""
        assert self._cluster_re is not None
        out: list[str] = []
        shifts = _Shifts(array("l"), array("l"), array("l"), array("l"))
        table, casefold = self.table, self.casefold
        last = fpos = 0
        for m in self._cluster_re.finditer(text):
            s, e = m.span()
            if s > last:
                run = text[last:s].translate(table)
                out.append(run)
                fpos += len(run)
            f = _fold_cluster(text[s:e], casefold)
            if len(f) != e - s:
                shifts.fstart.append(fpos)
                shifts.flen.append(len(f))
                shifts.ostart.append(s)
                shifts.olen.append(e - s)
            out.append(f)
            fpos += len(f)
            last = e
        out.append(text[last:].translate(table))
        return "".join(out), shifts

    def fold(self, text: str) -> str:
        """The fold of ``text`` (a query, or a paragraph)."""
        self.learn(set(text))
        if self.is_regular(text):
            return text.translate(self.table)
        return self.fold_mapped(text)[0]


_FOLDERS: dict[bool, _Folder] = {}


def _folder(casefold: bool) -> _Folder:
    folder = _FOLDERS.get(casefold)
    if folder is None:
        folder = _FOLDERS.setdefault(casefold, _Folder(casefold))
    return folder


def fold(text: str, case_sensitive: bool = False) -> str:
    """The search key of ``text``: what matching compares (never shown to the user)."""
    return _folder(not case_sensitive).fold(text)


# --- the index ----------------------------------------------------------------------------


class _FoldedLang:
    """One language's folded paragraphs, concatenated, with offset maps where needed."""

    def __init__(
        self, texts: tuple[str, ...], folder: _Folder, cancel: Callable[[], bool] | None = None
    ) -> None:
        folded: list[str] = []
        self.maps: dict[int, _Shifts] = {}
        casefold = folder.casefold
        table = folder.table
        for i, text in enumerate(texts):
            if i % 64 == 0:
                # In steps, so a worker never holds the GIL long (the GUI thread waits for it).
                if cancel is not None and cancel():
                    raise SearchCancelled("indexing cancelled")
                folder.learn(set(_SEP.join(texts[i : i + 64])))
            if text.isascii():
                # Fast path: ASCII is NFKC-stable and has no Han; casefold is lower().
                folded.append(text.lower() if casefold else text)
            elif folder.is_regular(text):
                folded.append(text.translate(table))
            else:
                f, shifts = folder.fold_mapped(text)
                folded.append(f)
                if shifts.fstart:
                    self.maps[i] = shifts
        self.text = _SEP.join(folded)
        self.starts: list[int] = []
        pos = 0
        for f in folded:
            self.starts.append(pos)
            pos += len(f) + len(_SEP)
        self.ends = [s + len(f) for s, f in zip(self.starts, folded, strict=True)]

    def original(self, paragraph: int, fstart: int, fend: int) -> tuple[int, int]:
        """Folded ``[fstart, fend)`` local to ``paragraph`` -> original offsets."""
        m = self.maps.get(paragraph)
        if m is None:
            return fstart, fend
        return m.original(fstart, fend)


class SearchIndex:
    """Folded copies of a transcript's paragraphs, built once per transcript.

    The case-insensitive fold is built at once (``cancel`` is polled while it is); the
    case-sensitive one on first use.
    """

    def __init__(self, transcript: Transcript, cancel: Callable[[], bool] | None = None) -> None:
        paragraphs = transcript.paragraphs
        self.size = len(paragraphs)
        self.texts: dict[Lang, tuple[str, ...]] = {
            "en": tuple(p.en for p in paragraphs),
            "zh": tuple(p.zh or "" for p in paragraphs),
        }
        self._folded: dict[tuple[Lang, bool], _FoldedLang] = {}
        self._lock = threading.Lock()
        # Not through folded(): nobody else can see the index yet, so no lock is held while
        # ``cancel`` pauses (a paused job holding the lock would block the GUI thread).
        folder = _folder(True)
        for lang in LANGS:
            self._folded[(lang, False)] = _FoldedLang(self.texts[lang], folder, cancel)

    def warm(self, case_sensitive: bool) -> None:
        """Build the folds of one case mode now (e.g. in a worker thread)."""
        for lang in LANGS:
            self.folded(lang, case_sensitive)

    def folded(self, lang: Lang, case_sensitive: bool) -> _FoldedLang:
        key = (lang, case_sensitive)
        folded = self._folded.get(key)
        if folded is None:
            with self._lock:  # built once even when two worker threads ask at once
                folded = self._folded.get(key)
                if folded is None:
                    folded = _FoldedLang(self.texts[lang], _folder(not case_sensitive))
                    self._folded[key] = folded
        return folded


# --- matching -----------------------------------------------------------------------------


def _compile_regex(pattern: str, case_sensitive: bool) -> re.Pattern[str]:
    """Compile a user regex to run on folded text.

    Every non-ASCII character of a pattern is a literal (Python's regex syntax is ASCII), so
    runs of them are folded like the text and escaped (a full-width ``（`` must stay a
    literal, not become a group). ASCII letters are matched case-insensitively by the flag,
    the text being casefolded already.
    """
    flags = 0 if case_sensitive else re.IGNORECASE
    try:
        re.compile(pattern, flags)  # errors reported at the user's own positions
    except (re.error, OverflowError, RecursionError, ValueError) as exc:
        raise SearchError(f"invalid regular expression: {_regex_reason(exc)}") from None
    folder = _folder(not case_sensitive)
    out: list[str] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            out.append(re.escape(folder.fold("".join(run))))
            run.clear()

    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\" and i + 1 < n:
            nxt = pattern[i + 1]
            if nxt.isascii():
                flush()
                out.append(c + nxt)
            else:
                run.append(nxt)  # an escaped non-ASCII character is that literal
            i += 2
        elif c.isascii():
            flush()
            out.append(c)
            i += 1
        else:
            run.append(c)
            i += 1
    flush()
    try:
        return re.compile("".join(out), flags)
    except (re.error, OverflowError, RecursionError, ValueError) as exc:
        raise SearchError(f"invalid regular expression: {_regex_reason(exc)}") from None


def _regex_reason(exc: Exception) -> str:
    if isinstance(exc, re.error):
        where = f" at position {exc.pos}" if exc.pos is not None else ""
        return f"{exc.msg}{where}"
    if isinstance(exc, RecursionError):
        return "pattern too deeply nested"
    return str(exc) or type(exc).__name__


def _whole_word_ok(text: str, start: int, end: int) -> bool:
    """No Latin letter or digit right before ``start`` or right after ``end``."""
    if start > 0 and _LATIN_WORD.match(text, start - 1):
        return False
    return not (end < len(text) and _LATIN_WORD.match(text, end))


class _Plan:
    """A compiled query: a folded literal, a whole-word regex for it, or a user regex."""

    def __init__(self, options: SearchOptions) -> None:
        self.options = options
        self.literal = ""
        self.regex: re.Pattern[str] | None = None
        self.user_regex = options.regex
        if options.regex:
            self.regex = _compile_regex(options.query, options.case_sensitive)
        else:
            self.literal = fold(options.query, options.case_sensitive)
            if options.whole_word and self.literal:
                # Lookarounds on Latin letters only: Han text has no word boundaries. The
                # lookbehind comes after the literal (and spans it) so that the regex engine
                # can still scan for the literal first: five times faster on 10 MB.
                q = re.escape(self.literal)
                self.regex = re.compile(
                    f"{q}(?<![{_LATIN_WORD_CLASS}]{q})(?![{_LATIN_WORD_CLASS}])"
                )

    @property
    def empty(self) -> bool:
        return not self.user_regex and not self.literal

    @property
    def crosses(self) -> bool:
        """Whether a hit could span a paragraph separator in the concatenated text."""
        return self.user_regex or _SEP in self.literal

    def spans(self, text: str, lo: int, hi: int) -> Iterator[tuple[int, int]]:
        """Folded spans of the hits in ``text[lo:hi]`` (positions in ``text``)."""
        if self.user_regex:
            assert self.regex is not None
            # A slice, so that ^, $, \A and lookbehinds see only this paragraph.
            part = text[lo:hi]
            check = self.options.whole_word
            for m in self.regex.finditer(part):
                s, e = m.span()
                if s < e and (not check or _whole_word_ok(part, s, e)):
                    yield lo + s, lo + e
        elif self.regex is not None:
            for m in self.regex.finditer(text, lo, hi):
                yield m.span()
        else:
            q = self.literal
            n = len(q)
            i = text.find(q, lo, hi)
            while i >= 0:
                yield i, i + n
                i = text.find(q, i + n, hi)


def _allowed(index: SearchIndex, options: SearchOptions) -> Sequence[int]:
    """The paragraphs searched, in order."""
    if options.paragraphs is None:
        return range(index.size)
    return sorted(p for p in options.paragraphs if 0 <= p < index.size)


def _scan(
    index: SearchIndex,
    plan: _Plan,
    lang: Lang,
    paragraphs: Iterable[int],
    cancel: Callable[[], bool] | None = None,
) -> list[Hit]:
    data = index.folded(lang, plan.options.case_sensitive)
    text, starts, ends, maps = data.text, data.starts, data.ends, data.maps
    hits: list[Hit] = []
    append = hits.append
    literal = plan.literal if plan.regex is None else ""
    n = len(literal)
    find_ = text.find
    for k, p in enumerate(paragraphs):
        if cancel is not None and k % _CANCEL_EVERY == 0 and cancel():
            raise SearchCancelled("search cancelled")
        lo, hi = starts[p], ends[p]
        m = maps.get(p)
        if literal:
            # The hot loop of a plain search (every "the" of 10 MB): kept inline.
            i = find_(literal, lo, hi)
            while i >= 0:
                s = i - lo
                if m is None:
                    append(Hit(p, lang, s, s + n))
                else:
                    append(Hit(p, lang, *m.original(s, s + n)))
                i = find_(literal, i + n, hi)
        else:
            for fs, fe in plan.spans(text, lo, hi):
                s, e = data.original(p, fs - lo, fe - lo)
                append(Hit(p, lang, s, e))
    return hits


def _count_lang(
    index: SearchIndex,
    plan: _Plan,
    lang: Lang,
    paragraphs: Sequence[int],
    cancel: Callable[[], bool] | None = None,
) -> int:
    data = index.folded(lang, plan.options.case_sensitive)
    text = data.text
    if isinstance(paragraphs, range) and paragraphs.step == 1 and not plan.crosses:
        # A run of paragraphs is one slice of the concatenation: count it in C.
        if not paragraphs:
            return 0
        lo, hi = data.starts[paragraphs.start], data.ends[paragraphs.stop - 1]
        if plan.regex is not None:
            return len(plan.regex.findall(text, lo, hi))
        return text.count(plan.literal, lo, hi)
    starts, ends = data.starts, data.ends
    total = 0
    q = plan.literal if plan.regex is None else ""
    for k, p in enumerate(paragraphs):
        if cancel is not None and k % _CANCEL_EVERY == 0 and cancel():
            raise SearchCancelled("search cancelled")
        if q:
            total += text.count(q, starts[p], ends[p])
        else:
            total += sum(1 for _ in plan.spans(text, starts[p], ends[p]))
    return total


def find(
    index: SearchIndex, options: SearchOptions, cancel: Callable[[], bool] | None = None
) -> list[Hit]:
    """Every hit of ``options`` in document order (paragraph, ``en`` before ``zh``, start).

    Raises ``SearchError`` for an invalid regular expression and ``SearchCancelled`` when
    ``cancel()`` returns true (checked between paragraphs). An empty query finds nothing;
    empty matches of a regular expression are skipped.
    """
    plan = _Plan(options)
    if plan.empty:
        return []
    paragraphs = _allowed(index, options)
    per_lang = [_scan(index, plan, lang, paragraphs, cancel) for lang in options.langs]
    if len(per_lang) == 1:
        return per_lang[0]
    # Two sorted runs: Timsort merges them in linear time.
    return sorted(per_lang[0] + per_lang[1])


def count(
    index: SearchIndex, options: SearchOptions, cancel: Callable[[], bool] | None = None
) -> int:
    """``len(find(index, options))``, counted without building the hits."""
    plan = _Plan(options)
    if plan.empty:
        return 0
    paragraphs = _allowed(index, options)
    return sum(_count_lang(index, plan, lang, paragraphs, cancel) for lang in options.langs)


def check(options: SearchOptions) -> None:
    """Raise ``SearchError`` now if the query cannot run (an invalid regular expression)."""
    _Plan(options)


def rank(
    index: SearchIndex,
    options: SearchOptions,
    hit: Hit,
    cancel: Callable[[], bool] | None = None,
) -> int:
    """How many hits come before ``hit`` (0 for the first): the ``n`` of "n of N", minus 1."""
    plan = _Plan(options)
    if plan.empty:
        return 0
    allowed = _allowed(index, options)
    cut = bisect.bisect_left(allowed, hit.paragraph)
    before = allowed[:cut]
    total = sum(_count_lang(index, plan, lang, before, cancel) for lang in options.langs)
    if cut < len(allowed) and allowed[cut] == hit.paragraph:
        total += sum(
            1
            for lang in options.langs
            for h in _scan(index, plan, lang, (hit.paragraph,))
            if h < hit
        )
    return total


def find_next(
    index: SearchIndex,
    options: SearchOptions,
    paragraph: int,
    lang: Lang = "en",
    offset: int = -1,
    backwards: bool = False,
) -> tuple[Hit, bool] | None:
    """The hit after position ``(paragraph, lang, offset)`` (before it if ``backwards``),
    wrapping around the document; with a flag saying whether it wrapped. ``None`` if there
    is no hit at all.

    Pass the current hit's ``(paragraph, lang, start)`` to step from it, or ``offset=-1``
    to include hits starting at the very beginning of ``paragraph``.
    """
    plan = _Plan(options)
    if plan.empty:
        return None
    allowed = _allowed(index, options)
    if not allowed:
        return None
    here = (paragraph, lang, offset)
    cut = bisect.bisect_left(allowed, paragraph)
    # Paragraphs in visiting order; the starting one comes again at the end (wrapped) for the
    # hits on the other side of the position.
    if backwards:
        first = list(reversed(allowed[: min(cut + 1, len(allowed))]))
        then = list(reversed(allowed[cut:]))
    else:
        first = list(allowed[cut:])
        then = list(allowed[: cut + 1])
    for wrapped, run in ((False, first), (True, then)):
        for p in run:
            hits = [h for lg in options.langs for h in _scan(index, plan, lg, (p,))]
            hits.sort()
            if backwards:
                hits.reverse()
                chosen = [h for h in hits if wrapped or (h.paragraph, h.lang, h.start) < here]
            else:
                chosen = [h for h in hits if wrapped or (h.paragraph, h.lang, h.start) > here]
            if chosen:
                return chosen[0], wrapped
    return None


class HitContext(NamedTuple):
    """What a hit list shows: who speaks, and the hit with some text on each side."""

    speaker: str
    before: str
    match: str
    after: str


def hit_context(transcript: Transcript, hit: Hit, width: int = 40) -> HitContext:
    """The speaker of ``hit`` and up to ``width`` characters of context on each side,
    cut at a space where one is near, with line breaks and tabs shown as spaces."""
    p = transcript.paragraphs[hit.paragraph]
    text = p.en if hit.lang == "en" else p.zh or ""
    lo = max(0, hit.start - width)
    hi = min(len(text), hit.end + width)
    before, after = text[lo : hit.start], text[hit.end : hi]
    if lo > 0:
        cut = before.find(" ")
        before = "…" + (before[cut + 1 :] if 0 <= cut < width // 2 else before)
    if hi < len(text):
        cut = after.rfind(" ")
        after = (after[:cut] if cut > len(after) - width // 2 else after) + "…"
    flat = str.maketrans("\t\n\r\x0b\x0c", "     ")
    return HitContext(
        transcript.speaker_of_paragraph(hit.paragraph).name,
        before.translate(flat),
        text[hit.start : hit.end].translate(flat),
        after.translate(flat),
    )
