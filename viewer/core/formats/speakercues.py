"""What the speakers' words tell: operator stock phrases, hand-overs to a questioner, floor
openings, questions asked, and firms named in an introduction."""

from __future__ import annotations

import re

from viewer.core.formats.names import (
    NOT_NAME_WORDS,
    clean_name,
    first_names_match,
    looks_like_title,
    name_tokens,
    same_person,
)
from viewer.core.formats.speakerbook import SpeakerDraft
from viewer.core.lazy_re import lazy_compile

# The operator's stock phrases, to recognise an operator known only as "spk03".
# The lookahead names every alternative's first character: the engine then skips a position
# on one class test instead of trying ten alternatives there (2.6x faster, same matches).
_OPERATOR_TEXT = (
    r"(?=[(onqltypwi])"
    r"(?:\(?operator instructions\)?|\bour (?:first|next) question\b|\bnext question (?:comes|is)\b"
    r"|\bquestion comes from\b|\bline of\b.{0,60}\b(?:with|from)\b|\bthis concludes (?:today'?s|the)"
    r"|\byou may (?:now )?disconnect\b|\bplease stand by\b|\bwelcome to the\b.{0,120}\b(?:call|conference)\b"
    r"|\bin a listen-only mode\b)"
)
OPERATOR_TEXT_RE = lazy_compile(_OPERATOR_TEXT, re.IGNORECASE)


# (The lookahead, as above: every alternative starts with one of these letters.)
_INTRO_CONTEXT = (
    r"(?=[acfgilmnoqtw])"
    r"(?:(?:first|next|last|final|following|another)\s+(?:question|questioner|caller)|\bnext\b"
    r"|question\s+(?:comes|is|will\s+come)\s+from|\bline\s+of\b|operator\s+instructions"
    r"|\b(?:comes|is|will\s+come)\s+from\b"
    r"|\b(?:move|moving|go|going|turn)\s+(?:on\s+)?to\b.{0,40}\b(?:from|with|at)\b)"
)
INTRO_CONTEXT_RE = lazy_compile(_INTRO_CONTEXT, re.IGNORECASE)


# The two patterns above without IGNORECASE, for ASCII text lowered first. Their words are all
# lower case, and in ASCII text IGNORECASE matches exactly what the lowered text matches (the
# letters it also folds, like "ſ" and the Kelvin sign, are not ASCII): the same matches, at the
# same places, found at the speed of plain comparisons instead of folding every character.
_OPERATOR_TEXT_LOW_RE = lazy_compile(_OPERATOR_TEXT)
_INTRO_CONTEXT_LOW_RE = lazy_compile(_INTRO_CONTEXT)


def hands_over_question(text: str) -> bool:
    """Whether ``text`` hands the floor to a questioner (``our next question comes from ...``,
    ``the line of ...``), as opposed to a colleague (``over to Kevan Parekh, CFO``)."""
    if text.isascii():
        return _INTRO_CONTEXT_LOW_RE.search(text.lower()) is not None
    return INTRO_CONTEXT_RE.search(text) is not None


def plausible_firm(firm: str) -> bool:
    """A firm an introduction names, not a sentence the intro regexes ran into."""
    return (
        0 < len(firm) <= 60
        and ". " not in firm
        and not looks_like_title(firm)
        and not any(w in ("I", "I'll", "I'm", "We", "We'll", "You") for w in firm.split())
    )


def matching_suffix(announced: str, speaker: SpeakerDraft) -> str | None:
    """The part of an announced name that denotes ``speaker`` (the intro regexes may swallow
    leading words: ``Next Harlan Sur``), or ``None``. A first name alone (``Adam at Morgan
    Stanley``) counts when it is the speaker's first name or its short form."""
    tokens = announced.split()
    names = [speaker.name, *speaker.aliases]
    for k in range(len(tokens)):
        cand = " ".join(tokens[k:])
        if any(same_person(cand, n) for n in names):
            return cand
    if tokens:
        last = tokens[-1].strip(".,").casefold()
        for n in names:
            toks = name_tokens(n)
            if len(toks) >= 2 and (last == toks[0] or first_names_match(last, toks[0])):
                return tokens[-1]
    # Announced just before the turn with the same surname ("Alex Zukin" for "Aleksandr
    # Zukin", "Parker Lane" for "J. Lane"): the position makes it the same person.
    ann = name_tokens(trim_name(announced))
    if len(ann) >= 2:
        for n in names:
            toks = [t.strip(".").casefold() for t in clean_name(n).split()]
            if len(toks) >= 2 and toks[-1] == ann[-1]:
                return trim_name(announced)
    return None


def uses_operator_phrase(text: str) -> bool:
    """Whether ``text`` uses any of the operator's stock phrases (see :func:`operator_phrases`)."""
    if text.isascii():
        low = text.lower()
        return any(w in low for w in _OPERATOR_WORDS) and (
            _OPERATOR_TEXT_LOW_RE.search(low) is not None
        )
    return OPERATOR_TEXT_RE.search(text) is not None


def operator_phrases(text: str) -> int:
    """How many of the operator's stock phrases ``text`` uses (``our next question comes
    from``, ``(Operator Instructions)``, ``you may now disconnect``)."""
    if text.isascii():
        # Each phrase holds one of these words: most turns have none, and the pattern tries
        # every alternative at every position. (ASCII only: IGNORECASE also folds ``ſ``, ``K``.)
        low = text.lower()
        if not any(w in low for w in _OPERATOR_WORDS):
            return 0
        return len(_OPERATOR_TEXT_LOW_RE.findall(low))
    return len(OPERATOR_TEXT_RE.findall(text))


# Each phrase of the pattern holds one of these, word for word (an analyst's turn says
# "question" but rarely "our next question" or "question comes from").
_OPERATOR_WORDS = (
    "operator instructions",
    "our first question",
    "our next question",
    "next question comes",
    "next question is",
    "question comes from",
    "line of",
    "this concludes ",
    "you may disconnect",
    "you may now disconnect",
    "please stand by",
    "welcome to the",
    "in a listen-only mode",
)


def trim_name(name: str) -> str:
    """An announced name without the sentence words the intro patterns may have caught
    (``Next Harlan Sur`` -> ``Harlan Sur``)."""
    tokens = clean_name(name).split()
    while len(tokens) > 1 and tokens[0].casefold().strip(".,") in NOT_NAME_WORDS:
        tokens.pop(0)
    return " ".join(tokens)


SENTENCE_SPLIT_RE = lazy_compile(r"(?<=[A-Za-z]{2})\.\s+(?=[A-Z])")
ANALYST_RE = lazy_compile(r"\banalyst\b", re.IGNORECASE)
# What an operator says when handing the line to a questioner.
QUESTION_CUE_RE = lazy_compile(
    r"\b(?:question|questions|queue|line of|comes from|is from|go ahead)\b", re.IGNORECASE
)
# An operator handing the line to a questioner.
HANDOVER_RE = lazy_compile(
    r"\b(?:(?:first|next|last|final|following) question(?:s)?\b.{0,40}?\b(?:from|with)\b|"
    r"(?:comes|coming|is) from the line of|from the line of|your line is (?:now )?(?:open|live)|"
    r"please go ahead|line is open|please proceed|unmute)",
    re.IGNORECASE,
)
# Someone opening the floor: the Q&A starts at the next turn.
FLOOR_OPEN_RE = lazy_compile(
    r"\b(?:open(?:ing)? (?:it |up )?(?:the (?:call|line|lines|floor) )?(?:up )?(?:for|to) "
    r"(?:your |investor |analyst )?questions|(?:move|moving|turn|head|go) (?:on |over )?to "
    r"(?:the |investor |analyst |your )?(?:questions|q ?(?:&|and) ?a)|"
    r"(?:begin|start) the question[- ]and[- ]answer|(?:first|next) question (?:comes|is|will come) from)",
    re.IGNORECASE,
)
# A first turn that asks rather than answers.
ASKS_RE = lazy_compile(
    r"\?|\btaking (?:my|our|the) questions?\b|\bmy (?:first |second |follow-up |last )?question"
    r"|\bI have (?:a|one|two|three) (?:quick )?questions?\b|\bon for\b",
    re.IGNORECASE,
)
