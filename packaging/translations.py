"""The Qt Linguist pipeline: extract, compile and check the interface translations.

    python packaging/translations.py update    # pyside6-lupdate viewer/**/*.py -> resources/i18n/*.ts
    python packaging/translations.py release   # pyside6-lrelease *.ts -> *.qm
    python packaging/translations.py check     # no unfinished/obsolete entry; every .qm current

``make i18n`` runs update then release; ``make run``/``test``/``package`` rebuild a stale .qm.
The tools are the ``lupdate`` and ``lrelease`` binaries PySide6-Essentials ships (the
``pyside6-lupdate`` scripts run them). The workflow is in docs/I18N.md.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
SOURCES = ROOT / "viewer"
# Source locations are left out of the .ts: line numbers would change the file (and make
# merge conflicts) at every edit of any source file; contexts and comments identify strings.
SOURCE_LANGUAGE = "en"
LUPDATE_OPTIONS = ("-locations", "none", "-source-language", SOURCE_LANGUAGE, "-silent")


def ts_files() -> list[Path]:
    return sorted(I18N.glob("*.ts"))


def qm_path(ts: Path) -> Path:
    return ts.with_suffix(".qm")


def sources() -> list[Path]:
    """Every Python file of the app (lupdate scans directories only for C++/QML files)."""
    return sorted(p for p in SOURCES.rglob("*.py") if "__pycache__" not in p.parts)


def tool(name: str) -> list[str]:
    """The command running Qt's ``name`` (``lupdate``, ``lrelease``) from PySide6."""
    import PySide6

    exe = name + (".exe" if sys.platform == "win32" else "")
    for candidate in (
        Path(PySide6.__file__).parent / exe,
        Path(PySide6.__file__).parent / "Qt" / "libexec" / exe,
    ):
        if candidate.is_file():
            return [str(candidate)]
    script = shutil.which(f"pyside6-{name}", path=str(Path(sys.executable).parent))
    if script:
        return [script]
    raise SystemExit(f"error: Qt's {name} was not found in PySide6 ({PySide6.__file__})")


def run(cmd: list[str]) -> str:
    done = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, check=False)
    if done.returncode != 0:
        raise SystemExit(f"error: {' '.join(cmd[:1])} failed:\n{done.stdout}{done.stderr}")
    return done.stdout + done.stderr


def update(ts: Path, no_obsolete: bool = True) -> str:
    """Merge the strings of the sources into ``ts`` (new ones unfinished)."""
    files = [str(p.relative_to(ROOT)) for p in sources()]
    extra = ["-no-obsolete"] if no_obsolete else []
    if ts.stem.endswith("_" + SOURCE_LANGUAGE):
        # the source language needs only its plural forms ("%n hit(s)" -> "1 hit", "2 hits")
        extra.append("-pluralonly")
    return run([*tool("lupdate"), *LUPDATE_OPTIONS, *extra, *files, "-ts", str(ts)])


def release(ts: Path, qm: Path | None = None) -> Path:
    """Compile ``ts`` (only finished translations) into ``qm`` (default: beside it)."""
    out = qm or qm_path(ts)
    run([*tool("lrelease"), "-silent", "-nounfinished", str(ts), "-qm", str(out)])
    return out


_MARKER = re.compile(r"%(?:[1-9]|n)")
_MNEMONIC = re.compile(r"&(?=[^&\s])")
# not mnemonics: a literal "&&", and "R&D", "G&A", "Q&A" in labels that are no menu items
_AMPERSANDS = re.compile(r"&&|\b[A-Z]&[A-Z]\b")


def invalid(source: str, translation: str) -> str | None:
    """Why ``translation`` cannot stand for ``source``, or None: a place marker (``%1``,
    ``%n``) lost or added, a mnemonic (``&O``) lost or added, ``…`` (a command that asks
    more) dropped, or whitespace at the ends changed. (lrelease's ``-fail-on-invalid`` does
    not catch a lost ``%1``.)"""
    if sorted(_MARKER.findall(source)) != sorted(_MARKER.findall(translation)):
        return f"place markers {sorted(set(_MARKER.findall(source)))} differ"
    has, gets = (bool(_MNEMONIC.search(_AMPERSANDS.sub("", t))) for t in (source, translation))
    if has != gets:
        return "a mnemonic (&) is " + ("missing" if has else "added")
    if source.endswith("…") and not translation.endswith("…"):
        return "the ending … is missing"
    if (source[:1].isspace(), source[-1:].isspace()) != (
        translation[:1].isspace(),
        translation[-1:].isspace(),
    ):
        return "spaces at the ends differ"
    return None


def problems(ts: Path) -> list[str]:
    """What a translator still has to do in ``ts``: unfinished, obsolete (vanished) or empty
    translations, numerus forms left empty, translations :func:`invalid` refuses. One line
    per message."""
    out: list[str] = []
    root = ET.parse(ts).getroot()
    for context in root.iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            source = message.findtext("source", "")
            comment = message.findtext("comment")
            label = f"{ts.name}: [{name}] {source!r}" + (f" ({comment})" if comment else "")
            translation = message.find("translation")
            if translation is None:
                out.append(f"{label}: no translation")
                continue
            kind = translation.get("type")
            if kind in ("obsolete", "vanished"):
                out.append(f"{label}: {kind} (no longer in the sources)")
                continue
            if kind == "unfinished":
                out.append(f"{label}: unfinished")
                continue
            if message.get("numerus") == "yes":
                forms = [f.text or "" for f in translation.iter("numerusform")]
                if not forms or not all(forms):
                    out.append(f"{label}: a plural form is empty")
                    continue
            elif not translation.text:
                out.append(f"{label}: empty")
                continue
            else:
                forms = [translation.text]
            for form in forms:
                why = invalid(source, form)
                if why is not None:
                    out.append(f"{label}: {why}: {form!r}")
    return out


def check() -> list[str]:
    """Run lupdate on a copy of every .ts: anything unfinished or obsolete is a problem; so
    is a committed .qm that differs from the .ts compiled now."""
    found: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        for ts in ts_files():
            copy = Path(tmp) / ts.name
            shutil.copyfile(ts, copy)
            update(copy, no_obsolete=False)
            found += problems(copy)
            fresh = release(ts, Path(tmp) / qm_path(ts).name)
            qm = qm_path(ts)
            if not qm.is_file() or qm.read_bytes() != fresh.read_bytes():
                found.append(f"{qm.relative_to(ROOT)} is stale: run `make i18n`")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("update", "release", "check", "all"))
    parser.add_argument("ts", nargs="*", type=Path, help="release: only these .ts files")
    args = parser.parse_args(argv)
    if args.command in ("update", "all"):
        for ts in ts_files():
            update(ts)
            todo = problems(ts)
            print(f"{ts.relative_to(ROOT)}: {len(todo)} to translate")
            for line in todo:
                print(f"  {line}")
    if args.command in ("release", "all"):
        for ts in [p.resolve() for p in args.ts] or ts_files():
            print(f"{release(ts).relative_to(ROOT)}")
    if args.command == "check":
        found = check()
        for line in found:
            print(f"error: {line}", file=sys.stderr)
        return 1 if found else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
