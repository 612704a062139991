"""The library: folders of transcripts indexed into one SQLite file.

A :class:`Library` wraps one connection and is used by one thread (``sqlite3`` objects must
not cross threads): the GUI opens one for reading and a worker opens its own on the same file
to index (WAL mode lets them run at once). Transcripts are only ever read.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import zlib
from array import array
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from viewer.core.errors import Cancelled, ViewerError
from viewer.core.figures.periods import Period, PeriodKind
from viewer.core.library.db import connect
from viewer.core.models import Transcript
from viewer.core.search import LANGS, Lang, SearchIndex

#: File name endings the scan picks up (every layout the readers know is text or JSON).
SUFFIXES = (".txt", ".md", ".json", ".text")

Progress = Callable[[int, int, str], None]
"""``progress(done, total, path)``: called before each file that has to be read."""
CancelCheck = Callable[[], bool]

# Files per transaction: a cancelled or crashed scan keeps the work of the ones committed.
_BATCH = 16


class LibraryCancelled(Cancelled):
    """Indexing or a library search stopped because its cancel callback said so (the files
    indexed so far are kept)."""


@dataclass(frozen=True, slots=True)
class CallInfo:
    """One file of the library: a call, or a file that failed (``error`` set)."""

    id: int
    path: str
    folder: str
    company: str | None
    ticker: str | None
    fiscal_year: int | None
    quarter: int | None
    title: str | None
    call_date: str | None
    layout: str | None
    script: str | None
    paragraphs: int
    speakers: int
    figures: int
    warnings: int
    error: str | None

    @property
    def key(self) -> str:
        """The company it is listed under: the ticker, else the company name, else ``""``."""
        return self.ticker or self.company or ""

    @property
    def period(self) -> str | None:
        """``Q2 2025`` (or ``FY2025``, or None when the call does not say)."""
        if self.fiscal_year is None:
            return None
        if self.quarter is None:
            return Period(PeriodKind.FISCAL_YEAR, self.fiscal_year).label
        return Period(PeriodKind.QUARTER, self.fiscal_year, self.quarter).label

    @property
    def sort_key(self) -> tuple[int, int, str]:
        """Fiscal period order (unknown periods last), then path."""
        return (self.fiscal_year or 9999, self.quarter or 9, self.path)


@dataclass(frozen=True, slots=True)
class Company:
    """A company of the library, with its calls in fiscal-period order."""

    key: str
    name: str | None
    ticker: str | None
    calls: tuple[CallInfo, ...]


@dataclass(frozen=True, slots=True)
class StoredParagraph:
    """A paragraph as stored: what a hit list shows (0-based ``index``)."""

    call_id: int
    index: int
    speaker: str
    role: str
    firm: str | None
    section: str
    en: str
    zh: str | None


@dataclass(slots=True)
class ScanReport:
    """What a rescan did, by path."""

    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    renamed: list[tuple[str, str]] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    unchanged: int = 0
    missing_folders: list[str] = field(default_factory=list)

    @property
    def touched(self) -> bool:
        """Whether anything in the library changed."""
        return bool(self.added or self.changed or self.removed or self.renamed)


_CALL_COLUMNS = (
    "c.id, c.path, f.path, c.company, c.ticker, c.fiscal_year, c.quarter, c.title, c.call_date, "
    "c.layout, c.script, c.n_paragraphs, c.n_speakers, c.n_figures, c.n_warnings, c.error"
)


def _call(row: tuple[object, ...]) -> CallInfo:
    return CallInfo(*row)  # type: ignore[arg-type]


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _walk(folder: Path) -> Iterator[Path]:
    """Transcript files under ``folder`` (hidden files and folders skipped), sorted."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and name.lower().endswith(SUFFIXES):
                yield Path(root) / name


def chr_tokens(folded: str) -> str:
    """The ``fts_chr`` document of a folded text: one token per distinct character."""
    return " ".join(sorted(f"x{ord(c):x}" for c in set(folded) if not c.isspace()))


class Library:
    """An index of transcript folders in one SQLite file (see the module docstring).

    ``moved_aside`` is where an unusable database found at ``path`` was moved (None if the
    file was fine): the GUI may tell the user once.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self._con, self.moved_aside = connect(self.path)
        self._originals: dict[tuple[int, Lang], list[str | None]] = {}
        # PRAGMA data_version only moves for other connections' writes: ours set _dirty.
        self._all_calls: tuple[int, dict[int, CallInfo]] | None = None
        self._dirty = False
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
        self._dirty = True
        with self._con:
            row = self._con.execute("SELECT id FROM folders WHERE path = ?", (path,)).fetchone()
            if row is None:
                return False
            for (cid,) in self._con.execute(
                "SELECT id FROM calls WHERE folder_id = ?", (row[0],)
            ).fetchall():
                self._delete_call(cid)
            self._con.execute("DELETE FROM folders WHERE id = ?", (row[0],))
        return True

    # --- indexing --------------------------------------------------------------------------

    def rescan(
        self,
        progress: Progress | None = None,
        cancel: CancelCheck | None = None,
        folders: Iterable[str] | None = None,
    ) -> ScanReport:
        """Bring the index up to date with the folders: added, changed, removed and renamed
        files. Unchanged files (same size and mtime) are not read; a file whose bytes did not
        change (same SHA-256) is not parsed again, also under a new name.

        ``progress(done, total, path)`` is called before each file that has to be read;
        ``cancel()`` is polled between files and inside parsing: when it returns true the
        files done so far are committed and :class:`LibraryCancelled` is raised.
        ``folders``: rescan only those library folders (default: all).
        """
        report = ScanReport()
        con = self._con
        self._dirty = True
        rows = con.execute("SELECT id, path FROM folders ORDER BY length(path), path").fetchall()
        only = None if folders is None else {str(Path(f).expanduser().resolve()) for f in folders}
        folders_ = [(fid, fpath) for fid, fpath in rows if only is None or fpath in only]
        known: dict[str, tuple[int, int, int, str]] = {
            path: (cid, size, mtime, sha)
            for cid, path, size, mtime, sha in con.execute(
                "SELECT id, path, size, mtime_ns, sha256 FROM calls"
            )
        }
        on_disk: dict[str, tuple[int, int, int]] = {}  # path -> folder id, size, mtime
        scanned_folders: set[int] = set()
        for fid, fpath in folders_:
            if not Path(fpath).is_dir():
                report.missing_folders.append(fpath)
                continue
            scanned_folders.add(fid)
            for p in _walk(Path(fpath)):
                key = str(p)
                if key in on_disk:  # inside a folder added twice (nested): first one wins
                    continue
                try:
                    st = p.stat()
                except OSError:
                    continue
                on_disk[key] = (fid, st.st_size, st.st_mtime_ns)
        folder_of = dict(
            con.execute("SELECT path, folder_id FROM calls").fetchall()
        )  # path -> folder id
        gone = {
            path: v
            for path, v in known.items()
            if path not in on_disk and folder_of.get(path) in scanned_folders
        }
        todo = [
            path
            for path, (_, size, mtime) in on_disk.items()
            if path not in known or known[path][1:3] != (size, mtime)
        ]
        report.unchanged = len(on_disk) - len(todo)
        gone_by_sha: dict[str, list[str]] = {}
        for path, (_, _, _, sha) in gone.items():
            gone_by_sha.setdefault(sha, []).append(path)
        try:
            for n, path in enumerate(todo):
                if cancel is not None and cancel():
                    raise LibraryCancelled("indexing cancelled")
                if progress is not None:
                    progress(n, len(todo), path)
                fid, size, mtime = on_disk[path]
                self._one(path, fid, size, mtime, known, gone, gone_by_sha, report, cancel)
                if n % _BATCH == _BATCH - 1:
                    con.commit()
            for path, (cid, _, _, _) in gone.items():
                self._delete_call(cid)
                report.removed.append(path)
            con.commit()
            if progress is not None:
                progress(len(todo), len(todo), "")
        except Cancelled as exc:
            con.commit()
            if isinstance(exc, LibraryCancelled):
                raise
            raise LibraryCancelled("indexing cancelled") from exc
        except BaseException:
            con.rollback()
            raise
        return report

    def _one(
        self,
        path: str,
        fid: int,
        size: int,
        mtime: int,
        known: dict[str, tuple[int, int, int, str]],
        gone: dict[str, tuple[int, int, int, str]],
        gone_by_sha: dict[str, list[str]],
        report: ScanReport,
        cancel: CancelCheck | None,
    ) -> None:
        con = self._con
        try:
            data = Path(path).read_bytes()
        except OSError:
            return  # vanished or unreadable since the walk: the next scan sees it again
        sha = _sha256(data)
        old = known.get(path)
        if old is not None and old[3] == sha:
            # touched, not changed: remember the new stat so it is not read next time
            con.execute(
                "UPDATE calls SET size = ?, mtime_ns = ? WHERE id = ?", (size, mtime, old[0])
            )
            report.unchanged += 1
            return
        if old is None and gone_by_sha.get(sha):
            # a rename (or a move between folders): same bytes, no parse
            was = gone_by_sha[sha].pop()
            cid = gone.pop(was)[0]
            con.execute(
                "UPDATE calls SET path = ?, folder_id = ?, size = ?, mtime_ns = ? WHERE id = ?",
                (path, fid, size, mtime, cid),
            )
            report.renamed.append((was, path))
            return
        if old is not None:
            self._delete_call(old[0])
        error = self._insert(path, fid, size, mtime, sha, cancel)
        (report.changed if old is not None else report.added).append(path)
        if error is not None:
            report.failed.append(path)

    def _insert(
        self, path: str, fid: int, size: int, mtime: int, sha: str, cancel: CancelCheck | None
    ) -> str | None:
        """Parse ``path`` and store it (or its error); return the error, if any."""
        from viewer.core.metrics import iter_figures
        from viewer.core.transcript_io import load_transcript

        try:
            transcript = load_transcript(path, cancel=cancel)
            figures = list(iter_figures(transcript, cancel))
        except Cancelled:
            raise
        except ViewerError as exc:
            return self._insert_failed(path, fid, size, mtime, sha, str(exc))
        except Exception as exc:  # a reader's bug must not hide the other files
            reason = f"{path}: could not be read ({type(exc).__name__}: {exc})"
            return self._insert_failed(path, fid, size, mtime, sha, reason)
        self._store(transcript, figures, path, fid, size, mtime, sha)
        return None

    def _insert_failed(
        self, path: str, fid: int, size: int, mtime: int, sha: str, error: str
    ) -> str:
        self._con.execute(
            "INSERT INTO calls(folder_id, path, size, mtime_ns, sha256, error) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (fid, path, size, mtime, sha, error),
        )
        return error

    def _store(
        self,
        t: Transcript,
        figures: Iterable[object],
        path: str,
        fid: int,
        size: int,
        mtime: int,
        sha: str,
    ) -> None:
        from viewer.core.metrics_models import Figure

        con = self._con
        m = t.meta
        figs = [f for f in figures if isinstance(f, Figure)]
        cur = con.execute(
            "INSERT INTO calls(folder_id, path, size, mtime_ns, sha256, company, ticker, "
            "fiscal_year, quarter, title, call_date, layout, script, n_paragraphs, n_speakers, "
            "n_figures, n_warnings) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                fid,
                path,
                size,
                mtime,
                sha,
                m.company,
                m.ticker,
                m.fiscal_year,
                m.quarter,
                m.title,
                m.call_date,
                m.layout.value,
                m.script.value if m.script is not None else None,
                len(t.paragraphs),
                len(t.speakers),
                len(figs),
                len(t.warnings),
            ),
        )
        cid = cur.lastrowid
        assert cid is not None
        speaker_row: dict[str, int] = {}
        for s in t.speakers:
            c = con.execute(
                "INSERT INTO speakers(call_id, sid, name, title, role, firm) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (cid, s.id, s.name, s.title, s.role.value, s.firm),
            )
            assert c.lastrowid is not None
            speaker_row[s.id] = c.lastrowid
        rows: list[tuple[int, int, int, str]] = []
        for turn in t.turns:
            sp = speaker_row[turn.speaker_id]
            section = turn.section.value
            rows.extend((cid, p.index, sp, section) for p in turn.paragraphs)
        con.executemany(
            "INSERT INTO paragraphs(call_id, idx, speaker, section) VALUES (?, ?, ?, ?)", rows
        )
        self._index_text(cid, t)
        con.executemany(
            "INSERT INTO figures(call_id, paragraph, metric, period, nature, kind, unit, value, "
            "low, high, quantum, qualifier, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    cid,
                    f.paragraph,
                    f.main.metric,
                    f.main.period,
                    f.main.nature.value,
                    f.main.kind,
                    f.main.unit,
                    _dec(f.main.value),
                    _dec(f.main.low),
                    _dec(f.main.high),
                    str(f.main.quantum),
                    f.main.qualifier,
                    f.main.text,
                )
                for f in figs
            ],
        )

    def _index_text(self, cid: int, t: Transcript) -> None:
        # The single-call search's own fold of the call (so offsets match it exactly).
        index = SearchIndex(t)
        for lang_no, lang in enumerate(LANGS):
            texts = [p.en if lang == "en" else p.zh for p in t.paragraphs]
            if not any(texts):
                continue
            data = index.folded(lang, False)
            row = (
                cid * 2 + lang_no,
                cid,
                data.text,
                array("i", data.starts).tobytes(),
                array("i", sorted(data.maps)).tobytes(),
                zlib.compress(json.dumps(texts, ensure_ascii=False).encode("utf-8"), 6),
            )
            self._con.execute(
                "INSERT INTO texts(id, call_id, folded, starts, shifted, original) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                row,
            )
            self._con.execute("INSERT INTO fts_tri(rowid, t) VALUES (?, ?)", (row[0], data.text))
            self._con.execute(
                "INSERT INTO fts_chr(rowid, t) VALUES (?, ?)", (row[0], chr_tokens(data.text))
            )

    def _delete_call(self, cid: int) -> None:
        """Remove a call and its rows, its full-text rows first (a contentless FTS5 row is
        deleted by giving back exactly the text it indexed: the stored fold)."""
        con = self._con
        for rid, folded in con.execute(
            "SELECT id, folded FROM texts WHERE call_id = ?", (cid,)
        ).fetchall():
            con.execute(
                "INSERT INTO fts_tri(fts_tri, rowid, t) VALUES ('delete', ?, ?)", (rid, folded)
            )
            con.execute(
                "INSERT INTO fts_chr(fts_chr, rowid, t) VALUES ('delete', ?, ?)",
                (rid, chr_tokens(folded)),
            )
        con.execute("DELETE FROM calls WHERE id = ?", (cid,))
        self._originals.clear()

    def rebuild_index(self) -> None:
        """Rebuild the full-text indexes from the stored folds (maintenance: after a crash
        of SQLite itself, or to compact them)."""
        con = self._con
        with con:
            con.execute("INSERT INTO fts_tri(fts_tri) VALUES ('delete-all')")
            con.execute("INSERT INTO fts_chr(fts_chr) VALUES ('delete-all')")
            rows = con.execute("SELECT id, folded FROM texts")
            while batch := rows.fetchmany(500):
                con.executemany("INSERT INTO fts_tri(rowid, t) VALUES (?, ?)", batch)
                con.executemany(
                    "INSERT INTO fts_chr(rowid, t) VALUES (?, ?)",
                    [(r, chr_tokens(f)) for r, f in batch],
                )
            con.execute("INSERT INTO fts_tri(fts_tri) VALUES ('optimize')")
            con.execute("INSERT INTO fts_chr(fts_chr) VALUES ('optimize')")

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
        rows = self._con.execute(
            f"SELECT {_CALL_COLUMNS} FROM calls c JOIN folders f ON f.id = c.folder_id"
        ).fetchall()
        calls = [_call(r) for r in rows]
        if company is not None:
            key = company.casefold()
            calls = [c for c in calls if c.key.casefold() == key or (c.company or "") == company]
        return sorted(calls, key=lambda c: c.sort_key)

    def calls_by_id(self, ids: Iterable[int]) -> dict[int, CallInfo]:
        """Several files by id, at once (from a cache of every call, kept while no
        connection writes to the database)."""
        version = self._con.execute("PRAGMA data_version").fetchone()[0]
        if self._all_calls is None or self._all_calls[0] != version or self._dirty:
            rows = self._con.execute(
                f"SELECT {_CALL_COLUMNS} FROM calls c JOIN folders f ON f.id = c.folder_id"
            ).fetchall()
            self._all_calls = (version, {r[0]: _call(r) for r in rows})
            self._dirty = False
        every = self._all_calls[1]
        return {i: every[i] for i in ids if i in every}

    def call(self, call_id: int) -> CallInfo | None:
        """One file by id."""
        row = self._con.execute(
            f"SELECT {_CALL_COLUMNS} FROM calls c JOIN folders f ON f.id = c.folder_id "
            "WHERE c.id = ?",
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


def _dec(v: object) -> str | None:
    return None if v is None else str(v)
