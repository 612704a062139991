"""The first file read by a forked child (viewer.core.preload): same result or same error as
an in-process load, and nothing lost or left running when the child gives nothing."""

from __future__ import annotations

import os
import pickle
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import DATA, SAMPLE
from viewer.core import errors, preload
from viewer.core.errors import LoadCancelled, TranscriptError, ViewerError
from viewer.core.preload import Preload
from viewer.core.speaker_groups import build_speaker_groups
from viewer.core.transcript_io import load_transcript

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this platform")


def deadline(seconds: float = 60.0) -> Callable[[], bool]:
    """A cancel check that gives up after ``seconds``: a stuck child fails the test, not CI."""
    end = time.monotonic() + seconds
    return lambda: time.monotonic() > end


def reaped(pid: int) -> bool:
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


def test_the_child_gives_what_an_in_process_load_gives() -> None:
    pre = Preload.start(SAMPLE)
    assert pre is not None and pre.path == SAMPLE
    pid = pre._pid
    got = pre.take(deadline())
    assert got is not None
    transcript, groups = got
    expected = load_transcript(SAMPLE)
    assert transcript == expected
    assert groups == build_speaker_groups(expected)
    assert pid is not None and reaped(pid)
    assert pre.take() is None  # used once


def test_an_unreadable_file_raises_the_same_error(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    for path in (empty, tmp_path / "missing.txt", tmp_path):
        with pytest.raises(TranscriptError) as in_process:
            load_transcript(path)
        pre = Preload.start(path)
        assert pre is not None
        with pytest.raises(TranscriptError) as from_child:
            pre.take(deadline())
        assert str(from_child.value) == str(in_process.value)
        assert from_child.value.code == in_process.value.code
        assert from_child.value.args_map == in_process.value.args_map


def test_a_child_that_gives_nothing_means_load_in_process(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def bug(path: Path, fd: int) -> None:
        raise RuntimeError("a bug in a reader")

    monkeypatch.setattr(preload, "_child", bug)  # the fork copies the patched module
    pre = Preload.start(SAMPLE)
    assert pre is not None
    pid = pre._pid
    assert pre.take(deadline()) is None
    assert pid is not None and reaped(pid)


def test_a_child_that_dies_while_writing_means_load_in_process(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def half(path: Path, fd: int) -> None:
        data = pickle.dumps(("ok", ("x", "y")))
        os.write(fd, data[: len(data) // 2])
        os._exit(9)

    monkeypatch.setattr(preload, "_child", half)
    pre = Preload.start(SAMPLE)
    assert pre is not None
    assert pre.take(deadline()) is None


def test_cancel_stops_the_child(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(preload, "_child", lambda path, fd: time.sleep(60))
    pre = Preload.start(SAMPLE)
    assert pre is not None
    pid = pre._pid
    calls: list[int] = []

    def cancel() -> bool:
        calls.append(1)
        return len(calls) > 3

    t0 = time.monotonic()
    with pytest.raises(LoadCancelled):
        pre.take(cancel)
    assert time.monotonic() - t0 < 30
    assert pid is not None and reaped(pid)


def test_discard_stops_and_reaps_a_running_child(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(preload, "_child", lambda path, fd: time.sleep(60))
    pre = Preload.start(SAMPLE)
    assert pre is not None
    pid = pre._pid
    pre.discard()
    pre.discard()  # twice: nothing more happens
    assert pid is not None and reaped(pid)
    assert pre.take() is None


def test_disabled_by_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(preload.DISABLE_ENV, "1")
    assert not preload.available()
    assert Preload.start(SAMPLE) is None


EVERY_KIND_OF_ERROR: list[ViewerError] = [
    TranscriptError("/calls/x.txt", "the file is empty", 3),
    TranscriptError("x.txt", "too big", code="too_large", size_mb=300, limit_mb=200),
    errors.ExportError("/out/a.csv", "the disk is full"),
    LoadCancelled(),
    errors.SearchCancelled("index"),
    ViewerError("plain", code="library_unusable", values={"message": "locked"}),
]


@pytest.mark.parametrize("error", EVERY_KIND_OF_ERROR, ids=lambda e: type(e).__name__)
def test_viewer_errors_pickle_whole(error: ViewerError) -> None:
    back = pickle.loads(pickle.dumps(error, protocol=pickle.HIGHEST_PROTOCOL))
    assert type(back) is type(error)
    assert str(back) == str(error) and back.args == error.args
    assert back.code == error.code and back.args_map == error.args_map
    assert back.__dict__ == error.__dict__


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    body=st.one_of(
        st.binary(max_size=400),
        st.text(max_size=400).map(lambda t: t.encode("utf-8", "surrogatepass")),
        st.sampled_from(sorted(p.name for p in DATA.rglob("*.txt"))[:40]).map(
            lambda name: next(DATA.rglob(name)).read_bytes()[:3000]
        ),
    )
)
def test_odd_files_give_the_same_outcome_either_way(tmp_path: Path, body: bytes) -> None:
    path = tmp_path / "call.txt"
    path.write_bytes(body)
    try:
        expected: object = load_transcript(path)
    except ViewerError as exc:
        expected = (type(exc), str(exc), exc.code)
    pre = Preload.start(path)
    assert pre is not None
    try:
        got = pre.take(deadline())
        assert got is not None
        outcome: object = got[0]
    except ViewerError as exc:
        outcome = (type(exc), str(exc), exc.code)
    assert outcome == expected
