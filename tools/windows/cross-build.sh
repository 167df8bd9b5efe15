#!/usr/bin/env bash
# Builds the two Windows programs (x86_64-pc-windows-gnu) on Debian, with no
# Windows machine and no download: Debian's rustc-web, whose std source is
# rust-web-src, builds std for the target (-Zbuild-std), and MinGW-w64
# links. RUSTC_BOOTSTRAP lets that stable rustc take -Z flags; nothing else
# in the build uses an unstable feature.
#
# Needs (apt): rustc-web cargo-web rust-web-src gcc-mingw-w64-x86-64
#              g++-mingw-w64-x86-64 binutils-mingw-w64-x86-64
# Run from anywhere. Prints the folder holding the two .exe files last.
# The target dir is target/windows, apart from the Linux one. LTO is off and
# the code is split in 16 units: a build for trying the programs, not the
# release (the release workflow builds on Windows itself).
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH=/usr/bin:/bin:$PATH          # Debian's cargo and rustc, not rustup's
export RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$PWD/target/windows}
export CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER=x86_64-w64-mingw32-gcc
export CARGO_PROFILE_RELEASE_LTO=${CARGO_PROFILE_RELEASE_LTO:-false}
export CARGO_PROFILE_RELEASE_CODEGEN_UNITS=${CARGO_PROFILE_RELEASE_CODEGEN_UNITS:-16}
/usr/bin/cargo build -Zbuild-std=std,panic_unwind --target x86_64-pc-windows-gnu \
  --release --locked --bins "$@" >&2
echo "$CARGO_TARGET_DIR/x86_64-pc-windows-gnu/release"
