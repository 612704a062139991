"""Regenerate the library's English plural forms: ``resources/i18n/library_en.ts`` (lupdate
over ``viewer/qt/library``) and ``library_en.qm`` (lrelease).

Counts are written ``self.tr("%n call(s)", "", n)``; English needs a translation file to say
"1 call" / "5 calls". Every numerus message gets its two English forms from the ``(s)``
pattern; nothing else is translated (an English UI shows the source strings).

    .venv/bin/python packaging/library_i18n.py
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "viewer" / "qt" / "library"
TS = ROOT / "resources" / "i18n" / "library_en.ts"
QM = TS.with_suffix(".qm")


def tool(name: str) -> str:
    """``pyside6-<name>`` beside this interpreter (the venv), else on PATH."""
    local = Path(sys.executable).with_name(f"pyside6-{name}")
    found = str(local) if local.exists() else shutil.which(f"pyside6-{name}")
    if not found:
        raise SystemExit(f"pyside6-{name} not found (pip install PySide6-Essentials)")
    return found


def forms(source: str) -> tuple[str, str]:
    """English singular and plural of a ``(s)`` message."""
    return re.sub(r"\(s\)", "", source), re.sub(r"\(s\)", "s", source)


def main() -> int:
    TS.parent.mkdir(parents=True, exist_ok=True)
    files = sorted(str(p) for p in SOURCES.glob("*.py"))
    subprocess.run(
        [tool("lupdate"), *files, "-no-obsolete", "-target-language", "en", "-ts", str(TS)],
        check=True,
    )
    tree = ET.parse(TS)
    for message in tree.iter("message"):
        translation = message.find("translation")
        source = message.findtext("source") or ""
        if translation is None:
            continue
        for child in list(translation):
            translation.remove(child)
        translation.text = None
        if message.get("numerus") == "yes":
            for text in forms(source):
                ET.SubElement(translation, "numerusform").text = text
            translation.attrib.pop("type", None)
        else:
            translation.set("type", "unfinished")  # the source string is the English
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    subprocess.run([tool("lrelease"), str(TS), "-qm", str(QM)], check=True)
    print(f"{TS.relative_to(ROOT)} and {QM.relative_to(ROOT)} written")
    return 0


if __name__ == "__main__":
    sys.exit(main())
