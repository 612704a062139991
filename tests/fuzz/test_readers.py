"""Every registered reader, fed mutated fixtures: a Transcript that keeps the model's promises
and goes through every output, or ``TranscriptError`` with a reason; never a crash or a hang.

The readers come from ``viewer.core.formats.READERS``: a new reader is fuzzed with no change
here (from its own fixtures under tests/data when it has some).
"""

from __future__ import annotations

from types import ModuleType

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.fuzz import harness as h
from viewer.core.errors import TranscriptError
from viewer.core.loading import decode

SEEDS = h.seeds_by_reader()
READERS = h.readers()

ops = st.lists(
    st.tuples(
        st.integers(0, len(h.TEXT_MUTATIONS) - 1),
        st.integers(0, 2**32),
        st.integers(0, 2**32),
    ),
    min_size=1,
    max_size=6,
)


def _assert_ok(outcome: h.Outcome) -> None:
    assert outcome.kind in {"parsed", "refused"}, (
        f"{outcome.kind} in {outcome.stage}: {outcome.detail}"
    )


@pytest.mark.parametrize("reader", READERS, ids=[r.NAME for r in READERS])
@given(data=st.data(), mutations=ops)
def test_mutated_fixture_loads_or_is_refused(
    reader: ModuleType, data: st.DataObject, mutations: list[tuple[int, int, int]]
) -> None:
    seeds = SEEDS[reader.NAME]
    seed = seeds[data.draw(st.integers(0, len(seeds) - 1), label="seed")]
    text = h.mutate_text(seed, mutations)
    keep = h.keeps_text(reader, seeds)
    _assert_ok(h.run_one(text, reader, keep_text=keep))  # this layout, forced
    # By detection (another reader may take it: only the structure is checked).
    _assert_ok(h.run_one(text, None, keep_text=False, outputs=False))


@pytest.mark.parametrize("reader", READERS, ids=[r.NAME for r in READERS])
@given(
    data=st.data(),
    flips=st.lists(st.tuples(st.integers(0, 2**32), st.integers(0, 254)), max_size=8),
    boms=st.integers(0, 3),
    replace=st.booleans(),
)
def test_byte_flipped_fixture_decodes_and_loads_or_is_refused(
    reader: ModuleType,
    data: st.DataObject,
    flips: list[tuple[int, int]],
    boms: int,
    replace: bool,
) -> None:
    seeds = SEEDS[reader.NAME]
    seed = seeds[data.draw(st.integers(0, len(seeds) - 1), label="seed")]
    raw = h.mutate_bytes(seed.encode("utf-8"), flips, boms)
    try:
        decoded = decode(raw, "<fuzz>", replace_errors=replace)
    except TranscriptError as exc:
        assert exc.reason
        return
    assert not decoded.text.startswith("\ufeff")
    _assert_ok(h.run_one(decoded.text, reader, keep_text=False))


@pytest.mark.parametrize("reader", READERS, ids=[r.NAME for r in READERS])
@given(text=st.text(max_size=400))
def test_random_unicode_loads_or_is_refused(reader: ModuleType, text: str) -> None:
    text = text.encode("utf-8", "replace").decode("utf-8")  # decoded files hold no surrogates
    _assert_ok(h.run_one(text, reader))


# Files cut anywhere and inside speaker headers, in every layout: tests/core/test_truncation.py
# (run by ``make fuzz`` with these).
