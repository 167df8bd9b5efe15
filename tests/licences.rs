//! The third-party licence file that ships with the app (the .deb, the
//! Windows installer, the .app, and *About ▸ Licences*) names every crate
//! the shipped programs link, on every system we ship for. When a
//! dependency changes, this fails until `packaging/licenses/generate.sh`
//! has been run again.

use std::collections::BTreeSet;
use std::process::Command;

const LICENCE_FILE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/packaging/licenses/THIRD-PARTY-LICENSES.txt"
);

/// The systems the release builds for (as in `packaging/licenses/about.toml`).
const TARGETS: [&str; 4] = [
    "x86_64-unknown-linux-gnu",
    "x86_64-pc-windows-msvc",
    "x86_64-pc-windows-gnu",
    "aarch64-apple-darwin",
];

/// "name version" of every crate linked into the programs on `target`:
/// normal dependencies only, with the features a release build turns on
/// (`cargo tree`, unlike `cargo metadata`, leaves out what only the tests'
/// dependencies turn on).
fn linked(target: &str) -> BTreeSet<String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let out = Command::new(cargo)
        // Not offline: a machine that has only built for Linux has not yet
        // fetched the Windows and macOS crates `cargo tree` must read.
        .args(["tree", "--locked", "--edges", "normal"])
        .args(["--prefix", "none", "--format", "{p}", "--target", target])
        .arg("--manifest-path")
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml"))
        .output()
        .expect("cargo tree runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .expect("cargo tree prints UTF-8")
        .lines()
        .filter_map(|line| {
            // "name v1.2.3", maybe followed by "(path)" or "(*)".
            let mut words = line.split_whitespace();
            let name = words.next()?;
            let version = words.next()?.strip_prefix('v')?;
            (name != env!("CARGO_PKG_NAME")).then(|| format!("{name} {version}"))
        })
        .collect()
}

#[test]
fn the_licence_file_names_every_crate_linked() {
    let text =
        std::fs::read_to_string(LICENCE_FILE).expect("the licence file is in the repository");
    // Each licence lists its crates as "  name version" lines.
    let named: BTreeSet<String> = text
        .lines()
        .filter_map(|l| l.strip_prefix("  "))
        .filter(|l| l.split(' ').count() == 2 && !l.starts_with(' '))
        .map(str::to_owned)
        .collect();
    for target in TARGETS {
        let linked = linked(target);
        assert!(
            linked.len() > 100,
            "{target}: only {} crates found",
            linked.len()
        );
        let missing: Vec<_> = linked.difference(&named).collect();
        assert!(
            missing.is_empty(),
            "{target}: these crates are linked but their licences are not in \
             packaging/licenses/THIRD-PARTY-LICENSES.txt; run \
             packaging/licenses/generate.sh: {missing:?}"
        );
    }
}

#[test]
fn the_licence_file_carries_the_texts_not_only_the_names() {
    let text =
        std::fs::read_to_string(LICENCE_FILE).expect("the licence file is in the repository");
    for needle in [
        "Apache License\n",
        "Permission is hereby granted, free of charge",
        "UNICODE LICENSE V3",
    ] {
        assert!(text.contains(needle), "no {needle:?} in the licence file");
    }
}
