//! The doctor card (`monitor-check-doctor.json`) a patient's app opens:
//! `Doctor::from_card`. A card read writes out and reads back the same, and
//! so does its QR code.
#![no_main]

use libfuzzer_sys::fuzz_target;
use monitor_check::leaflet::Doctor;

fuzz_target!(|data: &[u8]| {
    if let Ok(doctor) = Doctor::from_card(data) {
        assert_eq!(Doctor::from_card(&doctor.card_json()).as_ref(), Ok(&doctor));
        assert_eq!(
            Doctor::from_qr_text(&doctor.qr_text()).as_ref(),
            Some(&doctor)
        );
    }
});
