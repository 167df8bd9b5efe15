//! `notice`: writes the notice for the family doctor.

use std::path::PathBuf;
use std::process::ExitCode;

use super::FormatArg;
use crate::guidance::Role;
use crate::i18n::Lang;

/// Arguments of `notice`.
pub(super) struct Args {
    pub text: Option<String>,
    pub serial: Option<String>,
    pub photos: Vec<PathBuf>,
    pub gp: Option<String>,
    pub role: Role,
    pub lang: Lang,
    pub format: FormatArg,
    pub output: PathBuf,
}

pub(super) fn run(_args: &Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("notices are not built yet")
}
