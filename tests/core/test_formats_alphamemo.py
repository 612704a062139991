"""AlphaMemo: zh-Hant memo as summary, timestamped EN / 中文 turns; fixtures and the corpus."""

from __future__ import annotations

import pytest

from tests.core.formats_helpers import corpus, corpus_path, fixture, load, qa_start, shape_ok
from viewer.core.errors import TranscriptError
from viewer.core.formats import detect, parse_text
from viewer.core.models import Layout, Role, Script

MEMO = fixture("alphamemo", "fixture__9999_2025Q4.txt")


def test_fixture_turns_times_memo_and_meta() -> None:
    t = load(MEMO)
    shape_ok(t)
    m = t.meta
    assert (m.layout, m.script, m.company, m.call_date) == (
        Layout.ALPHAMEMO,
        Script.HANT,
        "海港松食品",
        "2025-08-12",
    )
    # The file name's 2025 Q4 had not ended on 2025-08-12: the memo's 2025 Q2 wins.
    assert (m.fiscal_year, m.quarter) == (2025, 2)
    assert any("file name says Q4 2025" in w.message for w in t.warnings)
    assert [(s.name, s.role, s.title, s.firm) for s in t.speakers] == [
        ("Maren Holt", Role.COMPANY, "Chief Executive Officer", "Harbor Pine Foods"),
        ("Desmond Achterberg", Role.COMPANY, "Chief Financial Officer", "Harbor Pine Foods"),
        ("Lena Park", Role.ANALYST, "Analyst", "Larkspur Securities"),
    ]
    assert [x.speaker_id for x in t.turns] == [
        "maren-holt",
        "desmond-achterberg",
        "lena-park",
        "maren-holt",
    ]
    assert qa_start(t) == 2
    assert [p.time for p in t.paragraphs] == [0.0, 9.0, 41.0, 62.0, 80.0, 100.0]
    first = t.paragraphs[0]
    assert first.en == "Good afternoon, everyone. Thank you for joining our second quarter call."
    assert first.zh == "大家午安。感謝各位參加我們的第二季法說會。"
    assert (first.line, first.zh_line) == (20, 21)
    # The English line whose Chinese is missing keeps its time and has no translation.
    assert t.paragraphs[3].zh is None
    assert any("1 English paragraphs have no Chinese line" in w.message for w in t.warnings)
    # The memo (headings and bullets, with their references) is the summary.
    assert t.summary[0] == "亮點"
    assert t.summary[1].startswith("海港松食品 2025 年第二季營收年增 6%")
    assert "## Transcript" not in t.summary


def test_bad_alphamemo_text_is_one_error() -> None:
    with pytest.raises(TranscriptError, match="no AlphaMemo transcript found"):
        parse_text("# 標題\n## Memo\n- 重點\n", layout="alphamemo")


@pytest.mark.parametrize("name", corpus("alphamemo-en-zhtw"))
def test_corpus_alphamemo(name: str) -> None:
    path = corpus_path(name)
    assert detect(path.read_text("utf-8"), str(path)) == "alphamemo"
    t = load(path)
    shape_ok(t)
    assert (t.meta.layout, t.meta.script) == (Layout.ALPHAMEMO, Script.HANT)
    assert t.meta.company and t.meta.call_date
    assert len(t.speakers) >= 2 and len(t.turns) >= 6
    assert len(t.summary) >= 10
    # Every paragraph has its time, in call order, and a Traditional Chinese translation.
    times = [p.time for p in t.paragraphs]
    assert all(x is not None for x in times)
    assert times == sorted(times)  # type: ignore[type-var]
    assert sum(1 for p in t.paragraphs if p.zh) >= 0.9 * len(t.paragraphs)
    start = qa_start(t)
    assert start is not None and 0 < start < len(t.turns)


def test_corpus_mediatek_file_name_disagrees() -> None:
    t = load(corpus_path("alphamemo-en-zhtw/ella0929__2454_2026Q2.txt"))
    # The call on 2026-03-11 reports Q4 2025; the file name says 2026 Q2.
    assert (t.meta.fiscal_year, t.meta.quarter, t.meta.call_date) == (2025, 4, "2026-03-11")
    assert t.meta.ticker == "2454"
    assert {s.name for s in t.speakers} == {"Jason Wang", "Jessie Wang"}
    assert qa_start(t) == 3
