"""``earnings-viewer --find``: the search engine from the command line, as a user runs it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.conftest import run_main as run
from viewer.core.transcript_io import load_transcript

ROOT = Path(__file__).resolve().parents[2]
QRL = ROOT / "tests" / "data" / "search" / "QRL-2025-Q1.txt"


def find_json(*args: str | Path) -> dict[str, Any]:
    out = run("--find", *args)
    assert out.returncode == 0, out.stderr
    assert out.stderr == ""
    doc: dict[str, Any] = json.loads(out.stdout)
    assert set(doc) == {"query", "count", "hits"}
    assert doc["count"] == len(doc["hits"])
    for hit in doc["hits"]:
        assert set(hit) == {"paragraph", "lang", "start", "end"}
    return doc


def hit_texts(path: Path, doc: dict[str, Any]) -> list[str]:
    paragraphs = load_transcript(path).paragraphs
    texts = []
    for h in doc["hits"]:
        p = paragraphs[h["paragraph"]]
        texts.append((p.en if h["lang"] == "en" else p.zh or "")[h["start"] : h["end"]])
    return texts


def test_find_prints_hits_with_original_offsets() -> None:
    doc = find_json("７４．１％", QRL)
    assert doc["query"] == "７４．１％"
    assert [(h["paragraph"], h["lang"]) for h in doc["hits"]] == [(1, "en"), (1, "zh")]
    assert hit_texts(QRL, doc) == ["74.1%", "７４．１％"]


def test_find_offsets_after_an_emoji_are_code_points() -> None:
    doc = find_json("感謝大家", QRL)
    zh = load_transcript(QRL).paragraphs[1].zh or ""
    assert doc["hits"] == [
        {
            "paragraph": 1,
            "lang": "zh",
            "start": zh.index("感謝大家"),
            "end": zh.index("感謝大家") + 4,
        }
    ]


def test_find_options() -> None:
    loose = find_json("the", QRL)["count"]
    assert find_json("the", "--whole-word", QRL)["count"] < loose
    assert find_json("THE", "--case-sensitive", QRL)["count"] == 1
    assert {h["lang"] for h in find_json("Theta", "--scope", "zh", QRL)["hits"]} == {"zh"}
    doc = find_json(r"\d+%", "--regex", "--scope", "en", QRL)
    assert hit_texts(QRL, doc) == ["1%", "41%"]  # of "74.1%", only "1%" is digits then %
    assert find_json("营收", QRL)["hits"] == find_json("營收", QRL)["hits"]


def test_find_nothing_is_an_empty_list() -> None:
    assert find_json("no such words here", QRL) == {
        "query": "no such words here",
        "count": 0,
        "hits": [],
    }


def test_invalid_regex_exits_1_with_one_error_line() -> None:
    out = run("--find", "(unclosed", "--regex", QRL)
    assert out.returncode == 1
    assert out.stdout == ""
    lines = out.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: invalid regular expression")


def test_find_on_alab(alab_path: Path) -> None:
    doc = find_json("revenue", alab_path)
    texts = hit_texts(alab_path, doc)
    assert doc["count"] >= 10
    assert all(t.casefold() == "revenue" for t in texts)
    trad = find_json("營收", "--scope", "zh", alab_path)
    assert trad["count"] >= 5
    assert find_json("营收", "--scope", "zh", alab_path)["hits"] == trad["hits"]
    whole = find_json("AI", "--whole-word", "--case-sensitive", alab_path)
    assert 0 < whole["count"] <= find_json("AI", "--case-sensitive", alab_path)["count"]


def test_find_on_the_bundled_sample(sample_path: Path) -> None:
    doc = find_json("Gemini", sample_path)
    assert doc["count"] >= 2
    assert {t.casefold() for t in hit_texts(sample_path, doc)} == {"gemini"}
    assert {h["lang"] for h in doc["hits"]} <= {"en", "zh"}
    # The translation calls the product 雙子座 in some paragraphs: find it by the Simplified
    # spelling too.
    trad = find_json("雙子座", "--scope", "zh", sample_path)
    assert trad["count"] >= 1
    assert find_json("双子座", "--scope", "zh", sample_path)["hits"] == trad["hits"]
    en = find_json("gemini", "--scope", "en", "--whole-word", sample_path)
    assert {h["lang"] for h in en["hits"]} == {"en"}
