"""A call pasted or dropped as text: the browser's ``text/plain`` or ``text/html`` to a Transcript.

Browsers put a copied StatementDog page on the clipboard as ``text/plain`` and ``text/html``;
some give only the HTML. :func:`html_to_text` keeps the page's block structure as lines (each
paragraph, list item and heading on its own line, bullets as ``•``) so the layout readers see
the same shape as in a saved file.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from html.parser import HTMLParser
from pathlib import Path

from viewer.core.errors import ExportError, TranscriptError
from viewer.core.formats import CancelCheck, parse_text
from viewer.core.models import Transcript

PASTED = "<pasted>"

# Elements that end a line of text; li also starts a bullet.
_BLOCKS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tbody",
        "td",
        "th",
        "thead",
        "tr",
        "ul",
    ]
)
_SKIPPED = frozenset({"script", "style", "template", "noscript", "head", "title"})
_SPACES_RE = re.compile(r"[ \t\f\v\r\n]+")
_NEWLINES_RE = re.compile(r"\r\n?")


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.skip = 0
        self.pre = 0
        self.items = 0  # open <li> elements: their later lines are indented, as on the page

    def _end_line(self) -> None:
        line = "".join(self.current)
        self.current = []
        if self.pre:
            self.lines.extend(line.split("\n"))
        else:
            line = _SPACES_RE.sub(" ", line).strip()
            if line:
                indented = self.items and not line.startswith("• ")
                self.lines.append(f"    {line}" if indented else line)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self.skip += 1
        elif tag in _BLOCKS:
            self._end_line()
            if tag == "li":
                self.items += 1
                self.current.append("• ")
            elif tag == "pre":
                self.pre += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self._end_line()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCKS:
            self._end_line()
            if tag == "pre":
                self.pre = max(0, self.pre - 1)
            elif tag == "li":
                self.items = max(0, self.items - 1)

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.current.append(data)


def html_to_text(html: str) -> str:
    """Plain text of an HTML fragment: one line per block, scripts and styles dropped,
    entities unescaped. Never raises on malformed markup."""
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    parser._end_line()
    return "\n".join(parser.lines)


def pasted_text(plain: str | None, html: str | None) -> str:
    """The text of a paste or drop: the plain text when it has any, else the HTML's text."""
    if plain and plain.strip():
        return plain
    if html and html.strip():
        return html_to_text(html)
    return ""


def normalise_text(text: str) -> str:
    """``\n`` newlines and no leading byte-order marks, as a file's text after decoding."""
    return _NEWLINES_RE.sub("\n", text).lstrip("\ufeff")


def parse_pasted(text: str, cancel: CancelCheck | None = None) -> Transcript:
    """Read pasted text as a transcript in whichever layout fits (``TranscriptError`` if none).

    Newlines are normalised and leading byte-order marks dropped, as for a file; the result's
    ``meta.encoding`` is ``utf-8`` (a pasted call is saved as UTF-8).
    """
    text = normalise_text(text)
    if not text.strip():
        raise TranscriptError(PASTED, "the pasted text is empty")
    return parse_text(text, PASTED, "utf-8", "LF", cancel)


def save_text(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` to ``path`` as UTF-8 with ``\n`` newlines, atomically: a failure leaves
    any old file intact and raises ``ExportError``."""
    target = Path(path)
    if target.exists() and not target.is_file():
        raise ExportError(str(target), "is not a regular file")
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text if text.endswith("\n") else text + "\n")
        os.replace(tmp, target)
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the path
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise ExportError(str(target), reason) from None


_UNSAFE_NAME_RE = re.compile(r'[\x00-\x1f<>:"/\\|?*\u200b-\u200f\u2028-\u202e\ufeff]+')


def suggested_file_name(transcript: Transcript) -> str:
    """A file name for saving a pasted call: its title line, else its call label, ``.txt``."""
    base = transcript.meta.title or transcript.meta.call_label
    base = _UNSAFE_NAME_RE.sub(" ", base)
    base = " ".join(base.split()).strip(" .")[:120].rstrip(" .")
    return f"{base or 'transcript'}.txt"
