"""The Qt Linguist pipeline: lupdate finds nothing to do; the committed .qm files are current."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "packaging"))

import translations


def test_the_tools_ship_with_pyside6() -> None:
    for name in ("lupdate", "lrelease"):
        cmd = translations.tool(name)
        assert Path(cmd[0]).is_file(), cmd


def test_every_catalogue_is_there() -> None:
    names = {p.name for p in translations.ts_files()}
    assert names == {"earnings_viewer_zh_TW.ts", "earnings_viewer_en.ts"}


def test_lupdate_finds_no_unfinished_or_obsolete_entry() -> None:
    """lupdate over viewer/ on copies of the .ts files (so the sources are what is checked):
    every string is translated, no translation is left for a string that is gone, and every
    .qm is what lrelease makes of its .ts now."""
    assert translations.check() == []


def test_the_check_sees_a_new_string_and_a_removed_one(tmp_path: Path) -> None:
    ts = tmp_path / "earnings_viewer_zh_TW.ts"
    shutil.copyfile(translations.I18N / ts.name, ts)
    text = ts.read_text(encoding="utf-8")
    # a translation whose source is gone, and (by removing one) a source with none
    text = text.replace(
        "<context>\n    <name>Labels</name>\n",
        "<context>\n    <name>Labels</name>\n    <message>\n        <source>Gone string</source>"
        "\n        <translation>已刪除</translation>\n    </message>\n",
        1,
    )
    start = text.index("<message>\n        <source>Revenue</source>")
    end = text.index("</message>", start) + len("</message>")
    ts.write_text(text[:start] + text[end:], encoding="utf-8")
    translations.update(ts, no_obsolete=False)
    found = translations.problems(ts)
    assert any("'Gone string'" in p and ("vanished" in p or "obsolete" in p) for p in found)
    assert any("'Revenue'" in p and "unfinished" in p for p in found)


def test_the_sources_are_the_apps_python_files() -> None:
    files = translations.sources()
    root = translations.ROOT
    assert root / "viewer" / "qt" / "labels.py" in files
    assert all(p.suffix == ".py" and "__pycache__" not in p.parts for p in files)


@pytest.mark.parametrize("name", ["earnings_viewer_zh_TW.qm", "earnings_viewer_en.qm"])
def test_the_qm_files_are_resources(name: str) -> None:
    from viewer import resources

    assert resources.resource_path("i18n", name).is_file()


@pytest.mark.parametrize(
    ("source", "translation", "why"),
    [
        ("Q%1 %2", "%2 年第 %1 季", None),
        ("Q%1 %2", "%2 年第季", "place markers"),
        ("%n hit(s)", "%n 筆結果", None),
        ("%n hit(s)", "筆結果", "place markers"),
        ("%1", "%1 %1 年", "place markers"),
        ("&Open…", "開啟(&O)…", None),
        ("&Open…", "開啟…", "mnemonic"),
        ("Open", "開啟(&O)", "mnemonic"),
        ("Q&&A", "問答", None),
        ("R&D expenses", "研發費用", None),
        ("&Open…", "開啟(&O)", "…"),
        ("Zoom ", "縮放", "spaces"),
    ],
)
def test_invalid_translations(source: str, translation: str, why: str | None) -> None:
    found = translations.invalid(source, translation)
    assert (found is None) if why is None else (found is not None and why in found)


def test_the_check_refuses_a_lost_place_marker(tmp_path: Path) -> None:
    ts = tmp_path / "earnings_viewer_zh_TW.ts"
    text = (translations.I18N / ts.name).read_text(encoding="utf-8")
    assert "%2 年第 %1 季" in text
    ts.write_text(text.replace("%2 年第 %1 季", "%2 年第季", 1), encoding="utf-8")  # the first
    found = translations.problems(ts)
    assert len(found) == 1 and "'Q%1 %2'" in found[0] and "place markers" in found[0]
