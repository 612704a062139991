"""Background jobs run by ``QThreadPool``; their signals live on a separate ``QObject``.

The pool runs ``Job.run`` as a plain callable (Qt wraps it in a runnable it owns and deletes
itself). A Python ``QRunnable`` subclass is unsafe here: the GUI thread may drop the last
reference on the ``finished`` signal while the pool thread still reads the runnable after
``run()`` returns (a use-after-free seen as random segfaults).

Workers never touch widgets; results come back to the GUI thread through queued signals.

Jobs take turns with the GUI thread (:class:`TurnTaker`). With CPython's GIL, a worker
computing in Python while the GUI thread handles events makes each of the GUI thread's calls
into Python (every model ``data()``, every delegate paint, every lookup of a Python override)
wait for the GIL, up to the 5 ms switch interval each. Measured on a 10 MB call: one paint
after jumping to the end took 1.5 s while its figures were being extracted (py-spy showed the
GUI thread in ``Shiboken::GilState::acquire``). So jobs run in short turns that the GUI
thread hands out when it has nothing else to do, and pause between them at each poll of
their :class:`CancelToken`.
"""

from __future__ import annotations

import atexit
import contextlib
import logging
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from importlib import import_module
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, QTimer, Signal

from viewer.core.errors import Cancelled, ViewerError

log = logging.getLogger(__name__)


class TurnTaker(QObject):
    """Hands the GIL to background jobs in turns of ``TURN`` seconds, from an idle timer on
    the GUI thread, which waits (without the GIL) while a turn lasts.

    Jobs call :meth:`checkpoint` between small steps: outside a turn they wait for the next.
    Nothing waits forever: when the GUI thread has handed out no turn for ``MAX_PAUSE`` (it is
    busy, or blocked outside its event loop) jobs run freely until it does again, and while
    it waits for jobs to end (:meth:`free_run`) or the application quits, they run freely.
    """

    TURN = 0.010
    MAX_PAUSE = 0.5

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cond = threading.Condition()
        self._turn_until = 0.0  # monotonic end of the current turn
        self._last_turn = 0.0  # when the GUI thread last handed out turns (or asked to)
        self._free = 0  # > 0: no turns, jobs run freely
        self._alive = 0  # jobs running in pool threads (changed by the workers)
        # Jobs started and not yet ended (GUI thread): turns while there are any, and
        # cancelled all at once when the app quits.
        self.jobs: set[Job] = set()
        self.quitting = False
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.give_turn)

    # -- the GUI thread ------------------------------------------------------------------

    def job_queued(self, job: Job) -> None:
        self.jobs.add(job)
        with self._cond:
            self._last_turn = time.monotonic()
        self._timer.start()

    def job_ended(self, job: Job) -> None:
        self.jobs.discard(job)
        if not self.jobs:
            self._timer.stop()

    def is_handing_out_turns(self) -> bool:
        """Whether the idle timer is handing out turns (some job is queued or running)."""
        return self._timer.isActive()

    def give_turn(self) -> None:
        """One turn: the jobs run until it ends or they all finish; the GUI thread waits."""
        with self._cond:
            if not self._alive:
                if not QThreadPool.globalInstance().activeThreadCount():
                    # Every job has ended, even one whose outcome signal was lost: idle again.
                    self.jobs.clear()
                    self._timer.stop()
                return
            end = time.monotonic() + self.TURN
            self._turn_until = end
            self._cond.notify_all()
            while self._alive and (left := end - time.monotonic()) > 0:
                self._cond.wait(left)
            self._turn_until = 0.0
            self._last_turn = time.monotonic()

    @contextmanager
    def free_run(self) -> Iterator[None]:
        """While the GUI thread blocks until jobs end (tests, shutdown), let them run."""
        with self._cond:
            self._free += 1
            self._cond.notify_all()
        try:
            yield
        finally:
            with self._cond:
                self._free -= 1

    def stop_turns(self) -> None:
        """The application is quitting: cancel every job and hand out no more turns (jobs
        run freely to their next cancel check). Their outcomes are dropped: the objects
        that would receive them are being destroyed."""
        self.quitting = True
        for job in list(self.jobs):
            job.cancel()
        self._timer.stop()
        with self._cond:
            self._free += 1
            self._cond.notify_all()

    # -- the workers ---------------------------------------------------------------------

    def enter(self) -> None:
        with self._cond:
            self._alive += 1

    def leave(self) -> None:
        with self._cond:
            self._alive -= 1
            self._cond.notify_all()

    def checkpoint(self) -> None:
        """Return at once during a turn (or a free run); otherwise wait for the next turn."""
        with self._cond:
            while not self._free:
                now = time.monotonic()
                if now < self._turn_until:
                    return
                left = self._last_turn + self.MAX_PAUSE - now
                if left <= 0:
                    return  # no turns lately: the GUI thread is not handing them out
                self._cond.wait(left)


_turns: TurnTaker | None = None


def turns() -> TurnTaker:
    """The application's turn taker, made on the GUI thread by the first ``JobRunner``."""
    global _turns
    if _turns is None:
        app = QCoreApplication.instance()
        _turns = TurnTaker(app)
        if app is not None:
            # From then on nobody hands out turns: jobs finish (or see their cancel) freely.
            app.aboutToQuit.connect(_turns.stop_turns)
            # Scripts and tests that never run the event loop get the same at exit, before
            # PySide destroys the application (a job ending during that crashed).
            atexit.register(_stop_at_exit)
    return _turns


def _stop_at_exit() -> None:
    """At interpreter exit, before PySide destroys the application (its own exit hook was
    registered earlier, so it runs later): cancel the jobs and let them end. A job that
    ended during the application's destruction crashed the process."""
    taker = _turns
    if taker is None or not shiboken6.isValid(taker):
        return
    taker.stop_turns()
    QThreadPool.globalInstance().waitForDone(10000)


class CancelToken:
    """Shared between the GUI (which sets it) and the job (which polls it). Polling it is
    also where the job waits for its turn."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        """Whether ``cancel()`` was called (without waiting for a turn: for the GUI)."""
        return self._event.is_set()

    def __call__(self) -> bool:
        if not self._event.is_set() and _turns is not None:
            _turns.checkpoint()
        return self._event.is_set()


def import_in_turns(names: Iterable[str], token: CancelToken) -> None:
    """Import the modules ``names`` (dependencies first) one at a time, taking a turn before
    each. An import runs no checkpoint: a job importing the figures code in one go held the
    GIL for about 60 ms while the GUI thread waited for it. Stops early once cancelled (the
    job's own next check says so)."""
    for name in names:
        if token():
            return
        import_module(name)


def is_cancel(exc: BaseException, token: CancelToken) -> bool:
    """The one place that decides what is a cancel: any ``Cancelled`` (a load's, a
    search's, an export's), or a viewer error raised once the job was told to stop (the
    work noticed its token in its own way)."""
    return isinstance(exc, Cancelled) or (isinstance(exc, ViewerError) and token.cancelled)


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
        self.ended = threading.Event()  # set in the worker once ``fn`` has returned

    def cancel(self) -> None:
        self.token.cancel()

    def run(self) -> None:
        taker = _turns
        if taker is not None:
            taker.enter()
        try:
            self._run()
        finally:
            self.ended.set()
            if taker is not None:
                taker.leave()

    def _run(self) -> None:
        try:
            result = self.fn(self.token, self.signals.progress.emit)
        except Exception as exc:
            if is_cancel(exc, self.token):
                self._emit(self.signals.cancelled)
            else:
                if not isinstance(exc, ViewerError):
                    log.exception("background job failed")
                self._emit(self.signals.failed, exc)
            return
        if self.token():
            self._emit(self.signals.cancelled)
        else:
            self._emit(self.signals.finished, result)

    @staticmethod
    def _emit(signal: Any, *args: Any) -> None:
        if _turns is not None and _turns.quitting:
            return  # the receivers are going away with the application
        signal.emit(*args)


def _ended(token: CancelToken, progress: Callable[[int, int], None]) -> None:
    """What a job runs once it has run (its work, and what that held, is released)."""


class JobRunner(QObject):
    """Keeps jobs alive until they end; ``start`` returns the job for cancelling."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._jobs: set[Job] = set()
        self.pool = QThreadPool.globalInstance()
        self.turns = turns()

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
        turns = self.turns

        def done(*_: Any) -> None:
            turns.job_ended(job)
            # The outcome has been handed out (this slot is connected last): let go of the
            # work and of the signals object now. Its connections (closures holding the job
            # and whatever the callbacks hold, a transcript) form a cycle through C++ that
            # Python's collector cannot see; deleteLater runs on the GUI thread.
            job.fn = _ended
            job.signals.deleteLater()
            # Drop the job itself a little later: by then the pool has released its own
            # reference. The timer lives on the turn taker (the application's lifetime): the
            # runner may be deleted meanwhile, with the document that owned it.
            QTimer.singleShot(200, turns, lambda: self._jobs.discard(job))

        if on_finished:
            job.signals.finished.connect(on_finished)
        job.signals.failed.connect(on_failed or report_unexpected)
        if on_cancelled:
            job.signals.cancelled.connect(on_cancelled)
        if on_progress:
            job.signals.progress.connect(on_progress)
        for sig in (job.signals.finished, job.signals.failed, job.signals.cancelled):
            sig.connect(done)
        turns.job_queued(job)
        self.pool.start(job.run)
        return job

    def active(self) -> int:
        return len(self._jobs)

    def cancel_all(self) -> None:
        for job in list(self._jobs):
            job.cancel()

    def wait(self, msecs: int = 30000) -> bool:
        """Block until this runner's jobs have ended (not the whole pool's: a closing window
        must not wait for another window's indexing), letting them run meanwhile."""
        deadline = time.monotonic() + msecs / 1000
        with _turns.free_run() if _turns is not None else contextlib.nullcontext():
            return all(
                job.ended.wait(max(0.0, deadline - time.monotonic())) for job in list(self._jobs)
            )


def report_unexpected(exc: Exception) -> None:
    """A job's failure nobody handles: a bug (not a ViewerError) goes to the exception hook,
    which logs it and shows it in the error dialog; the app keeps running."""
    if not isinstance(exc, ViewerError):
        sys.excepthook(type(exc), exc, exc.__traceback__)


def wait_for_jobs(msecs: int = 30000) -> bool:
    """Block until every job of the pool has ended (tests, shutdown): no turns meanwhile."""
    if _turns is None:
        return QThreadPool.globalInstance().waitForDone(msecs)
    with _turns.free_run():
        return QThreadPool.globalInstance().waitForDone(msecs)
