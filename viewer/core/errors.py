"""The viewer's own exceptions: everything a user can cause ends in one of these."""

from __future__ import annotations


class ViewerError(Exception):
    """Base class of every error the viewer reports to a user."""


class TranscriptError(ViewerError):
    """A file could not be read as a transcript.

    ``str()`` gives ``<path>: line N: <reason>`` (the line only where one applies).
    """

    def __init__(self, path: str, reason: str, line: int | None = None) -> None:
        self.path = str(path)
        self.reason = reason
        self.line = line
        super().__init__(self.message)

    @property
    def message(self) -> str:
        where = f"line {self.line}: " if self.line is not None else ""
        return f"{self.path}: {where}{self.reason}"


class Cancelled(ViewerError):
    """Raised inside long work (a load, an index, a search, an export, an analysis) when its
    cancel callback says so. Every cancel subclasses it: catch this one to tell a cancel
    from a failure."""


class LoadCancelled(Cancelled):
    """Raised inside a load when its cancel callback says so."""


class SearchCancelled(Cancelled):
    """Raised inside an index build or a search when its cancel callback says so."""


class ExportCancelled(Cancelled):
    """Raised while building export rows when the ``cancel`` callback says so."""


class ExportError(ViewerError):
    """Writing an export failed; the target file is untouched."""

    def __init__(self, path: str, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")
