"""Figures, search, CSV and JSON on generated calls: any paragraph text goes through every
output; CSV reads back exactly; no cell can start a formula; no regular expression hangs.

Calls are built directly (not through a reader) so that the text is anything at all: long
numbers, full-width and Arabic-Indic digits, formula triggers, control characters, text
that makes a backtracking regular expression run away.
"""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from tests.fuzz import harness as h
from viewer.core.errors import ViewerError
from viewer.core.export import csv_bytes
from viewer.core.models import (
    CallMeta,
    Layout,
    Paragraph,
    Role,
    Section,
    Speaker,
    Transcript,
    Turn,
)

# Text pieces that reach the figure, search and CSV code's corner cases.
PIECES = st.sampled_from(
    [
        *h.PIECES,
        "revenue was $",
        "營收",
        "億美元",
        "million",
        "up 12% year-over-year",
        "Q3 2024",
        "a" * 36 + "x" * 36,
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!",
        "1,234.5",
        "-0.15",
        "1e9999",
        "٣٤٥",
        "１２３",
        "Ⅻ",
        "㈠",
    ]
)
NO_SURROGATES = st.characters(blacklist_categories=("Cs",))
paragraph_text = st.lists(
    st.one_of(
        PIECES, st.text(NO_SURROGATES, max_size=20), st.from_regex(r"\d{1,60}", fullmatch=True)
    ),
    min_size=1,
    max_size=12,
).map("".join)


@st.composite
def calls(draw: st.DrawFn) -> Transcript:
    speakers = (
        Speaker(id="operator", name="Operator", role=Role.OPERATOR),
        Speaker(id="ann-lee", name="Ann Lee", title="CFO", role=Role.COMPANY),
        Speaker(id="bo-li", name="Bo Li", title="Analyst", role=Role.ANALYST, firm="UBS"),
    )
    texts = draw(
        st.lists(st.tuples(paragraph_text, st.none() | paragraph_text), min_size=1, max_size=6)
    )
    turns = []
    for k, (en, zh) in enumerate(texts):  # one paragraph per turn: paragraph k is turn k
        para = Paragraph(index=k, en=en, zh=zh, line=2 * k + 1, zh_line=2 * k + 2)
        turns.append(
            Turn(
                index=k,
                speaker_id=speakers[k % 3].id,
                section=Section.QA if k else Section.PREPARED,
                line=2 * k + 1,
                paragraphs=(para,),
            )
        )
    meta = CallMeta(
        company=draw(st.none() | paragraph_text),
        ticker="ACME",
        fiscal_year=draw(st.none() | st.integers(1990, 2100)),
        quarter=draw(st.none() | st.integers(1, 4)),
        layout=Layout.BULLETED,
        encoding="utf-8",
    )
    return Transcript(meta=meta, speakers=speakers, turns=tuple(turns))


# Regular expressions: generated ones, and the shapes that backtrack exponentially.
RUNAWAY = ["(a+)+$", r"(\w+\s?)+$", r"(\w+)*!", r"^(\s*\w+)*$", "(a|aa)+$", "(.*a){12}"]
queries = st.lists(
    st.one_of(
        st.tuples(st.text(NO_SURROGATES, max_size=8), st.booleans()),
        st.tuples(st.sampled_from(RUNAWAY), st.just(True)),
        st.tuples(st.from_regex(r"[\\()\[\]a-z.*+?|^$\d{},]{1,12}", fullmatch=True), st.just(True)),
    ),
    max_size=4,
)


@given(call=calls(), qs=queries)
def test_any_call_goes_through_json_figures_search_and_csv(
    call: Transcript, qs: list[tuple[str, bool]]
) -> None:
    outcome = h.run_one_call(call, qs)
    assert outcome.kind == "parsed", f"{outcome.kind}: {outcome.detail}"


@given(
    rows=st.lists(
        st.lists(
            st.one_of(st.none(), st.booleans(), st.integers(), paragraph_text, st.text()),
            min_size=3,
            max_size=3,
        ),
        max_size=8,
    ),
    neutralise=st.booleans(),
)
def test_csv_round_trips_and_never_starts_a_formula(
    rows: list[list[object]], neutralise: bool
) -> None:
    header = ["a", "=b", "c"]
    data = csv_bytes(header, rows, neutralise=neutralise)
    if neutralise:
        h.check_csv(data, header, rows)
    else:
        h.check_csv_raw(data, header, rows)


@given(pattern=st.sampled_from(RUNAWAY), n=st.integers(20, 40))
def test_a_runaway_regex_is_stopped_or_answers(pattern: str, n: int) -> None:
    """``(a+)+$`` on 36 ``a`` then 36 ``x`` backtracks for hours in plain ``re``: the search
    must end by itself (a result or a ViewerError such as SearchTimeout)."""
    from viewer.core.search import SearchIndex, SearchOptions, find

    call = Transcript(
        meta=CallMeta(layout=Layout.BULLETED, encoding="utf-8"),
        speakers=(Speaker(id="ann", name="Ann", role=Role.COMPANY),),
        turns=(
            Turn(
                index=0,
                speaker_id="ann",
                section=Section.PREPARED,
                line=1,
                paragraphs=(
                    Paragraph(
                        index=0, en="a" * n + "x" * n + " " + "word " * n + "!", zh=None, line=1
                    ),
                ),
            ),
        ),
    )
    assert re.compile(pattern)  # a valid pattern: only time can stop it
    try:
        with h.time_limit(h.SEARCH_LIMIT):
            find(SearchIndex(call), SearchOptions(query=pattern, regex=True))
    except ViewerError:
        pass
    except h.Hang as exc:
        raise AssertionError(f"{pattern!r} ran {exc} without being stopped") from None
