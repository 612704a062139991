"""A plain (not editable) install ships resources/: the real wheel in a fresh virtualenv.

The wheel is built from a copy of only the files a build may use (pyproject.toml, setup.py,
README.md, viewer/, resources/), installed with its dependencies into a new virtualenv, and run
from a temporary folder with a clean environment, so nothing can come from the source tree.
The wheel goes in with ``--no-deps``; its dependencies are this environment's (a ``.pth``
line), and ``pip check`` proves the wheel's requirements are met by them (installing PySide6
again cost 15-25 s of every suite run; `make package-test` still builds from a clean install).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from viewer import resources

ROOT = Path(__file__).resolve().parents[2]
BUILD_INPUTS = ("pyproject.toml", "setup.py", "README.md", "viewer", "resources")
IGNORE = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
TIMEOUT = 600


@dataclass(frozen=True)
class Installed:
    wheel: Path
    venv: Path
    site_packages: Path
    cwd: Path
    env: dict[str, str]

    def bin(self, name: str) -> Path:
        return self.venv / ("Scripts" if os.name == "nt" else "bin") / name

    def run(self, *cmd: str | Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(c) for c in cmd],
            cwd=self.cwd,
            env=self.env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=TIMEOUT,
            check=False,
        )


def run(cmd: list[str | Path], cwd: Path) -> None:
    res = subprocess.run(
        [str(c) for c in cmd],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    assert res.returncode == 0, (
        f"{cmd}: exit {res.returncode}\n{res.stdout[-2000:]}\n{res.stderr[-3000:]}"
    )


def clean_env(tmp: Path) -> dict[str, str]:
    """The caller's environment without anything that points at this checkout or its venv."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "EARNINGS_VIEWER_RESOURCES"}
    }
    venv_bin = str(Path(sys.executable).parent)
    env["PATH"] = os.pathsep.join(
        p for p in env.get("PATH", "").split(os.pathsep) if p and p != venv_bin
    )
    env["HOME"] = str(tmp / "home")
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    tmp = tmp_path_factory.mktemp("wheel install")
    src = tmp / "src"
    src.mkdir()
    for name in BUILD_INPUTS:
        path = ROOT / name
        if path.is_dir():
            shutil.copytree(path, src / name, ignore=IGNORE)
        else:
            shutil.copy2(path, src / name)
    dist = tmp / "dist"
    # No build isolation: the dev environment's setuptools builds it (offline, seconds faster).
    wheel_cmd = ["wheel", "--no-deps", "--no-build-isolation", "-q", "-w", dist, src]
    run([sys.executable, "-m", "pip", "--disable-pip-version-check", *wheel_cmd], cwd=tmp)
    (wheel,) = dist.glob("*.whl")
    venv = tmp / "fresh venv"
    # Without pip (ensurepip takes 10+ s): this environment's pip installs into it.
    run([sys.executable, "-m", "venv", "--without-pip", venv], cwd=tmp)
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    pip = [sys.executable, "-m", "pip", "--python", python, "--disable-pip-version-check"]
    purelib = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    # The dependencies are this environment's, seen through a .pth line: unpacking PySide6
    # again took 15-25 s of every suite run. A .pth line only adds the folder to sys.path (its
    # own .pth files, the checkout's editable finder among them, are not run), and it comes
    # after the venv's own site-packages, so `viewer` is the wheel's (checked below) while
    # `pip check` still proves that the wheel's declared requirements are met.
    deps = [p for p in map(Path, sys.path) if p.name == "site-packages" and p.is_dir()]
    Path(purelib).mkdir(parents=True, exist_ok=True)
    (Path(purelib) / "_dev_dependencies.pth").write_text("".join(f"{p}\n" for p in deps), "utf-8")
    run([*pip, "install", "-q", "--no-deps", wheel], cwd=tmp)
    run([*pip, "check"], cwd=tmp)
    cwd = tmp / "elsewhere"
    cwd.mkdir()
    (tmp / "home").mkdir()
    return Installed(wheel, venv, Path(purelib), cwd, clean_env(tmp))


def test_wheel_holds_every_file_under_resources(installed: Installed) -> None:
    expected = {
        "viewer/_resources/" + p.relative_to(ROOT / "resources").as_posix()
        for p in (ROOT / "resources").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"
    }
    assert "viewer/_resources/sample/" + resources.SAMPLE_NAME in expected
    with zipfile.ZipFile(installed.wheel) as zf:
        names = set(zf.namelist())
        version = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]
        entry_points = zf.read(f"earnings_call_viewer-{version}.dist-info/entry_points.txt")
    assert expected <= names, sorted(expected - names)
    assert b"earnings-viewer-cli = viewer.__main__:main" in entry_points
    # Only the package: no tests, bench or packaging scripts in site-packages.
    assert {n.split("/")[0] for n in names} == {
        "viewer",
        f"earnings_call_viewer-{version}.dist-info",
    }


RESOLVE = """
import json, viewer
from viewer import resources as r
print(json.dumps({
    "viewer": viewer.__file__,
    "root": str(r.resources_root()),
    "sample": str(r.sample_path()),
    "font": str(r.bundled_font_path()),
    "icon": str(r.icon_path()),
    "pngs": [str(p) for p in r.icon_png_paths()],
}))
"""


def test_resources_resolve_inside_the_installed_package(installed: Installed) -> None:
    res = installed.run(installed.bin("python"), "-c", RESOLVE)
    assert res.returncode == 0, res.stderr
    found = json.loads(res.stdout)
    package = installed.site_packages / "viewer"
    assert Path(found["viewer"]) == package / "__init__.py"
    assert Path(found["root"]) == package / "_resources"
    paths = [Path(found[k]) for k in ("sample", "font", "icon")] + [Path(p) for p in found["pngs"]]
    assert len(found["pngs"]) == len(resources.ICON_SIZES)
    for path in paths:
        assert path.is_file(), path
        assert path.is_relative_to(package / "_resources"), path
        assert not path.is_relative_to(ROOT), path
    assert Path(found["sample"]).read_bytes() == resources.sample_transcript_path().read_bytes()


def test_cli_reads_the_bundled_sample(installed: Installed) -> None:
    sample = installed.site_packages / "viewer" / "_resources" / "sample" / resources.SAMPLE_NAME
    res = installed.run(installed.bin("earnings-viewer-cli"), "--json", sample)
    assert res.returncode == 0, res.stderr
    doc = json.loads(res.stdout)
    assert len(doc["turns"]) > 10 and len(doc["figures"]) > 10
    # The same document as from the checkout.
    here = subprocess.run(
        [sys.executable, "-m", "viewer", "--json", str(resources.sample_transcript_path())],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
        timeout=TIMEOUT,
    )
    assert doc == json.loads(here.stdout)


def test_gui_script_is_installed(installed: Installed) -> None:
    res = installed.run(installed.bin("earnings-viewer"), "--version")
    assert res.returncode == 0, res.stderr
    assert res.stdout.split() == ["earnings-viewer", resources_version()]


def resources_version() -> str:
    return str(tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"])


QT_LOAD = """
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication
from viewer.qt import fonts
from viewer.resources import icon_path
app = QApplication([])
print(fonts.register_bundled_font())
print(QIcon(str(icon_path())).isNull())
"""


def test_qt_loads_the_installed_font_and_icon(installed: Installed) -> None:
    res = installed.run(installed.bin("python"), "-c", QT_LOAD)
    assert res.returncode == 0, res.stderr
    assert res.stdout.splitlines() == [
        "Earnings Viewer CJK TC",  # the bundled font's family, read by Qt from site-packages
        "False",  # the icon is not null
    ]


def test_this_checkout_is_not_what_the_fresh_venv_imports(installed: Installed) -> None:
    # Guard for the tests above: the fresh venv's sys.path holds nothing of the checkout but
    # the development venv's site-packages (the dependencies), after the venv's own, and the
    # checkout's editable finder is not installed.
    code = (
        "import sys, viewer\n"
        "print(viewer.__file__)\n"
        "print(any('editable' in repr(f).lower() for f in sys.meta_path))\n"
        "print('\\n'.join(sys.path))"
    )
    res = installed.run(installed.bin("python"), "-c", code)
    assert res.returncode == 0, res.stderr
    viewer_file, editable, *paths = res.stdout.splitlines()
    assert Path(viewer_file) == installed.site_packages / "viewer" / "__init__.py"
    assert editable == "False"
    entries = [Path(p) for p in paths if p]
    dev_site = Path(sysconfig.get_path("purelib"))
    inside = [p for p in entries if p.is_absolute() and p.is_relative_to(ROOT)]
    assert all(p == dev_site for p in inside), inside
    assert entries.index(installed.site_packages) < entries.index(dev_site)
