"""English-only calls: no false "missing" figures, and the model says there is no translation."""

from __future__ import annotations

from tests.conftest import DATA
from viewer.core.metrics import analyse, tooltip
from viewer.core.metrics_models import Check
from viewer.core.models import Paragraph, Turn
from viewer.core.transcript_io import load_transcript


def _english_only():
    t = load_transcript(DATA / "hpf-bulleted.txt")
    turns = tuple(
        Turn(
            index=turn.index,
            speaker_id=turn.speaker_id,
            section=turn.section,
            line=turn.line,
            paragraphs=tuple(
                Paragraph(index=p.index, en=p.en, zh=None, line=p.line) for p in turn.paragraphs
            ),
        )
        for turn in t.turns
    )
    return t.model_copy(update={"turns": turns, "meta": t.meta.model_copy(update={"script": None})})


def test_english_only_figures_are_untranslated_not_missing() -> None:
    bilingual = load_transcript(DATA / "hpf-bulleted.txt")
    english = _english_only()
    assert bilingual.has_translation and not english.has_translation
    figures = analyse(english).figures
    assert figures, "the fixture states figures"
    assert {f.check for f in figures} == {Check.UNTRANSLATED}
    assert all(f.zh is None for f in figures)
    assert tooltip(figures[0]).endswith(": no translation to check")
    # the same English figures as in the bilingual call, only the check differs
    assert [f.en for f in figures] == [f.en for f in analyse(bilingual).figures if f.en]


def test_a_paragraph_without_translation_in_a_bilingual_call() -> None:
    t = load_transcript(DATA / "hpf-bulleted.txt")
    first = next(p for p in t.paragraphs if "$" in p.en)
    turns = tuple(
        turn.model_copy(
            update={
                "paragraphs": tuple(
                    p.model_copy(update={"zh": None}) if p.index == first.index else p
                    for p in turn.paragraphs
                )
            }
        )
        for turn in t.turns
    )
    figures = analyse(t.model_copy(update={"turns": turns})).figures
    checks = {f.check for f in figures if f.paragraph == first.index}
    assert checks == {Check.UNTRANSLATED}
    assert any(f.check is Check.MATCH for f in figures if f.paragraph != first.index)
