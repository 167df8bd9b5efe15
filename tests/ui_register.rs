//! The family doctor's register, driven with `egui_kittest` by label as a
//! doctor (or a screen reader) would: the role, the register, notices
//! dropped on the window, a filter, a status, the CSV.

use std::path::Path;
use std::time::Duration;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable};
use monitor_check::catalog::Catalog;
use monitor_check::guidance::TamperSign;
use monitor_check::i18n::{Lang, tr, tr_args};
use monitor_check::notice::{Answer, Notice, NoticeData, NoticeForm};
use monitor_check::register::Status;
use monitor_check::ui::{AppConfig, Mode, MonitorCheckApp};

fn app(lang: Lang, data_dir: &Path) -> Harness<'static, MonitorCheckApp> {
    let config = AppConfig::offline(lang, data_dir);
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 1600.0))
        .build_eframe(move |cc| MonitorCheckApp::new(cc, config));
    h.run_steps(4);
    h
}

/// A notice about `text` with serial `serial`, as a patient's app writes it.
fn notice(text: &str, serial: &str, initials: &str, seen: Option<TamperSign>) -> Notice {
    let catalog = Catalog::bundled();
    let verdict = monitor_check::identify::identify_text(&catalog, text).expect("a verdict");
    let mut form = NoticeForm::default();
    form.prefill(&verdict, &catalog);
    serial.clone_into(&mut form.device.serial);
    initials.clone_into(&mut form.patient_initials);
    if let Some(sign) = seen {
        form.set_tamper_answer(sign, Answer::Yes);
    }
    Notice::new(
        form,
        &verdict,
        &catalog,
        jiff::Zoned::now(),
        "0.1.0",
        Vec::new(),
    )
}

#[derive(Debug)]
struct Dropped(std::path::PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

/// Runs frames until the register's worker is done, at most 20 s.
fn wait_idle(h: &mut Harness<'_, MonitorCheckApp>) {
    for _ in 0..200 {
        h.run_steps(2);
        if !h.state().state().register().busy() {
            h.run_steps(2);
            return;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!("the register's worker never finished");
}

fn click(h: &mut Harness<'_, MonitorCheckApp>, role: Role, label: &str) {
    h.get_by_role_and_label(role, label).scroll_to_me();
    // Scrolling is animated over a few frames.
    h.run_steps(8);
    h.get_by_role_and_label(role, label).click();
    h.run_steps(4);
}

#[test]
fn a_doctor_imports_notices_filters_them_and_records_what_was_done() {
    let lang = Lang::En;
    let data = tempfile::tempdir().unwrap();
    let inbox = tempfile::tempdir().unwrap();
    let files = [
        ("a.json", notice("CMS8000", "A-1", "A.A.", None), "json"),
        (
            "b.eml",
            notice(
                "CMS7000",
                "B-1",
                "B.B.",
                Some(TamperSign::UnexpectedRestart),
            ),
            "eml",
        ),
        ("c.json", notice("Contec", "C-1", "C.C.", None), "json"),
    ];
    for (name, n, kind) in &files {
        let bytes = match *kind {
            "json" => NoticeData::from_notice(n, Lang::It).to_json(),
            _ => monitor_check::notice::render_eml(n, Lang::It, b"%PDF-1.7", &[]).unwrap(),
        };
        std::fs::write(inbox.path().join(name), bytes).unwrap();
    }
    std::fs::write(inbox.path().join("letter.txt"), "not a notice").unwrap();

    let mut h = app(lang, data.path());
    click(&mut h, Role::RadioButton, &tr(lang, "role-gp"));
    click(&mut h, Role::Button, &tr(lang, "welcome-open-register"));
    assert_eq!(h.state().state().mode(), Mode::Register);
    wait_idle(&mut h);
    h.get_by_label(&tr(lang, "register-empty"));

    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(inbox.path().to_path_buf())));
    h.run_steps(2);
    wait_idle(&mut h);
    let summary = tr_args(
        lang,
        "register-imported",
        &[
            ("added", "3"),
            ("updated", "0"),
            ("same", "0"),
            ("refused", "1"),
        ],
    );
    h.get_by_label(&summary);
    h.get_by_label_contains("letter.txt");
    assert_eq!(h.state().state().register().entries().len(), 3);

    // The incident comes first, then the affected monitor.
    let rows: Vec<String> = h
        .query_all_by_label_contains(" · ")
        .filter_map(|n| n.accesskit_node().label())
        .collect();
    assert_eq!(rows[0], "B.B. · CMS7000 · B-1", "{rows:?}");
    assert_eq!(rows[1], "A.A. · CMS8000 · A-1", "{rows:?}");

    // Only incidents.
    click(
        &mut h,
        Role::CheckBox,
        &tr(lang, "register-filter-incidents"),
    );
    assert!(h.query_by_label("A.A. · CMS8000 · A-1").is_none());
    click(
        &mut h,
        Role::CheckBox,
        &tr(lang, "register-filter-incidents"),
    );

    // The doctor records a call about the affected monitor.
    h.get_by_label("A.A. · CMS8000 · A-1").click();
    h.run_steps(4);
    let question = tr(lang, "register-status-question");
    click(
        &mut h,
        Role::RadioButton,
        &format!("{question}: {}", tr(lang, "register-status-contacted")),
    );
    wait_idle(&mut h);
    let entry = h
        .state()
        .state()
        .register()
        .entries()
        .iter()
        .find(|e| e.serial == "A-1")
        .unwrap()
        .clone();
    assert_eq!(entry.status, Status::Contacted);

    // The CSV without names, after the screen said what it holds.
    click(&mut h, Role::CheckBox, &tr(lang, "register-without-names"));
    h.get_by_label_contains("leaves out names");
    click(&mut h, Role::Button, &tr(lang, "register-save-csv"));
    wait_idle(&mut h);
    let message = h.state().state().register().message().cloned();
    let csv = std::fs::read_to_string(data.path().join("saved/monitor-register.csv"))
        .unwrap_or_else(|e| panic!("{e}; the screen said {message:?}"));
    assert!(csv.contains("B-1") && csv.contains("contacted"), "{csv}");
    assert!(!csv.contains("A.A."), "{csv}");

    // The register is still there when the app opens again.
    drop(h);
    let mut h = app(lang, data.path());
    click(&mut h, Role::RadioButton, &tr(lang, "role-gp"));
    click(&mut h, Role::Button, &tr(lang, "welcome-open-register"));
    wait_idle(&mut h);
    assert_eq!(h.state().state().register().entries().len(), 3);
}

fn type_into(h: &mut Harness<'_, MonitorCheckApp>, label: &str, text: &str) {
    h.get_by_label(label).scroll_to_me();
    h.run_steps(8);
    h.get_by_label(label).focus();
    h.run_steps(2);
    h.get_by_label(label).type_text(text);
    h.run_steps(4);
}

/// Runs frames until `path` exists (a worker thread writes it), at most 20 s.
fn wait_for_file(h: &mut Harness<'_, MonitorCheckApp>, path: &Path) {
    for _ in 0..200 {
        h.run_steps(2);
        if path.exists() {
            return;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!("{} was never written", path.display());
}

/// The whole loop a family doctor runs: the leaflet and the doctor card
/// from the register screen; a patient's app that opens the card and
/// writes the notice; the notice back in the doctor's register.
#[test]
fn a_doctor_hands_out_the_leaflet_and_the_patients_notice_comes_back() {
    let lang = Lang::En;
    let doctor_dir = tempfile::tempdir().unwrap();
    let mut gp = app(lang, doctor_dir.path());
    click(&mut gp, Role::RadioButton, &tr(lang, "role-gp"));
    click(&mut gp, Role::Button, &tr(lang, "welcome-open-register"));
    wait_idle(&mut gp);
    // The register is empty, so the leaflet section is open.
    type_into(&mut gp, &tr(lang, "leaflet-ui-name"), "Dr Anna Verdi");
    type_into(
        &mut gp,
        &tr(lang, "leaflet-ui-email"),
        "a.verdi@example.org",
    );
    click(&mut gp, Role::Button, &tr(lang, "leaflet-ui-save-pdf"));
    let saved = doctor_dir.path().join("saved");
    let leaflet = saved.join(monitor_check::leaflet::file_name(lang));
    wait_for_file(&mut gp, &leaflet);
    assert!(std::fs::read(&leaflet).unwrap().starts_with(b"%PDF-"));
    click(&mut gp, Role::Button, &tr(lang, "leaflet-ui-save-card"));
    let card = saved.join(monitor_check::leaflet::CARD_FILE_NAME);
    wait_for_file(&mut gp, &card);

    // The patient's app: the check, then the card dropped on the notice.
    let patient_dir = tempfile::tempdir().unwrap();
    let config = AppConfig::offline(lang, patient_dir.path());
    let mut patient = Harness::builder()
        .with_size(egui::vec2(1000.0, 1400.0))
        .build_eframe(move |cc| MonitorCheckApp::new(cc, config));
    patient.run_steps(4);
    click(&mut patient, Role::RadioButton, &tr(lang, "role-carer"));
    patient
        .get_by_label_contains(&tr(lang, "welcome-start"))
        .click();
    patient.run_steps(4);
    type_into(&mut patient, &tr(lang, "identify-field"), "CMS 8000");
    click(&mut patient, Role::Button, &tr(lang, "identify-check"));
    patient
        .get_by_label_contains(&tr(lang, "result-next"))
        .click();
    patient.run_steps(4);
    patient
        .get_by_label_contains(&tr(lang, "guidance-next"))
        .click();
    patient.run_steps(4);
    patient
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(card.clone())));
    for _ in 0..100 {
        patient.run_steps(2);
        if patient.state().form().gp_name == "Dr Anna Verdi" {
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    assert_eq!(patient.state().form().gp_name, "Dr Anna Verdi");
    assert_eq!(patient.state().form().gp_email, "a.verdi@example.org");
    assert_eq!(patient.state().prefs().gp_name, "Dr Anna Verdi");
    type_into(&mut patient, &tr(lang, "notice-f-serial"), "SN-42");
    click(&mut patient, Role::Button, &tr(lang, "ui-notice-save-pdf"));
    let sent = patient_dir.path().join("saved");
    for _ in 0..200 {
        patient.run_steps(2);
        if std::fs::read_dir(&sent).is_ok_and(|mut d| d.next().is_some()) {
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    drop(patient);

    // Back at the doctor's: the PDF dropped on the register.
    gp.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(sent.clone())));
    gp.run_steps(2);
    wait_idle(&mut gp);
    let entries = gp.state().state().register().entries().to_vec();
    let said = gp.state().state().register().message().cloned();
    let files: Vec<_> = std::fs::read_dir(&sent)
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    assert_eq!(entries.len(), 1, "{said:?} {files:?}");
    assert_eq!(entries[0].serial, "SN-42");
    assert_eq!(entries[0].model, "CMS8000");
    gp.get_by_label(&tr_args(
        lang,
        "register-imported",
        &[
            ("added", "1"),
            ("updated", "0"),
            ("same", "0"),
            ("refused", "0"),
        ],
    ));
}

/// A large register is shown a page at a time: 120 monitors give three
/// pages of at most 50 rows, and another filter starts at the first page.
#[test]
fn a_large_register_is_shown_a_page_at_a_time() {
    let lang = Lang::En;
    let data = tempfile::tempdir().unwrap();
    let inbox = tempfile::tempdir().unwrap();
    for i in 0..120 {
        let n = notice("CMS8000", &format!("S-{i:03}"), &format!("P{i:03}"), None);
        let json = NoticeData::from_notice(&n, Lang::En).to_json();
        std::fs::write(inbox.path().join(format!("{i:03}.json")), json).unwrap();
    }
    let mut h = app(lang, data.path());
    click(&mut h, Role::RadioButton, &tr(lang, "role-gp"));
    click(&mut h, Role::Button, &tr(lang, "welcome-open-register"));
    wait_idle(&mut h);
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(inbox.path().to_path_buf())));
    h.run_steps(2);
    wait_idle(&mut h);
    assert_eq!(h.state().state().register().entries().len(), 120);

    let rows = |h: &Harness<'_, MonitorCheckApp>| {
        h.query_all_by_label_contains(" · CMS8000 · ")
            .filter_map(|n| n.accesskit_node().label())
            .collect::<Vec<String>>()
    };
    let page = |from: &str, to: &str| {
        tr_args(
            lang,
            "register-page-rows",
            &[("from", from), ("to", to), ("total", "120")],
        )
    };
    let first = rows(&h);
    assert_eq!(first.len(), 50);
    h.get_by_label(&page("1", "50"));
    click(&mut h, Role::Button, &tr(lang, "register-page-next"));
    let second = rows(&h);
    assert_eq!(second.len(), 50);
    assert!(second.iter().all(|r| !first.contains(r)), "another 50");
    click(&mut h, Role::Button, &tr(lang, "register-page-next"));
    h.get_by_label(&page("101", "120"));
    assert_eq!(rows(&h).len(), 20);
    assert!(
        h.get_by_label(&tr(lang, "register-page-next"))
            .accesskit_node()
            .is_disabled(),
        "no page after the last"
    );
    // Another filter: back to its first page.
    click(
        &mut h,
        Role::CheckBox,
        &tr(lang, "register-filter-incidents"),
    );
    click(
        &mut h,
        Role::CheckBox,
        &tr(lang, "register-filter-incidents"),
    );
    h.get_by_label(&page("1", "50"));
}
