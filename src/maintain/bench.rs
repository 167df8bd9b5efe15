//! `bench`: times what carers wait for — typed lookups, photos from file to
//! verdict, writing the PDF notice — and prints the figures in a fixed
//! layout (the README's table and the maintainers' scripts read it).
//!
//! The photo and notice runs go through the code the CLI runs
//! (`crate::photos::read_photo`, `crate::notice::render_pdf`), so the
//! figures are those of `identify --batch` and `notice --format pdf`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::Context as _;

use crate::console::out;
use crate::i18n::Lang;
use crate::identify;
use crate::notice::{Notice, NoticeForm, PhotoFile};
use crate::ocr::{Reader, StageTimes};
use crate::photos;
use crate::update::ActiveList;

/// `bench`: the run its options ask for (`dir`, `register` and `pdf_with`
/// exclude each other); `active_list` gives the list in use.
pub(crate) fn run(
    dir: Option<&Path>,
    register: Option<usize>,
    pdf_with: &[PathBuf],
    active_list: impl FnOnce() -> ActiveList,
) -> anyhow::Result<ExitCode> {
    match (dir, register) {
        (Some(dir), _) => folder(dir, active_list),
        (None, Some(count)) => super::bench_register::register(count, active_list),
        (None, None) if !pdf_with.is_empty() => pdf(pdf_with, active_list),
        (None, None) => typed(active_list),
    }
}

/// `bench`: times typed lookups over a fixed set of inputs and prints the
/// figures.
fn typed(active_list: impl FnOnce() -> ActiveList) -> anyhow::Result<ExitCode> {
    const INPUTS: [&str; 8] = [
        "CMS 8000",
        "Epsimed MN-120",
        "Gima 35152",
        "CMS800",
        "CMS8000 Plus",
        "(01)08012345678903(21)SN12345",
        "Model: VM-8  SN 8251-2102-8542",
        "smart3250-2.6.27-wlan2.1.7.cramfs",
    ];
    const ROUNDS: usize = 2_000;
    let catalog = active_list().catalog;
    let mut times = Vec::with_capacity(ROUNDS * INPUTS.len());
    for _ in 0..ROUNDS {
        for text in INPUTS {
            let start = Instant::now();
            let verdict = identify::identify_text(&catalog, text)?;
            times.push(start.elapsed());
            std::hint::black_box(verdict);
        }
    }
    times.sort_unstable();
    let pick = |q: f64| {
        #[expect(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            clippy::cast_precision_loss,
            reason = "an index into a short list"
        )]
        let i = ((times.len() - 1) as f64 * q).round() as usize;
        times.get(i).copied().unwrap_or_default()
    };
    #[expect(clippy::print_stdout, reason = "the CLI's output")]
    {
        println!(
            "typed lookups: {} over {} inputs",
            times.len(),
            INPUTS.len()
        );
        println!("median: {:.1} µs", pick(0.5).as_secs_f64() * 1e6);
        println!("p95:    {:.1} µs", pick(0.95).as_secs_f64() * 1e6);
        println!("max:    {:.1} µs", pick(1.0).as_secs_f64() * 1e6);
    }
    Ok(ExitCode::SUCCESS)
}

/// `bench DIR`: times each photo from file to verdict; prints the median,
/// the 95th percentile and the peak resident memory, then a table of the
/// reader's stages (issue 13).
fn folder(dir: &Path, active_list: impl FnOnce() -> ActiveList) -> anyhow::Result<ExitCode> {
    let catalog = active_list().catalog;
    let load = Instant::now();
    let reader = Reader::new().context("loading the text reader")?;
    let load_secs = load.elapsed().as_secs_f64();
    let paths = photos::images_in(dir)?;
    anyhow::ensure!(!paths.is_empty(), "no photos in {}", dir.display());
    let mut times = Vec::with_capacity(paths.len());
    let mut stages = Vec::with_capacity(paths.len());
    let mut refused = 0usize;
    for path in &paths {
        let start = Instant::now();
        match photos::read_photo_timed(&reader, path) {
            Ok((read, stage_times)) => {
                let matching = Instant::now();
                let readings = photos::readings(&read.name, &read.text);
                std::hint::black_box(identify::identify_readings(&catalog, &readings));
                let matching = matching.elapsed();
                let total = start.elapsed();
                times.push(total.as_secs_f64());
                stages.push(PhotoStages {
                    stages: stage_times,
                    matching,
                    total,
                });
            }
            Err(_) => refused += 1,
        }
    }
    times.sort_by(f64::total_cmp);
    let mut s = String::new();
    let _ = writeln!(s, "photos: {} read, {refused} refused", times.len());
    let _ = writeln!(s, "model load: {load_secs:.3} s");
    if let Some(&max) = times.last() {
        let _ = writeln!(
            s,
            "per photo: median {:.3} s, p95 {:.3} s, max {max:.3} s",
            percentile(&times, 0.5),
            percentile(&times, 0.95),
        );
    }
    match peak_rss_kib() {
        Some(kib) => {
            let _ = writeln!(s, "peak RSS: {} MB", kib / 1024);
        }
        None => {
            let _ = writeln!(s, "peak RSS: unknown (no /proc/self/status)");
        }
    }
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let _ = writeln!(s, "cores: {cores}{}", load_note());
    s.push_str(&stage_table(&stages));
    out(&s)?;
    Ok(ExitCode::SUCCESS)
}

/// `bench --pdf-with PHOTO…`: times writing the PDF notice (photos shrunk,
/// turned upright and embedded) with `paths` attached, photos already read
/// from disk, and prints the median and the slowest of ten runs.
fn pdf(paths: &[PathBuf], active_list: impl FnOnce() -> ActiveList) -> anyhow::Result<ExitCode> {
    const ROUNDS: usize = 10;
    let photos = paths
        .iter()
        .map(|path| PhotoFile::read(path))
        .collect::<Result<Vec<_>, _>>()?;
    let list = active_list();
    let verdict = identify::identify_text(&list.catalog, "CMS 8000")?;
    let mut form = NoticeForm::default();
    form.prefill(&verdict, &list.catalog);
    let names = photos.iter().map(|p| p.name.clone()).collect();
    let notice = Notice::new(
        form,
        &verdict,
        &list.catalog,
        jiff::Zoned::now(),
        crate::APP_VERSION,
        names,
    );
    let mut times = Vec::with_capacity(ROUNDS);
    let mut size = 0;
    for _ in 0..ROUNDS {
        let start = Instant::now();
        let pdf = crate::notice::render_pdf(&notice, Lang::En, &photos)?;
        times.push(start.elapsed());
        size = pdf.len();
    }
    times.sort_unstable();
    let median = times.get(ROUNDS / 2).copied().unwrap_or_default();
    let max = times.last().copied().unwrap_or_default();
    out(&format!(
        "PDF with {} photo(s), {ROUNDS} runs: median {:.3} s, max {:.3} s, {} KB\n",
        photos.len(),
        median.as_secs_f64(),
        max.as_secs_f64(),
        size / 1024
    ))?;
    Ok(ExitCode::SUCCESS)
}

/// The stage times of one photo read for `bench DIR`.
struct PhotoStages {
    stages: StageTimes,
    /// Readings from the text and the verdict on them.
    matching: Duration,
    /// From opening the file to the verdict.
    total: Duration,
}

/// Median, 95th percentile and share of one stage over the corpus.
#[derive(Debug, Clone, Copy, PartialEq)]
struct StageSummary {
    median_ms: f64,
    p95_ms: f64,
    /// The stage's sum over the corpus divided by the sum of the photos'
    /// whole times, 0..=1 (more for barcodes, which overlap recognition).
    share: f64,
}

/// Summarises one stage: `ms` holds its time on each photo, in
/// milliseconds (any order); `total_ms` is the sum of the photos' whole
/// times.
fn summarize(ms: &mut [f64], total_ms: f64) -> StageSummary {
    ms.sort_by(f64::total_cmp);
    let sum: f64 = ms.iter().sum();
    StageSummary {
        median_ms: percentile(ms, 0.5),
        p95_ms: percentile(ms, 0.95),
        share: if total_ms > 0.0 { sum / total_ms } else { 0.0 },
    }
}

/// The table of stages: "stage | median ms | p95 ms | share of total",
/// one row per stage, after a line on the recognised crops.
fn stage_table(photos: &[PhotoStages]) -> String {
    type Pick = fn(&PhotoStages) -> Duration;
    let rows: [(&str, Pick); 12] = [
        ("decode", |p| p.stages.decode),
        ("resize", |p| p.stages.resize),
        ("detection", |p| p.stages.detect),
        ("orientation reads", |p| p.stages.orient),
        ("recognition", |p| p.stages.recognize),
        ("retries", |p| p.stages.retries),
        ("barcodes (own thread)", |p| p.stages.barcodes),
        ("barcodes (waited for)", |p| p.stages.barcodes_wait),
        ("quality", |p| p.stages.quality),
        ("matching", |p| p.matching),
        ("other (file, threads)", |p| {
            p.total
                .saturating_sub(p.stages.sequential())
                .saturating_sub(p.matching)
        }),
        ("total", |p| p.total),
    ];
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let total_ms: f64 = photos.iter().map(|p| ms(p.total)).sum();
    let mut s = String::new();
    let lines: Vec<f64> = photos
        .iter()
        .map(|p| f64::from(u32::try_from(p.stages.recognize_lines).unwrap_or(u32::MAX)))
        .collect();
    let mut sorted_lines = lines.clone();
    sorted_lines.sort_by(f64::total_cmp);
    let _ = writeln!(
        s,
        "recognition: {} crops in all, median {} per photo, p95 {}",
        lines.iter().sum::<f64>(),
        percentile(&sorted_lines, 0.5),
        percentile(&sorted_lines, 0.95),
    );
    let _ = writeln!(s, "stage | median ms | p95 ms | share of total");
    for (name, pick) in rows {
        let mut values: Vec<f64> = photos.iter().map(|p| ms(pick(p))).collect();
        let sum = summarize(&mut values, total_ms);
        let _ = writeln!(
            s,
            "{name} | {:.1} | {:.1} | {:.1} %",
            sum.median_ms,
            sum.p95_ms,
            sum.share * 100.0
        );
    }
    // The retries again, over the photos that needed one.
    let mut retried: Vec<f64> = photos
        .iter()
        .map(|p| ms(p.stages.retries))
        .filter(|&v| v > 0.0)
        .collect();
    let count = retried.len();
    let sum = summarize(&mut retried, total_ms);
    let _ = writeln!(
        s,
        "retries, retried photos only ({count}) | {:.1} | {:.1} | -",
        sum.median_ms, sum.p95_ms
    );
    s
}

/// Nearest-rank percentile of sorted values (`p` in 0..=1).
fn percentile(sorted: &[f64], p: f64) -> f64 {
    let n = sorted.len();
    if n == 0 {
        return 0.0;
    }
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        clippy::cast_precision_loss,
        reason = "a rank within a short list"
    )]
    let rank = ((p * n as f64).ceil() as usize).clamp(1, n);
    sorted.get(rank - 1).copied().unwrap_or(0.0)
}

/// Peak resident memory of this process (`VmHWM`) in KiB, on Linux.
fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

/// ", load average N" on Linux, so a slow run on a busy machine says so.
fn load_note() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|l| l.split_whitespace().next().map(str::to_owned))
        .map_or_else(String::new, |l| format!(", load average {l}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_by_nearest_rank() {
        let v: Vec<f64> = (1..=20).map(f64::from).collect();
        assert!((percentile(&v, 0.5) - 10.0).abs() < 1e-9);
        assert!((percentile(&v, 0.95) - 19.0).abs() < 1e-9);
        assert!((percentile(&[3.0], 0.95) - 3.0).abs() < 1e-9);
        assert!(percentile(&[], 0.5).abs() < 1e-9);
    }

    #[test]
    fn a_stage_is_summarised_over_the_corpus() {
        // Twenty photos taking 1..=20 ms in the stage, 1000 ms in all.
        let mut ms: Vec<f64> = (1..=20).rev().map(f64::from).collect();
        let s = summarize(&mut ms, 1000.0);
        assert!((s.median_ms - 10.0).abs() < 1e-9, "{s:?}");
        assert!((s.p95_ms - 19.0).abs() < 1e-9, "{s:?}");
        assert!((s.share - 0.21).abs() < 1e-9, "{s:?}");
        assert!(summarize(&mut [], 0.0).share.abs() < 1e-9);
    }

    #[test]
    fn the_stage_table_has_a_row_per_stage() {
        let photo = |ms: u64, lines: usize| PhotoStages {
            stages: StageTimes {
                decode: Duration::from_millis(ms),
                recognize: Duration::from_millis(2 * ms),
                recognize_lines: lines,
                ..StageTimes::default()
            },
            matching: Duration::from_millis(1),
            total: Duration::from_millis(5 * ms),
        };
        let table = stage_table(&[photo(10, 4), photo(30, 8)]);
        assert!(
            table.contains("recognition: 12 crops in all, median 4 per photo, p95 8"),
            "{table}"
        );
        assert!(table.contains("stage | median ms | p95 ms | share of total"));
        // Of 200 ms: decode 40, recognition 80, matching 2, the rest 78.
        assert!(table.contains("\ndecode | 10.0 | 30.0 | 20.0 %"), "{table}");
        assert!(
            table.contains("\nrecognition | 20.0 | 60.0 | 40.0 %"),
            "{table}"
        );
        assert!(table.contains("\nmatching | 1.0 | 1.0 | 1.0 %"), "{table}");
        assert!(
            table.contains("\nother (file, threads) | 19.0 | 59.0 | 39.0 %"),
            "{table}"
        );
        assert!(
            table.contains("\nretries, retried photos only (0) | 0.0 | 0.0 | -"),
            "{table}"
        );
        assert!(
            table.contains("\ntotal | 50.0 | 150.0 | 100.0 %"),
            "{table}"
        );
    }

    #[test]
    fn peak_memory_is_read_on_linux() {
        if cfg!(target_os = "linux") {
            assert!(peak_rss_kib().is_some_and(|k| k > 0));
        }
    }
}
