"""Issue 16 item 5: odd arguments end in one clear ``error:`` line, never a traceback."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import run_cli as run
from viewer.__main__ import main
from viewer.core.errors import TranscriptError
from viewer.core.loading import load_text

DATA = Path(__file__).resolve().parents[1] / "data"
BARE = DATA / "hpf-bare.txt"


def _one_error_line(stderr: str) -> str:
    lines = stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), stderr
    return lines[0]


def test_a_codec_that_cannot_decode_is_one_error_line() -> None:
    res = run("--json", "--encoding", "undefined", BARE)
    assert (res.returncode, res.stdout) == (1, "")
    assert (
        _one_error_line(res.stderr) == f"error: {BARE}: the encoding 'undefined' cannot decode text"
    )


@pytest.mark.parametrize("encoding", ["undefined", "base64", "rot13", "hex", "zlib", "utf\x008"])
@pytest.mark.parametrize("replace", [False, True])
def test_codecs_that_are_not_text_encodings_are_refused(encoding: str, replace: bool) -> None:
    with pytest.raises(TranscriptError, match="encoding"):
        load_text(BARE, encoding=encoding, replace_errors=replace)


@pytest.mark.parametrize("encoding", ["idna", "punycode"])
def test_codecs_without_replacement_are_refused(encoding: str) -> None:
    with pytest.raises(TranscriptError, match="cannot replace invalid bytes"):
        load_text(BARE, encoding=encoding, replace_errors=True)


def test_a_nul_byte_in_a_path_is_one_error_line(capsys: pytest.CaptureFixture[str]) -> None:
    # A NUL cannot travel through argv to a child process, so main() runs in this process.
    assert main(["--json", str(DATA / "hpf\x00bare.txt")]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert _one_error_line(err) == "error: FILE: the path contains a NUL byte"
    with pytest.raises(TranscriptError, match="the path contains a NUL byte"):
        load_text(str(DATA / "hpf\x00bare.txt"))


def test_a_nul_byte_in_an_output_path_is_one_error_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--export-csv", str(tmp_path / "a\x00b.csv"), str(BARE)]) == 1
    assert _one_error_line(capsys.readouterr().err) == (
        "error: --export-csv: the path contains a NUL byte"
    )
    assert list(tmp_path.iterdir()) == []


def test_find_with_a_query_that_is_not_utf8_prints_nothing_but_the_error() -> None:
    query = os.fsdecode(b"Grace\xff")  # what Python makes of undecodable argv bytes
    res = run("--find", query, BARE)
    assert (res.returncode, res.stdout) == (1, "")
    assert _one_error_line(res.stderr) == r"error: --find: 'Grace\udcff' is not valid UTF-8 text"


def test_find_output_is_built_before_it_is_written(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--find", "Grace", str(BARE)]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["query"] == "Grace" and doc["count"] >= 1


def test_a_file_name_that_is_not_utf8_still_loads(tmp_path: Path) -> None:
    name = tmp_path / os.fsdecode(b"\xa5x\xa4\xe5-2024.txt")  # a Big5-named file on Linux
    shutil.copyfile(BARE, name)
    res = run("--json", name)
    assert (res.returncode, res.stderr) == (0, "")
    assert json.loads(res.stdout)["meta"]["layout"] == "statementdog-bare"
