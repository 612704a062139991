"""The library: folders of transcripts indexed into one SQLite file, and its read API
(folders, calls by company and fiscal period, stored paragraphs, counts).

A :class:`Library` wraps one connection and is used by one thread (``sqlite3`` objects must
not cross threads): the GUI opens one for reading and a worker opens its own on the same file
to index (WAL mode lets them run at once). Transcripts are only ever read.
"""

from __future__ import annotations

import json
import os
import sqlite3
import zlib
from collections.abc import Iterable
from pathlib import Path

from viewer.core.library.db import connect
from viewer.core.library.models import (
    CallInfo,
    CancelCheck,
    Company,
    Progress,
    ScanReport,
    StoredParagraph,
)
from viewer.core.library.scan import Indexer
from viewer.core.search import LANGS, Lang

_SELECT_CALLS = (
    "SELECT c.id, c.path, f.path, c.company, c.ticker, c.fiscal_year, c.quarter, c.title, "
    "c.call_date, c.layout, c.script, c.n_paragraphs, c.n_speakers, c.n_figures, c.n_warnings, "
    "c.error FROM calls c JOIN folders f ON f.id = c.folder_id"
)


def _call(row: tuple[object, ...]) -> CallInfo:
    return CallInfo(*row)  # type: ignore[arg-type]


class Library:
    """An index of transcript folders in one SQLite file (see the module docstring).

    ``moved_aside`` is where an unusable database found at ``path`` was moved (None if the
    file was fine): the GUI may tell the user once.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self._con, self.moved_aside = connect(self.path)
        self._originals: dict[tuple[int, Lang], list[str | None]] = {}
        self._indexer = Indexer(self._con)
        # Every call, while neither another connection (PRAGMA data_version) nor this one
        # (total_changes) has written since.
        self._all_calls: tuple[tuple[int, int], dict[int, CallInfo]] | None = None
        row = self._con.execute("SELECT value FROM state WHERE key = 'generation'").fetchone()
        #: Tells this database from another one once at the same path (for caches).
        self.generation: str = row[0] if row else str(self.path)

    # --- lifetime --------------------------------------------------------------------------

    def close(self) -> None:
        """Close the connection (idempotent)."""
        self._con.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def connection(self) -> sqlite3.Connection:
        """The underlying connection (for the search and compare modules of this package)."""
        return self._con

    # --- folders ---------------------------------------------------------------------------

    def folders(self) -> list[str]:
        """The folders of the library, as absolute paths."""
        return [r[0] for r in self._con.execute("SELECT path FROM folders ORDER BY path")]

    def add_folder(self, folder: str | os.PathLike[str]) -> str:
        """Add ``folder`` (no scan yet: call :meth:`rescan`); returns its absolute path."""
        path = str(Path(folder).expanduser().resolve())
        with self._con:
            self._con.execute("INSERT OR IGNORE INTO folders(path) VALUES (?)", (path,))
        return path

    def remove_folder(self, folder: str | os.PathLike[str]) -> bool:
        """Forget ``folder`` and its calls (the files stay where they are)."""
        path = str(Path(folder).expanduser().resolve())
        with self._con:
            row = self._con.execute("SELECT id FROM folders WHERE path = ?", (path,)).fetchone()
            if row is None:
                return False
            for (cid,) in self._con.execute(
                "SELECT id FROM calls WHERE folder_id = ?", (row[0],)
            ).fetchall():
                self._indexer.delete_call(cid)
            self._con.execute("DELETE FROM folders WHERE id = ?", (row[0],))
        self._originals.clear()
        return True

    # --- indexing (see :mod:`viewer.core.library.scan`) ---------------------------------

    def rescan(
        self,
        progress: Progress | None = None,
        cancel: CancelCheck | None = None,
        folders: Iterable[str] | None = None,
    ) -> ScanReport:
        """:meth:`viewer.core.library.scan.Indexer.rescan` on this library's database."""
        try:
            return self._indexer.rescan(progress, cancel, folders)
        finally:
            self._originals.clear()

    def rebuild_index(self) -> None:
        """Rebuild the full-text indexes from the stored folds (maintenance: after a crash
        of SQLite itself, or to compact them)."""
        self._indexer.rebuild_fts()

    def originals(self, call_id: int, lang: Lang) -> list[str | None]:
        """The original texts of a call's paragraphs in one language (``None``: no text),
        by paragraph index; empty when the call has none in that language."""
        key = (call_id, lang)
        cached = self._originals.get(key)
        if cached is not None:
            return cached
        row = self._con.execute(
            "SELECT original FROM texts WHERE id = ?", (call_id * 2 + LANGS.index(lang),)
        ).fetchone()
        texts: list[str | None] = (
            json.loads(zlib.decompress(row[0]).decode("utf-8")) if row is not None else []
        )
        if len(self._originals) >= 64:
            self._originals.clear()
        self._originals[key] = texts
        return texts

    # --- listing ---------------------------------------------------------------------------

    def calls(self, company: str | None = None) -> list[CallInfo]:
        """Every file of the library (failed ones too, with ``error``), in fiscal-period
        order; ``company``: only those listed under that key (ticker or name)."""
        calls = list(self._every_call().values())
        if company is not None:
            key = company.casefold()
            calls = [c for c in calls if c.key.casefold() == key or (c.company or "") == company]
        return sorted(calls, key=lambda c: c.sort_key)

    def calls_by_id(self, ids: Iterable[int]) -> dict[int, CallInfo]:
        """Several files by id, at once."""
        every = self._every_call()
        return {i: every[i] for i in ids if i in every}

    def _every_call(self) -> dict[int, CallInfo]:
        """Every call by id (cached while no connection writes to the database)."""
        version = (
            self._con.execute("PRAGMA data_version").fetchone()[0],
            self._con.total_changes,
        )
        if self._all_calls is None or self._all_calls[0] != version:
            rows = self._con.execute(_SELECT_CALLS).fetchall()
            self._all_calls = (version, {r[0]: _call(r) for r in rows})
        return self._all_calls[1]

    def call(self, call_id: int) -> CallInfo | None:
        """One file by id."""
        row = self._con.execute(
            _SELECT_CALLS + " WHERE c.id = ?",
            (call_id,),
        ).fetchone()
        return _call(row) if row else None

    def companies(self) -> list[Company]:
        """Companies (by key, case-insensitively sorted) with their calls in fiscal-period
        order. Files that failed to parse are listed under the key ``""`` with their error,
        as are calls that name no company."""
        groups: dict[str, list[CallInfo]] = {}
        for c in self.calls():
            groups.setdefault(c.key if c.error is None else "", []).append(c)
        out = []
        for key in sorted(groups, key=lambda k: (k == "", k.casefold())):
            calls = groups[key]
            named = next((c for c in calls if c.company), None)
            out.append(
                Company(
                    key=key,
                    name=named.company if named else None,
                    ticker=named.ticker if named else None,
                    calls=tuple(calls),
                )
            )
        return out

    def failures(self) -> list[CallInfo]:
        """The files that failed to parse, with their error."""
        return [c for c in self.calls() if c.error is not None]

    def paragraph(self, call_id: int, index: int) -> StoredParagraph | None:
        """A stored paragraph (0-based ``index``) with its speaker and both texts."""
        row = self._con.execute(
            "SELECT s.name, s.role, s.firm, p.section "
            "FROM paragraphs p JOIN speakers s ON s.id = p.speaker "
            "WHERE p.call_id = ? AND p.idx = ?",
            (call_id, index),
        ).fetchone()
        if row is None:
            return None
        en = self.originals(call_id, "en")
        zh = self.originals(call_id, "zh")
        name, role, firm, section = row
        return StoredParagraph(
            call_id=call_id,
            index=index,
            speaker=name,
            role=role,
            firm=firm,
            section=section,
            en=(en[index] if index < len(en) else None) or "",
            zh=zh[index] if index < len(zh) else None,
        )

    def stats(self) -> dict[str, int]:
        """Counts for a status line: calls, failed files, paragraphs, figures, folders."""
        q = self._con.execute
        return {
            "calls": q("SELECT count(*) FROM calls WHERE error IS NULL").fetchone()[0],
            "failed": q("SELECT count(*) FROM calls WHERE error IS NOT NULL").fetchone()[0],
            "paragraphs": q("SELECT count(*) FROM paragraphs").fetchone()[0],
            "figures": q("SELECT count(*) FROM figures").fetchone()[0],
            "folders": q("SELECT count(*) FROM folders").fetchone()[0],
        }
