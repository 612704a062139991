"""``make package-test``: run the built app as a user would, and print the budgets.

    .venv/bin/python packaging/smoke_test.py [--runs N] [--keep] [--timing]

The onedir folder is copied into a directory whose name has spaces and Chinese characters, and
every run gets a clean environment: no virtualenv on PATH, HOME a fresh temporary folder, the
offscreen Qt platform, and a fontconfig file that hides every CJK font of the system.

Checks (exit 1 when one fails):
  --version                prints the pyproject version
  --json ALAB              same document as the source checkout's run
  --export-csv ALAB        same bytes as the source checkout's run
  --screenshot (sample)    the Chinese text is drawn with the bundled font: the app reports the
                           family it uses for Han, and the picture matches the source run with
                           the system's Noto Sans CJK TC far better than the same build without
                           the bundled font (empty boxes)
  Xvfb (if installed)      the xcb platform plugin loads from the bundle and paints
  budgets                  onedir <= 130 MB, archive <= 60 MB
  start-up                 first paint of the built app against the source run (alternated
                           runs, medians): printed as a measure; only with --timing
                           (``make package-bench``) is it a check, <= 1.2x. Timing is never a
                           pass/fail line in CI: a busy runner drifts by more than the margin.
The ALAB comparisons need ../shared/data (CI has it); without it they are skipped with the
reason printed. Screenshots are kept in build/smoke/ to look at.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "dist"
APP = "earnings-viewer"
BUNDLE = DIST / APP
SOURCE_PY = ROOT / ".venv" / "bin" / "python"
SHARED = ROOT.parent / "shared" / "data"
ALAB = SHARED / "statementdog" / "ALAB-2024-Q4.txt"
NO_CJK_CONF = ROOT / "packaging" / "testing" / "no-cjk-fonts.conf"
OUT = ROOT / "build" / "smoke"
BUNDLED_FAMILY = "Earnings Viewer CJK TC"
ONEDIR_BUDGET = 130e6
ARCHIVE_BUDGET = 60e6
STARTUP_RATIO_BUDGET = 1.2
MIB = 2**20


class Smoke:
    """Collects check results; every check prints one line."""

    def __init__(self) -> None:
        self.failures: list[str] = []

    def check(self, ok: bool, what: str, detail: str = "") -> bool:
        print(f"{'ok  ' if ok else 'FAIL'} {what}{': ' + detail if detail else ''}", flush=True)
        if not ok:
            self.failures.append(what)
        return ok

    def skip(self, what: str, reason: str) -> None:
        print(f"skip {what}: {reason}", flush=True)


def project_version() -> str:
    with open(ROOT / "pyproject.toml", "rb") as fh:
        return str(tomllib.load(fh)["project"]["version"])


def tree_size(path: Path) -> int:
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


class Runner:
    """Runs the frozen copy or the source checkout in a clean environment."""

    def __init__(self, tmp: Path, exe: Path) -> None:
        self.tmp = tmp
        self.exe = exe
        self.fontconf = tmp / "no-cjk-fonts.conf"
        shutil.copy(NO_CJK_CONF, self.fontconf)
        self.homes = 0

    def env(self, *, hide_cjk: bool = True, **extra: str) -> dict[str, str]:
        self.homes += 1
        home = self.tmp / f"home {self.homes}"
        home.mkdir()
        env = {
            "PATH": "/usr/local/bin:/usr/bin:/bin",
            "HOME": str(home),
            "LANG": "C.UTF-8",
            "QT_QPA_PLATFORM": "offscreen",
            "TMPDIR": str(self.tmp),
        }
        if hide_cjk:
            env["FONTCONFIG_FILE"] = str(self.fontconf)
        env.update(extra)
        return env

    def frozen(self, args: list[str], **kw: object) -> subprocess.CompletedProcess[str]:
        return self._run([str(self.exe), *args], cwd=self.tmp, **kw)

    def source(self, args: list[str], **kw: object) -> subprocess.CompletedProcess[str]:
        return self._run([str(SOURCE_PY), "-m", "viewer", *args], cwd=ROOT, **kw)

    def _run(
        self,
        cmd: list[str],
        cwd: Path,
        env: dict[str, str] | None = None,
        timeout: float = 120,
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            cmd,
            cwd=cwd,
            env=env or self.env(),
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=timeout,
            check=False,
        )

    def time_to_first_paint(self, cmd: list[str], cwd: Path) -> float:
        """Seconds from spawning the process to its ``first-paint:`` line (then it quits)."""
        env = self.env(EARNINGS_VIEWER_FIRST_PAINT="1")
        start = time.perf_counter()
        proc = subprocess.Popen(
            cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
        )
        assert proc.stdout is not None
        elapsed = None
        for line in proc.stdout:
            if line.startswith("first-paint:"):
                elapsed = time.perf_counter() - start
                break
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if elapsed is None or proc.returncode != 0:
            raise RuntimeError(f"{cmd[0]}: no first paint (exit {proc.returncode})")
        return elapsed


# --- image comparison (QtGui only; the smoke test itself runs from the virtualenv) -----------


def gray_rows(path: Path) -> tuple[int, int, list[bytes]]:
    from PySide6.QtGui import QImage

    image = QImage(str(path)).convertToFormat(QImage.Format.Format_Grayscale8)
    w, h, bpl = image.width(), image.height(), image.bytesPerLine()
    data = bytes(image.constBits())  # type: ignore[call-overload]
    return w, h, [data[y * bpl : y * bpl + w] for y in range(h)]


def diff_fraction(a: Path, b: Path) -> float:
    """Share of pixels whose grey level differs by more than 48 (of 255)."""
    wa, ha, ra = gray_rows(a)
    wb, hb, rb = gray_rows(b)
    if (wa, ha) != (wb, hb):
        return 1.0
    differ = sum(
        sum(1 for x, y in zip(r1, r2, strict=True) if abs(x - y) > 48)
        for r1, r2 in zip(ra, rb, strict=True)
    )
    return differ / (wa * ha)


def ink_fraction(path: Path) -> float:
    w, h, rows = gray_rows(path)
    return sum(sum(1 for v in row if v < 128) for row in rows) / (w * h)


def han_report(stderr: str) -> str:
    return next((ln for ln in stderr.splitlines() if ln.startswith("han-font:")), "")


# --- the checks ---------------------------------------------------------------------------


def check_version(s: Smoke, r: Runner) -> None:
    version = project_version()
    res = r.frozen(["--version"])
    out = res.stdout.strip()
    s.check(res.returncode == 0 and out == f"{APP} {version}", "--version", repr(out))


def check_headless(s: Smoke, r: Runner) -> None:
    if not SHARED.is_dir():
        s.skip("--json / --export-csv on ALAB", f"{SHARED} is absent (a user's clone; CI has it)")
        return
    frozen = r.frozen(["--json", str(ALAB)])
    source = r.source(["--json", str(ALAB)])
    same = frozen.returncode == 0 and source.returncode == 0 and frozen.stdout == source.stdout
    detail = f"{len(frozen.stdout)} chars" if same else (frozen.stderr or source.stderr)[-300:]
    if s.check(same, "--json ALAB equals the source run", detail):
        doc = json.loads(frozen.stdout)
        s.check(bool(doc), "--json ALAB is a JSON document", f"{len(doc)} keys")
    out_f, out_s = r.tmp / "frozen 匯出.csv", r.tmp / "source.csv"
    frozen = r.frozen(["--export-csv", str(out_f), str(ALAB)])
    source = r.source(["--export-csv", str(out_s), str(ALAB)])
    ok = (
        frozen.returncode == 0
        and source.returncode == 0
        and out_f.is_file()
        and out_f.read_bytes() == out_s.read_bytes()
    )
    detail = f"{out_f.stat().st_size} bytes" if ok else (frozen.stderr or source.stderr)[-300:]
    s.check(ok, "--export-csv ALAB writes the same bytes as the source run", detail)


def check_screenshot(s: Smoke, r: Runner) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    shots: dict[str, Path] = {}

    def shot(
        name: str, run: Callable[..., subprocess.CompletedProcess[str]], mode: str, **env: str
    ) -> tuple[subprocess.CompletedProcess[str], Path]:
        path = OUT / f"{name}-{mode}.png"
        path.unlink(missing_ok=True)
        hide = env.pop("hide_cjk", "1") == "1"
        res = run(
            ["--screenshot", str(path), "--mode", mode],
            env=r.env(hide_cjk=hide, EARNINGS_VIEWER_FONT_REPORT="1", **env),
        )
        shots[name] = path
        return res, path

    res, side = shot("frozen", r.frozen, "side-by-side")
    s.check(
        res.returncode == 0 and side.is_file(),
        "--screenshot (side-by-side, no system CJK font)",
        f"{side.relative_to(ROOT)}" if side.is_file() else res.stderr[-300:],
    )
    res, frozen_zh = shot("frozen", r.frozen, "zh")
    report = han_report(res.stderr)
    s.check(
        f"family={BUNDLED_FAMILY} bundled=1" in report
        and f"rendered=['{BUNDLED_FAMILY}']" in report,
        "Han text uses the bundled font when the system has none",
        report or res.stderr[-300:],
    )
    tofu_res, tofu = shot("no-bundled-font", r.frozen, "zh", EARNINGS_VIEWER_NO_BUNDLED_FONT="1")
    ref_res, ref = shot("source-system-fonts", r.source, "zh", hide_cjk="0")
    if not (frozen_zh.is_file() and tofu.is_file() and ref.is_file()):
        s.check(False, "the three zh screenshots exist", (tofu_res.stderr + ref_res.stderr)[-300:])
        return
    ref_report = han_report(ref_res.stderr)
    ink_f, ink_t = ink_fraction(frozen_zh), ink_fraction(tofu)
    s.check(
        ink_f > ink_t * 1.05,
        "the Chinese pane has more ink than empty boxes",
        f"ink {ink_f:.4f} vs {ink_t:.4f} without the bundled font",
    )
    if "family=Noto Sans CJK TC" not in ref_report:
        s.skip("pixel comparison with the system font", f"source run: {ref_report or '?'}")
        return
    d_frozen, d_tofu = diff_fraction(frozen_zh, ref), diff_fraction(tofu, ref)
    s.check(
        d_frozen < 0.25 * d_tofu,
        "the screenshot matches the source run with Noto Sans CJK TC, not the boxes",
        f"{d_frozen:.2%} of pixels differ (boxes: {d_tofu:.2%})",
    )


def check_xcb(s: Smoke, r: Runner) -> None:
    if shutil.which("xvfb-run") is None:
        s.skip("xcb platform under Xvfb", "xvfb-run is not installed")
        return
    env = r.env(QT_QPA_PLATFORM="xcb", EARNINGS_VIEWER_FIRST_PAINT="1")
    res = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1400x900x24", str(r.exe)],
        cwd=r.tmp,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    ok = res.returncode == 0 and "first-paint:" in res.stdout
    s.check(ok, "xcb platform plugin under Xvfb paints", (res.stdout + res.stderr).strip()[-300:])


def check_budgets(s: Smoke, r: Runner) -> None:
    size = tree_size(BUNDLE)
    s.check(
        size <= ONEDIR_BUDGET,
        "onedir size",
        f"{size / 1e6:.1f} MB ({size / MIB:.1f} MiB), budget {ONEDIR_BUDGET / 1e6:.0f} MB",
    )
    archives = sorted(DIST.glob(f"{APP}-{project_version()}-*.tar.gz"))
    if archives:
        asize = archives[-1].stat().st_size
        s.check(
            asize <= ARCHIVE_BUDGET,
            "archive size",
            f"{archives[-1].name} {asize / 1e6:.1f} MB, budget {ARCHIVE_BUDGET / 1e6:.0f} MB",
        )
    else:
        s.check(False, "archive size", "no archive in dist/ (run make package)")


def measure_startup(s: Smoke, r: Runner, runs: int, timing: bool) -> None:
    what = "start-up to first paint, built app vs source run"
    frozen_cmd, frozen_cwd = [str(r.exe)], r.tmp
    source_cmd, source_cwd = [str(SOURCE_PY), "-m", "viewer"], ROOT
    frozen_t: list[float] = []
    source_t: list[float] = []
    try:
        # One warm-up each (page cache, fontconfig cache), then alternate: the machine drifts.
        r.time_to_first_paint(frozen_cmd, frozen_cwd)
        r.time_to_first_paint(source_cmd, source_cwd)
        for _ in range(runs):
            frozen_t.append(r.time_to_first_paint(frozen_cmd, frozen_cwd))
            source_t.append(r.time_to_first_paint(source_cmd, source_cwd))
    except (RuntimeError, subprocess.TimeoutExpired) as exc:
        s.check(False, what, str(exc))  # the app failed to start: that is a failure
        return
    f, src = statistics.median(frozen_t), statistics.median(source_t)
    detail = (
        f"{f * 1000:.0f} ms vs {src * 1000:.0f} ms = {f / src:.2f}x "
        f"(budget {STARTUP_RATIO_BUDGET}x, medians of {runs} alternated runs)"
    )
    if timing:
        s.check(f <= STARTUP_RATIO_BUDGET * src, what, detail)
    else:
        print(f"info {what}: {detail}; checked by make package-bench", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="timed start-ups of each kind")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument(
        "--timing", action="store_true", help="fail when the start-up ratio is over budget"
    )
    args = parser.parse_args(argv)
    exe = BUNDLE / APP
    if not exe.is_file():
        print(f"error: {exe} is missing: run `make package` first", file=sys.stderr)
        return 1
    if not SOURCE_PY.is_file():
        print(f"error: {SOURCE_PY} is missing: the source run is the baseline", file=sys.stderr)
        return 1
    tmp = Path(tempfile.mkdtemp(prefix="ev-smoke-"))
    try:
        target = tmp / "財報 viewer test" / APP
        shutil.copytree(BUNDLE, target, symlinks=True)
        print(f"running a copy in {target}", flush=True)
        s = Smoke()
        r = Runner(tmp, target / APP)
        check_version(s, r)
        check_headless(s, r)
        check_screenshot(s, r)
        check_xcb(s, r)
        check_budgets(s, r)
        measure_startup(s, r, args.runs, args.timing)
    finally:
        if args.keep:
            print(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    if s.failures:
        print(f"{len(s.failures)} check(s) failed: " + "; ".join(s.failures), file=sys.stderr)
        return 1
    print("package smoke test passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
