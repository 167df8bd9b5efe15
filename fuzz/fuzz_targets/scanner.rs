//! What a barcode scanner types at the pharmacy counter, handled as the
//! counter screen and `identify --scan` handle it: `identify::read_scan`,
//! then (a medicine pack aside) `check_text` and the matcher against the
//! bundled list, and the "read as …" sentence.
#![no_main]

use libfuzzer_sys::fuzz_target;
use monitor_check::i18n::Lang;
use monitor_check::identify::{self, MAX_TEXT_CHARS, Reading, ScanKind};
use monitor_check_fuzz::{assert_well_formed, catalog};

fuzz_target!(|raw: &str| {
    let Ok(scan) = identify::read_scan(raw) else {
        return;
    };
    assert!(
        scan.text.chars().count() <= MAX_TEXT_CHARS,
        "a scan read longer than the cap"
    );
    let _ = monitor_check::explain::scan_read_as(Lang::En, &scan);
    if scan.kind == ScanKind::MedicinePack || identify::check_text(&scan.text).is_err() {
        return;
    }
    let verdict = identify::identify_readings(catalog(), &[Reading::typed(scan.text)]);
    assert_well_formed(&verdict);
});
