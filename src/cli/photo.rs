//! `identify --photo`, `identify --batch` and `bench DIR`.

use std::path::Path;
use std::process::ExitCode;

use crate::i18n::Lang;

pub(super) fn identify(
    _text: Option<&str>,
    _photos: &[std::path::PathBuf],
    _json: bool,
    _lang: Lang,
) -> anyhow::Result<ExitCode> {
    anyhow::bail!("reading photos is not built yet")
}

pub(super) fn batch(_dir: &Path, _jsonl: bool) -> anyhow::Result<ExitCode> {
    anyhow::bail!("reading photos is not built yet")
}

pub(super) fn bench(_dir: &Path) -> anyhow::Result<ExitCode> {
    anyhow::bail!("reading photos is not built yet")
}
