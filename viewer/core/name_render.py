"""How the Chinese renders a name it translates (Gemini -> 雙子座, Bob -> 鮑伯), guessed
without a dictionary: the run of Han characters that recurs in the paragraphs translating the
name and is rare in the others. Only names translated in two paragraphs or more get a guess
(one paragraph cannot tell the name from its neighbours)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence

from viewer.core.metrics_models import NameCheck
from viewer.core.models import Paragraph

_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2,}")
_LONGEST = 6  # Han characters: transliterated names are short


def _substrings(text: str) -> set[str]:
    out: set[str] = set()
    for run in _HAN_RUN.findall(text):
        for n in range(2, min(_LONGEST, len(run)) + 1):
            out.update(run[i : i + n] for i in range(len(run) - n + 1))
    return out


def renderings(
    paragraphs: Sequence[Paragraph],
    check: NameCheck,
    limit: int = 1,
    checkpoint: Callable[[], None] | None = None,
) -> tuple[str, ...]:
    """The likeliest Chinese renderings of ``check.name``, best first (at most ``limit``).

    ``checkpoint`` is called between candidates (a worker's turn or cancel check: on a long
    call each candidate looks through thousands of paragraphs)."""
    translated_ids = set(check.translated_paragraphs)
    translated = [p.zh for p in paragraphs if p.index in translated_ids and p.zh]
    if len(translated) < 2:
        return ()
    others = [p.zh for p in paragraphs if p.zh and p.index not in translated_ids]
    counts: Counter[str] = Counter()
    for zh in translated:
        counts.update(_substrings(zh))
    need = max(2, (len(translated) + 1) // 2)
    rare = max(1, len(others) // 10)  # a common word is in many paragraphs
    scored = []
    for text, n in counts.items():
        if n < need:
            continue
        if checkpoint is not None:
            checkpoint()
        background = 0
        for z in others:
            if text in z:
                background += 1
                if background > rare:
                    break  # common: no rendering of a name
        if background <= rare:
            scored.append((n, -background, len(text), text))
    scored.sort(reverse=True)
    out: list[str] = []
    for *_, text in scored:
        if not any(text in o or o in text for o in out):
            out.append(text)
            if len(out) == limit:
                break
    return tuple(out)


def name_spans(text: str, name: str) -> list[tuple[int, int]]:
    """Where ``name`` is in ``text``: whole words for a Latin name, any place otherwise."""
    if not name:
        return []
    pattern = re.escape(name)
    if name[0].isascii():
        pattern = rf"(?<![A-Za-z0-9]){pattern}(?![A-Za-z0-9])"
    return [(m.start(), m.end()) for m in re.finditer(pattern, text)]
