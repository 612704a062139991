"""The headless CLI as a user runs it: ``main([...])`` in-process on real files, plus real
processes where the process itself matters (entry point, encodings, signals)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import run_cli, run_python
from tests.conftest import run_main as run
from viewer import __version__
from viewer.core.formats import unrecognised_reason
from viewer.core.transcript_io import load_transcript

DATA = Path(__file__).resolve().parents[1] / "data"
BULLETED = DATA / "hpf-bulleted.txt"
BARE = DATA / "hpf-bare.txt"


def run_json(path: Path, *extra: str) -> dict[str, Any]:
    res = run("--json", *extra, path)
    assert (res.returncode, res.stderr) == (0, "")
    doc: dict[str, Any] = json.loads(res.stdout)
    return doc


def test_a_real_process_prints_what_main_returns() -> None:
    """Smoke test of the installed entry point: the other CLI tests call ``main`` in-process."""
    res = run_cli("--json", BULLETED)
    assert (res.returncode, res.stderr) == (0, "")
    assert json.loads(res.stdout) == run_json(BULLETED)


def test_json_document(tmp_path: Path) -> None:
    doc = run_json(BULLETED)
    t = load_transcript(BULLETED)
    assert {"meta", "summary", "speakers", "turns", "warnings"} <= doc.keys()
    assert {
        k: doc["meta"][k]
        for k in ("company", "ticker", "fiscal_year", "quarter", "title", "layout", "encoding")
    } == {
        "company": "Harbor Pine Foods Inc",
        "ticker": "HPF",
        "fiscal_year": 2024,
        "quarter": 2,
        "title": "Harbor Pine Foods Inc (HPF) 2024 Q2 法說會逐字稿",
        "layout": "statementdog-bulleted",
        "encoding": "utf-8",
    }
    assert doc["summary"] == list(t.summary)
    assert [
        {k: s[k] for k in ("id", "name", "aliases", "title", "role", "firm")}
        for s in doc["speakers"]
    ] == [
        {
            "id": s.id,
            "name": s.name,
            "aliases": list(s.aliases),
            "title": s.title,
            "role": s.role.value,
            "firm": s.firm,
        }
        for s in t.speakers
    ]
    assert (
        doc["speakers"][5].items()
        >= {
            "id": "daniel-okafor",
            "aliases": ["Danny Okafor"],
            "role": "analyst",
            "firm": "Stephens",
        }.items()
    )
    turns = [
        (
            u["index"],
            u["speaker_id"],
            u["section"],
            [(p["index"], p["en"], p["zh"]) for p in u["paragraphs"]],
        )
        for u in doc["turns"]
    ]
    assert turns == [
        (
            u.index,
            u.speaker_id,
            u.section.value,
            [(p.index, p.en, p.zh) for p in u.paragraphs],
        )
        for u in t.turns
    ]
    assert turns[4][:3] == (4, "operator", "qa")
    # Paragraph indexes are 0-based over body paragraphs in document order.
    assert [p[0] for u in turns for p in u[3]] == list(range(13))
    assert doc["warnings"] == []


def test_json_keeps_text_exactly(tmp_path: Path) -> None:
    doc = run_json(BULLETED)
    en = doc["turns"][2]["paragraphs"][0]["en"]
    assert en.startswith("Thanks, Grace.") and "<b>Crunch &amp; Co</b> <img src=x>" in en
    assert doc["turns"][2]["paragraphs"][1]["zh"] == "現在我將把它交給勞拉‧陳。"


def test_json_bare_layout_cp950_crlf(tmp_path: Path) -> None:
    p = tmp_path / "通話.txt"
    p.write_bytes(BARE.read_text("utf-8").replace("\n", "\r\n").encode("cp950"))
    doc = run_json(p)
    assert (doc["meta"]["layout"], doc["meta"]["encoding"]) == ("statementdog-bare", "cp950")
    assert doc["meta"]["newline"] == "CRLF"
    assert len(doc["turns"]) == 11
    assert doc["turns"][2]["paragraphs"][1]["zh"] == "現在我將把它交給勞拉‧陳。"


def test_json_with_warnings_and_replacement(tmp_path: Path) -> None:
    data = BULLETED.read_bytes().replace(b"two-thirds", b"two-\xffthirds")
    p = tmp_path / "bad.txt"
    p.write_bytes(data)
    doc = run_json(p, "--replace-invalid")
    assert doc["turns"][6]["paragraphs"][0]["en"].startswith("About two-\ufffdthirds")
    assert doc["warnings"] == [{"line": None, "message": "invalid bytes were replaced by U+FFFD"}]


def test_json_of_the_sample(sample_path: Path) -> None:
    doc = run_json(sample_path)
    assert (doc["meta"]["ticker"], doc["meta"]["quarter"]) == ("NOVA", 3)
    assert len(doc["turns"]) == 29 and len(doc["speakers"]) == 10


def test_version() -> None:
    res = run("--version")
    assert (res.returncode, res.stdout, res.stderr) == (0, f"earnings-viewer {__version__}\n", "")


def _bad_inputs(tmp: Path) -> list[tuple[Path | str, str]]:
    (tmp / "empty.txt").write_bytes(b"")
    (tmp / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(32))
    (tmp / "novel.txt").write_text("Call me Ishmael.\n\nSome years ago.\n" * 5)
    bad = BULLETED.read_bytes().replace(b"two-thirds", b"two-\xffthirds")
    (tmp / "bad.txt").write_bytes(bad)
    return [
        (tmp / "missing.txt", "no such file"),
        (tmp, "is a directory, not a file"),
        ("/dev/zero", "is not a regular file (device, pipe or socket)"),
        (tmp / "empty.txt", "the file is empty"),
        (tmp / "image.txt", "not a text transcript (looks like a PNG image)"),
        (tmp / "novel.txt", unrecognised_reason()),
        (
            tmp / "bad.txt",
            "line 73: invalid UTF-8 bytes and no other expected encoding fits "
            "(open with replacement characters, or choose an encoding)",
        ),
    ]


def test_bad_input_exit_1_with_one_error_line(tmp_path: Path) -> None:
    for path, reason in _bad_inputs(tmp_path):
        res = run("--json", path)
        assert res.returncode == 1, path
        assert res.stdout == ""
        assert res.stderr == f"error: {path}: {reason}\n"
        assert "Traceback" not in res.stderr


def test_unknown_encoding_is_bad_input() -> None:
    res = run("--json", "--encoding", "klingon", BULLETED)
    assert (res.returncode, res.stdout) == (1, "")
    assert res.stderr == f"error: {BULLETED}: unknown encoding 'klingon'\n"


@pytest.mark.parametrize(
    "args",
    [["--json"], ["--json", str(BULLETED), str(BARE)], ["--no-such-flag", str(BULLETED)]],
    ids=["no-file", "two-files", "unknown-flag"],
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    res = run(*args)
    assert (res.returncode, res.stdout) == (2, "")
    lines = res.stderr.splitlines()
    assert lines[0].startswith("usage: earnings-viewer")
    assert lines[-1].startswith("earnings-viewer: error: ")
    assert "Traceback" not in res.stderr


def test_json_never_imports_qt() -> None:
    code = (
        "import sys\n"
        "from viewer.__main__ import main\n"
        f"rc = main(['--json', {str(BULLETED)!r}])\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "print('QT:' + ','.join(bad), rc, file=sys.stderr)\n"
    )
    res = run_python("-c", code)
    assert res.stderr == "QT: 0\n"


def test_write_document_is_the_indented_json_in_blocks() -> None:
    import io

    from viewer.cli import write_document

    # Several blocks of a million characters, Chinese included (one block before the fix).
    doc = {
        "turns": [
            {"en": "Revenue grew 5%.", "zh": "營收成長 5%。" * 20, "i": i} for i in range(20000)
        ]
    }
    out = io.StringIO()
    write_document(doc, out)
    assert out.getvalue() == json.dumps(doc, ensure_ascii=False, indent=1) + "\n"
    assert len(out.getvalue()) > 3 * 2**20


def test_write_document_writes_nothing_when_any_part_is_not_utf8() -> None:
    import io

    from viewer.cli import write_document
    from viewer.core.errors import ViewerError

    # The bad text sits past the first block: the blocks before it must not be written.
    doc = {"turns": ["x" * 1000] * 3000 + ["Grace\udcff"]}
    out = io.StringIO()
    with pytest.raises(ViewerError, match="not valid UTF-8"):
        write_document(doc, out)
    assert out.getvalue() == ""
