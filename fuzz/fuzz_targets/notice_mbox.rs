//! An mbox export, read as the register reads a received file: written to
//! a file and given to `register::read_paths`, which splits it message by
//! message when it starts with `From ` (the splitter is private).
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

/// One file per fuzzing process, rewritten for every input.
fn path() -> &'static PathBuf {
    static PATH: OnceLock<PathBuf> = OnceLock::new();
    PATH.get_or_init(|| {
        let dir = if std::path::Path::new("/dev/shm").is_dir() {
            PathBuf::from("/dev/shm")
        } else {
            std::env::temp_dir()
        };
        dir.join(format!("monitor-check-fuzz-{}.mbox", std::process::id()))
    })
}

fuzz_target!(|data: &[u8]| {
    let path = path();
    std::fs::write(path, data).expect("the input written to a file");
    let found = monitor_check::register::read_paths(std::slice::from_ref(path));
    monitor_check_fuzz::use_found(found.into_iter().map(|f| f.result).collect());
});
