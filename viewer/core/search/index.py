"""The search index: one transcript's paragraphs, folded once per case mode and concatenated."""

from __future__ import annotations

import threading
from collections.abc import Callable

from viewer.core.errors import SearchCancelled
from viewer.core.models import Transcript
from viewer.core.search.folder import Folder, FoldMap, shared_folder
from viewer.core.search.options import LANGS, Lang

# Separator between paragraphs in the concatenated folded text. Paragraph texts come from
# single lines, and a query containing it falls back to a per-paragraph search.
SEP = "\n"


class FoldedLang:
    """One language's folded paragraphs, concatenated (``text``; paragraph ``i`` is
    ``text[starts[i]:ends[i]]``), with offset maps where a fold changed lengths."""

    def __init__(
        self, texts: tuple[str, ...], folder: Folder, cancel: Callable[[], bool] | None = None
    ) -> None:
        folded: list[str] = []
        self.maps: dict[int, FoldMap] = {}
        casefold = folder.casefold
        table = folder.table
        for i, text in enumerate(texts):
            if i % 64 == 0:
                # In steps, so a worker never holds the GIL long (the GUI thread waits for it).
                if cancel is not None and cancel():
                    raise SearchCancelled("indexing cancelled")
                folder.learn(set(SEP.join(texts[i : i + 64])))
            if text.isascii():
                # Fast path: ASCII is NFKC-stable and has no Han; casefold is lower().
                folded.append(text.lower() if casefold else text)
            elif folder.is_regular(text):
                folded.append(text.translate(table))
            else:
                f, shifts = folder.fold_mapped(text)
                folded.append(f)
                if shifts.fstart:
                    self.maps[i] = shifts
        self.text = SEP.join(folded)
        self.starts: list[int] = []
        pos = 0
        for f in folded:
            self.starts.append(pos)
            pos += len(f) + len(SEP)
        self.ends = [s + len(f) for s, f in zip(self.starts, folded, strict=True)]

    def original(self, paragraph: int, fstart: int, fend: int) -> tuple[int, int]:
        """Folded ``[fstart, fend)`` local to ``paragraph`` -> original offsets."""
        m = self.maps.get(paragraph)
        if m is None:
            return fstart, fend
        return m.original(fstart, fend)


class SearchIndex:
    """Folded copies of a transcript's paragraphs, built once per transcript.

    The case-insensitive fold is built at once (``cancel`` is polled while it is); the
    case-sensitive one on first use.
    """

    def __init__(self, transcript: Transcript, cancel: Callable[[], bool] | None = None) -> None:
        paragraphs = transcript.paragraphs
        self.size = len(paragraphs)
        self.texts: dict[Lang, tuple[str, ...]] = {
            "en": tuple(p.en for p in paragraphs),
            "zh": tuple(p.zh or "" for p in paragraphs),
        }
        self._folded: dict[tuple[Lang, bool], FoldedLang] = {}
        self._lock = threading.Lock()
        # Not through folded(): nobody else can see the index yet, so no lock is held while
        # ``cancel`` pauses (a paused job holding the lock would block the GUI thread).
        insensitive = shared_folder(True)
        for lang in LANGS:
            self._folded[(lang, False)] = FoldedLang(self.texts[lang], insensitive, cancel)

    def warm(self, case_sensitive: bool) -> None:
        """Build the folds of one case mode now (e.g. in a worker thread)."""
        for lang in LANGS:
            self.folded(lang, case_sensitive)

    def folded(self, lang: Lang, case_sensitive: bool) -> FoldedLang:
        """The folds of one language and case mode, built on first use."""
        key = (lang, case_sensitive)
        folded = self._folded.get(key)
        if folded is None:
            with self._lock:  # built once even when two worker threads ask at once
                folded = self._folded.get(key)
                if folded is None:
                    folded = FoldedLang(self.texts[lang], shared_folder(not case_sensitive))
                    self._folded[key] = folded
        return folded
