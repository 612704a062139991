"""``earnings-viewer --library DIR --find / --compare`` (issue 15)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import run_cli
from tests.core.library_util import CLNT, OTHERS, make_folder
from viewer.__main__ import main
from viewer.core.search import SearchIndex, SearchOptions, find
from viewer.core.transcript_io import load_transcript


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, Any, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, (json.loads(out) if out.strip() else None), err


def test_find_across_the_library(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = make_folder(tmp_path, [*CLNT, *OTHERS])
    db = tmp_path / "lib.db"
    code, doc, err = run(capsys, "--library", folder, "--db", db, "--find", "營收")
    assert (code, err) == (0, "")
    assert set(doc) == {"query", "count", "calls", "hits"}
    assert doc["query"] == "營收" and doc["count"] == len(doc["hits"])
    # the hits of each file are exactly those of --find on that file
    by_file: dict[str, list[dict[str, Any]]] = {}
    for h in doc["hits"]:
        assert set(h) == {"file", "company", "period", "paragraph", "lang", "start", "end"}
        by_file.setdefault(h["file"], []).append(h)
    assert doc["calls"] == len(by_file) == 7
    for path, hits in by_file.items():
        t = load_transcript(path)
        expected = [h._asdict() for h in find(SearchIndex(t), SearchOptions(query="營收"))]
        assert [{k: h[k] for k in ("paragraph", "lang", "start", "end")} for h in hits] == expected
        assert {h["company"] for h in hits} == {t.meta.ticker}
    assert {h["period"] for h in doc["hits"] if h["company"] == "CLNT"} == {
        "Q2 2024",
        "Q3 2024",
        "Q4 2024",
        "Q1 2025",
        "Q2 2025",
    }


def test_find_options_and_company(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = make_folder(tmp_path, [*CLNT, *OTHERS])
    db = tmp_path / "lib.db"
    base = ("--library", folder, "--db", db, "--find")
    _, loose, _ = run(capsys, *base, "the")
    _, word, _ = run(capsys, *base, "the", "--whole-word")
    _, case, _ = run(capsys, *base, "THE", "--case-sensitive")
    assert loose["count"] > word["count"] > case["count"] > 0
    _, zh, _ = run(capsys, *base, "guidance", "--scope", "zh")
    assert zh["count"] == 0
    _, one, _ = run(capsys, *base, "營收", "--company", "qrl")
    assert {h["company"] for h in one["hits"]} == {"QRL"} and one["calls"] == 1
    _, rx, _ = run(capsys, *base, r"\$\d+\.\d million", "--regex")
    assert rx["count"] > 0
    code, doc, err = run(capsys, *base, "(", "--regex")
    assert code == 1 and doc is None and err.startswith("error: invalid regular expression")


def test_find_export_csv(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = make_folder(tmp_path)
    out = tmp_path / "hits.csv"
    code, doc, _ = run(
        capsys,
        "--library",
        folder,
        "--db",
        tmp_path / "l.db",
        "--find",
        "指引",
        "--export-csv",
        out,
    )
    assert code == 0
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert rows[0][:5] == ["Call", "Company", "Period", "Speaker", "Paragraph"]
    assert sum(int(r[5]) for r in rows[1:]) == doc["count"]


def test_compare(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = make_folder(tmp_path)
    code, doc, err = run(
        capsys, "--library", folder, "--db", tmp_path / "l.db", "--compare", "CLNT"
    )
    assert (code, err) == (0, "")
    assert set(doc) == {"ticker", "calls", "metrics", "guidance"}
    verdicts = {(g["metric"], g["for_period"]): g["verdict"] for g in doc["guidance"]}
    assert verdicts[("revenue", "Q3 2024")] == "above"
    assert verdicts[("revenue", "Q1 2025")] == "below"
    assert verdicts[("revenue", "Q4 2024")] == "within"
    assert verdicts[("revenue", "Q3 2025")] == "pending"


def test_a_failing_file_is_a_warning_not_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = make_folder(tmp_path)
    (folder / "broken.txt").write_text("nothing to see\n", encoding="utf-8")
    code, doc, err = run(capsys, "--library", folder, "--db", tmp_path / "l.db")
    assert code == 0
    assert doc["added"] == 6 and [Path(p).name for p in doc["failed"]] == ["broken.txt"]
    assert err.startswith("warning: ") and "broken.txt" in err


def test_bad_arguments(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--library", tmp_path / "missing", "--db", tmp_path / "l.db")
    assert code == 1 and "not a folder" in err
    with pytest.raises(SystemExit) as exc:
        main(["--library", str(tmp_path), "--find", "x", "--compare", "Y"])
    assert exc.value.code == 2


def test_a_corrupt_database_is_rebuilt(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "l.db"
    db.write_bytes(b"\x00garbage" * 1000)
    code, doc, err = run(capsys, "--library", make_folder(tmp_path), "--db", db, "--find", "毛利")
    assert code == 0 and doc["count"] > 0
    assert "moved to" in err and len(list(tmp_path.glob("l.db.corrupt-*"))) == 1


def test_subprocess_smoke(tmp_path: Path) -> None:
    folder = make_folder(tmp_path)
    out = run_cli("--library", folder, "--db", tmp_path / "l.db", "--find", "毛利")
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    assert doc["count"] > 0 and doc["calls"] == 5
