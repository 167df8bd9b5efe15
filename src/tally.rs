//! The counter's tally: how many checks a pharmacy made per day, by
//! verdict. It holds numbers only — no model, serial, name or time of day —
//! so a pharmacy can report its work without keeping anything about a
//! person. Kept as a small CSV file in the data dir, which is also the
//! export format.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::fsutil::{self, FsError};
use crate::identify::VerdictKind;

/// File name of the tally in the data dir.
pub const TALLY_FILE: &str = "counter-tally.csv";

/// The header line of the CSV.
const HEADER: &str = "date,affected,not_affected,unknown,total";

/// Far larger than years of daily lines; anything bigger is not ours.
const MAX_TALLY_BYTES: u64 = 1024 * 1024;

/// Why the tally could not be read or saved.
#[derive(Debug, thiserror::Error)]
pub enum TallyError {
    /// Reading or writing the file failed.
    #[error(transparent)]
    File(#[from] FsError),
    /// A line is not `date,n,n,n[,total]`.
    #[error("line {line} of the tally is not understood: {text}")]
    BadLine {
        /// 1-based line number.
        line: usize,
        /// The line as found.
        text: String,
    },
}

/// The checks of one day.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Devices on the list.
    pub affected: u32,
    /// A model read that is not on the list.
    pub not_affected: u32,
    /// No answer could be given.
    pub unknown: u32,
}

impl Counts {
    /// All checks of the day.
    pub fn total(self) -> u32 {
        self.affected + self.not_affected + self.unknown
    }
}

/// Checks per day, by verdict.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    days: BTreeMap<jiff::civil::Date, Counts>,
}

impl Tally {
    /// Counts one check of `day`.
    pub fn record(&mut self, day: jiff::civil::Date, verdict: VerdictKind) {
        let counts = self.days.entry(day).or_default();
        let slot = match verdict {
            VerdictKind::Affected => &mut counts.affected,
            VerdictKind::NotAffected => &mut counts.not_affected,
            VerdictKind::Unknown => &mut counts.unknown,
        };
        *slot = slot.saturating_add(1);
    }

    /// The checks of `day` (zero when none).
    pub fn day(&self, day: jiff::civil::Date) -> Counts {
        self.days.get(&day).copied().unwrap_or_default()
    }

    /// The days with checks, oldest first.
    pub fn days(&self) -> impl Iterator<Item = (jiff::civil::Date, Counts)> + '_ {
        self.days.iter().map(|(d, c)| (*d, *c))
    }

    /// The tally as CSV: a header, then one line per day, oldest first.
    pub fn to_csv(&self) -> String {
        let mut out = format!("{HEADER}\n");
        for (day, c) in &self.days {
            let _ = writeln!(
                out,
                "{day},{},{},{},{}",
                c.affected,
                c.not_affected,
                c.unknown,
                c.total()
            );
        }
        out
    }

    /// Reads what [`Tally::to_csv`] wrote. The total column is recomputed,
    /// not trusted.
    pub fn from_csv(text: &str) -> Result<Tally, TallyError> {
        let mut tally = Tally::default();
        for (i, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || (i == 0 && line.starts_with("date,")) {
                continue;
            }
            let bad = || TallyError::BadLine {
                line: i + 1,
                text: line.chars().take(80).collect(),
            };
            let fields: Vec<&str> = line.split(',').map(str::trim).collect();
            if !(4..=5).contains(&fields.len()) {
                return Err(bad());
            }
            let day: jiff::civil::Date = fields[0].parse().map_err(|_| bad())?;
            let n = |s: &str| s.parse::<u32>().map_err(|_| bad());
            let counts = Counts {
                affected: n(fields[1])?,
                not_affected: n(fields[2])?,
                unknown: n(fields[3])?,
            };
            tally.days.insert(day, counts);
        }
        Ok(tally)
    }

    /// Where the tally lives in `data_dir`.
    pub fn path(data_dir: &Path) -> PathBuf {
        data_dir.join(TALLY_FILE)
    }

    /// The tally kept in `data_dir`; empty when there is none yet.
    pub fn load(data_dir: &Path) -> Result<Tally, TallyError> {
        match fsutil::if_exists(fsutil::read_capped_text(
            &Self::path(data_dir),
            MAX_TALLY_BYTES,
        ))? {
            Some(text) => Tally::from_csv(&text),
            None => Ok(Tally::default()),
        }
    }

    /// Saves the tally in `data_dir`, atomically.
    pub fn save(&self, data_dir: &Path) -> Result<(), TallyError> {
        fsutil::create_dir_all(data_dir)?;
        fsutil::write_atomic(&Self::path(data_dir), self.to_csv().as_bytes())?;
        Ok(())
    }

    /// Counts one check in the tally kept in `data_dir` and saves it.
    pub fn record_in(
        data_dir: &Path,
        day: jiff::civil::Date,
        verdict: VerdictKind,
    ) -> Result<(), TallyError> {
        let mut tally = Tally::load(data_dir)?;
        tally.record(day, verdict);
        tally.save(data_dir)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn counts_per_day_and_verdict_round_trip_through_csv() {
        let mut t = Tally::default();
        t.record(date(2026, 12, 2), VerdictKind::Affected);
        t.record(date(2026, 12, 2), VerdictKind::Unknown);
        t.record(date(2026, 12, 2), VerdictKind::Unknown);
        t.record(date(2026, 12, 1), VerdictKind::NotAffected);
        let csv = t.to_csv();
        assert_eq!(
            csv,
            "date,affected,not_affected,unknown,total\n\
             2026-12-01,0,1,0,1\n\
             2026-12-02,1,0,2,3\n"
        );
        assert_eq!(Tally::from_csv(&csv).expect("parses"), t);
        assert_eq!(t.day(date(2026, 12, 2)).total(), 3);
        assert_eq!(t.day(date(2026, 11, 30)), Counts::default());
    }

    #[test]
    fn a_damaged_line_is_reported_with_its_number() {
        let err = Tally::from_csv("date,affected,not_affected,unknown,total\n2026-12-01,1,x,0,1\n");
        assert!(
            matches!(err, Err(TallyError::BadLine { line: 2, .. })),
            "{err:?}"
        );
        assert!(Tally::from_csv("2026-13-01,1,0,0\n").is_err());
    }

    #[test]
    fn kept_in_the_data_dir_across_loads() {
        let dir = tempfile::tempdir().expect("temp dir");
        assert_eq!(Tally::load(dir.path()).expect("empty"), Tally::default());
        Tally::record_in(dir.path(), date(2026, 12, 2), VerdictKind::Affected).expect("saved");
        Tally::record_in(dir.path(), date(2026, 12, 2), VerdictKind::Affected).expect("saved");
        let t = Tally::load(dir.path()).expect("loads");
        assert_eq!(t.day(date(2026, 12, 2)).affected, 2);
        let text = std::fs::read_to_string(Tally::path(dir.path())).expect("file");
        assert!(!text.contains("CMS"), "numbers only");
    }
}
