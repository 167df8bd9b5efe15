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
    h.run_steps(2);
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
