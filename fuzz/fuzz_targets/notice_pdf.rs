//! A received file that starts as a PDF: `register::read_bytes` (the
//! one-pass stream scanner, then the embedded notice data). Seeds are notice PDFs.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    monitor_check_fuzz::use_found(monitor_check::register::read_bytes(data));
});
