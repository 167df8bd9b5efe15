//! `leaflet`: writes the family doctor's one-page leaflet for patients as
//! a PDF, with the doctor's name and e-mail address printed and in a QR
//! code, and optionally the doctor card to send with it.
//!
//! The CLI is a caller, so it reads the clock; the leaflet core gets the
//! time passed in.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::i18n::Lang;
use crate::leaflet::{self, Doctor, DoctorError};

/// Options of `leaflet`.
#[derive(Debug, clap::Args)]
pub(super) struct Args {
    /// The family doctor's name, as it should be printed.
    #[arg(long, value_name = "NAME")]
    gp: String,
    /// The family doctor's e-mail address, where the notices go.
    #[arg(long, value_name = "ADDRESS")]
    gp_email: String,
    /// Language of the leaflet.
    #[arg(long, value_enum, default_value = "it")]
    lang: Lang,
    /// Where to write the PDF.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: PathBuf,
    /// Also write the doctor card (`monitor-check-doctor.json`) here.
    #[arg(long, value_name = "FILE")]
    card: Option<PathBuf>,
}

pub(super) fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let doctor = Doctor::new(&args.gp, &args.gp_email).map_err(|e| {
        let option = match e {
            DoctorError::NoName | DoctorError::NameTooLong { .. } => "--gp",
            DoctorError::BadEmail | DoctorError::EmailTooLong { .. } => "--gp-email",
        };
        anyhow::anyhow!("{e}: check {option}")
    })?;
    let pdf = leaflet::render_leaflet(&doctor, args.lang, &jiff::Zoned::now())?;
    crate::fsutil::write_atomic(&args.output, &pdf)?;
    if let Some(card) = &args.card {
        crate::fsutil::write_atomic(card, &doctor.card_json())?;
    }
    Ok(ExitCode::SUCCESS)
}
