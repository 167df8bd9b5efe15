//! The files a package installs beside the binary, made from the same clap
//! definition the binary parses with: man pages and shell completions.
//!
//! Reached through `monitor-check generate-package-files DIR`, which
//! `packaging/build-deb.sh` runs on the release binary. It writes
//! `DIR/man/*.1` (one page for the program and one per command) and
//! `DIR/completions/` for bash, zsh and fish. That command is looked for
//! before clap parses the arguments, so it is not part of the definition it
//! documents: zsh completions would list it even if it were marked hidden.

use std::ffi::OsString;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context as _;
use clap::CommandFactory as _;
use clap_complete::Shell;

/// The program's name, as installed.
const BIN_NAME: &str = "monitor-check";

/// The first argument that asks for the package files.
const COMMAND: &str = "generate-package-files";

/// Runs `generate-package-files DIR` when that is what `args` (program name
/// first) ask for, and returns its exit code; `None` for any other command line.
pub(super) fn run_if_asked(args: impl IntoIterator<Item = OsString>) -> Option<ExitCode> {
    let mut args = args.into_iter().skip(1);
    if args.next()? != COMMAND {
        return None;
    }
    let (Some(dir), None) = (args.next(), args.next()) else {
        eprintln!("usage: {BIN_NAME} {COMMAND} DIR");
        return Some(ExitCode::from(2));
    };
    Some(write(Path::new(&dir)).unwrap_or_else(|e| {
        eprintln!("{BIN_NAME}: {e:#}");
        ExitCode::from(super::EXIT_REFUSED)
    }))
}

/// Writes the man pages and completions under `dir`, creating it.
fn write(dir: &Path) -> anyhow::Result<ExitCode> {
    let man_dir = dir.join("man");
    let completions_dir = dir.join("completions");
    for sub in [&man_dir, &completions_dir] {
        std::fs::create_dir_all(sub).with_context(|| format!("cannot create {}", sub.display()))?;
    }
    clap_mangen::generate_to(super::Cli::command(), &man_dir)
        .with_context(|| format!("cannot write the man pages in {}", man_dir.display()))?;
    for shell in [Shell::Bash, Shell::Zsh, Shell::Fish] {
        clap_complete::generate_to(
            shell,
            &mut super::Cli::command(),
            BIN_NAME,
            &completions_dir,
        )
        .with_context(|| format!("cannot write the {shell} completions"))?;
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(path: &Path) -> String {
        std::fs::read_to_string(path).unwrap()
    }

    #[test]
    fn writes_man_pages_and_completions_for_the_visible_commands() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path()).unwrap();
        let main_page = read(&dir.path().join("man/monitor-check.1"));
        assert!(main_page.starts_with(".ie \\n(.g .ds Aq"), "{main_page}");
        assert!(main_page.contains("backdoor"));
        for command in [
            "identify",
            "list",
            "notice",
            "update",
            "import\\-csaf",
            "bench",
        ] {
            assert!(
                main_page.contains(command),
                "{command} missing from the man page"
            );
        }
        let identify_page = read(&dir.path().join("man/monitor-check-identify.1"));
        assert!(identify_page.contains("\\-\\-photo"));
        let bash = read(&dir.path().join("completions/monitor-check.bash"));
        let zsh = read(&dir.path().join("completions/_monitor-check"));
        let fish = read(&dir.path().join("completions/monitor-check.fish"));
        for script in [&bash, &zsh, &fish] {
            assert!(script.contains("identify") && script.contains("import-csaf"));
        }
        // The packagers' command stays out of what a user is offered.
        for text in [&main_page, &bash, &zsh, &fish] {
            assert!(!text.contains("generate-package-files"));
            assert!(!text.contains("generate\\-package\\-files"));
        }
        assert!(
            !dir.path()
                .join("man/monitor-check-generate-package-files.1")
                .exists()
        );
    }

    #[test]
    fn the_help_does_not_show_the_packagers_command() {
        let help = super::super::Cli::command().render_long_help().to_string();
        assert!(help.contains("identify"));
        assert!(!help.contains("generate-package-files"));
    }

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    #[test]
    fn only_the_packagers_command_line_is_taken() {
        assert!(run_if_asked(args(&["monitor-check"])).is_none());
        assert!(run_if_asked(args(&["monitor-check", "list"])).is_none());
        assert!(run_if_asked(args(&["monitor-check", "photo.jpg"])).is_none());
        let usage = run_if_asked(args(&["monitor-check", COMMAND]));
        assert_eq!(usage, Some(ExitCode::from(2)));
        let extra = run_if_asked(args(&["monitor-check", COMMAND, "a", "b"]));
        assert_eq!(extra, Some(ExitCode::from(2)));
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        let done = run_if_asked([
            OsString::from("monitor-check"),
            OsString::from(COMMAND),
            out.clone().into_os_string(),
        ]);
        assert_eq!(done, Some(ExitCode::SUCCESS));
        assert!(out.join("man/monitor-check.1").is_file());
    }

    #[test]
    fn an_unwritable_folder_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a-file");
        std::fs::write(&file, b"x").unwrap();
        let err = write(&file).unwrap_err();
        assert!(format!("{err:#}").contains("cannot create"), "{err:#}");
    }
}
