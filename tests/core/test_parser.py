"""StatementDog parsing: exact structure of the fixtures, the sample, anomalies, other layouts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import shared_file
from viewer.core.errors import LoadCancelled, TranscriptError
from viewer.core.formats import parse_text
from viewer.core.models import Layout, Role, Section, Transcript
from viewer.core.speakers import find_intros, parse_header
from viewer.core.transcript_io import load_transcript

DATA = Path(__file__).resolve().parents[1] / "data"
BULLETED = DATA / "hpf-bulleted.txt"
BARE = DATA / "hpf-bare.txt"
UNRECOGNISED = "unrecognised transcript layout"

SPEAKERS = [
    # id, name, aliases, title, role, firm
    ("operator", "Operator", (), None, Role.OPERATOR, None),
    ("grace-tan", "Grace Tan", (), "Investor Relations", Role.COMPANY, None),
    (
        "james-kowalski",
        "James Kowalski",
        ("Jim Kowalski",),
        "Chief Executive Officer, Director",
        Role.COMPANY,
        None,
    ),
    ("laura-chen", "Laura Chen", (), "Chief Financial Officer", Role.COMPANY, None),
    ("nora-fitzgerald", "Nora Fitzgerald", (), "Analyst", Role.ANALYST, "Piper Sandler"),
    ("daniel-okafor", "Daniel Okafor", ("Danny Okafor",), "Analyst", Role.ANALYST, "Stephens"),
]
P, Q = Section.PREPARED, Section.QA
TURNS = [  # speaker, section, paragraph indexes
    ("operator", P, [0]),
    ("grace-tan", P, [1]),
    ("james-kowalski", P, [2, 3]),
    ("laura-chen", P, [4, 5]),
    ("operator", Q, [6]),
    ("nora-fitzgerald", Q, [7]),
    ("james-kowalski", Q, [8]),
    ("operator", Q, [9]),
    ("daniel-okafor", Q, [10]),
    ("laura-chen", Q, [11]),
    ("operator", Q, [12]),
]
# Source lines: (header line, [(en line, zh line)]) per turn.
BULLETED_LINES = [
    (13, [(17, 19)]),
    (21, [(25, 27)]),
    (29, [(33, 35), (37, 39)]),
    (41, [(45, 47), (49, 51)]),
    (53, [(57, 59)]),
    (61, [(65, 67)]),
    (69, [(73, 75)]),
    (77, [(81, 83)]),
    (85, [(89, 91)]),
    (93, [(97, 99)]),
    (101, [(105, 107)]),
]
BARE_LINES = [
    (2, [(4, 5)]),
    (6, [(8, 9)]),
    (10, [(12, 13), (14, 15)]),
    (16, [(18, 19), (20, 21)]),
    (22, [(24, 25)]),
    (26, [(28, 29)]),
    (30, [(32, 33)]),
    (34, [(36, 37)]),
    (38, [(40, 41)]),
    (42, [(44, 45)]),
    (46, [(48, 49)]),
]


def speakers_of(t: Transcript) -> list[tuple[Any, ...]]:
    return [(s.id, s.name, s.aliases, s.title, s.role, s.firm) for s in t.speakers]


def turns_of(t: Transcript) -> list[tuple[Any, ...]]:
    return [(u.speaker_id, u.section, [p.index for p in u.paragraphs]) for u in t.turns]


def lines_of(t: Transcript) -> list[tuple[Any, ...]]:
    return [(u.line, [(p.line, p.zh_line) for p in u.paragraphs]) for u in t.turns]


def texts(t: Transcript) -> list[tuple[str, str | None]]:
    return [(p.en, p.zh) for p in t.paragraphs]


def parse(text: str) -> Transcript:
    return parse_text(text, "call.txt")


@pytest.fixture(scope="module")
def bulleted() -> Transcript:
    return load_transcript(BULLETED)


@pytest.fixture(scope="module")
def bare() -> Transcript:
    return load_transcript(BARE)


# -- the fictional fixture, both layouts ---------------------------------------------------


def test_bulleted_fixture_structure(bulleted: Transcript) -> None:
    t = bulleted
    assert t.meta.model_dump() == {
        "company": "Harbor Pine Foods Inc",
        "ticker": "HPF",
        "fiscal_year": 2024,
        "quarter": 2,
        "title": "Harbor Pine Foods Inc (HPF) 2024 Q2 法說會逐字稿",
        "layout": Layout.BULLETED,
        "script": "Hant",
        "call_date": None,
        "encoding": "utf-8",
        "newline": "LF",
    }
    assert t.summary == (
        "Harbor Pine Foods 第二季營收 8,450 萬美元,年增 6%,毛利率提升 80 個基點至 31.2%。",
        "公司預期第三季營收介於 8,600 萬美元至 8,800 萬美元,並持續擴大零食產品線。",
    )
    assert speakers_of(t) == SPEAKERS
    assert turns_of(t) == TURNS
    assert lines_of(t) == BULLETED_LINES
    assert [u.index for u in t.turns] == list(range(11))
    assert t.warnings == ()


def test_bulleted_texts_are_exactly_the_file_lines(bulleted: Transcript) -> None:
    lines = BULLETED.read_text("utf-8").split("\n")
    for p in bulleted.paragraphs:
        assert lines[p.line - 1] == f"  • {p.en}"
        assert lines[p.zh_line - 1] == f"    {p.zh}"  # type: ignore[operator]


def test_bare_fixture_structure(bare: Transcript, bulleted: Transcript) -> None:
    t = bare
    assert (t.meta.layout, t.meta.title, t.meta.ticker, t.summary) == (Layout.BARE, None, None, ())
    assert speakers_of(t) == SPEAKERS
    assert turns_of(t) == TURNS
    assert lines_of(t) == BARE_LINES
    assert texts(t) == texts(bulleted)
    lines = BARE.read_text("utf-8").split("\n")
    for p in t.paragraphs:
        assert (lines[p.line - 1], lines[p.zh_line - 1]) == (p.en, p.zh)  # type: ignore[index]
    assert t.warnings == ()


def test_bare_with_title_and_summary_headings(bulleted: Transcript) -> None:
    head = BULLETED.read_text("utf-8").split("  • ")[0]  # title, 內容摘要, summary, 完整原文
    body = BARE.read_text("utf-8")
    t = parse(head + body)
    assert (t.meta.layout, t.meta.ticker, t.summary) == (
        Layout.BARE,
        "HPF",
        bulleted.summary,
    )
    assert texts(t) == texts(bulleted) and turns_of(t) == TURNS


def test_bare_without_any_marker(bulleted: Transcript) -> None:
    body = BARE.read_text("utf-8").split("\n", 1)[1]  # drop the disclaimer line
    t = parse(body)
    assert t.meta.layout is Layout.BARE
    assert texts(t) == texts(bulleted) and speakers_of(t) == SPEAKERS


def test_blank_lines_between_bare_lines_do_not_matter(bulleted: Transcript) -> None:
    t = parse(BARE.read_text("utf-8").replace("\n", "\n\n"))
    assert texts(t) == texts(bulleted) and t.warnings == ()


def test_markup_is_kept_literally(bulleted: Transcript) -> None:
    p = bulleted.paragraphs[2]
    assert "sold as <b>Crunch &amp; Co</b> <img src=x>, is now" in p.en
    assert "<b>Crunch &amp; Co</b> <img src=x>" in p.zh  # type: ignore[operator]


def test_interpunct_in_chinese_is_not_a_bullet(bulleted: Transcript) -> None:
    assert bulleted.paragraphs[3].zh == "現在我將把它交給勞拉‧陳。"


def test_model_helpers(bulleted: Transcript) -> None:
    t = bulleted
    assert [p.index for p in t.paragraphs] == list(range(13))
    assert t.turn_of_paragraph == (0, 1, 2, 2, 3, 3, 4, 5, 6, 7, 8, 9, 10)
    assert t.speaker_of_paragraph(10).name == "Daniel Okafor"
    assert t.find_speaker("danny okafor") is t.find_speaker("Daniel Okafor") is not None
    assert t.find_speaker("Jim Kowalski").id == "james-kowalski"  # type: ignore[union-attr]
    assert t.find_speaker("Nobody") is None


# -- the bundled sample ------------------------------------------------------------------


def test_bundled_sample(sample_path: Path) -> None:
    t = load_transcript(sample_path)
    raw = sample_path.read_bytes()
    assert b"\r" not in raw and not raw.startswith(b"\xef\xbb\xbf")
    assert (t.meta.company, t.meta.ticker, t.meta.fiscal_year, t.meta.quarter) == (
        "Novaris Semiconductor Inc",
        "NOVA",
        2025,
        3,
    )
    # Four summary paragraphs: the first says the call is fictional.
    assert t.meta.layout is Layout.BULLETED and t.warnings == () and len(t.summary) == 4
    assert (len(t.turns), len(t.paragraphs), len(t.turns) + len(t.paragraphs)) == (29, 57, 86)
    assert [(s.name, s.aliases, s.role, s.firm) for s in t.speakers] == [
        ("Operator", (), Role.OPERATOR, None),
        ("Dana Whitfield", (), Role.COMPANY, None),
        ("Robert Lang", ("Bob Lang",), Role.COMPANY, None),
        ("Priya Raman", (), Role.COMPANY, None),
        ("Kenneth Osei", (), Role.COMPANY, None),
        ("Vivek Arora", (), Role.ANALYST, "Goldman Sachs"),
        ("Thomas Becker", ("Tom Becker",), Role.ANALYST, "Bank of America"),
        ("Sean O'Rourke", (), Role.ANALYST, "KeyBanc Capital Markets"),
        ("Mei-Ling Cho", (), Role.ANALYST, "Wells Fargo"),
        ("Raj Patel", (), Role.ANALYST, "Evercore ISI"),
    ]
    assert t.speakers[2].title == "President, Chief Executive Officer, Director"
    assert [u.section for u in t.turns] == [P] * 5 + [Q] * 24
    assert t.turns[5].speaker_id == "operator"
    assert t.turns[5].paragraphs[0].en == "(Operator Instructions) Vivek Arora, Goldman Sachs."
    assert all(p.zh for p in t.paragraphs)
    # The translation slips the viewer is meant to show.
    zh = "\n".join(p.zh or "" for p in t.paragraphs)
    assert "雙子座" in zh and "Gemini" in zh and "天秤座" in zh and "獵戶座" in zh
    assert "1.52 億美元至 1.55 億美元" in zh and "1040 萬美元" in zh and "5,620" not in zh


# -- anomalies: pairs never shift --------------------------------------------------------


def _lines(path: Path = BULLETED) -> list[str]:
    return path.read_text("utf-8").split("\n")


def _join(lines: list[str]) -> str:
    return "\n".join(lines)


def _warnings(t: Transcript) -> list[tuple[int | None, str]]:
    return [(w.line, w.message) for w in t.warnings]


def test_bulleted_missing_translation(bulleted: Transcript) -> None:
    lines = _lines()
    del lines[34]  # the Chinese of paragraph 2 (line 35)
    t = parse(_join(lines))
    expected = texts(bulleted)
    expected[2] = (expected[2][0], None)
    assert texts(t) == expected and turns_of(t) == TURNS
    assert _warnings(t) == [(33, "translation missing")]
    assert t.paragraphs[2].zh_line is None and t.paragraphs[3].line == 36


def test_bulleted_missing_translation_before_a_header(bulleted: Transcript) -> None:
    lines = _lines()
    del lines[50]  # the Chinese of paragraph 5, just before the operator's header
    t = parse(_join(lines))
    expected = texts(bulleted)
    expected[5] = (expected[5][0], None)
    assert texts(t) == expected and turns_of(t) == TURNS
    assert _warnings(t) == [(49, "translation missing")]


def test_bulleted_extra_line(bulleted: Transcript) -> None:
    lines = _lines()
    lines[35:35] = ["", "    額外的一行。"]
    t = parse(_join(lines))
    expected = texts(bulleted)
    expected[2] = (expected[2][0], expected[2][1] + "\n額外的一行。")  # type: ignore[operator]
    assert texts(t) == expected and turns_of(t) == TURNS
    assert _warnings(t) == [
        (37, "Chinese line without an English paragraph; kept with the paragraph above")
    ]


def test_bulleted_stray_indent(bulleted: Transcript) -> None:
    lines = _lines()
    lines[32] = "        •   " + lines[32][4:]
    lines[34] = "  " + lines[34]
    lines[36] = lines[36][1:]
    t = parse(_join(lines))
    assert texts(t) == texts(bulleted) and t.warnings == ()


def test_bulleted_lines_without_bullet_or_indent(bulleted: Transcript) -> None:
    lines = _lines()
    lines[34] = lines[34].strip()  # a translation at column 0
    lines[36] = lines[36].replace("  • ", "")  # an English paragraph without its bullet
    t = parse(_join(lines))
    assert texts(t) == texts(bulleted) and turns_of(t) == TURNS
    assert _warnings(t) == [
        (35, "line without bullet or indentation; read as a translation"),
        (37, "line without bullet or indentation; read as an English paragraph"),
    ]


@pytest.mark.parametrize(
    ("bullet", "indent"),
    [
        ("\t• ", "\t\t"),
        ("\u00a0\u00a0• ", "\u00a0" * 4),
        ("\u3000• ", "\u3000\u3000"),
        ("  ● ", "    "),
        ("  ▪ ", "    "),
        ("  ◦ ", "    "),
        ("  · ", "    "),
        ("  ‧ ", "    "),
        ("•", " "),
    ],
    ids=[
        "tab",
        "nbsp",
        "ideographic",
        "black-circle",
        "square",
        "white-circle",
        "middot",
        "u2027",
        "tight",
    ],
)
def test_bulleted_other_indentation_and_bullets(
    bulleted: Transcript, bullet: str, indent: str
) -> None:
    text = BULLETED.read_text("utf-8").replace("  • ", bullet).replace("    ", indent)
    t = parse(text)
    assert texts(t) == texts(bulleted) and turns_of(t) == TURNS and speakers_of(t) == SPEAKERS
    assert lines_of(t) == BULLETED_LINES and t.warnings == ()


def test_bulleted_mixed_bullets_in_one_file(bulleted: Transcript) -> None:
    lines = _lines()
    for i in range(12, len(lines), 8):
        lines[i] = lines[i].replace("  • ", ("\t● ", "\u00a0• ", "  ‧ ")[i % 3])
    t = parse(_join(lines))
    assert texts(t) == texts(bulleted) and t.warnings == ()


def test_bulleted_without_blank_lines(bulleted: Transcript) -> None:
    t = parse("\n".join(ln for ln in _lines() if ln.strip()))
    assert texts(t) == texts(bulleted) and turns_of(t) == TURNS and t.warnings == ()


def test_bulleted_header_without_its_bullet_line(bulleted: Transcript) -> None:
    lines = _lines()
    del lines[40:42]  # "  • Laura Chen - Chief Financial Officer" and its blank
    t = parse(_join(lines))
    assert texts(t) == texts(bulleted) and turns_of(t) == TURNS
    assert _warnings(t) == [(41, "speaker header without its bullet line")]


def test_bulleted_header_without_its_repeated_line(bulleted: Transcript) -> None:
    lines = _lines()
    del lines[42:44]
    t = parse(_join(lines))
    assert texts(t) == texts(bulleted) and turns_of(t) == TURNS
    assert _warnings(t) == [(41, "speaker header without its repeated line")]


def test_bare_missing_translation(bulleted: Transcript) -> None:
    lines = _lines(BARE)
    del lines[14]  # the Chinese of paragraph 3 (line 15)
    t = parse(_join(lines))
    expected = texts(bulleted)
    expected[3] = (expected[3][0], None)
    assert texts(t) == expected and turns_of(t) == TURNS
    assert _warnings(t) == [(14, "translation missing")]


def test_bare_missing_translation_before_a_header(bulleted: Transcript) -> None:
    lines = _lines(BARE)
    del lines[20]  # the Chinese of paragraph 5, followed by "Operator"
    t = parse(_join(lines))
    expected = texts(bulleted)
    expected[5] = (expected[5][0], None)
    assert texts(t) == expected and turns_of(t) == TURNS
    assert _warnings(t) == [(20, "translation missing")]


def test_bare_extra_chinese_line(bulleted: Transcript) -> None:
    lines = _lines(BARE)
    lines[15:15] = ["額外的一行。"]
    t = parse(_join(lines))
    expected = texts(bulleted)
    expected[3] = (expected[3][0], expected[3][1] + "\n額外的一行。")  # type: ignore[operator]
    assert texts(t) == expected and turns_of(t) == TURNS
    assert _warnings(t) == [
        (16, "Chinese line without an English paragraph; kept with the paragraph above")
    ]


def test_bare_extra_english_line(bulleted: Transcript) -> None:
    lines = _lines(BARE)
    lines[15:15] = ["An extra English line."]
    t = parse(_join(lines))
    expected = texts(bulleted)
    expected[4:4] = [("An extra English line.", None)]
    assert texts(t) == expected
    assert _warnings(t) == [(16, "translation missing")]
    # Every paragraph after the extra line keeps its own translation.
    assert [p.line + 1 == p.zh_line for p in t.paragraphs] == [True] * 4 + [False] + [True] * 9


def test_bare_translation_left_in_english(bulleted: Transcript) -> None:
    lines = _lines(BARE)
    lines[14] = lines[13]  # the "translation" repeats the English paragraph
    t = parse(_join(lines))
    expected = texts(bulleted)
    expected[3] = (expected[3][0], expected[3][0])
    assert texts(t) == expected and turns_of(t) == TURNS and t.warnings == ()


def test_bare_header_written_once(bulleted: Transcript) -> None:
    lines = _lines(BARE)
    del lines[16]  # the repeat of "Laura Chen - Chief Financial Officer"
    t = parse(_join(lines))
    assert texts(t) == texts(bulleted) and turns_of(t) == TURNS
    assert _warnings(t) == [(16, "speaker header without its repeated line")]


def test_text_before_the_first_header() -> None:
    t = parse(
        "  • Hello there.\n\n    你好。\n\n  • Operator\n\n    Operator\n\n  • Bye.\n\n    再見。"
    )
    assert [(s.id, s.role) for s in t.speakers] == [
        ("unknown-speaker", Role.COMPANY),
        ("operator", Role.OPERATOR),
    ]
    assert _warnings(t) == [
        (1, "text before the first speaker header; attributed to an unknown speaker")
    ]


def test_header_without_any_text() -> None:
    t = parse(
        "  • Operator\n\n    Operator\n\n  • Ann Lee - CEO\n\n    Ann Lee - CEO\n\n"
        "  • Operator\n\n    Operator\n\n  • Thanks.\n\n    謝謝。"
    )
    assert [len(u.paragraphs) for u in t.turns] == [0, 0, 1]
    assert _warnings(t) == [
        (1, "speaker header without any text"),
        (5, "speaker header without any text"),
    ]


def test_cancel_stops_the_parse() -> None:
    with pytest.raises(LoadCancelled):
        parse_text(BULLETED.read_text("utf-8"), cancel=lambda: True)


# -- the real excerpt in the bare layout ----------------------------------------------------


def test_gure_excerpt_bare_layout() -> None:
    t = load_transcript(shared_file("statementdog", "GURE-2023-Q2.excerpt.txt"))
    assert t.meta.layout is Layout.BARE and t.warnings == ()
    assert [(s.name, s.title, s.role) for s in t.speakers] == [
        ("Operator", None, Role.OPERATOR),
        ("Helen Xu", "IR Director", Role.COMPANY),
    ]
    assert turns_of(t) == [("operator", P, [0, 1]), ("helen-xu", P, [2, 3])]
    assert all(p.zh and p.line + 1 == p.zh_line for p in t.paragraphs)


# -- other layouts are refused ----------------------------------------------------------------


# Corpus files of other layouts: tests/core/test_formats_detection.py.


NOT_TRANSCRIPTS = {
    "novel": "It was a bright cold day in April.\n\nThe clocks were striking thirteen.\n" * 20,
    "source": "import os\n\n\ndef main() -> None:\n    print(os.getcwd())\n" * 10,
    "english-only": "Operator\nGood day and welcome.\nJane Doe - CEO\nThanks, everyone.\n" * 5,
    "json": '{"speakers": [{"name": "Operator", "text": "Hello"}]}\n',
    "chinese-novel": "第一章\n\n天色漸暗,街上的燈一盞盞亮了起來。\n" * 10,
    "csv": "index,en,zh\n0,Hello,你好\n1,Bye,再見\n",
    "simplified-pairs": "Operator\n操作员\nGood day.\n大家好。\nJane Doe - CEO\n简·多伊 - 首席执行官\n"
    * 3,
}


@pytest.mark.parametrize("name", sorted(NOT_TRANSCRIPTS))
def test_other_texts_are_unrecognised(name: str) -> None:
    with pytest.raises(TranscriptError) as info:
        parse(NOT_TRANSCRIPTS[name])
    assert info.value.reason.startswith(UNRECOGNISED)


def test_title_alone_is_no_transcript() -> None:
    with pytest.raises(TranscriptError) as info:
        parse(
            "Harbor Pine Foods Inc (HPF) 2024 Q2 法說會逐字稿\n\n內容摘要\n\n摘要。\n\n完整原文\n"
        )
    assert info.value.reason.startswith(UNRECOGNISED)


# -- headers and introductions ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Operator", ("Operator", None)),
        ("Ann Lee - CEO", ("Ann Lee", "CEO")),
        ("Tom O'Malley - Analyst", ("Tom O'Malley", "Analyst")),
        (
            "Ann Lee - President, Chief Operating Officer, Director",
            ("Ann Lee", "President, Chief Operating Officer, Director"),
        ),
        ("Mei-Ling Cho – Analyst", ("Mei-Ling Cho", "Analyst")),
        ("Unidentified Analyst", ("Unidentified Analyst", "Analyst")),
        ("Thanks - I appreciate it.", None),
        ("Revenue was up - a record.", None),
        ("Ann Lee - 執行長", None),
        ("operator", None),
    ],
)
def test_parse_header(text: str, expected: tuple[str, str | None] | None) -> None:
    h = parse_header(text)
    assert (None if h is None else (h.name, h.title)) == expected


@pytest.mark.parametrize(
    ("text", "name", "firm"),
    [
        ("Harlan Sur, JPMorgan.", "Harlan Sur", "JPMorgan"),
        ("(Operator Instructions) Harlan Sur, JPMorgan.", "Harlan Sur", "JPMorgan"),
        (
            "Our next question comes from Tom Becker with Bank of America.",
            "Tom Becker",
            "Bank of America",
        ),
        (
            "Our next question comes from the line of Mei-Ling Cho from Wells Fargo. Your line is open.",
            "Mei-Ling Cho",
            "Wells Fargo",
        ),
        (
            "We'll take our last question from Raj Patel of Evercore ISI.",
            "Raj Patel",
            "Evercore ISI",
        ),
        ("Next question from Stifel's Tore Svanberg.", "Tore Svanberg", "Stifel"),
        (
            "Our next question comes from Sean O'Rourke with KeyBanc Capital Markets.",
            "Sean O'Rourke",
            "KeyBanc Capital Markets",
        ),
    ],
)
def test_operator_introductions(text: str, name: str, firm: str) -> None:
    intros = find_intros(text)
    assert intros, text
    assert (intros[0].name.split()[-1], intros[0].firm) == (name.split()[-1], firm)
    assert any(i.name.endswith(name) and i.firm == firm for i in intros)


def _call(*turns: tuple[str, str]) -> str:
    out = []
    for header, text in turns:
        out += [f"  • {header}", "", f"    {header}", "", f"  • {text}", "", "    譯文。", ""]
    return "\n".join(out)


def test_firms_and_aliases_from_the_operator_end_to_end() -> None:
    t = parse(
        _call(
            ("Operator", "Welcome. I'll hand over to Bob Lang."),
            ("Robert Lang - CEO", "Thanks. Questions, please. Operator?"),
            ("Operator", "Next question from Stifel's Tore Svanberg."),
            ("Tore Svanberg - Analyst", "Hi."),
            ("Robert Lang - CEO", "Hello."),
            ("Operator", "Our next question comes from Joe Moore with Morgan Stanley."),
            ("Joseph Moore - Analyst", "Hi."),
            ("Operator", "Next, Tom O'Malley, Barclays."),
            ("Tom O'Malley - Analyst", "Hi."),
        )
    )
    assert [(s.name, s.aliases, s.role, s.firm) for s in t.speakers] == [
        ("Operator", (), Role.OPERATOR, None),
        ("Robert Lang", ("Bob Lang",), Role.COMPANY, None),
        ("Tore Svanberg", (), Role.ANALYST, "Stifel"),
        ("Joseph Moore", ("Joe Moore",), Role.ANALYST, "Morgan Stanley"),
        ("Tom O'Malley", (), Role.ANALYST, "Barclays"),
    ]
    assert [u.section for u in t.turns] == [P, P] + [Q] * 7


def test_full_width_title(bulleted: Transcript) -> None:
    text = BULLETED.read_text("utf-8").replace(
        "Harbor Pine Foods Inc (HPF) 2024 Q2", "Harbor Pine Foods Inc（HPF）２０２４ Ｑ２", 1
    )
    t = parse(text)
    m = t.meta
    assert (m.company, m.ticker, m.fiscal_year, m.quarter) == (
        "Harbor Pine Foods Inc",
        "HPF",
        2024,
        2,
    )
    assert m.title == "Harbor Pine Foods Inc（HPF）２０２４ Ｑ２ 法說會逐字稿"
    assert texts(t) == texts(bulleted)


@pytest.mark.parametrize("path", [BULLETED, BARE], ids=["bulleted", "bare"])
def test_header_with_translated_title(bulleted: Transcript, path: Path) -> None:
    # Before the fix the CFO's turn was merged into the CEO's.
    lines = _lines(path)
    k = max(i for i, ln in enumerate(lines) if ln.strip() == "Laura Chen - Chief Financial Officer")
    lines[k] = lines[k].replace("Chief Financial Officer", "財務長")
    t = parse(_join(lines))
    assert turns_of(t) == TURNS and texts(t) == texts(bulleted) and t.warnings == ()
    assert t.speakers[3].title == "Chief Financial Officer"


@pytest.mark.parametrize("path", [BULLETED, BARE], ids=["bulleted", "bare"])
def test_english_quoting_chinese_characters(bulleted: Transcript, path: Path) -> None:
    # Before the fix the bare layout took this English line for a stray translation and
    # lost the paragraph.
    en = "I'll now turn it over to Laura, who joins us from our 台北 office."
    text = path.read_text("utf-8").replace("I'll now turn it over to Laura.", en)
    t = parse(text)
    expected = texts(bulleted)
    expected[3] = (en, expected[3][1])
    assert texts(t) == expected and turns_of(t) == TURNS and t.warnings == ()
