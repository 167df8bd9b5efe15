//! A notice's JSON copy (`monitor-check-notice.json`), as the register
//! reads it from a file, an attachment or a PDF: `NoticeData::parse`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use monitor_check::notice::NoticeData;

fuzz_target!(|data: &[u8]| {
    if let Ok(notice) = NoticeData::parse(data) {
        monitor_check_fuzz::use_notice(&notice);
    }
});
