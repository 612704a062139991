"""A regular-expression search of the library is narrowed by the literals every match must
hold, and finds exactly what the unnarrowed scan (the single-call search of every call)
finds (issue 15)."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from tests.core.library_util import CLNT, OTHERS, make_folder
from viewer.core.library import Library, fulltext, match_expression, search
from viewer.core.library.regex_narrow import required_literals
from viewer.core.models import Transcript
from viewer.core.search import Hit, SearchError, SearchIndex, SearchOptions, find, fold
from viewer.core.search.query import compile_regex
from viewer.core.transcript_io import load_transcript

# Characters whose folds are not themselves, change length, compose, or differ by case.
TRICKY = "ßİıΣσςﬁ７４．１％\u200b\u0301\u030aé e\u0301ǅ㈱𝐀營营收收毛利指引Q2q2WwKkS ,.-$%ẘ"
ATOMS = [".", r"\d", r"\w", r"\s", "[a-z]", "[營营]", "[^。]", r"\b", "^", "$"]


@st.composite
def patterns(draw: st.DrawFn, text: str) -> str:
    """A regular expression built from pieces of ``text`` and of regex syntax."""
    parts: list[str] = []
    for _ in range(draw(st.integers(1, 5))):
        kind = draw(st.sampled_from(["slice", "slice", "atom", "group", "alt", "tricky"]))
        if kind == "slice" and text:
            i = draw(st.integers(0, len(text) - 1))
            piece = re.escape(text[i : i + draw(st.integers(1, 6))])
        elif kind == "tricky":
            piece = re.escape(draw(st.text(alphabet=TRICKY, min_size=1, max_size=3)))
        elif kind == "atom":
            piece = draw(st.sampled_from(ATOMS))
        elif kind == "group":
            inner = re.escape(draw(st.text(alphabet=TRICKY, min_size=1, max_size=3)))
            piece = draw(st.sampled_from(["(?:{})", "({})", "(?i:{})", "(?={})", "(?>{})"]))
            piece = piece.format(inner)
        else:
            a = re.escape(draw(st.text(alphabet=TRICKY, min_size=1, max_size=2)))
            b = re.escape(draw(st.text(alphabet=TRICKY, min_size=1, max_size=2)))
            piece = f"(?:{a}|{b})"
        quant = draw(st.sampled_from(["", "", "", "?", "*", "+", "{2}", "{1,3}", "+?"]))
        if quant and piece not in (r"\b", "^", "$"):
            piece = f"(?:{piece}){quant}"
        parts.append(piece)
    return "".join(parts)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), text=st.text(alphabet=TRICKY + "abc營收", max_size=30), case=st.booleans())
def test_every_match_holds_the_required_literals(
    data: st.DataObject, text: str, case: bool
) -> None:
    pattern = data.draw(patterns(text))
    options = SearchOptions(query=pattern, regex=True, case_sensitive=case)
    try:
        required = required_literals(options)
        compiled = compile_regex(pattern, case)
    except SearchError:
        assume(False)
        return
    haystack = fold(text, case)
    if any(m.end() > m.start() for m in compiled.finditer(haystack)):
        folded = fold(text)  # what the library's indexes and stored folds hold
        assert all(r in folded for r in required), (pattern, haystack, required)


@pytest.mark.parametrize(
    ("pattern", "case", "expected"),
    [
        (r"^Thank", False, ("thank",)),
        (r"^Thank", True, ("than",)),  # case-sensitive: a last letter may meet a mark
        (r"億美元[^。]*。$", False, ("亿美元", "。")),  # folded like the text
        (r"(a|b)c+d", False, ("c", "d")),
        (r"Straße", False, ("strasse",)),
        (r"x(?=abc)yz", False, ("x", "yz")),
        (r"(?i)iPhone", True, ("phon",)),  # "i" may be "İ", which folds to i + dot
        (r"\d+(\.\d+)?", False, ()),
        (r"Émile", False, ("mile",)),  # É has case beyond ASCII
    ],
)
def test_required_literals(pattern: str, case: bool, expected: tuple[str, ...]) -> None:
    options = SearchOptions(query=pattern, regex=True, case_sensitive=case)
    assert required_literals(options) == expected


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Library, dict[str, Transcript]]:
    root = tmp_path_factory.mktemp("libre")
    folder = make_folder(root, [*CLNT, *OTHERS])
    lib = Library(root / "lib.db")
    lib.add_folder(folder)
    assert lib.rescan().failed == []
    return lib, {c.path: load_transcript(c.path) for c in lib.calls()}


def full_scan(transcripts: dict[str, Transcript], options: SearchOptions) -> dict[str, list[Hit]]:
    """The unnarrowed search: every paragraph of every call."""
    out = {}
    for path, t in transcripts.items():
        hits = find(SearchIndex(t), options)
        if hits:
            out[path] = hits
    return out


def test_narrowed_equals_full_scan(built: tuple[Library, dict[str, Transcript]]) -> None:
    lib, transcripts = built
    corpus = " ".join(p.en + (p.zh or "") for t in transcripts.values() for p in t.paragraphs[:40])

    @settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(
        data=st.data(),
        case=st.booleans(),
        word=st.booleans(),
        scope=st.sampled_from(["both", "en", "zh"]),
    )
    def check(data: st.DataObject, case: bool, word: bool, scope: str) -> None:
        start = data.draw(st.integers(0, len(corpus) - 40))
        pattern = data.draw(patterns(corpus[start : start + 40]))
        options = SearchOptions(
            query=pattern,
            regex=True,
            case_sensitive=case,
            whole_word=word,
            scope=scope,  # type: ignore[arg-type]
        )
        try:
            res = search(lib, options)
        except SearchError:
            with pytest.raises(SearchError):
                full_scan(transcripts, options)
            return
        assert {c.path: res.hits_of(c.id) for c in res.calls} == full_scan(transcripts, options)

    check()


@pytest.mark.parametrize("case", [False, True])
def test_regex_search_scans_only_candidate_paragraphs(
    built: tuple[Library, dict[str, Transcript]], monkeypatch: pytest.MonkeyPatch, case: bool
) -> None:
    lib, transcripts = built
    scanned: list[int] = []
    real = fulltext.paragraphs_holding

    def spy(f, required, ok):  # type: ignore[no-untyped-def]
        found = real(f, required, ok)
        scanned[-1] += len(found)
        return found

    monkeypatch.setattr(fulltext, "paragraphs_holding", spy)
    total = sum(len(t.paragraphs) for t in transcripts.values())  # per language
    for pattern in (r"guid\w+ range", r"營收.{0,6}億", r"EPS were \$0\.\d+"):
        options = SearchOptions(query=pattern, regex=True, case_sensitive=case)
        assert match_expression(options) is not None
        scanned.append(0)
        res = search(lib, options)
        assert {c.path: res.hits_of(c.id) for c in res.calls} == full_scan(transcripts, options)
        assert res.count > 0
        # only paragraphs holding the literals reach the regular expression
        assert 0 < scanned[-1] < total / 5
    # no literal at all: (nearly) every paragraph is scanned (those with text), and found
    scanned.append(0)
    res = search(lib, SearchOptions(query=r"\d+\.\d", regex=True, case_sensitive=case))
    assert scanned[-1] > total * 0.9
    assert res.count > 0


def test_regex_budget_is_passed_on(built: tuple[Library, dict[str, Transcript]]) -> None:
    from viewer.core.search import SearchTimeout

    lib, _ = built
    options = SearchOptions(query=r"guid\w+", regex=True)
    assert search(lib, options).count > 0  # the default budget is ample
    with pytest.raises(SearchTimeout):  # no time at all: the candidates' scan stops
        search(lib, options, budget=0.0)
