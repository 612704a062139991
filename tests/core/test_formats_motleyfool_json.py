"""Motley Fool JSON envelope reader: fictional envelopes, every real file, damage."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import DATA
from tests.core.english_checks import check_plausible, corpus_files, corpus_path, mutated
from viewer.core.errors import TranscriptError
from viewer.core.formats import detect, motleyfool_json, parse_text
from viewer.core.loading import load_text
from viewer.core.models import Layout, Role, Section
from viewer.core.transcript_io import load_transcript

ENVELOPE = DATA / "motleyfool_json" / "quillon-2025-q3.json"
HALVES = DATA / "motleyfool_json" / "quillon-halves.json"
FOLDER = "motleyfool-json"


def test_envelope_metadata_the_page_wins_over_the_fields() -> None:
    t = load_transcript(ENVELOPE)
    assert detect(ENVELOPE.read_text(encoding="utf-8")) == motleyfool_json.NAME
    m = t.meta
    assert m.layout is Layout.MOTLEYFOOL_JSON and m.script is None
    # The fields say "Quillon", Q2; the page says "Quillon Robotics" and Q3.
    assert (m.company, m.ticker, m.quarter, m.fiscal_year) == ("Quillon Robotics", "QLRB", 3, 2025)
    assert m.call_date == "2025-10-30"
    assert m.title is not None and "Q3 2025" in m.title


def test_envelope_split_is_not_trusted() -> None:
    t = load_transcript(ENVELOPE)
    # qa_section starts inside the prepared remarks; the text itself says where the Q&A is.
    sections = [tr.section for tr in t.turns]
    assert sections.index(Section.QA) == 2
    assert t.turns[2].speaker_id == "operator"
    by_id = {s.id: s for s in t.speakers}
    assert (by_id["paul-brandt"].role, by_id["paul-brandt"].firm) == (
        Role.ANALYST,
        "Marrow Securities",
    )
    # Someone first heard in the Q&A answering is the company's.
    assert by_id["ruth-adeyemi"].role is Role.COMPANY
    assert len(t.turns) == 10


def test_envelope_without_transcript_reads_both_halves() -> None:
    t = load_transcript(HALVES)
    assert [tr.speaker_id for tr in t.turns] == [
        "oskar-lindgren",
        "operator",
        "paul-brandt",
        "oskar-lindgren",
        "operator",
    ]
    assert [tr.section for tr in t.turns].index(Section.QA) == 1
    assert (t.meta.quarter, t.meta.fiscal_year) == (4, 2025)


@pytest.mark.parametrize("name", corpus_files(FOLDER))
def test_every_real_motley_fool_envelope(name: str) -> None:
    path = corpus_path(FOLDER, name)
    decoded = load_text(path)
    assert detect(decoded.text, str(path)) == motleyfool_json.NAME
    t = load_transcript(path)
    assert t.meta.layout is Layout.MOTLEYFOOL_JSON
    check_plausible(t)
    envelope = json.loads(decoded.text)
    assert t.meta.ticker == envelope["ticker"]
    assert t.meta.company and t.meta.call_date
    if envelope.get("quarter") is not None:
        assert t.meta.quarter is not None


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        mutated(ENVELOPE.read_text(encoding="utf-8")),
        mutated(json.loads(ENVELOPE.read_text(encoding="utf-8"))["transcript"]).map(
            lambda body: json.dumps({"transcript": body, "qa_section": ""})
        ),
        st.recursive(
            st.none() | st.booleans() | st.integers() | st.text(max_size=20),
            lambda kids: (
                st.lists(kids, max_size=3)
                | st.dictionaries(
                    st.sampled_from(["transcript", "qa_section", "prepared_remarks", "quarter"]),
                    kids,
                    max_size=4,
                )
            ),
            max_leaves=8,
        ).map(json.dumps),
    )
)
def test_damaged_envelopes_parse_or_raise_one_clear_error(text: str) -> None:
    for layout in (motleyfool_json.NAME, None):
        try:
            t = parse_text(text, "damaged.json", layout=layout)
        except TranscriptError as exc:
            assert exc.reason and "\n" not in exc.reason
            continue
        assert t.turns


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("[1, 2]", "not a JSON object"),
        ('{"transcript": 5, "qa_section": ""}', "without text"),
        ('{"transcript": "', "invalid JSON"),
        ('{"transcript": "no labels at all", "qa_section": ""}', "speaker labels"),
    ],
)
def test_bad_envelopes_are_refused_clearly(text: str, reason: str) -> None:
    with pytest.raises(TranscriptError, match=reason):
        motleyfool_json.parse(text, "bad.json")
