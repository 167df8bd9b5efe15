//! A received file that starts as an e-mail: `register::read_bytes`
//! (mail-parser, attachments, forwarded messages, then the notice data).
//! Seeds are notice e-mails, one forwarded.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    monitor_check_fuzz::use_found(monitor_check::register::read_bytes(data));
});
