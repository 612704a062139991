"""``earnings-viewer --export-csv`` through real subprocesses."""

from __future__ import annotations

import csv
import os
from pathlib import Path

import pytest

from tests.conftest import run_main as run
from tests.conftest import run_python
from tests.core.test_export_faults import OLD, read_only_folder
from viewer.core.models import Transcript
from viewer.core.transcript_io import load_transcript

HEADER = [
    "Company",
    "Ticker",
    "Fiscal year",
    "Quarter",
    "Section",
    "Turn",
    "Paragraph",
    "Speaker",
    "Title",
    "Role",
    "Firm",
    "English",
    "Chinese",
]

# A fictional call whose paragraphs start like formulas (bulleted StatementDog layout).
TRIGGER_CALL = """Quill Dynamics Inc (QUIL) 2025 Q2 法說會逐字稿

內容摘要

Quill Dynamics 公布第二季營收。

完整原文

使用警語:中文譯文來源為 Google 翻譯,僅供參考,內容請以英文原文為準

  • Operator

    Operator

  • Good morning, and welcome to the Quill Dynamics call.

    早安,歡迎參加 Quill Dynamics 電話會議。

  • Ann Lee - Chief Financial Officer

    Ann Lee - Chief Financial Officer

  • =HYPERLINK("http://example.invalid","click"), said nobody.

    =HYPERLINK("http://example.invalid","點擊"),沒有人這麼說。

  • -$5 million was the one-time charge, and "gross margin" held at 61%.

    -500 萬美元是一次性費用,「毛利率」維持在 61%。

  • +3 points of share, @ every customer.

    ＋3 個百分點的份額,＠每個客戶。
"""


def read_csv(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh))


def texts(rows: list[list[str]]) -> list[tuple[str, str]]:
    return [(r[11], r[12]) for r in rows[1:]]


def expected(t: Transcript, speaker_ids: set[str] | None = None, section: str | None = None):
    return [
        (p.en, p.zh or "")
        for turn in t.turns
        if (speaker_ids is None or turn.speaker_id in speaker_ids)
        and (section is None or turn.section.value == section)
        for p in turn.paragraphs
    ]


@pytest.fixture
def trigger_path(tmp_path: Path) -> Path:
    path = tmp_path / "QUIL-2025-Q2.txt"
    path.write_text(TRIGGER_CALL, encoding="utf-8")
    return path


def test_sample_all_paragraphs(sample_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "all.csv"
    done = run("--export-csv", out, sample_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "" and done.stderr == ""
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and not data.startswith(b"\xef\xbb\xbf" * 2)
    assert b"\n" not in data.replace(b"\r\n", b"")  # CRLF rows (no newline inside cells here)
    rows = read_csv(out)
    t = load_transcript(sample_path)
    assert rows[0] == HEADER
    assert texts(rows) == expected(t)
    assert rows[1][:5] == ["Novaris Semiconductor Inc", "NOVA", "2025", "3", "prepared"]


def test_sample_speaker_by_alias_and_section(sample_path: Path, tmp_path: Path) -> None:
    t = load_transcript(sample_path)
    out = tmp_path / "bob.csv"
    done = run("--export-csv", out, sample_path, "--speaker", "Bob Lang", "--section", "qa")
    assert done.returncode == 0, done.stderr
    rows = read_csv(out)
    assert texts(rows) == expected(t, {"robert-lang"}, "qa")
    assert {r[7] for r in rows[1:]} == {"Robert Lang"}


def test_sample_two_speakers_and_firm(sample_path: Path, tmp_path: Path) -> None:
    t = load_transcript(sample_path)
    out = tmp_path / "two.csv"
    done = run(
        "--export-csv", out, sample_path, "--speaker", "Tom Becker", "--speaker", "Raj Patel"
    )
    assert done.returncode == 0, done.stderr
    assert texts(read_csv(out)) == expected(t, {"thomas-becker", "raj-patel"})
    done = run("--export-csv", out, sample_path, "--firm", "goldman sachs")
    assert done.returncode == 0, done.stderr
    rows = read_csv(out)
    assert texts(rows) == expected(t, {"vivek-arora"})
    assert {r[10] for r in rows[1:]} == {"Goldman Sachs"}


def test_no_bom(sample_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "nobom.csv"
    assert run("--export-csv", out, sample_path, "--no-bom").returncode == 0
    assert out.read_bytes().startswith(b"Company,Ticker,")


def test_neutralised_by_default_raw_on_request(trigger_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "safe.csv"
    assert run("--export-csv", out, trigger_path).returncode == 0
    safe = read_csv(out)
    assert [r[11] for r in safe[2:]] == [
        '\'=HYPERLINK("http://example.invalid","click"), said nobody.',
        '\'-$5 million was the one-time charge, and "gross margin" held at 61%.',
        "'+3 points of share, @ every customer.",
    ]
    assert [r[12] for r in safe[2:]] == [
        '\'=HYPERLINK("http://example.invalid","點擊"),沒有人這麼說。',
        "'-500 萬美元是一次性費用,「毛利率」維持在 61%。",
        "'＋3 個百分點的份額,＠每個客戶。",
    ]
    assert safe[1][11] == "Good morning, and welcome to the Quill Dynamics call."

    raw_out = tmp_path / "raw.csv"
    assert run("--export-csv", raw_out, trigger_path, "--raw").returncode == 0
    assert texts(read_csv(raw_out)) == expected(load_transcript(trigger_path))


def test_alab(alab_path: Path, tmp_path: Path) -> None:
    t = load_transcript(alab_path)
    out = tmp_path / "alab.csv"
    done = run("--export-csv", out, alab_path)
    assert done.returncode == 0, done.stderr
    rows = read_csv(out)
    assert len(rows) == 1 + 139
    assert texts(rows) == expected(t)
    done = run("--export-csv", out, alab_path, "--speaker", "Mike Tate", "--firm", "JPMorgan")
    # Speaker and firm filters combine with AND: the CFO is not at JPMorgan.
    assert done.returncode == 0, done.stderr
    assert read_csv(out) == [HEADER]
    done = run("--export-csv", out, alab_path, "--speaker", "Joe Moore", "--section", "qa")
    assert done.returncode == 0, done.stderr
    assert texts(read_csv(out)) == expected(t, {"joseph-moore"}, "qa")


def test_unknown_speaker_is_an_error(sample_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.csv"
    done = run("--export-csv", out, sample_path, "--speaker", "Nobody Here")
    assert done.returncode == 1
    assert done.stderr.startswith("error: no speaker 'Nobody Here'")
    assert len(done.stderr.splitlines()) == 1
    assert not out.exists()


def test_target_is_a_directory(sample_path: Path, tmp_path: Path) -> None:
    done = run("--export-csv", tmp_path, sample_path)
    assert done.returncode == 1
    assert done.stderr.splitlines() == [f"error: {tmp_path}: the target is a folder, not a file"]
    assert os.listdir(tmp_path) == []


def test_missing_folder(sample_path: Path, tmp_path: Path) -> None:
    done = run("--export-csv", tmp_path / "no" / "x.csv", sample_path)
    assert done.returncode == 1
    assert len(done.stderr.splitlines()) == 1
    assert "the folder does not exist" in done.stderr


def test_read_only_folder_keeps_old_file(sample_path: Path, tmp_path: Path) -> None:
    with read_only_folder(tmp_path) as (folder, how):
        target = folder / "out.csv"
        if how == "inject":
            # Root without the right to mount: inject EROFS at os.open in the child process.
            code = (
                "import errno, os, sys\n"
                "real = os.open\n"
                "def fake(p, f, *a, **k):\n"
                f"    if str(p).startswith({str(folder)!r}) and f & (os.O_WRONLY | os.O_RDWR):\n"
                "        raise OSError(errno.EROFS, 'Read-only file system', str(p))\n"
                "    return real(p, f, *a, **k)\n"
                "os.open = fake\n"
                "from viewer.__main__ import main\n"
                f"sys.exit(main(['--export-csv', {str(target)!r}, {str(sample_path)!r}]))\n"
            )
            done = run_python("-c", code)
        else:
            done = run("--export-csv", target, sample_path)
        assert done.returncode == 1
        assert len(done.stderr.splitlines()) == 1
        assert done.stderr.startswith(f"error: {target}: ")
        assert target.read_bytes() == OLD.encode()
        assert os.listdir(folder) == ["out.csv"]


def test_find_exports_only_matching_paragraphs(sample_path: Path, tmp_path: Path) -> None:
    t = load_transcript(sample_path)
    out = tmp_path / "find.csv"
    done = run("--export-csv", out, sample_path, "--find", "GROSS MARGIN")
    assert done.returncode == 0, done.stderr
    want = [(p.en, p.zh or "") for p in t.paragraphs if "gross margin" in p.en.lower()]
    assert want and texts(read_csv(out)) == want
    done = run(
        "--export-csv", out, sample_path, "--find", "gross margin", "--speaker", "Kenneth Osei"
    )
    assert done.returncode == 0, done.stderr
    osei = set(expected(t, {"kenneth-osei"}))
    assert texts(read_csv(out)) == [w for w in want if w in osei] != want


def test_find_bad_regex_keeps_old_file(sample_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "find.csv"
    out.write_text(OLD, newline="")
    done = run("--export-csv", out, sample_path, "--find", "(", "--regex")
    assert done.returncode == 1
    assert len(done.stderr.splitlines()) == 1 and done.stderr.startswith("error: ")
    assert out.read_bytes() == OLD.encode()
