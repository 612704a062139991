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
    # Candidates rank by the number of translated paragraphs holding them first: they are
    # looked for in the other paragraphs a group of equal count at a time, best first, and
    # once ``limit`` renderings are found the weaker groups are not looked at (on a long call
    # each look goes through thousands of paragraphs).
    groups: dict[int, list[str]] = {}
    for text, n in counts.items():
        if n >= need:
            groups.setdefault(n, []).append(text)
    out: list[str] = []
    for n in sorted(groups, reverse=True):
        scored = []
        for text in groups[n]:
            if checkpoint is not None:
                checkpoint()
            background = _held_by(text, others, rare)
            if background <= rare:
                scored.append((-background, len(text), text))
        scored.sort(reverse=True)
        for *_, text in scored:
            if not any(text in o or o in text for o in out):
                out.append(text)
                if len(out) == limit:
                    return tuple(out)
    return tuple(out)


def _held_by(text: str, paragraphs: list[str], most: int) -> int:
    """How many of ``paragraphs`` hold ``text``, counted up to ``most + 1``."""
    found = 0
    for z in paragraphs:
        if text in z:
            found += 1
            if found > most:
                break
    return found


def name_spans(text: str, name: str) -> list[tuple[int, int]]:
    """Where ``name`` is in ``text``: whole words for a Latin name, any place otherwise."""
    if not name:
        return []
    pattern = re.escape(name)
    if name[0].isascii():
        pattern = rf"(?<![A-Za-z0-9]){pattern}(?![A-Za-z0-9])"
    return [(m.start(), m.end()) for m in re.finditer(pattern, text)]
