"""Test set-up: offscreen Qt before any Qt import, shared paths and fixtures."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
SHARED = ROOT.parent / "shared" / "data"
SAMPLE = ROOT / "resources" / "sample" / "NOVA-2025-Q3.txt"


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
    from viewer.qt.app import ViewerApplication

    return ViewerApplication
