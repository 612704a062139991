"""viewer.resources: where the sample, icons and font are, from a checkout and frozen."""

from __future__ import annotations

import struct
import sys
from pathlib import Path

import pytest

from viewer import resources

ROOT = Path(__file__).resolve().parents[2]


def test_checkout_root_is_the_repository_resources_folder() -> None:
    assert resources.resources_root() == ROOT / "resources"
    assert not resources.is_frozen()


def test_sample_transcript_is_shipped() -> None:
    path = resources.sample_transcript_path()
    assert path == ROOT / "resources" / "sample" / "NOVA-2025-Q3.txt"
    assert path.is_file()


def test_sample_path_is_the_sample_when_it_exists() -> None:
    assert resources.sample_path() == resources.sample_transcript_path()


def test_sample_path_is_none_when_the_sample_is_missing(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # An install without the sample: the window starts empty instead of showing an error.
    monkeypatch.setenv("EARNINGS_VIEWER_RESOURCES", str(tmp_path))
    assert not resources.sample_transcript_path().exists()
    assert resources.sample_path() is None
    # A folder in its place is no sample either.
    resources.sample_transcript_path().mkdir(parents=True)
    assert resources.sample_path() is None
    resources.sample_transcript_path().rmdir()
    resources.sample_transcript_path().write_text("x", encoding="utf-8")
    assert resources.sample_path() == tmp_path / "sample" / resources.SAMPLE_NAME


def test_installed_package_is_found_through_importlib() -> None:
    # The editable install maps viewer._resources to this checkout's resources/ (setup.py);
    # a wheel maps it to site-packages/viewer/_resources (tests/packaging/test_wheel_install.py).
    from importlib.resources import files

    assert files(resources.RESOURCES_PACKAGE) == ROOT / "resources"


def test_without_the_installed_package_the_checkout_folder_is_used(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def not_installed(name: str) -> object:
        raise ModuleNotFoundError(name)

    monkeypatch.setattr(resources.importlib_resources, "files", not_installed)
    assert resources.resources_root() == ROOT / "resources"


def test_frozen_root_is_under_meipass(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources.is_frozen()
    assert resources.resources_root() == tmp_path / "resources"
    assert resources.sample_transcript_path() == tmp_path / "resources/sample/NOVA-2025-Q3.txt"
    assert resources.bundled_font_path().parent == tmp_path / "resources" / "fonts"


def test_environment_override_wins(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("EARNINGS_VIEWER_RESOURCES", str(tmp_path))
    assert resources.resource_path("icons", "x.png") == tmp_path / "icons" / "x.png"


@pytest.mark.parametrize("parts", [("..", "pyproject.toml"), ("/etc/passwd",), ("a/../../b",)])
def test_resource_path_stays_inside(parts: tuple[str, ...]) -> None:
    with pytest.raises(ValueError):
        resources.resource_path(*parts)


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_every_png_icon_size_exists_and_is_square() -> None:
    paths = resources.icon_png_paths()
    assert [png_size(p) for p in paths] == [(s, s) for s in resources.ICON_SIZES]
    assert resources.icon_path().suffix == ".svg" and resources.icon_path().is_file()
    with pytest.raises(ValueError):
        resources.icon_png_path(17)


def test_ico_holds_png_images_up_to_256() -> None:
    data = (ROOT / "resources/icons/earnings-viewer.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1) and count >= 5
    sizes = []
    for i in range(count):
        w, h, _, _, planes, bpp, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * i : 22 + 16 * i]
        )
        assert (planes, bpp) == (1, 32)
        assert data[offset : offset + 8] == b"\x89PNG\r\n\x1a\n"
        assert offset + length <= len(data)
        assert w == h
        sizes.append(w or 256)
    assert {16, 32, 48, 256} <= set(sizes)


def test_icns_chunks_add_up() -> None:
    data = (ROOT / "resources/icons/earnings-viewer.icns").read_bytes()
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
    pos, kinds = 8, []
    while pos < len(data):
        kind, length = data[pos : pos + 4], struct.unpack(">I", data[pos + 4 : pos + 8])[0]
        assert data[pos + 8 : pos + 16] == b"\x89PNG\r\n\x1a\n"
        kinds.append(kind)
        pos += length
    assert pos == len(data)
    assert {b"icp4", b"ic07", b"ic08", b"ic10"} <= set(kinds)


def test_bundled_font_and_its_license_are_shipped() -> None:
    font = resources.bundled_font_path()
    assert font.is_file()
    # A budget, not a measurement: the whole CJK block without hints is 9.1 MB, the full
    # Noto Sans CJK TC face 16 MB, and the onedir (130 MB) has room for about 10.
    assert font.stat().st_size < 10_000_000
    license_text = (font.parent / "OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in license_text
    assert "Copyright 2014-2021 Adobe" in license_text
