"""CSV export: round trip, BOM and line ends, neutralisation, selection, file names."""

from __future__ import annotations

import csv
import io
import os
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.core.errors import ViewerError
from viewer.core.export import (
    PARAGRAPH_COLUMNS,
    PARAGRAPH_HEADERS,
    ExportCancelled,
    clean_cell,
    csv_bytes,
    csv_text,
    neutralise_cell,
    paragraph_export,
    paragraph_header,
    paragraph_rows,
    preview_rows,
    safe_filename,
    select_paragraphs,
    suggested_filename,
    write_csv,
)
from viewer.core.models import (
    CallMeta,
    Layout,
    Paragraph,
    Role,
    Section,
    Speaker,
    Transcript,
    Turn,
)

# Fictional call; every awkward thing a cell can hold, in both languages.
TRICKY = [
    ("Line one\nline two, with a comma", "第一行\n第二行，有逗號"),
    ('She said "record quarter", twice', "她說「創紀錄的一季」，說了兩次"),
    ("Full-width ＡＢＣ １２３ （note）：", "全形 ＡＢＣ １２３ （註）："),
    ("Carriage\r\nreturn, and a tab\tinside", "回車\r\n與定位\t字元"),
    ("", None),
]
TRIGGERS = ["=1+2", "+1 555 0100", "-2+3+cmd|' /C calc'!A0", "@SUM(A1)", "＝1", "＋1", "－1", "＠x"]
PREFIXES = ["", " ", "   ", "\u3000", "\t", "\r", "\n", " \t", "\r\n "]


def _transcript(pairs: list[tuple[str, str | None]] | None = None) -> Transcript:
    speakers = (
        Speaker(id="operator", name="Operator", role=Role.OPERATOR),
        Speaker(
            id="ann-lee",
            name="Ann Lee",
            aliases=("Annie Lee",),
            title="Chief Financial Officer",
            role=Role.COMPANY,
        ),
        Speaker(
            id="bo-chen", name="Bo Chen", title="Analyst", role=Role.ANALYST, firm="J.P. Morgan"
        ),
        Speaker(id="cy-diaz", name="Cy Diaz", title="Analyst", role=Role.ANALYST, firm="Baird"),
    )
    pairs = pairs if pairs is not None else TRICKY
    plan = [
        ("operator", Section.PREPARED, [("Welcome to the call.", "歡迎參加電話會議。")]),
        ("ann-lee", Section.PREPARED, pairs),
        ("operator", Section.QA, [("Bo Chen, J.P. Morgan.", "Bo Chen,摩根大通。")]),
        ("bo-chen", Section.QA, [("-$5 million of what?", "負 500 萬美元的什麼?")]),
        ("ann-lee", Section.QA, [("=Good question.", "=好問題。")]),
        ("cy-diaz", Section.QA, [("@Ann, thanks.", "@Ann,謝謝。")]),
    ]
    turns, n, line = [], 0, 10
    for t_index, (sid, section, texts) in enumerate(plan):
        paras = []
        for en, zh in texts:
            paras.append(Paragraph(index=n, en=en, zh=zh, line=line, zh_line=line + 2))
            n, line = n + 1, line + 4
        turns.append(
            Turn(index=t_index, speaker_id=sid, section=section, line=line, paragraphs=tuple(paras))
        )
        line += 4
    meta = CallMeta(
        company="Quill Dynamics Inc",
        ticker="QUIL",
        fiscal_year=2025,
        quarter=2,
        title="Quill Dynamics Inc (QUIL) 2025 Q2 法說會逐字稿",
        layout=Layout.BULLETED,
        encoding="utf-8",
    )
    return Transcript(meta=meta, speakers=speakers, turns=tuple(turns))


def _read(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh))


# --- the file --------------------------------------------------------------------------


def test_round_trip_both_languages(tmp_path: Path) -> None:
    t = _transcript()
    out = tmp_path / "para.csv"
    indices = [p.index for p in t.turns[1].paragraphs]
    write_csv(out, paragraph_header(), paragraph_rows(t, indices))
    rows = _read(out)
    assert rows[0] == [PARAGRAPH_HEADERS[c] for c in PARAGRAPH_COLUMNS]
    assert [(r[-2], r[-1]) for r in rows[1:]] == [(en, zh or "") for en, zh in TRICKY]
    first = dict(zip(rows[0], rows[1], strict=True))
    assert first == {
        "Company": "Quill Dynamics Inc",
        "Ticker": "QUIL",
        "Fiscal year": "2025",
        "Quarter": "2",
        "Section": "prepared",
        "Turn": "2",
        "Paragraph": "2",
        "Speaker": "Ann Lee",
        "Title": "Chief Financial Officer",
        "Role": "company",
        "Firm": "",
        "English": TRICKY[0][0],
        "Chinese": TRICKY[0][1],
    }


def test_exactly_one_bom_and_crlf_rows(tmp_path: Path) -> None:
    out = tmp_path / "a.csv"
    write_csv(out, ["\ufeffa", "b"], [["\ufeffx", "y\nz"], ["1", "2"]])
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.count("\ufeff".encode()) == 1
    assert data == b'\xef\xbb\xbfa,b\r\nx,"y\nz"\r\n1,2\r\n'


def test_no_bom(tmp_path: Path) -> None:
    out = tmp_path / "a.csv"
    write_csv(out, ["English", "Chinese"], [["Revenue", "營收"]], bom=False)
    assert out.read_bytes() == "English,Chinese\r\nRevenue,營收\r\n".encode()


def test_overwrites_existing_file_and_keeps_its_permissions(tmp_path: Path) -> None:
    out = tmp_path / "a.csv"
    out.write_text("old\n")
    os.chmod(out, 0o640)
    write_csv(out, ["h"], [["new"]], bom=False)
    assert out.read_bytes() == b"h\r\nnew\r\n"
    assert os.stat(out).st_mode & 0o777 == 0o640
    assert sorted(os.listdir(tmp_path)) == ["a.csv"]


def test_new_file_gets_ordinary_permissions(tmp_path: Path) -> None:
    out = tmp_path / "new.csv"
    mask = os.umask(0o027)
    try:
        write_csv(out, ["h"], [])
    finally:
        os.umask(mask)
    assert os.stat(out).st_mode & 0o777 == 0o640  # 0o666 & ~0o027, not mkstemp's 0o600


def test_none_and_numbers(tmp_path: Path) -> None:
    out = tmp_path / "n.csv"
    write_csv(out, ["a", "b", "c", "d"], [[None, -0.15, 42, True]], bom=False)
    assert out.read_bytes() == b"a,b,c,d\r\n,-0.15,42,true\r\n"


def test_control_characters_removed_tab_and_newlines_kept() -> None:
    raw = "a\x00b\x01c\x07d\x1be\x7ff\x85g\tTAB\nLF\rCR\ufeffh"
    assert clean_cell(raw) == "abcdefg\tTAB\nLF\rCRh"
    text = csv_text(["x"], [[raw]], bom=False, neutralise=False)
    assert next(csv.reader(io.StringIO(text[len("x\r\n") :], newline=""))) == [clean_cell(raw)]


def test_control_character_cannot_hide_a_formula() -> None:
    assert neutralise_cell(clean_cell("\x00=1+2")) == "'=1+2"
    text = csv_text(["h"], [["\x00\x01=1+2"]], bom=False)
    assert text == "h\r\n'=1+2\r\n"


# --- neutralisation --------------------------------------------------------------------


@pytest.mark.parametrize("prefix", PREFIXES)
@pytest.mark.parametrize("trigger", TRIGGERS)
def test_every_trigger_neutralised(prefix: str, trigger: str) -> None:
    value = prefix + trigger
    assert neutralise_cell(value) == "'" + value


@pytest.mark.parametrize("value", ["\tplain", "\rplain", "\nplain", "\r\nplain"])
def test_leading_tab_cr_lf_always_neutralised(value: str) -> None:
    assert neutralise_cell(value) == "'" + value


@pytest.mark.parametrize(
    "value",
    [
        "Revenue grew 11%",
        "营收 -5%",
        "a=b",
        "x-y",
        "'already quoted",
        "",
        "   ",
        "中文=公式",
        "(Operator Instructions)",
        "%",
        "|pipe",
    ],
)
def test_plain_text_untouched(value: str) -> None:
    assert neutralise_cell(value) == value


@pytest.mark.parametrize("value", ["-0.15", "+3", "-1,234.5", "-5%", "-2e-3", "-.5", "+12.50%"])
def test_plain_numbers_stay_numbers(value: str) -> None:
    assert neutralise_cell(value) == value


@pytest.mark.parametrize(
    "value", ["-$5 million", "-- I'm sorry", "-5.", "-1+1", "-5% -5%", "+", "-", "－5"]
)
def test_text_that_starts_like_a_number_is_neutralised(value: str) -> None:
    # The rule: only a whole plain number escapes; text keeps readable with one leading '.
    assert neutralise_cell(value) == "'" + value


def test_every_column_neutralised_and_nothing_else_altered(tmp_path: Path) -> None:
    triggers = [p + tr for p in PREFIXES for tr in TRIGGERS]
    safe = ["plain", "-0.15", "a=b", "中文", 'quote " inside', "new\nline"]
    width = 6
    cells = triggers + safe
    rows = [
        [cells[(r + c) % len(cells)] for c in range(width)] for r in range(len(cells))
    ]  # every value lands in every column
    header = [f"={c}" for c in range(width)]
    out = tmp_path / "n.csv"
    write_csv(out, header, rows)
    back = _read(out)
    assert back[0] == [f"'={c}" for c in range(width)]
    for got_row, want_row in zip(back[1:], rows, strict=True):
        for got, want in zip(got_row, want_row, strict=True):
            expected = "'" + want if want in triggers else want
            assert got == expected


def test_raw_mode_writes_values_untouched_but_controls(tmp_path: Path) -> None:
    values = ["=1+2", "\t=x", "-$5 million", "@x", "＝1", "a\x00b"]
    out = tmp_path / "raw.csv"
    write_csv(out, ["h"], [[v] for v in values], neutralise=False)
    assert [r[0] for r in _read(out)[1:]] == ["=1+2", "\t=x", "-$5 million", "@x", "＝1", "ab"]


_cells = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",))
    | st.sampled_from(list("=+-@＝＋－＠\t\r\n \",'\x00\x1b")),
    max_size=12,
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(_cells, min_size=1, max_size=4), max_size=6), st.booleans())
def test_property_round_trip(rows: list[list[str]], neutralise: bool) -> None:
    text = csv_text(["h"], rows, bom=False, neutralise=neutralise)
    back = list(csv.reader(io.StringIO(text, newline="")))[1:]
    want = [[clean_cell(v) for v in row] for row in rows]
    if neutralise:
        want = [[neutralise_cell(v) for v in row] for row in want]
    # csv reads an empty one-cell row back as no cells at all.
    assert [r if r else [""] for r in back] == want
    for got_row, orig_row in zip(back, rows, strict=False):
        for got, orig in zip(got_row, orig_row, strict=False):
            cleaned = clean_cell(orig)
            assert got in (cleaned, "'" + cleaned)
            if neutralise and got != cleaned:
                core = cleaned.lstrip()
                assert cleaned[:1] in "\t\r\n" or core[:1] in "=+-@＝＋－＠"


# --- rows, selection, progress ---------------------------------------------------------


def test_columns_subset_and_order() -> None:
    t = _transcript()
    rows = [list(r) for r in paragraph_rows(t, [0, 9], ["zh", "speaker", "line", "turn"])]
    assert rows == [
        ["歡迎參加電話會議。", "Operator", 10, 1],
        ["@Ann,謝謝。", "Cy Diaz", rows[1][2], 6],
    ]
    assert list(paragraph_rows(t, [1], ["en"])) == [(TRICKY[0][0],)]
    assert list(paragraph_rows(t, [1], [])) == [()]
    with pytest.raises(ViewerError, match="unknown export column"):
        paragraph_header(["en", "nope"])


def test_select_all_when_no_filter() -> None:
    t = _transcript()
    assert select_paragraphs(t) == list(range(len(t.paragraphs)))


def test_select_by_speaker_name_or_alias() -> None:
    t = _transcript()
    ann = [p.index for turn in t.turns if turn.speaker_id == "ann-lee" for p in turn.paragraphs]
    assert select_paragraphs(t, speakers=["Ann Lee"]) == ann
    assert select_paragraphs(t, speakers=["annie lee"]) == ann
    assert select_paragraphs(t, speakers=["Annie Lee", "Cy Diaz"]) == [*ann, 9]
    with pytest.raises(ViewerError, match="no speaker 'Nobody'"):
        select_paragraphs(t, speakers=["Nobody"])


def test_select_by_firm_section_and_combined() -> None:
    t = _transcript()
    assert select_paragraphs(t, firms=["JPMorgan"]) == [7]
    assert select_paragraphs(t, firms=["jp morgan", "BAIRD"]) == [7, 9]
    assert select_paragraphs(t, section="qa") == [6, 7, 8, 9]
    assert select_paragraphs(t, section=Section.PREPARED) == [0, 1, 2, 3, 4, 5]
    assert select_paragraphs(t, speakers=["Ann Lee"], section="qa") == [8]
    with pytest.raises(ViewerError, match="no firm"):
        select_paragraphs(t, firms=["Acme"])


def test_progress_and_cancel(monkeypatch: pytest.MonkeyPatch) -> None:
    t = _transcript()
    indices = list(range(len(t.paragraphs))) * 300
    seen: list[tuple[int, int]] = []
    rows = list(paragraph_rows(t, indices, progress=lambda d, n: seen.append((d, n))))
    assert len(rows) == len(indices)
    assert seen[-1] == (len(indices), len(indices))
    assert [d for d, _ in seen] == sorted(d for d, _ in seen) and len(seen) > 2

    calls = 0

    def cancel() -> bool:
        nonlocal calls
        calls += 1
        return calls >= 2

    with pytest.raises(ExportCancelled):
        list(paragraph_rows(t, indices, cancel=cancel))


def test_cancel_leaves_old_file(tmp_path: Path) -> None:
    t = _transcript()
    out = tmp_path / "a.csv"
    out.write_text("old")
    with pytest.raises(ExportCancelled):
        write_csv(out, paragraph_header(), paragraph_rows(t, [0, 1], cancel=lambda: True))
    assert out.read_text() == "old"
    assert os.listdir(tmp_path) == ["a.csv"]


# --- file names ------------------------------------------------------------------------


def test_suggested_filename() -> None:
    assert suggested_filename(_transcript(), "paragraphs") == "QUIL-2025-Q2-paragraphs.csv"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("ALAB: Q4?", "ALAB_ Q4_.csv"),
        ("CON", "_CON.csv"),
        ("con", "_con.csv"),
        ("Com1.backup", "_Com1.backup.csv"),
        ("LPT9 ", "_LPT9.csv"),
        ("NUL.csv", "_NUL.csv"),
        ('a<b>c:d"e/f\\g|h?i*j', "a_b_c_d_e_f_g_h_i_j.csv"),
        ("trailing dots...", "trailing dots.csv"),
        ("  ..", "export.csv"),
        ("tab\tand\nnewline", "tab_and_newline.csv"),
        ("CONSOLE", "CONSOLE.csv"),
        ("法說會 2024", "法說會 2024.csv"),
    ],
)
def test_safe_filename(name: str, expected: str) -> None:
    assert safe_filename(name) == expected


def test_safe_filename_length() -> None:
    name = safe_filename("x" * 500)
    assert len(name) <= 120 and name.endswith(".csv")


_any_text = st.text(
    alphabet=st.characters(codec="utf-8")
    | st.sampled_from(["\x00", "\x1f", "\x7f", "\x85", "\x9f", "\ufeff", "\xa0", "é", "，"]),
    max_size=20,
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(_any_text | st.none() | st.integers(), max_size=3), max_size=5))
def test_bytes_fast_path_matches_text(rows: list[list[object]]) -> None:
    # write_csv's byte-level control check must give exactly the text-level document.
    for neutralise in (True, False):
        assert csv_bytes(["h", "=x"], rows, neutralise=neutralise) == csv_text(
            ["h", "=x"], rows, neutralise=neutralise
        ).encode("utf-8")


def test_every_unicode_whitespace_before_a_trigger() -> None:
    spaces = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]
    for space in spaces:
        text = csv_text(["h"], [[space + "=1"]], bom=False)
        row = next(csv.reader(io.StringIO(text.split("\r\n", 1)[1], newline="")))
        assert row == ["'" + clean_cell(space + "=1")], repr(space)


def test_lone_surrogate_removed(tmp_path: Path) -> None:
    out = tmp_path / "s.csv"
    write_csv(out, ["h"], [["a\udcffb", "\ud800=1"]], bom=False)
    assert out.read_bytes() == b"h\r\nab,'=1\r\n"


def test_paragraph_export_spec_and_preview(tmp_path: Path) -> None:
    t = _transcript()
    spec = paragraph_export(t, [9, 8, 7])
    assert (spec.kind, spec.count, spec.defaults) == ("paragraphs", 3, PARAGRAPH_COLUMNS)
    assert spec.suggested_name == "QUIL-2025-Q2-paragraphs.csv"
    preview = preview_rows(spec, ["speaker", "en"], limit=2)
    assert preview == [
        ["Speaker", "English"],
        ["Cy Diaz", "'@Ann, thanks."],
        ["Ann Lee", "'=Good question."],
    ]
    assert preview_rows(spec, ["en"], neutralise=False, limit=1) == [["English"], ["@Ann, thanks."]]
    out = tmp_path / spec.suggested_name
    write_csv(out, spec.header(["zh"]), spec.rows(["zh"], None, None))
    assert _read(out) == [
        ["Chinese"],
        ["'@Ann,謝謝。"],
        ["'=好問題。"],
        ["負 500 萬美元的什麼?"],
    ]
    with pytest.raises(ViewerError):
        spec.header(["bogus"])
