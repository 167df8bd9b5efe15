//! `update` and `import-csaf`.

use std::path::Path;
use std::process::ExitCode;

pub(super) fn update(_from: Option<&str>) -> anyhow::Result<ExitCode> {
    anyhow::bail!("updating the list is not built yet")
}

pub(super) fn import_csaf(_file: &Path) -> anyhow::Result<ExitCode> {
    anyhow::bail!("CSAF import is not built yet")
}
