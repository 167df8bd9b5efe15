//! The text of the leaflet's QR code read back from a photo (a MECARD):
//! `Doctor::from_qr_text`. A doctor read writes out and reads back the same.
#![no_main]

use libfuzzer_sys::fuzz_target;
use monitor_check::leaflet::Doctor;

fuzz_target!(|text: &str| {
    if let Some(doctor) = Doctor::from_qr_text(text) {
        assert_eq!(
            Doctor::from_qr_text(&doctor.qr_text()).as_ref(),
            Some(&doctor)
        );
        assert_eq!(Doctor::from_card(&doctor.card_json()).as_ref(), Ok(&doctor));
    }
});
