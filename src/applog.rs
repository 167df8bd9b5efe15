//! The app's log: what went wrong and why, in a file a user can send
//! (*About* → *Save diagnostics…*).
//!
//! One file per day in `<data folder>/logs/` (`monitor-check-YYYY-MM-DD.log`),
//! a line per record: RFC 3339 local time, level, target, message. Files
//! older than [`KEEP_DAYS`] days are removed when the log starts and when a
//! new day's file opens; a file stops growing at [`MAX_FILE_BYTES`], with one
//! line saying that the rest of the day's lines were dropped.
//!
//! The log never holds patient data: no names, e-mail addresses, serial
//! numbers, models read, observations, photo or notice file names. Callers
//! log causes (what a program answered, an error's kind, counts, versions),
//! never what the user typed or chose.
//!
//! Only this crate's records are kept (other crates' may carry window
//! titles or file names). Writes are appended under a mutex; a write that
//! fails is dropped, never a panic. Without a data folder nothing is kept.
//!
//! Like `datadir`, this is process-wide and reads the clock; only the front
//! ends start it ([`init`]), once, after the data folder is resolved. Tests
//! that check the file start it once in a test binary of their own.

use std::fs::{File, OpenOptions};
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock, PoisonError};

use jiff::civil::Date;

/// The log's folder inside the data folder.
pub const LOG_DIR: &str = "logs";
/// Days a log file is kept.
pub const KEEP_DAYS: i32 = 7;
/// A day's file stops growing past this.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

const FILE_PREFIX: &str = "monitor-check-";
const FILE_SUFFIX: &str = ".log";

/// Where warnings and errors go besides the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mirror {
    /// Nowhere else: the command line says its own errors on stderr.
    Off,
    /// Warnings and errors also to stderr, as `monitor-check: …` (the
    /// window, whose messages went only to stderr before the log).
    Stderr,
}

/// The installed logger.
struct AppLog {
    /// `<data folder>/logs`, or `None`: nothing kept.
    dir: Option<PathBuf>,
    mirror: Mirror,
    file: Mutex<DayFile>,
}

/// The day's file, opened on the first line of the day.
#[derive(Default)]
struct DayFile {
    day: Option<Date>,
    file: Option<File>,
    bytes: u64,
    /// The day's file reached its cap; the line saying so is written.
    full: bool,
}

static LOGGER: OnceLock<AppLog> = OnceLock::new();

/// Starts the log in `data_dir`'s log folder (`None`: no file, only the
/// mirror). Returns false when a log was already started in this process.
pub fn init(data_dir: Option<&Path>, mirror: Mirror) -> bool {
    let dir = data_dir.map(|d| d.join(LOG_DIR));
    if let Some(dir) = &dir {
        // A folder that cannot be made leaves the log without a file; the
        // app works on.
        let _ = std::fs::create_dir_all(dir);
        prune(dir, today());
    }
    let mut fresh = false;
    let logger = LOGGER.get_or_init(|| {
        fresh = true;
        AppLog {
            dir,
            mirror,
            file: Mutex::new(DayFile::default()),
        }
    });
    if !fresh || log::set_logger(logger).is_err() {
        return false;
    }
    log::set_max_level(log::LevelFilter::Info);
    true
}

/// The date of a log file's name, if it is one.
fn file_date(name: &str) -> Option<Date> {
    name.strip_prefix(FILE_PREFIX)?
        .strip_suffix(FILE_SUFFIX)?
        .parse()
        .ok()
}

/// The log file of `day`.
fn file_name(day: Date) -> String {
    format!("{FILE_PREFIX}{day}{FILE_SUFFIX}")
}

/// Today, in the computer's time zone.
fn today() -> Date {
    jiff::Zoned::now().date()
}

/// Removes the log files older than [`KEEP_DAYS`] days before `today`;
/// other files in the folder are left alone.
fn prune(dir: &Path, today: Date) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let Ok(oldest) = today.checked_sub(jiff::Span::new().days(KEEP_DAYS)) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        if let Some(date) = name.to_str().and_then(file_date)
            && date < oldest
        {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// One record as a line of the file: time, level, target, message, with
/// the message's own line breaks folded so that a record stays one line.
fn format_line(time: &jiff::Zoned, record: &log::Record<'_>) -> String {
    let message = record.args().to_string().replace(['\r', '\n'], " ⏎ ");
    format!(
        "{} {:<5} {} {message}\n",
        time.strftime("%Y-%m-%dT%H:%M:%S%:z"),
        record.level(),
        record.target()
    )
}

impl AppLog {
    /// Appends `line` to the day's file, opening it on a new day.
    fn append(&self, day: Date, line: &str) {
        let Some(dir) = &self.dir else {
            return;
        };
        let mut state = self.file.lock().unwrap_or_else(PoisonError::into_inner);
        if state.day != Some(day) {
            if state.day.is_some() {
                prune(dir, day);
            }
            let path = dir.join(file_name(day));
            let file = OpenOptions::new().create(true).append(true).open(&path);
            let bytes = file
                .as_ref()
                .ok()
                .and_then(|f| f.metadata().ok())
                .map_or(0, |m| m.len());
            *state = DayFile {
                day: Some(day),
                file: file.ok(),
                bytes,
                full: bytes >= MAX_FILE_BYTES,
            };
        }
        if state.full {
            return;
        }
        let len = u64::try_from(line.len()).unwrap_or(u64::MAX);
        let text = if state.bytes.saturating_add(len) > MAX_FILE_BYTES {
            state.full = true;
            format!(
                "{} WARN  monitor_check::applog the log reached {MAX_FILE_BYTES} bytes: \
                 the rest of today's lines are dropped\n",
                jiff::Zoned::now().strftime("%Y-%m-%dT%H:%M:%S%:z")
            )
        } else {
            line.to_owned()
        };
        let written = state
            .file
            .as_mut()
            .is_some_and(|f| f.write_all(text.as_bytes()).is_ok());
        if written {
            state.bytes = state
                .bytes
                .saturating_add(u64::try_from(text.len()).unwrap_or(u64::MAX));
        } else {
            // A disk that is full or gone: drop the line, and the file
            // (the next day tries again).
            state.file = None;
        }
    }
}

impl log::Log for AppLog {
    fn enabled(&self, metadata: &log::Metadata<'_>) -> bool {
        metadata.level() <= log::Level::Info && metadata.target().starts_with("monitor_check")
    }

    fn log(&self, record: &log::Record<'_>) {
        if !self.enabled(record.metadata()) {
            return;
        }
        let mirrored = self.mirror == Mirror::Stderr
            && (record.level() <= log::Level::Warn || self.dir.is_none());
        if mirrored {
            eprintln!("monitor-check: {}", record.args());
        }
        let now = jiff::Zoned::now();
        self.append(now.date(), &format_line(&now, record));
    }

    fn flush(&self) {}
}

/// The last `max_lines` lines of the log in `data_dir`, oldest first,
/// taken from the newest files.
pub fn last_lines(data_dir: &Path, max_lines: usize) -> Vec<String> {
    let dir = data_dir.join(LOG_DIR);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut days: Vec<(Date, PathBuf)> = entries
        .flatten()
        .filter_map(|e| Some((e.file_name().to_str().and_then(file_date)?, e.path())))
        .collect();
    days.sort_by_key(|day| std::cmp::Reverse(day.0));
    let mut lines: Vec<String> = Vec::new();
    for (_, path) in days {
        if lines.len() >= max_lines {
            break;
        }
        // The cap plus the line saying so; a larger file is not ours.
        let Ok(bytes) = crate::fsutil::read_capped(&path, MAX_FILE_BYTES + 4096) else {
            continue;
        };
        let text = String::from_utf8_lossy(&bytes);
        let day: Vec<&str> = text.lines().collect();
        let take = (max_lines - lines.len()).min(day.len());
        let mut older: Vec<String> = day
            .get(day.len() - take..)
            .unwrap_or_default()
            .iter()
            .map(|l| (*l).to_owned())
            .collect();
        older.append(&mut lines);
        lines = older;
    }
    lines
}

/// What *Save diagnostics…* says about the app, besides the log.
#[derive(Debug, Clone)]
pub struct Facts {
    /// The app's version.
    pub app_version: String,
    /// The list in use: its version and issue date, and where it came from.
    pub list: String,
    /// Whether the app has a data folder (its path is left out: it holds
    /// the user's name).
    pub has_data_dir: bool,
}

/// How many log lines the diagnostics carry.
pub const DIAGNOSTIC_LINES: usize = 200;

/// The diagnostics file: the facts, the system, and the log's last lines.
pub fn diagnostics(facts: &Facts, data_dir: Option<&Path>) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    let _ = writeln!(out, "Monitor Check diagnostics");
    let _ = writeln!(out, "App version: {}", facts.app_version);
    let _ = writeln!(out, "List in use: {}", facts.list);
    let _ = writeln!(
        out,
        "System: {} {} ({})",
        std::env::consts::OS,
        std::env::consts::ARCH,
        std::env::consts::FAMILY
    );
    let _ = writeln!(
        out,
        "Data folder: {}",
        if facts.has_data_dir {
            "yes"
        } else {
            "none (nothing is kept on disk)"
        }
    );
    let _ = writeln!(
        out,
        "Written: {}",
        jiff::Zoned::now().strftime("%Y-%m-%dT%H:%M:%S%:z")
    );
    let lines = data_dir.map_or_else(Vec::new, |d| last_lines(d, DIAGNOSTIC_LINES));
    let _ = writeln!(out, "\nLast {} lines of the log:", lines.len());
    for line in lines {
        let _ = writeln!(out, "{line}");
    }
    out
}

/// What the log says at start: versions and system, no paths.
pub fn log_start(front_end: &str) {
    log::info!(
        "{front_end} started: Monitor Check {} on {} {}",
        crate::APP_VERSION,
        std::env::consts::OS,
        std::env::consts::ARCH
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_old_log_files_are_removed() {
        let dir = std::env::temp_dir().join(format!("mc-applog-prune-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let today: Date = "2026-12-08".parse().unwrap();
        for name in [
            "monitor-check-2026-12-08.log",
            "monitor-check-2026-12-01.log",
            "monitor-check-2026-11-30.log",
            "monitor-check-2025-01-01.log",
            "notes.txt",
        ] {
            std::fs::write(dir.join(name), "x\n").unwrap();
        }
        prune(&dir, today);
        let mut left: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        left.sort();
        assert_eq!(
            left,
            [
                "monitor-check-2026-12-01.log",
                "monitor-check-2026-12-08.log",
                "notes.txt"
            ]
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn the_last_lines_come_from_the_newest_files_oldest_first() {
        let dir = std::env::temp_dir().join(format!("mc-applog-last-{}", std::process::id()));
        let logs = dir.join(LOG_DIR);
        std::fs::create_dir_all(&logs).unwrap();
        std::fs::write(logs.join("monitor-check-2026-12-06.log"), "a\nb\nc\n").unwrap();
        std::fs::write(logs.join("monitor-check-2026-12-07.log"), "d\ne\n").unwrap();
        assert_eq!(last_lines(&dir, 3), ["c", "d", "e"]);
        assert_eq!(last_lines(&dir, 10), ["a", "b", "c", "d", "e"]);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_day_file_stops_at_its_cap_with_one_line_saying_so() {
        let dir = std::env::temp_dir().join(format!("mc-applog-cap-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let log = AppLog {
            dir: Some(dir.clone()),
            mirror: Mirror::Off,
            file: Mutex::new(DayFile::default()),
        };
        let day: Date = "2026-12-08".parse().unwrap();
        let line = format!("{}\n", "x".repeat(1023));
        for _ in 0..1100 {
            log.append(day, &line);
        }
        let text = std::fs::read_to_string(dir.join(file_name(day))).unwrap();
        assert!(u64::try_from(text.len()).unwrap() <= MAX_FILE_BYTES + 200);
        assert_eq!(text.matches("lines are dropped").count(), 1);
        assert!(text.ends_with("the rest of today's lines are dropped\n"));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_record_is_one_line_with_time_level_and_target() {
        let time: jiff::Zoned = "2026-12-08T09:30:00+01:00[Europe/Rome]".parse().unwrap();
        let line = format_line(
            &time,
            &log::Record::builder()
                .args(format_args!("lp said: no\nsuch printer"))
                .level(log::Level::Warn)
                .target("monitor_check::print")
                .build(),
        );
        assert_eq!(
            line,
            "2026-12-08T09:30:00+01:00 WARN  monitor_check::print lp said: no ⏎ such printer\n"
        );
    }
}
