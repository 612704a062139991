"""Patterns compiled on first use behave like ``re.compile``'s and compile only once."""

from __future__ import annotations

import re
import threading

from hypothesis import given
from hypothesis import strategies as st

from viewer.core.formats import builder, callmeta, names, qastart, script, textblocks
from viewer.core.lazy_re import LazyPattern, lazy_compile


def test_not_compiled_until_used() -> None:
    p = lazy_compile(r"(?P<q>Q[1-4])\s+(?P<y>\d{4})", re.I)
    assert isinstance(p, LazyPattern)
    assert p._compiled is None
    m = p.search("results for q3 2024")
    assert m is not None and m.group("q", "y") == ("q3", "2024")
    assert p._compiled is not None
    assert p.pattern == r"(?P<q>Q[1-4])\s+(?P<y>\d{4})" and p.flags & re.I


def test_readers_patterns_are_lazy_until_a_file_is_read() -> None:
    modules = (builder, callmeta, names, qastart, script, textblocks)
    lazy = [v for m in modules for v in vars(m).values() if isinstance(v, LazyPattern)]
    assert len(lazy) > 10


def test_compiled_once_across_threads() -> None:
    p = lazy_compile(r"(\w+)@(\w+)")
    seen: list[re.Pattern[str]] = []
    barrier = threading.Barrier(8)

    def use() -> None:
        barrier.wait()
        seen.append(p.compiled())  # type: ignore[attr-defined]

    threads = [threading.Thread(target=use) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len({id(s) for s in seen}) == 1


@given(st.text(max_size=200))
def test_same_answers_as_re(text: str) -> None:
    source = r"(?<!\d)(?P<y>(?:19|20)\d\d)年\s*(?P<m>[01]?\d)月|\b(?P<w>[A-Z][a-z]+)\b"
    lazy, eager = lazy_compile(source, re.M), re.compile(source, re.M)
    assert [m.groupdict() for m in lazy.finditer(text)] == [
        m.groupdict() for m in eager.finditer(text)
    ]
    assert lazy.sub("-", text) == eager.sub("-", text)
    assert lazy.split(text) == eager.split(text)
