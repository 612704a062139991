"""Where the Q&A starts: headings, an opening of the floor, the first analyst turn."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TypeVar

from viewer.core.lazy_re import lazy_compile
from viewer.core.models import (
    Role,
)

T = TypeVar("T")

# ---------------------------------------------------------------------------------------------
# Q&A start
# ---------------------------------------------------------------------------------------------

QA_HEADING_RE = lazy_compile(
    r"^\W*(?:questions?\s*(?:and|&|-|–)\s*answers?(?:\s+session)?|question-and-answer\s+session"
    r"|q\s*&\s*a(?:\s*(?:session|環節|环节))?|q\s*and\s*a|(?:q\s*&\s*a\s*)?(?:問答|问答|提問|提问)(?:環節|环节|時間|时间)?)"
    r"\W*$",
    re.IGNORECASE,
)
PREPARED_HEADING_RE = lazy_compile(
    r"^\W*(?:prepared\s+remarks|presentation|management\s+discussion(?:\s+section)?"
    r"|opening\s+remarks|簡報|简报|(?:管理層|管理层)?(?:報告|报告|致詞|致词))\W*$",
    re.IGNORECASE,
)
# A turn that opens the questions: the operator (or a host) calling the first question.
# (The lookahead names the alternatives' first characters: most positions fail on one class
# test instead of five alternatives; same matches.)
_QA_OPEN = (
    r"(?=[f1tq])(?:\b(?:first|1st)\s+question\s+(?:is|comes?|will\s+come|today|from|we\s+have|of\s+the\s+day)"
    r"|\btake\s+(?:our|the)\s+first\s+question\s+(?:from|today|comes)"
    r"|\bfirst\s+question,?\s+from\b"
    r"|\bfirst\s+(?:caller|questioner)\b|\bquestion\s+comes\s+from\b)"
)
_QA_OPEN_RE = lazy_compile(_QA_OPEN, re.IGNORECASE)
# Its words are all lower case: in ASCII text lowered first, matching without IGNORECASE finds
# the same (see speakercues), without folding every character.
_QA_OPEN_LOW_RE = lazy_compile(_QA_OPEN)


def opens_questions(text: str) -> bool:
    """Whether a turn's text calls the first question (``our first question comes from ...``)."""
    low = text.casefold()
    if "question" not in low and "caller" not in low:
        return False  # the cheap test first: most turns never mention a question
    if text.isascii():
        return _QA_OPEN_LOW_RE.search(low) is not None
    return _QA_OPEN_RE.search(text) is not None


def split_at_questions(items: Sequence[T], texts: Sequence[str]) -> list[tuple[Sequence[T], bool]]:
    """``items`` (with their ``texts``) as the prepared part and the Q&A part (``True``), cut
    at the first item after the first that calls the first question; all prepared when none
    does. For calls with no speakers, where no turn can say it."""
    qa_at = next((k for k, s in enumerate(texts) if k > 0 and opens_questions(s)), None)
    if qa_at is None:
        return [(items, False)]
    return [(items[:qa_at], False), (items[qa_at:], True)]


def find_qa_start(roles: Sequence[Role | None], texts: Sequence[str]) -> int | None:
    """Index of the first Q&A turn, or ``None`` when the call has no questions.

    ``roles`` and ``texts`` are per turn (``texts``: the turn's English). Q&A opens at the
    first analyst turn, backed up over the operator turn(s) just before it that announce the
    question; or earlier, at a turn (after some company remarks) that calls the first question
    when no analyst is known (retail questions read out by a host).
    """
    n = len(roles)
    first_analyst = next((t for t in range(n) if roles[t] is Role.ANALYST), None)
    seen_company = False
    opener: int | None = None
    for t in range(n):
        if roles[t] not in (Role.OPERATOR, Role.ANALYST):
            seen_company = True  # a company speaker, or one not yet known (not the operator)
        if t > 0 and seen_company and opens_questions(texts[t]):
            opener = t
            break
    if first_analyst is not None:
        start = first_analyst
        while (
            start > 0
            and roles[start - 1] is Role.OPERATOR
            and any(r is Role.COMPANY for r in roles[: start - 1])
        ):
            start -= 1
        if opener is not None and opener < start:
            return opener
        return start
    return opener
