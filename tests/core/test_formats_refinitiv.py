"""Refinitiv / StreetEvents Event Brief reader: the fictional fixture, every real file, damage."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from tests.conftest import DATA
from tests.core.english_checks import check_plausible, corpus_files, corpus_path, mutated
from viewer.core.errors import TranscriptError
from viewer.core.formats import detect, parse_text, refinitiv
from viewer.core.loading import load_text
from viewer.core.models import Layout, Role, Section
from viewer.core.transcript_io import load_transcript

FIXTURE = DATA / "refinitiv" / "larkspur-2025-q2.txt"
FOLDER = "refinitiv-eventbrief"


@pytest.fixture(scope="module")
def larkspur() -> refinitiv.Transcript:
    return load_transcript(FIXTURE)


def test_fixture_is_detected_and_read_as_an_event_brief(larkspur: refinitiv.Transcript) -> None:
    text = FIXTURE.read_text(encoding="utf-8")
    assert detect(text) == refinitiv.NAME
    assert larkspur.meta.layout is Layout.REFINITIV
    assert larkspur.meta.script is None
    assert larkspur.meta.company == "Larkspur Logistics Inc."
    assert (larkspur.meta.quarter, larkspur.meta.fiscal_year) == (2, 2025)
    # The operator's welcome dates the call; "the quarter ended June 30" does not.
    assert larkspur.meta.call_date == "2025-08-05"
    assert larkspur.warnings == ()


def test_fixture_speakers_roles_firms_and_aliases(larkspur: refinitiv.Transcript) -> None:
    by_id = {s.id: s for s in larkspur.speakers}
    assert by_id["operator"].role is Role.OPERATOR
    assert by_id["nadia-p-okafor"].role is Role.COMPANY
    assert by_id["nadia-p-okafor"].title == "CEO & Director"
    # "Name;Title" on one line, in the list and as the turn's speaker line.
    assert by_id["ines-moreau"].role is Role.COMPANY
    assert by_id["ines-moreau"].title == "VP,Investor Relations"
    pike = by_id["gregory-allan-pike"]
    assert pike.role is Role.ANALYST
    assert pike.firm == "Halden Brothers & Co. LLC"
    # The affiliation line wraps onto a second line in the list and in the turn header.
    assert pike.title == "MD, Head of Transportation Research & Senior Equity Research Analyst"
    assert "Greg Pike" in pike.aliases  # as the operator announced him
    oreilly = by_id["marcus-o-reilly"]  # "Name;Firm;Title"
    assert (oreilly.role, oreilly.firm, oreilly.title) == (
        Role.ANALYST,
        "Fenwick Partners, Inc.",
        "Analyst",
    )
    assert by_id["unidentified-analyst"].role is Role.ANALYST
    assert by_id["sofia-lindqvist"].firm == "Northgate Securities"


def test_fixture_turns_sections_and_rebuilt_paragraphs(larkspur: refinitiv.Transcript) -> None:
    speakers = [t.speaker_id for t in larkspur.turns]
    assert speakers[:5] == ["operator", "ines-moreau", "nadia-p-okafor", "theo-vance", "operator"]
    assert len(larkspur.turns) == 17
    qa = [t.index for t in larkspur.turns if t.section is Section.QA]
    assert qa[0] == 4 and qa == list(range(4, 17))
    # The wrapped title line is not text; the hard-wrapped lines are joined into paragraphs
    # that end where a short line ends a sentence.
    pike_turn = larkspur.turns[5]
    assert pike_turn.paragraphs[0].en.startswith("Nadia, on the Ontario hub")
    ines = larkspur.turns[1].paragraphs
    assert len(ines) == 2
    assert ines[0].en.endswith("risks that apply.")
    assert ines[1].en.startswith("The quarter ended June 30, 2025")
    assert all("\n" not in p.en for p in larkspur.paragraphs)
    assert larkspur.turns[0].line == 22 and larkspur.turns[0].paragraphs[0].line == 23


def test_text_block_without_a_speaker_line_is_kept_with_a_warning() -> None:
    text = FIXTURE.read_text(encoding="utf-8").replace(
        "Operator\nThis concludes", "This concludes", 1
    )
    t = refinitiv.parse(text, "x.txt")
    assert any("without a speaker line" in w.message for w in t.warnings)
    assert t.paragraphs[-1].en.startswith("This concludes")


@pytest.mark.parametrize("name", corpus_files(FOLDER))
def test_every_real_event_brief(name: str) -> None:
    path = corpus_path(FOLDER, name)
    decoded = load_text(path)
    assert detect(decoded.text, str(path)) == refinitiv.NAME
    t = load_transcript(path)
    assert t.meta.layout is Layout.REFINITIV
    check_plausible(t)
    # The lists say who is who: every analyst has a firm, the company is named.
    assert t.meta.company
    assert all(s.firm for s in t.speakers if s.role is Role.ANALYST and "nidentified" not in s.name)
    # A Q&A heading is in every brief: the Q&A starts right after it.
    lines = decoded.text.split("\n")
    heading = next(i for i, ln in enumerate(lines) if ln.strip() == "QUESTIONS AND ANSWERS")
    first_qa = next(tr for tr in t.turns if tr.section is Section.QA)
    assert first_qa.line > heading + 1
    assert all(tr.line < heading + 1 for tr in t.turns if tr.section is Section.PREPARED)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated(FIXTURE.read_text(encoding="utf-8")))
def test_damaged_briefs_parse_or_raise_one_clear_error(text: str) -> None:
    for layout in (refinitiv.NAME, None):
        try:
            t = parse_text(text, "damaged.txt", layout=layout)
        except TranscriptError as exc:
            assert exc.reason and "\n" not in exc.reason
            continue
        assert t.turns and all(tr.paragraphs or True for tr in t.turns)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "PRESENTATION\n",
        "CORPORATE PARTICIPANTS\n \nJane Roe\nAcme - CEO\n",
        "QUESTIONS AND ANSWERS\n \nOperator\n",
    ],
)
def test_briefs_without_turns_are_refused_clearly(text: str) -> None:
    with pytest.raises(TranscriptError) as info:
        refinitiv.parse(text, "bad.txt")
    assert info.value.reason
