"""viewer.core never imports Qt."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import viewer.core


def test_every_core_module_imports_without_qt() -> None:
    names = [m.name for m in pkgutil.walk_packages(viewer.core.__path__, "viewer.core.")]
    assert len(names) >= 5
    code = (
        "import importlib, sys\n"
        f"for n in {names!r}: importlib.import_module(n)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"Qt loaded by viewer.core: {out.stdout}"
