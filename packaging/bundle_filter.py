"""Which of the files PyInstaller's Qt hooks collect go into the bundle (used by the spec).

PyInstaller collects every plugin of QtGui, with their libraries and Qt's translations. The app
needs a few: the rest only costs size (measured on a bare window: 180 MiB -> 107 MiB, see
docs/QT-NOTES "Packaging"). Pure functions over TOC entries ``(dest, src, typecode)`` so the
rules can be unit-tested without running PyInstaller.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Callable, Iterable

Entry = tuple[str, str, str]

DROP_PLUGINS = re.compile(
    r"(^|/)plugins/("
    # Keep the xcb and offscreen platforms; Wayland needs its own plugin set, the rest are
    # embedded/headless back-ends.
    r"platforms/[^/]*(wayland|eglfs|linuxfb|minimal|vnc|vkkhrdisplay)[^/]*"
    # Keep ibus and compose (Chinese typing); the virtual keyboard drags in QtQuick/QML.
    r"|platforminputcontexts/[^/]*virtualkeyboard[^/]*"
    # The GTK3 theme pulls GTK, Pango, Cairo; the xdg-desktop-portal theme stays.
    r"|platformthemes/[^/]*gtk3[^/]*"
    # Image formats the app never reads (it has PNG built in, ICO/SVG/GIF stay).
    r"|imageformats/[^/]*q(pdf|tiff|webp|tga|wbmp|icns|jpeg)[^/]*"
    r"|(wayland-[^/]*|egldeviceintegrations|generic|networkinformation|tls|qmltooling"
    r"|sqldrivers|printsupport|designer|vectorimageformats|qmllint)/.*"
    r")$",
    re.IGNORECASE,
)
# Libraries that only the dropped plugins and modules need.
DROP_LIBS = re.compile(
    r"^(lib)?("
    r"Qt6(Wayland|Wl|EglFs|Quick|Qml|VirtualKeyboard|Pdf|Network|Designer|Lottie|Labs)"
    r"|gtk-3|gdk-3|gdk_pixbuf|atk-1|atk-bridge|atspi|pango|cairo|harfbuzz|fribidi|epoxy"
    r"|wayland-|thai|datrie|pixman|graphite2|Xcomposite|Xcursor|Xdamage|Xinerama|Xrandr"
    r"|Xi\.|Xfixes|jpeg|tiff|webp|jbig|deflate|Lerc|avahi|cups|gnutls|nettle|hogweed"
    r"|gmp|p11-kit|tasn1|idn2|unistring|krb5|k5crypto|gssapi|keyutils|com_err|crypto\.|ssl\."
    r")",
    re.IGNORECASE,
)
# Libraries left to the system although a kept library links them: every desktop Linux has the
# D-Bus client library (the desktop session runs on D-Bus; packaging/system-deps.sh installs
# it), and the copy PyInstaller collects drags in libsystemd, libgcrypt, libgpg-error, liblz4
# and libcap: 2.9 MB of the onedir budget, which the full CJK font needs. build.py's library
# check accepts exactly these as provided by the system.
SYSTEM_LIBS = frozenset({"libdbus-1.so.3"})
# Qt's own dialogs in Traditional Chinese if the app installs a translator; nothing else.
KEEP_TRANSLATIONS = {"qtbase_zh_TW.qm"}


def keep(dest: str) -> bool:
    """Whether a collected file (by its path inside the bundle) stays."""
    dest = dest.replace("\\", "/")
    name = dest.rsplit("/", 1)[-1]
    if DROP_PLUGINS.search(dest) or DROP_LIBS.search(name) or name in SYSTEM_LIBS:
        return False
    return "/translations/" not in dest or name in KEEP_TRANSLATIONS


def is_root(dest: str) -> bool:
    """Binaries loaded by path rather than as a dependency: extension modules, libpython,
    Qt plugins."""
    dest = dest.replace("\\", "/")
    name = os.path.basename(dest)
    return (
        ".cpython-" in name
        or ".abi3." in name
        or name.startswith("libpython")
        or "/plugins/" in dest
    )


def prune_orphans(
    binaries: Iterable[Entry], imports: Callable[[str], Iterable[str]]
) -> tuple[list[Entry], list[Entry]]:
    """(kept, dropped): keep a library only if a root reaches it through ``imports``.

    ``imports(src)`` lists the library names ``src`` links to (DT_NEEDED on Linux). This drops
    what only the removed plugins used (gio, libmount, Qt's OpenGL and Network modules, ...).
    Symlink entries follow the library they name.
    """
    binaries = list(binaries)
    by_name: dict[str, list[Entry]] = {}
    for entry in binaries:
        by_name.setdefault(os.path.basename(entry[0]), []).append(entry)
    todo = [e for e in binaries if is_root(e[0]) and e[2] != "SYMLINK"]
    reached = {os.path.basename(e[0]) for e in todo}
    while todo:
        entry = todo.pop()
        for lib in imports(entry[1]):
            lib = os.path.basename(lib)
            if lib in by_name and lib not in reached:
                reached.add(lib)
                todo.extend(e for e in by_name[lib] if e[2] != "SYMLINK")
    kept = [e for e in binaries if os.path.basename(e[0]) in reached]
    dropped = [e for e in binaries if os.path.basename(e[0]) not in reached]
    return kept, dropped


def needed_libs(path: str | os.PathLike[str]) -> list[str]:
    """The DT_NEEDED entries of an ELF file: its direct dependencies (via objdump, which
    PyInstaller itself requires on Linux).

    Not PyInstaller's ``get_imports``: on Linux that runs ldd, which lists every library the
    *system* would load, transitively, so a library left to the system (``SYSTEM_LIBS``) would
    still pull its own dependencies into the bundle.
    """
    out = subprocess.run(
        ["objdump", "-p", str(path)], capture_output=True, text=True, check=False
    ).stdout
    return [line.split()[1] for line in out.splitlines() if line.strip().startswith("NEEDED")]
