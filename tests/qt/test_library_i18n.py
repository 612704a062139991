"""The library's strings reach lupdate, and English counts read "1 call" / "5 calls"."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from tests.conftest import ROOT

SOURCES = sorted((ROOT / "viewer" / "qt" / "library").glob("*.py"))
TS = ROOT / "resources" / "i18n" / "library_en.ts"


def _numerus(ts: Path) -> set[tuple[str, str]]:
    tree = ET.parse(ts)
    return {
        (ctx.findtext("name") or "", m.findtext("source") or "")
        for ctx in tree.iter("context")
        for m in ctx.iter("message")
        if m.get("numerus") == "yes"
    }


def test_the_plural_file_covers_every_count(tmp_path: Path) -> None:
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [str(lupdate), *map(str, SOURCES), "-ts", str(fresh)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    found = _numerus(fresh)
    assert found, "lupdate found no %n strings"
    assert found == _numerus(TS), "run packaging/library_i18n.py"
    # every user-visible literal goes through tr/translate with a literal (no alias lupdate
    # cannot see)
    for source in SOURCES:
        text = source.read_text(encoding="utf-8")
        assert not re.search(r"=\s*QCoreApplication\.translate\b", text), source.name


def test_english_counts(qtbot: Any, tmp_path: Path) -> None:
    from tests.qt.library_fixtures import CLNT, index_folder, install

    lw = install(qtbot, tmp_path)
    try:
        index_folder(qtbot, lw)
        status = lw.controller.library_dock.status.text()
        assert f"{len(CLNT)} calls in 1 folder" in status and "1 file failed" in status
        assert "(s)" not in status
    finally:
        lw.controller.shutdown()
