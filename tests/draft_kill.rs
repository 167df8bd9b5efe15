//! A draft survives a killed process: a child process saves drafts as fast
//! as it can, the test kills it (SIGKILL, no chance to tidy up) at random
//! moments, and the draft on disk must always load whole.
//!
//! The child is this very test binary, started again with an environment
//! variable that makes it run the writer loop instead of the tests. It
//! saves through the app's own `draft-writer` thread.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use monitor_check::guidance::Role;
use monitor_check::i18n::Lang;
use monitor_check::notice::{Draft, DraftStore, DraftWriter, NoticeForm};

const CHILD_ENV: &str = "MONITOR_CHECK_DRAFT_WRITER_DIR";

fn draft(n: u64) -> Draft {
    let form = NoticeForm {
        gp_name: format!("Dr. Verdi {n}"),
        // Long enough that a write takes more than one system call.
        observations: "The monitor restarted by itself. ".repeat(500) + &n.to_string(),
        ..NoticeForm::default()
    };
    Draft::new(
        form,
        "CMS 8000".to_owned(),
        Vec::new(),
        Lang::It,
        Role::Carer,
    )
}

/// The writer loop run by the child; never returns.
fn write_forever(dir: &Path) -> ! {
    let store = DraftStore::new(dir.to_path_buf());
    // Go on counting from the draft a previous child left.
    let mut n = saves_on_disk(&store);
    let Ok(writer) = DraftWriter::spawn(store, || {}) else {
        std::process::exit(3);
    };
    loop {
        n += 1;
        writer.save(draft(n));
        // Let the queue drain now and then, as a typing user would.
        if n.is_multiple_of(3) {
            writer.wait(Duration::from_secs(5));
            if writer.finished().iter().any(Result::is_err) {
                std::process::exit(3);
            }
        }
    }
}

/// The save counter of the draft on disk, 0 when there is none (or it is
/// being replaced right now).
fn saves_on_disk(store: &DraftStore) -> u64 {
    store
        .load()
        .ok()
        .flatten()
        .and_then(|d| d.form.gp_name.trim_start_matches("Dr. Verdi ").parse().ok())
        .unwrap_or(0)
}

#[test]
fn a_draft_being_saved_survives_sigkill() {
    if let Some(dir) = std::env::var_os(CHILD_ENV) {
        write_forever(Path::new(&dir));
    }
    let dir = tempfile::tempdir().expect("a temp dir");
    let store = DraftStore::new(dir.path().to_path_buf());
    let exe = std::env::current_exe().expect("the test binary");
    let mut most_saves = 0;
    for round in 0..15u64 {
        let before = saves_on_disk(&store);
        let mut child = Command::new(&exe)
            .args([
                "--exact",
                "a_draft_being_saved_survives_sigkill",
                "--nocapture",
            ])
            .env(CHILD_ENV, dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("the child starts");
        // Wait until the child is overwriting an existing draft, then let
        // it go on for a moment, so the kill lands amid a stream of saves.
        let start = Instant::now();
        while saves_on_disk(&store) < before + 2 && start.elapsed() < Duration::from_secs(30) {
            std::thread::sleep(Duration::from_millis(2));
        }
        std::thread::sleep(Duration::from_millis(7 * (round % 5) + 3));
        child.kill().expect("SIGKILL");
        let _ = child.wait();

        let loaded = store.load().expect("the draft loads after a kill");
        let loaded = loaded.expect("a draft is there");
        assert!(loaded.form.gp_name.starts_with("Dr. Verdi "));
        let n = loaded.form.gp_name.trim_start_matches("Dr. Verdi ");
        assert!(
            loaded.form.observations.ends_with(n),
            "observations and name come from the same save"
        );
        assert_eq!(loaded.typed_text, "CMS 8000");
        most_saves = most_saves.max(n.parse::<u64>().expect("a save counter"));
    }
    // The kills did land in the middle of a stream of saves.
    assert!(
        most_saves >= 30,
        "the children saved only {most_saves} times"
    );
}
