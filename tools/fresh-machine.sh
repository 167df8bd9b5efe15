#!/usr/bin/env bash
# The README's quick start on a machine that has never seen the project:
# a new Debian 12 root made with debootstrap, holding only Debian's
# build-essential (a C compiler), git and CA certificates, with this
# machine's Rust toolchain copied in. A fresh clone of the repository is
# built there with the README's first command and tested with its second,
# so a system package the build or the tests need, and that only .ci/run
# installs, shows up here as a failure.
#
# Usage (as root): tools/fresh-machine.sh [ROOT]
#   ROOT defaults to /tmp/monitor-check-fresh; an existing root is reused
#   (the toolchain and the clone are laid anew each time).
# Needs: debootstrap (installed if missing), network access to Debian's
# packages (the mirror this machine's apt uses) and to crates.io.
# Prints each command's outcome and, last, "Fresh machine: N passed, N failed".
set -euo pipefail
project=$(cd "$(dirname "$0")/.." && pwd)
root=${1:-/tmp/monitor-check-fresh}

mirror=$(awk '/^URIs:/ { print $2; exit }' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
[ -n "$mirror" ] || mirror=$(awk '/^deb / { print $2; exit }' /etc/apt/sources.list)
command -v debootstrap >/dev/null ||
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap >/dev/null
if [ ! -x "$root/usr/bin/cc" ]; then
  echo "fresh-machine: making a Debian 12 root in $root"
  debootstrap --variant=minbase --include=build-essential,ca-certificates,git \
    bookworm "$root" "$mirror" >/dev/null
fi

# Rust: the toolchain this project is built with (rust-version in
# Cargo.toml), copied in as a developer would install it.
sysroot=$(rustc --print sysroot)
rm -rf "$root/opt/rust"
mkdir -p "$root/opt/rust"
cp -a "$sysroot/bin" "$sysroot/lib" "$root/opt/rust/"
rm -rf "$root/src/monitor-check"
git clone -q "$project" "$root/src/monitor-check"
cp /etc/resolv.conf "$root/etc/resolv.conf"
# The certificates this machine trusts besides Debian's (a network's own
# HTTPS proxy, say), so that the root reaches crates.io as the machine does.
if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
  cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/"
  chroot "$root" update-ca-certificates >/dev/null 2>&1
fi

cleanup() {
  umount "$root/proc" "$root/dev/pts" "$root/dev" 2>/dev/null || true
}
trap cleanup EXIT
mount -t proc proc "$root/proc"
mount --bind /dev "$root/dev"
mount --bind /dev/pts "$root/dev/pts"

in_root() {
  chroot "$root" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM=dumb \
    PATH=/opt/rust/bin:/usr/local/bin:/usr/bin:/bin \
    bash -c "cd /src/monitor-check && $1"
}

echo "fresh-machine: installed in the root: $(chroot "$root" dpkg-query -W -f '${binary:Package}\n' | wc -l) packages, $(in_root 'cc --version | head -1'), $(in_root 'rustc --version')"
# The README's first command: it builds, then opens the window. The root
# has no display, so the window cannot open; the build and the start are
# what is checked here (the window itself is checked by .ci/run).
set +e
in_root 'cargo run --release 2>&1' >"$root/run.log"
run_status=$?
set -e
tail -3 "$root/run.log"
if grep -q "the window could not be opened" "$root/run.log"; then
  echo "fresh-machine: cargo run --release: built and started (no display here for the window)"
  run_ok=1
else
  echo "fresh-machine: cargo run --release failed (exit $run_status)"
  run_ok=0
fi
# The README's second command.
set +e
in_root 'cargo test --features maintain 2>&1' >"$root/test.log"
test_status=$?
set -e
grep -E '^test result:|^error' "$root/test.log" | sort | uniq -c | sort -rn | head -5
awk -v run_ok="$run_ok" -v test_status="$test_status" '
  /^test result:/ { for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i; if ($(i+1) ~ /^ignored/) g += $i } }
  END {
    if (!run_ok) f += 1
    if (test_status != 0 && f == 0) f += 1
    printf "Fresh machine: %d passed, %d failed (%d ignored; logs in the root: run.log, test.log)\n", p, f, g
    exit (f > 0)
  }' "$root/test.log"
