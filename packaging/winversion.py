"""The Windows version resource (file properties > Details) from pyproject's version.

Used by ``earnings-viewer.spec``; PyInstaller reads this text with ``eval`` into a
``VSVersionInfo`` (the format of ``pyi-grab_version``).
"""

from __future__ import annotations

import re


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """``"1.2.3rc1"`` -> ``(1, 2, 3, 0)``: the four 16-bit numbers Windows shows."""
    numbers = [int(n) for n in re.findall(r"\d+", version.split("+")[0])[:3]]
    numbers += [0] * (4 - len(numbers))
    if any(n > 0xFFFF for n in numbers):
        raise ValueError(f"version part above 65535: {version}")
    return (numbers[0], numbers[1], numbers[2], numbers[3])


def version_file_text(*, name: str, version: str, description: str, exe: str) -> str:
    """A ``VSVersionInfo`` source for an executable named ``exe`` (without ``.exe``)."""
    vt = version_tuple(version)
    strings = {
        "CompanyName": "Earnings Call Viewer developers",
        "FileDescription": description,
        "FileVersion": version,
        "InternalName": exe,
        "LegalCopyright": "MIT License",
        "OriginalFilename": f"{exe}.exe",
        "ProductName": name,
        "ProductVersion": version,
    }
    entries = ",\n".join(f"          StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={vt!r},
    prodvers={vt!r},
    mask=0x3f,
    flags=0x0,
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0)
  ),
  kids=[
    StringFileInfo([
      StringTable(
        '040904B0',
        [
{entries}
        ])
    ]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
"""
