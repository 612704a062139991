"""Shared set-up of the library tests: a folder of fictional calls copied to a temp dir."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import DATA

CLNT = sorted((DATA / "library").glob("CLNT-*.txt"))
# Calls of other companies, with full-width text, emoji, zero-width spaces and ligatures:
# the search must give their offsets exactly as the single-call search does.
OTHERS = [DATA / "search" / "QRL-2025-Q1.txt", DATA / "hpf-bulleted.txt"]


def make_folder(root: Path, files: list[Path] | None = None) -> Path:
    """A folder holding copies of ``files`` (default: the CLNT calls)."""
    folder = root / "calls"
    folder.mkdir(parents=True, exist_ok=True)
    for f in CLNT if files is None else files:
        shutil.copy2(f, folder / f.name)
    return folder
