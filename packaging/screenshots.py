"""``make screenshot``: the window in each mode, for the sample and the ALAB call, and the
interface in Traditional Chinese (both themes; a small window and the full size).

Each PNG is rendered by the real app (``earnings-viewer --screenshot``) in a subprocess.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "sample" / "NOVA-2025-Q3.txt"
ALAB = ROOT.parent / "shared" / "data" / "statementdog" / "ALAB-2024-Q4.txt"
MODES = ("side-by-side", "interleaved", "en", "zh")
THEMES = ("light", "dark")
SIZES = ("900x600", "1400x900")


def set_theme(settings: Path, theme: str) -> None:
    """Preferences with ``theme`` in the settings file the shot's process reads."""
    from viewer.qt.settings import Preferences, Settings

    Settings(settings).save_preferences(Preferences.model_validate({"theme": theme}))


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
    full = ["--size", "1400x900"]
    jobs = [
        ([str(f)], f"{name}-{mode}.png", ["--mode", mode, *full], None)
        for name, f in files
        for mode in MODES
    ]
    jobs.append(([str(SAMPLE)], "sample-analyst.png", ["--speaker", "Sean O'Rourke", *full], None))
    # The interface in Traditional Chinese: are labels clipped in a small window, are the
    # menus wide enough?
    for theme in THEMES:
        for size in SIZES:
            name = f"sample-zh-TW-{theme}-{size}.png"
            jobs.append(([str(SAMPLE)], name, ["--lang", "zh-TW", "--size", size], theme))
    failed = 0
    for files_arg, name, extra, theme in jobs:
        settings.unlink(missing_ok=True)  # every shot starts from defaults
        if theme is not None:
            set_theme(settings, theme)
        cmd = [sys.executable, "-m", "viewer", "--screenshot", str(out / name), *extra, *files_arg]
        result = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
        print(result.stdout.strip() or result.stderr.strip())
        failed += result.returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "build/screenshots"))
