"""The library's speaker and firm filters fold like the search (issue 15): Chinese names in
either script, full-width letters, case beyond ASCII."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.conftest import DATA
from tests.core.library_util import make_folder
from viewer.core.library import SCHEMA_VERSION, Library, SearchFilters, search
from viewer.core.search import SearchOptions

# A fictional AlphaMemo call renamed: a Traditional-Chinese CEO, a full-width analyst
# name, a Traditional firm, a Greek-cased CFO (the fixture itself is fictional too).
RENAMES = {
    "Maren Holt": "王曉明",
    "Lena Park": "ＬＥＮＡ Park",
    "Larkspur Securities": "凱基證券",
    "Desmond Achterberg": "ΣΩΚΡΆΤΗΣ Pappas",
}


@pytest.fixture(scope="module")
def lib(tmp_path_factory: pytest.TempPathFactory) -> Library:
    root = tmp_path_factory.mktemp("filters")
    folder = root / "calls"
    folder.mkdir()
    text = (DATA / "alphamemo" / "fixture__9999_2025Q4.txt").read_text(encoding="utf-8")
    for old, new in RENAMES.items():
        text = text.replace(old, new)
    (folder / "fixture__9999_2025Q4.txt").write_text(text, encoding="utf-8")
    library = Library(root / "lib.db")
    library.add_folder(folder)
    assert library.rescan().failed == []
    return library


def speakers_of(lib: Library, filters: SearchFilters) -> set[str]:
    res = search(lib, SearchOptions(query=r"\w", regex=True), filters)
    return {lib.paragraph(h.call_id, h.paragraph).speaker for h in res.hits}  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("王曉明", {"王曉明"}),
        ("王晓明", {"王曉明"}),  # Simplified finds Traditional
        ("曉", {"王曉明"}),
        ("lena", {"ＬＥＮＡ Park"}),  # full-width letters, any case
        ("ＬＥＮＡ", {"ＬＥＮＡ Park"}),
        ("σωκράτησ", {"ΣΩΚΡΆΤΗΣ Pappas"}),  # Greek case, final sigma
        ("  ", {"王曉明", "ＬＥＮＡ Park", "ΣΩΚΡΆΤΗΣ Pappas"}),  # nothing to filter on
        ("nobody", set()),
    ],
)
def test_speaker_filter_folds(lib: Library, value: str, expected: set[str]) -> None:
    assert speakers_of(lib, SearchFilters(speakers=(value,))) == expected


def test_firm_filter_folds(lib: Library) -> None:
    assert speakers_of(lib, SearchFilters(firms=("凯基",))) == {"ＬＥＮＡ Park"}
    assert speakers_of(lib, SearchFilters(firms=("harbor pine",))) == {
        "王曉明",
        "ΣΩΚΡΆΤΗΣ Pappas",
    }
    assert speakers_of(lib, SearchFilters(firms=("凯基",), speakers=("王",))) == set()


def test_schema_upgrade_keeps_the_folders(tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    with Library(db) as library:
        folder = library.add_folder(make_folder(tmp_path))
        library.rescan()
        n = len(library.calls())
    con = sqlite3.connect(db)  # as a version-1 library: no folded keys
    con.execute("PRAGMA user_version = 1")
    con.commit()
    con.close()
    with Library(db) as library:
        assert library.moved_aside is None
        assert library.folders() == [folder] and library.calls() == []
        assert len(library.rescan().added) == n
        hits = search(library, SearchOptions(query="guidance"), SearchFilters(speakers=("OKORO",)))
        assert hits.count > 0
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 2
    con.close()
