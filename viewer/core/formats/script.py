"""Which script a text is in: Han or Latin, Simplified or Traditional, call vocabulary."""

from __future__ import annotations

import re

from viewer.core.lazy_re import lazy_compile
from viewer.core.models import (
    Script,
)

HAN_RE = lazy_compile(r"[\u3400-\u9fff\uf900-\ufaff]")
LATIN_RE = lazy_compile(r"[A-Za-z]")

# ---------------------------------------------------------------------------------------------
# Script
# ---------------------------------------------------------------------------------------------

# Frequent characters that differ between the scripts (Simplified, Traditional), as they occur
# in earnings calls. Enough to tell a translation's script; not a converter.
_HANS_ONLY = frozenset("们这说国会为发时对业长经产来万亿个与务营财报额现还进关过么实样点员问题")
_HANT_ONLY = frozenset("們這說國會為發時對業長經產來萬億個與務營財報額現還進關過麼實樣點員問題")
# Counted by a character-class regex: str.translate with a dict looks every character up in
# Python (1 ms for 4,000 Han characters, 20x the regex).
_HANS_RE = lazy_compile("[" + "".join(sorted(_HANS_ONLY)) + "]")
_HANT_RE = lazy_compile("[" + "".join(sorted(_HANT_ONLY)) + "]")


def chinese_script(text: str) -> Script | None:
    """``Script.HANS`` or ``Script.HANT`` from characters only one script uses; ``None`` when
    ``text`` has too few such characters to tell."""
    sample = text[:4000]  # a few paragraphs tell the script
    hans = len(_HANS_RE.findall(sample))
    hant = len(_HANT_RE.findall(sample))
    if hans + hant < 3:
        return None
    if hans >= 3 * max(hant, 1) or (hans > 0 and hant == 0):
        return Script.HANS
    if hant >= 3 * max(hans, 1) or (hant > 0 and hans == 0):
        return Script.HANT
    return None


_CALL_WORDS = (
    "quarter",
    "revenue",
    "earnings",
    "guidance",
    "fiscal",
    "margin",
    "outlook",
    "year-over-year",
    "year over year",
    "shareholder",
    "customers",
    "growth",
    "operating",
    "conference call",
    "analyst",
    "cash flow",
    "ebitda",
    "per share",
    "sales",
)


def call_vocabulary(text: str) -> int:
    """How many distinct earnings-call words (``quarter``, ``revenue``, ``guidance``, ...)
    the head of ``text`` uses: evidence for layouts whose shape alone proves little."""
    low = text[:8000].casefold()
    return sum(1 for w in _CALL_WORDS if w in low)


# The ideographs of HAN_RE in UTF-8: U+4000-U+9FFF start with a byte E4-E9 (every one of
# them); U+3400-U+3FFF are E3 90-BF, U+F900-U+FAFF are EF A4-AB. A lead byte never occurs
# inside another character's encoding, so finding one finds the character.
_HAN_LEADS = tuple(bytes([b]) for b in range(0xE4, 0xEA))
_HAN_E3_RE = re.compile(rb"\xe3[\x90-\xbf]")
_HAN_EF_RE = re.compile(rb"\xef[\xa4-\xab]")
_NOT_HAN_LEAD = bytes(
    b for b in range(256) if b not in (0xE3, 0xE4, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9, 0xEF)
)
_SHORT = 256  # characters a class scan tries first (cheaper than encoding a short text)


def has_han(text: str) -> bool:
    """Whether ``text`` holds any CJK ideograph (a character of ``HAN_RE``)."""
    # An ASCII text has none: one flag check instead of a scan.
    if text.isascii():
        return False
    # A Chinese text shows one early: look at its start before encoding the whole text.
    if HAN_RE.search(text, 0, _SHORT) is not None:
        return True
    if len(text) <= _SHORT:
        return False
    # The regex engine tests every character against the class (15 ns each: 0.4 ms for an
    # English call with one curly quote); encoding and a byte search each lead byte is C
    # speed.
    data = _utf8(text)
    if any(lead in data for lead in _HAN_LEADS):
        return True
    return (b"\xe3" in data and _HAN_E3_RE.search(data) is not None) or (
        b"\xef" in data and _HAN_EF_RE.search(data) is not None
    )


_NOT_LATIN = bytes(b for b in range(256) if not (65 <= b <= 90 or 97 <= b <= 122))
_NOT_HAN_E4_E9 = bytes(b for b in range(256) if not 0xE4 <= b <= 0xE9)


def _utf8(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")  # (a lone surrogate is no ideograph)


def _latin_in(data: bytes) -> int:
    return len(data.translate(None, _NOT_LATIN))


def _common_han_in(data: bytes) -> int:
    """The ideographs under lead bytes E4-E9: nearly all of them (a lower bound)."""
    return len(data.translate(None, _NOT_HAN_E4_E9))


def _han_leads_in(data: bytes) -> int:
    """Every byte that may lead an ideograph (E3-E9, EF): an upper bound."""
    return len(data.translate(None, _NOT_HAN_LEAD))


def han_latin_counts(text: str) -> tuple[int, int]:
    """How many CJK ideographs (``HAN_RE``) and Latin letters (``LATIN_RE``) ``text`` holds,
    counted in its UTF-8 bytes: a Latin letter is one byte, an ideograph one lead byte (E4-E9,
    or E3 / EF with the second bytes above), and no other character's bytes are either. (Two
    deletions and two byte searches; the class regexes tested every character, 15 ns each.)"""
    if text.isascii():
        return 0, _latin_in(text.encode("ascii"))
    data = _utf8(text)
    return _han_in(data), _latin_in(data)


def han_count(text: str) -> int:
    """How many CJK ideographs ``text`` holds (see :func:`han_latin_counts`)."""
    return 0 if text.isascii() else _han_in(_utf8(text))


def latin_count(text: str) -> int:
    """How many Latin letters ``text`` holds (see :func:`han_latin_counts`)."""
    return _latin_in(_utf8(text))


def mostly_han(text: str) -> bool:
    """Whether ``text`` has more ideographs than all its other characters together, or than
    its Latin letters (a Chinese line, though it may quote English names)."""
    if text.isascii():
        return False
    data = _utf8(text)  # (once, for both counts)
    # The ideographs under E4-E9 are nearly all of them: when they decide, the rare ones under
    # E3 and EF are not counted (a lower bound that passes makes the exact count pass too).
    low = _common_han_in(data)
    if low * 2 > len(text):
        return True  # (the letters are counted only when the Han are not half the text)
    latin = _latin_in(data)
    if low > latin:
        return True
    han = _han_in(data)
    return han * 2 > len(text) or han > latin


def _han_in(data: bytes) -> int:
    han = _common_han_in(data)
    # E3 and EF are only ever lead bytes. Nearly every Chinese line has E3 80 (。、「」) and
    # EF BC / EF BD (，：（）) and no ideograph under those leads: when the counts say so, the
    # pattern that finds E3 90-BF and EF A4-AB is not run (two byte counts are C speed).
    e3 = data.count(b"\xe3")
    if e3 and e3 != data.count(b"\xe3\x80"):
        han += len(_HAN_E3_RE.findall(data))
    ef = data.count(b"\xef")
    if ef and ef != data.count(b"\xef\xbc") + data.count(b"\xef\xbd"):
        han += len(_HAN_EF_RE.findall(data))
    return han


def han_bound(text: str) -> int:
    """At least as many as the CJK ideographs in ``text`` (their UTF-8 lead bytes, counted
    at C speed): zero means none, and a small bound caps the lines that can hold one."""
    if text.isascii():
        return 0
    # One pass deleting every other byte (counting each lead byte apart took eight passes).
    return _han_leads_in(_utf8(text))


def mostly_latin(text: str) -> bool:
    """Whether ``text`` has Latin letters and at most a few ideographs (English that leaked into a
    Chinese field, or an untranslated line)."""
    sample = text[:400]  # the start tells; whole paragraphs are slow to count
    if sample.isascii():
        return latin_count(sample) > 0  # (no Han at all)
    data = _utf8(sample)  # (once, for both counts)
    latin = _latin_in(data)
    if latin == 0:
        return False
    # Every ideograph's lead byte is E3-E9 or EF: fewer of those than an eighth of the letters
    # decides without the exact count.
    if _han_leads_in(data) * 8 < latin:
        return True
    if _common_han_in(data) * 8 >= latin:
        return False  # (as many ideographs under E4-E9 alone)
    return _han_in(data) * 8 < latin


# Runs, not single characters: one match (and one string) per word instead of per letter.
HAN_RUN_RE = lazy_compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
LATIN_RUN_RE = lazy_compile(r"[A-Za-z]+")


def count_chars(run_re: re.Pattern[str], text: str) -> int:
    """How many characters of ``text`` the character-class runs of ``run_re`` cover."""
    return sum(map(len, run_re.findall(text)))
