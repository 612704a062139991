#!/usr/bin/env bash
# Install (or remove) the desktop entry, icons and AppStream metadata for the current user.
#
#   bash packaging/linux/install-desktop.sh [--uninstall] [EXECUTABLE]
#
# EXECUTABLE defaults to the first that exists: dist/earnings-viewer/earnings-viewer (a
# `make package` build), `earnings-viewer` on PATH, .venv/bin/earnings-viewer (the source
# checkout). The entry's Exec line gets its absolute path, so it works wherever the folder is.
# Files go under $XDG_DATA_HOME (default ~/.local/share), nothing outside it is touched.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DATA="${XDG_DATA_HOME:-$HOME/.local/share}"
APP=earnings-viewer
METAINFO=io.github.earningsviewer.EarningsViewer.metainfo.xml
SIZES=(16 24 32 48 64 128 256 512)

refresh() {
  # Desktop environments watch these folders; the caches only make it faster (optional tools).
  if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q "$DATA/applications" || true
  fi
  if command -v gtk-update-icon-cache >/dev/null 2>&1; then
    gtk-update-icon-cache -q -t -f "$DATA/icons/hicolor" || true
  fi
}

if [ "${1:-}" = "--uninstall" ]; then
  rm -f "$DATA/applications/$APP.desktop" "$DATA/metainfo/$METAINFO" \
        "$DATA/icons/hicolor/scalable/apps/$APP.svg"
  for s in "${SIZES[@]}"; do rm -f "$DATA/icons/hicolor/${s}x${s}/apps/$APP.png"; done
  refresh
  echo "removed the $APP desktop entry and icons from $DATA"
  exit 0
fi

exe="${1:-}"
if [ -z "$exe" ]; then
  for candidate in "$ROOT/dist/$APP/$APP" "$(command -v $APP 2>/dev/null || true)" \
                   "$ROOT/.venv/bin/$APP"; do
    if [ -n "$candidate" ] && [ -x "$candidate" ]; then exe="$candidate"; break; fi
  done
fi
if [ -z "$exe" ] || [ ! -x "$exe" ]; then
  echo "install-desktop: no $APP executable found; run 'make package' (or pass its path)" >&2
  exit 1
fi
exe="$(cd "$(dirname "$exe")" && pwd)/$(basename "$exe")"

# Desktop Entry spec: a quoted Exec argument escapes " ` $ \ with a backslash, and the value
# itself escapes every backslash once more.
quoted="$exe"
quoted="${quoted//\\/\\\\}"
quoted="${quoted//\"/\\\"}"
quoted="${quoted//\`/\\\`}"
quoted="${quoted//\$/\\\$}"
quoted="${quoted//\\/\\\\}"
tryexec="${exe//\\/\\\\}"

mkdir -p "$DATA/applications" "$DATA/metainfo" "$DATA/icons/hicolor/scalable/apps"
while IFS= read -r line || [ -n "$line" ]; do
  case "$line" in
    Exec=*) printf 'Exec="%s" %%F\n' "$quoted" ;;
    TryExec=*) printf 'TryExec=%s\n' "$tryexec" ;;
    *) printf '%s\n' "$line" ;;
  esac
done < "$ROOT/resources/linux/$APP.desktop" > "$DATA/applications/$APP.desktop.tmp"
mv "$DATA/applications/$APP.desktop.tmp" "$DATA/applications/$APP.desktop"
install -m 644 "$ROOT/resources/linux/$METAINFO" "$DATA/metainfo/$METAINFO"
install -m 644 "$ROOT/resources/icons/$APP.svg" "$DATA/icons/hicolor/scalable/apps/$APP.svg"
for s in "${SIZES[@]}"; do
  mkdir -p "$DATA/icons/hicolor/${s}x${s}/apps"
  install -m 644 "$ROOT/resources/icons/$APP-$s.png" "$DATA/icons/hicolor/${s}x${s}/apps/$APP.png"
done
if command -v desktop-file-validate >/dev/null 2>&1; then
  desktop-file-validate "$DATA/applications/$APP.desktop"
fi
refresh
echo "installed $DATA/applications/$APP.desktop -> $exe"
