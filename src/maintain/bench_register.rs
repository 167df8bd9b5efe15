//! `bench --register N`: how long the family doctor waits to import N
//! received notices, and how large the register grows. N notice e-mails
//! (each with a real notice PDF and the notice's data attached, as the
//! app writes them) go into a temporary folder; the figures are the
//! folder's reading, the import transaction, and a second import of the
//! same folder (everything already there), with the database's size.

use std::fmt::Write as _;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context as _;

use crate::guidance::TamperSign;
use crate::i18n::Lang;
use crate::identify;
use crate::notice::{self, Answer, Notice, NoticeForm};
use crate::register::{self, Filter, Register, Sort};
use crate::update::ActiveList;

/// Labels the notices are written about, in turn: listed, relabelled,
/// unlisted and unreadable models.
const LABELS: [&str; 6] = [
    "CMS8000",
    "Epsimed MN-120",
    "CMS6000",
    "CMS50D",
    "Contec",
    "CMS9000",
];

/// `bench --register N`.
pub(crate) fn register(
    count: usize,
    active_list: impl FnOnce() -> ActiveList,
) -> anyhow::Result<ExitCode> {
    let list = active_list();
    let catalog = &list.catalog;
    let dir = tempfile_dir()?;
    let inbox = dir.join("inbox");
    crate::fsutil::create_dir_all(&inbox)?;

    let at = jiff::Zoned::now();
    let verdicts: Vec<_> = LABELS
        .iter()
        .map(|label| identify::identify_text(catalog, label))
        .collect::<Result<_, _>>()?;
    // One real PDF, attached to every e-mail: the size of what arrives.
    let first = build(catalog, &verdicts[0], 0, &at);
    let pdf = notice::render_pdf(&first, Lang::It, &[])?;
    let start = Instant::now();
    let mut bytes_written = 0usize;
    for i in 0..count {
        let n = build(catalog, &verdicts[i % verdicts.len()], i, &at);
        let lang = if i % 2 == 0 { Lang::It } else { Lang::En };
        let eml = notice::render_eml(&n, lang, &pdf, &[])?;
        bytes_written += eml.len();
        crate::fsutil::write_atomic(&inbox.join(format!("notice-{i:05}.eml")), &eml)?;
    }
    let written = start.elapsed();

    let db = dir.join(register::FILE_NAME);
    let mut reg = Register::open(&db)?;
    let start = Instant::now();
    let found = register::read_paths(std::slice::from_ref(&inbox));
    let read = start.elapsed();
    let start = Instant::now();
    let summary = reg.import(found, &at.timestamp().to_string())?;
    let imported = start.elapsed();
    let start = Instant::now();
    let again = reg.import(
        register::read_paths(std::slice::from_ref(&inbox)),
        &at.timestamp().to_string(),
    )?;
    let reimported = start.elapsed();
    let start = Instant::now();
    let entries = reg.entries()?;
    let rows = register::select(&entries, &Filter::default(), Sort::Priority);
    let listed = start.elapsed();
    drop(reg);
    let db_size = file_size(&db) + file_size(&dir.join(format!("{}-wal", register::FILE_NAME)));

    let mut out = String::new();
    let _ = writeln!(
        out,
        "register, {count} notice e-mails ({:.1} MB, written in {:.1} s)",
        mb(bytes_written),
        written.as_secs_f64()
    );
    let _ = writeln!(out, "  read the folder:      {:.2} s", read.as_secs_f64());
    let _ = writeln!(
        out,
        "  import (one transaction): {:.2} s — {} added, {} updated, {} refused",
        imported.as_secs_f64(),
        summary.added,
        summary.updated,
        summary.refused.len()
    );
    let _ = writeln!(
        out,
        "  import again:         {:.2} s — {} already there",
        reimported.as_secs_f64(),
        again.already_there
    );
    let _ = writeln!(
        out,
        "  list and sort {} rows: {:.3} s",
        rows.len(),
        listed.as_secs_f64()
    );
    let _ = writeln!(out, "  database: {:.1} MB", mb(db_size));
    crate::console::out(&out)?;
    let _ = std::fs::remove_dir_all(&dir);
    Ok(ExitCode::SUCCESS)
}

/// Notice `i`: its own serial (one in ten repeats an earlier one, an
/// update), initials, and one in five with a sign of tampering.
fn build(
    catalog: &crate::catalog::Catalog,
    verdict: &identify::Verdict,
    i: usize,
    at: &jiff::Zoned,
) -> Notice {
    let mut form = NoticeForm::default();
    form.prefill(verdict, catalog);
    let serial = if i % 10 == 9 { i - 9 } else { i };
    form.device.serial = format!("SN{serial:06}");
    let letter = |k: usize| char::from(b'A' + u8::try_from(k % 26).unwrap_or(0));
    form.patient_initials = format!("{}.{}.", letter(i), letter(i / 26));
    if i.is_multiple_of(5) {
        form.set_tamper_answer(TamperSign::UnexpectedRestart, Answer::Yes);
    }
    Notice::new(
        form,
        verdict,
        catalog,
        at.clone(),
        crate::APP_VERSION,
        Vec::new(),
    )
}

fn tempfile_dir() -> anyhow::Result<std::path::PathBuf> {
    let dir = std::env::temp_dir().join(format!("monitor-check-bench-{}", std::process::id()));
    crate::fsutil::create_dir_all(&dir).context("a folder for the benchmark")?;
    Ok(dir)
}

fn file_size(path: &std::path::Path) -> u64 {
    std::fs::metadata(path).map_or(0, |m| m.len())
}

#[expect(
    clippy::cast_precision_loss,
    reason = "sizes far below 2^52 bytes, shown to one decimal"
)]
fn mb(bytes: impl TryInto<u64>) -> f64 {
    bytes.try_into().unwrap_or(u64::MAX) as f64 / (1024.0 * 1024.0)
}
