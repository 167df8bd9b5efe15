#!/usr/bin/env bash
# Builds the Debian package: release binary, man pages and completions from
# that binary's own clap definition, then `cargo deb --no-build`.
# Prints the path of the .deb as its last line (cargo's output goes to stderr).
# Needs cargo-deb (`cargo install cargo-deb --locked`) and dpkg-dev (for $auto).
set -euo pipefail
cd "$(dirname "$0")/.."

target_dir=$(cargo metadata --format-version 1 --no-deps --locked |
  python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')
# Only the one program: the window program (src/bin/window.rs) is for Windows.
cargo build --release --locked --bin monitor-check >&2
files="$target_dir/release/package-files"
rm -rf "$files"
"$target_dir/release/monitor-check" generate-package-files "$files"
# Debian keeps man pages gzipped (-n: no time stamp). cargo-deb would do it,
# but not for files under the target directory. The profile has already
# stripped the binary.
gzip -9n "$files"/man/*.1
rm -f "$target_dir"/debian/monitor-check_*.deb
cargo deb --no-build --locked --no-strip --output "$target_dir/debian/" >&2
ls "$target_dir"/debian/monitor-check_*.deb
