"""packaging/bundle_filter.py: which collected Qt files the spec keeps."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "packaging"))

from bundle_filter import is_root, keep, prune_orphans

P = "PySide6/Qt/plugins/"


@pytest.mark.parametrize(
    "dest",
    [
        P + "platforms/libqxcb.so",
        P + "platforms/libqoffscreen.so",
        P + "platforms/qwindows.dll",
        P + "platforms/libqcocoa.dylib",
        P + "platforminputcontexts/libibusplatforminputcontextplugin.so",
        P + "platforminputcontexts/libcomposeplatforminputcontextplugin.so",
        P + "platformthemes/libqxdgdesktopportal.so",
        P + "imageformats/libqsvg.so",
        P + "imageformats/libqico.so",
        P + "iconengines/libqsvgicon.so",
        P + "xcbglintegrations/libqxcb-glx-integration.so",
        "PySide6/Qt/lib/libQt6Core.so.6",
        "PySide6/Qt/lib/libicudata.so.73",
        "PySide6/Qt/translations/qtbase_zh_TW.qm",
        "libzstd.so.1",
        "resources/fonts/EarningsViewerCJKTC-Regular.otf",
    ],
)
def test_kept(dest: str) -> None:
    assert keep(dest)


@pytest.mark.parametrize(
    "dest",
    [
        P + "platforms/libqwayland.so",
        P + "platforms/libqeglfs.so",
        P + "platforms/libqminimal.so",
        P + "platforminputcontexts/libqtvirtualkeyboardplugin.so",
        P + "platformthemes/libqgtk3.so",
        P + "imageformats/libqpdf.so",
        P + "imageformats/libqwebp.so",
        P + "wayland-shell-integration/libxdg-shell.so",
        P + "tls/libqopensslbackend.so",
        "PySide6\\Qt\\plugins\\platforms\\qminimal.dll",
        "PySide6/Qt/translations/qtbase_de.qm",
        "PySide6/Qt/translations/qt_help_zh_TW.qm",
        "PySide6/Qt/lib/libQt6WaylandClient.so.6",
        "libQt6Network.so.6",
        "libgtk-3.so.0",
        "libcrypto.so.3",
        "libdbus-1.so.3",  # left to the system (SYSTEM_LIBS)
    ],
)
def test_dropped(dest: str) -> None:
    assert not keep(dest)


def test_roots() -> None:
    assert is_root("PySide6/QtCore.abi3.so")
    assert is_root("python3.11/lib-dynload/_json.cpython-311-x86_64-linux-gnu.so")
    assert is_root("libpython3.11.so.1.0")
    assert is_root(P + "platforms/libqxcb.so")
    assert not is_root("libglib-2.0.so.0")


def test_prune_orphans_keeps_what_roots_reach() -> None:
    needed = {
        "/s/QtGui.abi3.so": ["libQt6Gui.so.6", "libc.so.6"],
        "/s/libQt6Gui.so.6": ["libQt6Core.so.6", "libglib-2.0.so.0"],
        "/s/libQt6Core.so.6": ["libicuuc.so.73"],
        "/s/libicuuc.so.73": ["libicudata.so.73"],
        "/s/libqxcb.so": ["libQt6XcbQpa.so.6"],
        "/s/libgio-2.0.so.0": ["libglib-2.0.so.0", "libmount.so.1"],  # only GTK needed gio
    }
    entries = [
        ("PySide6/QtGui.abi3.so", "/s/QtGui.abi3.so", "EXTENSION"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/s/libQt6Gui.so.6", "BINARY"),
        ("libQt6Gui.so.6", "PySide6/Qt/lib/libQt6Gui.so.6", "SYMLINK"),
        ("PySide6/Qt/lib/libQt6Core.so.6", "/s/libQt6Core.so.6", "BINARY"),
        ("PySide6/Qt/lib/libicuuc.so.73", "/s/libicuuc.so.73", "BINARY"),
        ("PySide6/Qt/lib/libicudata.so.73", "/s/libicudata.so.73", "BINARY"),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/s/libqxcb.so", "BINARY"),
        ("PySide6/Qt/lib/libQt6XcbQpa.so.6", "/s/libQt6XcbQpa.so.6", "BINARY"),
        ("libglib-2.0.so.0", "/s/libglib-2.0.so.0", "BINARY"),
        ("libgio-2.0.so.0", "/s/libgio-2.0.so.0", "BINARY"),
        ("libmount.so.1", "/s/libmount.so.1", "BINARY"),
        ("PySide6/Qt/lib/libQt6OpenGL.so.6", "/s/libQt6OpenGL.so.6", "BINARY"),
    ]
    kept, dropped = prune_orphans(entries, lambda src: needed.get(src, []))
    assert {e[0] for e in dropped} == {
        "libgio-2.0.so.0",
        "libmount.so.1",
        "PySide6/Qt/lib/libQt6OpenGL.so.6",
    }
    assert ("libQt6Gui.so.6", "PySide6/Qt/lib/libQt6Gui.so.6", "SYMLINK") in kept
    assert len(kept) + len(dropped) == len(entries)


def test_needed_libs_are_the_direct_links_only() -> None:
    # ldd (PyInstaller's get_imports on Linux) would also list what the system's libdbus
    # loads (libsystemd, libgcrypt): those must not reach the bundle through Qt's DBus module.
    import PySide6
    from bundle_filter import SYSTEM_LIBS, needed_libs

    qt_dbus = Path(PySide6.__file__).parent / "Qt" / "lib" / "libQt6DBus.so.6"
    needed = needed_libs(qt_dbus)
    assert "libQt6Core.so.6" in needed
    assert SYSTEM_LIBS & set(needed) == {"libdbus-1.so.3"}
    assert "libsystemd.so.0" not in needed and "libgcrypt.so.20" not in needed
