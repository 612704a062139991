"""Motley Fool text reader, old and new layouts: fictional fixtures, every real file, damage."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from tests.conftest import DATA
from tests.core.english_checks import check_plausible, corpus_files, corpus_path, mutated
from viewer.core.errors import TranscriptError
from viewer.core.formats import detect, motleyfool_text, parse_text
from viewer.core.loading import load_text
from viewer.core.models import Layout, Role, Section, Transcript
from viewer.core.transcript_io import load_transcript

OLD = DATA / "motleyfool_text" / "quillon-old-2024-q1.txt"
NEW = DATA / "motleyfool_text" / "quillon-new-2025-q3.txt"
FOLDER = "motleyfool-text"


@pytest.fixture(scope="module")
def old() -> Transcript:
    return load_transcript(OLD)


@pytest.fixture(scope="module")
def new() -> Transcript:
    return load_transcript(NEW)


def test_both_fixtures_are_detected_as_motley_fool_text() -> None:
    for path in (OLD, NEW):
        assert detect(path.read_text(encoding="utf-8")) == motleyfool_text.NAME


def test_old_layout_metadata_content_wins_over_the_scraper_header(old: Transcript) -> None:
    m = old.meta
    assert m.layout is Layout.MOTLEYFOOL_TEXT
    # The header block says Q1 2023; the call's own line says Q1 2024.
    assert (m.company, m.ticker, m.quarter, m.fiscal_year) == ("Quillon Robotics", "QLRB", 1, 2024)
    assert m.call_date == "2024-05-02"


def test_old_layout_speakers_and_turns(old: Transcript) -> None:
    by_id = {s.id: s for s in old.speakers}
    assert by_id["oskar-lindgren"].title == "Chief Executive Officer"
    assert by_id["oskar-lindgren"].role is Role.COMPANY
    assert (by_id["paul-brandt"].role, by_id["paul-brandt"].firm) == (
        Role.ANALYST,
        "Marrow Securities",
    )
    unknown = by_id["unknown-speaker"]  # "Unknown speaker--Elbridge Research -- Analyst"
    assert (unknown.role, unknown.firm) == (Role.ANALYST, "Elbridge Research")
    assert len(old.turns) == 11
    assert [t.section for t in old.turns].index(Section.QA) == 4  # "Questions & Answers:"
    # A colon inside a word and a dash inside a sentence are text, not speakers.
    oskar = old.turns[2].paragraphs
    assert "fundamentals:landing" in oskar[0].en
    assert oskar[1].en.startswith("I guess my question --")
    assert old.turns[-1].paragraphs[0].en == "[Operator signoff]"


def test_new_layout(new: Transcript) -> None:
    m = new.meta
    assert (m.quarter, m.fiscal_year, m.call_date) == (3, 2025, "2025-10-30")
    # Takeaways and glossary before the transcript are the summary, not turns.
    assert new.summary[0].startswith("Revenue-- $121 million")
    assert "Pick rate: Items a robot picks per hour." in new.summary
    by_id = {s.id: s for s in new.speakers}
    # Opening text with no speaker label.
    assert new.turns[0].speaker_id == "unknown-speaker"
    assert any("before the first speaker" in w.message for w in new.warnings)
    # "Ruth A. Adeyemi" in the list and once as a label, "Ruth Adeyemi" elsewhere.
    ruth = by_id["ruth-a-adeyemi"]
    assert ruth.aliases == ("Ruth Adeyemi",) and ruth.role is Role.COMPANY
    assert "ruth-adeyemi" not in by_id
    # The operator labelled by first name only ("Dana:") is found by what it says.
    assert by_id["dana"].role is Role.OPERATOR
    assert (by_id["paul-brandt"].role, by_id["paul-brandt"].firm) == (
        Role.ANALYST,
        "Marrow Securities",
    )
    assert (by_id["kim-sato"].role, by_id["kim-sato"].firm) == (Role.ANALYST, "Elbridge Research")
    assert by_id["unknown-analyst"].role is Role.ANALYST
    # No Q&A heading: the Q&A starts at the operator's first hand-over.
    sections = [t.section for t in new.turns]
    assert sections.index(Section.QA) == 4 and new.turns[4].speaker_id == "dana"
    oskar = new.turns[2].paragraphs
    assert oskar[0].en.endswith("Our priorities are simple: ship the next model and grow margins.")
    assert "fundamentals:landing" in oskar[1].en


@pytest.mark.parametrize("name", corpus_files(FOLDER))
def test_every_real_motley_fool_text_file(name: str) -> None:
    path = corpus_path(FOLDER, name)
    decoded = load_text(path)
    assert detect(decoded.text, str(path)) == motleyfool_text.NAME
    t = load_transcript(path)
    assert t.meta.layout is Layout.MOTLEYFOOL_TEXT
    check_plausible(t)
    assert t.meta.company and t.meta.ticker and t.meta.call_date
    assert t.meta.quarter is not None and t.meta.fiscal_year is not None
    assert any(s.role is Role.ANALYST for s in t.speakers)
    # The Q&A opens with the operator (a heading or the hand-over).
    first_qa = next(tr for tr in t.turns if tr.section is Section.QA)
    assert t.speaker(first_qa.speaker_id).role is Role.OPERATOR


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated(NEW.read_text(encoding="utf-8") + "\n" + OLD.read_text(encoding="utf-8")))
def test_damaged_files_parse_or_raise_one_clear_error(text: str) -> None:
    for layout in (motleyfool_text.NAME, None):
        try:
            t = parse_text(text, "damaged.txt", layout=layout)
        except TranscriptError as exc:
            assert exc.reason and "\n" not in exc.reason
            continue
        assert t.turns


def test_text_without_labels_is_refused() -> None:
    with pytest.raises(TranscriptError, match="speaker labels"):
        motleyfool_text.parse("Prepared Remarks:\n\nJust words here.\n", "x.txt")
