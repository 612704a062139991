"""Linux desktop entry, AppStream metainfo and the Windows version resource."""

from __future__ import annotations

import configparser
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "resources" / "linux"
METAINFO = LINUX / "io.github.earningsviewer.EarningsViewer.metainfo.xml"
sys.path.insert(0, str(ROOT / "packaging"))

from winversion import version_file_text, version_tuple  # noqa: E402


def project() -> dict[str, object]:
    with open(ROOT / "pyproject.toml", "rb") as fh:
        return dict(tomllib.load(fh)["project"])


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(LINUX / "earnings-viewer.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_opens_text_files() -> None:
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Exec"].split()[-1] == "%F"
    assert "text/plain" in entry["MimeType"].split(";")
    assert entry["Icon"] == "earnings-viewer"
    assert entry["Terminal"] == "false"
    assert entry["Categories"].endswith(";")
    assert (ROOT / "resources/icons/earnings-viewer.svg").is_file()


def test_metainfo_matches_the_desktop_entry_and_version() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert METAINFO.name == f"{root.findtext('id')}.metainfo.xml"
    assert root.findtext("launchable") == "earnings-viewer.desktop"
    assert root.findtext("provides/mediatype") == "text/plain"
    assert root.findtext("project_license") == "MIT"
    releases = [r.get("version") for r in root.iter("release")]
    assert project()["version"] in releases


def test_install_desktop_writes_an_absolute_quoted_exec(tmp_path: Path) -> None:
    exe_dir = tmp_path / 'odd $dir "x"'
    exe_dir.mkdir()
    exe = exe_dir / "earnings-viewer"
    exe.write_text("#!/bin/sh\n", encoding="utf-8")
    exe.chmod(0o755)
    data = tmp_path / "data"
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "XDG_DATA_HOME": str(data)}
    script = ROOT / "packaging/linux/install-desktop.sh"
    subprocess.run(["bash", str(script), str(exe)], env=env, check=True, capture_output=True)
    entry = (data / "applications/earnings-viewer.desktop").read_text(encoding="utf-8")
    # Desktop Entry spec: \" \$ inside the quoted argument, every backslash doubled again.
    assert f'Exec="{tmp_path}/odd \\\\$dir \\\\"x\\\\"/earnings-viewer" %F' in entry
    assert (data / "icons/hicolor/48x48/apps/earnings-viewer.png").is_file()
    assert (data / "icons/hicolor/scalable/apps/earnings-viewer.svg").is_file()
    subprocess.run(["bash", str(script), "--uninstall"], env=env, check=True, capture_output=True)
    # Only the desktop caches may remain (update-desktop-database, if installed), without us.
    left = [p for p in data.rglob("*") if p.is_file()]
    assert all(p.name in ("mimeinfo.cache", "icon-theme.cache") for p in left), left
    assert not any(b"earnings-viewer" in p.read_bytes() for p in left)


def test_version_tuple() -> None:
    assert version_tuple("0.1.0") == (0, 1, 0, 0)
    assert version_tuple("1.2.3rc1+local.5") == (1, 2, 3, 0)
    assert version_tuple("2") == (2, 0, 0, 0)


def test_windows_version_resource_evaluates() -> None:
    # PyInstaller evals this text with its VSVersionInfo classes (pefile, Windows only):
    # record the calls instead, and check the numbers and strings land where Windows reads them.
    def record(name: str):  # type: ignore[no-untyped-def]
        return lambda *a, **k: (name, a, k)

    names = ["VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct"]
    names += ["VarFileInfo", "VarStruct"]
    text = version_file_text(name="App", version="3.4.5", description="d", exe="earnings-viewer")
    info = eval(text, {n: record(n) for n in names})  # our own generated text
    ffi = info[2]["ffi"]
    assert ffi[2]["filevers"] == (3, 4, 5, 0)
    table = info[2]["kids"][0][1][0][0]
    strings = {s[1][0]: s[1][1] for s in table[1][1]}
    assert strings["ProductVersion"] == "3.4.5"
    assert strings["OriginalFilename"] == "earnings-viewer.exe"
