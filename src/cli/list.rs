//! `list`: the list of affected models in use.

use std::process::ExitCode;

pub(super) fn run(_json: bool, _raw: bool) -> anyhow::Result<ExitCode> {
    anyhow::bail!("not built yet")
}
