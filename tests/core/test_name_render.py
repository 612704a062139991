"""How the Chinese renders a translated name, guessed from the paragraphs (the sample call is
fictional and written for this project)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import SAMPLE
from viewer.core.metrics import analyse
from viewer.core.metrics_models import NameCheck
from viewer.core.models import Paragraph
from viewer.core.name_render import name_spans, renderings
from viewer.core.transcript_io import load_transcript


def test_renderings_of_the_sample_names() -> None:
    t = load_transcript(SAMPLE)
    got = {n.name: renderings(t.paragraphs, n) for n in analyse(t).names}
    assert got["Gemini"] == ("雙子座",)
    assert got["Libra"] == ("天秤座",)
    assert got["Bob"] == ("鮑伯",)
    assert got["Kenneth"] == ("肯尼斯",)
    # One translated paragraph is too little to tell the name from its neighbours.
    assert all(got[n.name] == () for n in analyse(t).names if n.translated < 2)


def test_renderings_wait_for_their_turn_between_candidates() -> None:
    # In the app the analysis runs in a worker that waits for its turn at each check; a
    # name's search ran through every paragraph once per candidate without one (a 10 MB
    # call froze the window for 5 s while the worker kept the GIL).
    t = load_transcript(SAMPLE)
    names = [n for n in analyse(t).names if n.translated >= 2]
    calls: list[None] = []
    for n in names:
        calls.clear()
        found = renderings(t.paragraphs, n, checkpoint=lambda: calls.append(None))
        assert found == renderings(t.paragraphs, n)
        assert calls, n.name

    class Stop(Exception):
        pass

    def stop() -> None:
        raise Stop

    with pytest.raises(Stop):
        renderings(t.paragraphs, names[0], checkpoint=stop)


@given(st.text(max_size=60), st.sampled_from(["Gemini", "Bob", "雙子座", "a", ""]))
def test_name_spans_point_at_the_name(text: str, name: str) -> None:
    for start, end in name_spans(text, name):
        assert text[start:end] == name


def test_latin_names_are_whole_words() -> None:
    assert name_spans("Bob, Bobby and Bob.", "Bob") == [(0, 3), (15, 18)]
    assert name_spans("鮑伯說鮑伯", "鮑伯") == [(0, 2), (3, 5)]


def test_name_badges_say_how_the_name_was_rendered() -> None:
    from viewer.core.metrics import paragraph_badges

    t = load_transcript(SAMPLE)
    a = analyse(t)
    assert a.rendering_of("Gemini") == ("雙子座",) and a.rendering_of("nobody") == ()
    gemini = next(n for n in a.names if n.name == "Gemini")
    badges = paragraph_badges(a)
    for p in gemini.translated_paragraphs:
        assert "Gemini → 雙子座: translated here" in badges[p].text


def _reference(paragraphs: list[Paragraph], check: NameCheck, limit: int) -> tuple[str, ...]:
    """The guess as first written: every candidate counted in every other paragraph."""
    from collections import Counter

    from viewer.core.name_render import _substrings

    ids = set(check.translated_paragraphs)
    translated = [p.zh for p in paragraphs if p.index in ids and p.zh]
    if len(translated) < 2:
        return ()
    others = [p.zh for p in paragraphs if p.zh and p.index not in ids]
    counts: Counter[str] = Counter()
    for zh in translated:
        counts.update(_substrings(zh))
    need = max(2, (len(translated) + 1) // 2)
    rare = max(1, len(others) // 10)
    scored = []
    for text, n in counts.items():
        background = sum(text in z for z in others)
        if n >= need and background <= rare:
            scored.append((n, -background, len(text), text))
    scored.sort(reverse=True)
    out: list[str] = []
    for *_, text in scored:
        if not any(text in o or o in text for o in out):
            out.append(text)
            if len(out) == limit:
                break
    return tuple(out)


@given(
    st.lists(st.text(alphabet="雙子座鮑伯營收成長公司。 a", max_size=24), min_size=2, max_size=30),
    st.data(),
    st.integers(min_value=1, max_value=3),
)
def test_renderings_match_the_first_written_guess(
    texts: list[str], data: st.DataObject, limit: int
) -> None:
    # Looking at the candidates a count at a time, best first, and stopping early gives the
    # same renderings, in the same order, as counting every candidate everywhere.
    paragraphs = [
        Paragraph(index=i, en="x", zh=zh or None, line=i + 1) for i, zh in enumerate(texts)
    ]
    chosen = data.draw(st.sets(st.integers(0, len(texts) - 1), min_size=2))
    check = NameCheck(
        name="Gemini",
        kept=0,
        translated=len(chosen),
        kept_paragraphs=(),
        translated_paragraphs=tuple(sorted(chosen)),
    )
    assert renderings(paragraphs, check, limit) == _reference(paragraphs, check, limit)
