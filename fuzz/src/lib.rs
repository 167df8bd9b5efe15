//! What the fuzz targets share: what the app does with a notice once a
//! reader has accepted it, so that the fuzzer also reaches the code that
//! trusts a reader's output.

use std::path::Path;
use std::sync::OnceLock;

use monitor_check::catalog::Catalog;
use monitor_check::identify::{Verdict, VerdictKind};
use monitor_check::notice::NoticeData;
use monitor_check::register::export::{self, CsvOptions};
use monitor_check::register::{self, Filter, Found, Refusal, Register, Sort};

/// The bundled list, parsed once.
pub fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(Catalog::bundled)
}

/// Everything a reader of received files gave: each refusal is shown as
/// its message, each notice goes through [`use_notice`].
pub fn use_found(results: Vec<Result<NoticeData, Refusal>>) {
    assert!(
        !results.is_empty(),
        "a file gave neither a notice nor a refusal"
    );
    for result in results {
        match result {
            Ok(notice) => use_notice(&notice),
            Err(refusal) => {
                let _ = refusal.to_string();
                let _ = register::is_newer(&refusal);
            }
        }
    }
}

/// What the register does with a notice read: the incident report, the
/// import into a (fresh, in-memory) register, its rows, the CSV. A notice
/// read must also write out and read back the same.
pub fn use_notice(notice: &NoticeData) {
    let again = NoticeData::parse(&notice.to_json());
    assert_eq!(
        again.as_ref(),
        Ok(notice),
        "a notice read does not read back the same"
    );
    let _ = export::report_text(notice, catalog());
    let mut register = Register::open(Path::new(":memory:")).expect("an in-memory register");
    let summary = register
        .import(
            vec![Found {
                origin: "fuzz".to_owned(),
                result: Ok(notice.clone()),
            }],
            "2026-12-08T10:00:00+01:00",
        )
        .expect("a notice read is imported");
    assert_eq!(summary.added, 1, "a notice read was not added");
    let entries = register.entries().expect("the register's rows");
    assert_eq!(entries.len(), 1, "one notice, one device");
    for entry in &entries {
        let notices = register
            .notices_of(&entry.device)
            .expect("the device's notices");
        assert_eq!(notices.len(), 1, "the notice stored does not read back");
    }
    let rows = register::select(&entries, &Filter::default(), Sort::Priority);
    for names in [false, true] {
        let _ = export::csv(&rows, CsvOptions { names });
    }
}

/// What every verdict must be, whatever was read (as `tests/fuzz.rs`
/// checks it): a model and evidence behind "affected" and "not affected",
/// next steps and cautions with "unknown".
pub fn assert_well_formed(v: &Verdict) {
    match v.verdict {
        VerdictKind::Affected | VerdictKind::NotAffected => {
            assert!(v.model.is_some() && !v.evidence.is_empty(), "{v:?}");
        }
        VerdictKind::Unknown => {
            assert!(v.model.is_none(), "{v:?}");
            assert!(!v.next_steps.is_empty() && !v.cautions.is_empty(), "{v:?}");
        }
    }
}
