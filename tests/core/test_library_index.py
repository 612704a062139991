"""The library database: incremental indexing, failed files, recovery, listing (issue 15)."""

from __future__ import annotations

import os
import shutil
import sqlite3
import threading
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.core.library_util import CLNT, OTHERS, make_folder
from viewer.core.errors import Cancelled
from viewer.core.library import (
    APPLICATION_ID,
    SCHEMA_VERSION,
    Library,
    LibraryCancelled,
    SearchFilters,
    default_db_path,
    search,
)
from viewer.core.search import SearchOptions
from viewer.core.transcript_io import load_transcript


def test_first_scan_indexes_every_call_and_lists_them_by_period(tmp_path: Path) -> None:
    folder = make_folder(tmp_path)
    with Library(tmp_path / "lib.db") as lib:
        assert lib.moved_aside is None
        lib.add_folder(folder)
        report = lib.rescan()
        assert sorted(Path(p).name for p in report.added) == [f.name for f in CLNT]
        assert report.failed == [] and report.unchanged == 0
        (company,) = lib.companies()
        assert company.key == "CLNT"
        assert company.name == "Corvid Lantern Systems Inc"
        assert [c.period for c in company.calls] == [
            "Q2 2024",
            "Q3 2024",
            "Q4 2024",
            "Q1 2025",
            "Q2 2025",
        ]
        for call in company.calls:
            t = load_transcript(call.path)
            assert call.paragraphs == len(t.paragraphs)
            assert call.speakers == len(t.speakers)
            assert call.layout == t.meta.layout.value == "statementdog-bulleted"
            assert call.script == "Hant"
            assert call.title == t.meta.title
            assert call.figures > 0
            p = lib.paragraph(call.id, 2)
            assert p is not None and (p.en, p.zh) == (t.paragraphs[2].en, t.paragraphs[2].zh)
            assert p.speaker == t.speaker_of_paragraph(2).name


def test_rescan_is_incremental(tmp_path: Path) -> None:
    folder = make_folder(tmp_path)
    with Library(tmp_path / "lib.db") as lib:
        lib.add_folder(folder)
        lib.rescan()
        ids = {c.path: c.id for c in lib.calls()}
        seen: list[str] = []
        again = lib.rescan(progress=lambda done, total, path: seen.append(path))
        assert not again.touched and again.unchanged == 5
        assert seen == [""]  # only the final "done" call: no file read

        # touched but not changed: read and hashed, not parsed again (same call id)
        q2 = folder / "CLNT-2024-Q2.txt"
        os.utime(q2, ns=(1, 1))
        report = lib.rescan()
        assert not report.touched and report.unchanged == 5
        assert {c.path: c.id for c in lib.calls()} == ids

        # changed: parsed again
        q2.write_text(q2.read_text(encoding="utf-8").replace("$142.6 million", "$143.1 million"))
        report = lib.rescan()
        assert report.changed == [str(q2)]
        hits = search(lib, SearchOptions(query="143.1"))
        assert [Path(c.path).name for c in hits.calls] == ["CLNT-2024-Q2.txt"]
        assert search(lib, SearchOptions(query="142.6 million")).hits == ()


def test_a_renamed_file_is_not_parsed_again(tmp_path: Path) -> None:
    folder = make_folder(tmp_path)
    with Library(tmp_path / "lib.db") as lib:
        lib.add_folder(folder)
        lib.rescan()
        old = folder / "CLNT-2024-Q3.txt"
        before = next(c for c in lib.calls() if c.path == str(old))
        sub = folder / "archive"
        sub.mkdir()
        new = sub / "corvid-q3.txt"
        old.rename(new)
        report = lib.rescan()
        assert report.renamed == [(str(old), str(new))]
        assert not report.added and not report.removed and not report.changed
        after = next(c for c in lib.calls() if c.path == str(new))
        assert after.id == before.id  # the same row: nothing was parsed again
        res = search(lib, SearchOptions(query="ahead of the top end"))
        assert [c.path for c in res.calls] == [str(new)]


def test_removed_files_and_folders_leave_the_library(tmp_path: Path) -> None:
    folder = make_folder(tmp_path)
    other = make_folder(tmp_path / "x", OTHERS)
    with Library(tmp_path / "lib.db") as lib:
        lib.add_folder(folder)
        lib.add_folder(other)
        lib.rescan()
        assert {c.key for c in lib.companies()} == {"CLNT", "QRL", "HPF"}
        (folder / "CLNT-2025-Q2.txt").unlink()
        report = lib.rescan()
        assert [Path(p).name for p in report.removed] == ["CLNT-2025-Q2.txt"]
        assert len(lib.calls("CLNT")) == 4
        assert search(lib, SearchOptions(query="171.4")).hits == ()
        assert lib.remove_folder(other)
        assert {c.key for c in lib.companies()} == {"CLNT"}
        assert search(lib, SearchOptions(query="Quill River")).hits == ()
        assert lib.folders() == [str(folder.resolve())]
        # the full-text garbage of removed calls is swept by a rebuild; results stay right
        lib.rebuild_index()
        assert len(search(lib, SearchOptions(query="營收")).calls) == 4


def test_a_failing_file_is_listed_and_hides_nothing(tmp_path: Path) -> None:
    folder = make_folder(tmp_path)
    (folder / "notes.txt").write_text("just some notes, not a transcript\n", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    with Library(tmp_path / "lib.db") as lib:
        lib.add_folder(folder)
        report = lib.rescan()
        assert sorted(Path(p).name for p in report.failed) == ["binary.txt", "notes.txt"]
        failures = lib.failures()
        assert sorted(Path(c.path).name for c in failures) == ["binary.txt", "notes.txt"]
        for c in failures:
            assert c.error and c.path in c.error
        groups = {c.key: c for c in lib.companies()}
        assert len(groups["CLNT"].calls) == 5
        assert {Path(c.path).name for c in groups[""].calls} == {"binary.txt", "notes.txt"}
        # a failed file is not read again until it changes
        assert lib.rescan().unchanged == 7


def test_progress_and_cancel_from_a_worker_thread(tmp_path: Path) -> None:
    folder = make_folder(tmp_path)
    db = tmp_path / "lib.db"
    with Library(db) as lib:
        lib.add_folder(folder)
    seen: list[tuple[int, int]] = []
    errors: list[BaseException] = []

    def work() -> None:
        # a worker opens its own connection (sqlite3 objects stay in their thread)
        with Library(db) as mine:
            try:
                mine.rescan(
                    progress=lambda d, t, p: seen.append((d, t)), cancel=lambda: len(seen) >= 2
                )
            except Cancelled as exc:
                errors.append(exc)

    th = threading.Thread(target=work)
    th.start()
    th.join()
    assert len(errors) == 1 and isinstance(errors[0], LibraryCancelled)
    assert seen == [(0, 5), (1, 5)]
    with Library(db) as lib:
        done = len(lib.calls())
        assert done == 1  # the file indexed before Cancel is kept (Cancel stopped the second)
        report = lib.rescan()
        assert len(report.added) == 4 and report.unchanged == 1


@pytest.mark.parametrize("kind", ["garbage", "foreign", "newer", "truncated"])
def test_a_bad_database_is_moved_aside_and_rebuilt(tmp_path: Path, kind: str) -> None:
    db = tmp_path / "lib.db"
    if kind == "garbage":
        db.write_bytes(b"this is not a database at all" * 200)
    elif kind == "foreign":
        con = sqlite3.connect(db)
        con.execute("CREATE TABLE notes(x TEXT)")
        con.execute("INSERT INTO notes VALUES ('someone else''s data')")
        con.commit()
        con.close()
    else:
        with Library(db) as lib:
            lib.add_folder(make_folder(tmp_path))
            lib.rescan()
        if kind == "newer":
            con = sqlite3.connect(db)
            con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
            con.commit()
            con.close()
        else:
            data = db.read_bytes()
            db.write_bytes(data[:4096] + b"\xff" * 4096 + data[8192:])
    original = db.read_bytes()
    with Library(db) as lib:
        assert lib.moved_aside is not None
        assert lib.moved_aside.name.startswith("lib.db.corrupt-")
        assert lib.moved_aside.read_bytes() == original  # kept for the curious, untouched
        assert lib.calls() == []
        lib.add_folder(make_folder(tmp_path / "again"))
        lib.rescan()
        assert len(lib.calls()) == 5
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert con.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    con.close()


def test_an_older_schema_is_rebuilt_in_place(tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    with Library(db) as lib:
        lib.add_folder(make_folder(tmp_path))
        lib.rescan()
    con = sqlite3.connect(db)
    con.execute("PRAGMA user_version = 0")
    con.commit()
    con.close()
    with Library(db) as lib:
        assert lib.moved_aside is None
        # rebuilt: the folders kept, their calls indexed again by the next rescan
        assert len(lib.folders()) == 1 and lib.calls() == []
        assert len(lib.rescan().added) == 5


def test_transcripts_are_never_modified(tmp_path: Path) -> None:
    folder = make_folder(tmp_path, [*CLNT, *OTHERS])
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.iterdir()}
    with Library(tmp_path / "lib.db") as lib:
        lib.add_folder(folder)
        lib.rescan()
        lib.rescan()
    assert {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.iterdir()} == before


def test_default_db_path_is_the_app_data_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", "/somewhere/data")
    monkeypatch.setenv("APPDATA", "/somewhere/appdata")
    path = default_db_path()
    assert path.name == "library.sqlite3"
    assert path.parent.parts[-2:] == ("earnings-viewer", "earnings-viewer")


def test_search_filters_by_company_and_folder(tmp_path: Path) -> None:
    folder = make_folder(tmp_path)
    other = make_folder(tmp_path / "x", OTHERS)
    shutil.copy2(CLNT[0], other / "copy.txt")
    with Library(tmp_path / "lib.db") as lib:
        lib.add_folder(folder)
        lib.add_folder(other)
        lib.rescan()
        opts = SearchOptions(query="營收")
        every = search(lib, opts)
        assert {c.key for c in every.calls} == {"CLNT", "QRL", "HPF"}
        only = search(lib, opts, SearchFilters(companies=("clnt",)))
        assert {c.key for c in only.calls} == {"CLNT"} and len(only.calls) == 6
        mine = search(lib, opts, SearchFilters(folders=(str(folder.resolve()),)))
        assert len(mine.calls) == 5


SQLITE_HEADER = b"SQLite format 3\x00"


@pytest.fixture(scope="module")
def good_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("good")
    with Library(root / "good.db") as lib:
        lib.add_folder(make_folder(root))
        lib.rescan()
    return root / "good.db"


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=8192), header=st.booleans(), cut=st.integers(0, 200_000))
def test_any_bytes_as_database_never_crash(
    tmp_path_factory: pytest.TempPathFactory, good_db: Path, data: bytes, header: bool, cut: int
) -> None:
    root = tmp_path_factory.mktemp("fuzz")
    db = root / "lib.db"
    if header and cut % 2:
        # a real library cut short, or with random bytes pasted over a page
        raw = bytearray(good_db.read_bytes())
        at = cut % len(raw)
        raw[at : at + len(data)] = data
        db.write_bytes(bytes(raw[: max(100, cut)]) if cut % 3 == 0 else bytes(raw))
    else:
        db.write_bytes((SQLITE_HEADER if header else b"") + data)
    with Library(db) as lib:
        lib.add_folder(make_folder(root / "again"))
        lib.rescan()
        # the damage was moved aside, or missed nothing that matters: either way it works
        again = [c for c in lib.calls() if "again" in c.path and c.error is None]
        assert len(again) == 5
        assert search(lib, SearchOptions(query="毛利")).count >= 9


def test_a_damaged_schema_is_moved_aside_not_met_at_the_next_insert(
    tmp_path: Path, good_db: Path
) -> None:
    """Found by the random-bytes property: a damaged page in the schema's text passed
    quick_check, then every insert failed with "foreign key mismatch"."""
    db = tmp_path / "lib.db"
    shutil.copy(good_db, db)
    con = sqlite3.connect(db)
    con.execute("PRAGMA writable_schema = ON")
    con.execute(
        "UPDATE sqlite_master SET sql = replace(sql, 'REFERENCES folders(id)', "
        "'REFERENCES folders(idx)') WHERE name = 'calls'"
    )
    con.commit()
    con.close()
    with Library(db) as lib:
        assert lib.moved_aside is not None
        lib.add_folder(make_folder(tmp_path / "again"))
        lib.rescan()
        assert len([c for c in lib.calls() if c.error is None]) == 5


def test_text_damaged_after_the_open_checks_reads_and_rescans(tmp_path: Path) -> None:
    """quick_check does not read text: bytes that are not UTF-8 in a title, a speaker's name
    and a paragraph (a page damaged on disk) must not make a later read raise."""
    folder = make_folder(tmp_path)
    db = tmp_path / "lib.db"
    with Library(db) as lib:
        lib.add_folder(folder)
        lib.rescan()
    con = sqlite3.connect(db)
    with con:
        con.execute("UPDATE calls SET title = CAST(X'E596FF20C3' AS TEXT)")
        con.execute("UPDATE speakers SET name = CAST(X'FFFE41' AS TEXT) WHERE id = 1")
    con.close()
    with Library(db) as lib:
        calls = lib.calls()
        assert calls and all("\ufffd" in c.title for c in calls if c.error is None)
        lib.rescan()
        assert search(lib, SearchOptions(query="毛利")).count >= 9
