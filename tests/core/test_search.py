"""The search engine: folding, options, regex errors, offsets into the original text."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from opencc import OpenCC
from pydantic import ValidationError

from viewer.core.errors import ViewerError
from viewer.core.models import CallMeta, Layout, Paragraph, Role, Section, Speaker, Transcript, Turn
from viewer.core.search import (
    Hit,
    SearchCancelled,
    SearchError,
    SearchIndex,
    SearchOptions,
    check,
    count,
    find,
    find_next,
    fold,
    hit_context,
    rank,
)
from viewer.core.transcript_io import load_transcript

QRL = Path(__file__).resolve().parents[1] / "data" / "search" / "QRL-2025-Q1.txt"


def make_transcript(*pairs: tuple[str, str | None]) -> Transcript:
    paragraphs = tuple(
        Paragraph(index=i, en=en, zh=zh, line=2 * i + 1) for i, (en, zh) in enumerate(pairs)
    )
    return Transcript(
        meta=CallMeta(layout=Layout.BULLETED, encoding="utf-8"),
        speakers=(Speaker(id="s", name="Sam Poe", role=Role.COMPANY),),
        turns=(
            Turn(index=0, speaker_id="s", section=Section.PREPARED, line=1, paragraphs=paragraphs),
        ),
    )


def search(index: SearchIndex, query: str, **kw: object) -> list[Hit]:
    options = SearchOptions(query=query, **kw)  # type: ignore[arg-type]
    hits = find(index, options)
    assert count(index, options) == len(hits)
    return hits


@pytest.fixture(scope="module")
def qrl() -> Transcript:
    return load_transcript(QRL)


@pytest.fixture(scope="module")
def qrl_index(qrl: Transcript) -> SearchIndex:
    return SearchIndex(qrl)


def text_of(t: Transcript, hit: Hit) -> str:
    p = t.paragraphs[hit.paragraph]
    return (p.en if hit.lang == "en" else p.zh or "")[hit.start : hit.end]


# --- folding -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("７４．１％", "74.1%"),  # full-width digits and punctuation
        ("，（）：", ",():"),
        ("Revenue", "REVENUE"),
        ("Straße", "STRASSE"),
        ("營收", "营收"),  # Traditional and Simplified
        ("臺灣後續", "台湾后续"),
        ("mar\u200bgin", "margin"),  # zero-width space
        ("a\u200c\u200d\u2060\ufeffb", "ab"),  # ZWNJ, ZWJ, word joiner, BOM
        ("\u2067Dubai\u2069\u200e", "dubai"),  # bidi isolates and marks
        ("ﬁnance", "finance"),
        ("\U0001d400\U0001d401", "ab"),  # mathematical bold, outside the BMP
        ("cafe\u0301", "café"),  # combining accent composes like the precomposed letter
    ],
)
def test_fold_equates(a: str, b: str) -> None:
    assert fold(a) == fold(b)


def test_fold_keeps_distinct_things_distinct() -> None:
    assert fold("營收") != fold("營業")
    assert fold("74.1%") != fold("741%")
    assert fold("Revenue", case_sensitive=True) != fold("revenue", case_sensitive=True)


def test_case_sensitive_fold_still_folds_width_and_script() -> None:
    assert fold("ＡＩ營收", case_sensitive=True) == fold("AI营收", case_sensitive=True)
    assert fold("ＡＩ", case_sensitive=True) != fold("ai", case_sensitive=True)


@pytest.mark.parametrize("word", ["營收", "臺灣", "後續", "財務報表", "會議", "積壓訂單"])
def test_han_fold_agrees_with_opencc(word: str) -> None:
    assert fold(word) == OpenCC("t2s").convert(word)


# --- options on a real-layout fixture -------------------------------------------------------


def test_plain_search_finds_both_languages_in_document_order(
    qrl: Transcript, qrl_index: SearchIndex
) -> None:
    hits = search(qrl_index, "Theta")
    assert [(h.paragraph, h.lang) for h in hits] == [(2, "en"), (2, "zh")]
    assert all(text_of(qrl, h) == "Theta" for h in hits)
    hits = search(qrl_index, "the")
    assert hits == sorted(hits)
    assert len(hits) > 5


def test_full_width_query_and_text(qrl: Transcript, qrl_index: SearchIndex) -> None:
    hits = search(qrl_index, "74.1%")
    assert {(h.paragraph, h.lang) for h in hits} == {(1, "en"), (1, "zh")}
    zh = next(h for h in hits if h.lang == "zh")
    assert text_of(qrl, zh) == "７４．１％"
    assert search(qrl_index, "７４．１％") == hits


def test_traditional_and_simplified_both_ways(qrl: Transcript, qrl_index: SearchIndex) -> None:
    trad = search(qrl_index, "營收", scope="zh")
    simp = search(qrl_index, "营收", scope="zh")
    assert trad == simp
    assert {text_of(qrl, h) for h in trad} == {"營收", "营收"}  # the fixture has both scripts
    # Simplified in the text, Traditional in the query.
    assert [text_of(qrl, h) for h in search(qrl_index, "穩定")] == ["稳定"]


def test_zero_width_inside_the_text(qrl: Transcript, qrl_index: SearchIndex) -> None:
    (hit,) = search(qrl_index, "margin")
    assert text_of(qrl, hit) == "mar\u200bgin"
    (hit,) = search(qrl_index, "营收稳定")
    assert text_of(qrl, hit) == "营收\u200d稳定"


def test_case_sensitive(qrl_index: SearchIndex) -> None:
    assert len(search(qrl_index, "THE", case_sensitive=True)) == 1
    assert len(search(qrl_index, "THE")) == len(search(qrl_index, "the"))
    assert len(search(qrl_index, "the", case_sensitive=True)) < len(search(qrl_index, "the"))


def test_whole_word_on_latin_text(qrl: Transcript, qrl_index: SearchIndex) -> None:
    loose = search(qrl_index, "the")
    whole = search(qrl_index, "the", whole_word=True)
    assert set(whole) < set(loose)
    words = {text_of(qrl, h) for h in whole}
    assert words == {"the", "THE"}
    p2 = qrl.paragraphs[2].en
    # "Theta" and "theater" are not the word "the".
    assert p2.index("Theta") not in {h.start for h in whole if h.paragraph == 2}
    assert p2.index("theater") not in {h.start for h in whole if h.paragraph == 2}


def test_whole_word_never_applies_to_han(qrl: Transcript, qrl_index: SearchIndex) -> None:
    # "AI" glued to Han characters is still a whole word: Han has no word boundaries.
    (hit,) = search(qrl_index, "AI", whole_word=True, scope="zh")
    assert text_of(qrl, hit) == "AI"
    # A Han query inside a run of Han text matches with whole word on.
    assert search(qrl_index, "營收", whole_word=True) == search(qrl_index, "營收")
    assert search(qrl_index, "收成", whole_word=True) != []


def test_scope(qrl_index: SearchIndex) -> None:
    both = search(qrl_index, "Quill River")
    en = search(qrl_index, "Quill River", scope="en")
    zh = search(qrl_index, "Quill River", scope="zh")
    assert {h.lang for h in en} == {"en"} and {h.lang for h in zh} == {"zh"}
    assert sorted(en + zh) == both


def test_paragraph_restriction(qrl_index: SearchIndex) -> None:
    everywhere = search(qrl_index, "the")
    only = search(qrl_index, "the", paragraphs=frozenset({2, 4, 99, -1}))
    assert only == [h for h in everywhere if h.paragraph in {2, 4}]
    assert search(qrl_index, "the", paragraphs=frozenset()) == []


def test_empty_and_invisible_queries_find_nothing(qrl_index: SearchIndex) -> None:
    assert search(qrl_index, "") == []
    assert search(qrl_index, "\u200b\u200d") == []


def test_options_validate_and_are_frozen() -> None:
    with pytest.raises(ValidationError):
        SearchOptions(query="x", scope="fr")  # type: ignore[arg-type]
    options = SearchOptions(query="x")
    with pytest.raises(ValidationError):
        options.query = "y"  # type: ignore[misc]


# --- offsets into the original text ---------------------------------------------------------


def test_offsets_are_code_points_after_emoji_and_non_bmp() -> None:
    en = "Launch \U0001f680\U0001f680 went well, \U0001d400\U0001d401 too."
    zh = "發射 \U0001f680 很順利，感謝團隊。"
    index = SearchIndex(make_transcript(("x", None), (en, zh)))
    (hit,) = search(index, "went")
    assert (hit.start, hit.end) == (en.index("went"), en.index("went") + 4)
    (hit,) = search(index, "感謝")
    assert (hit.paragraph, hit.lang, hit.start) == (1, "zh", zh.index("感謝"))
    (hit,) = search(index, "AB")  # math bold letters fold to ASCII
    assert en[hit.start : hit.end] == "\U0001d400\U0001d401"


def test_offsets_with_length_changing_folds() -> None:
    en = "The ﬁnancial ㈱ partner, Straße 9, cafe\u0301 ok."
    t = make_transcript((en, None))
    index = SearchIndex(t)
    cases = {
        "financial": "ﬁnancial",
        "(株)": "㈱",
        "strasse": "Straße",
        "café": "cafe\u0301",
        "partner, strasse": "partner, Straße",
        "ok": "ok",
    }
    for query, original in cases.items():
        (hit,) = search(index, query)
        assert en[hit.start : hit.end] == original, query
    # A hit inside one ligature highlights the whole ligature.
    first = search(index, "i")[0]
    assert en[first.start : first.end] == "ﬁ"


def test_none_translation_is_searchable_as_empty() -> None:
    index = SearchIndex(make_transcript(("alpha", None)))
    assert search(index, "alpha", scope="zh") == []
    assert [h.lang for h in search(index, "alpha")] == ["en"]


# --- regular expressions ---------------------------------------------------------------------


def test_regex_basic_and_case(qrl: Transcript, qrl_index: SearchIndex) -> None:
    hits = search(qrl_index, r"\d+(\.\d+)?%", regex=True, scope="en")
    assert {text_of(qrl, h) for h in hits} == {"74.1%", "41%"}
    assert len(search(qrl_index, "REVENUE|BACKLOG", regex=True)) == 2
    assert len(search(qrl_index, "REVENUE|BACKLOG", regex=True, case_sensitive=True)) == 0
    assert len(search(qrl_index, "Revenue|backlog", regex=True, case_sensitive=True)) == 2


def test_regex_folds_its_non_ascii_literals(qrl: Transcript, qrl_index: SearchIndex) -> None:
    # Full-width punctuation in a pattern stays literal: "．" is a dot, not "any character".
    hits = search(qrl_index, "７４．１％", regex=True)
    assert {text_of(qrl, h) for h in hits} == {"74.1%", "７４．１％"}
    assert search(qrl_index, "７４．２％", regex=True) == []
    assert search(qrl_index, "营收|積壓", regex=True) == search(qrl_index, "營收|积压", regex=True)
    assert search(qrl_index, r"\營收", regex=True) == search(qrl_index, "營收")


def test_regex_anchors_are_per_paragraph(qrl: Transcript, qrl_index: SearchIndex) -> None:
    starts = search(qrl_index, "^", regex=True)  # empty matches are skipped
    assert starts == []
    hits = search(qrl_index, r"^\w+", regex=True, scope="en")
    assert [h.start for h in hits] == [0] * len(qrl.paragraphs)
    ends = search(qrl_index, r"\w+\.$", regex=True, scope="en")
    assert [h.paragraph for h in ends] == [0, 1, 2, 3, 5]
    assert all(h.end == len(qrl.paragraphs[h.paragraph].en) for h in ends)


def test_regex_whole_word(qrl: Transcript, qrl_index: SearchIndex) -> None:
    hits = search(qrl_index, "the[a-z]*", regex=True, whole_word=True, scope="en")
    assert {text_of(qrl, h).lower() for h in hits} == {"the", "theta", "theater"}
    assert search(qrl_index, "he", regex=True, whole_word=True) == []


@pytest.mark.parametrize("pattern", ["(", "[a-", "a{2,1}", "*x", "(?P<n>a)(?P<n>b)", r"\q"])
def test_invalid_regex_is_a_short_viewer_error(qrl_index: SearchIndex, pattern: str) -> None:
    options = SearchOptions(query=pattern, regex=True)
    with pytest.raises(SearchError) as info:
        find(qrl_index, options)
    assert isinstance(info.value, ViewerError)
    message = str(info.value)
    assert message.startswith("invalid regular expression: ")
    assert "\n" not in message and "Traceback" not in message
    with pytest.raises(SearchError):
        count(qrl_index, options)


def test_plain_mode_takes_regex_characters_literally(qrl_index: SearchIndex) -> None:
    assert search(qrl_index, "(") != []  # "(Operator Instructions)"
    assert search(qrl_index, "$12.5") != []


# --- navigation: n of N, next and previous with wrap ----------------------------------------


def test_rank_and_find_next_walk_every_hit(qrl_index: SearchIndex) -> None:
    for kw in ({}, {"whole_word": True}, {"regex": True}, {"scope": "en"}):
        options = SearchOptions(query="the", **kw)  # type: ignore[arg-type]
        hits = find(qrl_index, options)
        assert [rank(qrl_index, options, h) for h in hits] == list(range(len(hits)))
        seen = []
        step = find_next(qrl_index, options, 0)
        assert step is not None
        for _ in hits:
            assert step is not None
            hit, wrapped = step
            assert not wrapped
            seen.append(hit)
            step = find_next(qrl_index, options, hit.paragraph, hit.lang, hit.start)
        assert seen == hits
        assert step == (hits[0], True)  # wrapped around to the first hit
        back = find_next(qrl_index, options, hits[0].paragraph, hits[0].lang, hits[0].start, True)
        assert back == (hits[-1], True)
        back = find_next(qrl_index, options, hits[2].paragraph, hits[2].lang, hits[2].start, True)
        assert back == (hits[1], False)


def test_find_next_with_restriction_and_no_hits(qrl_index: SearchIndex) -> None:
    options = SearchOptions(query="the", paragraphs=frozenset({4}))
    step = find_next(qrl_index, options, 0)
    assert step is not None and step[0].paragraph == 4 and not step[1]
    assert find_next(qrl_index, SearchOptions(query="zzzz"), 0) is None


def test_cancel_stops_a_search(qrl_index: SearchIndex) -> None:
    with pytest.raises(SearchCancelled):
        find(qrl_index, SearchOptions(query="the", regex=True), cancel=lambda: True)
    with pytest.raises(SearchCancelled):
        count(qrl_index, SearchOptions(query="the", regex=True), cancel=lambda: True)


def test_check_reports_bad_regex_before_searching() -> None:
    check(SearchOptions(query="(", regex=False))
    check(SearchOptions(query="a+", regex=True))
    with pytest.raises(SearchError, match="position 0"):
        check(SearchOptions(query="(", regex=True))


def test_hit_context(qrl: Transcript, qrl_index: SearchIndex) -> None:
    (hit,) = search(qrl_index, "backlog")
    ctx = hit_context(qrl, hit, width=20)
    assert ctx.speaker == "Dana Whitfield"
    assert ctx.match == "backlog"
    assert ctx.before.startswith("…") and ctx.before.endswith("THE ")
    assert ctx.after == " is at a record."  # the paragraph's end: no ellipsis
    (hit,) = search(qrl_index, "platform")
    ctx = hit_context(qrl, hit, width=12)
    assert ctx.before == "Our AI " and ctx.after.endswith("…") and len(ctx.after) <= 13
    zh = next(h for h in search(qrl_index, "感謝") if h.lang == "zh")
    ctx = hit_context(qrl, zh, width=100)
    text = qrl.paragraphs[zh.paragraph].zh
    assert ctx.before + ctx.match + ctx.after == text
    t = make_transcript(("tab\there and\x0bthere", None))
    (hit,) = search(SearchIndex(t), "here and")
    assert hit_context(t, hit).match == "here and" and "\t" not in hit_context(t, hit).before


# --- properties ---------------------------------------------------------------------------------

ALPHABET = "aAbB ﬁ㈱ßİ\u200b\u200d\u0301é營营收７.%\U0001f680\U0001d400İ\u202e"


@settings(max_examples=150, deadline=None)
@given(
    text=st.text(alphabet=ALPHABET, max_size=24),
    query=st.text(alphabet=ALPHABET, min_size=1, max_size=4),
    case_sensitive=st.booleans(),
)
def test_every_hit_covers_the_query(text: str, query: str, case_sensitive: bool) -> None:
    index = SearchIndex(make_transcript((text, text)))
    options = SearchOptions(query=query, case_sensitive=case_sensitive)
    hits = find(index, options)
    assert count(index, options) == len(hits)
    key = fold(query, case_sensitive)
    for h in hits:
        assert 0 <= h.start < h.end <= len(text)
        assert key in fold(text[h.start : h.end], case_sensitive)
    assert hits == sorted(hits)


@settings(max_examples=150, deadline=None)
@given(text=st.text(alphabet=ALPHABET, min_size=1, max_size=24), data=st.data())
def test_any_slice_of_the_text_is_found(text: str, data: st.DataObject) -> None:
    # Slices that start and end on cluster boundaries (not before a combining accent).
    cuts = [i for i in range(len(text) + 1) if i == len(text) or text[i] != "\u0301"]
    a = data.draw(st.sampled_from(cuts))
    b = data.draw(st.sampled_from([c for c in cuts if c > a] or [a]))
    query = text[a:b]
    if not fold(query):
        return
    index = SearchIndex(make_transcript((text, None)))
    assert find(index, SearchOptions(query=query)) != []


def test_index_building_polls_cancel_and_stops(qrl: Transcript) -> None:
    polls: list[int] = []
    index = SearchIndex(qrl, cancel=lambda: bool(polls.append(1)))
    assert polls  # polled while building
    assert search(index, "營收") == search(SearchIndex(qrl), "營收")
    with pytest.raises(SearchCancelled):
        SearchIndex(qrl, cancel=lambda: True)
