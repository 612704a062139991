"""``make package``: the onedir app in ``dist/earnings-viewer/`` and a compressed archive of it.

    .venv/bin/python packaging/build.py [--onefile] [--no-archive]

Runs PyInstaller on ``packaging/earnings-viewer.spec``, checks that every shared library the
bundle needs is in it (or is one a desktop Linux always has), then writes
``dist/earnings-viewer-<version>-<os>-<arch>.tar.gz`` (``.zip`` on Windows) and prints sizes and
the build time. ``--onefile`` builds ``dist/onefile/earnings-viewer`` instead (slow to start;
see the spec).
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "earnings-viewer.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
APP = "earnings-viewer"
MIB = 2**20


def project_version() -> str:
    with open(ROOT / "pyproject.toml", "rb") as fh:
        return str(tomllib.load(fh)["project"]["version"])


def platform_tag() -> str:
    system = {"linux": "linux", "darwin": "macos", "win32": "windows"}.get(sys.platform)
    machine = platform.machine().lower().replace("amd64", "x86_64")
    return f"{system or sys.platform}-{machine}"


def tree_size(path: Path) -> int:
    """Bytes of regular files under ``path`` (symlinks not followed: the archive stores links)."""
    if path.is_file():
        return path.stat().st_size
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def run_pyinstaller(onefile: bool) -> float:
    env = dict(os.environ)
    env["EARNINGS_VIEWER_ONEFILE"] = "1" if onefile else "0"
    distpath = DIST / "onefile" if onefile else DIST
    cmd = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--clean",
        "--log-level",
        "WARN",
        "--distpath",
        str(distpath),
        "--workpath",
        str(WORK / ("onefile" if onefile else "onedir")),
        str(SPEC),
    ]
    print("$ " + " ".join(cmd), flush=True)
    start = time.perf_counter()
    subprocess.run(cmd, check=True, env=env, cwd=ROOT)
    return time.perf_counter() - start


def needed_libs(path: Path) -> list[str]:
    """DT_NEEDED entries of an ELF file (via objdump, which PyInstaller itself requires)."""
    out = subprocess.run(
        ["objdump", "-p", str(path)], capture_output=True, text=True, check=False
    ).stdout
    return [line.split()[1] for line in out.splitlines() if line.strip().startswith("NEEDED")]


def check_linux_libs(bundle: Path) -> list[str]:
    """Libraries some bundled ELF needs that are neither bundled nor always on the system.

    The spec trims Qt plugins and their dependencies by name; this catches a trim that went too
    far (a kept library whose dependency was dropped), which no run on this machine would show
    because the system has every library.
    """
    if not sys.platform.startswith("linux") or shutil.which("objdump") is None:
        return []
    # PyInstaller's own list of libraries it leaves to the system (glibc, GL/EGL, libxcb).
    from PyInstaller.depend.dylib import include_library

    present = {p.name for p in bundle.rglob("*") if ".so" in p.name}
    problems = []
    for path in sorted(bundle.rglob("*")):
        if not path.is_file() or path.is_symlink():
            continue
        with open(path, "rb") as fh:
            if fh.read(4) != b"\x7fELF":
                continue
        for lib in needed_libs(path):
            if lib not in present and include_library(lib) and not lib.startswith("ld-linux"):
                problems.append(f"{path.relative_to(bundle)} needs {lib}")
    return problems


def make_archive(bundle: Path, version: str) -> Path:
    base = DIST / f"{APP}-{version}-{platform_tag()}"
    if sys.platform == "win32":
        out = base.with_suffix(".zip")
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
            for path in sorted(bundle.rglob("*")):
                zf.write(path, Path(APP) / path.relative_to(bundle))
        return out
    out = Path(f"{base}.tar.gz")
    tmp = out.with_name(out.name + ".part")

    def clean(info: tarfile.TarInfo) -> tarfile.TarInfo:
        # Nothing of the build machine in the archive: no owner names, ids or timestamps.
        info.uid = info.gid = 0
        info.uname = info.gname = ""
        info.mtime = 0
        return info

    # compresslevel 6: within 1 % of level 9's size, about twice as fast.
    with tarfile.open(tmp, "w:gz", compresslevel=6) as tf:
        tf.add(bundle, arcname=APP, filter=clean)
    tmp.replace(out)
    return out


def print_sizes(bundle: Path) -> None:
    internal = bundle / "_internal"
    parts: dict[str, int] = {}
    for path in internal.rglob("*"):
        if path.is_file() and not path.is_symlink():
            rel = path.relative_to(internal).parts
            key = "/".join(rel[:3]) if rel[0] == "PySide6" else rel[0]
            parts[key] = parts.get(key, 0) + path.stat().st_size
    print("largest parts of _internal:")
    for key, size in sorted(parts.items(), key=lambda kv: -kv[1])[:12]:
        print(f"  {size / MIB:7.1f} MiB  {key}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--onefile", action="store_true", help="one self-unpacking executable")
    parser.add_argument("--no-archive", action="store_true", help="skip the .tar.gz")
    args = parser.parse_args(argv)
    version = project_version()
    build_s = run_pyinstaller(args.onefile)
    if args.onefile:
        exe = DIST / "onefile" / (APP + (".exe" if sys.platform == "win32" else ""))
        print(f"built {exe.relative_to(ROOT)}: {tree_size(exe) / MIB:.1f} MiB in {build_s:.0f} s")
        return 0
    bundle = DIST / APP
    for rel in ("resources/fonts", "resources/sample", "resources/icons", "resources/i18n"):
        if not any((bundle / "_internal" / rel).glob("*")):
            print(f"error: the bundle lacks _internal/{rel}", file=sys.stderr)
            return 1
    problems = check_linux_libs(bundle)
    for line in problems:
        print(f"error: {line}", file=sys.stderr)
    if problems:
        return 1
    size = tree_size(bundle)
    print_sizes(bundle)
    print(f"onedir  {bundle.relative_to(ROOT)}/: {size / MIB:.1f} MiB ({size / 1e6:.1f} MB)")
    archive_s = 0.0
    if not args.no_archive:
        start = time.perf_counter()
        archive = make_archive(bundle, version)
        archive_s = time.perf_counter() - start
        asize = archive.stat().st_size
        print(f"archive {archive.relative_to(ROOT)}: {asize / MIB:.1f} MiB ({asize / 1e6:.1f} MB)")
    print(f"time    PyInstaller {build_s:.0f} s, archive {archive_s:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
