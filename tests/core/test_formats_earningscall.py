"""EarningsCall API JSON at every level: fixtures, then every corpus file."""

from __future__ import annotations

import json

import pytest

from tests.core.formats_helpers import corpus, corpus_path, fixture, load, qa_start, shape_ok
from viewer.core.errors import TranscriptError
from viewer.core.formats import detect, parse_text
from viewer.core.formats.builder import NO_SPEAKERS_WARNING
from viewer.core.models import Layout, Role

DIR = fixture("earningscall")


def test_name_map_level() -> None:
    t = load(DIR / "hpf-q2-2025-name-map.json")
    shape_ok(t)
    m = t.meta
    assert (m.layout, m.script, m.fiscal_year, m.quarter, m.call_date) == (
        Layout.EARNINGSCALL_JSON,
        None,
        2025,
        2,
        "2025-08-12",
    )
    assert [(s.name, s.role, s.firm) for s in t.speakers] == [
        ("Operator", Role.OPERATOR, None),
        ("Maren Holt", Role.COMPANY, None),
        ("Priya Natarajan", Role.ANALYST, "Larkspur Securities"),
        ("Desmond Achterberg", Role.COMPANY, None),
        # Not in the map: named from the operator's introduction (and said so).
        ("Tom O'Brien", Role.ANALYST, "Quarry Hill Capital"),
    ]
    assert t.find_speaker("spk05") is t.find_speaker("Priya Natarajan")
    assert any("named from the operator's introductions" in w.message for w in t.warnings)
    assert qa_start(t) == 2
    assert all(p.time is None for p in t.paragraphs)


def test_word_times_go_on_paragraphs() -> None:
    t = load(DIR / "hpf-q2-2025-words.json")
    shape_ok(t)
    doc = json.loads((DIR / "hpf-q2-2025-words.json").read_text("utf-8"))
    firsts = [e["start_times"][0] for e in doc["speakers"]]
    assert [turn.paragraphs[0].time for turn in t.turns] == firsts
    # Ids without a name: "Speaker N", the operator found by its phrases.
    names = {s.name: s.role for s in t.speakers}
    assert names["Operator"] is Role.OPERATOR
    assert names["Speaker 1"] is Role.COMPANY
    assert names["Priya Natarajan"] is Role.ANALYST
    assert qa_start(t) == 2


def test_sections_level_and_missing_qa() -> None:
    t = load(DIR / "hpf-q2-2025-sections.json")
    shape_ok(t)
    assert [s.name for s in t.speakers] == ["Unknown speaker"]
    assert qa_start(t) == 1 and len(t.turns) == 2
    assert any(w.message == NO_SPEAKERS_WARNING for w in t.warnings)
    t2 = load(DIR / "hpf-q2-2025-no-qa.json")
    assert qa_start(t2) is None
    assert any("no question-and-answer text" in w.message for w in t2.warnings)


def test_text_blob_level_finds_the_questions() -> None:
    t = load(DIR / "hpf-transcript-text.json")
    shape_ok(t)
    assert len(t.turns) == 2 and qa_start(t) == 1
    assert t.turns[1].paragraphs[0].en.startswith("Our first question comes from")
    # Content, not the file name: the opening names the company and the quarter.
    assert (t.meta.company, t.meta.fiscal_year, t.meta.quarter) == ("Harbor Pine Foods", 2025, 2)


@pytest.mark.parametrize(
    ("doc", "reason"),
    [
        ("[1, 2]", "not an object"),
        ('{"speakers": [3]}', "speaker entry 1 is not an object"),
        ('{"speakers": [{"speaker": "spk01"}]}', "holds no text"),
        ('{"event": {}}', 'no "speakers", "text" or "prepared_remarks"'),
        ('{"speakers": [', "invalid JSON"),
    ],
)
def test_bad_documents_get_one_clear_error(doc: str, reason: str) -> None:
    with pytest.raises(TranscriptError, match=reason):
        parse_text(doc, layout="earningscall")


@pytest.mark.parametrize("name", corpus("earningscall-json"))
def test_corpus_earningscall(name: str) -> None:
    path = corpus_path(name)
    assert detect(path.read_text("utf-8"), str(path)) == "earningscall"
    t = load(path)
    shape_ok(t)
    assert t.meta.layout is Layout.EARNINGSCALL_JSON
    assert t.meta.fiscal_year and t.meta.quarter
    assert len(t.paragraphs) >= 40
    assert all(len(p.en) <= 2500 for p in t.paragraphs)  # paragraphs rebuilt from the blobs
    if "level-4" in name or "transcript-response" in name:
        assert [s.name for s in t.speakers] == ["Unknown speaker"]
    else:
        assert sum(1 for s in t.speakers if s.role is Role.OPERATOR) == 1
        assert sum(1 for s in t.speakers if s.role is Role.ANALYST) >= 8
        assert len(t.turns) >= 60
    if "data-missing" not in name:
        start = qa_start(t)
        assert start is not None and start > 0
    if "level-3" in name:
        times = [p.time for p in t.paragraphs]
        assert all(x is not None for x in times) and times == sorted(times)  # type: ignore[type-var]


def test_corpus_name_map_file_name_disagrees() -> None:
    t = load(corpus_path("earningscall-json/aapl-q1-2022-speaker-name-map-v2.body0.json"))
    assert (t.meta.fiscal_year, t.meta.quarter, t.meta.call_date) == (2023, 1, "2023-02-02")
    assert any("file name says Q1 2022" in w.message for w in t.warnings)
    cross = t.find_speaker("Shannon Cross")
    assert cross is not None and (cross.role, cross.firm) == (Role.ANALYST, "Credit Suisse")
