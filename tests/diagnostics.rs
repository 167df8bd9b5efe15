//! *Save diagnostics…* after a whole notice: the file says the versions and
//! the system, carries the log's lines, and holds no patient data.
//!
//! The log is process-wide, so this test has a test binary of its own: it
//! starts the log once, in its own temporary data folder.

#![expect(
    clippy::unwrap_used,
    reason = "a failed step should stop the test right there"
)]

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use monitor_check::i18n::{Lang, tr};
use monitor_check::ui::wizard::Step;
use monitor_check::ui::{AppConfig, MonitorCheckApp};

type App = Harness<'static, MonitorCheckApp>;

fn settle(h: &mut App) {
    h.run_steps(4);
}

fn click(h: &mut App, role: Role, label: &str) {
    h.get_by_role_and_label(role, label).scroll_to_me();
    settle(h);
    h.get_by_role_and_label(role, label).click();
    settle(h);
}

fn click_containing(h: &mut App, label: &str) {
    h.get_by_label_contains(label).scroll_to_me();
    settle(h);
    h.get_by_label_contains(label).click();
    settle(h);
}

fn type_into(h: &mut App, label: &str, text: &str) {
    h.get_by_label(label).scroll_to_me();
    settle(h);
    h.get_by_label(label).focus();
    settle(h);
    h.get_by_label(label).type_text(text);
    settle(h);
}

fn wait_for_label(h: &mut App, label: &str) {
    for _ in 0..300 {
        settle(h);
        if h.query_by_label_contains(label).is_some() {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    panic!("{label:?} never appeared");
}

/// A file dropped on the window, as the windowing layer hands it over.
#[derive(Debug)]
struct Dropped(std::path::PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &std::path::Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

/// What the walk types and chooses: none of it may reach the diagnostics.
const PATIENT_DATA: [&str; 9] = [
    "Zanzibar",
    "Quokka",
    "zq@example.org",
    "SN-ZQ-4711",
    "Marmalade",
    "Pemberton",
    "CMS8000",
    "CMS 8000",
    "ward-7",
];

/// From the welcome screen to a saved PDF notice, with a refused photo
/// named after the patient, the model typed, and every field filled in.
fn walk_a_whole_notice(h: &mut App, lang: Lang, dir: &std::path::Path) {
    click(h, Role::RadioButton, &tr(lang, "role-carer"));
    click_containing(h, &tr(lang, "welcome-start"));
    assert_eq!(h.state().step(), Step::Identify);
    // A "photo" named after the patient that is no picture: the reader
    // refuses it, and the log says why without its name.
    let photo = dir.join("Zanzibar Quokka ward-7.jpg");
    std::fs::write(&photo, "not a picture at all").unwrap();
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(photo)));
    settle(h);
    wait_for_label(h, &tr(lang, "photo-error-not-image"));
    h.get_by_label(&tr(lang, "identify-field")).focus();
    settle(h);
    h.get_by_label(&tr(lang, "identify-field"))
        .type_text("CMS 8000");
    settle(h);
    click(h, Role::Button, &tr(lang, "identify-check"));
    assert_eq!(h.state().step(), Step::Result);
    click_containing(h, &tr(lang, "result-next"));
    click_containing(h, &tr(lang, "guidance-next"));
    assert_eq!(h.state().step(), Step::Notice);

    type_into(h, &tr(lang, "ui-notice-gp-name"), "Dr. Zanzibar Quokka");
    type_into(h, &tr(lang, "ui-notice-gp-email"), "zq@example.org");
    type_into(h, &tr(lang, "notice-f-serial"), "SN-ZQ-4711");
    type_into(h, &tr(lang, "ui-notice-sender-name"), "Marmalade Pemberton");
    type_into(
        h,
        &tr(lang, "ui-notice-observations"),
        "Marmalade saw the screen restart twice",
    );
    assert_eq!(h.state().form().device.model, "CMS8000");
    assert_eq!(h.state().form().device.serial, "SN-ZQ-4711");

    click(h, Role::Button, &tr(lang, "ui-notice-save-pdf"));
    let saved = tr(lang, "ui-notice-saved");
    wait_for_label(h, saved.split('{').next().unwrap().trim());
}

#[test]
fn diagnostics_after_a_whole_notice_hold_versions_and_the_log_but_no_patient_data() {
    let lang = Lang::En;
    let dir = tempfile::tempdir().unwrap();
    assert!(monitor_check::applog::init(
        Some(dir.path()),
        monitor_check::applog::Mirror::Off
    ));
    monitor_check::applog::log_start("test");
    let config = AppConfig::offline(lang, dir.path());
    let list = config.list.catalog.clone();
    let mut h = Harness::builder()
        .with_size(egui::vec2(1000.0, 1400.0))
        .build_eframe(move |cc| MonitorCheckApp::new(cc, config));
    settle(&mut h);
    walk_a_whole_notice(&mut h, lang, dir.path());

    click(&mut h, Role::Button, &tr(lang, "about-open"));
    click(&mut h, Role::Button, &tr(lang, "about-save-diagnostics"));
    let done = tr(lang, "about-diagnostics-saved");
    wait_for_label(&mut h, done.split('{').next().unwrap().trim());

    let file = std::fs::read_dir(dir.path().join("saved"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("monitor-check-diagnostics-")
        })
        .expect("the diagnostics file");
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.starts_with("Monitor Check diagnostics\n"), "{text}");
    assert!(
        text.contains(&format!("App version: {}", env!("CARGO_PKG_VERSION"))),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "List in use: version {} of {}",
            list.version, list.issued
        )),
        "{text}"
    );
    assert!(text.contains(std::env::consts::OS), "{text}");
    // The log's lines are in it: the start, the photo refused, the PDF
    // written.
    assert!(text.contains("test started: Monitor Check"), "{text}");
    assert!(
        text.contains("a photo could not be read: photo-error-not-image"),
        "{text}"
    );
    assert!(text.contains("the notice-writer job finished"), "{text}");
    for value in PATIENT_DATA {
        assert!(
            !text.to_lowercase().contains(&value.to_lowercase()),
            "{value:?} is in the diagnostics:\n{text}"
        );
    }
    // Nor in the log files themselves.
    for entry in std::fs::read_dir(dir.path().join("logs")).unwrap() {
        let log = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        for value in PATIENT_DATA {
            assert!(
                !log.to_lowercase().contains(&value.to_lowercase()),
                "{value:?} is in the log:\n{log}"
            );
        }
    }
}
