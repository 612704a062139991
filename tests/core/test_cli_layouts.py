"""CLI: ``--layout NAME`` forces a reader; FILE ``-`` reads standard input like a file."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys

import pytest

from tests.conftest import DATA, ROOT
from viewer.cli import build_parser, run_headless
from viewer.core.formats import layout_names

MD = DATA / "markdown" / "HPF_Q1_2024.md"
BULLETED = DATA / "hpf-bulleted.txt"


def _run(argv: list[str], stdin: bytes | None = None) -> tuple[int, str]:
    parser = build_parser()
    args = parser.parse_args(argv)
    out = io.StringIO()
    old = sys.stdin
    if stdin is not None:
        sys.stdin = io.TextIOWrapper(io.BytesIO(stdin))
    try:
        code = run_headless(args, parser, out)
    finally:
        sys.stdin = old
    return code, out.getvalue()


def test_json_has_layout_script_date_and_times() -> None:
    code, out = _run(["--json", str(DATA / "alphamemo" / "fixture__9999_2025Q4.txt")])
    doc = json.loads(out)
    assert code == 0
    assert (doc["meta"]["layout"], doc["meta"]["script"], doc["meta"]["call_date"]) == (
        "alphamemo",
        "Hant",
        "2025-08-12",
    )
    assert doc["turns"][0]["paragraphs"][1]["time"] == 9.0
    code, out = _run(["--json", str(MD)])
    doc = json.loads(out)
    assert (doc["meta"]["script"], doc["turns"][0]["paragraphs"][0]["time"]) == (None, None)


def test_stdin_reads_like_a_file_in_any_encoding() -> None:
    code, from_file = _run(["--json", str(MD)])
    assert code == 0
    # The same bytes on standard input, as UTF-16 with a BOM and CRLF newlines.
    data = MD.read_text("utf-8").replace("\n", "\r\n").encode("utf-16")
    code, from_stdin = _run(["--json", "-"], stdin=data)
    assert code == 0
    a, b = json.loads(from_file), json.loads(from_stdin)
    assert (b["meta"]["encoding"], b["meta"]["newline"]) == ("utf-16-le", "CRLF")
    assert a["turns"] == b["turns"] and a["speakers"] == b["speakers"]


def test_layout_forces_a_reader(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _run(["--json", "--layout", "markdown", str(BULLETED)])
    assert (code, out) == (1, "")
    err = capsys.readouterr().err
    assert err == f"error: {BULLETED}: not a Name: text transcript (no speaker labels found)\n"
    code, out = _run(["--json", "--layout", "statementdog", str(BULLETED)])
    assert code == 0 and json.loads(out)["meta"]["layout"] == "statementdog-bulleted"
    code, _ = _run(["--json", "--layout", "nope", str(BULLETED)])
    err = capsys.readouterr().err
    assert code == 1
    assert err == (
        f"error: {BULLETED}: unknown layout 'nope' (the viewer reads: {', '.join(layout_names())})\n"
    )


def test_empty_stdin_is_one_error_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _run(["--json", "-"], stdin=b"")
    assert (code, out, capsys.readouterr().err) == (1, "", "error: <stdin>: the file is empty\n")


def test_piped_into_the_real_program() -> None:
    res = subprocess.run(
        [sys.executable, "-m", "viewer", "--json", "-"],
        input=(DATA / "sentences" / "HPF_q2_2025.txt").read_bytes(),
        capture_output=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        timeout=120,
        check=False,
    )
    assert res.returncode == 0, res.stderr
    doc = json.loads(res.stdout.decode("utf-8"))
    assert doc["meta"]["layout"] == "sentence-per-line"
    assert any("no speakers" in w["message"] for w in doc["warnings"])


def test_help_lists_the_layouts() -> None:
    text = build_parser().format_help()
    assert all(name in " ".join(text.split()) for name in layout_names())


def test_the_command_lines_layout_names_are_the_readers() -> None:
    # cli and --help read them without importing the readers (viewer.core.layout_names).
    from viewer.core.formats import READERS
    from viewer.core.layout_names import LAYOUT_NAMES

    assert LAYOUT_NAMES == layout_names() == tuple(r.NAME for r in READERS)
