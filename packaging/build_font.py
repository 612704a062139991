"""Subset Noto Sans CJK TC into the fallback font the app bundles.

    .venv/bin/python packaging/build_font.py [--source NotoSansCJK-Regular.ttc] [--check FILE...]

The app must show Chinese on a machine with no CJK font, without shipping a 19 MB collection.
The source is Debian's ``fonts-noto-cjk`` collection (only needed to *rebuild* the font: the
result is committed under ``resources/fonts/`` and the app never reads the system copy). We take
the Traditional Chinese face and keep:

* the whole CJK Unified Ideographs block, U+4E00-U+9FFF: every character of Big5 (both levels),
  of HKSCS's common set, of GBK and GB2312 is in it, so real names (宏碁, 陳俊堃, 林喆珺: 堃 and
  喆 are not even in Big5) and the Simplified transcripts render. Noto Sans CJK 2.004 draws all
  of it but U+9FF0-U+9FFF, 16 characters added in Unicode 13 and 14 that no Noto Sans CJK /
  Source Han Sans release has yet;
* CJK symbols and punctuation (U+3000-U+303F) and half-width and full-width forms
  (U+FF00-U+FFEF), whole;
* the symbols of Big5 and GB2312 (Bopomofo, Greek, Cyrillic, kana, box drawing), the
  Traditional and Taiwan-standard forms OpenCC lists for GB2312's characters (a few lie
  outside the block), ASCII, Latin-1 and general punctuation.

Vertical metrics and the hinting instructions go (``--hinting`` keeps the hints: 1.9 MB more,
and the onedir budget has no room for them); outlines are untouched.

The family is renamed: it is a Modified Version under the OFL, and a distinct name keeps Qt and
fontconfig from confusing it with a full Noto Sans CJK TC installed on the same machine.
``--check FILE`` prints how many of the Han characters in those files the subset covers.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SOURCE = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
OUT_DIR = ROOT / "resources" / "fonts"
OUT_FONT = OUT_DIR / "EarningsViewerCJKTC-Regular.otf"
OUT_LICENSE = OUT_DIR / "OFL.txt"
DEBIAN_COPYRIGHT = Path("/usr/share/doc/fonts-noto-cjk/copyright")

FAMILY = "Earnings Viewer CJK TC"
POSTSCRIPT = "EarningsViewerCJKTC-Regular"
TC_FACE = "Noto Sans CJK TC"

# Unicode blocks kept whole (only the code points the face actually maps end up in the subset).
BLOCKS = [
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x00FF),  # Latin-1
    (0x2000, 0x206F),  # general punctuation: dashes, quotes, ellipsis
    (0x2100, 0x214F),  # letterlike symbols (No., TM)
    (0x2190, 0x21FF),  # arrows
    (0x2460, 0x24FF),  # enclosed numbers
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0x3100, 0x312F),  # Bopomofo (Taiwan)
    (0x4E00, 0x9FFF),  # CJK Unified Ideographs
    (0xFE30, 0xFE4F),  # CJK compatibility forms
    (0xFF00, 0xFFEF),  # half-width and full-width forms
]


def codec_chars(codec: str, leads: range = range(0x81, 0xFF)) -> set[int]:
    """Every character a double-byte codec decodes from these lead bytes."""
    chars: set[int] = set()
    for lead in leads:
        for trail in range(0x40, 0xFF):
            try:
                text = bytes((lead, trail)).decode(codec)
            except UnicodeDecodeError:
                continue
            if len(text) == 1:
                chars.add(ord(text))
    return chars


def opencc_table(name: str) -> dict[str, list[str]]:
    """One of OpenCC's character tables (``STCharacters``: simplified -> traditional forms)."""
    import opencc

    path = Path(opencc.__file__).parent / "dictionary" / f"{name}.txt"
    table: dict[str, list[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        key, _, values = line.partition("\t")
        table[key] = values.split()
    return table


def traditional_forms(chars: set[int]) -> set[int]:
    """Every Traditional form OpenCC lists for ``chars``, plus the Taiwan-standard variants."""
    st = opencc_table("STCharacters")
    tw = opencc_table("TWVariants")
    out: set[int] = set()
    for cp in chars:
        for trad in st.get(chr(cp), [chr(cp)]):
            for form in (trad, *tw.get(trad, [])):
                if len(form) == 1:
                    out.add(ord(form))
    return out


def wanted_codepoints() -> set[int]:
    wanted: set[int] = set()
    for lo, hi in BLOCKS:
        wanted.update(range(lo, hi + 1))
    # Their Han characters are all in the CJK block above; these add the codecs' symbols.
    wanted |= codec_chars("cp950")
    gb2312 = codec_chars("gb2312")
    wanted |= gb2312
    wanted |= traditional_forms({cp for cp in gb2312 if is_han(cp)})
    wanted.discard(0xFFFD)
    return wanted


def is_han(cp: int) -> bool:
    return 0x3400 <= cp <= 0x9FFF or 0xF900 <= cp <= 0xFAFF or 0x20000 <= cp <= 0x3FFFF


def tc_face_index(source: Path) -> int:
    from fontTools.ttLib import TTCollection

    collection = TTCollection(str(source), lazy=True)
    for i, face in enumerate(collection.fonts):
        if face["name"].getDebugName(1) == TC_FACE:
            return i
    raise SystemExit(f"{source}: no '{TC_FACE}' face")


def rename(font: object) -> None:
    """Give the subset its own family name; keep copyright, trademark and license records."""
    name = font["name"]  # type: ignore[index]
    new = {
        1: FAMILY,
        3: f"2.004;{POSTSCRIPT};subset",
        4: FAMILY,
        6: POSTSCRIPT,
        16: FAMILY,
        17: "Regular",
    }
    for record in list(name.names):
        if record.nameID in new or record.nameID in (16, 17, 18, 21, 22):
            name.removeNames(nameID=record.nameID)
    for name_id, value in new.items():
        name.setName(value, name_id, 3, 1, 0x409)
        name.setName(value, name_id, 1, 0, 0)
    old_desc = name.getDebugName(5) or ""
    name.setName(f"{old_desc}; subset of Noto Sans CJK TC for Earnings Call Viewer", 5, 3, 1, 0x409)
    cff = font["CFF "].cff  # type: ignore[index]
    # The CFF's own names show up in some tools (and in PDF exports): keep them in step.
    cff.fontNames = [POSTSCRIPT]
    top = cff.topDictIndex[0]
    top.FullName = FAMILY
    top.FamilyName = FAMILY


def write_license() -> None:
    """OFL text with the font's copyright line, as the OFL asks for every copy."""
    lines = DEBIAN_COPYRIGHT.read_text(encoding="utf-8").splitlines()
    start = lines.index("License: SIL-1.1", lines.index("License: SIL-1.1") + 1)
    body: list[str] = []
    for line in lines[start + 1 :]:
        if line and not line.startswith(" "):
            break
        body.append("" if line.strip() == "." else line[1:])
    header = [
        f"{OUT_FONT.name}: a subset of Noto Sans CJK TC Regular 2.004 (fonts-noto-cjk),",
        "made by packaging/build_font.py for Earnings Call Viewer and renamed",
        f"'{FAMILY}' so that it is not mistaken for the full font.",
        "",
        "Copyright 2014-2021 Adobe (http://www.adobe.com/), with Reserved Font Name 'Source'.",
        "Noto is a trademark of Google Inc.",
        "",
        "This Font Software is licensed under the SIL Open Font License, Version 1.1.",
        "This license is copied below, and is also available with a FAQ at:",
        "https://openfontlicense.org",
        "",
    ]
    OUT_LICENSE.write_text("\n".join(header + body).rstrip() + "\n", encoding="utf-8")


def build(source: Path, hinting: bool) -> None:
    from fontTools import subset
    from fontTools.ttLib import TTFont

    index = tc_face_index(source)
    font = TTFont(str(source), fontNumber=index, lazy=False)
    cmap = font.getBestCmap()
    wanted = wanted_codepoints()
    keep = sorted(cp for cp in wanted if cp in cmap)
    options = subset.Options()
    options.hinting = hinting
    # Horizontal text only; vertical metrics and alternates are a third of the file.
    options.drop_tables += ["VORG", "vhea", "vmtx", "BASE"]
    options.layout_features = ["kern", "liga", "ccmp", "locl", "halt", "palt"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.recalc_timestamp = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=keep)
    subsetter.subset(font)
    rename(font)
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    font.recalcTimestamp = False  # reproducible: same input, same bytes
    font.save(str(OUT_FONT))
    write_license()
    han = sum(1 for cp in keep if is_han(cp))
    digest = hashlib.sha256(OUT_FONT.read_bytes()).hexdigest()[:16]
    size = OUT_FONT.stat().st_size
    print(f"{OUT_FONT.relative_to(ROOT)}: {size / 1e6:.2f} MB, {len(keep)} characters ({han} Han)")
    print(f"  from {source} face {index}; sha256 {digest}")
    missing = len(wanted) - len(keep)
    print(f"  {missing} wanted code points have no glyph in the source face (unassigned/unused)")


def check(files: list[Path]) -> int:
    from fontTools.ttLib import TTFont

    covered = set(TTFont(str(OUT_FONT))["cmap"].getBestCmap())
    han: set[int] = set()
    for path in files:
        han |= {
            ord(c) for c in path.read_text(encoding="utf-8", errors="replace") if is_han(ord(c))
        }
    missing = sorted(han - covered)
    print(f"{len(han)} distinct Han characters in {len(files)} file(s); {len(missing)} not covered")
    if missing:
        print("  not covered: " + " ".join(f"U+{cp:04X}" for cp in missing[:50]))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--hinting", action="store_true", help="keep CFF hints (1.9 MB more)")
    parser.add_argument("--check", nargs="+", type=Path, metavar="FILE")
    args = parser.parse_args(argv)
    if args.check:
        return check(args.check)
    if not args.source.exists():
        print(f"{args.source} is missing: apt-get install fonts-noto-cjk to rebuild the font")
        return 1
    build(args.source, hinting=args.hinting)
    return 0


if __name__ == "__main__":
    sys.exit(main())
