"""Indexing the library's folders: walking them, hashing files, telling renames from
changes, parsing transcripts into rows, keeping the full-text indexes in step.

An :class:`Indexer` works on the connection of the :class:`~viewer.core.library.Library`
that owns it (one thread).
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import zlib
from array import array
from collections.abc import Iterable, Iterator
from pathlib import Path

from viewer.core.errors import Cancelled, ViewerError
from viewer.core.library.models import CancelCheck, LibraryCancelled, Progress, ScanReport
from viewer.core.models import Transcript
from viewer.core.search import LANGS, SearchIndex, fold

#: File name endings the scan picks up (every layout the readers know is text or JSON).
SUFFIXES = (".txt", ".md", ".json", ".text")

# Files per transaction: a cancelled or crashed scan keeps the work of the ones committed.
_BATCH = 16


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _walk(folder: Path) -> Iterator[Path]:
    """Transcript files under ``folder`` (hidden files and folders skipped), sorted."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and name.lower().endswith(SUFFIXES):
                yield Path(root) / name


def char_tokens(folded: str) -> list[str]:
    """The ``fts_chr`` tokens of a folded text: one per distinct character, sorted."""
    return sorted({f"x{ord(c):x}" for c in folded if not c.isspace()})


def chr_tokens(folded: str) -> str:
    """The ``fts_chr`` document of a folded text."""
    return " ".join(char_tokens(folded))


class Indexer:
    """Brings the rows of one connection's database up to date with its folders."""

    def __init__(self, con: sqlite3.Connection) -> None:
        self._con = con

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
        rows = con.execute("SELECT id, path FROM folders ORDER BY length(path), path").fetchall()
        only = None if folders is None else {str(Path(f).expanduser().resolve()) for f in folders}
        folders_ = [(fid, fpath) for fid, fpath in rows if only is None or fpath in only]
        known: dict[str, tuple[int, int, int, str]] = {}
        folder_of: dict[str, int] = {}  # path -> folder id
        for cid, path, size, mtime, sha, fid in con.execute(
            "SELECT id, path, size, mtime_ns, sha256, folder_id FROM calls"
        ):
            known[path] = (cid, size, mtime, sha)
            folder_of[path] = fid
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
                self.delete_call(cid)
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
            self.delete_call(old[0])
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
                "INSERT INTO speakers(call_id, sid, name, title, role, firm, name_key, firm_key) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    cid,
                    s.id,
                    s.name,
                    s.title,
                    s.role.value,
                    s.firm,
                    "\n".join(fold(n) for n in (s.name, *s.aliases)),
                    fold(s.firm) if s.firm else None,
                ),
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

    def delete_call(self, cid: int) -> None:
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

    def rebuild_fts(self) -> None:
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


def _dec(v: object) -> str | None:
    return None if v is None else str(v)
