//! Evidence → verdict: typed text, UDIs and lines read from photos are
//! matched against the list. No egui here.

mod verdict;

pub use verdict::{
    Caution, Evidence, Identifiers, MatchRule, NextStep, Origin, Verdict, VerdictKind,
};
