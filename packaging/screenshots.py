"""``make screenshot``: the window in each mode, for the sample and the ALAB call, and the
sample at 900x600, 1280x720 and 1600x1000 in the light and the dark theme (the layout must
hold at every size: look at them), and the interface in Traditional Chinese (both themes; a
small window and the full size).

Each PNG is rendered by the real app (``earnings-viewer --screenshot``) in a subprocess.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "sample" / "NOVA-2025-Q3.txt"
ALAB = ROOT.parent / "shared" / "data" / "statementdog" / "ALAB-2024-Q4.txt"
MODES = ("side-by-side", "interleaved", "en", "zh")
SIZES = ("900x600", "1280x720", "1600x1000")
THEMES = ("light", "dark")


def write_theme(settings: Path, theme: str) -> None:
    """Start a shot from default settings in ``theme``."""
    settings.unlink(missing_ok=True)
    settings.write_text(
        "[preferences]\njson=" + json.dumps(json.dumps({"theme": theme})) + "\n", encoding="utf-8"
    )


def main(out_dir: str) -> int:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    settings = out / "settings.ini"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", EARNINGS_VIEWER_SETTINGS=str(settings))
    files = [("sample", SAMPLE)]
    if ALAB.exists():
        files.append(("alab", ALAB))
    else:
        print(f"skipping ALAB screenshots: {ALAB} is absent")
    jobs = [
        ([str(f)], f"{name}-{mode}.png", ["--mode", mode], "light")
        for name, f in files
        for mode in MODES
    ]
    jobs.append(([str(SAMPLE)], "sample-analyst.png", ["--speaker", "Sean O'Rourke"], "light"))
    jobs += [
        ([str(SAMPLE)], f"sample-{size}-{theme}.png", ["--size", size], theme)
        for size in SIZES
        for theme in THEMES
    ]
    # The interface in Traditional Chinese: are labels clipped in a small window, are the
    # menus wide enough?
    jobs += [
        (
            [str(SAMPLE)],
            f"sample-zh-TW-{theme}-{size}.png",
            ["--lang", "zh-TW", "--size", size],
            theme,
        )
        for theme in THEMES
        for size in ("900x600", "1400x900")
    ]
    failed = 0
    for files_arg, name, extra, theme in jobs:
        write_theme(out / "settings.ini", theme)  # every shot starts from defaults
        cmd = [
            sys.executable,
            "-m",
            "viewer",
            "--screenshot",
            str(out / name),
            "--size",
            "1400x900",
            *extra,
            *files_arg,
        ]
        result = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
        print(result.stdout.strip() or result.stderr.strip())
        failed += result.returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "build/screenshots"))
