"""Files cut short, in every layout (issue 16: a cut inside a speaker header or its repeated
line must not become a body paragraph without a warning; a cut before the body must not read
the summary as paragraphs).

The property: a valid fixture cut at any point either raises ``TranscriptError`` with a reason,
or loads into a transcript whose turns are the whole file's (same speakers, same words, the last
one a prefix), or carries a warning the whole file does not give. Checked forced into the
fixture's layout (``--layout``) and by detection (which must not pick another layout).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import DATA
from tests.fuzz import harness as h
from viewer.core.errors import TranscriptError
from viewer.core.formats import READERS, parse_text
from viewer.core.formats.cutend import CUT_LINE
from viewer.core.loading import decode
from viewer.core.models import Layout, Transcript


def _clean_seeds() -> dict[str, list[str]]:
    """Each reader's fixtures that it reads without a warning: a cut of a file that is damaged
    already (tests/data/damaged) need not be a prefix of its own odd parse."""
    out = {}
    for name, texts in h.seeds_by_reader().items():
        clean = []
        for text in texts:
            try:
                if not parse_text(text, layout=name).warnings:
                    clean.append(text)
            except TranscriptError:
                continue
        out[name] = clean or texts
    return out


SEEDS = _clean_seeds()


@cache
def _full(name: str, k: int) -> Transcript:
    """The whole seed's parse, once per seed (the examples draw the same few seeds)."""
    return parse_text(SEEDS[name][k], layout=name)


def _draw_seed(data: st.DataObject, name: str) -> tuple[str, Transcript]:
    """One of the reader's clean seeds, drawn, and its whole parse."""
    k = data.draw(st.integers(0, len(SEEDS[name]) - 1), label="seed")
    return SEEDS[name][k], _full(name, k)


def _same_family(a: Transcript, b: Transcript) -> bool:
    return a.meta.layout == b.meta.layout or {a.meta.layout, b.meta.layout} == {
        Layout.BULLETED,
        Layout.BARE,
    }


def _check_cut(text: str, k: int, layout: str, full: Transcript) -> None:
    cut = text[:k]
    where = f"{layout} cut at {k}: {cut[-60:]!r}"
    for forced in (layout, None):  # --layout, and detection (refusing is fine)
        try:
            t = parse_text(cut, "<cut>", layout=forced)
        except TranscriptError as exc:
            assert exc.reason
            continue
        assert _same_family(t, full), f"{where}: read as {t.meta.layout}"
        assert h.truncation_problem(t, full) is None, where


def _header_spans(full: Transcript, text: str) -> list[tuple[int, int]]:
    """Character spans of each speaker header, from its line to its first paragraph's line
    (the repeated line included), or the header's whole line when the text follows on it."""
    starts = [0]
    for line in text.split("\n"):
        starts.append(starts[-1] + len(line) + 1)
    spans = []
    for turn in full.turns:
        if not turn.paragraphs or turn.line > len(starts) - 1:
            continue
        end_line = max(turn.paragraphs[0].line, turn.line + 1)
        spans.append((starts[turn.line - 1], starts[min(end_line, len(starts)) - 1]))
    return spans


@pytest.mark.parametrize("reader", READERS, ids=[r.NAME for r in READERS])
@given(data=st.data(), cut=st.integers(0, 2**32))
def test_a_fixture_cut_anywhere_is_refused_or_a_prefix_or_warned(
    reader: ModuleType, data: st.DataObject, cut: int
) -> None:
    text, full = _draw_seed(data, reader.NAME)
    _check_cut(text, cut % (len(text) + 1), reader.NAME, full)


# Readers whose turns point at header lines of the file itself (in the JSON layouts they
# point into the transcript text inside the JSON).
HEADED = [
    r
    for r in READERS
    if all(_header_spans(_full(r.NAME, k), t) for k, t in enumerate(SEEDS[r.NAME]))
]


@pytest.mark.parametrize("reader", HEADED, ids=[r.NAME for r in HEADED])
@given(data=st.data(), cut=st.integers(0, 2**32))
def test_a_fixture_cut_inside_a_speaker_header_is_never_silent(
    reader: ModuleType, data: st.DataObject, cut: int
) -> None:
    text, full = _draw_seed(data, reader.NAME)
    spans = _header_spans(full, text)
    start, end = spans[cut % len(spans)]
    _check_cut(text, start + 1 + (cut // len(spans)) % max(1, end - start - 1), reader.NAME, full)


# -- regressions, one per shape the property found -----------------------------------------

MEMO = (DATA / "alphamemo" / "fixture__9999_2025Q4.txt").read_text("utf-8")


def test_alphamemo_every_cut_inside_a_header_is_refused_or_warned() -> None:
    full = parse_text(MEMO, layout="alphamemo")
    for start, end in _header_spans(full, MEMO):
        for k in range(start + 1, end):
            _check_cut(MEMO, k, "alphamemo", full)


def test_alphamemo_a_header_cut_at_the_end_is_dropped_with_a_warning() -> None:
    k = MEMO.index("**Lena Park") + len("**Lena Park - Larkspur Secu")
    t = parse_text(MEMO[:k])
    assert all("**" not in p.en for p in t.paragraphs)
    assert t.paragraphs[-1].en == "We expect freight to ease in the second half."
    assert "the file ends inside a speaker header: it looks truncated" in [
        w.message for w in t.warnings
    ]


def test_alphamemo_an_untimed_line_below_a_heading_does_not_join_the_paragraph_above() -> None:
    text = MEMO.replace(
        "### Q&A\n\n**Lena Park - Larkspur Securities, Analyst**\n",
        "### Q&A\n\n**Lena Park - Larkspur Securities, Analyst\n",
    )
    t = parse_text(text)
    assert "We expect freight to ease in the second half." in [p.en for p in t.paragraphs]
    assert "a bold line that does not close is not a speaker header: read as text" in [
        w.message for w in t.warnings
    ]


@pytest.mark.parametrize("tail", ["### ", "###", "(00:00:09)", "(00:00:09) "])
def test_alphamemo_a_cut_heading_or_time_is_no_paragraph(tail: str) -> None:
    k = MEMO.index("### Q&A") if tail.startswith("#") else MEMO.index("(00:00:09) Net")
    t = parse_text(MEMO[:k] + tail)
    assert all(p.en.strip() and "#" not in p.en and "(00" not in p.en for p in t.paragraphs)


@pytest.mark.parametrize(
    ("layout", "path", "cut_after"),
    [
        ("seekingalpha", "seekingalpha/brambleway-2018-q3.txt", "\nA - Pr"),
        ("refinitiv", "refinitiv/larkspur-2025-q2.txt", "Nadia P. Okafor\nLarkspur Logistics Inc."),
        ("motleyfool-text", "motleyfool_text/quillon-new-2025-q3.txt", "\n\nRuth A."),
        ("markdown", "markdown/HPF_Q1_2024.md", "\nThomas O'"),
    ],
)
def test_a_header_fragment_at_the_end_of_any_layout_is_warned(
    layout: str, path: str, cut_after: str
) -> None:
    text = decode((DATA / path).read_bytes()).text
    # After the participants list (Refinitiv names everyone there first).
    k = text.index(cut_after, len(text) // 4) + len(cut_after)
    t = parse_text(text[:k], layout=layout)
    assert t.warnings[-1].message == CUT_LINE
    assert t.warnings[-1].line == text[:k].count("\n") + 1


TEXT_FIXTURES = sorted(p for p in DATA.rglob("*") if p.suffix in {".txt", ".md"})


@pytest.mark.parametrize("path", TEXT_FIXTURES, ids=[p.name for p in TEXT_FIXTURES])
def test_a_complete_file_without_a_final_newline_is_not_called_truncated(path: Path) -> None:
    text = decode(path.read_bytes()).text.rstrip()
    try:
        t = parse_text(text)
    except TranscriptError:
        return  # not a transcript fixture (search or library data of another shape)
    assert CUT_LINE not in [w.message for w in t.warnings]


def test_pairs_a_number_without_its_marker_is_not_part_of_the_translation() -> None:
    text = (DATA / "en-zhhans-pairs" / "HPF_Q2_2025_interleaved.txt").read_text("utf-8")
    k = text.index("\n  [ 14]") + len("\n  [ 14]")
    t = parse_text(text[:k])
    assert any("lines outside any [EN] / [中] pair" in w.message for w in t.warnings)


def test_motleyfool_a_one_word_label_used_once_still_opens_a_turn() -> None:
    text = (DATA / "motleyfool_text" / "quillon-new-2025-q3.txt").read_text("utf-8")
    k = text.index("Marrow Securities. Please go ahead.") + len(
        "Marrow Securities. Please go ahead."
    )
    t = parse_text(text[:k])
    names = {s.id: s.name for s in t.speakers}
    assert names[t.turns[-1].speaker_id] == "Dana"
    assert t.paragraphs[-1].en.startswith("Thank you. [Operator Instructions]")
