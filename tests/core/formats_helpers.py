"""Shared test helpers for the reader tests: corpus listing and a transcript's shape."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import DATA, SHARED, shared_file
from viewer.core.models import Role, Section, Transcript
from viewer.core.transcript_io import load_transcript

# The layout family each corpus folder holds (these tests cover the folders listed here).
CORPUS_FAMILY = {
    "en-zhhans-pairs": "en-zhhans-pairs",
    "alphamemo-en-zhtw": "alphamemo",
    "markdown-name-colon": "markdown",
    "earningscall-json": "earningscall",
    "sentence-per-line": "sentences",
    "refinitiv-eventbrief": "refinitiv",
    "seekingalpha-2018": "seekingalpha",
    "motleyfool-text": "motleyfool-text",
    "motleyfool-json": "motleyfool-json",
}


def corpus(folder: str | None = None) -> list[str]:
    """``folder/name`` of every corpus file (of one folder), or ``["<absent>"]`` without the
    shared data (the test then skips through ``shared_file``)."""
    root = SHARED / "corpus"
    if not root.is_dir():
        return ["<absent>"]
    dirs = [root / folder] if folder else [d for d in root.iterdir() if d.is_dir()]
    return sorted(
        f"{d.name}/{p.name}"
        for d in dirs
        for p in d.iterdir()
        if p.is_file() and p.name != "README.md"
    )


def corpus_path(name: str) -> Path:
    return shared_file("corpus", *name.split("/"))


def fixture(*parts: str) -> Path:
    return DATA.joinpath(*parts)


def load(path: Path) -> Transcript:
    return load_transcript(path)


def qa_start(t: Transcript) -> int | None:
    """Index of the first Q&A turn (sections never go back from Q&A to prepared)."""
    sections = [turn.section for turn in t.turns]
    first = next((i for i, s in enumerate(sections) if s is Section.QA), None)
    if first is not None:
        assert all(s is Section.QA for s in sections[first:]), "Q&A then prepared again"
    return first


def roles(t: Transcript) -> dict[str, Role]:
    return {s.name: s.role for s in t.speakers}


def shape_ok(t: Transcript) -> None:
    """Invariants every parsed call keeps: indexes, speakers used, non-empty text."""
    assert [turn.index for turn in t.turns] == list(range(len(t.turns)))
    assert [p.index for p in t.paragraphs] == list(range(len(t.paragraphs)))
    used = {turn.speaker_id for turn in t.turns}
    assert used == {s.id for s in t.speakers}
    assert all(p.en.strip() for p in t.paragraphs)
    assert len({s.id for s in t.speakers}) == len(t.speakers)
