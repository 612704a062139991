"""Paragraph text: sentences, sentence groups, hard-wrapped lines unwrapped."""

from __future__ import annotations

import re
from collections.abc import Sequence

from viewer.core.lazy_re import lazy_compile

# ---------------------------------------------------------------------------------------------
# Paragraphs
# ---------------------------------------------------------------------------------------------

_ABBREV = frozenset(
    """
    mr mrs ms dr prof sr jr st inc co corp ltd llc plc no nos vs etc approx appr est dept
    u.s u.k e.g i.e a.m p.m fig figs jan feb mar apr jun jul aug sep sept oct nov dec mt mln
    bln bn mm vol op ph gov sen rep gen col capt lt sgt
    """.split()  # noqa: SIM905
)
# A sentence mark and, in ``next``, the first character after the blanks that follow it
# (absent at the end of the text).
# (The first mark apart: a pattern opening with a plain class is searched by the engine's
# class scan, one opening with a repeat tried the whole pattern at every position, 3x the time.)
_SENT_END_RE = lazy_compile(r"[.!?。！？…][.!?。！？…]*[\"”’')\]]*(?=\s+(?P<next>\S)?|$)")
_ABBREV_LEN = max(map(len, _ABBREV))
_QUOTES = "(\"“'"
_DOTTED_RE = lazy_compile(r"(?:[a-z]\.)+[a-z]?")


def split_sentences(text: str) -> list[str]:
    """Sentences of an English (or Chinese) text, keeping abbreviations (``Mr.``, ``U.S.``,
    ``Inc.``), decimals (``3.5``) and initials (``J. Smith``) inside their sentence."""
    out: list[str] = []
    start = 0
    s = text.strip()
    # One regex pass gives each mark and the next character after the blanks; the word before
    # it is found in place (this runs on whole calls).
    # (Locals and plain indexing: a call's blob has a mark every hundred characters.)
    append, word_before, abbrev, dotted = out.append, _word_before, _ABBREV, _DOTTED_RE.fullmatch
    for m in _SENT_END_RE.finditer(s):
        nxt = m.group("next")  # (None: no character follows the blanks)
        if nxt is not None and (nxt.islower() or nxt in ",;:"):
            continue  # the sentence goes on, whatever the word before the mark
        at = m.start()
        if s[at] == ".":
            word = word_before(s, start, at)
            # Nearly every sentence end is a word too long for an abbreviation, without dots,
            # so no initial either: nothing to fold and look up. (Folding the case only
            # lengthens a word, and never makes a dot or a quote.)
            if "." in word or len(word.strip(_QUOTES)) <= _ABBREV_LEN:
                word = word.casefold().strip(_QUOTES)
                if word in abbrev or word.rstrip(".") in abbrev:
                    continue
                if len(word) == 1 and word.isalpha():  # an initial
                    continue
                if "." in word and dotted(word) and (nxt is None or nxt.islower()):
                    continue  # U.S, e.g
        end = m.end()
        piece = s[start:end].strip()
        if piece:
            append(piece)
        start = end
    tail = s[start:].strip()
    if tail:
        out.append(tail)
    return out


def _word_before(s: str, start: int, at: int) -> str:
    """The last word of ``s[start:at]``, found in place (a copy of the text since ``start``
    would be quadratic when a sentence does not end there: ``start`` stays put)."""
    # Nearly always a short word glued to the mark, after a space or a line break.
    lo = max(start, at - 64)
    cut = max(s.rfind(" ", lo, at), s.rfind("\n", lo, at))
    if cut >= 0 or lo == start:
        word = s[cut + 1 if cut >= 0 else lo : at]
        if word and word.split() == [word]:  # no other blank in it: the word itself
            return word
    k = at
    while k > start and s[k - 1].isspace():
        k -= 1
    i = k
    while i > start and not s[i - 1].isspace():
        i -= 1
    return s[i:k]


# Phrases that open a new topic in spoken remarks: a good place for a paragraph break.
# (The lookahead: every phrase starts with one of these letters, so a sentence starting with
# another is refused on one class test instead of after trying thirty alternatives.)
_TOPIC_RE = lazy_compile(
    r"^(?=[afgilmnoptw])(?:now,?\s+)?(?:turning|moving|let(?:'|’)?s\s+(?:turn|move|now\s+turn)|let\s+me\s+(?:now\s+)?"
    r"(?:turn|move|start|begin|close|conclude|hand)|i(?:'|’)ll\s+(?:now\s+)?(?:turn|start|begin|"
    r"hand|close|walk)|(?:now\s+)?(?:looking|turning|moving)\s+(?:at|to|on)|next,|finally,|"
    r"in\s+closing|in\s+summary|to\s+summarize|to\s+conclude|with\s+that|on\s+slide|"
    r"(?:please\s+)?turn(?:ing)?\s+to\s+slide|thank\s+you|thanks,|good\s+(?:morning|afternoon|"
    r"evening)|(?:our|the)\s+(?:first|next)\s+question|and\s+now\s+(?:to|for|on))",
    re.IGNORECASE,
)


def group_sentences(
    sentences: Sequence[str], *, target: int = 600, limit: int = 1200
) -> list[list[int]]:
    """Indexes of ``sentences`` grouped into paragraphs of about ``target`` characters.

    A paragraph breaks before a sentence that opens a new topic (``Turning to ...``,
    ``Now looking at Slide 5``, ``Finally, ...``) once it has some length, and always before
    it would pass ``limit``. Used when a file gives sentences but no paragraphs.
    """
    groups: list[list[int]] = []
    cur: list[int] = []
    size = 0
    for i, sent in enumerate(sentences):
        n = len(sent)
        if cur and (
            size + n > limit
            or (size >= target // 3 and _TOPIC_RE.match(sent))
            or (size >= target and sent[:1].isupper())
        ):
            groups.append(cur)
            cur, size = [], 0
        cur.append(i)
        size += n + 1
    if cur:
        groups.append(cur)
    return groups


def unwrap_lines(
    lines: Sequence[tuple[int, str]], *, width: int | None = None
) -> list[tuple[int, str]]:
    """Hard-wrapped ``(line_no, text)`` lines back into ``(first_line_no, paragraph)`` pairs.

    Blank lines always end a paragraph. Otherwise a line ends one when it ends a sentence and
    is clearly shorter than the wrap width (``width``, or the file's usual long-line length):
    the writer pressed Enter there, the wrapper did not. A word split by a hyphen at the wrap
    (``manage-`` / ``ment``) is not re-joined: the hyphen may be real.
    """
    body = [(no, t.rstrip()) for no, t in lines]
    if width is None:
        lengths = sorted(len(t) for _, t in body if t.strip())
        width = lengths[int(len(lengths) * 0.9)] if lengths else 0
    out: list[tuple[int, str]] = []
    cur: list[str] = []
    start = 0
    for no, t in body:
        s = t.strip()
        if not s:
            if cur:
                out.append((start, " ".join(cur)))
                cur = []
            continue
        if not cur:
            start = no
        cur.append(s)
        if width and len(t) < width * 0.8 and re.search(r"[.!?:\"”)]\s*$", s):
            out.append((start, " ".join(cur)))
            cur = []
    if cur:
        out.append((start, " ".join(cur)))
    return out
