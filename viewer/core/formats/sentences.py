"""One sentence per line, no speakers, no sections (the ECTSum-style corpus).

::

    Good morning, and thank you for joining us.
    Revenue grew 12% in the quarter.
    ...

The file names nobody, so the call is one unnamed speaker (``Unknown speaker``) and a warning
says so plainly (the window shows it in the status bar). Paragraphs are rebuilt from the
sentences (:func:`~viewer.core.formats.textblocks.group_sentences`); when a line calls the first
question the rest of the call is the Q&A section.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from viewer.core.errors import TranscriptError
from viewer.core.formats.builder import TranscriptBuilder
from viewer.core.formats.callmeta import meta_from_filename, meta_from_text, reconcile_meta
from viewer.core.formats.names import split_name_label
from viewer.core.formats.qastart import split_at_questions
from viewer.core.formats.script import call_vocabulary, has_han
from viewer.core.formats.sniff import starts_json
from viewer.core.formats.textblocks import group_sentences
from viewer.core.lazy_re import lazy_compile
from viewer.core.models import Layout, Transcript

NAME = "sentences"

CancelCheck = Callable[[], bool]

_END_RE = lazy_compile(r"[.!?…][\"”’')\]]*\s*$")
# "\s*(?::\s*)?$", not "\s*:?\s*$": two blank runs in a row are quadratic on "Operator" and a
# long blank run (2.5 s for 20,000 blanks, in every file's detection)
_HEADERISH_RE = lazy_compile(
    r"^(?:operator|presentation|questions? and answers?|question-and-answer session|"
    r"corporate participants|conference call participants|executives|analysts)\s*(?::\s*)?$"
    r"|^[A-Z][\w.'’\-]+(?: [A-Z][\w.'’\-]+){0,4} [-–—] [A-Z]",
    re.IGNORECASE,
)


_CLOSERS = "\"”’')]"
_ENDS = frozenset(".!?…")
_HEADING_INITIALS = frozenset("opqceaOPQCEA")
_MULTI_RE = lazy_compile(r"[.!?] +[A-Z]")


def _lines(text: str) -> list[str]:
    return [ln.strip() for ln in text.split("\n") if ln.strip()]


def score(text: str) -> float:
    """How well ``text`` fits this layout (see ``viewer.core.formats``)."""
    head = text[:12000]
    if head.lstrip()[:1] in ("{", "[", "#"):
        return 0.0
    raw = head.split("\n")
    lines = _lines(head)
    if len(lines) < 8 or has_han(head):
        return 0.0
    # Every test below refuses on its own: the cheap ones first.
    # (The lines are stripped: ending a sentence is the last character before any closing
    # quotes and brackets; _END_RE searched every position of every line for that.)
    ended = sum(1 for ln in lines if ln.rstrip(_CLOSERS)[-1:] in _ENDS)
    if ended < 0.85 * len(lines):
        return 0.0
    lengths = sorted(len(ln) for ln in lines)
    median = lengths[len(lengths) // 2]
    if not 20 <= median <= 400:
        return 0.0
    # Several sentences on a line: paragraphs, not sentences.
    # (Each match starts with ". ", "! " or "? ": fewer than two of those, no need to look.)
    multi = sum(
        1
        for ln in lines
        if ln.count(". ") + ln.count("! ") + ln.count("? ") >= 2 and len(_MULTI_RE.findall(ln)) >= 2
    )
    if multi > 0.2 * len(lines):
        return 0.0
    # (A heading word opens the line, or a " - " follows the name.)
    headers = sum(
        1
        for ln in lines
        if (ln[:1] in _HEADING_INITIALS or " - " in ln or " – " in ln or " — " in ln)
        and _HEADERISH_RE.match(ln)
    )
    if headers >= 2:
        return 0.0
    labels = sum(1 for ln in lines[:200] if ":" in ln[:80] and split_name_label(ln) is not None)
    if labels >= 3 or call_vocabulary(head) < 4:
        return 0.0  # speaker labels, or plain prose: not this layout
    blank = sum(1 for ln in raw if not ln.strip())
    return 0.8 if blank <= 0.1 * len(lines) else 0.6


def parse(
    text: str,
    path: str = "<text>",
    encoding: str = "utf-8",
    newline: str = "LF",
    cancel: CancelCheck | None = None,
) -> Transcript:
    """Parse a sentence-per-line call into one unnamed speaker's paragraphs."""
    numbered = [(i + 1, ln.strip()) for i, ln in enumerate(text.split("\n")) if ln.strip()]
    if not numbered:
        raise TranscriptError(path, "no transcript text found")
    if starts_json(text):
        raise TranscriptError(path, "not a sentence-per-line transcript (this is JSON)")
    b = TranscriptBuilder(path, Layout.SENTENCES, encoding, newline, cancel)
    speaker = b.unnamed_speaker()
    for part, qa in split_at_questions(numbered, [s for _, s in numbered]):
        if not part:
            continue
        b.check_cancel()
        b.turn(speaker, part[0][0], qa=qa)
        for group in group_sentences([s for _, s in part]):
            b.para(" ".join(part[k][1] for k in group), part[group[0]][0])
    content = meta_from_text("\n".join(s for _, s in numbered[:60]))
    hints = reconcile_meta(content, meta_from_filename(path), lambda msg: b.warn(None, msg))
    return b.build(hints, script=None)
