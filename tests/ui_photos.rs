//! Label photos in the real app, driven with `egui_kittest` by visible
//! label as a user (or a screen reader) would: an iPhone HEIC photo is read
//! and shown in the preview, like a JPEG.

#![expect(
    clippy::unwrap_used,
    reason = "a failed step should stop the test right there"
)]

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use monitor_check::i18n::{Lang, tr, tr_args};
use monitor_check::ui::wizard::Step;
use monitor_check::ui::{AppConfig, MonitorCheckApp};

fn harness(lang: Lang, data_dir: &std::path::Path) -> Harness<'static, MonitorCheckApp> {
    let config = AppConfig::offline(lang, data_dir);
    let mut h = Harness::builder()
        .with_size(egui::vec2(1000.0, 1400.0))
        .build_eframe(move |cc| MonitorCheckApp::new(cc, config));
    settle(&mut h);
    h
}

/// Runs a few frames: enough for a click to take effect, and bounded even
/// while a spinner keeps asking for more.
fn settle(h: &mut Harness<'_, MonitorCheckApp>) {
    h.run_steps(4);
}

fn click_containing(h: &mut Harness<'_, MonitorCheckApp>, label: &str) {
    h.get_by_label_contains(label).scroll_to_me();
    settle(h);
    h.get_by_label_contains(label).click();
    settle(h);
}

/// Runs frames until `label` shows up (a worker thread is reading), at most
/// 30 s.
fn wait_for_label(h: &mut Harness<'_, MonitorCheckApp>, label: &str) {
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

fn drop_photo(h: &mut Harness<'_, MonitorCheckApp>, path: std::path::PathBuf) {
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(path)));
    settle(h);
}

fn fixture(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn at_identify(lang: Lang) -> (Harness<'static, MonitorCheckApp>, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(lang, dir.path());
    click_containing(&mut h, &tr(lang, "welcome-start"));
    assert_eq!(h.state().step(), Step::Identify);
    (h, dir)
}

/// The preview is the image named by its alternative text; it is drawn at
/// the photo's shape (640×420 here, landscape), not as an empty box.
fn assert_preview_shown(h: &Harness<'_, MonitorCheckApp>, lang: Lang, name: &str) {
    let alt = tr_args(lang, "photo-alt", &[("name", name)]);
    let rect = h.get_by_label(&alt).rect();
    assert!(rect.width() > 100.0, "{alt}: {rect:?}");
    let ratio = rect.width() / rect.height();
    assert!((ratio - 640.0 / 420.0).abs() < 0.05, "{alt}: {rect:?}");
}

#[test]
fn an_iphone_heic_photo_shows_in_the_preview() {
    let lang = Lang::En;
    let (mut h, _dir) = at_identify(lang);
    drop_photo(&mut h, fixture("label_gps_iphone.heic"));
    wait_for_label(&mut h, "We read: Model: CMS8000");
    assert_preview_shown(&h, lang, "label_gps_iphone.heic");
    click_containing(&mut h, &tr(lang, "photo-confirm-yes"));
    assert_eq!(h.state().step(), Step::Result);
}

#[test]
fn a_jpeg_stored_on_its_side_shows_upright_in_the_preview() {
    let lang = Lang::It;
    let (mut h, _dir) = at_identify(lang);
    drop_photo(&mut h, fixture("label_gps.jpg"));
    wait_for_label(&mut h, &tr(lang, "photo-confirm-question"));
    assert_preview_shown(&h, lang, "label_gps.jpg");
}

#[test]
fn a_blurred_photo_is_coached_with_the_part_to_photograph_again() {
    let lang = Lang::En;
    let (mut h, dir) = at_identify(lang);
    // The label smeared beyond reading.
    let smeared = dir.path().join("smeared.png");
    image::open(fixture("ocr_label.jpg"))
        .unwrap()
        .blur(5.0)
        .save(&smeared)
        .unwrap();
    drop_photo(&mut h, smeared);
    wait_for_label(&mut h, &tr(lang, "coach-intro"));
    assert!(h.query_by_label_contains("Hold the phone steady").is_some());
    // The crop where the model should be, named for screen readers.
    let alt = tr_args(lang, "coach-crop-alt", &[("name", "smeared.png")]);
    let rect = h.get_by_label(&alt).rect();
    assert!(rect.width() > 20.0, "{rect:?}");
}

#[test]
fn a_sharp_photo_gets_no_coaching() {
    let lang = Lang::En;
    let (mut h, _dir) = at_identify(lang);
    drop_photo(&mut h, fixture("ocr_label.jpg"));
    wait_for_label(&mut h, "We read:");
    assert!(
        h.query_by_label_contains(&tr(lang, "coach-intro"))
            .is_none()
    );
}
