//! Label text typed (or pasted) by the user, as the app and `identify
//! --text` take it: `photos::typed_reading` (blank is no text; anything
//! else must pass `identify::check_text`), then the matcher against the
//! bundled list.
#![no_main]

use libfuzzer_sys::fuzz_target;
use monitor_check::identify;
use monitor_check_fuzz::{assert_well_formed, catalog};

fuzz_target!(|text: &str| {
    match monitor_check::photos::typed_reading(text) {
        Ok(Some(reading)) => {
            assert!(
                identify::check_text(text).is_ok(),
                "a refused text became a reading"
            );
            assert_well_formed(&identify::identify_readings(catalog(), &[reading]));
        }
        Ok(None) => assert!(
            text.chars().all(|c| c.is_whitespace() || c == '\u{1D}'),
            "a text that is not blank was taken as none"
        ),
        Err(_) => assert!(identify::check_text(text).is_err()),
    }
});
