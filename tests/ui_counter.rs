//! The pharmacy counter, driven with `egui_kittest` by label and by key as a
//! pharmacist (or a screen reader) would: scan or type, the large answer,
//! the sheet saved, *Next patient* leaving nothing of the last patient in
//! the data dir.

use std::path::Path;
use std::time::Duration;

use egui::Key;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use monitor_check::i18n::{Lang, tr, tr_args};
use monitor_check::identify::VerdictKind;
use monitor_check::ui::{AppConfig, Mode, MonitorCheckApp};

#[path = "common/files.rs"]
mod files;
use files::files_under;

fn counter(lang: Lang, data_dir: &Path) -> Harness<'static, MonitorCheckApp> {
    counter_printing_on(lang, data_dir, monitor_check::print::PrintSystem::cups())
}

/// The counter, printing with `print`'s programs.
fn counter_printing_on(
    lang: Lang,
    data_dir: &Path,
    print: monitor_check::print::PrintSystem,
) -> Harness<'static, MonitorCheckApp> {
    let config = AppConfig {
        counter: true,
        print,
        ..AppConfig::offline(lang, data_dir)
    };
    let mut h = Harness::builder()
        .with_size(egui::vec2(1000.0, 1600.0))
        .build_eframe(move |cc| MonitorCheckApp::new(cc, config));
    h.run_steps(4);
    h
}

/// Scans (types) `text` into the counter's field and presses Enter, as a
/// scanner in keyboard mode does.
fn scan(h: &mut Harness<'_, MonitorCheckApp>, lang: Lang, text: &str) {
    let field = tr(lang, "counter-field");
    h.get_by_label(&field).type_text(text);
    h.run_steps(2);
    h.key_press(Key::Enter);
    h.run_steps(4);
}

fn shows(h: &Harness<'_, MonitorCheckApp>, text: &str) -> bool {
    h.query_all_by_label_contains(text).next().is_some()
}

/// The large verdict word: matched whole, since "ON THE LIST" is part of
/// "NOT ON THE LIST".
fn says(h: &Harness<'_, MonitorCheckApp>, verdict_id: &str) -> bool {
    h.query_by_label(&tr(Lang::En, verdict_id)).is_some()
        || h.query_by_label(&tr(Lang::It, verdict_id)).is_some()
}

/// Runs frames until `done` holds, at most 20 s (the sheet is written on a
/// worker thread).
fn wait_until(h: &mut Harness<'_, MonitorCheckApp>, mut done: impl FnMut() -> bool) -> bool {
    for _ in 0..200 {
        if done() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(100));
        h.run_steps(2);
    }
    false
}

fn has_extension(file: &str, ext: &str) -> bool {
    Path::new(file)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(ext))
}

#[test]
fn three_patients_in_a_row_each_forgotten_after_next_patient() {
    let lang = Lang::En;
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = counter(lang, dir.path());
    assert_eq!(h.state().state().mode(), Mode::Counter);

    // Patient 1: an affected monitor, typed.
    scan(&mut h, lang, "CMS 8000");
    assert!(says(&h, "counter-verdict-affected"));
    assert!(shows(
        &h,
        &tr_args(lang, "counter-model", &[("model", "CMS8000")])
    ));
    // The field is empty again, ready for the next scan.
    let field = tr(lang, "counter-field");
    assert_eq!(h.get_by_label(&field).value().as_deref(), Some(""));
    // F8 saves the sheet (the tests' dialogs save into data_dir/saved).
    h.key_press(Key::F8);
    let saved = dir.path().join("saved");
    assert!(
        wait_until(&mut h, || files_under(&saved)
            .iter()
            .any(|f| has_extension(f, "pdf"))),
        "the sheet was saved: {:?}",
        files_under(dir.path())
    );
    h.key_press(Key::F5);
    h.run_steps(4);
    h.state_mut()
        .state_mut()
        .wait_for_cleanup(Duration::from_secs(5));
    assert!(!says(&h, "counter-verdict-affected"));

    // Patient 2: a model that is not on the list.
    scan(&mut h, lang, "CMS50D");
    assert!(says(&h, "counter-verdict-not-affected"));
    assert!(!says(&h, "counter-verdict-affected"));
    h.key_press(Key::F5);
    h.run_steps(4);

    // Patient 3: a scan with only a product code and a serial. No answer
    // from a serial; it is kept, and the model typed next completes it.
    scan(&mut h, lang, "]d2010950600013435221ABC123");
    assert!(says(&h, "counter-verdict-unknown"));
    assert!(shows(&h, "ABC123"), "the serial is kept and shown");
    scan(&mut h, lang, "CMS8000");
    assert!(says(&h, "counter-verdict-affected"));
    let verdict = h
        .state()
        .state()
        .counter_verdict()
        .cloned()
        .expect("a verdict");
    assert_eq!(verdict.verdict, VerdictKind::Affected);
    assert_eq!(verdict.identifiers.serial.as_deref(), Some("ABC123"));

    // Next patient leaves nothing of them in the data dir (the saved PDF
    // is in the folder the user chose).
    h.get_by_role_and_label(
        Role::Button,
        &format!("{} (F5)", tr(lang, "counter-next-patient")),
    )
    .click();
    h.run_steps(4);
    h.state_mut()
        .state_mut()
        .wait_for_cleanup(Duration::from_secs(5));
    let left: Vec<String> = files_under(dir.path())
        .into_iter()
        .filter(|f| !f.starts_with("saved"))
        .collect();
    assert!(left.is_empty(), "nothing kept after Next patient: {left:?}");
    assert!(!shows(&h, "ABC123"));
    assert!(h.state().state().counter_verdict().is_none());
}

#[test]
fn bad_scans_get_a_clear_line_and_the_field_stays_ready() {
    let lang = Lang::It;
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = counter(lang, dir.path());
    // A medicine pack's code (AIC).
    scan(&mut h, lang, "A031981069");
    assert!(shows(&h, &tr(lang, "counter-medicine-pack")));
    // Scanner garbage: control characters.
    scan(&mut h, lang, "\u{1}\u{2}\u{3}\u{7f}");
    assert!(shows(&h, &tr(lang, "counter-garbage")));
    // The next good scan works at once.
    scan(&mut h, lang, "Epsimed MN-120");
    assert!(says(&h, "counter-verdict-affected"));
    assert!(!shows(&h, &tr(lang, "counter-garbage")));
}

/// A scan whose separators were lost keeps only what is certain, and the
/// screen says what was left out, as the CLI does: a serial is never
/// guessed from a run of fields.
#[test]
fn a_serial_that_cannot_be_split_for_sure_is_named_as_left_out() {
    for lang in [Lang::En, Lang::It] {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut h = counter(lang, dir.path());
        scan(&mut h, lang, "]d2010803333333333221SN4477120");
        assert!(says(&h, "counter-verdict-unknown"));
        let left_out = tr_args(lang, "scan-repair-uncertain", &[("detail", "21SN4477120")]);
        assert!(shows(&h, &left_out), "{lang:?}: {left_out}");
        assert!(shows(&h, "08033333333332"), "the GTIN is kept");
    }
}

#[test]
fn the_tally_counts_numbers_only_and_exports_csv() {
    let lang = Lang::En;
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = counter(lang, dir.path());
    h.get_by_label(&tr(lang, "counter-settings")).click();
    h.run_steps(4);
    h.get_by_role_and_label(Role::CheckBox, &tr(lang, "counter-keep-tally"))
        .click();
    h.run_steps(4);
    assert!(h.state().state().prefs().counter.keep_tally);
    for text in ["CMS8000", "CMS50D", "Contec"] {
        scan(&mut h, lang, text);
        h.key_press(Key::F5);
        h.run_steps(4);
        h.state_mut()
            .state_mut()
            .wait_for_cleanup(Duration::from_secs(5));
    }
    let today = jiff::Zoned::now().date();
    let counts = h.state().state().tally().day(today);
    assert_eq!(
        (counts.affected, counts.not_affected, counts.unknown),
        (1, 1, 1)
    );
    let kept = std::fs::read_to_string(dir.path().join(monitor_check::tally::TALLY_FILE))
        .expect("the tally file");
    assert!(kept.contains(&format!("{today},1,1,1,3")), "{kept}");
    assert!(!kept.contains("CMS"), "no model in the tally: {kept}");

    h.get_by_label(&tr(lang, "counter-tally-export")).click();
    h.run_steps(2);
    let saved = dir.path().join("saved");
    assert!(
        wait_until(&mut h, || files_under(&saved)
            .iter()
            .any(|f| has_extension(f, "csv"))),
        "{:?}",
        files_under(dir.path())
    );
}

#[test]
fn the_pharmacist_role_opens_the_counter_from_the_welcome_screen() {
    let lang = Lang::En;
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = Harness::builder()
        .with_size(egui::vec2(1000.0, 1400.0))
        .build_eframe({
            let config = AppConfig::offline(lang, dir.path());
            move |cc| MonitorCheckApp::new(cc, config)
        });
    h.run_steps(4);
    assert_eq!(h.state().state().mode(), Mode::Wizard);
    assert!(
        h.query_by_label(&tr(lang, "welcome-open-counter"))
            .is_none()
    );
    h.get_by_role_and_label(Role::RadioButton, &tr(lang, "role-pharmacist"))
        .click();
    h.run_steps(4);
    h.get_by_label(&tr(lang, "welcome-open-counter")).click();
    h.run_steps(4);
    assert_eq!(h.state().state().mode(), Mode::Counter);
    h.get_by_label(&tr(lang, "counter-open-wizard")).click();
    h.run_steps(4);
    assert_eq!(h.state().state().mode(), Mode::Wizard);
}

/// A stand-in `lp` that says it started, waits `delay` seconds, then takes
/// the PDF from standard input into `out` (outside the data folder).
#[cfg(unix)]
fn slow_printer(dir: &Path, delay: u32) -> monitor_check::print::PrintSystem {
    use std::os::unix::fs::PermissionsExt;
    let lp = dir.join("lp");
    let script = format!(
        "#!/bin/sh\necho started >> '{started}'\nsleep {delay}\ncat > '{out}'\necho 'request id is desk-1 (1 file(s))'\n",
        started = dir.join("started").display(),
        out = dir.join("printed.pdf").display(),
    );
    std::fs::write(&lp, script).expect("stand-in lp");
    std::fs::set_permissions(&lp, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    monitor_check::print::PrintSystem {
        lp,
        lpstat: dir.join("no-lpstat"),
        cups_server: None,
        timeout: Duration::from_secs(30),
    }
}

/// How many times the stand-in printer was started.
fn prints_started(printer_dir: &Path) -> usize {
    std::fs::read_to_string(printer_dir.join("started")).map_or(0, |s| s.lines().count())
}

/// F9 prints the sheet: it goes to the printer on standard input, so
/// nothing is written to print it. F5 in the middle of a slow print stops
/// the printer before it takes the sheet, and leaves no file in the data
/// folder; then F9 and F5 at once, five more times, the same.
#[cfg(unix)]
#[test]
fn next_patient_in_the_middle_of_a_print_leaves_nothing() {
    let lang = Lang::En;
    let dir = tempfile::tempdir().expect("temp dir");
    let printer_dir = tempfile::tempdir().expect("printer dir");
    let mut h = counter_printing_on(lang, dir.path(), slow_printer(printer_dir.path(), 3));

    scan(&mut h, lang, "CMS 8000");
    assert!(says(&h, "counter-verdict-affected"));
    h.key_press(Key::F9);
    assert!(
        wait_until(&mut h, || prints_started(printer_dir.path()) == 1),
        "the printer was started"
    );
    assert!(shows(&h, &tr(lang, "counter-sheet-working")));
    assert_eq!(
        files_under(dir.path()),
        Vec::<String>::new(),
        "no file to print"
    );
    h.key_press(Key::F5);
    h.run_steps(4);
    h.state_mut()
        .state_mut()
        .wait_for_cleanup(Duration::from_secs(10));
    assert!(h.state().state().counter_verdict().is_none());
    // Past the printer's wait: had it not been stopped, it would have
    // taken the sheet by now.
    std::thread::sleep(Duration::from_secs(4));
    h.run_steps(2);
    assert!(
        !printer_dir.path().join("printed.pdf").exists(),
        "the print was stopped"
    );
    assert_eq!(files_under(dir.path()), Vec::<String>::new());

    for round in 0..5 {
        scan(&mut h, lang, "CMS 8000");
        h.key_press(Key::F9);
        h.run_steps(1);
        h.key_press(Key::F5);
        h.run_steps(4);
        h.state_mut()
            .state_mut()
            .wait_for_cleanup(Duration::from_secs(10));
        assert_eq!(
            files_under(dir.path()),
            Vec::<String>::new(),
            "after round {round}"
        );
        assert!(h.state().state().counter_verdict().is_none());
    }
    std::thread::sleep(Duration::from_secs(4));
    assert!(!printer_dir.path().join("printed.pdf").exists());
    assert_eq!(files_under(dir.path()), Vec::<String>::new());
}

/// A print that runs to its end reaches the printer whole, and the
/// counter says so.
#[cfg(unix)]
#[test]
fn a_print_left_to_finish_reaches_the_printer() {
    let lang = Lang::It;
    let dir = tempfile::tempdir().expect("temp dir");
    let printer_dir = tempfile::tempdir().expect("printer dir");
    let mut h = counter_printing_on(lang, dir.path(), slow_printer(printer_dir.path(), 0));
    scan(&mut h, lang, "CMS 8000");
    h.key_press(Key::F9);
    let printed = tr(lang, "counter-printed-default");
    let out = printer_dir.path().join("printed.pdf");
    assert!(
        wait_until(&mut h, || std::fs::metadata(&out)
            .is_ok_and(|m| m.len() > 0)),
        "the printer took the sheet"
    );
    for _ in 0..50 {
        h.run_steps(2);
        if shows(&h, &printed) {
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(shows(&h, &printed), "{printed}");
    let pdf = std::fs::read(printer_dir.path().join("printed.pdf")).expect("printed");
    assert!(pdf.starts_with(b"%PDF"), "the sheet, whole");
    assert!(pdf.len() > 10_000, "{} bytes", pdf.len());
    assert_eq!(
        files_under(dir.path()),
        Vec::<String>::new(),
        "no file to print"
    );
}
