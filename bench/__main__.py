"""``python -m bench``: run every ``bench/bench_*.py`` module's ``rows()`` and print a table."""

from __future__ import annotations

import importlib
import pkgutil
import sys
import traceback
from pathlib import Path

from bench.common import Row


def main() -> int:
    rows: list[Row] = []
    here = Path(__file__).parent
    names = sorted(m.name for m in pkgutil.iter_modules([str(here)]) if m.name.startswith("bench_"))
    only = sys.argv[1:]
    failed_modules = []
    for name in names:
        if only and not any(o in name for o in only):
            continue
        print(f"running {name} ...", file=sys.stderr, flush=True)
        try:
            mod = importlib.import_module(f"bench.{name}")
            rows.extend(mod.rows())
        except Exception:
            traceback.print_exc()
            failed_modules.append(name)
    width = max((len(r.name) for r in rows), default=10)
    print(
        f"{'benchmark':<{width}}  {'measured':>12}  {'baseline':>12}  {'ratio':>7}  {'limit':>8}  ok"
    )
    for r in rows:
        base = f"{r.baseline:.4f}{r.unit}" if r.baseline is not None else "-"
        ratio = f"{r.ratio:.2f}x" if r.ratio is not None else "-"
        limit = f"{r.limit:g}x" if r.baseline is not None else f"{r.limit:g}{r.unit}"
        meas = f"{r.measured:.4f}{r.unit}" if r.unit == "s" else f"{r.measured:.1f}{r.unit}"
        print(
            f"{r.name:<{width}}  {meas:>12}  {base:>12}  {ratio:>7}  {limit:>8}  "
            f"{'PASS' if r.ok else 'FAIL'} {r.note}"
        )
    bad = [r for r in rows if not r.ok]
    if failed_modules:
        print(f"benchmark modules that crashed: {', '.join(failed_modules)}")
    return 1 if bad or failed_modules else 0


if __name__ == "__main__":
    sys.exit(main())
