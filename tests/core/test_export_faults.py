"""CSV export under faults: the old file survives, no temp file is left, the reason is clear.

Real faults where the machine allows them (a read-only or full tmpfs when running as root, a
chmod'ed folder otherwise); where it does not, the fault is injected at the OS call
(``os.open``/``os.write``), never into our own code.
"""

from __future__ import annotations

import errno
import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from viewer.core.errors import ExportError
from viewer.core.export import csv_text, write_csv

OLD = "old,file\r\nkept,intact\r\n"
HEADER = ["English", "Chinese"]


def _rows(n: int = 2000) -> list[list[str]]:
    return [[f"Paragraph {i}, with text.", f"第 {i} 段,有文字。"] for i in range(n)]


def _is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def _mount_tmpfs(folder: Path, size: str) -> bool:
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
        capture_output=True,
        check=False,
    )
    return done.returncode == 0


@contextmanager
def read_only_folder(base: Path) -> Iterator[tuple[Path, str]]:
    """A folder holding ``out.csv`` (= OLD) that the process cannot write to, and how.

    ``"mount"``: a tmpfs remounted read-only (root); ``"chmod"``: mode 0555 (not root);
    ``"inject"``: root without the right to mount -- the caller must inject EROFS itself.
    """
    folder = base / "ro"
    folder.mkdir()
    if not _is_root():
        (folder / "out.csv").write_text(OLD, newline="")
        folder.chmod(0o555)
        try:
            yield folder, "chmod"
        finally:
            folder.chmod(0o755)
        return
    if not _mount_tmpfs(folder, "1m"):
        (folder / "out.csv").write_text(OLD, newline="")
        yield folder, "inject"
        return
    try:
        (folder / "out.csv").write_text(OLD, newline="")
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        yield folder, "mount"
    finally:
        subprocess.run(["umount", str(folder)], check=True)


@contextmanager
def full_folder(base: Path) -> Iterator[tuple[Path, bool]]:
    """A folder holding ``out.csv`` (= OLD) on a 64 KiB tmpfs when possible (then True)."""
    folder = base / "full"
    folder.mkdir()
    mounted = _is_root() and _mount_tmpfs(folder, "64k")
    try:
        (folder / "out.csv").write_text(OLD, newline="")
        yield folder, mounted
    finally:
        if mounted:
            subprocess.run(["umount", str(folder)], check=True)


def _inject_erofs(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    real_open = os.open

    def fake_open(path: object, flags: int, *args: object, **kw: object) -> int:
        if str(path).startswith(str(folder)) and flags & (os.O_WRONLY | os.O_RDWR):
            raise OSError(errno.EROFS, "Read-only file system", str(path))
        return real_open(path, flags, *args, **kw)

    monkeypatch.setattr(os, "open", fake_open)


def _assert_untouched(folder: Path) -> None:
    assert (folder / "out.csv").read_bytes() == OLD.encode()
    assert os.listdir(folder) == ["out.csv"], "a temp file was left behind"


def test_read_only_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with read_only_folder(tmp_path) as (folder, how):
        if how == "inject":
            _inject_erofs(monkeypatch, folder)
        with pytest.raises(ExportError) as info:
            write_csv(folder / "out.csv", HEADER, _rows())
        monkeypatch.undo()
        reason = info.value.reason
        assert reason in (
            "the folder is read-only",
            "permission denied (is the file open in another program?)",
        )
        assert str(folder / "out.csv") in str(info.value)
        _assert_untouched(folder)


def test_full_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with full_folder(tmp_path) as (folder, real):
        if not real:
            # An injected short write: half the bytes land, then the disk is full.
            real_write = os.write
            calls = 0

            def short_write(fd: int, data: bytes) -> int:
                nonlocal calls
                calls += 1
                if fd <= 2:
                    return real_write(fd, data)
                if calls == 1:
                    return real_write(fd, bytes(data[: len(data) // 2]))
                raise OSError(errno.ENOSPC, "No space left on device")

            monkeypatch.setattr(os, "write", short_write)
        rows = _rows(5000)  # ~200 KB, more than the 64 KiB tmpfs holds
        with pytest.raises(ExportError, match="the disk is full"):
            write_csv(folder / "out.csv", HEADER, rows)
        monkeypatch.undo()
        _assert_untouched(folder)


def test_target_is_a_directory(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.mkdir()
    (target / "inside.txt").write_text("x")
    with pytest.raises(ExportError, match="the target is a folder"):
        write_csv(target, HEADER, _rows(10))
    assert os.listdir(target) == ["inside.txt"]
    assert os.listdir(tmp_path) == ["out.csv"]


def test_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="the folder does not exist"):
        write_csv(tmp_path / "nope" / "out.csv", HEADER, _rows(10))
    assert os.listdir(tmp_path) == []


def test_exception_half_way_through_rows(tmp_path: Path) -> None:
    (tmp_path / "out.csv").write_text(OLD, newline="")

    def rows() -> Iterator[list[str]]:
        yield from _rows(500)
        raise ValueError("row 501 is broken")

    with pytest.raises(ExportError, match="could not build the rows: row 501 is broken"):
        write_csv(tmp_path / "out.csv", HEADER, rows())
    _assert_untouched(tmp_path)


def test_exception_half_way_no_old_file(tmp_path: Path) -> None:
    def rows() -> Iterator[list[object]]:
        yield ["fine", "好"]
        yield ["broken", _Unprintable()]

    with pytest.raises(ExportError):
        write_csv(tmp_path / "new.csv", HEADER, rows())
    assert os.listdir(tmp_path) == []


class _Unprintable:
    def __str__(self) -> str:
        raise RuntimeError("cannot print me")


def test_short_writes_are_completed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_write = os.write
    sizes: list[int] = []

    def trickle(fd: int, data: bytes) -> int:
        if fd <= 2:
            return real_write(fd, data)
        sizes.append(len(data))
        return real_write(fd, bytes(data[:4096]))

    monkeypatch.setattr(os, "write", trickle)
    rows = _rows(3000)
    write_csv(tmp_path / "out.csv", HEADER, rows)
    monkeypatch.undo()
    assert len(sizes) > 10
    assert (tmp_path / "out.csv").read_bytes() == csv_text(HEADER, rows).encode("utf-8")


def test_write_returning_zero_is_a_full_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "out.csv").write_text(OLD, newline="")
    real_write = os.write
    monkeypatch.setattr(os, "write", lambda fd, data: real_write(fd, data) if fd <= 2 else 0)
    with pytest.raises(ExportError, match="the disk is full"):
        write_csv(tmp_path / "out.csv", HEADER, _rows(10))
    monkeypatch.undo()
    _assert_untouched(tmp_path)


def test_fsync_failure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "out.csv").write_text(OLD, newline="")

    def broken_fsync(fd: int) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(ExportError, match="Input/output error"):
        write_csv(tmp_path / "out.csv", HEADER, _rows(10))
    monkeypatch.undo()
    _assert_untouched(tmp_path)


def test_rename_refused_as_when_open_in_excel(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Windows refuses to replace a file another program holds open.
    (tmp_path / "out.csv").write_text(OLD, newline="")

    def refused(src: object, dst: object) -> None:
        raise PermissionError(errno.EACCES, "Access is denied", str(dst))

    monkeypatch.setattr(os, "replace", refused)
    with pytest.raises(ExportError, match="open in another program"):
        write_csv(tmp_path / "out.csv", HEADER, _rows(10))
    monkeypatch.undo()
    _assert_untouched(tmp_path)


def test_interrupt_mid_write_leaves_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "out.csv").write_text(OLD, newline="")
    real_write = os.write

    def interrupted(fd: int, data: bytes) -> int:
        if fd <= 2:
            return real_write(fd, data)
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "write", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_csv(tmp_path / "out.csv", HEADER, _rows(10))
    monkeypatch.undo()
    _assert_untouched(tmp_path)


def test_read_only_file_is_not_replaced(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_text(OLD, newline="")
    target.chmod(0o444)
    try:
        with pytest.raises(ExportError, match="the file is read-only"):
            write_csv(target, HEADER, _rows(10))
        assert target.read_bytes() == OLD.encode()
        assert os.listdir(tmp_path) == ["out.csv"]
    finally:
        target.chmod(0o644)


def test_symlink_is_written_through(tmp_path: Path) -> None:
    real = tmp_path / "real.csv"
    real.write_text(OLD, newline="")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    write_csv(link, HEADER, _rows(3), bom=False)
    assert link.is_symlink()
    assert real.read_bytes() == csv_text(HEADER, _rows(3), bom=False).encode()
    assert sorted(os.listdir(tmp_path)) == ["link.csv", "real.csv"]


def test_long_file_name(tmp_path: Path) -> None:
    target = tmp_path / ("x" * 240 + ".csv")
    write_csv(target, HEADER, _rows(3))
    assert os.listdir(tmp_path) == [target.name]
