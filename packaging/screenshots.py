"""``make screenshot``: the window in each mode, for the sample and the ALAB call.

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


def main(out_dir: str) -> int:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    env = dict(
        os.environ, QT_QPA_PLATFORM="offscreen", EARNINGS_VIEWER_SETTINGS=str(out / "settings.ini")
    )
    files = [("sample", SAMPLE)]
    if ALAB.exists():
        files.append(("alab", ALAB))
    else:
        print(f"skipping ALAB screenshots: {ALAB} is absent")
    jobs = [
        ([str(f)], f"{name}-{mode}.png", ["--mode", mode]) for name, f in files for mode in MODES
    ]
    jobs.append(([str(SAMPLE)], "sample-analyst.png", ["--speaker", "Sean O'Rourke"]))
    failed = 0
    for files_arg, name, extra in jobs:
        (out / "settings.ini").unlink(missing_ok=True)  # every shot starts from defaults
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
