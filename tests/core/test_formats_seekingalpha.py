"""Seeking Alpha 2018-19 reader: the fictional cp1252 fixture, every real file, damage."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings

from tests.conftest import DATA
from tests.core.english_checks import check_plausible, corpus_files, corpus_path, mutated
from viewer.core.errors import TranscriptError
from viewer.core.formats import detect, parse_text, seekingalpha
from viewer.core.loading import load_text
from viewer.core.models import Layout, Role, Section, Transcript
from viewer.core.transcript_io import load_transcript

FIXTURE = DATA / "seekingalpha" / "brambleway-2018-q3.txt"
FOLDER = "seekingalpha-2018"
_CJK = re.compile(r"[\u3000-\u9fff\uac00-\ud7af]")


@pytest.fixture(scope="module")
def bramble() -> Transcript:
    return load_transcript(FIXTURE)


def test_fixture_is_cp1252_and_decodes_as_such(bramble: Transcript) -> None:
    raw = FIXTURE.read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    assert bramble.meta.encoding == "cp1252"
    text = " ".join(p.en for p in bramble.paragraphs)
    assert "\u2013" in text and "\u2026" in text and "\u2019" in text
    assert not _CJK.search(text)


def test_fixture_metadata(bramble: Transcript) -> None:
    m = bramble.meta
    assert m.layout is Layout.SEEKINGALPHA
    assert (m.company, m.ticker, m.quarter, m.fiscal_year) == (
        "Brambleway Foods, Inc.",
        "BRMW",
        3,
        2018,
    )
    assert m.call_date == "2018-10-30"
    assert m.script is None


def test_fixture_speakers(bramble: Transcript) -> None:
    by_id = {s.id: s for s in bramble.speakers}
    assert set(by_id) == {
        "operator",
        "lena-hart",
        "ronald-beck",
        "priya-raman",
        "jonathan-weir",
        "dana-k-mills",
        "unidentified-analyst",
    }
    # "Ron Beck" in one turn, "Ronald Beck" in another and in the list: one person.
    assert by_id["ronald-beck"].aliases == ("Ron Beck",)
    assert by_id["ronald-beck"].role is Role.COMPANY
    assert by_id["ronald-beck"].title == "Chairman and Chief Executive Officer"
    assert by_id["jonathan-weir"].role is Role.ANALYST
    assert by_id["jonathan-weir"].firm == "Osterley Capital Markets"
    # The site's ticker linker turned "(USA)" into "(NYSE:USA)".
    assert by_id["dana-k-mills"].firm == "Rookwood Securities (USA) LLC"
    assert by_id["unidentified-analyst"].role is Role.ANALYST
    # Felix Amari is listed but never speaks: not a speaker of the call.
    assert "felix-amari" not in by_id


def test_fixture_turns(bramble: Transcript) -> None:
    ids = [t.speaker_id for t in bramble.turns]
    assert ids == [
        "operator",
        "lena-hart",  # "Lena Hart." with a full stop
        "ronald-beck",
        "priya-raman",
        "operator",
        "jonathan-weir",
        "ronald-beck",  # "Morning, Jon." is text, not a speaker
        "jonathan-weir",
        "operator",
        "dana-k-mills",
        "priya-raman",  # "A - Priya Raman"
        "operator",
        "unidentified-analyst",
        "ronald-beck",
        "operator",
    ]
    assert [t.section for t in bramble.turns].index(Section.QA) == 4
    assert len(bramble.turns[2].paragraphs) == 2  # a blank line inside a turn
    assert bramble.turns[6].paragraphs[0].en == "Morning, Jon."


@pytest.mark.parametrize("name", corpus_files(FOLDER))
def test_every_real_seeking_alpha_file(name: str) -> None:
    path = corpus_path(FOLDER, name)
    decoded = load_text(path)
    # Most of these files are cp1252: decoded as such, never as a CJK codec.
    assert decoded.encoding in ("utf-8", "cp1252")
    assert not _CJK.search(decoded.text)
    assert detect(decoded.text, str(path)) == seekingalpha.NAME
    t = load_transcript(path)
    assert t.meta.layout is Layout.SEEKINGALPHA
    check_plausible(t)
    assert t.meta.ticker and t.meta.company and t.meta.call_date
    assert t.meta.quarter is not None and t.meta.fiscal_year is not None
    # Every listed analyst who speaks keeps the firm the list gives.
    assert all(s.firm for s in t.speakers if s.role is Role.ANALYST and "nidentified" not in s.name)
    lines = decoded.text.split("\n")
    heading = next(i for i, ln in enumerate(lines) if ln.strip() == "Question-and-Answer Session")
    first_qa = next(tr for tr in t.turns if tr.section is Section.QA)
    assert first_qa.line == next(i + 1 for i in range(heading + 1, len(lines)) if lines[i].strip())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated(FIXTURE.read_bytes().decode("cp1252")))
def test_damaged_files_parse_or_raise_one_clear_error(text: str) -> None:
    for layout in (seekingalpha.NAME, None):
        try:
            t = parse_text(text, "damaged.txt", encoding="cp1252", layout=layout)
        except TranscriptError as exc:
            assert exc.reason and "\n" not in exc.reason
            continue
        assert t.turns


def test_a_file_without_participant_lists_is_refused() -> None:
    with pytest.raises(TranscriptError, match="Executives"):
        seekingalpha.parse("Acme (NYSE:ACM) Q1 2018 Earnings Call\nOperator\nHello.\n", "x")
