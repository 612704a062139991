"""Issue 16 item 6: regular expressions fold the text, not the pattern's syntax, and a
runaway expression stops with a clear SearchTimeout within its budget."""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.core.test_search import make_transcript
from viewer.__main__ import main
from viewer.core.errors import ViewerError
from viewer.core.search import (
    SearchError,
    SearchIndex,
    SearchOptions,
    SearchTimeout,
    count,
    find,
    find_next,
    fold,
    fold_pattern,
    rank,
)
from viewer.core.search import query as search_query

RUNAWAY = r"(a|aa)+b"  # exponential on a run of "a" without "b", in re and in regex
RUNAWAY_TEXT = "a" * 60


def texts(index: SearchIndex, query: str, **kw: object) -> list[str]:
    options = SearchOptions(query=query, regex=True, **kw)  # type: ignore[arg-type]
    hits = find(index, options, budget=math.inf)
    assert count(index, options, budget=math.inf) == len(hits)
    return [(index.texts[h.lang][h.paragraph])[h.start : h.end] for h in hits]


def test_a_class_of_characters_that_fold_to_several_is_accepted_and_matches() -> None:
    index = SearchIndex(make_transcript(("items ㈠ and ㈢, not ㈣-less", "第㈡項")))
    assert texts(index, "[㈠-㈢]") == ["㈠", "㈢", "㈡"]


def test_a_quantifier_after_a_literal_that_folds_to_several_repeats_all_of_it() -> None:
    index = SearchIndex(make_transcript(("Gen Ⅻ, then ⅫⅫ twice", None)))
    assert texts(index, "Ⅻ{2}") == ["ⅫⅫ"]
    assert texts(index, r"\u216b{2}") == ["ⅫⅫ"]  # the same literal written as an escape


def test_an_ignorable_literal_before_a_quantifier_is_accepted() -> None:
    index = SearchIndex(make_transcript(("a\u200b\u200bb and ab", None)))
    assert texts(index, "a\u200b+b") == ["a\u200b\u200bb", "ab"]  # invisible in search
    assert texts(index, "\u200b+") == []
    assert texts(index, r"a\u200b+b") == ["a\u200b\u200bb", "ab"]


def test_syntax_is_never_folded() -> None:
    # a full-width bracket is a literal; a group name, flags and classes stay syntax
    index = SearchIndex(make_transcript(("營收（億美元）增加 and Revenue", "营收")))
    assert texts(index, "（億") == ["（億"]
    assert texts(index, "(?P<w>營)收") == ["營收", "营收"]
    assert texts(index, "(?i:REVENUE)") == ["Revenue"]
    assert texts(index, r"[\w]+收") == ["營收", "营收"]


def test_fold_pattern_folds_literals_like_the_text() -> None:
    assert fold_pattern("營收") == fold("營收") == "营收"
    assert fold_pattern("Ⅻ{2}") == "(?:xii){2}"
    assert fold_pattern(r"(?P<名>a)\d{1,3}") == r"(?P<名>a)\d{1,3}"


@given(st.text(alphabet="aAßẞ㈠Ⅻ營营Ｅe\u0301\u200bﾊﾞ- .1", max_size=12))
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_an_escaped_literal_regex_finds_what_the_plain_search_finds(query: str) -> None:
    text = "aAßẞ ㈠ Ⅻ 營营 Ｅ e\u0301 é ﾊﾞ バ a-a 1.1 " * 2
    index = SearchIndex(make_transcript((text, text)))
    for cs in (False, True):
        plain = find(index, SearchOptions(query=query, case_sensitive=cs))
        pattern = re.escape(query)
        as_regex = find(index, SearchOptions(query=pattern, regex=True, case_sensitive=cs))
        assert as_regex == [h for h in plain if h.start < h.end]


@pytest.mark.parametrize("call", ["find", "count", "find_next", "rank"])
def test_a_runaway_regex_stops_with_a_search_timeout(call: str) -> None:
    index = SearchIndex(make_transcript(("x " + RUNAWAY_TEXT, None)))
    options = SearchOptions(query=RUNAWAY, regex=True)
    with pytest.raises(SearchTimeout) as info:
        if call == "find":
            find(index, options, budget=0.05)
        elif call == "count":
            count(index, options, budget=0.05)
        elif call == "find_next":
            find_next(index, options, 0, budget=0.05)
        else:
            hit = find(index, SearchOptions(query="x"))[0]
            rank(index, options, hit, budget=0.05)
    assert isinstance(info.value, SearchError) and isinstance(info.value, ViewerError)
    assert "too slow" in str(info.value)


def test_the_default_budget_applies_without_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search_query, "DEFAULT_BUDGET", 0.05)
    index = SearchIndex(make_transcript((RUNAWAY_TEXT, None)))
    with pytest.raises(SearchTimeout):
        find(index, SearchOptions(query=RUNAWAY, regex=True))


def test_find_with_a_runaway_regex_prints_one_error_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.core.test_metrics import write_call

    call = write_call(tmp_path)
    text = call.read_text(encoding="utf-8").replace("Good day", RUNAWAY_TEXT + " Good day")
    call.write_text(text, encoding="utf-8")
    monkeypatch.setattr(search_query, "DEFAULT_BUDGET", 0.05)
    assert main(["--find", RUNAWAY, "--regex", str(call)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: the regular expression is too slow")


@given(st.text(alphabet="()[]{}|^$*+?.\\-:<>=!#,&~PpuNxd0123a㈠Ⅻ營\u200bß", max_size=14))
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_any_pattern_runs_or_raises_a_search_error(pattern: str) -> None:
    index = SearchIndex(make_transcript(("a㈠ Ⅻ 營收 ß a-b: 123 " * 3, "营收 ㈠")))
    options = SearchOptions(query=pattern, regex=True)
    try:
        hits = find(index, options, budget=0.5)
    except SearchError:
        return
    for h in hits:
        assert 0 <= h.start < h.end <= len(index.texts[h.lang][h.paragraph])


@pytest.mark.parametrize("pattern", ["[[a]", "[a&&b]", "[a||b]", "[a~~b]"])
def test_patterns_python_warns_about_still_run(pattern: str) -> None:
    index = SearchIndex(make_transcript(("a[b-&|~", None)))
    assert texts(index, pattern)
