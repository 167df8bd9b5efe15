//! How the screens' save dialogs are answered: the system's file dialog, or
//! a fixed folder (tests, and a portable setup).

use std::path::PathBuf;

/// How save dialogs are answered: by the system's dialog, or (tests, and a
/// portable setup) straight into a fixed folder with the suggested name.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Dialogs {
    /// The system's file dialog.
    #[default]
    System,
    /// Save into this folder without asking.
    Fixed(PathBuf),
}

impl Dialogs {
    /// Where to save a file suggested as `name`, of the `kind` (e.g. "PDF")
    /// with `extension`: asked with the system's dialog (call it on a worker
    /// thread), or the fixed folder, created if need be. `None` when the
    /// user cancelled.
    pub fn save_path(&self, name: &str, kind: &str, extension: &str) -> Option<PathBuf> {
        match self {
            Dialogs::Fixed(dir) => {
                // A folder that cannot be made shows as the write's error.
                let _ = crate::fsutil::create_dir_all(dir);
                Some(dir.join(name))
            }
            Dialogs::System => rfd::FileDialog::new()
                .set_file_name(name)
                .add_filter(kind, &[extension])
                .save_file(),
        }
    }
}
