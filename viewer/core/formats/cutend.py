"""A file cut inside its last line, whatever its layout.

A copy that stops in the middle of a line (no newline after it) may have stopped inside a
speaker header (``Opera`` of ``Operator``, ``**Lena Park - Lark``, ``A - Pr``): a reader can
only take such a fragment for text. Nothing in the fragment tells it from a paragraph cut
short, but a paragraph's last line ends a sentence and a header fragment does not. So when the
text ends inside a line, that line is the end of the last paragraph and it does not end like a
sentence, the transcript says the file looks truncated (issue 16: a cut inside a speaker
header must never become a body paragraph silently).
"""

from __future__ import annotations

from viewer.core.models import ParseWarning, Transcript

# What a complete paragraph may end with: sentence ends, closing quotes and brackets, a
# percentage. A header fragment ("Opera", "A - Pr", "(00") ends with none of these.
_SENTENCE_END = frozenset('.?!;。？！；…"”」』)]）】%')
# A full stop that ends a name or a firm in a header ("Ruth A.", "Larkspur Logistics Inc.").
_NAME_STOPS = frozenset(
    {"inc", "co", "corp", "ltd", "llc", "plc", "jr", "sr", "mr", "ms", "mrs", "dr"}
)
CUT_LINE = "the file ends inside a line that ends no sentence: it looks truncated"


def _ends_sentence(line: str) -> bool:
    s = line.rstrip()
    if not s or s[-1] not in _SENTENCE_END:
        return False
    if s[-1] == ".":
        word = s[:-1].rsplit(None, 1)[-1] if s[:-1].strip() else ""
        if len(word) == 1 or word.casefold() in _NAME_STOPS:
            return False
    return True


def _same_end(text: str | None, tail: str) -> bool:
    """Does ``text`` end like ``tail`` (blanks ignored)? Readers drop markers (``[EN]``,
    ``(00:00:12)``) and re-space lines, so the shorter of the two ends the longer."""
    if not text:
        return False
    end = "".join(text[-2 * len(tail) - 16 :].split())
    n = min(len(end), len(tail))
    return n > 0 and end[-n:] == tail[-n:]


def flag_cut_end(text: str, transcript: Transcript) -> Transcript:
    """``transcript`` with a warning when ``text`` ends inside a line that became the end of
    its last paragraph and ends no sentence; otherwise ``transcript`` itself."""
    if not text or text[-1] in "\n\r" or not transcript.paragraphs:
        return transcript
    line = text[text.rfind("\n") + 1 :][-200:]
    tail = "".join(line.split())
    if not tail or _ends_sentence(line):
        return transcript
    last = transcript.paragraphs[-1]
    # A header fragment is read as a paragraph's text; a translation cut short is its last
    # line too (a complete call's last translation ends like a sentence, as its English does).
    if not _same_end(last.en, tail) and not _same_end(last.zh, tail):
        return transcript  # the reader read the line as something else (a header, markup)
    if any("truncated" in w.message for w in transcript.warnings):
        return transcript  # the reader said so already, more precisely
    warning = ParseWarning(line=text.count("\n") + 1, message=CUT_LINE)
    return transcript.model_copy(update={"warnings": (*transcript.warnings, warning)})
