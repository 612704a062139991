"""The one turn builder (both ways of handing it turns) and the cheap helpers detection and
the no-speaker readers share (sniff, split_at_questions, split_sentences' invariants)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from viewer.core.errors import TranscriptError
from viewer.core.formats.builder import (
    MAX_WARNINGS,
    NO_SPEAKERS_WARNING,
    Participant,
    RawTurn,
    TranscriptBuilder,
)
from viewer.core.formats.qastart import split_at_questions
from viewer.core.formats.script import chinese_script, has_han
from viewer.core.formats.sniff import starts_json
from viewer.core.formats.textblocks import split_sentences
from viewer.core.models import Layout, Role, Section

_TEXT = st.text(alphabet=st.sampled_from(list(' \t\n\u3000{[ab.!?U.S.Mr 中文。”’"),;:')))


@given(_TEXT)
def test_starts_json_is_the_first_non_blank_character(text: str) -> None:
    assert starts_json(text) == (text.lstrip()[:1] in ("{", "["))


@given(_TEXT)
def test_has_han_finds_any_han_character(text: str) -> None:
    assert has_han(text) == bool(re.search(r"[\u3400-\u9fff\uf900-\ufaff]", text))


@given(st.text(alphabet=st.sampled_from(list("们这说们們這說國ab 中"))))
def test_chinese_script_counts_each_script(text: str) -> None:
    hans = sum(1 for ch in text[:4000] if ch in "们这说")
    hant = sum(1 for ch in text[:4000] if ch in "們這說國")
    expected = None
    if hans + hant >= 3:
        if hans >= 3 * max(hant, 1) or (hans > 0 and hant == 0):
            expected = "Hans"
        elif hant >= 3 * max(hans, 1) or (hant > 0 and hans == 0):
            expected = "Hant"
    got = chinese_script(text)
    assert (got.value if got else None) == expected


@given(_TEXT)
def test_split_sentences_keeps_every_word_in_order(text: str) -> None:
    pieces = split_sentences(text)
    assert all(p and p == p.strip() for p in pieces)
    assert " ".join(pieces).split() == text.split()


def test_split_sentences_word_before_a_spaced_mark() -> None:
    # "Inc ." still reads the word before the blank: an abbreviation, not a sentence end.
    assert split_sentences("Acme Inc . makes tools. Next one.") == [
        "Acme Inc . makes tools.",
        "Next one.",
    ]


def test_split_at_questions() -> None:
    texts = ["Welcome.", "Our first question comes from Jane Roe.", "Thanks."]
    assert split_at_questions(texts, texts) == [(texts[:1], False), (texts[1:], True)]
    # The opening sentence itself never starts the Q&A; nothing found: all prepared.
    assert split_at_questions(texts[1:2], texts[1:2]) == [(texts[1:2], False)]


def test_by_speaker_unnamed_speaker_and_sections() -> None:
    b = TranscriptBuilder("<t>", Layout.SENTENCES)
    sp = b.unnamed_speaker()
    b.turn(sp, 1)
    b.para("Welcome to the call.", 1)
    b.mark_qa()
    b.turn(sp, 3)
    b.para("Our first question comes from Jane Roe.", 3)
    t = b.build(None)
    assert [w.message for w in t.warnings] == [NO_SPEAKERS_WARNING]
    assert [turn.section for turn in t.turns] == [Section.PREPARED, Section.QA]
    assert len(t.speakers) == 1 and t.speakers[0].role is Role.COMPANY


def test_by_label_resolves_spellings_and_roles() -> None:
    b = TranscriptBuilder("<t>", Layout.REFINITIV, by_label=True)
    b.participants.append(Participant("Amy E. Hood", title="CFO", role=Role.COMPANY))
    b.add_paragraph("Opening words before any label.", 1)
    b.add_turn(RawTurn("Operator", 2))
    b.add_paragraph("Our first question comes from Jane Roe with Big Bank.", 3)
    b.add_turn(RawTurn("Jane Roe", 4, qa=True))
    b.add_paragraph("How were margins?", 5)
    b.add_turn(RawTurn("Amy Hood", 6))
    b.add_paragraph("They grew.", 7)
    b.hints.company = "Acme"
    t = b.build()
    by_id = {s.id: s for s in t.speakers}
    amy = next(s for s in t.speakers if s.name == "Amy E. Hood")
    assert "Amy Hood" in amy.aliases and amy.role is Role.COMPANY
    assert by_id["operator"].role is Role.OPERATOR
    jane = next(s for s in t.speakers if s.name == "Jane Roe")
    assert jane.role is Role.ANALYST
    assert [turn.section for turn in t.turns][-2:] == [Section.QA, Section.QA]
    # Labelled calls keep the title they were given (none): no title made from the company.
    assert t.meta.company == "Acme" and t.meta.title is None
    assert "text before the first speaker label" in t.warnings[0].message


def test_by_label_without_text_is_one_clear_error() -> None:
    b = TranscriptBuilder("<t>", Layout.SEEKINGALPHA, by_label=True)
    b.add_turn(RawTurn("Jane Roe", 1))
    with pytest.raises(TranscriptError, match="no speaker turns with text found"):
        b.build()


def test_warnings_are_capped() -> None:
    b = TranscriptBuilder("<t>", Layout.MARKDOWN)
    for k in range(MAX_WARNINGS + 50):
        b.warn(k + 1, "odd line")
    assert len(b.warnings) == MAX_WARNINGS
