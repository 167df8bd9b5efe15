//! `update`: fetch a newer signed list. (`import-csaf`, for the
//! maintainers, lives in `crate::maintain`.)
//!
//! The CLI always verifies with the pinned release key: a key taken from
//! the environment would let whoever sets it make the app accept any list.
//! Tests that need their own key drive `crate::update` directly.

use std::fmt::Write as _;
use std::io::Write as _;
use std::ops::ControlFlow;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::OnceLock;

use anyhow::Context as _;

use crate::update::{
    self, ActiveList, DEFAULT_FEED_URL, FetchOptions, ListDiff, ListOrigin, UpdateOutcome, Verifier,
};

/// The data folder of this run, resolved once.
static DATA_DIR: OnceLock<Option<PathBuf>> = OnceLock::new();

/// Keeps the data folder resolved at start (`crate::datadir`), with a note
/// on stderr when an older version's folder was moved into it.
pub(super) fn keep_data_dir(resolved: crate::datadir::Resolved) {
    DATA_DIR.get_or_init(|| {
        for note in resolved.notes() {
            eprintln!("monitor-check: note: {note}");
        }
        resolved.dir
    });
}

/// The data folder the window uses too (`crate::datadir`).
pub(super) fn data_dir() -> Option<PathBuf> {
    if DATA_DIR.get().is_none() {
        keep_data_dir(crate::datadir::resolve());
    }
    DATA_DIR.get().cloned().flatten()
}

/// The list in use, with a note on stderr if a stored list was refused.
pub(crate) fn active_list() -> ActiveList {
    let list = update::active_list(data_dir().as_deref(), &Verifier::pinned());
    if let Some(e) = &list.ignored_stored {
        eprintln!("monitor-check: note: {e}; using the list built into the app");
        log::warn!("the stored list was refused: {e}; using the list built into the app");
    }
    if let Some(e) = &list.bundled_error {
        eprintln!("monitor-check: warning: {e}");
        log::error!("the list built into the app was refused: {e}");
    }
    log::info!("list in use: {}", describe(&list));
    list
}

pub(super) fn update(from: Option<&str>) -> anyhow::Result<ExitCode> {
    let dir = data_dir().context(
        "no data folder for the downloaded list: this system has no home folder \
         (set MONITOR_CHECK_DATA_DIR)",
    )?;
    let current = active_list();
    let url = from.unwrap_or(DEFAULT_FEED_URL);
    eprintln!(
        "monitor-check: list in use: {}; checking {url}",
        describe(&current)
    );
    let result = update::fetch_update(
        url,
        &current,
        &Verifier::pinned(),
        &dir,
        &FetchOptions::default(),
        &mut |_| ControlFlow::Continue(()),
    );
    let mut out = String::new();
    match result {
        Ok(UpdateOutcome::UpToDate { version, issued }) => {
            let _ = writeln!(
                out,
                "The list is already up to date: version {version} of {issued}."
            );
        }
        Ok(UpdateOutcome::Updated { diff, .. }) => {
            write_diff(&mut out, &diff);
            let _ = writeln!(
                out,
                "Saved in {}.",
                update::store::list_path(&dir).display()
            );
        }
        Err(e) => {
            return Err(anyhow::Error::new(e).context(format!(
                "update refused, keeping the list in use ({})",
                describe(&current)
            )));
        }
    }
    print(&out)?;
    Ok(ExitCode::SUCCESS)
}

fn print(text: &str) -> anyhow::Result<()> {
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
        .context("cannot write to standard output")
}

/// "version 3 of 2025-02-24, built in".
fn describe(list: &ActiveList) -> String {
    let origin = match list.origin {
        ListOrigin::Bundled => "built in",
        ListOrigin::Stored => "downloaded",
    };
    format!(
        "version {} of {}, {origin}",
        list.catalog.version, list.catalog.issued
    )
}

fn write_diff(out: &mut String, d: &ListDiff) {
    let _ = writeln!(
        out,
        "Updated the list: version {} of {} -> version {} of {}.",
        d.old_version, d.old_issued, d.new_version, d.new_issued
    );
    let models = |v: &[crate::catalog::ModelEntry]| {
        v.iter()
            .map(|m| format!("{} ({})", m.model, m.brand))
            .collect::<Vec<_>>()
    };
    let sources = |v: &[crate::catalog::Source]| {
        v.iter()
            .map(|s| format!("{}: {} ({})", s.publisher, s.title, s.date))
            .collect::<Vec<_>>()
    };
    write_items(out, "Models added", &models(&d.models_added));
    write_items(out, "Models removed", &models(&d.models_removed));
    write_items(out, "Models changed", &d.models_changed);
    write_items(out, "New sources", &sources(&d.sources_added));
    write_items(out, "Sources removed", &sources(&d.sources_removed));
    write_items(out, "New vulnerabilities", &d.advisories_added);
    write_items(out, "Vulnerabilities removed", &d.advisories_removed);
    if d.is_content_unchanged() {
        let _ = writeln!(out, "No model, source or vulnerability changed.");
    }
}

fn write_items(out: &mut String, heading: &str, items: &[String]) {
    if items.is_empty() {
        return;
    }
    let _ = writeln!(out, "{heading}:");
    for i in items {
        let _ = writeln!(out, "  - {i}");
    }
}
