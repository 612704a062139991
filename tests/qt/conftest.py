"""Qt fixtures: a main window with settings and logs in a temporary folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import SAMPLE
from viewer.qt.workers import wait_for_jobs


@pytest.fixture
def settings_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "config" / "settings.ini"
    monkeypatch.setenv("EARNINGS_VIEWER_SETTINGS", str(path))
    monkeypatch.setenv("EARNINGS_VIEWER_LOG_DIR", str(tmp_path / "logs"))
    return path


@pytest.fixture
def window(qtbot: Any, settings_file: Path) -> Iterator[Any]:
    from viewer.qt.startup import create_window, make_app

    app = make_app()
    win = create_window(app)
    win.resize(1200, 800)
    errors: list[tuple[str, str]] = []
    win.show_error = lambda title, text: errors.append((title, text))
    win.errors = errors
    qtbot.addWidget(win)
    win.show()
    yield win
    win.cancel_loading()
    wait_for_jobs()


def load(qtbot: Any, win: Any, path: Path | str = SAMPLE, timeout: int = 20000) -> Any:
    """Open ``path`` through the real worker and return what ``load_finished`` carried."""
    with qtbot.waitSignal(win.load_finished, timeout=timeout) as blocker:
        win.open_path(path)
    return blocker.args[0]
