//! `register`: the family doctor's register of received notices, from the
//! command line: import files, list the devices, set a status, export the
//! CSV or the summary, print an incident's notice. The register is the one
//! the app uses (in the data folder), or the file given with `--file`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;
use clap::{Subcommand, ValueEnum};

use crate::i18n::Lang;
use crate::identify::VerdictKind;
use crate::register::{self, Filter, ImportSummary, Register, Sort, Status, export, verdict_key};

/// What to do with the register.
#[derive(Debug, Subcommand)]
pub(super) enum RegisterCommand {
    /// Add received notices: .eml files, mbox exports, notice PDFs, JSON, or folders of them.
    Import {
        /// The files or folders.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// List the devices, incidents and affected monitors first.
    List {
        /// Print JSON.
        #[arg(long)]
        json: bool,
        /// Only this verdict.
        #[arg(long, value_enum)]
        verdict: Option<VerdictArg>,
        /// Only this status.
        #[arg(long, value_enum)]
        status: Option<StatusArg>,
        /// Only devices with a sign of tampering seen.
        #[arg(long)]
        incidents: bool,
    },
    /// Record what was done about a device (its key, from `list`).
    Status {
        /// The device's key, as `list` shows it.
        device: String,
        /// What was done.
        #[arg(value_enum)]
        status: StatusArg,
        /// A note to keep with it.
        #[arg(long)]
        note: Option<String>,
    },
    /// Write the register as CSV, or its one-page summary as PDF.
    Export {
        /// Write the CSV here.
        #[arg(long, required_unless_present = "summary")]
        csv: Option<PathBuf>,
        /// Write the PDF summary here.
        #[arg(long)]
        summary: Option<PathBuf>,
        /// Leave out the patients' and senders' names and the notes.
        #[arg(long)]
        no_names: bool,
        /// Language of the summary.
        #[arg(long, value_enum, default_value = "it")]
        lang: Lang,
    },
    /// Print the newest notice about a device as its sender wrote it: for
    /// an incident, the data the Ministry's report asks for.
    Report {
        /// The device's key, as `list` shows it.
        device: String,
    },
}

/// A verdict on the command line.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub(super) enum VerdictArg {
    Affected,
    NotAffected,
    Unknown,
}

impl From<VerdictArg> for VerdictKind {
    fn from(v: VerdictArg) -> Self {
        match v {
            VerdictArg::Affected => VerdictKind::Affected,
            VerdictArg::NotAffected => VerdictKind::NotAffected,
            VerdictArg::Unknown => VerdictKind::Unknown,
        }
    }
}

/// A status on the command line.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub(super) enum StatusArg {
    ToContact,
    Contacted,
    DeviceReplaced,
    Reported,
}

impl From<StatusArg> for Status {
    fn from(s: StatusArg) -> Self {
        match s {
            StatusArg::ToContact => Status::ToContact,
            StatusArg::Contacted => Status::Contacted,
            StatusArg::DeviceReplaced => Status::DeviceReplaced,
            StatusArg::Reported => Status::Reported,
        }
    }
}

/// Opens the register: `file`, or the one in the data folder.
fn open(file: Option<&Path>) -> anyhow::Result<Register> {
    let path = match file {
        Some(path) => path.to_path_buf(),
        None => super::update::data_dir()
            .context(
                "no data folder for the register: this system has no home folder (set \
                 MONITOR_CHECK_DATA_DIR or give --file)",
            )?
            .join(register::FILE_NAME),
    };
    Ok(Register::open(&path)?)
}

fn now() -> String {
    jiff::Zoned::now().timestamp().to_string()
}

pub(super) fn run(file: Option<&Path>, command: RegisterCommand) -> anyhow::Result<ExitCode> {
    let mut register = open(file)?;
    match command {
        RegisterCommand::Import { files } => {
            let found = register::read_paths(&files);
            let summary = register.import(found, &now())?;
            eprint!("{}", summary_text(&summary));
            // Something refused is worth a non-zero exit, for scripts.
            Ok(if summary.refused.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(super::EXIT_REFUSED)
            })
        }
        RegisterCommand::List {
            json,
            verdict,
            status,
            incidents,
        } => {
            let entries = register.entries()?;
            let filter = Filter {
                verdict: verdict.map(Into::into),
                status: status.map(Into::into),
                incidents_only: incidents,
            };
            let rows = register::select(&entries, &filter, Sort::Priority);
            if json {
                let mut text = serde_json::to_string_pretty(&rows)?;
                text.push('\n');
                super::out(&text)?;
            } else {
                super::out(&table(&rows))?;
            }
            Ok(ExitCode::SUCCESS)
        }
        RegisterCommand::Status {
            device,
            status,
            note,
        } => {
            let at = now();
            register.set_status(&device, status.into(), &at)?;
            if let Some(note) = note {
                register.set_note(&device, &note, &at)?;
            }
            Ok(ExitCode::SUCCESS)
        }
        RegisterCommand::Export {
            csv,
            summary,
            no_names,
            lang,
        } => {
            let entries = register.entries()?;
            let rows = register::select(&entries, &Filter::default(), Sort::Priority);
            if let Some(path) = csv {
                let options = export::CsvOptions { names: !no_names };
                eprintln!(
                    "monitor-check: {}",
                    export::csv_description(rows.len(), options, lang)
                );
                crate::fsutil::write_atomic(&path, &export::csv(&rows, options))?;
            }
            if let Some(path) = summary {
                let pdf = export::summary_pdf(&rows, lang, &jiff::Zoned::now(), !no_names)?;
                crate::fsutil::write_atomic(&path, &pdf)?;
            }
            Ok(ExitCode::SUCCESS)
        }
        RegisterCommand::Report { device } => {
            let notices = register.notices_of(&device)?;
            let newest = notices
                .first()
                .with_context(|| format!("no device {device} in the register"))?;
            super::out(&export::report_text(newest, &super::catalog()))?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// The import's outcome, a line per refused file.
fn summary_text(s: &ImportSummary) -> String {
    let mut out = format!(
        "monitor-check: {} added, {} updated, {} already there, {} refused\n",
        s.added,
        s.updated,
        s.already_there,
        s.refused.len()
    );
    for (origin, why) in &s.refused {
        let _ = writeln!(out, "  refused {origin}: {why}");
    }
    out
}

/// The rows as a plain table.
fn table(rows: &[&register::Entry]) -> String {
    let mut out = String::new();
    for e in rows {
        let signs: Vec<&str> = e
            .signs_seen
            .iter()
            .map(|s| register::sign_key(*s))
            .collect();
        let _ = writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            e.device,
            if e.incident { "INCIDENT" } else { "-" },
            verdict_key(e.verdict),
            e.model,
            e.serial,
            e.patient,
            e.status.key(),
            if signs.is_empty() {
                "-".to_owned()
            } else {
                signs.join(",")
            },
        );
    }
    out
}
