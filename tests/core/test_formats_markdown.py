"""Markdown ``Name: text`` calls: fixture quirks, then every corpus file."""

from __future__ import annotations

import pytest

from tests.core.formats_helpers import (
    corpus,
    corpus_path,
    fixture,
    load,
    qa_start,
    roles,
    shape_ok,
)
from viewer.core.errors import TranscriptError
from viewer.core.formats import detect, parse_text
from viewer.core.models import Layout, Role

MD = fixture("markdown", "HPF_Q1_2024.md")


def test_fixture_speakers_quirks_and_meta() -> None:
    t = load(MD)
    shape_ok(t)
    m = t.meta
    assert (m.layout, m.script, m.company, m.ticker) == (
        Layout.MARKDOWN,
        None,
        "Harbor Pine Foods",
        "HPF",
    )
    assert (m.fiscal_year, m.quarter, m.call_date) == (2025, 2, "2025-08-12")
    assert any("file name says Q1 2024" in w.message for w in t.warnings)
    assert all(p.zh is None for p in t.paragraphs)
    assert roles(t) == {
        "Unknown speaker": Role.COMPANY,
        "Operator": Role.OPERATOR,
        "Amy E. Hood": Role.COMPANY,
        "Maren Holt": Role.COMPANY,
        "Priya Natarajan": Role.ANALYST,
        "Thomas O'Brien": Role.ANALYST,
        "Rafael de la Cruz": Role.COMPANY,
        "Unidentified Analyst": Role.ANALYST,
    }
    # The opening line without a speaker, with a warning on its line.
    assert t.turns[0].speaker_id == "unknown-speaker"
    assert any(w.line == 9 and "before the first speaker" in w.message for w in t.warnings)
    # Two spellings of one person; a colon inside a sentence is no label.
    hood = t.find_speaker("Amy Hood")
    assert hood is not None and hood.name == "Amy E. Hood"
    assert "fundamentals:landing" in t.turns[2].paragraphs[0].en
    assert t.turns[3].paragraphs[0].en.startswith("Thanks, Amy. Here's the thing: demand")
    # A speaker line wrapped over two lines: the second label is the title.
    cruz = t.find_speaker("Rafael de la Cruz")
    assert cruz is not None and cruz.title == "Chief Operating Officer"
    cruz_turn = next(x for x in t.turns if x.speaker_id == cruz.id)
    assert cruz_turn.paragraphs[0].en == "Yes, it opens in March."
    assert t.find_speaker("Tom O'Brien") is t.find_speaker("Thomas O'Brien")
    assert t.find_speaker("Thomas O'Brien").firm == "Quarry Hill Capital"  # type: ignore[union-attr]
    assert qa_start(t) == 5 and t.turns[5].speaker_id == "operator"


def test_text_without_labels_is_refused_when_forced() -> None:
    with pytest.raises(TranscriptError, match="no speaker labels"):
        parse_text("Just a line.\nAnother line.\n", layout="markdown")


@pytest.mark.parametrize("name", corpus("markdown-name-colon"))
def test_corpus_markdown(name: str) -> None:
    path = corpus_path(name)
    assert detect(path.read_text("utf-8"), str(path)) == "markdown"
    t = load(path)
    shape_ok(t)
    assert t.meta.layout is Layout.MARKDOWN and t.meta.script is None
    assert t.meta.ticker and t.meta.call_date and t.meta.quarter and t.meta.fiscal_year
    analysts = [s for s in t.speakers if s.role is Role.ANALYST]
    company = [s for s in t.speakers if s.role is Role.COMPANY]
    assert len(analysts) >= 4 and 2 <= len(company) <= 8
    assert all(s.firm for s in analysts)
    assert len(t.turns) >= 20
    start = qa_start(t)
    assert start is not None and 2 < start < len(t.turns) // 2
    assert all(t.speaker(x.speaker_id).role is not Role.ANALYST for x in t.turns[:start])
    # The file name's quarter is not the call's: the title's wins, with a warning.
    assert any("file name says" in w.message for w in t.warnings)


def test_corpus_tesla_wrapped_speaker_and_retail_questions() -> None:
    t = load(corpus_path("markdown-name-colon/TSLA_Q3_2024.md"))
    franz = t.find_speaker("Franz von Holzhausen")
    assert franz is not None and franz.title == "Chief Designer"
    assert not any(s.name == "Chief Designer" for s in t.speakers)
    # No operator on this call; the host reads shareholder questions first.
    assert not any(s.role is Role.OPERATOR for s in t.speakers)
    start = qa_start(t)
    assert start is not None and t.speaker(t.turns[start].speaker_id).name == "Travis Axelrod"


def test_corpus_microsoft_alias_and_firm() -> None:
    t = load(corpus_path("markdown-name-colon/MSFT_Q3_2024.md"))
    rangan = t.find_speaker("Kash Rangan")
    assert rangan is not None and rangan.firm == "Goldman Sachs"
    assert t.find_speaker("Amy E. Hood").role is Role.COMPANY  # type: ignore[union-attr]
