use super::*;
use crate::catalog::Catalog;
use crate::notice::{Notice, NoticeForm};

const AT: &str = "2026-11-30T10:00:00+01:00";

fn notice(text: &str, serial: &str, at: &str) -> Notice {
    let catalog = Catalog::bundled();
    let verdict = crate::identify::identify_text(&catalog, text).unwrap();
    let mut form = NoticeForm::default();
    form.prefill(&verdict, &catalog);
    form.device.serial = serial.to_owned();
    form.patient_initials = "G.V.".to_owned();
    form.sender_name = "Anna".to_owned();
    let at: jiff::Zoned = format!("{at}[Europe/Rome]").parse().unwrap();
    Notice::new(form, &verdict, &catalog, at, "0.1.0", Vec::new())
}

fn found(notice: &Notice) -> Found {
    Found {
        origin: "test".to_owned(),
        result: Ok(NoticeData::from_notice(notice, Lang::En)),
    }
}

use crate::i18n::Lang;

fn register() -> (tempfile::TempDir, Register) {
    let dir = tempfile::tempdir().unwrap();
    let r = Register::open_in(dir.path()).unwrap();
    (dir, r)
}

#[test]
fn a_notice_is_added_once_and_a_second_for_the_serial_updates_it() {
    let (_dir, mut r) = register();
    let first = notice("CMS8000", "SN-1", "2026-11-01T09:00:00+01:00");
    let s = r.import(vec![found(&first), found(&first)], AT).unwrap();
    assert_eq!((s.added, s.updated, s.already_there), (1, 0, 1));
    let device = device_key("SN-1", &first.id);
    r.set_status(&device, Status::Contacted, AT).unwrap();
    r.set_note(&device, "called on Monday", AT).unwrap();

    let mut second = notice("CMS8000", "sn 1", "2026-11-20T09:00:00+01:00");
    second
        .form
        .set_tamper_answer(TamperSign::UnexpectedRestart, Answer::Yes);
    let s = r.import(vec![found(&second)], AT).unwrap();
    assert_eq!((s.added, s.updated, s.already_there), (0, 1, 0));

    let entries = r.entries().unwrap();
    assert_eq!(entries.len(), 1, "one patient's monitor, not two");
    let e = &entries[0];
    assert_eq!(e.notices, 2);
    assert_eq!(e.notice_id, second.id, "the newest notice describes it");
    assert!(e.incident);
    assert_eq!(e.signs_seen, [TamperSign::UnexpectedRestart]);
    assert_eq!(e.status, Status::Contacted, "the doctor's status stays");
    assert_eq!(e.note, "called on Monday");
    assert_eq!(r.notice_count().unwrap(), 2);
    assert_eq!(r.notices_of(&device).unwrap()[0].notice_id, second.id);
}

#[test]
fn the_same_notice_sent_again_with_changes_replaces_its_copy() {
    let (_dir, mut r) = register();
    let mut n = notice("CMS8000", "SN-9", "2026-11-01T09:00:00+01:00");
    r.import(vec![found(&n)], AT).unwrap();
    n.form.actions.still_used_locally = Answer::No;
    let s = r.import(vec![found(&n)], AT).unwrap();
    assert_eq!((s.added, s.updated, s.already_there), (0, 1, 0));
    assert_eq!(r.notice_count().unwrap(), 1);
    assert_eq!(r.entries().unwrap()[0].still_used, Answer::No);
}

#[test]
fn notices_without_a_serial_are_each_their_own_device() {
    let (_dir, mut r) = register();
    let a = notice("CMS8000", "", AT);
    let b = notice("CMS8000", " ", AT);
    let s = r.import(vec![found(&a), found(&b)], AT).unwrap();
    assert_eq!(s.added, 2);
    assert_eq!(r.entries().unwrap().len(), 2);
}

#[test]
fn refused_files_are_counted_and_change_nothing() {
    let (_dir, mut r) = register();
    let s = r
        .import(
            vec![Found {
                origin: "letter.txt".to_owned(),
                result: Err(Refusal::Unknown),
            }],
            AT,
        )
        .unwrap();
    assert_eq!(s.refused.len(), 1);
    assert_eq!(r.notice_count().unwrap(), 0);
}

#[test]
fn affected_and_incidents_come_first_and_filters_apply() {
    let (_dir, mut r) = register();
    let unknown = notice("Contec", "U-1", "2026-11-03T09:00:00+01:00");
    let not_affected = notice("CMS50D", "N-1", "2026-11-04T09:00:00+01:00");
    let affected = notice("CMS8000", "A-1", "2026-11-01T09:00:00+01:00");
    let mut incident = notice("CMS8000", "I-1", "2026-11-02T09:00:00+01:00");
    incident
        .form
        .set_tamper_answer(TamperSign::SettingsChanged, Answer::Yes);
    r.import(
        [&unknown, &not_affected, &affected, &incident]
            .map(found)
            .into(),
        AT,
    )
    .unwrap();
    let entries = r.entries().unwrap();
    let order: Vec<&str> = select(&entries, &Filter::default(), Sort::Priority)
        .iter()
        .map(|e| e.serial.as_str())
        .collect();
    assert_eq!(order, ["I-1", "A-1", "U-1", "N-1"]);

    let only_incidents = Filter {
        incidents_only: true,
        ..Filter::default()
    };
    assert_eq!(select(&entries, &only_incidents, Sort::Priority).len(), 1);
    let affected_only = Filter {
        verdict: Some(VerdictKind::Affected),
        ..Filter::default()
    };
    assert_eq!(select(&entries, &affected_only, Sort::Priority).len(), 2);
    r.set_status(&device_key("A-1", ""), Status::DeviceReplaced, AT)
        .unwrap();
    let entries = r.entries().unwrap();
    let replaced = Filter {
        status: Some(Status::DeviceReplaced),
        ..Filter::default()
    };
    let rows = select(&entries, &replaced, Sort::Priority);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].serial, "A-1");
}

#[test]
fn a_status_for_a_device_that_is_not_there_is_an_error() {
    let (_dir, mut r) = register();
    assert!(matches!(
        r.set_status("serial:NOPE", Status::Contacted, AT),
        Err(RegisterError::NoSuchDevice(_))
    ));
}

#[test]
fn a_register_from_a_newer_version_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(FILE_NAME);
    {
        let c = Connection::open(&path).unwrap();
        c.execute_batch("CREATE TABLE future (x); PRAGMA user_version = 99;")
            .unwrap();
    }
    let err = Register::open(&path).unwrap_err();
    assert!(
        matches!(err, RegisterError::Newer { found: 99, .. }),
        "{err}"
    );
    let c = Connection::open(&path).unwrap();
    let v: i64 = c
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(v, 99);
}

/// A register written by version 1 (one table, the status on each notice)
/// opens with its rows, the newest notice's status kept per device.
#[test]
fn a_version_1_register_is_brought_up_to_date() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(FILE_NAME);
    {
        let c = Connection::open(&path).unwrap();
        c.execute_batch(include_str!("../../tests/fixtures/register-v1.sql"))
            .unwrap();
    }
    let r = Register::open(&path).unwrap();
    let entries = r.entries().unwrap();
    assert_eq!(r.notice_count().unwrap(), 3);
    assert_eq!(
        entries.len(),
        2,
        "two notices for one serial are one device"
    );
    let twice = entries.iter().find(|e| e.notices == 2).unwrap();
    assert_eq!(twice.status, Status::Reported, "the newest notice's status");
    assert_eq!(twice.note, "reported 28 Nov");
    assert!(twice.incident);
    let once = entries.iter().find(|e| e.notices == 1).unwrap();
    assert_eq!(once.status, Status::ToContact);
    for e in &entries {
        assert_eq!(r.notices_of(&e.device).unwrap().len(), e.notices);
    }
    drop(r);
    // Opening again finds it current and changes nothing.
    let r = Register::open(&path).unwrap();
    assert_eq!(r.entries().unwrap().len(), 2);
}

#[test]
fn files_of_each_kind_give_their_notice_or_a_reason() {
    let n = notice("CMS8000", "SN-5", AT);
    let data = NoticeData::from_notice(&n, Lang::It);
    let pdf = crate::notice::render_pdf(&n, Lang::It, &[]).unwrap();
    let eml = crate::notice::render_eml(&n, Lang::It, &pdf, &[]).unwrap();
    for (kind, bytes) in [
        ("json", data.to_json()),
        ("pdf", pdf.clone()),
        ("eml", eml.clone()),
    ] {
        let got = read_bytes(&bytes);
        assert_eq!(got.len(), 1, "{kind}");
        assert_eq!(got[0].as_ref().unwrap(), &data, "{kind}");
    }
    let plain_mail = b"From: a@example.org\r\nSubject: hello\r\n\r\nJust a letter.\r\n";
    assert!(matches!(
        read_bytes(plain_mail)[0],
        Err(Refusal::MailWithoutData)
    ));
    assert!(matches!(
        read_bytes(b"\x89PNG\r\n")[0],
        Err(Refusal::Unknown)
    ));
    let other_pdf = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n";
    assert!(matches!(
        read_bytes(other_pdf)[0],
        Err(Refusal::PdfWithoutData | Refusal::BadPdf(_))
    ));
    let mut newer = serde_json::to_value(&data).unwrap();
    newer["schema_version"] = 2.into();
    let newer = serde_json::to_vec(&newer).unwrap();
    let got = read_bytes(&newer);
    assert!(matches!(&got[0], Err(r) if is_newer(r)), "{:?}", got[0]);
}

#[test]
fn an_mbox_gives_each_message_and_a_truncated_last_one_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let a = notice("CMS8000", "M-1", AT);
    let b = notice("CMS6000", "M-2", AT);
    let eml = |n: &Notice| crate::notice::render_eml(n, Lang::En, b"%PDF-1.7", &[]).unwrap();
    let mut mbox = Vec::new();
    for message in [
        eml(&a),
        b"From: x@example.org\r\nSubject: hi\r\n\r\nhello\r\n".to_vec(),
        eml(&b),
    ] {
        mbox.extend_from_slice(b"From MAILER-DAEMON Mon Nov 30 10:00:00 2026\n");
        mbox.extend_from_slice(&message);
        mbox.extend_from_slice(b"\n");
    }
    let whole = dir.path().join("inbox.mbox");
    std::fs::write(&whole, &mbox).unwrap();
    let got = read_paths(std::slice::from_ref(&whole));
    assert_eq!(got.len(), 3);
    assert_eq!(got[0].result.as_ref().unwrap().notice_id, a.id);
    assert!(matches!(got[1].result, Err(Refusal::MailWithoutData)));
    assert!(got[1].origin.ends_with("message 2"), "{}", got[1].origin);
    assert_eq!(got[2].result.as_ref().unwrap().notice_id, b.id);

    // Cut in the middle of the last message's JSON attachment.
    let cut_at = mbox.len() - eml(&b).len() / 3;
    let cut = dir.path().join("cut.mbox");
    std::fs::write(&cut, &mbox[..cut_at]).unwrap();
    let got = read_paths(&[cut]);
    assert_eq!(got.len(), 3);
    assert!(got[0].result.is_ok());
    assert!(got[2].result.is_err(), "{:?}", got[2].result);
}

#[test]
fn a_folder_is_walked_and_a_huge_file_is_refused_unread() {
    let dir = tempfile::tempdir().unwrap();
    let n = notice("CMS8000", "F-1", AT);
    std::fs::write(
        dir.path().join("a.json"),
        NoticeData::from_notice(&n, Lang::En).to_json(),
    )
    .unwrap();
    let huge = std::fs::File::create(dir.path().join("b.eml")).unwrap();
    huge.set_len(200 * 1024 * 1024).unwrap();
    std::fs::write(dir.path().join(".hidden.json"), b"{").unwrap();
    let got = read_paths(&[dir.path().to_path_buf()]);
    assert_eq!(got.len(), 2, "{got:?}");
    assert!(got[0].result.is_ok());
    assert!(
        matches!(&got[1].result, Err(Refusal::File(FsError::TooLarge { .. }))),
        "{:?}",
        got[1].result
    );
}

use crate::fsutil::FsError;

#[test]
fn the_csv_leaves_names_out_when_asked_and_quotes_what_it_must() {
    let (_dir, mut r) = register();
    let mut n = notice("CMS8000", "C-1", AT);
    n.form.patient_initials = "=HYPERLINK(\"x\")".to_owned();
    r.import(vec![found(&n)], AT).unwrap();
    r.set_note(&device_key("C-1", ""), "rang, no answer", AT)
        .unwrap();
    let entries = r.entries().unwrap();
    let rows = select(&entries, &Filter::default(), Sort::Priority);
    let with = String::from_utf8(export::csv(&rows, export::CsvOptions { names: true })).unwrap();
    let mut lines = with.trim_start_matches('\u{feff}').lines();
    assert!(lines.next().unwrap().starts_with("patient,sender,received"));
    let row = lines.next().unwrap();
    assert!(row.starts_with("\"'=HYPERLINK(\"\"x\"\")\",Anna,"), "{row}");
    assert!(row.contains("\"rang, no answer\""), "{row}");
    let without =
        String::from_utf8(export::csv(&rows, export::CsvOptions { names: false })).unwrap();
    assert!(!without.contains("HYPERLINK") && !without.contains("Anna"));
    assert!(
        !without.contains("rang"),
        "the doctor's notes may name people"
    );
    assert!(without.contains("C-1,affected,no"), "{without}");
}

#[test]
fn the_summary_counts_by_verdict_and_lists_incidents() {
    let (_dir, mut r) = register();
    let mut incident = notice("CMS8000", "I-9", AT);
    incident
        .form
        .set_tamper_answer(TamperSign::NetworkTurnedOn, Answer::Yes);
    r.import(
        vec![found(&incident), found(&notice("CMS50D", "N-9", AT))],
        AT,
    )
    .unwrap();
    let entries = r.entries().unwrap();
    let rows = select(&entries, &Filter::default(), Sort::Priority);
    let c = export::Counts::of(&rows);
    assert_eq!(
        (
            c.devices,
            c.affected,
            c.not_affected,
            c.unknown,
            c.incidents,
            c.to_contact
        ),
        (2, 1, 1, 0, 1, 1)
    );
    let at: jiff::Zoned = "2026-12-01T09:00:00+01:00[Europe/Rome]".parse().unwrap();
    let doc = export::summary_doc(&rows, Lang::En, &at, false);
    let text = format!("{doc:?}");
    assert!(text.contains("I-9"), "{text}");
    assert!(!text.contains("G.V."), "names left out");
    let pdf = export::summary_pdf(&rows, Lang::It, &at, true).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
}

#[test]
fn the_report_text_is_the_notice_as_it_was_written() {
    let catalog = Catalog::bundled();
    let first = notice("CMS8000", "R-1", AT);
    let mut form = first.form.clone();
    form.set_tamper_answer(TamperSign::ReadingsMismatch, Answer::Yes);
    // Built with the sign seen, so it cites what an incident cites.
    let n = Notice::new(
        form,
        &first.verdict,
        &catalog,
        first.checked_at.clone(),
        "0.1.0",
        Vec::new(),
    );
    let data = NoticeData::from_notice(&n, Lang::It);
    let report = export::report_text(&data, &catalog);
    assert_eq!(
        Some(report.clone()),
        crate::notice::render_incident_text(&n, Lang::It)
    );
    // The report's data, under the notice's title; not the whole notice.
    assert!(
        report.contains("R-1") && report.contains("G.V."),
        "{report}"
    );
    assert!(report.len() < crate::notice::render_text(&n, Lang::It).len() / 2);
    // A notice with no incident is shown whole.
    let quiet = notice("CMS8000", "Q-1", AT);
    let data = NoticeData::from_notice(&quiet, Lang::En);
    assert_eq!(
        export::report_text(&data, &catalog),
        crate::notice::render_text(&quiet, Lang::En)
    );
}

/// A notice sent again with a corrected serial moves to that monitor and
/// leaves no empty row behind.
#[test]
fn a_corrected_serial_moves_the_notice_and_leaves_no_empty_device() {
    let (_dir, mut r) = register();
    let mut n = notice("CMS8000", "OLD-1", AT);
    r.import(vec![found(&n)], AT).unwrap();
    n.form.device.serial = "NEW-1".to_owned();
    let s = r.import(vec![found(&n)], AT).unwrap();
    assert_eq!(s.updated, 1);
    let entries = r.entries().unwrap();
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].serial, "NEW-1");
    let devices: i64 = r
        .conn
        .query_row("SELECT count(*) FROM devices", [], |row| row.get(0))
        .unwrap();
    assert_eq!(devices, 1);
}

// Every reader is bounded (issue 21): each cap is passed by a file made
// for it, and the read stops there.

#[path = "../../tests/common/bombs.rs"]
mod bombs;

use bombs::MIB;

/// A notice's data, as JSON.
fn notice_json() -> Vec<u8> {
    NoticeData::from_notice(&notice("CMS8000", "B-1", AT), Lang::En).to_json()
}

/// Runs `f` on a thread of its own, failing after `seconds` (a reader that
/// hangs fails the test instead of hanging it).
fn within<T: Send + 'static>(seconds: u64, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::Builder::new()
        .name("bounded-reader".to_owned())
        .spawn(move || tx.send(f()))
        .unwrap();
    rx.recv_timeout(std::time::Duration::from_secs(seconds))
        .expect("the reader finished in time")
}

#[test]
fn a_flate_bomb_embedded_in_a_pdf_is_refused_as_soon_as_it_passes_the_data_cap() {
    let bomb = bombs::zlib_zeros(b"", 2048 * MIB);
    assert!(bomb.len() < 3 * 1024 * 1024, "{}", bomb.len());
    let pdf = bombs::notice_pdf("/Filter /FlateDecode", &bomb);
    let started = std::time::Instant::now();
    let got = within(60, move || read_bytes(&pdf));
    assert!(matches!(got[..], [Err(Refusal::DataTooLarge)]), "{got:?}");
    // Unpacking 2 GiB takes seconds; stopping at 1 MiB, milliseconds.
    assert!(started.elapsed().as_secs() < 5, "{:?}", started.elapsed());
    // The same PDF with the real data, packed the same way, is read.
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    std::io::Write::write_all(&mut z, &notice_json()).unwrap();
    let pdf = bombs::notice_pdf("/Filter /FlateDecode", &z.finish().unwrap());
    assert!(matches!(read_bytes(&pdf)[..], [Ok(_)]));
}

#[test]
fn a_flate_bomb_in_an_object_stream_is_never_unpacked() {
    let json = notice_json();
    let pdf = bombs::object_stream_pdf(2048 * MIB, Some(&json));
    let got = within(60, move || read_bytes(&pdf));
    assert!(
        matches!(&got[..], [Ok(data)] if data.form.device.serial == "B-1"),
        "{got:?}"
    );
    let pdf = bombs::object_stream_pdf(2048 * MIB, None);
    let got = within(60, move || read_bytes(&pdf));
    assert!(matches!(got[..], [Err(Refusal::PdfWithoutData)]), "{got:?}");
}

#[test]
fn a_pdf_with_more_streams_than_any_notice_is_not_read_further() {
    let streams = vec![bombs::stream("", b"x"); extract::pdf::MAX_STREAMS + 1];
    let mut objects = vec![b"<< /Type /Catalog >>".to_vec()];
    objects.extend(streams);
    let got = read_bytes(&bombs::pdf(&objects));
    assert!(matches!(got[..], [Err(Refusal::PdfTooComplex)]), "{got:?}");
    assert!(
        got[0]
            .as_ref()
            .unwrap_err()
            .to_string()
            .starts_with("it is a PDF, but with more parts")
    );
}

#[test]
fn an_e_mail_of_endless_header_lines_is_refused_unparsed() {
    let mut mail = b"From: a@example.org\n".to_vec();
    mail.extend(b"a:b\n".repeat(1024 * 1024 / 4));
    mail.extend_from_slice(b"\nbody\n");
    let got = within(60, move || read_bytes(&mail));
    assert!(matches!(got[..], [Err(Refusal::MailTooComplex)]), "{got:?}");
}

#[test]
fn an_e_mail_larger_than_the_cap_is_refused_from_its_size_unread() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.eml");
    let file = std::fs::File::create(&path).unwrap();
    std::io::Write::write_all(&mut &file, b"From: a@example.org\n\n").unwrap();
    file.set_len(extract::MAX_FILE_BYTES + 1).unwrap();
    let got = read_paths(std::slice::from_ref(&path));
    assert!(
        matches!(&got[..], [Found { result: Err(Refusal::File(FsError::TooLarge { max_bytes, .. })), .. }]
            if *max_bytes == extract::MAX_FILE_BYTES),
        "{got:?}"
    );
    // A notice e-mail just under the cap, a large photo attached, is read.
    let n = notice("CMS8000", "E-1", AT);
    let pdf = crate::notice::render_pdf(&n, Lang::En, &[]).unwrap();
    let eml = crate::notice::render_eml(&n, Lang::En, &pdf, &[]).unwrap();
    let text = String::from_utf8(eml).unwrap();
    let boundary = text.split("boundary=\"").nth(1).unwrap();
    let boundary = &boundary[..boundary.find('"').unwrap()];
    let closing = text.rfind(&format!("--{boundary}--")).unwrap();
    let mut photo = format!(
        "--{boundary}\r\nContent-Type: image/jpeg\r\nContent-Disposition: attachment; \
         filename=\"huge.jpg\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
    );
    let line = format!("{}\r\n", "A".repeat(76));
    let cap = usize::try_from(extract::MAX_FILE_BYTES).unwrap();
    photo.push_str(&line.repeat((cap - text.len() - photo.len()) / line.len()));
    let big = [&text[..closing], &photo, &text[closing..]].concat();
    assert!(big.len() <= cap && big.len() > cap - 100, "{}", big.len());
    std::fs::write(&path, &big).unwrap();
    let got = read_paths(&[path]);
    assert!(
        matches!(&got[..], [Found { result: Ok(d), .. }] if d.notice_id == n.id),
        "{got:?}"
    );
}

/// The walk over an e-mail's parts reads what mail programs write besides
/// this app's own form: a folded boundary, quoted-printable, an RFC 2231
/// file name.
#[test]
fn a_notice_attached_quoted_printable_with_an_encoded_name_is_read() {
    let json = notice_json();
    let mut qp = String::new();
    let mut column = 0;
    for &b in &json {
        if b == b'\n' {
            qp.push_str("\r\n");
            column = 0;
            continue;
        }
        let piece = if b == b'=' || !(b' '..=b'~').contains(&b) {
            format!("={b:02X}")
        } else {
            char::from(b).to_string()
        };
        if column + piece.len() > 72 {
            qp.push_str("=\r\n");
            column = 0;
        }
        column += piece.len();
        qp.push_str(&piece);
    }
    let mail = format!(
        "From: a@example.org\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed;\r\n \
         boundary=\"=_x\"\r\n\r\n--=_x\r\nContent-Type: text/plain\r\n\r\nhello\r\n--=_x\r\n\
         Content-Type: application/json\r\nContent-Disposition: attachment;\r\n \
         filename*=UTF-8''monitor-check-notice.json\r\n\
         Content-Transfer-Encoding: Quoted-Printable\r\n\r\n{qp}\r\n--=_x--\r\n"
    );
    let got = read_bytes(mail.as_bytes());
    assert!(
        matches!(&got[..], [Ok(d)] if d.form.device.serial == "B-1"),
        "{got:?}"
    );
}

#[test]
fn an_endless_mbox_message_is_refused_at_the_cap_and_the_next_one_read() {
    let dir = tempfile::tempdir().unwrap();
    let n = notice("CMS8000", "M-9", AT);
    let eml = crate::notice::render_eml(&n, Lang::En, b"%PDF-1.7", &[]).unwrap();
    let cap = usize::try_from(extract::MAX_FILE_BYTES).unwrap();
    let line = [&[b'x'; 75][..], b"\n"].concat();
    for (name, endless) in [
        ("lines.mbox", line.repeat(cap / line.len() + 2)),
        ("one-line.mbox", vec![b'y'; cap + 100]),
    ] {
        let mut mbox =
            b"From MAILER-DAEMON Mon Nov 30 10:00:00 2026\nSubject: endless\n\n".to_vec();
        mbox.extend_from_slice(&endless);
        mbox.extend_from_slice(b"\n\nFrom MAILER-DAEMON Mon Nov 30 10:00:00 2026\n");
        mbox.extend_from_slice(&eml);
        let path = dir.path().join(name);
        std::fs::write(&path, &mbox).unwrap();
        let got = within(60, move || read_paths(&[path]));
        assert_eq!(got.len(), 2, "{name}: {got:?}");
        assert!(
            matches!(got[0].result, Err(Refusal::MessageTooLarge)),
            "{name}: {got:?}"
        );
        assert!(
            matches!(&got[1].result, Ok(d) if d.notice_id == n.id),
            "{name}: {got:?}"
        );
    }
}

#[test]
fn deeply_nested_json_is_refused_cleanly_on_an_ordinary_thread() {
    let depth = data::MAX_BYTES / 6;
    let mut json = b"{\"a\":".repeat(depth);
    json.push(b'0');
    json.extend(b"}".repeat(depth));
    assert!(json.len() <= data::MAX_BYTES);
    // A thread with the stack the app's job threads get (2 MiB).
    let got = std::thread::Builder::new()
        .name("register".to_owned())
        .stack_size(2 * 1024 * 1024)
        .spawn(move || read_bytes(&json))
        .unwrap()
        .join()
        .unwrap();
    assert!(
        matches!(&got[..], [Err(Refusal::Data(DataError::NotJson(why)))] if why.contains("recursion limit")),
        "{got:?}"
    );
}

#[test]
fn links_back_into_a_folder_walk_it_once() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.json"), notice_json()).unwrap();
    #[cfg(unix)]
    for i in 0..3 {
        std::os::unix::fs::symlink(".", dir.path().join(format!("loop{i}"))).unwrap();
    }
    let path = dir.path().to_path_buf();
    let got = within(60, move || read_paths(&[path.clone(), path]));
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].result.is_ok());
}

#[cfg(unix)]
#[test]
fn a_pipe_in_a_folder_is_passed_over() {
    let dir = tempfile::tempdir().unwrap();
    let pipe = dir.path().join("pipe.json");
    let made = std::process::Command::new("mkfifo")
        .arg(&pipe)
        .status()
        .unwrap();
    assert!(made.success());
    std::fs::write(dir.path().join("b.json"), notice_json()).unwrap();
    let path = dir.path().to_path_buf();
    let got = within(20, move || read_paths(&[path]));
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].origin.ends_with("b.json"), "{got:?}");
}

#[test]
fn one_import_reads_a_bounded_number_of_files_and_messages() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("many.mbox");
    let message = b"From x Mon Nov 30 10:00:00 2026\nSubject: hi\n\nhello\n\n";
    std::fs::write(&path, message.repeat(extract::MAX_ITEMS + 10)).unwrap();
    let got = within(120, move || read_paths(&[path]));
    assert_eq!(got.len(), extract::MAX_ITEMS, "{}", got.len());
    let last = got.last().unwrap();
    assert!(matches!(last.result, Err(Refusal::TooMany)), "{last:?}");
    assert!(
        last.result
            .as_ref()
            .unwrap_err()
            .to_string()
            .contains("smaller batches")
    );
}

use crate::notice::data;
