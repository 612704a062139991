"""The library's SQLite file: where it lives, its schema, and recovery from a bad file.

One file holds everything (calls, paragraphs, figures, the full-text index). It is a cache of
the transcripts, never the only copy of anything: a file that is corrupt, belongs to another
program, or was written by a newer version of the viewer is moved aside
(``<name>.corrupt-<time>``) and a fresh library is built in its place.
"""

from __future__ import annotations

import functools
import os
import sqlite3
import sys
import time
import uuid
from pathlib import Path

from viewer.core.errors import ViewerError

#: Bumped whenever the tables change; an older file is rebuilt (keeping its folders), a newer
#: one moved aside. 2: speakers' folded name and firm keys (the speaker filter folds).
SCHEMA_VERSION = 2
#: ``PRAGMA application_id``: marks the file as ours ("ECVL").
APPLICATION_ID = 0x4543564C

DB_NAME = "library.sqlite3"

_SCHEMA = """
CREATE TABLE folders(
  id INTEGER PRIMARY KEY,
  path TEXT NOT NULL UNIQUE
);
CREATE TABLE calls(
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  folder_id INTEGER NOT NULL REFERENCES folders(id) ON DELETE CASCADE,
  path TEXT NOT NULL UNIQUE,
  size INTEGER NOT NULL,
  mtime_ns INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  error TEXT,
  company TEXT,
  ticker TEXT,
  fiscal_year INTEGER,
  quarter INTEGER,
  title TEXT,
  call_date TEXT,
  layout TEXT,
  script TEXT,
  n_paragraphs INTEGER NOT NULL DEFAULT 0,
  n_speakers INTEGER NOT NULL DEFAULT 0,
  n_figures INTEGER NOT NULL DEFAULT 0,
  n_warnings INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX calls_folder ON calls(folder_id);
CREATE INDEX calls_sha ON calls(sha256);
CREATE TABLE speakers(
  id INTEGER PRIMARY KEY,
  call_id INTEGER NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
  sid TEXT NOT NULL,
  name TEXT NOT NULL,
  title TEXT,
  role TEXT NOT NULL,
  firm TEXT,
  -- the search's fold of the name and its aliases (one a line) and of the firm: what the
  -- speaker and firm filters compare (Chinese names, full-width letters, any script's case)
  name_key TEXT NOT NULL,
  firm_key TEXT
);
CREATE INDEX speakers_call ON speakers(call_id);
CREATE TABLE paragraphs(
  call_id INTEGER NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  speaker INTEGER NOT NULL REFERENCES speakers(id),
  section TEXT NOT NULL,
  PRIMARY KEY (call_id, idx)
) WITHOUT ROWID;
-- One row per call and language (id = call id * 2 + 0 English / 1 Chinese): the FOLDED
-- paragraphs joined by newlines (what search scans), where each paragraph starts, the paragraphs
-- whose fold is not character for character (their offsets need the single-call mapping),
-- and the original paragraph texts (zlib-compressed JSON list; null for no text).
CREATE TABLE texts(
  id INTEGER PRIMARY KEY,
  call_id INTEGER NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
  folded TEXT NOT NULL,
  starts BLOB NOT NULL,
  shifted BLOB NOT NULL,
  original BLOB NOT NULL
);
CREATE INDEX texts_call ON texts(call_id);
CREATE TABLE figures(
  call_id INTEGER NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
  paragraph INTEGER NOT NULL,
  metric TEXT NOT NULL,
  period TEXT,
  nature TEXT NOT NULL,
  kind TEXT NOT NULL,
  unit TEXT NOT NULL,
  value TEXT,
  low TEXT,
  high TEXT,
  quantum TEXT NOT NULL,
  qualifier TEXT,
  text TEXT NOT NULL
);
CREATE INDEX figures_call ON figures(call_id);
CREATE TABLE state(key TEXT PRIMARY KEY, value TEXT NOT NULL);
-- Contentless, positionless indexes of each text row (same rowid): trigrams of the folded
-- text, and one token per distinct character ("x8425") for one- and two-character queries.
-- Rows are deleted with the stored folded text, which is exactly what was inserted.
CREATE VIRTUAL TABLE fts_tri USING fts5(t, tokenize='trigram', detail=none, content='');
CREATE VIRTUAL TABLE fts_chr USING fts5(t, tokenize='unicode61', detail=none, content='');
"""


class LibraryDbError(ViewerError):
    """The database cannot be opened even after moving the bad one aside (a read-only
    folder, a full disk): ``str()`` says why."""

    code = "library_unusable"


def default_db_path() -> Path:
    """Where the library lives unless ``--db`` says otherwise: the folder Qt's
    ``QStandardPaths.AppDataLocation`` gives the app (organisation and application both
    ``earnings-viewer``), computed without Qt so the CLI and the window share one file.

    Linux: ``$XDG_DATA_HOME`` (default ``~/.local/share``); macOS: ``~/Library/Application
    Support``; Windows: ``%APPDATA%``; each followed by ``earnings-viewer/earnings-viewer``.
    """
    home = Path.home()
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or home / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = home / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or home / ".local" / "share")
    return base / "earnings-viewer" / "earnings-viewer" / DB_NAME


def _lenient_text(raw: bytes) -> str:
    # A page damaged after the checks at open (quick_check does not read text) must not
    # make every later read raise "Could not decode to UTF-8": the index is a cache of the
    # transcripts, a damaged title shows replacement characters until its file is re-read.
    return raw.decode("utf-8", "replace")


def _configure(con: sqlite3.Connection) -> None:
    con.text_factory = _lenient_text
    con.execute("PRAGMA foreign_keys = ON")
    # WAL: the GUI reads while a worker indexes; NORMAL sync is safe with WAL (a crash
    # loses at most the last transactions, never the file).
    con.execute("PRAGMA journal_mode = WAL")
    con.execute("PRAGMA synchronous = NORMAL")
    con.execute("PRAGMA busy_timeout = 5000")


def _state(con: sqlite3.Connection) -> str:
    """``ok``, ``empty`` (a new file), ``old`` (ours, older schema) or why it is not usable."""
    if con.execute("PRAGMA quick_check(1)").fetchone()[0] != "ok":
        return "corrupt"
    app = con.execute("PRAGMA application_id").fetchone()[0]
    version = con.execute("PRAGMA user_version").fetchone()[0]
    tables = con.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    if app == 0 and version == 0 and tables == 0:
        return "empty"
    if app != APPLICATION_ID:
        return "foreign"
    if version > SCHEMA_VERSION:
        return "newer"
    if version < SCHEMA_VERSION:
        return "old"
    if _schema(con) != _expected_schema():
        # quick_check reads structure, not the schema's text: a damaged page there can make
        # a table reference a key that is not unique ("foreign key mismatch" at the next
        # insert, found by tests/core/test_library_index.py's random bytes)
        return "damaged schema"
    return "ok"


def _schema(con: sqlite3.Connection) -> list[tuple[object, ...]]:
    rows = con.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    return sorted((tuple(r) for r in rows), key=repr)


@functools.cache
def _expected_schema() -> list[tuple[object, ...]]:
    """What :data:`_SCHEMA` makes, read back from a database in memory."""
    mem = sqlite3.connect(":memory:")
    try:
        mem.executescript(_SCHEMA)
        return _schema(mem)
    finally:
        mem.close()


def move_aside(path: Path) -> Path:
    """Rename ``path`` (and its ``-wal``/``-shm`` files) to ``<name>.corrupt-<time>``."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
    os.replace(path, target)
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            os.replace(side, target.with_name(target.name + suffix))
    return target


def _create(con: sqlite3.Connection) -> None:
    con.executescript(_SCHEMA)
    con.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    # tells this database from an earlier one at the same path (caches key on it)
    con.execute("INSERT INTO state(key, value) VALUES ('generation', ?)", (uuid.uuid4().hex,))
    con.commit()


def connect(path: str | os.PathLike[str]) -> tuple[sqlite3.Connection, Path | None]:
    """Open (or create) the library at ``path``; return the connection and, when the file
    there was unusable (corrupt, foreign, newer schema), where it was moved.

    An older schema of ours is dropped and rebuilt in place (the library is a cache); its
    folders are kept, so the next rescan indexes their calls again.
    Raises :class:`LibraryDbError` when no usable database can be made at ``path``.
    """
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise LibraryDbError(f"{target.parent}: cannot create the folder: {exc}") from exc
    moved: Path | None = None
    for attempt in range(2):
        con: sqlite3.Connection | None = None
        try:
            con = sqlite3.connect(target)
            state = _state(con)
            if state in ("ok", "empty", "old"):
                _configure(con)
                folders: list[str] = []
                if state == "old":
                    # the user's folders survive an upgrade; their calls are indexed again
                    folders = _old_folders(con)
                    _drop_all(con)
                if state != "ok":
                    _create(con)
                if folders:
                    with con:
                        con.executemany(
                            "INSERT OR IGNORE INTO folders(path) VALUES (?)",
                            [(f,) for f in folders],
                        )
                return con, moved
        except (sqlite3.DatabaseError, UnicodeError) as exc:
            # UnicodeError: a damaged page can make even quick_check's report invalid text
            state = f"unreadable ({exc})"
            if attempt == 1:
                if con is not None:
                    con.close()
                raise LibraryDbError(f"{target}: {exc}") from exc
        if con is not None:
            con.close()
        if attempt == 1:
            raise LibraryDbError(f"{target}: still unusable after a rebuild ({state})")
        try:
            moved = move_aside(target)
        except OSError as exc:
            raise LibraryDbError(f"{target}: {state}, and it cannot be moved: {exc}") from exc
    raise AssertionError("unreachable")


def _old_folders(con: sqlite3.Connection) -> list[str]:
    """The folder paths of an older schema (none when it has no such table)."""
    try:
        return [str(r[0]) for r in con.execute("SELECT path FROM folders") if r[0]]
    except sqlite3.DatabaseError:
        return []


def _drop_all(con: sqlite3.Connection) -> None:
    rows = con.execute(
        "SELECT type, name FROM sqlite_master WHERE type IN ('table', 'view') "
        "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'fts_%\\_%' ESCAPE '\\'"
    ).fetchall()
    con.execute("PRAGMA foreign_keys = OFF")
    for kind, name in rows:
        con.execute(f'DROP {kind.upper()} IF EXISTS "{name}"')
    con.execute("PRAGMA foreign_keys = ON")
    con.commit()
