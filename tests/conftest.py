"""Test set-up: offscreen Qt before any Qt import, shared paths and fixtures."""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
SHARED = ROOT.parent / "shared" / "data"
SAMPLE = ROOT / "resources" / "sample" / "NOVA-2025-Q3.txt"


def run_python(
    *argv: str | Path,
    env: dict[str, str] | None = None,
    check: bool = False,
    timeout: float = 120,
) -> subprocess.CompletedProcess[str]:
    """Run ``python ARGV`` in a real subprocess (UTF-8 output, project root), with ``env``
    added to the environment (a variable set to "" counts as unset for the app's switches)."""
    return subprocess.run(
        [sys.executable, *map(str, argv)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        env={**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})},
        timeout=timeout,
        check=check,
    )


def run_cli(
    *args: str | Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m viewer ARGS`` (:func:`run_python`)."""
    return run_python("-m", "viewer", *args, env=env)


def run_main(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """Run ``viewer.__main__.main(ARGS)`` in this process (headless commands only), with
    what it writes to stdout and stderr and its exit status, as ``run_cli`` gives them."""
    from viewer.__main__ import main

    argv = list(map(str, args))
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as exc:  # argparse: usage errors, --help, --version
            code = exc.code if isinstance(exc.code, int) else 1
    return subprocess.CompletedProcess(argv, code, out.getvalue(), err.getvalue())


def shared_file(*parts: str) -> Path:
    """A file of ``../shared/data``; skip (with the reason) only when that folder is absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared/data is absent (a user's clone); CI has it")
    path = SHARED.joinpath(*parts)
    assert path.exists(), f"missing shared test file {path}"
    return path


@pytest.fixture
def alab_path() -> Path:
    return shared_file("statementdog", "ALAB-2024-Q4.txt")


@pytest.fixture
def sample_path() -> Path:
    return SAMPLE


@pytest.fixture(scope="session")
def qapp_cls() -> type:
    """pytest-qt builds the app with our class (it handles macOS FileOpen events)."""
    from viewer.qt.startup import ViewerApplication

    return ViewerApplication


@pytest.fixture(autouse=True)
def _no_background_jobs_left() -> Iterator[None]:
    """A test must not leave a worker running: it would outlive the QApplication."""
    yield
    if "PySide6.QtCore" in sys.modules:
        from viewer.qt.workers import wait_for_jobs

        wait_for_jobs(30000)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Tear Qt down in order before Python finalises (a stray widget or job segfaults)."""
    if "PySide6.QtWidgets" not in sys.modules:
        return
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    from viewer.qt.workers import wait_for_jobs

    wait_for_jobs(30000)
    app = QApplication.instance()
    if app is None:
        return
    from viewer.qt.startup import release_clipboard

    release_clipboard()
    for w in QApplication.topLevelWidgets():
        w.close()
        w.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.processEvents()
