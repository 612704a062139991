"""The first file of a start-up, read in a forked child process while the window is built.

Reading a call means importing every reader (about 40 modules and their patterns) and parsing
it: in a thread that work shares the GIL with the window being built, so it lengthens the time
to the first paint. A child process made with ``fork`` (before any thread or Qt application
exists) does it on another core and sends the result back through a pipe, pickled.

Where there is no ``fork`` (Windows), where the child gives no result (it died, was killed, or
its result would not pickle), or where it hit a bug, the caller loads the file in-process as
usual (:meth:`Preload.take` returns ``None``): the preload only ever saves time. A
:class:`~viewer.core.errors.ViewerError` (a file that cannot be read) comes back as the
exception it was, raised by :meth:`Preload.take`.
"""

from __future__ import annotations

import os
import pickle
import select
import signal
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from viewer.core.errors import LoadCancelled, ViewerError

if TYPE_CHECKING:
    from viewer.core.models import Transcript
    from viewer.core.speaker_groups import SpeakerGroups

    Loaded = tuple[Transcript, SpeakerGroups]

DISABLE_ENV = "EARNINGS_VIEWER_NO_PRELOAD"
"""Set (to anything but empty) to load the first file in-process, as without ``fork``."""

POLL_SECONDS = 0.02
"""How often :meth:`Preload.take` looks at its cancel check while it waits for the child."""

_OK, _ERROR = "ok", "error"


def available() -> bool:
    """Whether :meth:`Preload.start` can fork here (a platform with ``fork``, not disabled)."""
    return hasattr(os, "fork") and not os.environ.get(DISABLE_ENV)


def _child(path: Path, fd: int) -> None:
    """In the child: load, then write the pickled outcome. A bug writes nothing: the parent
    loads the file again in-process, where the bug reaches the exception hook."""
    from viewer.core.transcript_io import load_with_groups

    outcome: tuple[str, object]
    try:
        outcome = (_OK, load_with_groups(path))
    except ViewerError as exc:
        outcome = (_ERROR, exc)
    data = pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


class Preload:
    """A child process loading ``path``. Use it once: :meth:`take`, or :meth:`discard`.
    A child nobody takes (the app quit first) ends by itself once it has written, or when its
    write fails because this process has gone."""

    def __init__(self, path: Path, pid: int, fd: int) -> None:
        self.path = path
        self._pid: int | None = pid
        self._fd: int | None = fd

    @classmethod
    def start(cls, path: str | os.PathLike[str]) -> Preload | None:
        """Fork a child that loads ``path``; ``None`` where that is not possible.

        Call it while the process has one thread: a child forked from a threaded process
        may find a lock held forever."""
        if not available():
            return None
        path = Path(path)
        read_fd, write_fd = os.pipe()
        try:
            pid = os.fork()
        except OSError:
            os.close(read_fd)
            os.close(write_fd)
            return None
        if pid == 0:  # the child: never returns into the caller
            code = 1
            try:
                os.close(read_fd)
                _child(path, write_fd)
                code = 0
            except BaseException:  # any failure: the parent loads the file in-process
                pass
            finally:
                os._exit(code)
        os.close(write_fd)
        return cls(path, pid, read_fd)

    def take(self, cancel: Callable[[], bool] | None = None) -> Loaded | None:
        """Wait for the child's outcome: the loaded call, or ``None`` when the child gave none
        (load the file in-process then). Raises the child's ``ViewerError``, or
        ``LoadCancelled`` (the child is stopped) when ``cancel()`` says so."""
        fd = self._fd
        if fd is None:
            return None
        chunks: list[bytes] = []
        try:
            while True:
                if cancel is not None and cancel():
                    raise LoadCancelled()
                ready, _, _ = select.select([fd], [], [], POLL_SECONDS)
                if not ready:
                    continue
                chunk = os.read(fd, 1 << 20)
                if not chunk:
                    break
                chunks.append(chunk)
        finally:
            self.discard()
        try:
            kind, value = pickle.loads(b"".join(chunks))
        except Exception:  # no outcome: the child died while writing, or gave nothing
            return None
        if kind == _ERROR and isinstance(value, ViewerError):
            raise value
        if kind == _OK:
            return value  # type: ignore[no-any-return]
        return None

    def discard(self) -> None:
        """Stop the child if it still runs, and release it. Safe to call more than once."""
        fd, self._fd = self._fd, None
        if fd is not None:
            os.close(fd)
        pid, self._pid = self._pid, None
        if pid is not None:
            try:
                if os.waitpid(pid, os.WNOHANG) == (0, 0):
                    os.kill(pid, signal.SIGKILL)
                    os.waitpid(pid, 0)
            except (ChildProcessError, ProcessLookupError):
                pass  # already reaped (a SIGCHLD handler that reaps children)
