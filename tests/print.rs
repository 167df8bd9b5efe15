//! The patient's sheet printed on a real CUPS queue, the way the counter's
//! *Print* button does it: rendered with `render_patient_sheet` and handed
//! to `print::print_pdf`, which gives it to `lp` on standard input (no file
//! is written to print). The queue is a cups-pdf printer,
//! so what comes out is a PDF file. Its pages are counted with `lopdf`; its
//! text cannot be read back (see below), so the words are checked on the
//! sheet as sent, with the same `lopdf` reader as the other tests.
//!
//! It needs a print server, so `cargo test` lists it as ignored, with what
//! it leaves unchecked. `.ci/run` starts `cupsd`, adds the queue, names it
//! and its output folder in `MONITOR_CHECK_CUPS_QUEUE` and
//! `MONITOR_CHECK_CUPS_PDF_OUT`, and runs it with `--ignored`; run that way
//! without a running queue, it fails and says why.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use monitor_check::catalog::Catalog;
use monitor_check::i18n::Lang;
use monitor_check::identify::identify_text;
use monitor_check::notice::{Notice, NoticeForm, Pharmacy, render_patient_sheet};
use monitor_check::print::{self, PrintSystem};

#[path = "common/pdf_text.rs"]
mod pdf_text;
use pdf_text::pdf_text;

/// How long the printed PDF may take to show up.
const ARRIVAL: Duration = Duration::from_secs(30);

/// The queue and its output folder, or why there are none.
fn cups_queue() -> Result<(String, PathBuf), String> {
    let queue = std::env::var("MONITOR_CHECK_CUPS_QUEUE")
        .map_err(|_| "MONITOR_CHECK_CUPS_QUEUE is not set".to_owned())?;
    let out = std::env::var("MONITOR_CHECK_CUPS_PDF_OUT")
        .map_err(|_| "MONITOR_CHECK_CUPS_PDF_OUT is not set".to_owned())?;
    match PrintSystem::cups().scheduler_running() {
        Ok(true) => Ok((queue, PathBuf::from(out))),
        Ok(false) => Err("lpstat -r says the scheduler is not running".to_owned()),
        Err(e) => Err(format!("lpstat -r: {e}")),
    }
}

fn pdfs_in(dir: &Path) -> BTreeSet<PathBuf> {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "pdf"))
                .collect()
        })
        .unwrap_or_default()
}

/// The page count, once the file is whole: a file cups-pdf is still writing
/// has no usable cross-reference table yet, which `lopdf` would otherwise
/// rebuild from the objects written so far (and count too few pages).
fn pages(path: &Path) -> Option<usize> {
    let bytes = std::fs::read(path).ok()?;
    let doc = lopdf::Document::load_mem(&bytes).ok()?;
    doc.xref_recovery.is_none().then(|| doc.get_pages().len())
}

fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
#[ignore = "needs a CUPS server with a cups-pdf queue (.ci/run starts one); \
            without it, printing the patient's sheet is not checked"]
fn the_patient_sheet_comes_out_of_a_cups_pdf_queue() {
    let (queue, out_dir) = cups_queue().unwrap_or_else(|why| {
        panic!("no CUPS queue to print on ({why}): start one as .ci/run does")
    });
    // The queue is offered like any printer.
    let printers = print::printers().expect("lpstat lists the printers");
    assert!(
        printers.iter().any(|p| p.name == queue),
        "{queue} not in {printers:?}"
    );

    let catalog = Catalog::bundled();
    let verdict = identify_text(&catalog, "Contec CMS8000").expect("the text is accepted");
    let mut form = NoticeForm::default();
    form.prefill(&verdict, &catalog);
    let at: jiff::Zoned = "2026-12-02T10:15:00+01:00[+01:00]".parse().unwrap();
    let notice = Notice::new(form, &verdict, &catalog, at, "0.1.0", Vec::new());
    // A name of this run only, to tell its page from earlier ones.
    let pharmacy = Pharmacy {
        name: format!("Farmacia Prova {}", std::process::id()),
        address: "Via Roma 12, 50123 Firenze".into(),
    };
    let pdf = render_patient_sheet(&notice, &pharmacy, Lang::It).expect("the sheet renders");
    let dir = tempfile::tempdir().unwrap();

    let before = pdfs_in(&out_dir);
    let job = print::print_pdf(&pdf, Some(&queue), "Foglio per il paziente", &|| false)
        .expect("the queue takes the job");
    let id = job.id.expect("lp names the job");
    assert!(id.starts_with(&format!("{queue}-")), "{id}");

    // cups-pdf names its file after the job ("…-job_12.pdf") and distils
    // the page again through Ghostscript, whose Type 3 fonts carry no text
    // to read back: the file is found by its job number and checked to be
    // the sheet's pages.
    let number = id.rsplit('-').next().unwrap_or_default().to_owned();
    let started = Instant::now();
    let printed = loop {
        let found = pdfs_in(&out_dir)
            .difference(&before)
            .find(|p| p.to_string_lossy().ends_with(&format!("job_{number}.pdf")))
            .cloned();
        if let Some(path) = found.filter(|p| pages(p).is_some()) {
            break path;
        }
        assert!(
            started.elapsed() < ARRIVAL,
            "job {id}: no new PDF in {} after {ARRIVAL:?}",
            out_dir.display()
        );
        std::thread::sleep(Duration::from_millis(250));
    };
    eprintln!("printed: {} ({id})", printed.display());
    if let Ok(keep) = std::env::var("MONITOR_CHECK_PRINTED_COPY") {
        std::fs::copy(&printed, keep).unwrap();
    }
    let sent = dir.path().join("sent.pdf");
    std::fs::write(&sent, &pdf).unwrap();
    assert_eq!(pages(&printed), pages(&sent));
    assert!(pages(&sent).is_some_and(|n| n >= 2));
    // What went to the printer is the sheet, in Italian, for this pharmacy.
    let text = flat(&pdf_text(&pdf));
    for expected in [
        pharmacy.name.as_str(),
        "Questo monitor (CMS8000) è nell'elenco dei modelli coinvolti",
        "Cosa fare a casa",
        "Per il Suo medico di famiglia",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
}
