"""The atomic file writer of every export (RELIABILITY.md, "Writing a CSV").

The whole file is built and encoded in memory, then written to a temp file beside the target,
flushed, fsynced and renamed over it. On any failure the temp file is removed, the old target
is untouched and an :class:`~viewer.core.errors.ExportError` says why. A temp file left by a
write that was killed (power cut, ``kill -9``) is removed by the next write to the same target;
a target that is not a regular file (a FIFO, a device) is refused, never replaced.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

from viewer.core.errors import ExportError, ViewerError
from viewer.core.export.cells import csv_bytes

if sys.platform != "win32":  # a live writer holds a lock on its temp file: only dead ones go
    import fcntl

#: Without file locks (Windows), a temp file is stale once it is this old (seconds).
_STALE_AGE = 3600.0


def _reason(exc: OSError) -> str:
    """A sentence for the user from an OS error."""
    code = exc.errno
    if code == errno.ENOSPC or code == getattr(errno, "EDQUOT", -1):
        return "the disk is full"
    if code == errno.EROFS:
        return "the folder is read-only"
    if code in (errno.EACCES, errno.EPERM):
        return "permission denied (is the file open in another program?)"
    if code == errno.EISDIR:
        return "the target is a folder, not a file"
    if code == errno.ENOENT:
        return "the folder does not exist"
    if code == errno.ENAMETOOLONG:
        return "the file name is too long"
    return exc.strerror or str(exc)


def _new_file_mode(target: Path) -> int:
    """The old file's permissions, or the usual ones for a new file (not mkstemp's 0600)."""
    try:
        return os.stat(target).st_mode & 0o7777
    except OSError:
        pass
    return 0o666 & ~_umask()


def _umask() -> int:
    # Linux shows the umask; elsewhere reading it means setting it, so put it straight back
    # (a tiny window in which another thread could create a file with 022).
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _temp_prefix(target: Path) -> str:
    # Hidden, and short enough even when the target's name is long.
    return f".{target.name[:80]}."


def _remove_stale_temps(target: Path) -> None:
    """Remove temp files a killed write to ``target`` left beside it."""
    prefix = _temp_prefix(target)
    pattern = re.compile(re.escape(prefix) + r"[A-Za-z0-9_]{8}\.tmp\Z")
    try:
        names = [n for n in os.listdir(target.parent) if pattern.match(n)]
    except OSError:
        return
    for name in names:
        path = target.parent / name
        with contextlib.suppress(OSError):
            if _is_stale(path):
                path.unlink()


def _is_stale(path: Path) -> bool:
    if sys.platform == "win32":
        return time.time() - path.stat().st_mtime > _STALE_AGE
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False  # a write in progress holds it
        return stat.S_ISREG(os.fstat(fd).st_mode)
    finally:
        os.close(fd)


def write_bytes_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` through a temp file beside it, fsync, ``os.replace``.

    Raises :class:`ExportError` on any failure, and for a target that exists but is no
    regular file (a folder, a FIFO, a device); the old file is then intact and no temp file
    is left behind. Temp files of earlier writes that were killed are removed first.
    """
    shown = str(path)
    target = Path(path)
    if target.is_symlink():
        # Write through a link to the file it points at; replacing the link itself would
        # silently leave the real file old.
        target = Path(os.path.realpath(target))
    if target.is_dir():
        raise ExportError(shown, "the target is a folder, not a file")
    folder = target.parent
    if not folder.is_dir():
        raise ExportError(shown, "the folder does not exist")
    try:
        st: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise ExportError(shown, _reason(exc)) from exc
    if st is not None and not stat.S_ISREG(st.st_mode):
        raise ExportError(shown, "the target is not a regular file (a pipe or a device)")
    if st is not None and not st.st_mode & 0o222:
        # rename() would replace it anyway on POSIX (and as root); a read-only file says
        # "keep me", as Windows enforces.
        raise ExportError(shown, "the file is read-only")
    _remove_stale_temps(target)
    try:
        fd, tmp = tempfile.mkstemp(prefix=_temp_prefix(target), suffix=".tmp", dir=folder)
    except OSError as exc:
        raise ExportError(shown, _reason(exc)) from exc
    try:
        try:
            if sys.platform != "win32":
                # Held until the file is renamed or removed: tells later writers it is live.
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            view = memoryview(data)
            while view:
                # os.write may write less than asked (a full disk, a signal): loop on the rest,
                # and treat "nothing written" as a full disk rather than spin forever.
                written = os.write(fd, view)
                if written <= 0:
                    raise OSError(errno.ENOSPC, "short write")
                view = view[written:]
            if hasattr(os, "fchmod"):
                os.fchmod(fd, _new_file_mode(target))
            os.fsync(fd)
            if sys.platform != "win32":
                os.replace(tmp, target)  # still locked: no other write takes it for stale
        finally:
            os.close(fd)
        if sys.platform == "win32":
            os.replace(tmp, target)  # Windows cannot rename an open file
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise ExportError(shown, _reason(exc)) from exc
        raise
    _fsync_folder(folder)


def _fsync_folder(folder: Path) -> None:
    # Makes the rename itself durable on POSIX; not possible (nor needed) everywhere.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_csv(
    path: str | os.PathLike[str],
    header: list[str],
    rows: Iterable[Sequence[object]],
    *,
    bom: bool = True,
    neutralise: bool = True,
) -> None:
    """Write ``header`` and ``rows`` to ``path`` as CSV, atomically.

    UTF-8 with exactly one BOM by default (``bom=False``: none), CRLF rows, RFC 4180 quoting,
    ``None`` as an empty cell, formula neutralisation unless ``neutralise=False`` (see the
    module docstring of :mod:`viewer.core.export.cells`). Raises :class:`ExportError` when the rows cannot be built or the file
    cannot be written; the old file is then untouched. :class:`ExportCancelled` (and other
    :class:`ViewerError`) raised by ``rows`` pass through unchanged.
    """
    try:
        data = csv_bytes(header, rows, bom=bom, neutralise=neutralise)
    except ViewerError:
        raise
    except Exception as exc:
        raise ExportError(
            str(path), f"could not build the rows: {exc}", code="rows_failed", detail=exc
        ) from exc
    write_bytes_atomic(path, data)
