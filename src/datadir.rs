//! The one data folder that the window and the command line share: the
//! draft, the counter's files, the register, the tally and downloaded
//! lists. The app's preferences are not here: eframe keeps them.
//!
//! It is the machine's local folder, never a roaming one, so patient data
//! does not follow a user's profile across a practice's network:
//! `%LOCALAPPDATA%\Monitor Check\monitor-check\data` on Windows,
//! `~/Library/Application Support/org.Monitor-Check.monitor-check` on macOS,
//! `$XDG_DATA_HOME/monitor-check` (or `~/.local/share/monitor-check`) on
//! Linux. `MONITOR_CHECK_DATA_DIR` replaces it for both front ends.
//!
//! Versions before 0.2 kept the data in the roaming folder on Windows
//! (`%APPDATA%\Monitor Check\monitor-check\data`); [`resolve`] moves it on
//! the first start. On Linux and macOS both folders are the same one.
//!
//! The front ends call [`resolve`] once at start; the core never reads the
//! environment itself and is handed the folder.

use std::ffi::OsString;
use std::io;
use std::path::{Path, PathBuf};

/// Environment variable that replaces the data folder (tests, portable use).
pub const ENV: &str = "MONITOR_CHECK_DATA_DIR";

/// The data folder in use, and what was moved into it at this start.
#[derive(Debug)]
pub struct Resolved {
    /// `None` when the system has no home folder and nothing was set.
    pub dir: Option<PathBuf>,
    /// The older folder whose contents were moved here, if any.
    pub moved_from: Option<PathBuf>,
    /// A move that was tried and failed: the old data stays where it was.
    pub move_error: Option<String>,
}

impl Resolved {
    /// What to tell the user about this start's move, in one line each.
    pub fn notes(&self) -> Vec<String> {
        let mut notes = Vec::new();
        if let (Some(from), Some(to)) = (&self.moved_from, &self.dir) {
            notes.push(format!(
                "the data kept by an older version was moved from {} to {}",
                from.display(),
                to.display()
            ));
        }
        if let Some(e) = &self.move_error {
            notes.push(format!(
                "the data kept by an older version could not be moved, and stays where it was: {e}"
            ));
        }
        notes
    }

    /// The same notes for the log, without the folders' paths (they hold
    /// the user's name, which may be the patient's on a family computer).
    pub fn log_notes(&self) -> Vec<String> {
        let mut notes = Vec::new();
        if self.moved_from.is_some() && self.dir.is_some() {
            notes.push("the data kept by an older version was moved into the data folder".into());
        }
        if let Some(e) = &self.move_error {
            // The error reads "<old folder>: <cause>"; only the cause is kept.
            let cause = e.rsplit(": ").next().unwrap_or_default();
            notes.push(format!(
                "the data kept by an older version could not be moved: {cause}"
            ));
        }
        notes
    }
}

/// Finds the data folder: `MONITOR_CHECK_DATA_DIR` when it is set and not
/// empty, else this system's local folder, after moving into it what an
/// older version left in the roaming one.
pub fn resolve() -> Resolved {
    resolve_with(std::env::var_os(ENV), platform_dirs())
}

/// [`resolve`] with its inputs given: the variable's value, and the
/// platform's (local, legacy) pair of folders.
pub fn resolve_with(env: Option<OsString>, platform: Option<(PathBuf, PathBuf)>) -> Resolved {
    if let Some(dir) = env.filter(|v| !v.is_empty()) {
        return Resolved {
            dir: Some(PathBuf::from(dir)),
            moved_from: None,
            move_error: None,
        };
    }
    let Some((local, legacy)) = platform else {
        return Resolved {
            dir: None,
            moved_from: None,
            move_error: None,
        };
    };
    let (moved_from, move_error) = match adopt(&legacy, &local) {
        Ok(true) => (Some(legacy), None),
        Ok(false) => (None, None),
        Err(e) => (None, Some(format!("{}: {e}", legacy.display()))),
    };
    Resolved {
        dir: Some(local),
        moved_from,
        move_error,
    }
}

/// The data folder with no message: for callers that have nowhere to say
/// one (the first start of the window logs it through [`Resolved`]).
pub fn data_dir() -> Option<PathBuf> {
    resolve().dir
}

/// This system's (local, legacy roaming) data folders. The two differ on
/// Windows only.
fn platform_dirs() -> Option<(PathBuf, PathBuf)> {
    directories::ProjectDirs::from("org", "Monitor Check", "monitor-check").map(|dirs| {
        (
            dirs.data_local_dir().to_path_buf(),
            dirs.data_dir().to_path_buf(),
        )
    })
}

/// Moves `old` to `new` when `old` holds something and `new` holds
/// nothing yet. Returns whether anything moved. A folder already in use at
/// `new` is never touched, nor is `old` then.
pub fn adopt(old: &Path, new: &Path) -> io::Result<bool> {
    if old == new || !has_entries(old)? || has_entries(new)? {
        return Ok(false);
    }
    if let Some(parent) = new.parent() {
        std::fs::create_dir_all(parent)?;
    }
    // An empty folder left at `new` (an earlier start, a crash) would make
    // the rename fail on Windows.
    match std::fs::remove_dir(new) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(e),
    }
    if std::fs::rename(old, new).is_err() {
        // Another volume (a redirected profile): copy beside the new place,
        // put the copy in place only once it is whole, and only then
        // remove the old folder. A copy cut short leaves no half folder
        // that a later start would take for the data.
        let partial = new.with_extension("moving");
        let _ = std::fs::remove_dir_all(&partial);
        if let Err(e) = copy_tree(old, &partial).and_then(|()| std::fs::rename(&partial, new)) {
            let _ = std::fs::remove_dir_all(&partial);
            return Err(e);
        }
        std::fs::remove_dir_all(old)?;
    }
    Ok(true)
}

/// Whether `dir` exists and has at least one entry.
fn has_entries(dir: &Path) -> io::Result<bool> {
    match std::fs::read_dir(dir) {
        Ok(mut entries) => Ok(entries.next().is_some()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(e),
    }
}

/// Copies the folder `from` to `to`, which must not exist yet.
fn copy_tree(from: &Path, to: &Path) -> io::Result<()> {
    std::fs::create_dir(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_tree(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(path: &Path, text: &str) {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    #[test]
    fn the_log_notes_leave_the_folders_paths_out() {
        let resolved = Resolved {
            dir: Some(PathBuf::from("/home/anna.rossi/.local/share/monitor-check")),
            moved_from: Some(PathBuf::from("/home/anna.rossi/old")),
            move_error: Some("/home/anna.rossi/old: Permission denied (os error 13)".into()),
        };
        let notes = resolved.log_notes();
        assert_eq!(notes.len(), 2);
        assert!(notes.iter().all(|n| !n.contains("anna")), "{notes:?}");
        assert!(
            notes[1].ends_with("Permission denied (os error 13)"),
            "{notes:?}"
        );
    }

    #[test]
    fn the_variable_wins_and_nothing_is_moved() {
        let tmp = tempfile::tempdir().unwrap();
        let (local, legacy) = (tmp.path().join("local"), tmp.path().join("roaming"));
        write(&legacy.join("draft.json"), "{}");
        let resolved = resolve_with(
            Some(tmp.path().join("mine").into_os_string()),
            Some((local.clone(), legacy.clone())),
        );
        assert_eq!(resolved.dir, Some(tmp.path().join("mine")));
        assert!(resolved.moved_from.is_none());
        assert!(legacy.join("draft.json").exists());
        assert!(!local.exists());
    }

    #[test]
    fn an_empty_variable_means_the_platform_folder() {
        let tmp = tempfile::tempdir().unwrap();
        let local = tmp.path().join("local");
        let resolved = resolve_with(Some(OsString::new()), Some((local.clone(), local.clone())));
        assert_eq!(resolved.dir, Some(local));
    }

    #[test]
    fn what_an_older_version_left_in_the_roaming_folder_is_moved_once() {
        let tmp = tempfile::tempdir().unwrap();
        let local = tmp.path().join("Local/Monitor Check/monitor-check/data");
        let legacy = tmp.path().join("Roaming/Monitor Check/monitor-check/data");
        write(&legacy.join("draft.json"), "draft");
        write(&legacy.join("register/register.sqlite"), "db");
        let platform = Some((local.clone(), legacy.clone()));

        let first = resolve_with(None, platform.clone());
        assert_eq!(first.dir.as_deref(), Some(local.as_path()));
        assert_eq!(first.moved_from.as_deref(), Some(legacy.as_path()));
        assert_eq!(
            std::fs::read_to_string(local.join("draft.json")).unwrap(),
            "draft"
        );
        assert_eq!(
            std::fs::read_to_string(local.join("register/register.sqlite")).unwrap(),
            "db"
        );
        assert!(!legacy.exists());

        let second = resolve_with(None, platform);
        assert!(second.moved_from.is_none());
        assert!(local.join("draft.json").exists());
    }

    #[test]
    fn a_folder_already_in_use_is_never_overwritten() {
        let tmp = tempfile::tempdir().unwrap();
        let (local, legacy) = (tmp.path().join("local"), tmp.path().join("roaming"));
        write(&legacy.join("draft.json"), "old");
        write(&local.join("draft.json"), "new");
        let resolved = resolve_with(None, Some((local.clone(), legacy.clone())));
        assert!(resolved.moved_from.is_none());
        assert!(resolved.move_error.is_none());
        assert_eq!(
            std::fs::read_to_string(local.join("draft.json")).unwrap(),
            "new"
        );
        assert_eq!(
            std::fs::read_to_string(legacy.join("draft.json")).unwrap(),
            "old"
        );
    }

    #[test]
    fn an_empty_local_folder_does_not_stop_the_move() {
        let tmp = tempfile::tempdir().unwrap();
        let (local, legacy) = (tmp.path().join("local"), tmp.path().join("roaming"));
        std::fs::create_dir_all(&local).unwrap();
        write(&legacy.join("tally.csv"), "1");
        assert!(adopt(&legacy, &local).unwrap());
        assert!(local.join("tally.csv").exists());
    }

    #[test]
    fn the_copy_keeps_every_file_and_folder() {
        let tmp = tempfile::tempdir().unwrap();
        let from = tmp.path().join("from");
        write(&from.join("a/b/c.txt"), "c");
        write(&from.join("città e spazi.txt"), "x");
        copy_tree(&from, &tmp.path().join("to")).unwrap();
        assert_eq!(
            std::fs::read_to_string(tmp.path().join("to/a/b/c.txt")).unwrap(),
            "c"
        );
        assert!(tmp.path().join("to/città e spazi.txt").exists());
    }

    #[test]
    fn no_home_folder_means_no_data_folder() {
        let resolved = resolve_with(None, None);
        assert!(resolved.dir.is_none());
    }
}
