#!/usr/bin/env bash
# Wraps target/release/monitor-check in "Monitor Check.app" and puts it in a
# .dmg with a link to /Applications. macOS only (iconutil, hdiutil); run by
# the release workflow after `cargo build --release`. Not tried on the
# development machine (no macOS there). The bundle is signed ad hoc (no
# Apple Developer ID, not notarised), so the first start needs the user's
# leave: README, "macOS".
set -euo pipefail
cd "$(dirname "$0")/../.."

version=$(cargo metadata --format-version 1 --no-deps --locked |
  python3 -c 'import json, sys; print(json.load(sys.stdin)["packages"][0]["version"])')
out=target/macos
rm -rf "$out"
app="$out/dmg/Monitor Check.app"
mkdir -p "$app/Contents/MacOS" "$app/Contents/Resources"
cp target/release/monitor-check "$app/Contents/MacOS/monitor-check"
# The licences: the app's, the models', the fonts' and every crate's.
cp LICENSE "$app/Contents/Resources/LICENSE.txt"
cp packaging/licenses/THIRD-PARTY-LICENSES.txt "$app/Contents/Resources/"
cp assets/models/NOTICE "$app/Contents/Resources/NOTICE-models.txt"
cp assets/fonts/LICENSE-DejaVu.txt "$app/Contents/Resources/"
sed "s/@VERSION@/$version/g" packaging/macos/Info.plist >"$app/Contents/Info.plist"

# The icon, from the same PNGs as the Linux package.
icons=packaging/icons/hicolor
iconset="$out/MonitorCheck.iconset"
mkdir -p "$iconset"
for size in 16 32 128 256 512; do
  cp "$icons/${size}x$size/apps/io.github.monitor_check.MonitorCheck.png" "$iconset/icon_${size}x$size.png"
done
for size in 16 32 128 256; do
  double=$((size * 2))
  cp "$icons/${double}x$double/apps/io.github.monitor_check.MonitorCheck.png" "$iconset/icon_${size}x${size}@2x.png"
done
iconutil -c icns "$iconset" -o "$app/Contents/Resources/MonitorCheck.icns"

# Ad hoc: binds Info.plist and the resources to the bundle, so macOS sees
# one whole app (Apple silicon runs nothing unsigned at all).
codesign --force --deep --sign - "$app"
codesign --verify --deep --strict --verbose=2 "$app"
plutil -lint "$app/Contents/Info.plist"

ln -s /Applications "$out/dmg/Applications"
hdiutil create -volname "Monitor Check" -srcfolder "$out/dmg" -ov -format UDZO \
  "$out/monitor-check-$version-macos-$(uname -m).dmg"
