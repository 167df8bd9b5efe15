//! Pictures of one step in each look (plain, larger text, high contrast),
//! compared with the images in `tests/snapshots/`. They need a GPU or a
//! software renderer (Mesa's lavapipe), so they run with the `snapshots`
//! feature: `cargo test --features snapshots --test ui_snapshots`. After a
//! deliberate change of the look, `UPDATE_SNAPSHOTS=1` writes new images.
#![cfg(feature = "snapshots")]

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use monitor_check::i18n::{Lang, tr};
use monitor_check::ui::wizard::Step;
use monitor_check::ui::{AppConfig, MonitorCheckApp};

fn harness(data_dir: &std::path::Path) -> Harness<'static, MonitorCheckApp> {
    let config = AppConfig::offline(Lang::En, data_dir);
    let mut h = Harness::builder()
        .with_size(egui::vec2(900.0, 1100.0))
        .build_eframe(move |cc| MonitorCheckApp::new(cc, config));
    h.run_steps(4);
    h
}

fn click(h: &mut Harness<'_, MonitorCheckApp>, role: Role, label: &str) {
    h.get_by_role_and_label(role, label).click();
    h.run_steps(4);
}

/// The guidance step for a listed model: heading, urgent steps in red,
/// bold questions and the checklist.
fn at_guidance(dir: &std::path::Path) -> Harness<'static, MonitorCheckApp> {
    let lang = Lang::En;
    let mut h = harness(dir);
    h.get_by_label_contains(&tr(lang, "welcome-start")).click();
    h.run_steps(4);
    h.get_by_label(&tr(lang, "identify-field")).focus();
    h.run_steps(2);
    h.get_by_label(&tr(lang, "identify-field"))
        .type_text("CMS 8000");
    h.run_steps(2);
    click(&mut h, Role::Button, &tr(lang, "identify-check"));
    h.get_by_label_contains(&tr(lang, "result-next")).click();
    h.run_steps(4);
    assert_eq!(h.state().step(), Step::Guidance);
    h
}

#[test]
fn guidance_step_in_each_look() {
    let lang = Lang::En;
    let dir = tempfile::tempdir().unwrap();
    let mut h = at_guidance(dir.path());
    h.snapshot("guidance_plain");

    click(&mut h, Role::CheckBox, &tr(lang, "look-large-text"));
    assert!(h.state().prefs().look.large_text);
    h.snapshot("guidance_large_text");

    click(&mut h, Role::CheckBox, &tr(lang, "look-large-text"));
    click(&mut h, Role::CheckBox, &tr(lang, "look-high-contrast"));
    assert!(h.state().prefs().look.high_contrast);
    h.snapshot("guidance_high_contrast");
}
