"""Small pieces of the library's window code: the saved folder list (read from a settings
file anyone can edit), chart axis steps and value labels."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QSettings

from viewer.qt.library.compare_panel import value_formatter
from viewer.qt.library.library_folders import KEY, load_folders, save_folders
from viewer.qt.library.metric_chart import nice_step

_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=12,
)


@settings(max_examples=60, deadline=None)
@given(raw=st.one_of(st.text(), _JSON.map(repr), st.lists(st.text(), max_size=5)))
def test_saved_folders_never_crash_on_what_the_file_holds(tmp_path_factory: Any, raw: Any) -> None:
    path = Path(tmp_path_factory.mktemp("s")) / "s.ini"
    qs = QSettings(str(path), QSettings.Format.IniFormat)
    qs.setValue(KEY, raw)
    folders = load_folders(qs)
    assert isinstance(folders, list) and all(isinstance(f, str) and f for f in folders)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.text(min_size=1), max_size=6))
def test_saved_folders_round_trip(tmp_path_factory: Any, folders: list[str]) -> None:
    path = Path(tmp_path_factory.mktemp("s")) / "s.ini"
    qs = QSettings(str(path), QSettings.Format.IniFormat)
    save_folders(qs, folders)
    again = QSettings(str(path), QSettings.Format.IniFormat)
    assert load_folders(again) == sorted(set(folders))


@given(st.floats(min_value=1e-9, max_value=1e15, allow_nan=False))
def test_nice_step_is_one_two_or_five_times_a_power_of_ten(span: float) -> None:
    step = nice_step(span)
    mantissa = step / 10 ** math.floor(math.log10(step) + 1e-12)
    assert any(math.isclose(mantissa, m, rel_tol=1e-9) for m in (1, 2, 5, 10))
    assert 1 <= span / step <= 8  # about four intervals, never one giant or dozens


@given(
    st.sampled_from(["USD", "percent", "TWD", "x", "people", ""]),
    st.lists(st.floats(min_value=-1e12, max_value=1e12, allow_nan=False), min_size=1, max_size=8),
)
def test_value_labels_are_short(unit: str, values: list[float]) -> None:
    fmt = value_formatter(unit, values)
    for v in values:
        label = fmt(v)
        assert label and len(label) <= 12
        if unit == "percent":
            assert label.endswith("%")
