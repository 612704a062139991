"""The core's errors in the interface language.

``viewer.core`` stays Qt-free and its messages English (the CLI, the logs); each
``ViewerError`` carries a stable ``code`` and its values (``args_map``). Here every code has
a ``tr()`` template (``%1``, ``%2`` in the order :data:`viewer.core.errors.ERROR_CODES` names
the values); every message box, status line and panel that shows a core error uses
:func:`error_text`. An unknown code (or anything not a ``ViewerError``) shows the English
message as it is.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from viewer.core.errors import (
    ERROR_CODES,
    REASON_CODES,
    ExportError,
    TranscriptError,
    ViewerError,
)
from viewer.qt import i18n
from viewer.qt.labels import arg, fill

translate = QCoreApplication.translate


def _templates() -> dict[str, str]:
    """Every code's template in the interface language (literals, for lupdate)."""
    return {
        "error": translate("ErrorText", "%1", "an error's own English message"),
        "unreadable": translate("ErrorText", "%1", "why a file is no transcript (in English)"),
        "no_such_file": translate("ErrorText", "no such file"),
        "path_has_nul": translate("ErrorText", "the path contains a NUL byte"),
        "permission_denied": translate("ErrorText", "permission denied"),
        "cannot_open": translate("ErrorText", "cannot open (%1)"),
        "cannot_read": translate("ErrorText", "cannot read (%1)"),
        "is_directory": translate("ErrorText", "is a directory, not a file"),
        "not_regular_file": translate(
            "ErrorText", "is not a regular file (device, pipe or socket)"
        ),
        "too_large": translate("ErrorText", "the file is too large (%1 MB; the limit is %2 MB)"),
        "not_text": translate("ErrorText", "not a text transcript (looks like %1)"),
        "binary": translate("ErrorText", "not a text transcript (binary data)"),
        "empty": translate("ErrorText", "the file is empty"),
        "pasted_empty": translate("ErrorText", "the pasted text is empty"),
        "invalid_unicode": translate("ErrorText", "invalid %1 data (%2)"),
        "invalid_bytes": translate("ErrorText", "invalid %1 bytes (%2)"),
        "undecodable": translate(
            "ErrorText",
            "invalid UTF-8 bytes and no other expected encoding fits "
            "(open with replacement characters, or choose an encoding)",
        ),
        "encoding_cannot_decode": translate("ErrorText", "the encoding %1 cannot decode text"),
        "encoding_cannot_replace": translate(
            "ErrorText", "the encoding %1 cannot replace invalid bytes"
        ),
        "unknown_encoding": translate("ErrorText", "unknown encoding %1"),
        "unrecognised_layout": translate(
            "ErrorText", "unrecognised transcript layout (the viewer reads: %1)"
        ),
        "weak_layout": translate(
            "ErrorText", "unrecognised transcript layout: weak fit only (closest: %1 %2)"
        ),
        "ambiguous_layout": translate(
            "ErrorText", "ambiguous transcript layout: fits %1 about equally (choose the layout)"
        ),
        "unknown_layout": translate("ErrorText", "unknown layout %1 (the viewer reads: %2)"),
        "no_text": translate("ErrorText", "no transcript text found"),
        "no_speakers": translate("ErrorText", "no speaker labels found"),
        "export_failed": translate("ErrorText", "%1", "why an export failed (in English)"),
        "disk_full": translate("ErrorText", "the disk is full"),
        "folder_read_only": translate("ErrorText", "the folder is read-only"),
        "export_permission_denied": translate(
            "ErrorText", "permission denied (is the file open in another program?)"
        ),
        "target_is_folder": translate("ErrorText", "the target is a folder, not a file"),
        "no_folder": translate("ErrorText", "the folder does not exist"),
        "name_too_long": translate("ErrorText", "the file name is too long"),
        "target_not_regular": translate("ErrorText", "the target is not a regular file"),
        "target_read_only": translate("ErrorText", "the file is read-only"),
        "rows_failed": translate("ErrorText", "could not build the rows (%1)"),
        "invalid_regex": translate("ErrorText", "invalid regular expression: %1"),
        "regex_too_slow": translate(
            "ErrorText",
            "the regular expression is too slow on this text (stopped after %1 s): "
            "simplify it, e.g. avoid nested repeats such as (a+)+",
        ),
        "library_unusable": translate("ErrorText", "the library database cannot be used (%1)"),
    }


templates = i18n.per_language(_templates)
"""The templates by code, made once per language switch."""


def reason_text(exc: ViewerError) -> str:
    """What went wrong, without the file's path and line, in the interface language."""
    text = fill(templates().get(exc.code), ERROR_CODES.get(exc.code), exc.args_map)
    return (getattr(exc, "reason", None) or str(exc)) if text is None else text


def error_text(error: BaseException | str | object) -> str:
    """``error`` for a message box or a status line in the interface language: a
    ``TranscriptError`` as ``<path>: line N: <reason>``, an ``ExportError`` as
    ``<path>: <reason>``, any other ``ViewerError`` by its code, anything else (a string, a
    foreign exception) as it is."""
    if not isinstance(error, ViewerError):
        return str(error)
    reason = reason_text(error)
    if isinstance(error, TranscriptError):
        if error.line is not None:
            return arg(translate("ErrorText", "%1: line %2: %3"), error.path, error.line, reason)
        return arg(translate("ErrorText", "%1: %2", "file: what went wrong"), error.path, reason)
    if isinstance(error, ExportError):
        return arg(translate("ErrorText", "%1: %2", "file: what went wrong"), error.path, reason)
    return reason


_LINE = re.compile(r"line (\d+): (.*)", re.DOTALL)


def stored_error_text(path: str, message: str) -> str:
    """An error kept only as its English message (the library's failed files keep
    ``str(exc)``), without the path, in the interface language where the reason is one the
    core names exactly (a fixed reason, the unrecognised layout); else as it is."""
    from viewer.core.formats import layout_names, unrecognised_reason

    reason = message
    for prefix in (f"{path}: ", f"{Path(path).name}: "):
        if reason.startswith(prefix):
            reason = reason[len(prefix) :]
            break
    line = None
    if m := _LINE.fullmatch(reason):
        line, reason = int(m.group(1)), m.group(2)
    if reason == unrecognised_reason():
        values = {"layouts": ", ".join(layout_names())}
        error = TranscriptError(path, reason, line, code="unrecognised_layout", **values)
    elif reason in REASON_CODES:
        error = TranscriptError(path, reason, line)
    else:
        error = None
    text = reason_text(error) if error is not None else reason
    return arg(translate("ErrorText", "line %1: %2"), line, text) if line is not None else text
