"""Small pieces readers share: the cancel hook, a reader class's ``parse``, a line reader's
start and its file-name hints."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from viewer.core.formats.builder import TranscriptBuilder
from viewer.core.formats.callmeta import MetaHints, meta_from_filename, reconcile_meta
from viewer.core.models import Layout, Transcript

CancelCheck = Callable[[], bool]


class _Reads(Protocol):
    def parse(self) -> Transcript: ...


class ParseFn(Protocol):
    """A reader's ``parse(text, path, encoding, newline, cancel)``."""

    def __call__(
        self,
        text: str,
        path: str = "<text>",
        encoding: str = "utf-8",
        newline: str = "LF",
        cancel: CancelCheck | None = None,
    ) -> Transcript: ...


def reader_parse(
    reader: Callable[[str, str, str, str, CancelCheck | None], _Reads], doc: str
) -> ParseFn:
    """The module-level ``parse`` of a reader class built as ``reader(text, path, ...)``."""

    def parse(
        text: str,
        path: str = "<text>",
        encoding: str = "utf-8",
        newline: str = "LF",
        cancel: CancelCheck | None = None,
    ) -> Transcript:
        return reader(text, path, encoding, newline, cancel).parse()

    parse.__doc__ = doc
    return parse


def start_reading(
    text: str,
    path: str,
    layout: Layout,
    encoding: str,
    newline: str,
    cancel: CancelCheck | None,
) -> tuple[list[str], TranscriptBuilder, MetaHints]:
    """A line reader's start: the lines, a builder and empty hints for what the text says."""
    return text.split("\n"), TranscriptBuilder(path, layout, encoding, newline, cancel), MetaHints()


def hints_with_filename(
    content: MetaHints, path: str, b: TranscriptBuilder, *, calendar_year: bool = False
) -> MetaHints:
    """The text's hints completed by the file name's, a disagreement warned about on ``b``."""
    return reconcile_meta(
        content,
        meta_from_filename(path),
        lambda msg: b.warn(None, msg),
        calendar_year=calendar_year,
    )
