"""Hypothesis properties: nothing but a Transcript or our own error; generated calls round-trip."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from viewer.core.errors import TranscriptError
from viewer.core.formats import parse_text
from viewer.core.loading import decode
from viewer.core.models import Layout, Transcript

SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# Drawing a whole call costs far more than parsing it (hypothesis' generation: 2/3 of the time):
# the generated-call round trips run fewer examples; tests/fuzz and `make fuzz` carry the volume.
CALL_SETTINGS = settings(SETTINGS, max_examples=40)

# Pieces that steer random text towards the parser's interesting paths.
FRAGMENTS = [
    "  • ",
    "    ",
    "\t",
    "\u00a0",
    "‧ ",
    "● ",
    "Operator",
    "Operator\n",
    " - ",
    "Ann Lee - Analyst",
    "Ann Lee - CEO\n",
    "(Operator Instructions) Ann Lee, Citi.",
    "Our next question comes from Bo Li with UBS.",
    "Acme Inc (ACME) 2024 Q1 法說會逐字稿\n",
    "內容摘要\n",
    "完整原文\n",
    "使用警語:僅供參考\n",
    "營收為 1.411 億美元。",
    "謝謝。",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\ufeff",
    "\u2028",
    "\x85",
    "\x00",
]

texty = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), max_size=40).map(
    "".join
)


@SETTINGS
@given(st.one_of(st.text(), texty))
def test_any_text_parses_or_raises_our_error(text: str) -> None:
    try:
        t = parse_text(text)
    except TranscriptError as exc:
        assert exc.reason
        return
    assert isinstance(t, Transcript)
    assert [p.index for p in t.paragraphs] == list(range(len(t.paragraphs)))
    ids = {s.id for s in t.speakers}
    assert all(u.speaker_id in ids for u in t.turns)


ENCODINGS = ["utf-8", "utf-16-le", "utf-16-be", "cp950", "gb18030", "cp1252"]
BOMS = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}


@SETTINGS
@given(
    st.one_of(
        st.binary(max_size=300),
        st.tuples(texty, st.sampled_from(ENCODINGS)).map(
            lambda te: BOMS.get(te[1], b"") + te[0].encode(te[1], errors="replace")
        ),
    ),
    st.booleans(),
)
def test_any_bytes_decode_and_parse_or_raise_our_error(data: bytes, replace: bool) -> None:
    try:
        decoded = decode(data, "call.txt", replace_errors=replace)
        t = parse_text(decoded.text, "call.txt", decoded.encoding, decoded.newline)
    except TranscriptError as exc:
        assert exc.path == "call.txt" and exc.reason
        return
    assert "\r" not in decoded.text and not decoded.text.startswith("\ufeff")
    assert isinstance(t, Transcript)


# -- round trip -------------------------------------------------------------------------------

TITLES = [
    "Chief Executive Officer",
    "President, Chief Operating Officer, Director",
    "Investor Relations",
    "Analyst",
    "CFO",
]
first = st.from_regex(r"[A-Z][a-z]{1,8}", fullmatch=True)
last = st.one_of(first, st.from_regex(r"O'[A-Z][a-z]{2,6}", fullmatch=True))
name = st.tuples(first, last).map(" ".join).filter(lambda n: "Operator" not in n)
word = st.text(
    alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789$%.,;:'()&<>/-–?!\u2028",
    min_size=1,
    max_size=10,
)
english = st.tuples(
    st.from_regex(r"[A-Z]", fullmatch=True), st.lists(word, min_size=1, max_size=12)
).map(lambda t: t[0] + " ".join(t[1]) + ".")
han = st.text(
    alphabet="營收為億萬美元我們預計第季度成長謝‧。、,()%0123456789", min_size=1, max_size=30
)
# A translation ends like a sentence, as its English does (a file that stops right after
# one with no stop reads as cut short: viewer/core/formats/cutend.py).
chinese = st.tuples(han, st.sampled_from("謝營收億我")).map(lambda t: t[1] + t[0] + "。")


@dataclass
class Call:
    speakers: list[tuple[str, str | None]]  # name, title (None for the operator)
    turns: list[tuple[int, list[tuple[str, str]]]]  # speaker number, (en, zh) pairs
    title: str | None
    summary: list[str]

    def header(self, k: int) -> str:
        n, t = self.speakers[k]
        return n if t is None else f"{n} - {t}"

    def bulleted(self) -> str:
        out = []
        if self.title:
            out += [self.title, ""]
        if self.summary:
            out += ["內容摘要", "", *(x for s in self.summary for x in (s, "")), "完整原文", ""]
        if self.title or self.summary:
            out += ["使用警語:中文譯文來源為 Google 翻譯,僅供參考", ""]
        for k, pairs in self.turns:
            for en, zh in [(self.header(k), self.header(k)), *pairs]:
                out += [f"  • {en}", "", f"    {zh}", ""]
        return "\n".join(out)

    def bare(self) -> str:
        out = []
        if self.title:
            out += [self.title]
        if self.summary:
            out += ["內容摘要", *self.summary, "完整原文"]
        if self.title or self.summary:
            out += ["使用警語:中文譯文來源為 Google 翻譯,僅供參考"]
        for k, pairs in self.turns:
            out += [self.header(k), self.header(k)]
            for en, zh in pairs:
                out += [en, zh]
        return "\n".join(out)


@st.composite
def calls(draw: st.DrawFn) -> Call:
    names = draw(st.lists(name, min_size=1, max_size=5, unique_by=str.casefold))
    speakers: list[tuple[str, str | None]] = [("Operator", None)]
    speakers += [(n, draw(st.sampled_from(TITLES))) for n in names]
    turns = draw(
        st.lists(
            st.tuples(
                st.integers(0, len(speakers) - 1),
                st.lists(st.tuples(english, chinese), min_size=1, max_size=3),
            ),
            min_size=1,
            max_size=8,
        )
    )
    title = draw(
        st.one_of(
            st.none(),
            st.builds(
                "{} Inc ({}) {} Q{} 法說會逐字稿".format,
                first,
                st.from_regex(r"[A-Z]{2,5}", fullmatch=True),
                st.integers(1990, 2039),
                st.integers(1, 4),
            ),
        )
    )
    summary = draw(st.lists(chinese, max_size=2))
    return Call(speakers, turns, title, summary)


def _check(t: Transcript, call: Call, layout: Layout) -> None:
    assert t.meta.layout is layout
    assert t.meta.title == call.title
    assert list(t.summary) == call.summary
    assert [(call.speakers[k][0], pairs) for k, pairs in call.turns] == [
        (t.speaker(u.speaker_id).name, [(p.en, p.zh) for p in u.paragraphs]) for u in t.turns
    ]
    used = {k for k, _ in call.turns}
    assert sorted((s.name, s.title) for s in t.speakers) == sorted(call.speakers[k] for k in used)
    assert t.warnings == ()


@CALL_SETTINGS
@given(calls())
def test_generated_call_round_trips_in_both_layouts(call: Call) -> None:
    a = parse_text(call.bulleted())
    _check(a, call, Layout.BULLETED)
    b = parse_text(call.bare())
    _check(b, call, Layout.BARE)
    assert a.speakers == b.speakers
    assert [(u.speaker_id, u.section) for u in a.turns] == [
        (u.speaker_id, u.section) for u in b.turns
    ]


@CALL_SETTINGS
@given(calls(), st.sampled_from(["\r\n", "\r"]), st.sampled_from(["utf-8", "utf-16", "gb18030"]))
def test_generated_call_round_trips_through_bytes(call: Call, newline: str, enc: str) -> None:
    data = call.bulleted().replace("\n", newline).encode(enc)
    d = decode(data, "call.txt")
    _check(parse_text(d.text), call, Layout.BULLETED)
