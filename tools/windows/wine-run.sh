#!/usr/bin/env bash
# Runs a Windows program under Wine, in a prefix of its own.
# Usage: tools/windows/wine-run.sh PROGRAM.exe ARGS...
# The prefix is $WINEPREFIX, /tmp/monitor-check-wine by default; it is made
# on first use, with the stand-in bcryptprimitives.dll that Wine 8 lacks
# (bcryptprimitives.c says why). Give the program paths as Z:\full\path.
# Needs (apt): wine64 wine gcc-mingw-w64-x86-64.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
export WINEPREFIX=${WINEPREFIX:-/tmp/monitor-check-wine} WINEDEBUG=${WINEDEBUG:--all}
# No menu entries or file associations on the host for what runs here.
export WINEDLLOVERRIDES=${WINEDLLOVERRIDES:-winemenubuilder.exe=d}
shim=$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll
if [[ ! -f $shim ]]; then
  wineboot -i >/dev/null 2>&1 || true
  wineserver -w || true
  x86_64-w64-mingw32-gcc -shared -O2 -o "$shim" "$here/bcryptprimitives.c" -ladvapi32
fi
exec wine "$@"
