"""Searching the library finds exactly what the find bar finds in each call (issue 15)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.core.library_util import CLNT, OTHERS, make_folder
from viewer.core.library import (
    Library,
    SearchFilters,
    export_results_csv,
    match_expression,
    search,
)
from viewer.core.models import Transcript
from viewer.core.search import Hit, SearchError, SearchIndex, SearchOptions, find
from viewer.core.transcript_io import load_transcript

FILES = [*CLNT, *OTHERS]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Library, dict[str, Transcript]]:
    root = tmp_path_factory.mktemp("lib")
    folder = make_folder(root, FILES)
    lib = Library(root / "lib.db")
    lib.add_folder(folder)
    assert lib.rescan().failed == []
    transcripts = {c.path: load_transcript(c.path) for c in lib.calls()}
    return lib, transcripts


def single_call(transcripts: dict[str, Transcript], options: SearchOptions) -> dict[str, list[Hit]]:
    out = {}
    for path, t in transcripts.items():
        hits = find(SearchIndex(t), options)
        if hits:
            out[path] = hits
    return out


def library_hits(lib: Library, options: SearchOptions) -> dict[str, list[Hit]]:
    res = search(lib, options)
    assert len(res.hits) == sum(len(h) for _, h in res.by_call())
    return {c.path: hits for c, hits in res.by_call()}


def texts(transcripts: dict[str, Transcript]) -> list[str]:
    out = []
    for t in transcripts.values():
        for p in t.paragraphs:
            out.append(p.en)
            if p.zh:
                out.append(p.zh)
    return out


TRICKY = "ßİıΣσςﬁ７４．１％\u200b\u0301é e\u0301ǅ㈱𝐀🚀營营收收毛利指引Q2q2 ,.-$%"


@st.composite
def queries(draw: st.DrawFn, corpus: list[str]) -> str:
    kind = draw(st.sampled_from(["slice", "slice", "slice", "tricky", "any"]))
    if kind == "slice":
        text = draw(st.sampled_from(corpus))
        i = draw(st.integers(0, max(0, len(text) - 1)))
        n = draw(st.integers(1, 12))
        q = text[i : i + n]
        if draw(st.booleans()):
            q = q.upper() if draw(st.booleans()) else q.swapcase()
        return q
    if kind == "tricky":
        return draw(st.text(alphabet=TRICKY, min_size=1, max_size=5))
    return draw(st.text(min_size=1, max_size=6))


def test_parity_property(built: tuple[Library, dict[str, Transcript]]) -> None:
    lib, transcripts = built
    corpus = texts(transcripts)

    @settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(
        q=queries(corpus),
        case=st.booleans(),
        word=st.booleans(),
        scope=st.sampled_from(["both", "en", "zh"]),
    )
    def check(q: str, case: bool, word: bool, scope: str) -> None:
        options = SearchOptions(query=q, case_sensitive=case, whole_word=word, scope=scope)  # type: ignore[arg-type]
        assert library_hits(lib, options) == single_call(transcripts, options)

    check()


@pytest.mark.parametrize(
    "pattern",
    [
        r"\d+(\.\d+)?%",
        r"^Thank",
        r"guid\w+",
        r"億美元[^。]*。$",
        r"(?i)EPS were",
        r"營.",
        r"\bend\b",
    ],
)
@pytest.mark.parametrize("case", [False, True])
def test_regex_parity(
    built: tuple[Library, dict[str, Transcript]], pattern: str, case: bool
) -> None:
    lib, transcripts = built
    options = SearchOptions(query=pattern, regex=True, case_sensitive=case)
    expected = single_call(transcripts, options)
    assert expected  # every pattern is found somewhere
    assert library_hits(lib, options) == expected


@pytest.mark.parametrize("query", ["營收", "营收", "毛利", "指引", "收", "季"])
def test_two_character_chinese_queries(
    built: tuple[Library, dict[str, Transcript]], query: str
) -> None:
    lib, transcripts = built
    table, _ = match_expression(SearchOptions(query=query)) or ("", "")
    assert table == "fts_chr"  # narrowed by the per-character index, not a full scan
    options = SearchOptions(query=query)
    expected = single_call(transcripts, options)
    assert sum(len(h) for h in expected.values()) >= 5
    assert library_hits(lib, options) == expected


def test_traditional_and_simplified_find_the_same(
    built: tuple[Library, dict[str, Transcript]],
) -> None:
    lib, _ = built
    assert (
        search(lib, SearchOptions(query="營收")).hits
        == search(lib, SearchOptions(query="营收")).hits
    )


def test_long_queries_use_trigrams(built: tuple[Library, dict[str, Transcript]]) -> None:
    narrow = match_expression(SearchOptions(query="Gross Margin"))
    assert narrow is not None and narrow[0] == "fts_tri" and '"gro"' in narrow[1]
    # a regular expression: narrowed by the literal every match holds, if it has one
    assert match_expression(SearchOptions(query="g.*", regex=True)) == ("fts_chr", "x67")
    assert match_expression(SearchOptions(query=r"\d+%?", regex=True)) is None
    assert match_expression(SearchOptions(query="  ")) is None  # two spaces: no character token


def test_invalid_regex_is_a_search_error(built: tuple[Library, dict[str, Transcript]]) -> None:
    with pytest.raises(SearchError):
        search(built[0], SearchOptions(query="(", regex=True))


def test_filters(built: tuple[Library, dict[str, Transcript]]) -> None:
    lib, transcripts = built
    q = SearchOptions(query="guidance")

    def calls(f: SearchFilters) -> list[str]:
        return [Path(c.path).name for c in search(lib, q, f).calls]

    assert calls(SearchFilters(period_from=(2024, 4), period_to=(2025, 1))) == [
        "CLNT-2024-Q4.txt",
        "CLNT-2025-Q1.txt",
    ]
    res = search(lib, q, SearchFilters(speakers=("okoro",)))
    for h in res.hits:
        call = next(c for c in res.calls if c.id == h.call_id)
        assert transcripts[call.path].speaker_of_paragraph(h.paragraph).name == "Ines Okoro"
    assert res.hits
    analysts = search(lib, SearchOptions(query="Thanks"), SearchFilters(roles=("analyst",)))
    assert analysts.hits and all(
        lib.paragraph(h.call_id, h.paragraph).role == "analyst"  # type: ignore[union-attr]
        for h in analysts.hits
    )
    qa = search(lib, SearchOptions(query="Priya"), SearchFilters(section="qa"))
    assert qa.hits and all(
        lib.paragraph(h.call_id, h.paragraph).section == "qa"  # type: ignore[union-attr]
        for h in qa.hits
    )
    zh = search(lib, SearchOptions(query="1.582", scope="zh"))
    assert zh.hits and {h.lang for h in zh.hits} == {"zh"}
    assert search(lib, q, SearchFilters(scripts=("Hans",))).hits == ()


def test_export_results_csv(built: tuple[Library, dict[str, Transcript]], tmp_path: Path) -> None:
    lib, transcripts = built
    res = search(lib, SearchOptions(query="above our guidance"))
    out = tmp_path / "hits.csv"
    export_results_csv(lib, res, out, bom=False)
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert rows[0] == [
        "Call",
        "Company",
        "Period",
        "Speaker",
        "Paragraph",
        "Hits",
        "English",
        "Chinese",
    ]
    ((call, hits),) = res.by_call()
    t = transcripts[call.path]
    p = t.paragraphs[hits[0].paragraph]
    assert rows[1:] == [
        [
            "CLNT-2024-Q3.txt",
            "CLNT",
            "Q3 2024",
            "Ines Okoro",
            str(hits[0].paragraph + 1),
            "1",
            p.en,
            p.zh,
        ]
    ]


def test_results_do_not_depend_on_the_fold_cache(
    built: tuple[Library, dict[str, Transcript]], monkeypatch: pytest.MonkeyPatch
) -> None:
    from viewer.core.library import fulltext

    lib, transcripts = built
    options = [SearchOptions(query=q) for q in ("營收", "guidance", "the", "毛利率")]
    expected = [single_call(transcripts, o) for o in options]

    # a cache smaller than the library: some folds are read from the file every time
    def empty() -> None:
        with fulltext._CACHE_LOCK:
            fulltext._CACHE.clear()
            fulltext._CACHE_CHARS = 0

    monkeypatch.setattr(fulltext, "_CACHE_LIMIT", 4000)
    empty()
    try:
        for _ in range(2):
            assert [library_hits(lib, o) for o in options] == expected
            assert 0 < fulltext._CACHE_CHARS <= 4000
    finally:
        empty()
