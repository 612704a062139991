"""Issue 16 item 3: the figures, pairing and speaker passes do linear work. The tests count the
work (characters scanned, checks made, texts visited) instead of timing it; the timings are
in ``make bench`` (bench/bench_scaling.py)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any, overload

import pytest

from bench.shapes import company_speakers, figures_paragraph, slug_alike_speakers
from viewer.core import crosscheck
from viewer.core.crosscheck import pair_figures
from viewer.core.figures import CallContext, extract_en, extract_zh, lexicon, pipeline
from viewer.core.metrics_models import Check, FigureSide, Nature
from viewer.core.models import Role
from viewer.core.speakers import IdAllocator, SpeakerInfo, find_short_name_aliases_all
from viewer.core.transcript_io import load_transcript


class _Counted:
    """A compiled pattern that adds up how many characters its searches may scan."""

    def __init__(self, pattern: re.Pattern[str], tally: list[int]) -> None:
        self.pattern = pattern
        self.tally = tally

    def _span(self, text: str, pos: int = 0, endpos: int | None = None) -> None:
        self.tally[0] += (len(text) if endpos is None else min(endpos, len(text))) - pos

    def search(self, text: str, *args: int) -> re.Match[str] | None:
        self._span(text, *args)
        return self.pattern.search(text, *args)

    def match(self, text: str, *args: int) -> re.Match[str] | None:
        self._span(text, *args)
        return self.pattern.match(text, *args)

    def finditer(self, text: str, *args: int) -> Iterator[re.Match[str]]:
        self._span(text, *args)
        return self.pattern.finditer(text, *args)


def _counting(lang: lexicon.Lang, tally: list[int]) -> lexicon.Lang:
    fields = {
        f.name: _Counted(getattr(lang, f.name), tally)
        for f in dataclasses.fields(lang)
        if isinstance(getattr(lang, f.name), re.Pattern)
    }
    return dataclasses.replace(lang, **fields)  # type: ignore[arg-type]


@pytest.mark.parametrize("size", [20_000, 100_000])
def test_one_sentence_of_thousands_of_figures_is_scanned_a_bounded_number_of_times(
    size: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = figures_paragraph(size)
    en = next(line for line in text.splitlines() if line.startswith("  \u2022 In Q2"))[4:]
    zh = next(line for line in text.splitlines() if line.startswith("    2031"))[4:]
    tally = [0]
    monkeypatch.setattr(pipeline, "EN", _counting(lexicon.EN, tally))
    monkeypatch.setattr(pipeline, "ZH", _counting(lexicon.ZH, tally))
    ctx = CallContext(2031, 2)
    figures = extract_en(en, ctx), extract_zh(zh, ctx)
    assert len(figures[0]) > size // 80 and len(figures[1]) > size // 80
    # Rescanning the sentence once per figure (as before) scans ~figures x length.
    assert tally[0] < 40 * (len(en) + len(zh))


def _side(value: int, unit: str = "USD") -> FigureSide:
    return FigureSide(
        text="x",
        start=0,
        end=1,
        kind="money",
        unit=unit,
        value=Decimal(value),
        quantum=Decimal("0.1"),
        metric="revenue",
        nature=Nature.REPORTED,
    )


@pytest.mark.parametrize("n", [300, 5000])
def test_pairing_thousands_of_figures_makes_no_pairwise_checks(
    n: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = [0]
    real = crosscheck.values_match

    def counted(a: FigureSide, b: FigureSide) -> bool:
        calls[0] += 1
        return real(a, b)

    monkeypatch.setattr(crosscheck, "values_match", counted)
    same = [_side(5)] * n  # every pair matches: the first free one must be found fast
    en = same + [_side(7 + i) for i in range(n)]  # and these match nothing
    zh = same + [_side(-7 - i) for i in range(n)]
    pairs = pair_figures(en, zh)
    assert [c for _, _, c in pairs].count(Check.MATCH) == n
    assert [c for _, _, c in pairs].count(Check.MISMATCH) == n
    # the nearest free Chinese figure, in order
    assert [p[1] for p in pairs[n:]] == zh[n:]
    assert calls[0] == 0


class _CountingTexts(Sequence[str]):
    def __init__(self, texts: list[str]) -> None:
        self.texts = texts
        self.visits = 0

    def __len__(self) -> int:
        return len(self.texts)

    @overload
    def __getitem__(self, i: int) -> str: ...
    @overload
    def __getitem__(self, i: slice) -> Sequence[str]: ...
    def __getitem__(self, i: Any) -> Any:
        return self.texts[i]

    def __iter__(self) -> Iterator[str]:
        for t in self.texts:
            self.visits += 1
            yield t


def test_short_name_aliases_of_many_speakers_visit_each_text_once() -> None:
    n = 5000
    speakers = [SpeakerInfo(f"s{i}", f"Michael Tate{i}", None, Role.COMPANY) for i in range(n)]
    texts = _CountingTexts([f"Thanks, Mike Tate{i}. Over to Tate{i}." for i in range(n)])
    find_short_name_aliases_all(speakers, texts)
    assert texts.visits == n
    assert all(sp.aliases == [f"Mike Tate{i}"] for i, sp in enumerate(speakers))


def test_ids_of_names_that_slug_alike_check_each_candidate_once() -> None:
    class CountingSet(set[str]):
        checks = 0

        def __contains__(self, key: object) -> bool:
            CountingSet.checks += 1
            return super().__contains__(key)

    ids = IdAllocator()
    ids.taken = CountingSet()
    got = [ids.take("ab-lee") for _ in range(20_000)]
    assert got[:3] == ["ab-lee", "ab-lee-2", "ab-lee-3"] and len(set(got)) == len(got)
    assert CountingSet.checks < 3 * len(got)
    assert ids.take("ab-lee-5") == "ab-lee-5-2"  # a real name that looks like a suffix
    assert ids.take("ab-lee-20001") == "ab-lee-20001"
    assert ids.take("ab-lee") == "ab-lee-20002"  # the first free one, as before


def test_loaded_calls_with_many_speakers(tmp_path: Path) -> None:
    alike = tmp_path / "alike.txt"
    alike.write_text(slug_alike_speakers(150_000), encoding="utf-8")
    t = load_transcript(alike)
    ids = [s.id for s in t.speakers]
    assert len(ids) > 1000 and ids[:2] == ["ab-lee", "ab-lee-2"] and len(set(ids)) == len(ids)
    company = tmp_path / "company.txt"
    company.write_text(company_speakers(150_000), encoding="utf-8")
    t = load_transcript(company)
    assert len(t.speakers) > 500
    assert all(s.aliases == ("Ann " + s.name.split()[-1],) for s in t.speakers)
