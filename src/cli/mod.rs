//! The command line over the same core as the app.
//!
//! Exit codes: 0 done (for `identify`, a verdict was given whatever it is);
//! 1 the input or a file was refused; 2 wrong usage.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::guidance::Role;
use crate::i18n::Lang;

mod identify;
mod list;
mod notice;
mod package_files;
mod photo;
mod update;

/// Exit code for refused input.
const EXIT_REFUSED: u8 = 1;

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
}

/// Output language.
#[derive(Debug, Clone, Copy, ValueEnum)]
enum LangArg {
    It,
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Self {
        match l {
            LangArg::It => Lang::It,
            LangArg::En => Lang::En,
        }
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
        /// Print one JSON object.
        #[arg(long)]
        json: bool,
        /// Print one JSON line per image (with --batch).
        #[arg(long)]
        jsonl: bool,
        /// Language of the human-readable output.
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
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
        lang: Option<LangArg>,
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
        /// Who sends it.
        #[arg(long, value_enum, default_value = "carer")]
        role: RoleArg,
        /// Language of the notice.
        #[arg(long, value_enum, default_value = "it")]
        lang: LangArg,
        /// File format.
        #[arg(long, value_enum)]
        format: FormatArg,
        /// Where to write it.
        #[arg(short = 'o', long = "output")]
        output: PathBuf,
    },
    /// Fetch a newer signed list of affected models (the only network use).
    Update {
        /// Address of the list (default: the published feed).
        #[arg(long)]
        from: Option<String>,
    },
    /// Read a CSAF 2.0 advisory and draft a list entry from it.
    ImportCsaf {
        /// The CSAF JSON file.
        file: PathBuf,
    },
    /// Measure speed: typed lookups, photos in a folder, or writing the PDF.
    Bench {
        /// A folder of photos to time (without it: typed lookups).
        dir: Option<PathBuf>,
        /// Time writing the PDF notice with these photos attached instead.
        #[arg(long = "pdf-with", value_name = "PHOTO", conflicts_with = "dir")]
        pdf_with: Vec<PathBuf>,
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
        return crate::ui::run(cli.photos);
    };
    match run(command) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("monitor-check: {e:#}");
            ExitCode::from(EXIT_REFUSED)
        }
    }
}

fn run(command: Command) -> anyhow::Result<ExitCode> {
    match command {
        Command::Identify {
            text,
            text_file,
            photo,
            batch,
            json,
            jsonl,
            lang,
        } => {
            let lang = lang.map_or_else(system_lang, Lang::from);
            let text = match text_file {
                Some(path) => Some(read_text_file(&path)?),
                None => text,
            };
            if let Some(dir) = batch {
                photo::batch(&dir, jsonl)
            } else if !photo.is_empty() {
                photo::identify(text.as_deref(), &photo, json, lang)
            } else {
                identify::typed(text.as_deref(), json, lang)
            }
        }
        Command::List { json, raw, lang } => {
            list::run(json, raw, lang.map_or_else(system_lang, Lang::from))
        }
        Command::Notice {
            text,
            serial,
            photo,
            gp,
            role,
            lang,
            format,
            output,
        } => notice::run(&notice::Args {
            text,
            serial,
            photos: photo,
            gp,
            role: role.into(),
            lang: lang.into(),
            format,
            output,
        }),
        Command::Update { from } => update::update(from.as_deref()),
        Command::ImportCsaf { file } => update::import_csaf(&file),
        Command::Bench { dir, pdf_with } => match dir {
            Some(dir) => photo::bench(&dir),
            None if !pdf_with.is_empty() => notice::bench_pdf(&pdf_with),
            None => identify::bench(),
        },
    }
}

/// The language of the system locale, English if it cannot be read.
fn system_lang() -> Lang {
    sys_locale::get_locale().map_or(Lang::En, |l| Lang::from_locale(&l))
}

/// Reads label text from a file or standard input, refusing what is too
/// large or not UTF-8 before it reaches the matcher.
fn read_text_file(path: &std::path::Path) -> anyhow::Result<String> {
    use std::io::Read as _;
    /// Far more than any label; enough to refuse a wrong file quickly.
    const MAX_BYTES: u64 = 64 * 1024;
    let mut bytes = Vec::new();
    let read = if path.as_os_str() == "-" {
        std::io::stdin().take(MAX_BYTES + 1).read_to_end(&mut bytes)
    } else {
        let file = std::fs::File::open(path)
            .map_err(|e| anyhow::anyhow!("cannot open {}: {e}", path.display()))?;
        file.take(MAX_BYTES + 1).read_to_end(&mut bytes)
    };
    read.map_err(|e| anyhow::anyhow!("cannot read {}: {e}", path.display()))?;
    if bytes.len() as u64 > MAX_BYTES {
        anyhow::bail!(
            "{} is larger than {} KiB: give only the text of the label",
            path.display(),
            MAX_BYTES / 1024
        );
    }
    String::from_utf8(bytes).map_err(|e| {
        anyhow::anyhow!(
            "{} is not UTF-8 text (invalid byte at position {}): save it as plain text",
            path.display(),
            e.utf8_error().valid_up_to()
        )
    })
}

/// The list in use: the newest valid of the bundled and the stored one.
fn catalog() -> crate::catalog::Catalog {
    update::active_list().catalog
}

/// Writes the CLI's output to stdout. A closed pipe (`… | head`) ends the
/// output quietly instead of panicking like `println!` would.
pub(crate) fn out(text: &str) -> anyhow::Result<()> {
    use std::io::Write as _;
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(()),
    }
}
