//! The patient's sheet printed on a real CUPS queue, the way the counter's
//! *Print* button does it: rendered with `render_patient_sheet`, written to
//! a file, handed to `print::print_file`. The queue is a cups-pdf printer,
//! so what comes out is a PDF file, read back here with `pdftotext`.
//!
//! `.ci/run` starts `cupsd`, adds the queue and names it and its output
//! folder in `MONITOR_CHECK_CUPS_QUEUE` and `MONITOR_CHECK_CUPS_PDF_OUT`.
//! Where those are not set, or the scheduler is not running, the test says
//! why and passes: a laptop without CUPS is not a failure.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use monitor_check::catalog::Catalog;
use monitor_check::i18n::Lang;
use monitor_check::identify::identify_text;
use monitor_check::notice::{Notice, NoticeForm, Pharmacy, render_patient_sheet};
use monitor_check::print::{self, PrintSystem};

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

fn pdftotext(path: &Path) -> Option<String> {
    let out = Command::new("pdftotext")
        .args(["-layout", "-enc", "UTF-8"])
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is needed to read the printed PDF");
    // cups-pdf may still be writing it: unreadable for now.
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The page count `pdfinfo` reads, once the file is whole.
fn pages(path: &Path) -> Option<u32> {
    let out = Command::new("pdfinfo").arg(path).output().ok()?;
    let info = String::from_utf8_lossy(&out.stdout).into_owned();
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
}

fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_patient_sheet_comes_out_of_a_cups_pdf_queue() {
    let (queue, out_dir) = match cups_queue() {
        Ok(q) => q,
        Err(why) => {
            eprintln!("skipped: no CUPS server ({why})");
            return;
        }
    };
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
    let file = dir.path().join("foglio-paziente.pdf");
    std::fs::write(&file, &pdf).unwrap();

    let before = pdfs_in(&out_dir);
    let job = print::print_file(&file, Some(&queue), "Foglio per il paziente")
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
    let text = flat(&pdftotext(&file).unwrap());
    for expected in [
        pharmacy.name.as_str(),
        "Questo monitor (CMS8000) è nell'elenco dei modelli coinvolti",
        "Cosa fare a casa",
        "Per il Suo medico di famiglia",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
}
