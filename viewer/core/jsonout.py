"""The ``--json`` document: the transcript's fields, plus what later features add."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from viewer.core.models import Transcript

if TYPE_CHECKING:
    from viewer.core.metrics_models import Figure


def transcript_json(
    transcript: Transcript, figures: Iterable[Figure] | None = None
) -> dict[str, Any]:
    """``meta``, ``summary``, ``speakers``, ``turns``, ``warnings`` (names are a public API;
    ``meta`` carries ``layout``, ``script`` (``Hant``, ``Hans`` or null) and ``call_date``, each
    paragraph its ``time`` in seconds or null: they are model fields, dumped as they are),
    plus ``figures`` (one object per figure, see :func:`viewer.core.metrics.figure_json`),
    ``stats`` (``speakers`` and ``firms`` talk statistics) and ``names`` (names the Chinese
    keeps in some paragraphs and translates in others).

    ``figures``: the call's figures when the caller has them already (they are what
    :func:`viewer.core.metrics.iter_figures` gives); found here otherwise."""
    from viewer.core.crosscheck import name_checks
    from viewer.core.metrics import figure_json, iter_figures
    from viewer.core.stats import firm_stats, speaker_stats

    # Figures are streamed: each model becomes its small dict at once and is dropped, so a
    # 10 MB transcript never holds its figure models and the dumped document together.
    found = iter_figures(transcript) if figures is None else figures
    figure_docs = [figure_json(f) for f in found]
    speakers = speaker_stats(transcript)
    stats = {
        "speakers": [s.model_dump(mode="json") for s in speakers],
        "firms": [f.model_dump(mode="json") for f in firm_stats(transcript, speakers)],
    }
    names = [n.model_dump(mode="json") for n in name_checks(transcript.paragraphs)]
    doc = transcript.model_dump(mode="json")
    doc["figures"] = figure_docs
    doc["stats"] = stats
    doc["names"] = names
    return doc
