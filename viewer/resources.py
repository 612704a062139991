"""Where the app's files (sample transcript, icons, bundled font) live at run time.

* From a source checkout: ``<repo>/resources``.
* Frozen by PyInstaller: ``<sys._MEIPASS>/resources`` (the spec copies the folder there; in a
  onedir build ``_MEIPASS`` is the ``_internal`` folder beside the executable, in a onefile
  build the temporary unpack folder).
* ``EARNINGS_VIEWER_RESOURCES`` overrides both (a distribution package that installs the
  files elsewhere, e.g. ``/usr/share/earnings-viewer``).

Pure Python, no Qt: the headless CLI may call it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_ID = "earnings-viewer"
SAMPLE_NAME = "NOVA-2025-Q3.txt"
FONT_NAME = "EarningsViewerCJKTC-Regular.otf"
CATALOG = "earnings_viewer"  # Qt Linguist catalogue: i18n/earnings_viewer_<lang>.ts/.qm
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def is_frozen() -> bool:
    """True when running from a PyInstaller bundle."""
    return bool(getattr(sys, "frozen", False)) and hasattr(sys, "_MEIPASS")


def resources_root() -> Path:
    """The folder holding ``sample/``, ``icons/``, ``fonts/``, ``i18n/`` and ``linux/``."""
    override = os.environ.get("EARNINGS_VIEWER_RESOURCES")
    if override:
        return Path(override)
    if is_frozen():
        return Path(sys._MEIPASS) / "resources"  # type: ignore[attr-defined]
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    """A path under the resources folder (it may not exist: callers decide what that means)."""
    if any(Path(p).is_absolute() or ".." in Path(p).parts for p in parts):
        raise ValueError(f"resource path must stay inside the resources folder: {parts!r}")
    return resources_root().joinpath(*parts)


def sample_transcript_path() -> Path:
    """The fictional sample call the window opens when no FILE is given."""
    return resource_path("sample", SAMPLE_NAME)


def icon_svg_path() -> Path:
    """The scalable app icon (source of every PNG, ICO and ICNS)."""
    return resource_path("icons", f"{APP_ID}.svg")


def icon_path() -> Path:
    """The window icon for ``QIcon``: the SVG (the bundle keeps Qt's SVG icon engine)."""
    return icon_svg_path()


def icon_png_path(size: int) -> Path:
    """The square PNG app icon of ``size`` pixels (one of ``ICON_SIZES``)."""
    if size not in ICON_SIZES:
        raise ValueError(f"no {size}px icon; sizes are {ICON_SIZES}")
    return resource_path("icons", f"{APP_ID}-{size}.png")


def icon_png_paths() -> list[Path]:
    """Every PNG size that exists, smallest first: feed them all to one ``QIcon``."""
    return [p for p in (icon_png_path(s) for s in ICON_SIZES) if p.is_file()]


def bundled_font_path() -> Path:
    """The CJK fallback font (a Noto Sans CJK TC subset) registered when no system font has Han."""
    return resource_path("fonts", FONT_NAME)


def translation_path(qt_locale: str) -> Path:
    """The compiled interface translation (``.qm``) for a Qt locale name such as ``zh_TW``."""
    if not qt_locale.replace("_", "").isalnum():
        raise ValueError(f"not a Qt locale name: {qt_locale!r}")
    return resource_path("i18n", f"{CATALOG}_{qt_locale}.qm")
