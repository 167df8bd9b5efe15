//! `identify --photo` and `identify --batch`: label photos →
//! text lines and barcodes ([`crate::ocr`]) → verdict ([`crate::identify`]).
//!
//! Photos are read from disk here and passed as bytes to the reader, which
//! runs offline: nothing leaves the machine.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context as _;

use crate::i18n::{Lang, tr, tr_args};
use crate::identify::VerdictKind;
use crate::ocr::{PhotoText, Reader};
use crate::photos::{self, CheckError, read_photo};

/// The text reader, its models loaded.
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
                    "quality": r.text.quality,
                    "advice": r.text.advice(),
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
        // Coaching only when the photos did not settle it: it explains and
        // asks, and never changes the verdict.
        if verdict.verdict == VerdictKind::Unknown {
            for r in &reads {
                s.push_str(&coaching(&r.name, &r.text, lang));
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

/// What would make a better photo than `text`'s, in plain sentences:
/// empty when its measures show nothing to fix.
fn coaching(name: &str, text: &PhotoText, lang: Lang) -> String {
    let advice = text.advice();
    let mut s = String::new();
    if advice.is_empty() {
        return s;
    }
    let _ = writeln!(s, "\n{name}: {}", tr(lang, "coach-intro"));
    for a in &advice {
        let _ = writeln!(s, "  - {}", tr(lang, a.message_id()));
    }
    if let Some(field) = text.model_field() {
        let n = |v: u32| v.to_string();
        let message = tr_args(
            lang,
            "coach-close-up-at",
            &[
                ("x", &n(field.x)),
                ("y", &n(field.y)),
                ("width", &n(field.width)),
                ("height", &n(field.height)),
            ],
        );
        let _ = writeln!(s, "  - {message}");
    }
    s
}

/// Seconds rounded to the millisecond, for JSON.
fn round_ms(seconds: f64) -> f64 {
    (seconds * 1000.0).round() / 1000.0
}

/// `identify --batch DIR [--jsonl]`: one device per photo, one line per
/// photo. A photo that cannot be read gives a line with `"error"` and the
/// run goes on.
pub(super) fn batch(dir: &Path, jsonl: bool) -> anyhow::Result<ExitCode> {
    let catalog = super::catalog();
    let reader = load_reader()?;
    for path in photos::images_in(dir)? {
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
                        map.insert(
                            "quality".to_owned(),
                            serde_json::to_value(&read.text.quality)?,
                        );
                        map.insert(
                            "advice".to_owned(),
                            serde_json::to_value(read.text.advice())?,
                        );
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
