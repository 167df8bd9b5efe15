#!/usr/bin/env bash
# Builds the .deb once (release), then checks it as a new user's machine
# would see it: its contents, the desktop and AppStream validators, lintian,
# an install with apt, the installed CLI and window, and a clean removal.
# Run as root on a Debian/Ubuntu machine (CI does, from .ci/run). It leaves
# the package removed, whatever happens.
set -euo pipefail
cd "$(dirname "$0")/.."

app_id=io.github.monitor_check.MonitorCheck
fail() { echo "check-deb: $*" >&2; exit 1; }

command -v cargo-deb >/dev/null || cargo install cargo-deb --locked --version 3.8.0
deb=$(packaging/build-deb.sh | tail -1)
[ -f "$deb" ] || fail "no package was built"
echo "check-deb: built $deb ($(du -h "$deb" | cut -f1); binary $(du -h "$(dirname "$deb")/../release/monitor-check" | cut -f1))"

# Contents: everything the package promises is in it.
contents=$(dpkg-deb -c "$deb" | awk '{ print $6 }' | sed 's|^\./|/|')
for path in /usr/bin/monitor-check \
  "/usr/share/applications/$app_id.desktop" \
  "/usr/share/metainfo/$app_id.metainfo.xml" \
  "/usr/share/icons/hicolor/scalable/apps/$app_id.svg" \
  /usr/share/man/man1/monitor-check.1.gz /usr/share/man/man1/monitor-check-identify.1.gz \
  /usr/share/bash-completion/completions/monitor-check \
  /usr/share/zsh/vendor-completions/_monitor-check \
  /usr/share/fish/vendor_completions.d/monitor-check.fish \
  /usr/share/doc/monitor-check/copyright /usr/share/doc/monitor-check/changelog.Debian.gz \
  /usr/share/doc/monitor-check/models/NOTICE \
  /usr/share/doc/monitor-check/THIRD-PARTY-LICENSES.txt; do
  grep -qxF "$path" <<<"$contents" || fail "$path is missing from the package"
done
for size in 16 22 24 32 48 64 128 256 512; do
  path="/usr/share/icons/hicolor/${size}x$size/apps/$app_id.png"
  grep -qxF "$path" <<<"$contents" || fail "$path is missing from the package"
done
dpkg-deb -f "$deb" Depends | grep -q 'libc6' || fail "Depends has no libc6: \$auto did not run"
# The package must install on Debian 12 (glibc 2.36) and Ubuntu 22.04
# (2.35): the binary may ask for no glibc symbol newer than 2.35, and
# Depends may not ask for a newer libc6 either.
glibc=$(objdump -T "$(dirname "$deb")/../release/monitor-check" |
  grep -o 'GLIBC_[0-9][0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -1)
libc_dep=$(dpkg-deb -f "$deb" Depends | sed -n 's/.*libc6 (>= \([0-9.]*\)).*/\1/p')
echo "check-deb: newest glibc symbol $glibc; Depends: libc6 >= ${libc_dep:-any}"
[ "$(printf '%s\n' "$glibc" 2.35 | sort -V | tail -1)" = 2.35 ] ||
  fail "the binary needs glibc $glibc, newer than Ubuntu 22.04's 2.35"
[ -z "$libc_dep" ] || [ "$(printf '%s\n' "$libc_dep" 2.35 | sort -V | tail -1)" = 2.35 ] ||
  fail "Depends asks for libc6 >= $libc_dep, newer than Ubuntu 22.04's"

# Validators, on the files as packaged.
unpacked=$(mktemp -d)
trap 'rm -rf "$unpacked"' EXIT
dpkg-deb -x "$deb" "$unpacked"
desktop-file-validate "$unpacked/usr/share/applications/$app_id.desktop"
appstreamcli validate --no-net "$unpacked/usr/share/metainfo/$app_id.metainfo.xml"
# Errors fail the check; warnings are printed (README explains those left).
lintian --fail-on error --display-info "$deb"

# Install as a user would, then use the installed files.
remove() { apt-get purge -y -qq monitor-check >/dev/null 2>&1 || true; }
trap 'remove; rm -rf "$unpacked"' EXIT
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$deb" >/dev/null
installed=$(dpkg -L monitor-check)
version=$(/usr/bin/monitor-check --version)
[ "$version" = "monitor-check $(dpkg-query -W -f '${Version}' monitor-check | sed 's/-[^-]*$//')" ] ||
  fail "--version says '$version'"
/usr/bin/monitor-check --help | grep -q '^  identify' || fail "--help lists no identify command"

# The installed window: its title, app id (WM_CLASS) and icon, under Xvfb,
# with a throw-away home so nothing of the run stays behind.
home=$(mktemp -d)
# A developer's stand-in camera left set must do nothing in the release
# build, and say so.
window=$(HOME="$home" XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config" \
  MONITOR_CHECK_FAKE_CAMERA=busy \
  timeout 90 xvfb-run -a -s "-screen 0 1280x900x24" bash -c '
    /usr/bin/monitor-check >/dev/null 2>"$HOME/stderr" & app=$!
    for _ in $(seq 60); do
      id=$(xdotool search --name "^Monitor Check$" 2>/dev/null | head -1)
      [ -n "$id" ] && break
      sleep 1
    done
    # -len 8: read only the start of the icon (xprop prints its size).
    [ -n "$id" ] && xprop -id "$id" WM_CLASS _NET_WM_NAME && xprop -id "$id" -len 8 _NET_WM_ICON
    kill "$app" 2>/dev/null; wait "$app" 2>/dev/null; true') || true
grep -q "MONITOR_CHECK_FAKE_CAMERA is ignored" "$home/stderr" ||
  fail "the release build did not refuse the stand-in camera: $(cat "$home/stderr")"
rm -rf "$home"
echo "$window"
grep -q "WM_CLASS(STRING) = \"\", \"$app_id\"" <<<"$window" || fail "no window with the app id"
grep -q '_NET_WM_NAME(UTF8_STRING) = "Monitor Check"' <<<"$window" || fail "window title not set"
grep -q 'Icon (256 x 256)' <<<"$window" || fail "window icon not set"

# Removal: every file the package installed is gone.
remove
trap 'rm -rf "$unpacked"' EXIT
left=0
while read -r path; do
  if [ -f "$path" ] || [ -L "$path" ]; then
    echo "check-deb: left behind: $path" >&2
    left=1
  fi
done <<<"$installed"
[ -d /usr/share/doc/monitor-check ] && { echo "check-deb: left behind: /usr/share/doc/monitor-check" >&2; left=1; }
[ "$left" -eq 0 ] || fail "files left after removal"
echo "check-deb: package built, validated, installed, run and removed cleanly"
