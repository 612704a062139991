"""The bundled font covers whole Unicode blocks, enumerated code point by code point.

Real names broke the old subset (宏碁 Acer, 陳俊堃, 林喆珺: 堃 and 喆 are not even in Big5): it
must hold the whole CJK Unified Ideographs block, CJK punctuation and full-width forms.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from pathlib import Path

import pytest
from fontTools.ttLib import TTCollection, TTFont

from tests.conftest import ROOT, run_python
from viewer.qt import fonts
from viewer.resources import bundled_font_path

NO_CJK_CONF = ROOT / "packaging" / "testing" / "no-cjk-fonts.conf"
SOURCE = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
SOURCE_FACE = "Noto Sans CJK TC"
BLOCKS = {
    "CJK Unified Ideographs": (0x4E00, 0x9FFF),
    "CJK Symbols and Punctuation": (0x3000, 0x303F),
    "Halfwidth and Fullwidth Forms": (0xFF00, 0xFFEF),
}
# Added in Unicode 13.0 (U+9FF0-U+9FFC) and 14.0 (U+9FFD-U+9FFF): no release of Noto Sans CJK /
# Source Han Sans draws them yet (test_the_gap_is_the_source_fonts below checks that).
NEWER_THAN_THE_SOURCE = set(range(0x9FF0, 0xA000))
NAMES = "宏碁 陳俊堃 林喆珺"


def assigned(lo: int, hi: int) -> list[int]:
    """Code points of the range that Unicode assigns (Python's database: Unicode 14 or later)."""
    return [cp for cp in range(lo, hi + 1) if unicodedata.category(chr(cp)) != "Cn"]


@cache
def bundled_cmap() -> frozenset[int]:
    with TTFont(str(bundled_font_path()), lazy=True) as font:
        return frozenset(font["cmap"].getBestCmap())


@cache
def source_cmap() -> frozenset[int]:
    with TTCollection(str(SOURCE), lazy=True) as collection:
        for face in collection.fonts:
            if face["name"].getDebugName(1) == SOURCE_FACE:
                return frozenset(face["cmap"].getBestCmap())
    raise AssertionError(f"{SOURCE}: no {SOURCE_FACE} face")


@pytest.mark.parametrize("block", BLOCKS)
def test_every_assigned_code_point_of_the_block_is_covered(block: str) -> None:
    lo, hi = BLOCKS[block]
    points = assigned(lo, hi)
    missing = {cp for cp in points if cp not in bundled_cmap()}
    assert missing <= NEWER_THAN_THE_SOURCE, [f"U+{cp:04X}" for cp in sorted(missing)][:40]
    if block == "CJK Unified Ideographs":
        assert len(points) == 0x9FFF - 0x4E00 + 1  # the whole block is assigned
        assert len(points) - len(missing) == 20_976  # U+4E00-U+9FEF


def test_the_gap_is_the_source_fonts() -> None:
    # The subset drops nothing the Traditional Chinese face has in these blocks, and what it
    # lacks, the face lacks too.
    for lo, hi in BLOCKS.values():
        in_source = {cp for cp in assigned(lo, hi) if cp in source_cmap()}
        assert in_source <= bundled_cmap()
    assert not NEWER_THAN_THE_SOURCE & source_cmap()


def test_real_names_outside_big5_are_covered() -> None:
    for ch in NAMES.replace(" ", ""):
        assert ord(ch) in bundled_cmap(), ch
    # 堃 and 喆 are outside Big5 (cp950): the old subset, built from Big5 level 1 and
    # GB2312, drew them as boxes.
    for ch in "堃喆":
        with pytest.raises(UnicodeEncodeError):
            ch.encode("cp950")


@pytest.mark.parametrize("codec", ["cp950", "big5hkscs", "gbk"])
def test_every_han_character_of_the_codecs_in_the_block_is_covered(codec: str) -> None:
    lo, hi = BLOCKS["CJK Unified Ideographs"]
    han = {
        cp
        for cp in range(lo, hi + 1)
        if _encodes(chr(cp), codec) and cp not in NEWER_THAN_THE_SOURCE
    }
    assert len(han) > 13_000
    assert han <= bundled_cmap()


def _encodes(ch: str, codec: str) -> bool:
    try:
        ch.encode(codec)
    except UnicodeEncodeError:
        return False
    return True


def test_qt_draws_the_names_with_the_bundled_font_when_the_system_has_none() -> None:
    code = (
        "from PySide6.QtWidgets import QApplication\n"
        "from viewer.qt.fonts import setup_han_font, rendered_families\n"
        "app = QApplication([])\n"
        "s = setup_han_font(app)\n"
        f"print(s.family); print(rendered_families({NAMES.replace(' ', '')!r}))\n"
    )
    env = {"QT_QPA_PLATFORM": "offscreen", "FONTCONFIG_FILE": str(NO_CJK_CONF)}
    res = run_python("-c", code, env=env, check=True, timeout=60)
    family, rendered = res.stdout.splitlines()
    assert family == fonts.BUNDLED_FAMILY
    # Every glyph of the names comes from the bundled face: no box.
    assert rendered == str([fonts.BUNDLED_FAMILY])
