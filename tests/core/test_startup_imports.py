"""Loading a call imports only what reading it needs (start-up, issue 11): the figures'
models and the layout readers' unused patterns wait until something uses them."""

from __future__ import annotations

from tests.conftest import run_python, shared_file

PROBE = """
import sys
from pathlib import Path
from viewer.core.lazy_re import LazyPattern
from viewer.core.speaker_groups import build_speaker_groups
from viewer.core.transcript_io import load_transcript
from viewer.core.formats import builder, callmeta, foolbody, markdown, names, qastart, script, textblocks

transcript = load_transcript(Path(sys.argv[1]))
groups = build_speaker_groups(transcript)
pending = [
    name
    for module in (builder, callmeta, names, qastart, script, textblocks, foolbody, markdown)
    for name, value in vars(module).items()
    if isinstance(value, LazyPattern) and value._compiled is None
]
print(len(transcript.paragraphs), "viewer.core.metrics_models" in sys.modules, len(pending))
"""


def test_loading_a_call_leaves_the_figures_models_and_unused_patterns_alone() -> None:
    path = shared_file("statementdog", "ALAB-2024-Q4.txt")
    out = run_python("-c", PROBE, path, check=True).stdout.split()
    paragraphs, metrics_models_imported, pending = int(out[0]), out[1], int(out[2])
    assert paragraphs > 100
    assert metrics_models_imported == "False"
    assert pending > 0  # patterns of other layouts were never compiled


def test_speaker_stats_still_build_their_rows() -> None:
    from viewer.core.metrics_models import FirmStats, SpeakerStats
    from viewer.core.stats import firm_stats, speaker_stats
    from viewer.core.transcript_io import load_transcript

    transcript = load_transcript(shared_file("statementdog", "ALAB-2024-Q4.txt"))
    rows = speaker_stats(transcript)
    firms = firm_stats(transcript, rows)
    assert rows and all(isinstance(r, SpeakerStats) for r in rows)
    assert firms and all(isinstance(f, FirmStats) for f in firms)
    assert abs(sum(r.share for r in rows) - 1.0) < 1e-9


def test_the_figures_package_names_load_from_their_modules() -> None:
    """``viewer.core.figures`` loads its names on first use: each one named in ``__all__`` is
    the object of the module it comes from (a name missing from the map would fail here)."""
    import importlib

    import viewer.core.figures as figures

    for name in figures.__all__:
        home = importlib.import_module(f"viewer.core.figures.{figures._HOME[name]}")
        assert getattr(figures, name) is getattr(home, name)
