"""Issue 2: parsing speed against the floor, and peak memory of ``--json`` on 10 MB."""

from __future__ import annotations

import re
import subprocess
import sys

from bench.common import ROOT, Row, alternate, big_file, source_file
from viewer.core.transcript_io import load_transcript

_LINES = re.compile(r"\r\n?|\n")


def _floor(path: str) -> None:
    with open(path, "rb") as fh:
        _LINES.split(fh.read().decode("utf-8"))


def _peak_json_mb(path: str) -> float:
    code = (
        "import resource, sys, io\n"
        "from viewer.__main__ import main\n"
        "sys.stdout = io.StringIO()\n"
        f"main(['--json', {path!r}])\n"
        "sys.stdout = sys.__stdout__\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return int(out.stdout.strip().splitlines()[-1]) / 1024


def rows() -> list[Row]:
    src, big = str(source_file()), str(big_file())
    out = []
    for label, path, rep in (("parse ALAB", src, 15), ("parse 10 MB", big, 5)):
        t, floor = alternate(lambda p=path: load_transcript(p), lambda p=path: _floor(p), rep)
        out.append(Row(f"{label} vs read+decode+split", t, floor, 10.0))
    out.append(Row("peak memory --json 10 MB", _peak_json_mb(big), None, 150.0, "MB"))
    return out
