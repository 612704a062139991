"""Transcript layouts: each reader scores how well a text fits it; the best clear fit parses it.

A reader is a module of this package with

- ``NAME``: the family name users pass to ``--layout`` (``"statementdog"``, ``"markdown"``, ...);
- ``score(text) -> float``: 0.0 (certainly not this layout) to 1.0 (certainly this layout),
  from the body's structure, cheap (look at the head of the text), never raising;
- ``parse(text, path, encoding, newline, cancel) -> Transcript``: raises ``TranscriptError``
  with one clear reason when the text is not readable in this layout.

``READERS`` lists them; :func:`detect` picks the best fit above :data:`THRESHOLD`, and refuses
a tie or a weak best fit, naming the candidates.
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

from viewer.core.errors import TranscriptError
from viewer.core.formats import (
    alphamemo,
    earningscall,
    markdown,
    motleyfool_json,
    motleyfool_text,
    pairs,
    refinitiv,
    seekingalpha,
    sentences,
    statementdog,
)
from viewer.core.formats.cutend import flag_cut_end
from viewer.core.gcpause import collector_paused
from viewer.core.models import Transcript

CancelCheck = Callable[[], bool]

# Registration order breaks nothing: detection is by score, not by order.
READERS: tuple[ModuleType, ...] = (
    statementdog,
    pairs,
    alphamemo,
    markdown,
    earningscall,
    sentences,
    refinitiv,
    seekingalpha,
    motleyfool_text,
    motleyfool_json,
)

THRESHOLD = 0.5  # a best fit below this is too weak to trust
MARGIN = 0.1  # a runner-up within this of the best is a tie

UNRECOGNISED = "unrecognised transcript layout"


def layout_names() -> tuple[str, ...]:
    """The family names of every layout the viewer reads, for messages and ``--layout``."""
    return tuple(r.NAME for r in READERS)


def _names() -> str:
    return ", ".join(layout_names())


def unrecognised_reason() -> str:
    return f"{UNRECOGNISED} (the viewer reads: {_names()})"


def scores(text: str) -> dict[str, float]:
    """Every reader's score for ``text``, by family name."""
    out: dict[str, float] = {}
    for reader in READERS:
        try:
            out[reader.NAME] = float(reader.score(text))
        except Exception:  # a scorer must not break detection; treat it as no fit
            out[reader.NAME] = 0.0
    return out


def detect(text: str, path: str = "<text>") -> str:
    """The family name of the layout that clearly fits ``text`` best.

    Raises ``TranscriptError`` when nothing fits, when the best fit is weak, or when two
    layouts fit about equally well (the message names the candidates).
    """
    ranked = sorted(scores(text).items(), key=lambda kv: kv[1], reverse=True)
    if not ranked or ranked[0][1] <= 0.0:
        raise TranscriptError(
            path, unrecognised_reason(), code="unrecognised_layout", layouts=_names()
        )
    best, best_score = ranked[0]
    if best_score < THRESHOLD:
        raise TranscriptError(
            path,
            f"{UNRECOGNISED}: weak fit only (closest: {best} {best_score:.2f})",
            code="weak_layout",
            closest=best,
            score=f"{best_score:.2f}",
        )
    close = [name for name, sc in ranked[1:] if best_score - sc < MARGIN]
    if close:
        names = ", ".join([best, *close])
        raise TranscriptError(
            path,
            f"ambiguous transcript layout: fits {names} about equally (use --layout)",
            code="ambiguous_layout",
            layouts=names,
        )
    return best


def reader(name: str) -> ModuleType:
    """The reader module of family ``name``; ``KeyError`` if there is none."""
    for r in READERS:
        if name == r.NAME:
            return r
    raise KeyError(name)


def parse_text(
    text: str,
    path: str = "<text>",
    encoding: str = "utf-8",
    newline: str = "LF",
    cancel: CancelCheck | None = None,
    layout: str | None = None,
) -> Transcript:
    """Parse decoded text in ``layout`` (a family name), or in whichever layout fits best."""
    with collector_paused():
        return _parse_text(text, path, encoding, newline, cancel, layout)


def _parse_text(
    text: str,
    path: str,
    encoding: str,
    newline: str,
    cancel: CancelCheck | None,
    layout: str | None,
) -> Transcript:
    if layout is not None:
        try:
            chosen = reader(layout)
        except KeyError:
            raise TranscriptError(
                path,
                f"unknown layout {layout!r} (the viewer reads: {_names()})",
                code="unknown_layout",
                layout=layout,
                layouts=_names(),
            ) from None
    else:
        try:
            chosen = reader(detect(text, path))
        except TranscriptError as exc:
            if max(scores(text).values(), default=0.0) > 0.0:
                raise
            # A bare StatementDog body (no title, no markers) is still accepted when it pairs
            # cleanly; the parser itself refuses anything else.
            try:
                return flag_cut_end(text, statementdog.parse(text, path, encoding, newline, cancel))
            except TranscriptError:
                raise exc from None
    result: Transcript = chosen.parse(text, path, encoding, newline, cancel)
    return flag_cut_end(text, result)
