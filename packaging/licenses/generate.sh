#!/usr/bin/env bash
# Writes packaging/licenses/THIRD-PARTY-LICENSES.txt with cargo-about from
# Cargo.lock; run it after a dependency changes (a test,
# `the_licence_file_names_every_crate_linked`, fails until then).
# Needs: cargo install cargo-about --locked --version 0.9.3 --features cli
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo about generate --locked --offline --fail -c packaging/licenses/about.toml \
  -o packaging/licenses/THIRD-PARTY-LICENSES.txt packaging/licenses/template.hbs
grep -c '^  [a-z0-9_-]* [0-9]' packaging/licenses/THIRD-PARTY-LICENSES.txt |
  xargs printf 'packaging/licenses/THIRD-PARTY-LICENSES.txt: %s crate entries\n'
