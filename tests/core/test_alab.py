"""The real ALAB 2024 Q4 transcript: FORMAT.md's measured facts, in every encoding and layout."""

from __future__ import annotations

import codecs
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import shared_file
from viewer.core.models import Layout, Role, Section, Transcript
from viewer.core.transcript_io import load_transcript

FIRMS = {
    "Harlan Sur": "JPMorgan",
    "Blayne Curtis": "Jefferies",
    "Joseph Moore": "Morgan Stanley",
    "Tore Svanberg": "Stifel",
    "Tom O'Malley": "Barclays",
    "Ross Seymore": "Deutsche Bank",
    "Quinn Bolton": "Needham",
    "Atif Malik": "Citi",
    "Suji DeSilva": "Roth Capital",
    "Richard Shannon": "Craig-Hallum",
}


@pytest.fixture(scope="module")
def alab_path_module() -> Path:
    # Module-scoped twin of conftest's alab_path: the file is parsed once for all tests.
    return shared_file("statementdog", "ALAB-2024-Q4.txt")


@pytest.fixture(scope="module")
def ref(alab_path_module: Path) -> Transcript:
    return load_transcript(alab_path_module)


def structure(t: Transcript) -> dict[str, Any]:
    """What must not change with the encoding, the newlines or the layout."""
    return {
        "meta": (t.meta.company, t.meta.ticker, t.meta.fiscal_year, t.meta.quarter, t.meta.title),
        "summary": t.summary,
        "speakers": t.speakers,
        "turns": [(u.index, u.speaker_id, u.section) for u in t.turns],
        "paragraphs": [(p.index, p.en, p.zh) for p in t.paragraphs],
        "turn_of_paragraph": t.turn_of_paragraph,
        "warnings": t.warnings,
    }


def test_file_is_as_format_md_describes(alab_path: Path) -> None:
    raw = alab_path.read_bytes()
    assert not raw.startswith(codecs.BOM_UTF8) and b"\r" not in raw and not raw.endswith(b"\n")


def test_counts(ref: Transcript) -> None:
    t = ref
    assert t.meta.layout is Layout.BULLETED and (t.meta.encoding, t.meta.newline) == ("utf-8", "LF")
    assert len(t.turns) == 60  # = speaker headers
    assert len(t.paragraphs) == 139
    assert len(t.turns) + len(t.paragraphs) == 199  # paragraph pairs
    assert all(p.zh for p in t.paragraphs)  # every English bullet has its Chinese line
    assert len(t.speakers) == 15
    assert t.warnings == ()
    assert len(t.summary) == 4


def test_speakers_roles_and_turns(ref: Transcript) -> None:
    t = ref
    turns = Counter(u.speaker_id for u in t.turns)
    roles = Counter(s.role for s in t.speakers)
    assert roles == {Role.OPERATOR: 1, Role.COMPANY: 4, Role.ANALYST: 10}
    assert turns["operator"] == 13
    analysts = [s for s in t.speakers if s.role is Role.ANALYST]
    assert {s.name: s.firm for s in analysts} == FIRMS
    assert all(turns[s.id] == 2 for s in analysts)
    company = {s.name: s.title for s in t.speakers if s.role is Role.COMPANY}
    assert company == {
        "Leslie Green": "Investor Relations",
        "Jitendra Mohan": "Chief Executive Officer, Director",
        "Sanjay Gajendra": "President, Chief Operating Officer, Director",
        "Michael Tate": "Chief Financial Officer",
    }
    assert all(s.title == "Analyst" for s in analysts)


def test_aliases(ref: Transcript) -> None:
    t = ref
    assert {s.name: s.aliases for s in t.speakers if s.aliases} == {
        "Michael Tate": ("Mike Tate",),
        "Joseph Moore": ("Joe Moore",),
    }
    assert t.find_speaker("Joe Moore").name == "Joseph Moore"  # type: ignore[union-attr]
    assert t.find_speaker("mike tate").name == "Michael Tate"  # type: ignore[union-attr]
    assert t.find_speaker("Tom O'Malley").firm == "Barclays"  # type: ignore[union-attr]


def test_qa_boundary(ref: Transcript) -> None:
    t = ref
    sections = [u.section for u in t.turns]
    assert sections == [Section.PREPARED] * 5 + [Section.QA] * 55
    opening = t.turns[5]
    assert (opening.speaker_id, opening.line) == ("operator", 241)
    assert opening.paragraphs[0].en == "(Operator Instructions) Harlan Sur, JPMorgan."
    assert t.turns[4].paragraphs[-1].en.endswith("open the line for questions. Operator?")
    assert t.speaker(t.turns[6].speaker_id).name == "Harlan Sur"


def test_title_fields(ref: Transcript) -> None:
    m = ref.meta
    assert (m.company, m.ticker, m.fiscal_year, m.quarter) == ("Astera Labs Inc", "ALAB", 2024, 4)
    assert m.title == "Astera Labs Inc (ALAB) 2024 Q4 法說會逐字稿"
    assert m.call_label == "ALAB Q4 2024"


def test_lines_and_indexes(ref: Transcript, alab_path_module: Path) -> None:
    lines = alab_path_module.read_text("utf-8").split("\n")
    assert [p.index for p in ref.paragraphs] == list(range(139))
    for u in ref.turns:
        assert lines[u.line - 1] == f"  • {ref.speaker(u.speaker_id).name}" + (
            f" - {ref.speaker(u.speaker_id).title}" if u.speaker_id != "operator" else ""
        )
        for p in u.paragraphs:
            assert lines[p.line - 1] == f"  • {p.en}"
            assert lines[p.zh_line - 1] == f"    {p.zh}"  # type: ignore[operator]


VARIANTS = {
    "utf-16-le": lambda s: codecs.BOM_UTF16_LE + s.encode("utf-16-le"),
    "utf-16-be": lambda s: codecs.BOM_UTF16_BE + s.encode("utf-16-be"),
    "utf-8-sig": lambda s: codecs.BOM_UTF8 + s.encode("utf-8"),
    "cp950": lambda s: s.encode("cp950"),
    "gb18030": lambda s: s.encode("gb18030"),
}


@pytest.mark.parametrize("encoding", sorted(VARIANTS))
def test_reencoded(tmp_path: Path, ref: Transcript, alab_path_module: Path, encoding: str) -> None:
    p = tmp_path / "alab.txt"
    p.write_bytes(VARIANTS[encoding](alab_path_module.read_text("utf-8")))
    t = load_transcript(p)
    assert t.meta.encoding == encoding
    assert structure(t) == structure(ref)
    assert [p.line for p in t.paragraphs] == [p.line for p in ref.paragraphs]


def test_interpunct_survives_cp950(tmp_path: Path, ref: Transcript, alab_path_module: Path) -> None:
    p = tmp_path / "alab.txt"
    p.write_bytes(alab_path_module.read_text("utf-8").encode("cp950"))
    t = load_transcript(p)
    with_dot = [q.index for q in t.paragraphs if "‧" in (q.zh or "")]
    assert with_dot == [q.index for q in ref.paragraphs if "‧" in (q.zh or "")] == [136]
    assert not any("•" in (q.zh or "") + q.en for q in t.paragraphs)


@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["CRLF", "CR"])
def test_newlines(tmp_path: Path, ref: Transcript, alab_path_module: Path, newline: str) -> None:
    p = tmp_path / "alab.txt"
    p.write_bytes(alab_path_module.read_text("utf-8").replace("\n", newline).encode("utf-8"))
    t = load_transcript(p)
    assert t.meta.newline == ("CRLF" if newline == "\r\n" else "CR")
    assert structure(t) == structure(ref)


def to_bare(text: str) -> str:
    """The same call copied as bare lines: no bullets, no indentation, no blank lines."""
    head, body = text.split("使用警語", 1)
    disclaimer, body = body.split("\n", 1)
    out = ["使用警語" + disclaimer]
    for line in body.split("\n"):
        s = line.strip()
        if s:
            out.append(s[2:] if s.startswith("• ") else s)
    return head + "\n".join(out)


def test_bare_layout(tmp_path: Path, ref: Transcript, alab_path_module: Path) -> None:
    bare = to_bare(alab_path_module.read_text("utf-8"))
    assert "•" not in bare
    p = tmp_path / "alab.txt"
    p.write_text(bare, encoding="utf-8")
    t = load_transcript(p)
    assert t.meta.layout is Layout.BARE
    assert structure(t) == structure(ref)
    lines = bare.split("\n")
    assert all(lines[q.line - 1] == q.en and lines[q.zh_line - 1] == q.zh for q in t.paragraphs)  # type: ignore[index]


def test_bare_layout_body_only(tmp_path: Path, ref: Transcript, alab_path_module: Path) -> None:
    body = to_bare(alab_path_module.read_text("utf-8")).split("使用警語", 1)[1].split("\n", 1)[1]
    p = tmp_path / "alab.txt"
    p.write_text(body.replace("\n", "\r\n"), encoding="utf-16")
    t = load_transcript(p)
    assert (t.meta.layout, t.meta.title, t.summary) == (Layout.BARE, None, ())
    s, r = structure(t), structure(ref)
    for key in ("speakers", "turns", "paragraphs", "warnings"):
        assert s[key] == r[key]
