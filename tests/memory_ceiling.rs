//! Every reader of the register is bounded (issue 21): the real binary
//! imports files made to cost far more than their size (decompression
//! bombs, endless messages, deep or wide JSON, a folder of thousands of
//! files), and must refuse each in plain words, quickly, with its peak
//! memory under 256 MB. The peak is the child's largest resident set, as
//! the kernel reports it to `wait4` when the child ends.
//!
//! `cargo test --test memory_ceiling -- --nocapture` prints each figure.

#![cfg(target_os = "linux")]
#![expect(
    clippy::unwrap_used,
    reason = "a failed step should stop the test right there"
)]

#[path = "common/bombs.rs"]
mod bombs;

use std::ffi::OsStr;
use std::fs::File;
use std::io::{BufWriter, Write as _};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use bombs::MIB;

/// The ceiling: 256 MB, in the KiB `wait4` counts in.
const CEILING_KIB: i64 = 256_000_000 / 1024;

/// How long one import may take, in a debug build on a busy machine.
const TIME_LIMIT: Duration = Duration::from_secs(30);

/// What one run of the binary did.
struct Run {
    /// Its exit code.
    code: i32,
    /// What it wrote to standard error.
    stderr: String,
    /// Its peak resident memory, in KiB.
    peak_kib: i64,
    /// How long it ran.
    took: Duration,
}

/// Set, with the binary's arguments (one per line), when this test binary
/// is started as the spawner of [`run`].
const SPAWN_ARGS: &str = "MEMORY_CEILING_ARGS";
/// The folder the spawner works in.
const SPAWN_DIR: &str = "MEMORY_CEILING_DIR";

/// Runs the binary with `args` and a throwaway data folder inside `dir`.
///
/// The kernel counts into a program's peak memory the peak of the process
/// that started it (what the child held before it became the program), and
/// this test process grows as it builds files. So the binary is started by
/// a fresh copy of this test binary, running only
/// [`spawner_of_the_measured_runs`], which reaps it with `wait4` and
/// writes down what it did.
fn run(dir: &Path, args: &[&OsStr]) -> Run {
    let args: Vec<&str> = args.iter().map(|a| a.to_str().unwrap()).collect();
    let spawner = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "spawner_of_the_measured_runs",
            "--test-threads=1",
        ])
        .env(SPAWN_ARGS, args.join("\n"))
        .env(SPAWN_DIR, dir)
        .stdout(Stdio::null())
        .status()
        .unwrap();
    assert!(spawner.success(), "the spawner failed");
    let figures = std::fs::read_to_string(dir.join("run.txt")).unwrap();
    let [code, peak_kib, micros] = figures
        .split_whitespace()
        .map(|n| n.parse::<i64>().unwrap())
        .collect::<Vec<_>>()[..]
    else {
        panic!("{figures}");
    };
    Run {
        code: i32::try_from(code).unwrap(),
        stderr: std::fs::read_to_string(dir.join("stderr.txt")).unwrap(),
        peak_kib,
        took: Duration::from_micros(u64::try_from(micros).unwrap()),
    }
}

/// Not a test of its own: when [`run`] starts this binary with
/// [`SPAWN_ARGS`] set, runs the monitor-check binary with those arguments
/// and writes its exit code, peak memory (KiB) and time (µs) to `run.txt`
/// in [`SPAWN_DIR`], its standard error to `stderr.txt`.
#[test]
#[expect(
    unsafe_code,
    reason = "wait4 is the way to read a child's peak memory; std does not give it"
)]
fn spawner_of_the_measured_runs() {
    let (Some(args), Some(dir)) = (std::env::var_os(SPAWN_ARGS), std::env::var_os(SPAWN_DIR))
    else {
        return;
    };
    let dir = Path::new(&dir);
    let args = args.into_string().unwrap();
    let started = Instant::now();
    #[expect(
        clippy::zombie_processes,
        reason = "reaped by wait4 below, which also gives its peak memory"
    )]
    let child = Command::new(env!("CARGO_BIN_EXE_monitor-check"))
        .env("MONITOR_CHECK_DATA_DIR", dir.join("data"))
        .args(args.split('\n'))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(File::create(dir.join("stderr.txt")).unwrap())
        .spawn()
        .unwrap();
    let pid = libc::pid_t::try_from(child.id()).unwrap();
    let mut status = 0;
    let mut usage = std::mem::MaybeUninit::<libc::rusage>::zeroed();
    // SAFETY: `pid` is our child, not yet reaped (`child` is never waited
    // on); `status` and `usage` are valid for writes.
    let reaped = unsafe { libc::wait4(pid, &raw mut status, 0, usage.as_mut_ptr()) };
    let took = started.elapsed();
    assert_eq!(reaped, pid, "wait4: {}", std::io::Error::last_os_error());
    // SAFETY: wait4 succeeded, so it filled `usage` in.
    let usage = unsafe { usage.assume_init() };
    assert!(libc::WIFEXITED(status), "the binary was killed: {status}");
    std::fs::write(
        dir.join("run.txt"),
        format!(
            "{} {} {}",
            libc::WEXITSTATUS(status),
            usage.ru_maxrss,
            took.as_micros()
        ),
    )
    .unwrap();
}

/// Imports `target` into a fresh register and checks the ceilings; gives
/// the run for the caller's own checks of what was said.
fn import(dir: &Path, what: &str, target: &Path) -> Run {
    let run = run(
        dir,
        &["register".as_ref(), "import".as_ref(), target.as_os_str()],
    );
    eprintln!(
        "{what}: peak {} KiB ({} MB), {:.2} s, exit {}\n  {}",
        run.peak_kib,
        run.peak_kib * 1024 / 1_000_000,
        run.took.as_secs_f64(),
        run.code,
        run.stderr.lines().take(2).collect::<Vec<_>>().join("\n  ")
    );
    assert!(
        run.peak_kib < CEILING_KIB,
        "{what}: peak {} KiB, over the {CEILING_KIB} KiB ceiling",
        run.peak_kib
    );
    assert!(run.took < TIME_LIMIT, "{what}: took {:?}", run.took);
    run
}

/// Checks that the one file imported was refused, for `why`.
fn refused(run: &Run, why: &str) {
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("0 added, 0 updated, 0 already there, 1 refused"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains(why), "not {why:?}: {}", run.stderr);
}

/// A real notice's data, written by the binary.
fn notice_json(dir: &Path) -> Vec<u8> {
    let path = dir.join("notice.json");
    let mut args: Vec<&OsStr> = [
        "notice", "--format", "json", "--text", "CMS8000", "--serial", "MC-1", "-o",
    ]
    .map(OsStr::new)
    .to_vec();
    args.push(path.as_os_str());
    let written = run(dir, &args);
    assert_eq!(written.code, 0, "{}", written.stderr);
    std::fs::read(path).unwrap()
}

/// Writes `size` bytes of `line` repeated (the last one cut) after `head`.
fn write_repeated(path: &Path, head: &[u8], line: &[u8], size: u64) {
    let mut out = BufWriter::new(File::create(path).unwrap());
    out.write_all(head).unwrap();
    let block = line.repeat(usize::try_from(MIB).unwrap() / line.len());
    let mut written = 0;
    while written + block.len() as u64 <= size {
        out.write_all(&block).unwrap();
        written += block.len() as u64;
    }
    out.write_all(&block[..usize::try_from(size - written).unwrap()])
        .unwrap();
    out.flush().unwrap();
}

#[test]
fn a_pdf_whose_embedded_file_inflates_to_2_gib() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notice.pdf");
    let bomb = bombs::zlib_zeros(b"", 2048 * MIB);
    std::fs::write(&path, bombs::notice_pdf("/Filter /FlateDecode", &bomb)).unwrap();
    let run = import(dir.path(), "PDF, embedded file inflating to 2 GiB", &path);
    refused(&run, "its notice data unpacks to more than 1024 KiB");
}

#[test]
fn a_pdf_whose_object_stream_inflates_to_2_gib() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notice.pdf");
    std::fs::write(&path, bombs::object_stream_pdf(2048 * MIB, None)).unwrap();
    let run = import(dir.path(), "PDF, object stream inflating to 2 GiB", &path);
    refused(&run, "it is a PDF, but carries no notice data");
    // With a notice's data beside it, the notice is read: the object
    // stream is never unpacked.
    let json = notice_json(dir.path());
    std::fs::write(&path, bombs::object_stream_pdf(2048 * MIB, Some(&json))).unwrap();
    let run = import(
        dir.path(),
        "PDF, object stream inflating to 2 GiB, and a notice",
        &path,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("1 added"), "{}", run.stderr);
}

#[test]
fn a_pdf_of_one_20_mb_array() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("array.pdf");
    let mut array = b"[".to_vec();
    array.extend(b"0 ".repeat(10_000_000));
    array.push(b']');
    let pdf = bombs::pdf(&[
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [] /Count 0 >>".to_vec(),
        array,
        bombs::stream("/Type /EmbeddedFile", b"{}"),
    ]);
    std::fs::write(&path, pdf).unwrap();
    let run = import(dir.path(), "PDF, one 20 MB array of numbers", &path);
    refused(&run, "it is a PDF, but carries no notice data");
}

#[test]
fn json_nested_a_mebibyte_deep_or_a_mebibyte_wide() {
    let dir = tempfile::tempdir().unwrap();
    let deep = dir.path().join("deep.json");
    let depth = 1024 * 1024 / 6;
    let json = [b"{\"a\":".repeat(depth), b"0".to_vec(), b"}".repeat(depth)].concat();
    std::fs::write(&deep, json).unwrap();
    let run = import(dir.path(), "JSON, nested 1 MiB deep", &deep);
    refused(&run, "not JSON: recursion limit exceeded");
    let wide = dir.path().join("wide.json");
    let json = [
        &b"{\"a\": ["[..],
        &b"0,".repeat(1024 * 1024 / 2 - 8),
        b"0]}",
    ]
    .concat();
    std::fs::write(&wide, json).unwrap();
    let run = import(dir.path(), "JSON, 1 MiB wide", &wide);
    refused(&run, "it is not a notice written by Monitor Check");
}

#[test]
fn an_mbox_with_one_endless_message() {
    let dir = tempfile::tempdir().unwrap();
    let lines = dir.path().join("lines.mbox");
    let head = b"From MAILER-DAEMON Mon Nov 30 10:00:00 2026\nFrom: a@example.org\n\n";
    write_repeated(&lines, head, &[&[b'x'; 75][..], b"\n"].concat(), 200 * MIB);
    let run = import(dir.path(), "mbox, one message of 200 MB of lines", &lines);
    refused(&run, "message 1: the message is larger than 32 MB");
    std::fs::remove_file(&lines).unwrap();
    let one_line = dir.path().join("one-line.mbox");
    write_repeated(&one_line, head, b"y", 200 * MIB);
    let run = import(
        dir.path(),
        "mbox, one message of 200 MB, no line break",
        &one_line,
    );
    refused(&run, "message 1: the message is larger than 32 MB");
}

/// Writes an e-mail of `head`, a base64 attachment of about `size` bytes
/// (a part of the `b` multipart), then `tail`.
fn write_eml(path: &Path, head: &[u8], size: u64, tail: &[u8]) {
    let mut out = BufWriter::new(File::create(path).unwrap());
    out.write_all(head).unwrap();
    out.write_all(
        b"--b\r\nContent-Type: video/mp4\r\nContent-Disposition: attachment; \
          filename=\"video.mp4\"\r\nContent-Transfer-Encoding: base64\r\n\r\n",
    )
    .unwrap();
    let line = [&[b'Q'; 76][..], b"\r\n"].concat();
    for _ in 0..size * 4 / 3 / line.len() as u64 {
        out.write_all(&line).unwrap();
    }
    out.write_all(tail).unwrap();
    out.flush().unwrap();
}

#[test]
fn an_eml_with_a_60_mb_attachment_and_one_at_the_cap() {
    let dir = tempfile::tempdir().unwrap();
    let head = b"From: a@example.org\r\nSubject: the video\r\nMIME-Version: 1.0\r\n\
        Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\n\r\nhello\r\n";
    let path = dir.path().join("video.eml");
    write_eml(&path, head, 60 * MIB, b"--b--\r\n");
    let run = import(dir.path(), ".eml with a 60 MB attachment", &path);
    refused(&run, "is larger than 32 MiB");

    // A notice e-mail just under the cap: its data is read, the large
    // attachment beside it is never decoded.
    let json = notice_json(dir.path());
    let mut tail = b"--b\r\nContent-Type: application/json\r\nContent-Disposition: attachment; \
        filename=\"monitor-check-notice.json\"\r\n\r\n"
        .to_vec();
    tail.extend_from_slice(&json);
    tail.extend_from_slice(b"\r\n--b--\r\n");
    write_eml(&path, head, 23 * MIB, &tail);
    let size = std::fs::metadata(&path).unwrap().len();
    assert!(size <= 32 * MIB && size > 30 * MIB, "{size}");
    let run = import(dir.path(), ".eml of 31 MB at the cap, with a notice", &path);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("1 added"), "{}", run.stderr);
}

#[test]
fn an_eml_of_base64_forwards_nested_three_deep_at_the_cap() {
    let dir = tempfile::tempdir().unwrap();
    let json = notice_json(dir.path());
    // The notice e-mail, a 9 MB attachment beside its data.
    let mut mail = b"From: a@example.org\r\nMIME-Version: 1.0\r\n\
        Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
        .to_vec();
    let inner = dir.path().join("inner.eml");
    write_eml(&inner, b"", 9 * MIB, b"");
    mail.extend(std::fs::read(&inner).unwrap());
    mail.extend_from_slice(
        b"--b\r\nContent-Type: application/json\r\nContent-Disposition: attachment; \
          filename=\"monitor-check-notice.json\"\r\n\r\n",
    );
    mail.extend_from_slice(&json);
    mail.extend_from_slice(b"\r\n--b--\r\n");
    // Forwarded as an attachment, base64-encoded, three times over.
    for level in 0..3 {
        let mut outer = format!(
            "From: a@example.org\r\nMIME-Version: 1.0\r\n\
             Content-Type: multipart/mixed; boundary=\"f{level}\"\r\n\r\n--f{level}\r\n\
             Content-Type: message/rfc822\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        )
        .into_bytes();
        mail_builder::encoders::base64::base64_encode_mime(&mail, &mut outer, false).unwrap();
        outer.extend_from_slice(format!("\r\n--f{level}--\r\n").as_bytes());
        mail = outer;
    }
    let size = mail.len() as u64;
    assert!(size <= 32 * MIB && size > 28 * MIB, "{size}");
    let path = dir.path().join("forwarded.eml");
    std::fs::write(&path, mail).unwrap();
    let run = import(
        dir.path(),
        ".eml of 32 MB, forwarded three times in base64",
        &path,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("1 added"), "{}", run.stderr);
}

#[test]
fn an_eml_of_30_mb_of_header_lines() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("headers.eml");
    write_repeated(&path, b"From: a@example.org\n", b"a:b\n", 30 * MIB);
    let run = import(dir.path(), ".eml of 30 MB of header lines", &path);
    refused(
        &run,
        "with more parts or longer headers than any notice e-mail",
    );
}

#[test]
fn a_folder_of_10000_small_files_and_links_back_into_it() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("received");
    std::fs::create_dir(&folder).unwrap();
    let json = notice_json(dir.path());
    for i in 0..10_000 {
        let (name, bytes): (String, &[u8]) = match i % 5 {
            0 => (format!("{i:05}.json"), &json),
            1 => (format!("{i:05}.json"), b"{\"schema\": \"someone-else\"}"),
            2 => (format!("{i:05}.eml"), b"From: a@example.org\n\nhello\n"),
            3 => (format!("{i:05}.pdf"), b"%PDF-1.4\n%%EOF\n"),
            _ => (format!("{i:05}.txt"), b"a note"),
        };
        std::fs::write(folder.join(name), bytes).unwrap();
    }
    for i in 0..3 {
        std::os::unix::fs::symlink(".", folder.join(format!("again{i}"))).unwrap();
    }
    let run = import(dir.path(), "folder of 10,000 small files", &folder);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("1 added, 0 updated, 1999 already there, 8000 refused"),
        "{}",
        run.stderr.lines().next().unwrap_or_default()
    );
}
