//! The two entry points that read text against the list:
//! [`Matcher::identify_text`] and [`Matcher::identify_readings`]. The work
//! is split by job: `words` holds the word tables, `names` the list's names
//! normalised, `tokens` the tokeniser, `scan` the line scanning that
//! produces a `Scan`, and `decide` turns a `Scan` into the verdict.

use crate::catalog::Catalog;

use super::decide;
use super::names::Names;
use super::{InputError, Reading, Verdict, VerdictKind, check_text};

/// The list's names, normalised once for fast matching.
#[derive(Debug)]
pub struct Matcher<'c> {
    catalog: &'c Catalog,
    names: Names,
}

impl<'c> Matcher<'c> {
    /// Normalises the list's names once.
    pub fn new(catalog: &'c Catalog) -> Self {
        Self {
            catalog,
            names: Names::new(catalog),
        }
    }

    /// The list this matcher was built from.
    pub fn catalog(&self) -> &'c Catalog {
        self.catalog
    }

    /// Identifies typed text; see [`super::identify_text`].
    pub fn identify_text(&self, text: &str) -> Result<Verdict, InputError> {
        check_text(text)?;
        Ok(self.identify_readings(&[Reading::typed(text)]))
    }

    /// Identifies one device from several readings; see
    /// [`super::identify_readings`].
    pub fn identify_readings(&self, readings: &[Reading]) -> Verdict {
        let mut verdict = decide::decide(self.catalog, self.names.scan(readings));
        if verdict.verdict == VerdictKind::NotAffected {
            // Before "not on the list": a listed name set aside with a UDI
            // (`(21) CMS8000`) must still count.
            let again = self.names.scan_without_udis(readings);
            decide::enforce_safety(&mut verdict, &again.findings);
        }
        verdict
    }
}
