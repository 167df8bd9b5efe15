//! `identify --photo`, `identify --batch` and `bench DIR`: label photos →
//! text lines and barcodes ([`crate::ocr`]) → verdict ([`crate::identify`]).
//!
//! Photos are read from disk here and passed as bytes to the reader, which
//! runs offline: nothing leaves the machine.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context as _;

use crate::i18n::Lang;
use crate::identify;
use crate::ocr::{PhotoText, Progress, Reader};
use crate::photos::{self, CheckError};

/// Extensions `--batch` and `bench` pick up in a folder (any case).
const IMAGE_EXTENSIONS: [&str; 6] = ["jpg", "jpeg", "jpe", "png", "heic", "heif"];

/// Why one photo could not be used.
#[derive(Debug, thiserror::Error)]
enum PhotoError {
    #[error(transparent)]
    File(#[from] crate::fsutil::FsError),
    #[error(transparent)]
    Ocr(#[from] crate::ocr::OcrError),
}

/// One photo read: its name (no directory), what was read, how long it took.
struct PhotoRead {
    name: String,
    text: PhotoText,
    seconds: f64,
}

fn read_photo(reader: &Reader, path: &Path) -> Result<PhotoRead, PhotoError> {
    let name = photos::display_name(path);
    let start = Instant::now();
    let bytes = photos::read_file(path)?;
    let text = reader.read(&bytes, &name, &Progress::new())?;
    Ok(PhotoRead {
        name,
        text,
        seconds: start.elapsed().as_secs_f64(),
    })
}

fn load_reader() -> anyhow::Result<Reader> {
    Reader::new().context("loading the text reader")
}

/// `identify --photo FILE…`: photos of one device, their evidence combined
/// (with `--text` too, when given) by [`photos::verdict`]. A photo that
/// cannot be read is reported on stderr and the others are still used;
/// exit code 1 if any was refused.
pub(super) fn identify(
    text: Option<&str>,
    photos: &[PathBuf],
    json: bool,
    lang: Lang,
) -> anyhow::Result<ExitCode> {
    let typed = text.unwrap_or_default();
    // Refused text is reported before the slow part, reading the photos.
    photos::typed_reading(typed)?;
    let catalog = super::catalog();
    let reader = load_reader()?;
    let mut reads = Vec::new();
    let mut failures: Vec<(String, String)> = Vec::new();
    for path in photos {
        match read_photo(&reader, path) {
            Ok(read) => reads.push(read),
            Err(e) => {
                eprintln!("monitor-check: {}: {e}", photos::display_name(path));
                failures.push((photos::display_name(path), e.to_string()));
            }
        }
    }
    let read: Vec<(&str, &PhotoText)> = reads.iter().map(|r| (r.name.as_str(), &r.text)).collect();
    let verdict = match photos::verdict(&catalog, typed, &read) {
        Ok(verdict) => verdict,
        // Each photo's problem is already on stderr.
        Err(CheckError::NothingRead) => return Ok(ExitCode::from(super::EXIT_REFUSED)),
        Err(CheckError::Text(e)) => return Err(e.into()),
    };
    if json {
        let photos: Vec<serde_json::Value> = reads
            .iter()
            .map(|r| {
                serde_json::json!({
                    "file": r.name,
                    "seconds": round_ms(r.seconds),
                    "width": r.text.width,
                    "height": r.text.height,
                    "lines": r.text.lines,
                    "barcodes": r.text.barcodes,
                })
            })
            .chain(
                failures
                    .iter()
                    .map(|(file, error)| serde_json::json!({ "file": file, "error": error })),
            )
            .collect();
        let mut value = serde_json::to_value(&verdict)?;
        if let Some(map) = value.as_object_mut() {
            map.insert("photos".to_owned(), photos.into());
        }
        super::out(&format!("{}\n", serde_json::to_string_pretty(&value)?))?;
    } else {
        let mut s = super::identify::human(&catalog, &verdict, lang);
        for r in &reads {
            let _ = writeln!(s, "\n{} ({:.2} s):", r.name, r.seconds);
            for l in &r.text.lines {
                let _ = writeln!(s, "  {:>4.2}  {}", l.confidence, l.text);
            }
            for b in &r.text.barcodes {
                let _ = writeln!(s, "  [{}] {}", b.format, b.text.replace('\u{1d}', "<GS>"));
            }
        }
        super::out(&s)?;
    }
    Ok(if failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(super::EXIT_REFUSED)
    })
}

/// Seconds rounded to the millisecond, for JSON.
fn round_ms(seconds: f64) -> f64 {
    (seconds * 1000.0).round() / 1000.0
}

/// The photos in `dir` (by extension), sorted by name.
fn images_in(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("cannot list the folder {}", dir.display()))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .filter(|p| {
            p.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| IMAGE_EXTENSIONS.iter().any(|x| e.eq_ignore_ascii_case(x)))
        })
        .collect();
    paths.sort();
    Ok(paths)
}

/// `identify --batch DIR [--jsonl]`: one device per photo, one line per
/// photo. A photo that cannot be read gives a line with `"error"` and the
/// run goes on.
pub(super) fn batch(dir: &Path, jsonl: bool) -> anyhow::Result<ExitCode> {
    let catalog = super::catalog();
    let reader = load_reader()?;
    for path in images_in(dir)? {
        let name = photos::display_name(&path);
        let start = Instant::now();
        let line = match read_photo(&reader, &path) {
            Ok(read) => {
                let verdict = photos::verdict(&catalog, "", &[(read.name.as_str(), &read.text)])?;
                let seconds = round_ms(start.elapsed().as_secs_f64());
                if jsonl {
                    let mut value = serde_json::to_value(&verdict)?;
                    if let Some(map) = value.as_object_mut() {
                        map.insert("file".to_owned(), name.into());
                        map.insert("seconds".to_owned(), seconds.into());
                    }
                    serde_json::to_string(&value)?
                } else {
                    let kind = serde_json::to_value(verdict.verdict)?;
                    format!(
                        "{name}\t{}\t{}\t{seconds:.2} s",
                        kind.as_str().unwrap_or("?"),
                        verdict.model.as_deref().unwrap_or("-")
                    )
                }
            }
            Err(e) => {
                let seconds = round_ms(start.elapsed().as_secs_f64());
                if jsonl {
                    serde_json::json!({ "file": name, "error": e.to_string(), "seconds": seconds })
                        .to_string()
                } else {
                    format!("{name}\terror: {e}")
                }
            }
        };
        // Line by line, so a long run shows progress and survives `| head`.
        super::out(&format!("{line}\n"))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `bench DIR`: times each photo from file to verdict; prints the median,
/// the 95th percentile and the peak resident memory.
pub(super) fn bench(dir: &Path) -> anyhow::Result<ExitCode> {
    let catalog = super::catalog();
    let load = Instant::now();
    let reader = load_reader()?;
    let load_secs = load.elapsed().as_secs_f64();
    let paths = images_in(dir)?;
    anyhow::ensure!(!paths.is_empty(), "no photos in {}", dir.display());
    let mut times = Vec::with_capacity(paths.len());
    let mut refused = 0usize;
    for path in &paths {
        let start = Instant::now();
        match read_photo(&reader, path) {
            Ok(read) => {
                let readings = photos::readings(&read.name, &read.text);
                std::hint::black_box(identify::identify_readings(&catalog, &readings));
                times.push(start.elapsed().as_secs_f64());
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
    super::out(&s)?;
    Ok(ExitCode::SUCCESS)
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
    fn peak_memory_is_read_on_linux() {
        if cfg!(target_os = "linux") {
            assert!(peak_rss_kib().is_some_and(|k| k > 0));
        }
    }
}
