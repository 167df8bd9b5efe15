//! The command line over the same core as the app. The maintainers'
//! commands (`import-csaf`, `bench`) exist only with the cargo feature
//! `maintain` and are routed to `crate::maintain`.
//!
//! Exit codes: 0 done (for `identify`, a verdict was given whatever it is);
//! 1 the input or a file was refused; 2 wrong usage.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::guidance::Role;
use crate::i18n::Lang;

mod identify;
mod leaflet;
mod list;
pub(crate) mod notice;
mod package_files;
pub(crate) mod photo;
mod register;
pub(crate) mod update;

/// Exit code for refused input.
const EXIT_REFUSED: u8 = 1;
/// Exit code for wrong usage (as clap gives).
#[cfg(not(feature = "maintain"))]
const EXIT_USAGE: u8 = 2;

#[derive(Debug, Parser)]
#[command(
    name = "monitor-check",
    version,
    about = "Checks whether a patient monitor is a Contec model with a known backdoor.",
    long_about = "Checks whether a patient monitor is a Contec model with a known backdoor \
                  (CMS8000 and relatives), says what to do, and writes a notice for the \
                  family doctor. Without a command, the app window opens.",
    after_help = "Exit codes: 0 done; 1 input or file refused; 2 wrong usage.",
    args_conflicts_with_subcommands = true
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Photos of the label to open in the app ("Open with Monitor Check").
    #[arg(value_name = "PHOTO")]
    photos: Vec<PathBuf>,
    /// Open the app on the pharmacy counter: scan or type, a large answer,
    /// print for the patient, next patient.
    #[arg(long)]
    counter: bool,
}

/// `--lang` takes the code of any language the app speaks (`it`, `en`,
/// `de`, …), straight from [`Lang::ALL`].
impl ValueEnum for Lang {
    fn value_variants<'a>() -> &'a [Self] {
        &Lang::ALL
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        Some(clap::builder::PossibleValue::new(self.code()).help(self.native_name()))
    }
}

/// Who sends the notice.
#[derive(Debug, Clone, Copy, ValueEnum)]
enum RoleArg {
    Carer,
    Pharmacist,
    Gp,
}

impl From<RoleArg> for Role {
    fn from(r: RoleArg) -> Self {
        match r {
            RoleArg::Carer => Role::Carer,
            RoleArg::Pharmacist => Role::Pharmacist,
            RoleArg::Gp => Role::Gp,
        }
    }
}

/// Notice file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum FormatArg {
    Txt,
    Pdf,
    Eml,
    /// The notice's data, as the doctor's register reads it.
    Json,
}

/// A sign of tampering, as named on the command line.
#[derive(Debug, Clone, Copy, ValueEnum)]
enum SignArg {
    ReadingsMismatch,
    UnexpectedRestart,
    SettingsChanged,
    NetworkTurnedOn,
}

impl From<SignArg> for crate::guidance::TamperSign {
    fn from(s: SignArg) -> Self {
        use crate::guidance::TamperSign;
        match s {
            SignArg::ReadingsMismatch => TamperSign::ReadingsMismatch,
            SignArg::UnexpectedRestart => TamperSign::UnexpectedRestart,
            SignArg::SettingsChanged => TamperSign::SettingsChanged,
            SignArg::NetworkTurnedOn => TamperSign::NetworkTurnedOn,
        }
    }
}

/// A yes/no answer; leaving the option out leaves the question unanswered.
#[derive(Debug, Clone, Copy, ValueEnum)]
enum YesNoArg {
    Yes,
    No,
}

impl From<YesNoArg> for crate::notice::Answer {
    fn from(a: YesNoArg) -> Self {
        match a {
            YesNoArg::Yes => crate::notice::Answer::Yes,
            YesNoArg::No => crate::notice::Answer::No,
        }
    }
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Identify a monitor from typed text or photos of its label.
    Identify {
        /// What the label says: model, brand and model, importer code, firmware or UDI.
        #[arg(long, conflicts_with_all = ["batch", "text_file"])]
        text: Option<String>,
        /// Read the label text from a file (`-` for standard input).
        #[arg(long, conflicts_with = "batch")]
        text_file: Option<PathBuf>,
        /// A photo of the label (repeat for several photos of one device).
        #[arg(long, conflicts_with = "batch")]
        photo: Vec<PathBuf>,
        /// Every image in a folder, one device per image (with --jsonl).
        #[arg(long)]
        batch: Option<PathBuf>,
        /// Treat the text as a barcode scanner's output (symbology
        /// identifiers, written or missing GS separators, Italian keyboard
        /// layout); a medicine pack's code is refused.
        #[arg(long, conflicts_with_all = ["batch", "photo"])]
        scan: bool,
        /// Print one JSON object.
        #[arg(long)]
        json: bool,
        /// Print one JSON line per image (with --batch).
        #[arg(long)]
        jsonl: bool,
        /// Language of the human-readable output.
        #[arg(long, value_enum)]
        lang: Option<Lang>,
    },
    /// Show the list of affected models in use.
    List {
        /// Print the list as JSON (parsed form).
        #[arg(long, conflicts_with = "raw")]
        json: bool,
        /// Print the list file in use, byte for byte.
        #[arg(long)]
        raw: bool,
        /// Language of the human-readable output.
        #[arg(long, value_enum)]
        lang: Option<Lang>,
    },
    /// Write the notice for the family doctor.
    Notice {
        /// What the label says (as for identify).
        #[arg(long)]
        text: Option<String>,
        /// Serial number from the label.
        #[arg(long)]
        serial: Option<String>,
        /// Photos of the label to identify from and attach.
        #[arg(long)]
        photo: Vec<PathBuf>,
        /// The family doctor's name.
        #[arg(long)]
        gp: Option<String>,
        /// The family doctor's e-mail address.
        #[arg(long)]
        gp_email: Option<String>,
        /// The patient's initials.
        #[arg(long)]
        initials: Option<String>,
        /// Who sends it.
        #[arg(long, value_enum, default_value = "carer")]
        role: RoleArg,
        /// The sender's name.
        #[arg(long)]
        sender_name: Option<String>,
        /// The sender's phone or e-mail.
        #[arg(long)]
        sender_contact: Option<String>,
        /// A sign of tampering that was seen (repeat for several).
        #[arg(long, value_enum)]
        seen: Vec<SignArg>,
        /// The other signs were looked for and not seen (without it they
        /// stay "not checked").
        #[arg(long)]
        no_other_signs: bool,
        /// Whether the monitor is still used, off the network.
        #[arg(long, value_enum)]
        still_used: Option<YesNoArg>,
        /// Language of the notice.
        #[arg(long, value_enum, default_value = "it")]
        lang: Lang,
        /// File format.
        #[arg(long, value_enum)]
        format: FormatArg,
        /// Where to write it.
        #[arg(short = 'o', long = "output")]
        output: PathBuf,
    },
    /// Write the family doctor's one-page leaflet for patients (PDF), and
    /// optionally the doctor card to send with it.
    Leaflet(leaflet::Args),
    /// The family doctor's register of received notices.
    Register {
        /// The register file (default: the app's, in its data folder).
        #[arg(long, global = true)]
        file: Option<PathBuf>,
        #[command(subcommand)]
        command: register::RegisterCommand,
    },
    /// Fetch a newer signed list of affected models (the only network use).
    Update {
        /// Address of the list (default: the published feed).
        #[arg(long)]
        from: Option<String>,
    },
    #[cfg(feature = "maintain")]
    /// Read a CSAF 2.0 advisory and draft a list entry from it (maintainers).
    ImportCsaf {
        /// The CSAF JSON file.
        file: PathBuf,
    },
    #[cfg(feature = "maintain")]
    /// Measure speed: typed lookups, photos in a folder, or writing the PDF (maintainers).
    Bench {
        /// A folder of photos to time (without it: typed lookups).
        dir: Option<PathBuf>,
        /// Time writing the PDF notice with these photos attached instead.
        #[arg(long = "pdf-with", value_name = "PHOTO", conflicts_with = "dir")]
        pdf_with: Vec<PathBuf>,
        /// Time importing this many notice e-mails into a new register instead.
        #[arg(long, value_name = "N", conflicts_with_all = ["dir", "pdf_with"])]
        register: Option<usize>,
    },
}

/// Entry point of the binary: the GUI without a command, the CLI otherwise.
pub fn main() -> ExitCode {
    // For packagers only, outside the clap definition so that neither the
    // help, the man pages nor the completions offer it.
    if let Some(code) = package_files::run_if_asked(std::env::args_os()) {
        return code;
    }
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2));
        }
    };
    let Some(command) = cli.command else {
        #[cfg(not(feature = "maintain"))]
        if let Some(name) = maintainers_command(&cli.photos) {
            eprintln!(
                "monitor-check: '{name}' is not a command: it is a maintainers' tool, left out \
                 of this build (build with `--features maintain`)"
            );
            return ExitCode::from(EXIT_USAGE);
        }
        return window(cli.photos, cli.counter);
    };
    let resolved = crate::datadir::resolve();
    start_log(&resolved, crate::applog::Mirror::Off, "command line");
    update::keep_data_dir(resolved);
    match run(command) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("monitor-check: {e:#}");
            ExitCode::from(EXIT_REFUSED)
        }
    }
}

/// Entry of the window program (`src/bin/window.rs`, `Monitor Check.exe` on
/// Windows): every argument is a photo or a doctor card to open, except
/// `--counter`. It has no console, so it takes no command and prints
/// nothing a user could see: anything else goes to the window.
pub fn window_main(args: impl IntoIterator<Item = std::ffi::OsString>) -> ExitCode {
    let (counter, photos) = window_args(args);
    window(photos, counter)
}

/// Opens the window, its log started in the data folder.
fn window(photos: Vec<PathBuf>, counter: bool) -> ExitCode {
    let resolved = crate::datadir::resolve();
    start_log(&resolved, crate::applog::Mirror::Stderr, "window");
    crate::ui::run(photos, counter, resolved)
}

/// Starts the log in the data folder just resolved, and logs the start:
/// versions, system, and the data folder's notes without its paths.
fn start_log(resolved: &crate::datadir::Resolved, mirror: crate::applog::Mirror, front_end: &str) {
    crate::applog::init(resolved.dir.as_deref(), mirror);
    crate::applog::log_start(front_end);
    if resolved.dir.is_none() {
        log::info!("no data folder: nothing is kept on disk");
    }
    for note in resolved.log_notes() {
        log::info!("{note}");
    }
}

/// Splits the window program's arguments into `--counter` and the files.
fn window_args(args: impl IntoIterator<Item = std::ffi::OsString>) -> (bool, Vec<PathBuf>) {
    let mut counter = false;
    let mut photos = Vec::new();
    for arg in args {
        if arg == "--counter" {
            counter = true;
        } else {
            photos.push(PathBuf::from(arg));
        }
    }
    (counter, photos)
}

fn run(command: Command) -> anyhow::Result<ExitCode> {
    match command {
        Command::Identify {
            text,
            text_file,
            photo,
            batch,
            scan,
            json,
            jsonl,
            lang,
        } => {
            let lang = lang.unwrap_or_else(system_lang);
            let text = match text_file {
                Some(path) => Some(read_text_file(&path)?),
                None => text,
            };
            if scan {
                identify::scanned(text.as_deref(), json, lang)
            } else if let Some(dir) = batch {
                photo::batch(&dir, jsonl)
            } else if !photo.is_empty() {
                photo::identify(text.as_deref(), &photo, json, lang)
            } else {
                identify::typed(text.as_deref(), json, lang)
            }
        }
        Command::List { json, raw, lang } => list::run(json, raw, lang.unwrap_or_else(system_lang)),
        Command::Notice {
            text,
            serial,
            photo,
            gp,
            gp_email,
            initials,
            role,
            sender_name,
            sender_contact,
            seen,
            no_other_signs,
            still_used,
            lang,
            format,
            output,
        } => notice::run(&notice::Args {
            text,
            serial,
            photos: photo,
            gp,
            gp_email,
            initials,
            role: role.into(),
            sender_name,
            sender_contact,
            seen: seen.into_iter().map(Into::into).collect(),
            no_other_signs,
            still_used: still_used.map(Into::into),
            lang,
            format,
            output,
        }),
        Command::Leaflet(args) => leaflet::run(&args),
        Command::Register { file, command } => register::run(file.as_deref(), command),
        Command::Update { from } => update::update(from.as_deref()),
        #[cfg(feature = "maintain")]
        Command::ImportCsaf { file } => {
            crate::maintain::import::import_csaf(&file, update::active_list)
        }
        #[cfg(feature = "maintain")]
        Command::Bench {
            dir,
            pdf_with,
            register,
        } => crate::maintain::bench::run(dir.as_deref(), register, &pdf_with, update::active_list),
    }
}

/// The name of a maintainers' command when `photos` starts with one and no
/// file has that name. Without the feature clap takes the word for a photo
/// and the window would open: say instead that the command is left out.
#[cfg(not(feature = "maintain"))]
fn maintainers_command(photos: &[PathBuf]) -> Option<&'static str> {
    let first = photos.first()?;
    let name = ["import-csaf", "bench"]
        .into_iter()
        .find(|name| first.as_os_str() == *name)?;
    (!first.exists()).then_some(name)
}

/// The language of the system locale, English if it cannot be read.
fn system_lang() -> Lang {
    sys_locale::get_locale().map_or(Lang::En, |l| Lang::from_locale(&l))
}

/// Reads label text from a file or standard input (`-`), refusing what is
/// too large or not UTF-8 before it reaches the matcher.
fn read_text_file(path: &std::path::Path) -> anyhow::Result<String> {
    use crate::fsutil::{self, FsError};
    /// Far more than any label; enough to refuse a wrong file quickly.
    const MAX_BYTES: u64 = 64 * 1024;
    let read = if path.as_os_str() == "-" {
        let name = std::path::Path::new("standard input");
        fsutil::read_capped_from(std::io::stdin().lock(), name, MAX_BYTES)
            .and_then(|bytes| fsutil::into_text(name, bytes))
    } else {
        fsutil::read_capped_text(path, MAX_BYTES)
    };
    // The error names the file; a hint says what to do about it.
    read.map_err(|e| match e {
        FsError::TooLarge { .. } => anyhow::anyhow!("{e}: give only the text of the label"),
        FsError::NotText { .. } => anyhow::anyhow!("{e}: save it as plain text"),
        e => e.into(),
    })
}

/// The list in use: the newest valid of the bundled and the stored one.
pub(crate) fn catalog() -> crate::catalog::Catalog {
    update::active_list().catalog
}

/// Writes the CLI's output to stdout (shared with `maintain`).
pub(crate) use crate::console::out;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_program_takes_files_and_the_counter_switch() {
        let args = [
            "--counter",
            r"C:\Users\Anna\Immagini\etichetta città.jpg",
            "medico.json",
        ]
        .map(std::ffi::OsString::from);
        let (counter, files) = window_args(args);
        assert!(counter);
        assert_eq!(
            files,
            [
                PathBuf::from(r"C:\Users\Anna\Immagini\etichetta città.jpg"),
                PathBuf::from("medico.json")
            ]
        );
        let (counter, files) = window_args([std::ffi::OsString::from("identify")]);
        assert!(!counter, "only --counter turns the counter on");
        assert_eq!(files, [PathBuf::from("identify")]);
    }
}
