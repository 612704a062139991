"""EN + zh-Hans pairs (interleaved text and JSON): own fixtures, then every corpus file."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.core.formats_helpers import corpus, corpus_path, fixture, load, qa_start, roles, shape_ok
from viewer.core.errors import TranscriptError
from viewer.core.formats import detect, parse_text
from viewer.core.models import Layout, Role, Script, Section

TEXT = fixture("en-zhhans-pairs", "HPF_Q2_2025_interleaved.txt")
JSON = fixture("en-zhhans-pairs", "HPF_Q2_2025_bilingual.json")
OLD = fixture("en-zhhans-pairs", "HPF_Q3_2023_interleaved.txt")


def test_new_layout_speakers_roles_firms_and_meta() -> None:
    t = load(TEXT)
    shape_ok(t)
    m = t.meta
    assert (m.layout, m.script, m.company, m.ticker) == (
        Layout.PAIRS_TEXT,
        Script.HANS,
        "Harbor Pine Foods",
        "HPF",
    )
    assert (m.fiscal_year, m.quarter, m.call_date) == (2025, 2, "2025-08-12")
    assert [(s.name, s.role, s.title, s.firm) for s in t.speakers] == [
        ("Maren Holt", Role.COMPANY, "Chief Executive Officer", None),
        ("Desmond Achterberg", Role.COMPANY, "Chief Financial Officer", None),
        ("Operator", Role.OPERATOR, None, None),
        ("Priya Natarajan", Role.ANALYST, None, "Larkspur Securities"),
        ("Thomas O'Brien", Role.ANALYST, None, "Quarry Hill Capital"),
    ]
    assert t.find_speaker("Tom O'Brien") is t.find_speaker("Thomas O'Brien")
    # Q&A opens at the operator's first-question turn (no heading in the new layout).
    assert qa_start(t) == 3 and t.turns[3].speaker_id == "operator"
    assert len(t.turns) == 10


def test_new_layout_paragraphs_labels_and_translation_echo() -> None:
    t = load(TEXT)
    first = t.turns[1].paragraphs[0]
    # The "Name:" label is off both languages.
    assert first.en.startswith("Thank you. Our net sales")
    assert first.zh == "谢谢。本季度我们的净销售额增长6%，达到8450万美元。"
    # The English original the translator repeated after the Chinese is not Chinese.
    op = t.turns[0].paragraphs[0]
    assert op.zh is not None and "原文" not in op.zh and "Good afternoon" not in op.zh
    # A colon inside a sentence is no speaker label.
    assert "fundamentals:landing" in t.turns[1].paragraphs[1].en
    # A Chinese field holding only English is kept as written and reported.
    obrien = next(turn for turn in t.turns if turn.speaker_id == "thomas-o-brien")
    assert obrien.paragraphs[0].zh == obrien.paragraphs[0].en
    messages = " | ".join(w.message for w in t.warnings)
    assert "2 translations repeat the English original" in messages
    assert "1 Chinese fields hold English only" in messages
    assert "1 pairs have no translation" in messages
    # The head before the transcript is the summary (takeaways, in Chinese).
    assert t.summary[0] == "净销售额——8450万美元，同比增长6%。"
    assert all("电话会议参与者" not in s for s in t.summary)
    # Lines point at the [EN] and [中] lines of the file.
    lines = TEXT.read_text("utf-8").split("\n")
    assert "[EN] Maren Holt:Thank you." in lines[first.line - 1]
    assert first.zh_line is not None and "[中]" in lines[first.zh_line - 1]


def test_json_twin_reads_the_same_call() -> None:
    a, b = load(TEXT), load(JSON)
    assert b.meta.layout is Layout.PAIRS_JSON
    assert [(p.en, p.zh) for p in a.paragraphs] == [(p.en, p.zh) for p in b.paragraphs]
    assert a.speakers == b.speakers
    assert [(x.speaker_id, x.section) for x in a.turns] == [
        (x.speaker_id, x.section) for x in b.turns
    ]
    doc = json.loads(JSON.read_text("utf-8"))
    lines = JSON.read_text("utf-8").split("\n")
    for p in b.paragraphs:
        assert '"en"' in lines[p.line - 1]
    assert len(doc["pairs"]) == 24


def test_old_layout_headers_qa_heading_aliases_and_file_name() -> None:
    t = load(OLD)
    shape_ok(t)
    assert (t.meta.fiscal_year, t.meta.quarter, t.meta.call_date) == (2024, 1, "2024-05-07")
    assert any("file name says Q3 2023" in w.message for w in t.warnings)
    holt = t.find_speaker("Maren Holt")
    assert holt is not None and holt.name == "Maren E. Holt" and "Maren Holt" in holt.aliases
    assert roles(t) == {
        "Operator": Role.OPERATOR,
        "Maren E. Holt": Role.COMPANY,
        "Priya Natarajan": Role.ANALYST,
        "Unidentified Analyst": Role.ANALYST,
    }
    assert t.find_speaker("Priya Natarajan").firm == "Larkspur Securities"  # type: ignore[union-attr]
    # "Questions & Answers:" opens the Q&A; the repeated header of one speaker is one turn.
    assert qa_start(t) == 2
    assert [x.speaker_id for x in t.turns[:2]] == ["operator", "maren-e-holt"]
    assert len(t.turns[1].paragraphs) == 2
    # The trailer (duration, participant list) is not transcript text.
    assert all("Duration" not in p.en for p in t.paragraphs)


def test_broken_files_get_one_clear_error() -> None:
    with pytest.raises(TranscriptError, match="invalid JSON"):
        parse_text('{"meta": {}, "pairs": [', layout="en-zhhans-pairs")
    with pytest.raises(TranscriptError, match='pair 1 has no "en" text'):
        parse_text('{"pairs": [{"zh": "你好"}]}', layout="en-zhhans-pairs")
    with pytest.raises(TranscriptError, match="no pairs found"):
        parse_text("hello\n", layout="en-zhhans-pairs")


# -- the corpus ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", corpus("en-zhhans-pairs"))
def test_corpus_pairs(name: str) -> None:
    path = corpus_path(name)
    text = path.read_text("utf-8")
    assert detect(text, str(path)) == "en-zhhans-pairs"
    t = load(path)
    shape_ok(t)
    assert t.meta.layout is (Layout.PAIRS_JSON if name.endswith(".json") else Layout.PAIRS_TEXT)
    assert t.meta.script is Script.HANS
    assert t.meta.company and t.meta.ticker and t.meta.quarter and t.meta.fiscal_year
    assert t.meta.call_date is not None
    by_role = {r: [s for s in t.speakers if s.role is r] for r in Role}
    assert len(by_role[Role.OPERATOR]) == 1
    assert 2 <= len(by_role[Role.COMPANY]) <= 10
    assert len(by_role[Role.ANALYST]) >= 4
    # Every analyst but the few the operator announces under another name has a firm.
    assert sum(1 for s in by_role[Role.ANALYST] if s.firm) >= len(by_role[Role.ANALYST]) - 2
    assert len(t.turns) >= 20
    start = qa_start(t)
    assert start is not None and 1 < start < len(t.turns) // 2
    assert t.speaker(t.turns[start].speaker_id).role is Role.OPERATOR
    assert all(t.speaker(x.speaker_id).role is not Role.ANALYST for x in t.turns[:start])
    # Nearly every paragraph has Chinese, and no Chinese is the echoed English.
    with_zh = [p for p in t.paragraphs if p.zh]
    assert len(with_zh) >= 0.95 * len(t.paragraphs)
    assert sum(1 for p in with_zh if p.en[:60] in p.zh) <= 3  # type: ignore[operator]


def test_corpus_text_and_json_twins_agree() -> None:
    names = [n for n in corpus("en-zhhans-pairs") if n.endswith("_interleaved.txt")]
    for name in names:
        a = load(corpus_path(name))
        b = load(corpus_path(name.replace("_interleaved.txt", "_bilingual.json")))
        assert [(p.en, p.zh) for p in a.paragraphs] == [(p.en, p.zh) for p in b.paragraphs]
        assert [s.name for s in a.speakers] == [s.name for s in b.speakers]


def test_corpus_old_layout_call_facts() -> None:
    t = load(corpus_path("en-zhhans-pairs/MSFT_Q3_2024_interleaved.txt"))
    weiss = t.find_speaker("Keith Weiss")
    assert weiss is not None and (weiss.role, weiss.firm) == (Role.ANALYST, "Morgan Stanley")
    hood = t.find_speaker("Amy Hood")
    assert hood is not None and hood.title == "Chief Financial Officer"
    start = qa_start(t)
    assert start is not None
    assert all(x.section is Section.PREPARED for x in t.turns[:start])


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="()（） a\t", max_size=24))
def test_a_final_parenthesis_comes_off_as_the_old_expression_took_it(company: str) -> None:
    """The scan that replaced a quadratic regular expression removes the same text."""
    import re

    from viewer.core.formats.callmeta import without_final_parenthesis

    old = re.sub(r"\s*[(（][^)）]*[)）]\s*$", "", company).strip()
    assert without_final_parenthesis(company).strip() == old


# Lines made of what the pair markers are made of: brackets, digits, [EN], rules, heading bars,
# icons, Unicode spaces, Chinese and Latin text.
_LINE_PARTS = st.sampled_from(
    ["[", "]", " ", "\u3000", "\t", "1", "42", "[EN]", "[中]", "━", "━━", "=" * 10, "─", "-",
     "·", "*", "👤", "📅", "\ufe0f", "中文", "Text", "\ufffd"]
)  # fmt: skip


@given(st.lists(_LINE_PARTS, max_size=8).map("".join))
def test_a_pair_ends_where_a_marker_a_rule_or_a_numbered_line_starts(line: str) -> None:
    # _ends_pair decides by the first character before any pattern: it must answer as the three
    # tests it stands for (a marker, a rule, a numbered line without its [EN]).
    from viewer.core.formats import pairs

    marker = pairs._EN_RE.match(line) or pairs._HEAD_OPEN_RE.match(line) or pairs._icon_line(line)
    expected = bool(marker or pairs._is_rule(line) or pairs._NUMBER_RE.match(line))
    assert pairs._ends_pair(line) is expected


@given(st.lists(_LINE_PARTS, max_size=8).map("".join))
def test_a_marker_or_a_rule_is_told_by_its_first_character_as_by_the_patterns(line: str) -> None:
    from viewer.core.formats import pairs

    marker = pairs._EN_RE.match(line) or pairs._HEAD_OPEN_RE.match(line) or pairs._icon_line(line)
    assert pairs._marker_or_rule(line) is bool(marker or pairs._is_rule(line))
