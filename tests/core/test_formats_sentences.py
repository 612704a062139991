"""One sentence per line, no speakers: fixture and every corpus file."""

from __future__ import annotations

import pytest

from tests.core.formats_helpers import corpus, corpus_path, fixture, load, qa_start, shape_ok
from viewer.core.errors import TranscriptError
from viewer.core.formats import detect, parse_text
from viewer.core.formats.builder import NO_SPEAKERS_WARNING
from viewer.core.models import Layout

SENT = fixture("sentences", "HPF_q2_2025.txt")


def test_fixture_one_unnamed_speaker_paragraphs_and_qa() -> None:
    t = load(SENT)
    shape_ok(t)
    assert (t.meta.layout, t.meta.script, t.meta.ticker) == (Layout.SENTENCES, None, "HPF")
    assert (t.meta.fiscal_year, t.meta.quarter) == (2025, 2)
    assert [s.name for s in t.speakers] == ["Unknown speaker"]
    assert t.warnings[0].message == NO_SPEAKERS_WARNING
    lines = SENT.read_text("utf-8").split("\n")
    # Every sentence is kept, in order, grouped into fewer paragraphs.
    assert " ".join(p.en for p in t.paragraphs) == " ".join(ln for ln in lines if ln)
    assert 1 < len(t.paragraphs) < 13
    assert all(lines[p.line - 1] and p.en.startswith(lines[p.line - 1]) for p in t.paragraphs)
    # "Turning to ..." opens a paragraph; the first question opens the Q&A.
    assert any(p.en.startswith("Turning to the balance sheet") for p in t.paragraphs)
    assert qa_start(t) == 1
    assert t.turns[1].paragraphs[0].en.startswith("Our first question comes from")


def test_prose_and_json_are_not_sentences() -> None:
    prose = "It was a bright cold day in April, and the clocks were striking thirteen.\n" * 12
    with pytest.raises(TranscriptError):
        parse_text(prose)
    with pytest.raises(TranscriptError, match="JSON"):
        parse_text('{"a": 1}', layout="sentences")


@pytest.mark.parametrize("name", corpus("sentence-per-line"))
def test_corpus_sentences(name: str) -> None:
    path = corpus_path(name)
    text = path.read_text("utf-8")
    assert detect(text, str(path)) == "sentences"
    t = load(path)
    shape_ok(t)
    assert t.meta.layout is Layout.SENTENCES
    assert t.meta.ticker and t.meta.quarter and t.meta.fiscal_year
    assert [s.name for s in t.speakers] == ["Unknown speaker"]
    assert any(w.message == NO_SPEAKERS_WARNING for w in t.warnings)
    n_lines = sum(1 for ln in text.split("\n") if ln.strip())
    assert n_lines / 8 <= len(t.paragraphs) <= n_lines / 2
    assert " ".join(p.en for p in t.paragraphs) == " ".join(
        ln.strip() for ln in text.split("\n") if ln.strip()
    )
