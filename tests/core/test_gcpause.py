"""The collector is off while a transcript is parsed and comes back as it was."""

from __future__ import annotations

import gc
import threading

import pytest

from tests.conftest import DATA
from viewer.core.gcpause import collector_paused


@pytest.fixture(autouse=True)
def _collector_on() -> object:
    gc.enable()
    yield
    gc.enable()


def test_paused_inside_and_resumed_after_even_on_an_error() -> None:
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():  # nested: the outer one resumes it
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(ValueError), collector_paused():
        raise ValueError("a reader failed")
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off() -> None:
    gc.disable()  # (the GUI's start-up keeps it off until the first paint)
    with collector_paused():
        pass
    assert not gc.isenabled()


def test_overlapping_parses_in_two_threads_resume_it_once_both_end() -> None:
    inside, release = threading.Event(), threading.Event()

    def worker() -> None:
        with collector_paused():
            inside.set()
            release.wait(10)

    t = threading.Thread(target=worker)
    t.start()
    assert inside.wait(10)
    with collector_paused():
        pass
    assert not gc.isenabled()  # the worker's parse is still running
    release.set()
    t.join(10)
    assert gc.isenabled()


def test_parse_text_runs_with_the_collector_paused(monkeypatch: pytest.MonkeyPatch) -> None:
    from viewer.core import formats

    seen = []
    real = formats.statementdog.parse

    def spy(*args: object, **kwargs: object) -> object:
        seen.append(gc.isenabled())
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(formats.statementdog, "parse", spy)
    text = (DATA / "hpf-bare.txt").read_text("utf-8")
    formats.parse_text(text, layout="statementdog")
    assert seen == [False]
    assert gc.isenabled()
