"""Background jobs take turns with the GUI thread; work waits for a widget's first paint."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel

from viewer.qt.after_paint import AfterPaint
from viewer.qt.workers import Job, JobRunner, TurnTaker, turns, wait_for_jobs


def start_and_wait(
    qtbot: Any,
    runner: JobRunner,
    fn: Any,
    outcome: str,
    while_running: Any = None,
    timeout: int = 10000,
) -> Job:
    """Start ``fn`` with a watcher on its ``outcome`` signal connected *before* it starts
    (a job may end before a later ``waitSignal`` connects), run ``while_running(job)``, then
    wait for that outcome."""
    seen: list[tuple[Any, ...]] = []
    job = runner.start(
        fn, before_start=lambda j: getattr(j.signals, outcome).connect(lambda *a: seen.append(a))
    )
    if while_running is not None:
        while_running(job)
    qtbot.waitUntil(lambda: bool(seen), timeout=timeout)
    return job


class Counter:
    """A job that counts its cancel-token polls (its steps) until told to stop."""

    def __init__(self) -> None:
        self.steps = 0
        self.stop = threading.Event()
        self.started = threading.Event()

    def __call__(self, token: Any, progress: Any) -> int:
        self.started.set()
        while not self.stop.is_set():
            if token():
                break
            self.steps += 1
        return self.steps


@pytest.fixture
def runner(qapp: Any) -> Iterator[JobRunner]:
    r = JobRunner()
    yield r
    r.cancel_all()
    r.wait()


@pytest.fixture
def no_timer(runner: JobRunner, monkeypatch: pytest.MonkeyPatch) -> TurnTaker:
    """The turn taker without its idle timer, and patient: turns only when the test gives
    them."""
    taker = runner.turns
    monkeypatch.setattr(taker, "MAX_PAUSE", 30.0)
    taker._timer.stop()
    monkeypatch.setattr(taker._timer, "start", lambda *a: None)
    return taker


def test_a_job_only_steps_during_turns(qtbot: Any, runner: JobRunner, no_timer: TurnTaker) -> None:
    job = Counter()
    runner.start(job)
    assert job.started.wait(5)
    qtbot.wait(50)  # no turn handed out: the job waits at its first checkpoint
    before = job.steps
    qtbot.wait(50)
    assert job.steps == before <= 1
    no_timer.give_turn()
    assert job.steps > before
    job.stop.set()
    no_timer.give_turn()
    assert wait_for_jobs(5000)


def test_the_idle_timer_hands_out_turns_until_the_job_ends(qtbot: Any, runner: JobRunner) -> None:
    job = Counter()

    def count_then_stop(_: Job) -> None:
        qtbot.waitUntil(lambda: job.steps > 10_000, timeout=10000)
        job.stop.set()

    start_and_wait(qtbot, runner, job, "finished", count_then_stop)
    qtbot.waitUntil(lambda: not runner.turns.is_handing_out_turns(), timeout=5000)


def test_waiting_for_jobs_lets_them_run_without_turns(
    runner: JobRunner, no_timer: TurnTaker
) -> None:
    job = Counter()
    runner.start(job)
    assert job.started.wait(5)
    threading.Timer(0.2, job.stop.set).start()
    assert wait_for_jobs(10000)  # the GUI thread blocks here: no turns, yet the job ends
    assert job.steps > 1


def test_without_turns_for_a_while_jobs_run_freely(
    runner: JobRunner, no_timer: TurnTaker, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(no_timer, "MAX_PAUSE", 0.05)
    job = Counter()
    runner.start(job)
    assert job.started.wait(5)
    done = threading.Event()
    threading.Thread(target=lambda: (job.stop.wait(), done.set())).start()
    threading.Timer(0.3, job.stop.set).start()
    assert done.wait(5)
    assert job.steps > 1000  # not one step per pause


def test_cancel_reaches_a_waiting_job(qtbot: Any, runner: JobRunner, no_timer: TurnTaker) -> None:
    job = Counter()

    def cancel_while_waiting(started: Job) -> None:
        assert job.started.wait(5)
        started.cancel()
        no_timer.give_turn()

    start_and_wait(qtbot, runner, job, "cancelled", cancel_while_waiting, timeout=5000)


def test_one_turn_taker_per_application(runner: JobRunner) -> None:
    assert runner.turns is turns() is JobRunner().turns


def test_after_paint_runs_once_the_widget_is_painted(qtbot: Any) -> None:
    label = QLabel("painted")
    qtbot.addWidget(label)
    calls: list[bool] = []
    AfterPaint(label, lambda: calls.append(label.isVisible()), fallback_ms=None)
    qtbot.wait(50)
    assert calls == []  # hidden: never painted
    label.show()
    qtbot.waitUntil(lambda: calls == [True], timeout=5000)
    label.update()
    qtbot.wait(50)
    assert calls == [True]  # once


def test_after_paint_falls_back_for_a_widget_never_painted(qtbot: Any) -> None:
    label = QLabel("hidden")
    qtbot.addWidget(label)
    calls: list[int] = []
    AfterPaint(label, lambda: calls.append(1), fallback_ms=20)
    qtbot.waitUntil(lambda: calls == [1], timeout=5000)


def test_a_lost_outcome_never_leaves_the_turn_timer_spinning(qtbot: Any, runner: JobRunner) -> None:
    taker = runner.turns
    assert wait_for_jobs(5000)
    taker.job_queued(Job(lambda token, progress: None))  # its outcome signal is lost
    assert taker.is_handing_out_turns()
    qtbot.waitUntil(lambda: not taker.is_handing_out_turns(), timeout=5000)


def test_an_unhandled_job_failure_reaches_the_exception_hook(
    qtbot: Any, runner: JobRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[BaseException] = []
    monkeypatch.setattr("sys.excepthook", lambda t, e, tb: seen.append(e))

    def broken(token: Any, progress: Any) -> None:
        raise RuntimeError("a bug in a job")

    start_and_wait(qtbot, runner, broken, "failed", timeout=5000)
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert str(seen[0]) == "a bug in a job"


def test_every_cancel_arrives_as_a_cancel(qtbot: Any, runner: JobRunner) -> None:
    """A ``Cancelled`` of any kind, or any error raised once the job was told to stop (a
    search or an export noticing its token), is a cancel, never a failure."""
    from viewer.core.errors import Cancelled, ViewerError

    class OwnCancel(Cancelled):
        pass

    class StoppedEarly(ViewerError):
        pass

    def cancels(token: Any, progress: Any) -> None:
        raise OwnCancel("stop")

    def notices_its_token(token: Any, progress: Any) -> None:
        while not token():
            pass
        raise StoppedEarly("stopped")

    for fn in (cancels, notices_its_token):
        # Exactly one outcome fires per job: "cancelled" arriving means no "failed".
        job = start_and_wait(qtbot, runner, fn, "cancelled", lambda j: j.cancel())
        assert job.token.cancelled


def test_a_runner_waits_for_its_own_jobs_only(qtbot: Any, runner: JobRunner) -> None:
    """A closing window's runner waits for its jobs, not for another window's (a library
    controller's shutdown waited for the next window's indexing: 30 s in the suite)."""
    other = JobRunner()
    release = threading.Event()
    mine_done: list[object] = []
    theirs_done: list[object] = []
    other.start(lambda _t, _p: release.wait(30), on_finished=theirs_done.append)
    runner.start(lambda _t, _p: "mine", on_finished=mine_done.append)
    try:
        assert runner.wait(10_000)  # returns while the other runner's job still waits
        assert not release.is_set()
        qtbot.waitUntil(lambda: mine_done == ["mine"], timeout=5000)
        assert theirs_done == []
    finally:
        release.set()
        assert other.wait(10_000)
    qtbot.waitUntil(lambda: theirs_done == [True], timeout=5000)


# What the window has imported by the time its first document is analysed; then each step of
# ANALYSIS_MODULES, recording which of the viewer's modules it ran.
STEPS = """
import importlib, json, sys
import viewer.qt.app, viewer.qt.main_window, viewer.qt.settings
from viewer.qt.document import ANALYSIS_MODULES
steps = []
for name in [*ANALYSIS_MODULES, "viewer.core.metrics"]:
    before = set(sys.modules)
    importlib.import_module(name)
    steps.append([name, sorted(m for m in set(sys.modules) - before if m.startswith("viewer"))])
print(json.dumps(steps))
"""


def test_the_analysis_imports_one_module_per_turn() -> None:
    """``ANALYSIS_MODULES`` lists what the analysis imports, dependencies first: each step
    runs only its own module (with its package's ``__init__`` the first time), so a turn is
    taken between any two, and nothing is left for ``viewer.core.metrics`` to import at once."""
    import json

    from tests.conftest import run_python

    proc = run_python("-c", STEPS, env={"QT_QPA_PLATFORM": "offscreen"}, check=True)
    *steps, (_, last) = json.loads(proc.stdout)
    assert last == []  # the list misses nothing
    for name, ran in steps:
        parents = {name.rsplit(".", k)[0] for k in range(1, name.count(".") + 1)}
        package_parts = {m for m in ran if m.startswith(name + ".")}  # an eager __init__
        assert set(ran) - {name} - parents - package_parts == set(), (name, ran)
        assert name in ran, f"{name} was already imported: drop it from the list"
