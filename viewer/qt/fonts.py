"""Chinese text at start-up: Traditional Chinese glyph forms, and a bundled font as last resort.

Call :func:`setup_han_font` once, after the ``QApplication`` exists and before any window is
built. It

1. looks for a system font that covers Han (Traditional Chinese families first, then anything
   Qt lists for Chinese that really has the glyphs);
2. only when there is none, registers the bundled ``Earnings Viewer CJK TC`` (a Noto Sans CJK
   TC subset, see ``packaging/build_font.py``) from ``viewer.resources``;
3. sets the application font's family list so that Han falls to a Traditional Chinese face
   before Qt's own fallback, which prefers Japanese forms when several CJK faces exist.

It returns a :class:`HanFontStatus`; ``status.message`` is empty when Chinese will render and a
sentence for the status bar when it will show as boxes.

Environment switches (diagnostics and the packaging smoke test):
``EARNINGS_VIEWER_NO_BUNDLED_FONT=1`` never registers the bundled font (shows what a machine
without it would see); ``EARNINGS_VIEWER_FONT_REPORT=1`` prints one ``han-font:`` line on stderr.
"""

from __future__ import annotations

import logging
import os
import sys
from dataclasses import dataclass

from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QFontInfo,
    QGuiApplication,
    QRawFont,
    QTextLayout,
)

from viewer.resources import bundled_font_path

log = logging.getLogger(__name__)

# Platform Traditional Chinese faces, best first: Linux (Noto), Windows, macOS.
TC_FAMILIES = ("Noto Sans CJK TC", "Microsoft JhengHei", "PingFang TC")
BUNDLED_FAMILY = "Earnings Viewer CJK TC"
# Common characters of a translated call, in Traditional forms (財報 營收 毛利率 季度 預期).
HAN_TEST = "財報營收毛利率季度預期"
NO_HAN_MESSAGE = (
    "No font for Chinese on this system: Chinese text shows as boxes. "
    "Install a Chinese font (Debian/Ubuntu: fonts-noto-cjk)."
)

_bundled_font_id: int | None = None


@dataclass(frozen=True)
class HanFontStatus:
    """Which family draws Han text, whether the bundled font was loaded, what to tell the user."""

    family: str | None
    bundled: bool
    families: tuple[str, ...]
    rendered: tuple[str, ...]
    message: str

    def report(self) -> str:
        """One line for logs: ``han-font: family=... bundled=... rendered=[...] ...``."""
        return (
            f"han-font: family={self.family or '-'} bundled={int(self.bundled)} "
            f"rendered={list(self.rendered)} families={list(self.families)}"
        )


def covers_han(family: str, text: str = HAN_TEST) -> bool:
    """True when ``family`` itself (not a fallback) has a glyph for every character of ``text``."""
    # QFontMetrics.inFontUcs4 answers for the whole fallback chain; QRawFont is the one face
    # that QFont(family) resolves to (an unknown family resolves to the default face). Pass
    # code points: the QChar overload mis-converts some Python str characters (U+71DF, U+7387).
    raw = QRawFont.fromFont(QFont(family))
    return raw.isValid() and all(raw.supportsCharacter(ord(ch)) for ch in text)


def rendered_families(text: str, font: QFont | None = None) -> list[str]:
    """The faces Qt actually lays ``text`` out with in ``font`` (default: the app font)."""
    layout = QTextLayout(text, font or QGuiApplication.font())
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return list(dict.fromkeys(run.rawFont().familyName() for run in layout.glyphRuns()))


def _han_families() -> list[str]:
    """Families fontconfig/Qt list for Chinese, Traditional first, without duplicates."""
    seen: dict[str, None] = {}
    for ws in (
        QFontDatabase.WritingSystem.TraditionalChinese,
        QFontDatabase.WritingSystem.SimplifiedChinese,
    ):
        for fam in QFontDatabase.families(ws):
            seen.setdefault(fam, None)
    return list(seen)


def find_system_han_family() -> str | None:
    """The system family Han text should use: a known TC face if present, else any that covers."""
    listed = _han_families()
    if not listed:
        return None
    for fam in TC_FAMILIES:
        if fam in listed and covers_han(fam):
            return fam
    for fam in listed:
        if fam != BUNDLED_FAMILY and covers_han(fam):
            return fam
    return None


def register_bundled_font() -> str | None:
    """Load the bundled CJK font into Qt's database (once); its family, or None on failure."""
    global _bundled_font_id
    if _bundled_font_id is None:
        path = bundled_font_path()
        if not path.is_file():
            log.warning("bundled CJK font missing: %s", path)
            return None
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("Qt could not load the bundled CJK font %s", path)
            return None
        _bundled_font_id = font_id
    families = QFontDatabase.applicationFontFamilies(_bundled_font_id)
    return families[0] if families else None


def unregister_bundled_font() -> None:
    """Drop the bundled font again (tests; the app keeps it for its lifetime)."""
    global _bundled_font_id
    if _bundled_font_id is not None:
        QFontDatabase.removeApplicationFont(_bundled_font_id)
        _bundled_font_id = None


def han_font_families(base_family: str, han_family: str | None) -> list[str]:
    """The application font's family list.

    The UI family stays first so Latin text keeps the platform look; Han characters, which it
    lacks, then fall to the Traditional Chinese face. If the UI family itself covers Han (a
    system whose default font is a CJK face, often the Japanese one), the TC face goes first.
    """
    present = set(QFontDatabase.families())
    tc = [f for f in (*TC_FAMILIES, han_family) if f and f in present]
    tc = list(dict.fromkeys(tc))
    if base_family and base_family not in tc and covers_han(base_family):
        return [*tc, base_family]
    return list(dict.fromkeys([f for f in (base_family, *tc) if f]))


def setup_han_font(app: QGuiApplication | None = None) -> HanFontStatus:
    """Choose (and if needed load) the font for Chinese and install it in the app font."""
    app = app or QGuiApplication.instance()  # type: ignore[assignment]
    if app is None:
        raise RuntimeError("setup_han_font needs a QGuiApplication")
    han = find_system_han_family()
    bundled = False
    if han is None and os.environ.get("EARNINGS_VIEWER_NO_BUNDLED_FONT") != "1":
        han = register_bundled_font()
        bundled = han is not None
        if han is not None and not covers_han(han):
            han = None
    base = QGuiApplication.font()
    # The resolved face, not the requested name: a fontconfig alias such as "Sans Serif" is no
    # family in Qt's database, so Qt would skip it in a family list and draw Latin text with
    # the CJK face that follows.
    families = han_font_families(QFontInfo(base).family(), han)
    if families:
        base.setFamilies(families)
        QGuiApplication.setFont(base)
    status = HanFontStatus(
        family=han,
        bundled=bundled,
        families=tuple(families),
        rendered=tuple(rendered_families(HAN_TEST)),
        message="" if han else NO_HAN_MESSAGE,
    )
    log.info(status.report())
    if os.environ.get("EARNINGS_VIEWER_FONT_REPORT") == "1" and sys.stderr is not None:
        print(status.report(), file=sys.stderr, flush=True)
    return status
