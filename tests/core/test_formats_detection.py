"""Detection across the whole corpus, and damaged files of the new layouts (hypothesis)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.core.formats_helpers import CORPUS_FAMILY, corpus, corpus_path, fixture
from viewer.core.errors import TranscriptError
from viewer.core.formats import UNRECOGNISED, detect, parse_text, scores
from viewer.core.loading import load_text
from viewer.core.models import Transcript

MINE = set(CORPUS_FAMILY.values())


@pytest.mark.parametrize("name", corpus())
def test_every_corpus_file_is_detected_as_its_folder_says(name: str) -> None:
    path = corpus_path(name)
    text = load_text(path).text
    folder = name.split("/")[0]
    family = CORPUS_FAMILY.get(folder)
    if family is not None:
        assert detect(text, str(path)) == family, scores(text)
        return
    # A file of another layout is never taken for one of these.
    try:
        found = detect(text, str(path))
    except TranscriptError as exc:
        assert exc.reason.startswith(UNRECOGNISED) or "ambiguous" in exc.reason
        assert not any(scores(text)[f] >= 0.5 for f in MINE), scores(text)
    else:
        assert found not in MINE, (found, scores(text))


@pytest.mark.parametrize("name", ["ALAB-2024-Q4.txt", "GURE-2023-Q2.excerpt.txt"])
def test_statementdog_files_stay_statementdog(name: str) -> None:
    from tests.conftest import shared_file

    text = load_text(shared_file("statementdog", name)).text
    assert detect(text) == "statementdog"
    assert all(scores(text)[f] < 0.5 for f in MINE)


# -- damaged files: one clear error or a transcript, never anything else -----------------------

FIXTURES: list[tuple[str, Path]] = [
    ("en-zhhans-pairs", fixture("en-zhhans-pairs", "HPF_Q2_2025_interleaved.txt")),
    ("en-zhhans-pairs", fixture("en-zhhans-pairs", "HPF_Q3_2023_interleaved.txt")),
    ("en-zhhans-pairs", fixture("en-zhhans-pairs", "HPF_Q2_2025_bilingual.json")),
    ("alphamemo", fixture("alphamemo", "fixture__9999_2025Q4.txt")),
    ("markdown", fixture("markdown", "HPF_Q1_2024.md")),
    ("sentences", fixture("sentences", "HPF_q2_2025.txt")),
    ("earningscall", fixture("earningscall", "hpf-q2-2025-name-map.json")),
    ("earningscall", fixture("earningscall", "hpf-q2-2025-words.json")),
    ("earningscall", fixture("earningscall", "hpf-q2-2025-sections.json")),
]
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

NOISE = st.one_of(
    st.text(max_size=30),
    st.sampled_from(
        [
            "",
            "Operator:",
            "**",
            "**Jane Roe - Acme, CEO**",
            "(00:00:0",
            "(99:99:99) x",
            "  [  1] [EN]",
            "       [中]",
            "  ━━",
            "  👤",
            "=" * 70,
            "### Q&A",
            "Questions & Answers:",
            "Jane Roe--",
            "{",
            '"pairs": [',
            "\x00",
            "\ufeff",
        ]
    ),
)


def _check(name: str, text: str) -> None:
    for layout in (name, None):
        try:
            t = parse_text(text, "<fuzz>", layout=layout)
        except TranscriptError as exc:
            assert exc.reason and "\n" not in exc.reason
        else:
            assert isinstance(t, Transcript)
            assert [p.index for p in t.paragraphs] == list(range(len(t.paragraphs)))


@SETTINGS
@given(
    st.sampled_from(FIXTURES),
    st.lists(
        st.tuples(
            st.sampled_from(["del", "dup", "swap", "insert", "cut", "char"]),
            st.integers(0, 10**6),
            NOISE,
        ),
        min_size=1,
        max_size=6,
    ),
)
def test_mutated_fixture_parses_or_raises_our_error(
    item: tuple[str, Path], edits: list[tuple[str, int, str]]
) -> None:
    name, path = item
    lines = path.read_text("utf-8").split("\n")
    for op, k, noise in edits:
        i = k % max(len(lines), 1)
        if op == "del" and lines:
            del lines[i]
        elif op == "dup" and lines:
            lines.insert(i, lines[i])
        elif op == "swap" and len(lines) > 1:
            j = (k // 7) % len(lines)
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "insert":
            lines.insert(i, noise)
        elif op == "cut":
            text = "\n".join(lines)
            lines = text[: k % (len(text) + 1)].split("\n")
        elif op == "char" and lines and lines[i]:
            c = k % len(lines[i])
            lines[i] = lines[i][:c] + noise[:1] + lines[i][c + 1 :]
    _check(name, "\n".join(lines))


JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                ["en", "zh", "speaker", "text", "words", "start_times", "name", "title", "year"]
            ),
            children,
            max_size=4,
        )
    ),
    max_leaves=12,
)


@SETTINGS
@given(
    st.sampled_from([f for f in FIXTURES if f[1].suffix == ".json"]),
    st.lists(st.tuples(st.integers(0, 10**6), JSONISH), min_size=1, max_size=4),
)
def test_json_with_wrong_types_parses_or_raises_our_error(
    item: tuple[str, Path], edits: list[tuple[int, Any]]
) -> None:
    name, path = item
    doc = json.loads(path.read_text("utf-8"))
    for k, value in edits:
        # Replace one value somewhere in the document by a random JSON value.
        node: Any = doc
        for _ in range(k % 4):
            if isinstance(node, dict) and node:
                key = sorted(node)[k % len(node)]
                if not isinstance(node[key], dict | list):
                    node[key] = value
                    break
                node = node[key]
            elif isinstance(node, list) and node:
                idx = k % len(node)
                if not isinstance(node[idx], dict | list):
                    node[idx] = value
                    break
                node = node[idx]
        else:
            if isinstance(node, dict) and node:
                node[sorted(node)[k % len(node)]] = value
            elif isinstance(node, list) and node:
                node[k % len(node)] = value
    _check(name, json.dumps(doc, ensure_ascii=False))


@SETTINGS
@given(st.sampled_from(sorted(MINE)), st.lists(NOISE, max_size=30).map("\n".join))
def test_any_text_forced_into_a_layout_parses_or_raises_our_error(name: str, text: str) -> None:
    _check(name, text)
