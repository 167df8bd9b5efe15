//! `identify --text` and the typed-lookup benchmark.

use std::process::ExitCode;

use crate::i18n::Lang;

pub(super) fn typed(_text: Option<&str>, _json: bool, _lang: Lang) -> anyhow::Result<ExitCode> {
    anyhow::bail!("not built yet")
}

pub(super) fn bench() -> anyhow::Result<ExitCode> {
    anyhow::bail!("not built yet")
}
