"""Issue 16 item 7: non-ASCII numbers get the formula prefix, a killed write's temp file is
cleaned up by the next write, and a FIFO or device target is refused."""

from __future__ import annotations

import fcntl
import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import ROOT
from viewer.core.errors import ExportError
from viewer.core.export import csv_text, neutralise_cell, write_csv


@pytest.mark.parametrize("cell", ["+１２.３", "-٣", "-１", "+٣٫٥", "-१२"])
def test_numbers_in_other_digits_are_prefixed(cell: str) -> None:
    assert neutralise_cell(cell) == "'" + cell
    assert csv_text(["h"], [[cell]], bom=False) == f"h\r\n'{cell}\r\n"


@pytest.mark.parametrize("cell", ["-0.15", "+3", "-1,234.5", "-5%", "-2e-3"])
def test_ascii_numbers_stay_as_they_are(cell: str) -> None:
    assert neutralise_cell(cell) == cell


def _temps(folder: Path, target: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.name.startswith(f".{target.name}."))


def test_a_killed_write_leaves_a_temp_file_that_the_next_write_removes(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    write_csv(target, ["a"], [["old"]])
    # A real process killed after writing its temp file, before the rename.
    code = textwrap.dedent(
        f"""
        import os
        from viewer.core.export import writer
        def die(*args):
            os._exit(9)
        writer.os.replace = die
        writer.write_csv({str(target)!r}, ["a"], [["new"]])
        """
    )
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=False)
    assert proc.returncode == 9
    left = _temps(tmp_path, target)
    assert len(left) == 1 and target.read_bytes().decode("utf-8-sig") == "a\r\nold\r\n"
    write_csv(target, ["a"], [["newer"]])
    assert _temps(tmp_path, target) == []
    assert target.read_bytes().decode("utf-8-sig") == "a\r\nnewer\r\n"


def test_a_temp_file_of_a_write_in_progress_is_left_alone(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    live = tmp_path / ".out.csv.abcd1234.tmp"
    live.write_bytes(b"partial")
    fd = os.open(live, os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)  # as a live writer holds it
        write_csv(target, ["a"], [["x"]])
        assert live.exists()
    finally:
        os.close(fd)
    write_csv(target, ["a"], [["y"]])
    assert not live.exists()


def test_a_fifo_target_is_refused_and_stays_a_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    with pytest.raises(ExportError) as info:
        write_csv(fifo, ["a"], [["x"]])
    assert "not a regular file" in str(info.value)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert _temps(tmp_path, fifo) == []


def test_a_link_to_a_fifo_is_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    link = tmp_path / "link.csv"
    link.symlink_to(fifo)
    with pytest.raises(ExportError):
        write_csv(link, ["a"], [["x"]])
    assert stat.S_ISFIFO(os.stat(fifo).st_mode) and link.is_symlink()


def test_a_device_target_is_refused() -> None:
    with pytest.raises(ExportError) as info:
        write_csv("/dev/null", ["a"], [["x"]])
    assert "not a regular file" in str(info.value)
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
