"""Background jobs run by ``QThreadPool``; their signals live on a separate ``QObject``.

The pool runs ``Job.run`` as a plain callable (Qt wraps it in a runnable it owns and deletes
itself). A Python ``QRunnable`` subclass is unsafe here: the GUI thread may drop the last
reference on the ``finished`` signal while the pool thread still reads the runnable after
``run()`` returns (a use-after-free seen as random segfaults).

Workers never touch widgets; results come back to the GUI thread through queued signals.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal

from viewer.core.errors import LoadCancelled, ViewerError

log = logging.getLogger(__name__)


class CancelToken:
    """Shared between the GUI (which sets it) and the job (which polls it)."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    def __call__(self) -> bool:
        return self._event.is_set()


class JobSignals(QObject):
    finished = Signal(object)
    failed = Signal(object)  # the exception
    cancelled = Signal()
    progress = Signal(int, int)


class Job:
    """Runs ``fn(token, progress)`` in the pool; exactly one of the outcome signals fires."""

    def __init__(self, fn: Callable[[CancelToken, Callable[[int, int], None]], Any]) -> None:
        self.fn = fn
        self.token = CancelToken()
        self.signals = JobSignals()

    def cancel(self) -> None:
        self.token.cancel()

    def run(self) -> None:
        try:
            result = self.fn(self.token, self.signals.progress.emit)
        except LoadCancelled:
            self.signals.cancelled.emit()
            return
        except ViewerError as exc:
            self.signals.failed.emit(exc)
            return
        except Exception as exc:
            log.exception("background job failed")
            self.signals.failed.emit(exc)
            return
        if self.token():
            self.signals.cancelled.emit()
        else:
            self.signals.finished.emit(result)


class JobRunner(QObject):
    """Keeps jobs alive until they end; ``start`` returns the job for cancelling."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._jobs: set[Job] = set()
        self.pool = QThreadPool.globalInstance()

    def start(
        self,
        fn: Callable[[CancelToken, Callable[[int, int], None]], Any],
        on_finished: Callable[[Any], None] | None = None,
        on_failed: Callable[[Exception], None] | None = None,
        on_cancelled: Callable[[], None] | None = None,
        on_progress: Callable[[int, int], None] | None = None,
        before_start: Callable[[Job], Any] | None = None,
    ) -> Job:
        """Connect the callbacks, then start: no outcome can be missed."""
        job = Job(fn)
        if before_start is not None:
            before_start(job)
        self._jobs.add(job)

        def done(*_: Any) -> None:
            # Drop our reference a little later, on the GUI thread: by then the pool has
            # released its own, so the signals QObject is never freed on the worker thread.
            QTimer.singleShot(200, self, lambda: self._jobs.discard(job))

        if on_finished:
            job.signals.finished.connect(on_finished)
        if on_failed:
            job.signals.failed.connect(on_failed)
        if on_cancelled:
            job.signals.cancelled.connect(on_cancelled)
        if on_progress:
            job.signals.progress.connect(on_progress)
        for sig in (job.signals.finished, job.signals.failed, job.signals.cancelled):
            sig.connect(done)
        self.pool.start(job.run)
        return job

    def active(self) -> int:
        return len(self._jobs)

    def wait(self, msecs: int = 30000) -> bool:
        return self.pool.waitForDone(msecs)
