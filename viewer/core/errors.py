"""The viewer's own exceptions: everything a user can cause ends in one of these.

``str()`` of an error is its English message (the CLI, the logs). Each error also carries a
stable ``code`` (a key of :data:`ERROR_CODES`) and ``args_map``, its values by name, so an
interface can say the same thing in the user's language (``viewer.qt.error_text``). Most
raise sites need no code: a fixed reason (``"the file is empty"``) is recognised by the
class (:data:`REASON_CODES`); a reason built from values passes ``code=`` and the values.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

ERROR_CODES: Final[dict[str, tuple[str, ...]]] = {
    # any error: its English message (an interface shows it as it is)
    "error": ("message",),
    # TranscriptError (the file's path and line are shown around these)
    "unreadable": ("reason",),
    "no_such_file": (),
    "path_has_nul": (),
    "permission_denied": (),
    "cannot_open": ("detail",),
    "cannot_read": ("detail",),
    "is_directory": (),
    "not_regular_file": (),
    "too_large": ("size_mb", "limit_mb"),
    "not_text": ("what",),
    "binary": (),
    "empty": (),
    "pasted_empty": (),
    "invalid_unicode": ("encoding", "detail"),
    "invalid_bytes": ("encoding", "detail"),
    "undecodable": (),
    "encoding_cannot_decode": ("encoding",),
    "encoding_cannot_replace": ("encoding",),
    "unknown_encoding": ("encoding",),
    "unrecognised_layout": ("layouts",),
    "weak_layout": ("closest", "score"),
    "ambiguous_layout": ("layouts",),
    "unknown_layout": ("layout", "layouts"),
    "no_text": (),
    "no_speakers": (),
    # ExportError (the target's path is shown in front)
    "export_failed": ("reason",),
    "disk_full": (),
    "folder_read_only": (),
    "export_permission_denied": (),
    "target_is_folder": (),
    "no_folder": (),
    "name_too_long": (),
    "target_not_regular": (),
    "target_read_only": (),
    "rows_failed": ("detail",),
    # SearchError
    "invalid_regex": ("detail",),
    "regex_too_slow": ("seconds",),
    # LibraryDbError
    "library_unusable": ("message",),
}
"""Every error code and the names of its values (in the order a message template numbers
them ``%1``, ``%2``...). An interface has one template per code."""

REASON_CODES: Final[dict[str, str]] = {
    "no such file": "no_such_file",
    "the path contains a NUL byte": "path_has_nul",
    "permission denied": "permission_denied",
    "is a directory, not a file": "is_directory",
    "is not a regular file (device, pipe or socket)": "not_regular_file",
    "not a text transcript (binary data)": "binary",
    "the file is empty": "empty",
    "the pasted text is empty": "pasted_empty",
    "invalid UTF-8 bytes and no other expected encoding fits "
    "(open with replacement characters, or choose an encoding)": "undecodable",
    "no transcript text found": "no_text",
    "no transcript found (the file is blank)": "no_text",
    "no speaker turns with text found": "no_text",
    "the speakers list holds no text": "no_text",
    "no Motley Fool speaker labels found": "no_speakers",
    "not a Name: text transcript (no speaker labels found)": "no_speakers",
    # ExportError: the writer's fixed reasons
    "the disk is full": "disk_full",
    "the folder is read-only": "folder_read_only",
    "permission denied (is the file open in another program?)": "export_permission_denied",
    "the target is a folder, not a file": "target_is_folder",
    "the folder does not exist": "no_folder",
    "the file name is too long": "name_too_long",
    "the target is not a regular file (a pipe or a device)": "target_not_regular",
    "is not a regular file": "target_not_regular",
    "the file is read-only": "target_read_only",
}
"""Fixed reasons (the whole reason, exactly) and their codes: raise sites with one of these
need no ``code=``."""


class ViewerError(Exception):
    """Base class of every error the viewer reports to a user.

    ``code`` (class default ``"error"``, or ``code=``) and ``args_map`` (``values=``; the
    English message as ``message`` by default) say what happened for a translated message.
    """

    code: str = "error"

    def __init__(
        self, *args: object, code: str | None = None, values: Mapping[str, object] | None = None
    ) -> None:
        super().__init__(*args)
        if code is not None:
            self.code = code
        self._values = {k: str(v) for k, v in (values or {}).items()}

    @property
    def args_map(self) -> dict[str, str]:
        """The values of the message by name (:data:`ERROR_CODES` lists them per code)."""
        return {"message": str(self), **self._values}

    def __reduce__(self) -> tuple[object, ...]:
        # Pickled whole (the first load comes back from a child process, viewer.core.preload):
        # the default calls the class with ``args``, which the subclasses' own parameters
        # (a path and a reason) do not take.
        return (_restore, (type(self), self.args, dict(self.__dict__)))


def _restore(
    cls: type[ViewerError], args: tuple[object, ...], state: dict[str, object]
) -> ViewerError:
    error = cls.__new__(cls)
    error.args = args
    error.__dict__.update(state)
    return error


class TranscriptError(ViewerError):
    """A file could not be read as a transcript.

    ``str()`` gives ``<path>: line N: <reason>`` (the line only where one applies). The code
    is ``code=``, else the fixed reason's (:data:`REASON_CODES`), else ``"unreadable"``
    (whose value is the English reason).
    """

    code = "unreadable"

    def __init__(
        self,
        path: str,
        reason: str,
        line: int | None = None,
        *,
        code: str | None = None,
        **values: object,
    ) -> None:
        self.path = str(path)
        self.reason = reason
        self.line = line
        super().__init__(
            self.message, code=code or REASON_CODES.get(reason), values={"reason": reason, **values}
        )

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
    """Writing an export failed; the target file is untouched. The code is ``code=``, else
    the fixed reason's (:data:`REASON_CODES`), else ``"export_failed"``."""

    code = "export_failed"

    def __init__(
        self, path: str, reason: str, *, code: str | None = None, **values: object
    ) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(
            f"{self.path}: {reason}",
            code=code or REASON_CODES.get(reason),
            values={"reason": reason, **values},
        )
