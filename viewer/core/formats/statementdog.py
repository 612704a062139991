"""StatementDog (財報狗) bilingual transcripts, bulleted and bare layouts.

See ``shared/docs/FORMAT.md``. English paragraphs are paired with their Chinese lines by
structure (bullet vs indentation in the bulleted layout, script and repetition in the bare
one), so a missing or extra line never shifts the pairs after it.
"""

from __future__ import annotations

from viewer.core.errors import LoadCancelled, TranscriptError
from viewer.core.formats.readerkit import CancelCheck
from viewer.core.formats.script import has_han
from viewer.core.formats.statementdog_detect import (
    _BULLET_RE,
    DISCLAIMER_PREFIX,
    FULLTEXT_HEADING,
    SUMMARY_HEADING,
    TITLE_RE,
    looks_like,
    score,
)
from viewer.core.formats.statementdog_pairing import items_bare, items_bulleted, pair_items
from viewer.core.formats.statementdog_turns import build_transcript
from viewer.core.lazy_re import lazy_compile
from viewer.core.models import Layout, ParseWarning, Transcript
from viewer.core.speakers import parse_header

__all__ = ["NAME", "CancelCheck", "looks_like", "parse", "score"]


NAME = "statementdog"


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

    def warn(
        self, line: int | None, message: str, *, code: str | None = None, **values: object
    ) -> None:
        pairs = tuple((k, str(v)) for k, v in values.items())
        self.warnings.append(ParseWarning(line=line, message=message, code=code, values=pairs))

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
        items = (
            items_bulleted(lines, body_start, self.warn)
            if bulleted
            else items_bare(lines, body_start)
        )
        pairs = pair_items(items, self.warn)
        if not (tm or markers or bulleted):
            # Without any StatementDog marker, only accept a bare file whose pairing is clean:
            # another layout must never be parsed into something wrong.
            # That is: nearly every English line has a Chinese line, and speaker headers
            # appear as a line repeated twice.
            # Headers repeat their English line, so only body pairs count for the ratio.
            headers = sum(1 for p in pairs if p.zh == p.en and parse_header(p.en))
            chinese = sum(1 for p in pairs if p.zh is not None and has_han(p.zh))
            body_pairs = len(pairs) - headers
            if not body_pairs or chinese * 10 < body_pairs * 8 or headers == 0:
                raise TranscriptError(self.path, "unrecognised transcript layout")
        self.check_cancel()
        transcript = build_transcript(
            pairs,
            layout,
            tm,
            title_line if tm else None,
            summary,
            path=self.path,
            encoding=self.encoding,
            newline=self.newline,
            warnings=self.warnings,
            warn=self.warn,
            check_cancel=self.check_cancel,
        )
        return transcript

    def _body_after_summary(self, start: int) -> int:
        for i in range(start, len(self.lines)):
            raw = self.lines[i]
            if _BULLET_RE.match(raw) or parse_header(raw) is not None:
                self.warn(
                    i + 1,
                    f"no {FULLTEXT_HEADING} heading before the transcript body",
                    code="no_fulltext_heading",
                    heading=FULLTEXT_HEADING,
                )
                return i
        raise TranscriptError(
            self.path,
            f"the file ends before the transcript body (after its {SUMMARY_HEADING}): "
            "it looks truncated",
        )


_WORD_RE = lazy_compile(r"\w+")


def parse(
    text: str,
    path: str = "<text>",
    encoding: str = "utf-8",
    newline: str = "LF",
    cancel: CancelCheck | None = None,
) -> Transcript:
    """Parse normalised text (``\\n`` newlines) in either StatementDog layout."""
    return _Parser(text, path, encoding, newline, cancel).parse()
