"""How the Chinese renders a translated name, guessed from the paragraphs (the sample call is
fictional and written for this project)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import SAMPLE
from viewer.core.metrics import analyse
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
