"""The byte-level Han and Latin counts of ``viewer.core.formats.script`` equal the plain
class-regex counts they replaced (speed-ups for detection; the answers must not move)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.core.formats import script

HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
LATIN = re.compile(r"[A-Za-z]")

# Characters at every edge the byte tricks rely on: ASCII, Latin-1, CJK punctuation (E3 80),
# kana and bopomofo (E3 81-8F), Extension A (E3 90-BF), the main block (E4-E9), compatibility
# ideographs (EF A4-AB), full-width forms (EF BC-BF), the BOM (EF BB BF), lone surrogates.
EDGES = (
    "aZé 1\u3000\u3002\u300c\u3041\u30a2\u3105\u33ff\u3400\u4dbf\u4e00\u71df\u9fff"
    "\uf900\ufaff\ufb00\ufeff\uff0c\uff21\uff5f\uff60\uffef\ud800\U00020000"
)
texts = st.text(alphabet=st.sampled_from(EDGES), max_size=80) | st.text(max_size=80)


def _han(text: str) -> int:
    return len(HAN.findall(text))


@settings(max_examples=400, deadline=None)
@given(texts)
def test_counts_equal_the_class_patterns(text: str) -> None:
    han, latin = _han(text), len(LATIN.findall(text))
    assert script.has_han(text) == (han > 0)
    assert script.han_latin_counts(text) == (han, latin)
    assert script.han_count(text) == han
    assert script.han_bound(text) >= han
    assert script.mostly_han(text) == (not text.isascii() and (han * 2 > len(text) or han > latin))
    sample = text[:400]
    s_latin = len(LATIN.findall(sample))
    assert script.mostly_latin(text) == (s_latin > 0 and _han(sample) * 8 < s_latin)
