"""Checks shared by the English-only layout tests (Refinitiv, Seeking Alpha, Motley Fool)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import strategies as st

from tests.conftest import SHARED, shared_file
from viewer.core.formats.personnames import is_placeholder, names_match
from viewer.core.models import Role, Section, Transcript

CORPUS = SHARED / "corpus"

_NAME_WORD = re.compile(r"^(?:[A-Z][\w'’.\-]*|de|da|di|del|der|van|von|la|le|bin|al|du|dos|das)$")


def corpus_files(folder: str) -> list[str]:
    """The file names of one corpus folder (``["<absent>"]`` when the shared data is not
    there, so the test runs once and skips with the reason)."""
    path = CORPUS / folder
    if not path.is_dir():
        return ["<absent>"]
    return sorted(p.name for p in path.iterdir() if p.is_file() and p.name != "README.md")


def corpus_path(folder: str, name: str) -> Path:
    if name == "<absent>":
        return shared_file("corpus", folder, "<absent>")  # skips with the reason
    return shared_file("corpus", folder, name)


def check_plausible(t: Transcript) -> None:
    """What every English call read from a real file must satisfy, whatever the file."""
    assert t.meta.script is None
    assert all(p.zh is None for p in t.paragraphs)
    assert len(t.turns) >= 8
    assert [p.index for p in t.paragraphs] == list(range(len(t.paragraphs)))
    roles = [s.role for s in t.speakers]
    assert roles.count(Role.OPERATOR) <= 1
    assert Role.COMPANY in roles
    ids = [s.id for s in t.speakers]
    assert len(ids) == len(set(ids))
    for s in t.speakers:
        words = s.name.split()
        assert 1 <= len(words) <= 6, s.name
        assert is_placeholder(s.name) or all(_NAME_WORD.match(w) for w in words), s.name
        assert not s.name.endswith((".", ",", ":")), s.name
        for a in s.aliases:
            assert names_match(a, s.name), (a, s.name)
    # Two spellings of one person are one speaker.
    people = [
        s for s in t.speakers if len(s.name.split()) >= 2 and "unknown" not in s.name.casefold()
    ]
    for i, a in enumerate(people):
        for b in people[i + 1 :]:
            assert not names_match(a.name, b.name), (a.name, b.name)
    # The Q&A is found and runs to the end; analysts speak only there.
    sections = [tr.section for tr in t.turns]
    assert Section.QA in sections
    start = sections.index(Section.QA)
    assert start > 0
    assert all(s is Section.QA for s in sections[start:])
    first_qa = t.speaker(t.turns[start].speaker_id).role
    assert first_qa in (Role.OPERATOR, Role.ANALYST, Role.COMPANY)
    for tr in t.turns[:start]:
        assert t.speaker(tr.speaker_id).role is not Role.ANALYST
    # Every paragraph is one paragraph of text, never a speaker line left in the body.
    for p in t.paragraphs:
        assert p.en.strip() == p.en and p.en
        assert "\n" not in p.en
    assert sum(1 for tr in t.turns if not tr.paragraphs) <= 1
    if t.meta.quarter is not None:
        assert 1 <= t.meta.quarter <= 4
    if t.meta.fiscal_year is not None:
        assert 2000 <= t.meta.fiscal_year <= 2035


FRAGMENTS = [
    "\n",
    "\n\n",
    " \n",
    "Operator\n",
    "Operator:",
    "Unidentified Analyst\n",
    "Unknown speaker:",
    "Jane Roe - Big Bank\n",
    "Jane Roe--Big Bank -- Analyst\n",
    "Jane Roe:",
    "QUESTIONS AND ANSWERS\n",
    "Question-and-Answer Session\n",
    "Questions & Answers:\n",
    "Call participants:\n",
    "Full Conference Call Transcript\n",
    "Executives\n",
    "PRESENTATION\n",
    "DISCLAIMER\n",
    " - ",
    "--",
    ";",
    ":",
    '"',
    "{",
    "}",
    "\\",
    "\ufeff",
    "\u2028",
    "\x00",
    "法說會逐字稿",
    "Q9 2099",
    "Feb 30, 2024",
]


@st.composite
def mutated(draw: st.DrawFn, text: str) -> str:
    """``text`` cut, with lines dropped or repeated, and fragments or noise spliced in."""
    lines = text.split("\n")
    ops = draw(st.lists(st.integers(0, 4), min_size=1, max_size=6))
    for op in ops:
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        if op == 0:
            del lines[i]
        elif op == 1:
            lines.insert(i, lines[i])
        elif op == 2:
            cut = draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:cut] + draw(st.sampled_from(FRAGMENTS)) + lines[i][cut:]
        elif op == 3:
            lines[i] = draw(st.text(max_size=30))
        else:
            lines = lines[: i + 1]
    out = "\n".join(lines)
    if draw(st.booleans()):
        out = out[: draw(st.integers(0, len(out)))]
    return out


def skip_if_absent(name: str) -> None:
    if name == "<absent>":
        pytest.skip("../shared/data is absent (a user's clone); CI has it")
