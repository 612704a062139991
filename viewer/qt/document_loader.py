"""Opening files: a queue of paths, one load job at a time, and a watch on open files.

Loads run in a worker (parsing, then the speaker groups' word counts). A new batch replaces
the queue and cancels the running load; cancelling empties the queue too. A failure that is
a bug (not a ``ViewerError``) also goes to the exception hook. The first file of a start-up
may come from a child process already reading it (:class:`viewer.core.preload.Preload`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QFileSystemWatcher, QObject, Signal

from viewer.core.errors import ViewerError
from viewer.qt.workers import Job, JobRunner, report_unexpected

if TYPE_CHECKING:
    from viewer.core.models import Transcript
    from viewer.core.preload import Preload
    from viewer.core.speaker_groups import SpeakerGroups


class DocumentLoader(QObject):
    """Signals: ``started(Path)``; then exactly one of ``loaded(Path, Transcript,
    SpeakerGroups)``, ``failed(Path, Exception)``, ``cancelled()``; ``busy_changed(bool)``;
    ``file_changed(Path)`` when a watched file changes on disk."""

    started = Signal(object)
    loaded = Signal(object, object, object)
    failed = Signal(object, object)
    cancelled = Signal()
    busy_changed = Signal(bool)
    file_changed = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = JobRunner(self)
        self._job: Job | None = None
        self._path: Path | None = None  # the file being loaded
        self._queue: list[Path] = []
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._on_file_changed)

    # -- the queue -------------------------------------------------------------------------

    def open_paths(self, paths: list[str] | list[Path], preload: Preload | None = None) -> None:
        """Open several files one after the other (replacing any batch still queued).
        ``preload``: a child process already reading the first of them (``run_gui``); one
        reading another file is stopped."""
        self._queue = [Path(p) for p in paths]
        if preload is not None and self._queue[:1] != [preload.path]:
            preload.discard()
            preload = None
        self._next(preload)

    def open_path(self, path: str | Path, preload: Preload | None = None) -> None:
        """Load ``path`` now (from ``preload``, a child process reading it, if given); a load
        already running is cancelled (the last wins)."""
        path = Path(path)
        if self._job is not None:
            self._job.cancel()

        def load(token: Any, progress: Any) -> tuple[Transcript, SpeakerGroups]:
            # take() stops and reaps the child whatever happens, a cancel included.
            if preload is not None and (loaded := preload.take(token)) is not None:
                return loaded
            from viewer.core.transcript_io import load_with_groups

            return load_with_groups(path, cancel=token)

        holder: list[Job] = []  # the job, known to its callbacks (connected before it starts)
        self._job = self._runner.start(
            load,
            on_finished=lambda result: self._on_loaded(holder[0], path, result),
            on_failed=lambda exc: self._on_failed(holder[0], path, exc),
            on_cancelled=lambda: self._on_cancelled(holder[0]),
            before_start=holder.append,
        )
        self._path = path
        self.busy_changed.emit(True)
        self.started.emit(path)

    def cancel(self) -> None:
        """Stop the running load and forget the rest of its batch."""
        self._queue.clear()
        if self._job is not None:
            self._job.cancel()

    def is_loading(self) -> bool:
        return self._job is not None

    def announce(self) -> None:
        """Emit ``busy_changed`` and ``started`` again for the load under way, if any: for a
        window that connected after it began (``run_gui`` starts the first load, then builds
        the window)."""
        if self._job is not None and self._path is not None:
            self.busy_changed.emit(True)
            self.started.emit(self._path)

    def queued(self) -> list[Path]:
        """The paths waiting for the running load to end."""
        return list(self._queue)

    def _next(self, preload: Preload | None = None) -> None:
        if self._queue:
            self.open_path(self._queue.pop(0), preload)

    def _end(self, job: Job) -> bool:
        if job is not self._job:
            return False  # a superseded load: its outcome is dropped
        self._job = None
        self.busy_changed.emit(False)
        return True

    def _on_loaded(self, job: Job, path: Path, result: tuple[Transcript, SpeakerGroups]) -> None:
        if self._end(job):
            self.loaded.emit(path, *result)
            self._next()

    def _on_failed(self, job: Job, path: Path, exc: Exception) -> None:
        if self._end(job):
            if not isinstance(exc, ViewerError):
                report_unexpected(exc)  # a bug: logged and shown by the exception hook
            self.failed.emit(path, exc)
            self._next()

    def _on_cancelled(self, job: Job) -> None:
        if self._end(job):
            self._queue.clear()
            self.cancelled.emit()

    # -- watching --------------------------------------------------------------------------

    def watch(self, path: Path) -> None:
        if path.exists() and str(path) not in self._watcher.files():
            self._watcher.addPath(str(path))

    def unwatch(self, path: Path) -> None:
        self._watcher.removePath(str(path))

    def _on_file_changed(self, path: str) -> None:
        if Path(path).exists() and path not in self._watcher.files():
            self._watcher.addPath(path)  # editors replace files: watch the new one
        self.file_changed.emit(Path(path))
