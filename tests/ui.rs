//! Walks the real app with `egui_kittest`, by role and visible label, as a
//! user (or a screen reader) would.

#![expect(
    clippy::unwrap_used,
    reason = "a failed step should stop the test right there"
)]

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable};
use monitor_check::i18n::{Lang, tr, tr_args};
use monitor_check::ui::wizard::Step;
use monitor_check::ui::{AppConfig, MonitorCheckApp};

#[path = "common/pdf_text.rs"]
mod pdf_text;
use pdf_text::pdf_text;

#[path = "common/files.rs"]
mod files;
use files::files_under;

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

fn click(h: &mut Harness<'_, MonitorCheckApp>, role: Role, label: &str) {
    h.get_by_role_and_label(role, label).scroll_to_me();
    settle(h);
    h.get_by_role_and_label(role, label).click();
    settle(h);
}

fn click_containing(h: &mut Harness<'_, MonitorCheckApp>, label: &str) {
    h.get_by_label_contains(label).scroll_to_me();
    settle(h);
    h.get_by_label_contains(label).click();
    settle(h);
}

fn identify(h: &mut Harness<'_, MonitorCheckApp>, lang: Lang, text: &str) {
    h.get_by_label(&tr(lang, "identify-field")).focus();
    settle(h);
    h.get_by_label(&tr(lang, "identify-field")).type_text(text);
    settle(h);
    click(h, Role::Button, &tr(lang, "identify-check"));
}

fn walk_to_result(
    lang: Lang,
    text: &str,
) -> (Harness<'static, MonitorCheckApp>, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(lang, dir.path());
    assert_eq!(h.state().step(), Step::Welcome);
    click(&mut h, Role::RadioButton, &tr(lang, "role-carer"));
    click_containing(&mut h, &tr(lang, "welcome-start"));
    assert_eq!(h.state().step(), Step::Identify);
    identify(&mut h, lang, text);
    (h, dir)
}

#[test]
fn carer_walks_the_wizard_in_english() {
    let lang = Lang::En;
    let (mut h, _dir) = walk_to_result(lang, "CMS 8000");
    assert_eq!(h.state().step(), Step::Result);
    h.get_by_label_contains("This monitor (CMS8000) is on the list");
    // Evidence and a source are shown.
    h.get_by_label_contains("You typed \"CMS 8000\" → CMS8000");
    assert!(h.query_all_by_label_contains("CISA").count() >= 1);

    click_containing(&mut h, &tr(lang, "result-next"));
    assert_eq!(h.state().step(), Step::Guidance);
    h.get_by_label_contains("Unplug the network cable");
    answer(
        &mut h,
        lang,
        "tamper-readings-mismatch",
        "tamper-answer-seen",
    );
    h.get_by_label_contains("You said you noticed a sign of tampering");

    click_containing(&mut h, &tr(lang, "guidance-next"));
    assert_eq!(h.state().step(), Step::Notice);
}

#[test]
fn carer_walks_the_wizard_in_italian() {
    let lang = Lang::It;
    let (mut h, _dir) = walk_to_result(lang, "Epsimed MN-120");
    assert_eq!(h.state().step(), Step::Result);
    h.get_by_label_contains("Questo monitor (MN-120) è nell'elenco");
    h.get_by_label_contains("CMS8000 venduto con un altro nome");
    click_containing(&mut h, &tr(lang, "result-next"));
    h.get_by_label_contains("Stacchi il cavo di rete");
    click_containing(&mut h, &tr(lang, "guidance-next"));
    assert_eq!(h.state().step(), Step::Notice);
}

/// The identify step shows where the label is and what its model field
/// looks like, as pictures a screen reader can name, in every language
/// and in high contrast.
#[test]
fn the_identify_step_shows_where_the_label_is() {
    for lang in Lang::ALL {
        let dir = tempfile::tempdir().unwrap();
        let mut h = harness(lang, dir.path());
        click_containing(&mut h, &tr(lang, "welcome-start"));
        assert_eq!(h.state().step(), Step::Identify);
        for id in [
            "picture-label-location",
            "picture-label-underneath",
            "picture-rating-label",
        ] {
            h.get_by_role_and_label(Role::Image, &tr(lang, id));
        }
        h.get_by_label(&tr(lang, "look-high-contrast")).click();
        settle(&mut h);
        assert!(h.state().prefs().look.high_contrast);
        h.get_by_role_and_label(Role::Image, &tr(lang, "picture-label-location"));
    }
}

/// The first things to do are shown as well as said: the plug out and
/// Wi-Fi off, and the C key not to press.
#[test]
fn the_guidance_step_shows_what_to_do() {
    for lang in Lang::ALL {
        let (mut h, _dir) = walk_to_result(lang, "CMS 8000");
        click_containing(&mut h, &tr(lang, "result-next"));
        assert_eq!(h.state().step(), Step::Guidance);
        for id in ["picture-unplug", "picture-no-c-key"] {
            h.get_by_role_and_label(Role::Image, &tr(lang, id))
                .scroll_to_me();
        }
    }
}

#[test]
fn a_near_miss_is_not_listed_and_asks_to_check_the_label() {
    let (h, _dir) = walk_to_result(Lang::En, "CMS800");
    h.get_by_label_contains("The model we read, CMS800, is not on the list");
    h.get_by_label_contains("Please check that the label really says CMS800");
}

#[test]
fn a_serial_alone_gives_no_answer() {
    let (h, _dir) = walk_to_result(Lang::En, "SN 123456789");
    h.get_by_label_contains(&tr(Lang::En, "result-unknown"));
    h.get_by_label_contains("This does not mean it is safe");
}

#[test]
fn empty_input_is_refused_on_the_same_step() {
    let (h, _dir) = walk_to_result(Lang::En, "");
    assert_eq!(h.state().step(), Step::Identify);
    h.get_by_label(&tr(Lang::En, "identify-error-empty"));
}

#[test]
fn back_returns_to_the_previous_step() {
    let lang = Lang::En;
    let (mut h, _dir) = walk_to_result(lang, "CMS6500");
    click_containing(&mut h, &tr(lang, "nav-back"));
    assert_eq!(h.state().step(), Step::Identify);
}

#[test]
fn language_and_look_switch_from_the_top_bar() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(Lang::En, dir.path());
    h.get_by_label(&tr(Lang::En, "welcome-heading"));
    click(&mut h, Role::Button, "Italiano");
    h.get_by_label(&tr(Lang::It, "welcome-heading"));
    click(&mut h, Role::CheckBox, &tr(Lang::It, "look-large-text"));
    assert!(h.state().prefs().look.large_text);
}

/// Runs frames until `label` shows up (a worker thread is writing), at most
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

fn type_into(h: &mut Harness<'_, MonitorCheckApp>, label: &str, text: &str) {
    h.get_by_label(label).scroll_to_me();
    settle(h);
    h.get_by_label(label).focus();
    settle(h);
    h.get_by_label(label).type_text(text);
    settle(h);
}

/// Runs frames until the draft on disk contains `text` (the writer thread
/// has saved it), at most 10 s.
fn wait_for_draft(h: &mut Harness<'_, MonitorCheckApp>, dir: &std::path::Path, text: &str) {
    let path = monitor_check::notice::DraftStore::new(dir.to_path_buf()).path();
    for _ in 0..100 {
        std::thread::sleep(std::time::Duration::from_millis(100));
        settle(h);
        if std::fs::read_to_string(&path).is_ok_and(|d| d.contains(text)) {
            return;
        }
    }
    panic!("the draft never held {text:?}");
}

/// Picks `choice_id` for the question `question_id` (both message ids), by
/// the radio button's accessible name "question: choice".
fn answer(h: &mut Harness<'_, MonitorCheckApp>, lang: Lang, question_id: &str, choice_id: &str) {
    let name = format!("{}: {}", tr(lang, question_id), tr(lang, choice_id));
    click(h, Role::RadioButton, &name);
}

/// The notice as the live preview on the notice step shows it.
fn preview(h: &Harness<'_, MonitorCheckApp>, lang: Lang) -> String {
    h.get_by_label(&tr(lang, "ui-notice-preview-label"))
        .accesskit_node()
        .value()
        .unwrap_or_default()
}

fn walk_to_notice(
    lang: Lang,
    text: &str,
) -> (Harness<'static, MonitorCheckApp>, tempfile::TempDir) {
    let (mut h, dir) = walk_to_result(lang, text);
    click_containing(&mut h, &tr(lang, "result-next"));
    click_containing(&mut h, &tr(lang, "guidance-next"));
    assert_eq!(h.state().step(), Step::Notice);
    (h, dir)
}

#[test]
fn notice_is_filled_and_saved_as_pdf_and_text_in_both_languages() {
    for lang in Lang::ALL {
        let (mut h, dir) = walk_to_notice(lang, "CMS 8000");
        type_into(&mut h, &tr(lang, "ui-notice-gp-name"), "Dr. Rossi");
        type_into(&mut h, &tr(lang, "notice-f-serial"), "SN-777");
        assert_eq!(h.state().form().device.model, "CMS8000");

        click(&mut h, Role::Button, &tr(lang, "ui-notice-save-pdf"));
        let saved = tr(lang, "ui-notice-saved");
        let saved = saved.split('{').next().unwrap().trim();
        wait_for_label(&mut h, saved);
        let pdfs: Vec<_> = std::fs::read_dir(dir.path().join("saved"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        assert_eq!(pdfs.len(), 1, "{pdfs:?}");
        let bytes = std::fs::read(&pdfs[0]).unwrap();
        assert!(bytes.starts_with(b"%PDF"), "not a PDF");

        click(&mut h, Role::Button, &tr(lang, "ui-notice-save-text"));
        let find_txt = || {
            std::fs::read_dir(dir.path().join("saved"))
                .unwrap()
                .map(|e| e.unwrap().path())
                .find(|p| p.extension().is_some_and(|e| e == "txt"))
        };
        let mut txt = None;
        for _ in 0..100 {
            settle(&mut h);
            txt = find_txt();
            if txt.is_some() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        let txt = txt.expect("a text notice");
        let notice = std::fs::read_to_string(txt).unwrap();
        assert!(notice.contains("Dr. Rossi"), "{notice}");
        assert!(notice.contains("SN-777"), "{notice}");
        assert!(notice.contains("CMS8000"), "{notice}");
    }
}

/// The app in English, the notice in German for a doctor in South Tyrol:
/// the preview and the saved text follow the notice's language, the
/// screen stays English, and the choice comes back with the draft.
#[test]
fn the_notice_is_written_in_its_own_language() {
    let lang = Lang::En;
    let (mut h, dir) = walk_to_notice(lang, "CMS 8000");
    let question = tr(lang, "ui-notice-language");
    click(
        &mut h,
        Role::RadioButton,
        &format!("{question}: {}", Lang::De.native_name()),
    );
    type_into(&mut h, &tr(lang, "ui-notice-gp-name"), "Dr. Gruber");
    // The screen is still English; the preview is German.
    h.get_by_label(&tr(lang, "ui-notice-save-text"));
    let german = tr(Lang::De, "notice-title").to_uppercase();
    assert!(preview(&h, lang).starts_with(&german));
    click(&mut h, Role::Button, &tr(lang, "ui-notice-save-text"));
    let mut text = None;
    for _ in 0..100 {
        settle(&mut h);
        text = std::fs::read_dir(dir.path().join("saved"))
            .ok()
            .and_then(|mut d| d.find_map(|e| e.ok().map(|e| e.path())))
            .and_then(|p| std::fs::read_to_string(p).ok());
        if text.is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let text = text.expect("a text notice");
    assert!(
        text.contains(&tr(Lang::De, "notice-title").to_uppercase()),
        "{text}"
    );
    assert!(text.contains("Dr. Gruber"), "{text}");

    wait_for_draft(&mut h, dir.path(), "Dr. Gruber");
    drop(h);
    let h = harness(lang, dir.path());
    assert_eq!(h.state().step(), Step::Notice);
    assert!(preview(&h, lang).starts_with(&german));
}

#[test]
fn an_unfinished_notice_survives_a_closed_app() {
    let lang = Lang::En;
    let (mut h, dir) = walk_to_notice(lang, "Epsimed MN-120");
    type_into(&mut h, &tr(lang, "ui-notice-gp-name"), "Dr. Bianchi");
    type_into(
        &mut h,
        &tr(lang, "ui-notice-observations"),
        "It restarted twice",
    );
    // Let the autosave's quiet time pass and its thread write, then drop
    // the app without any shutdown hook running, as a crash would.
    wait_for_draft(&mut h, dir.path(), "It restarted twice");
    drop(h);

    let mut h = harness(lang, dir.path());
    assert_eq!(h.state().step(), Step::Notice);
    h.get_by_label_contains(&tr(lang, "ui-notice-restored"));
    assert_eq!(h.state().form().gp_name, "Dr. Bianchi");
    assert_eq!(h.state().form().observations, "It restarted twice");
    assert_eq!(h.state().form().device.model, "MN-120");

    click(&mut h, Role::Button, &tr(lang, "ui-notice-discard"));
    assert_eq!(h.state().step(), Step::Identify);
    // The removal runs on the writer thread; closing the window waits for
    // it (`on_exit`), which the harness does not call, so wait here.
    h.state()
        .state()
        .wait_for_writes(std::time::Duration::from_secs(5));
    drop(h);
    let h = harness(lang, dir.path());
    assert_eq!(h.state().step(), Step::Welcome);
}

/// Walking past the checklist answers nothing: the notice says the
/// checklist was not filled in and never "not seen", in both languages.
#[test]
fn a_checklist_nobody_answered_is_not_reported_as_checked() {
    for lang in Lang::ALL {
        let (mut h, _dir) = walk_to_result(lang, "CMS 8000");
        click_containing(&mut h, &tr(lang, "result-next"));
        // Scroll the whole checklist into view, as a reader would.
        let last = format!(
            "{}: {}",
            tr(lang, "tamper-network-turned-on"),
            tr(lang, "tamper-answer-not-checked")
        );
        h.get_by_role_and_label(Role::RadioButton, &last)
            .scroll_to_me();
        settle(&mut h);
        click_containing(&mut h, &tr(lang, "guidance-next"));
        assert_eq!(h.state().step(), Step::Notice);
        let form = h.state().form();
        assert!(form.tamper.is_empty(), "{:?}", form.tamper);
        assert_eq!(form.connection, None);
        let text = preview(&h, lang);
        assert!(text.contains(&tr(lang, "notice-tamper-not-done")), "{text}");
        assert!(
            !text.contains(&tr(lang, "tamper-answer-not-seen.notice")),
            "{text}"
        );
        assert!(
            !text.contains(&tr(lang, "tamper-answer-seen.notice")),
            "{text}"
        );
        assert!(text.contains(&tr(lang, "notice-not-answered")), "{text}");
    }
}

/// Answers given on the guidance step reach the notice as given.
#[test]
fn checklist_answers_reach_the_notice() {
    for lang in Lang::ALL {
        let (mut h, _dir) = walk_to_result(lang, "CMS 8000");
        click_containing(&mut h, &tr(lang, "result-next"));
        answer(&mut h, lang, "guidance-connection", "connection-wifi");
        answer(&mut h, lang, "guidance-done-cable", "ui-no");
        answer(&mut h, lang, "guidance-done-wifi", "ui-yes");
        answer(
            &mut h,
            lang,
            "tamper-settings-changed",
            "tamper-answer-seen",
        );
        click(&mut h, Role::Button, &tr(lang, "guidance-tamper-none"));
        h.get_by_label_contains(&tr(lang, "guidance-tamper-serious"));
        click_containing(&mut h, &tr(lang, "guidance-next"));
        // The text notice wraps long lines with an indent: join them back.
        let text = preview(&h, lang).replace("\n    ", " ");
        let line = |label_id: &str| {
            let label = tr(lang, label_id);
            text.lines()
                .find(|l| l.contains(&label))
                .unwrap_or_else(|| panic!("{label:?} in {text}"))
                .to_owned()
        };
        let seen = format!(": {}", tr(lang, "tamper-answer-seen.notice"));
        let not_seen = format!(": {}", tr(lang, "tamper-answer-not-seen.notice"));
        assert!(line("tamper-settings-changed.notice").ends_with(&seen));
        for id in [
            "tamper-readings-mismatch.notice",
            "tamper-unexpected-restart.notice",
            "tamper-network-turned-on.notice",
        ] {
            assert!(line(id).ends_with(&not_seen), "{id}: {text}");
        }
        assert!(line("notice-f-connection").ends_with(&tr(lang, "connection-wifi.notice")));
        assert!(line("notice-f-cable-unplugged").ends_with(&tr(lang, "notice-no")));
        assert!(line("notice-f-wifi-off").ends_with(&tr(lang, "notice-yes")));
        assert!(line("notice-f-still-used").ends_with(&tr(lang, "notice-not-answered")));
    }
}

/// A notice built from a photo comes back after a crash on the step where
/// the user left it, with the verdict and its evidence.
#[test]
fn a_notice_from_a_photo_comes_back_where_it_was_left() {
    let lang = Lang::En;
    let (mut h, dir) = at_identify(lang);
    drop_photo(&mut h, fixture("ocr_label.jpg"));
    wait_for_label(&mut h, "We read: Model: CMS8000");
    click_containing(&mut h, &tr(lang, "photo-confirm-yes"));
    click_containing(&mut h, &tr(lang, "result-next"));
    assert_eq!(h.state().step(), Step::Guidance);
    answer(
        &mut h,
        lang,
        "tamper-unexpected-restart",
        "tamper-answer-not-seen",
    );
    wait_for_draft(&mut h, dir.path(), "unexpected_restart");
    drop(h);

    let mut h = harness(lang, dir.path());
    assert_eq!(h.state().step(), Step::Guidance);
    assert_eq!(
        h.state()
            .form()
            .tamper_answer(monitor_check::guidance::TamperSign::UnexpectedRestart),
        monitor_check::notice::Answer::No
    );
    click_containing(&mut h, &tr(lang, "nav-back"));
    assert_eq!(h.state().step(), Step::Result);
    h.get_by_label_contains("This monitor (CMS8000) is on the list");
    h.get_by_label_contains("Read in photo ocr_label.jpg");
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

#[test]
fn a_dropped_label_photo_is_read_confirmed_and_gives_the_verdict() {
    let lang = Lang::En;
    let (mut h, _dir) = at_identify(lang);
    drop_photo(&mut h, fixture("ocr_label.jpg"));
    wait_for_label(&mut h, "We read: Model: CMS8000");
    h.get_by_label_contains("Does the label say this?");
    click_containing(&mut h, &tr(lang, "photo-confirm-yes"));
    assert_eq!(h.state().step(), Step::Result);
    h.get_by_label_contains("This monitor (CMS8000) is on the list");
    h.get_by_label_contains("Read in photo ocr_label.jpg");
}

#[test]
fn a_text_file_dropped_as_a_photo_gets_a_clear_message() {
    let lang = Lang::It;
    let (mut h, dir) = at_identify(lang);
    let fake = dir.path().join("etichetta.jpg");
    std::fs::write(&fake, "not a picture at all").unwrap();
    drop_photo(&mut h, fake);
    wait_for_label(&mut h, &tr(lang, "photo-error-not-image"));
    assert_eq!(h.state().step(), Step::Identify);
}

/// A "photo" that is not a picture is named in the notice on screen as not
/// attached, as it is in the files written.
#[test]
fn the_notice_preview_names_a_photo_that_could_not_be_read() {
    let lang = Lang::En;
    let (mut h, dir) = at_identify(lang);
    let fake = dir.path().join("label-back.jpg");
    std::fs::write(&fake, "not a picture at all").unwrap();
    drop_photo(&mut h, fake);
    wait_for_label(&mut h, &tr(lang, "photo-error-not-image"));
    identify(&mut h, lang, "CMS 8000");
    click_containing(&mut h, &tr(lang, "result-next"));
    click_containing(&mut h, &tr(lang, "guidance-next"));
    assert_eq!(h.state().step(), Step::Notice);
    let text = preview(&h, lang).replace("\n    ", " ");
    let expected = monitor_check::i18n::tr_args(
        lang,
        "notice-photo-not-attached",
        &[("name", "label-back.jpg")],
    );
    assert!(text.contains(&expected), "{text}");
}

#[test]
#[ignore = "needs ../shared"]
fn a_dev_corpus_photo_reaches_the_result_step() {
    let photo =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/dev/dev_0009.jpg");
    assert!(photo.exists(), "{} is missing", photo.display());
    let lang = Lang::En;
    let (mut h, _dir) = at_identify(lang);
    drop_photo(&mut h, photo);
    wait_for_label(&mut h, "We read:");
    click_containing(&mut h, &tr(lang, "photo-confirm-yes"));
    assert_eq!(h.state().step(), Step::Result);
    h.get_by_label_contains("(MN-120) is on the list");
}

/// Typed text the matcher refuses is not quietly left out of a photo
/// verdict: the field says why, and no photo verdict is offered until the
/// text is fixed.
#[test]
fn refused_typed_text_is_shown_when_photos_are_read() {
    let lang = Lang::En;
    let (mut h, _dir) = at_identify(lang);
    let too_long = "8".repeat(monitor_check::identify::MAX_TEXT_CHARS + 1);
    type_into(&mut h, &tr(lang, "identify-field"), &too_long);
    drop_photo(&mut h, fixture("ocr_label.jpg"));
    wait_for_label(&mut h, &tr(lang, "identify-error-too-long"));
    assert!(
        h.query_by_label_contains("Does the label say this?")
            .is_none()
    );
    assert_eq!(h.state().step(), Step::Identify);
}

// Label photos: HEIC and EXIF-rotated JPEGs shown upright; a blurred
// photo coached.

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

/// The app at the identify step with `camera` as the computer's camera.
fn at_identify_with_camera(
    lang: Lang,
    camera: monitor_check::camera::Opener,
) -> (Harness<'static, MonitorCheckApp>, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let mut config = AppConfig::offline(lang, dir.path());
    config.camera = camera;
    let mut h = Harness::builder()
        .with_size(egui::vec2(1000.0, 1400.0))
        .build_eframe(move |cc| MonitorCheckApp::new(cc, config));
    settle(&mut h);
    click_containing(&mut h, &tr(lang, "welcome-start"));
    assert_eq!(h.state().step(), Step::Identify);
    (h, dir)
}

/// Every file under `dir` that holds a JPEG (by its first bytes).
fn jpegs_under(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut found = Vec::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else if std::fs::read(&path)
                .unwrap()
                .starts_with(&[0xFF, 0xD8, 0xFF])
            {
                found.push(path);
            }
        }
    }
    found
}

/// A label held to the camera: the live preview shows, *Take photo* reads
/// the frame through the same reader as a photo file, the verdict rests on
/// it, and the photo reaches the disk only inside the notice.
#[test]
fn a_label_held_to_the_camera_is_taken_read_and_put_in_the_notice() {
    let lang = Lang::En;
    let frame = image::open(fixture("ocr_label.jpg")).unwrap().into_rgb8();
    let camera =
        monitor_check::camera::Synthetic::opener(frame, std::time::Duration::from_millis(20));
    let (mut h, dir) = at_identify_with_camera(lang, camera);
    click(&mut h, Role::Button, &tr(lang, "camera-open"));
    wait_for_label(&mut h, &tr(lang, "camera-preview-alt"));
    let rect = h.get_by_label(&tr(lang, "camera-preview-alt")).rect();
    assert!(rect.width() > 100.0, "the preview is drawn: {rect:?}");
    click(&mut h, Role::Button, &tr(lang, "camera-take"));
    wait_for_label(&mut h, "We read: Model: CMS8000");
    // The camera is closed once the photo is taken.
    assert!(h.query_by_label(&tr(lang, "camera-take")).is_none());
    assert!(jpegs_under(dir.path()).is_empty(), "no frame on disk");
    click_containing(&mut h, &tr(lang, "photo-confirm-yes"));
    assert_eq!(h.state().step(), Step::Result);
    h.get_by_label_contains("Read in photo camera-photo-1.jpg");

    click_containing(&mut h, &tr(lang, "result-next"));
    click_containing(&mut h, &tr(lang, "guidance-next"));
    assert_eq!(h.state().step(), Step::Notice);
    assert!(preview(&h, lang).contains("camera-photo-1.jpg"));
    click(&mut h, Role::Button, &tr(lang, "ui-notice-save-pdf"));
    let saved = tr(lang, "ui-notice-saved");
    wait_for_label(&mut h, saved.split('{').next().unwrap().trim());
    let pdf = std::fs::read_dir(dir.path().join("saved"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "pdf"))
        .expect("a PDF notice");
    assert!(
        pdf_text(&std::fs::read(&pdf).unwrap()).contains("camera-photo-1.jpg"),
        "the notice shows the photo taken"
    );
    // The draft keeps the verdict, never the photo.
    assert!(
        jpegs_under(dir.path()).is_empty(),
        "no JPEG file of its own"
    );
}

/// No camera, a busy one, one refused by the system, one that stops: each
/// says so in plain words with *Try again*, and the step still works.
#[test]
fn a_camera_that_cannot_be_used_is_said_plainly_and_the_step_goes_on() {
    use monitor_check::camera::{CameraError, Synthetic};
    let lang = Lang::It;
    let stops = || {
        let frame = image::RgbImage::from_pixel(64, 48, image::Rgb([128, 128, 128]));
        Synthetic::new(frame, std::time::Duration::from_millis(5))
            .failing_after(3, CameraError::Lost("unplugged".into()))
            .into_opener()
    };
    let cases = [
        (
            Synthetic::failing_opener(CameraError::NoCamera),
            "camera-none",
        ),
        (
            Synthetic::failing_opener(CameraError::Busy("os error 16".into())),
            "camera-busy",
        ),
        (
            Synthetic::failing_opener(CameraError::Denied("os error 13".into())),
            "camera-denied",
        ),
        (stops(), "camera-lost"),
    ];
    for (camera, message) in cases {
        let (mut h, _dir) = at_identify_with_camera(lang, camera);
        click(&mut h, Role::Button, &tr(lang, "camera-open"));
        wait_for_label(&mut h, &tr(lang, message));
        assert!(
            h.query_by_label(&tr(lang, "camera-take")).is_none(),
            "{message}"
        );
        // Try again opens it afresh, and fails the same way.
        click(&mut h, Role::Button, &tr(lang, "camera-retry"));
        wait_for_label(&mut h, &tr(lang, message));
        click(&mut h, Role::Button, &tr(lang, "camera-close"));
        assert!(h.query_by_label(&tr(lang, message)).is_none(), "{message}");
        // Typing the model still works.
        identify(&mut h, lang, "CMS 8000");
        assert_eq!(h.state().step(), Step::Result, "{message}");
    }
}

/// Leaving the identify step turns the camera off: back on the step, the
/// panel is closed.
#[test]
fn the_camera_is_turned_off_when_the_step_is_left() {
    let lang = Lang::De;
    let frame = image::RgbImage::from_pixel(320, 240, image::Rgb([200, 200, 200]));
    let camera =
        monitor_check::camera::Synthetic::opener(frame, std::time::Duration::from_millis(20));
    let (mut h, _dir) = at_identify_with_camera(lang, camera);
    click(&mut h, Role::Button, &tr(lang, "camera-open"));
    wait_for_label(&mut h, &tr(lang, "camera-preview-alt"));
    identify(&mut h, lang, "CMS 8000");
    assert_eq!(h.state().step(), Step::Result);
    click_containing(&mut h, &tr(lang, "nav-back"));
    assert_eq!(h.state().step(), Step::Identify);
    assert!(h.query_by_label(&tr(lang, "camera-preview-alt")).is_none());
    assert!(h.query_by_label(&tr(lang, "camera-close")).is_none());
    h.get_by_label(&tr(lang, "camera-open"));
}

/// *Take photo in 3 seconds* leaves both hands free: the count is shown,
/// can be stopped, and at zero the photo is taken and read.
#[test]
fn the_self_timer_takes_the_photo_after_its_count_and_can_be_stopped() {
    let lang = Lang::It;
    let frame = image::open(fixture("ocr_label.jpg")).unwrap().into_rgb8();
    let camera =
        monitor_check::camera::Synthetic::opener(frame, std::time::Duration::from_millis(20));
    let (mut h, _dir) = at_identify_with_camera(lang, camera);
    click(&mut h, Role::Button, &tr(lang, "camera-open"));
    wait_for_label(&mut h, &tr(lang, "camera-preview-alt"));
    click(&mut h, Role::Button, &tr(lang, "camera-take-timer"));
    let counting = tr_args(lang, "camera-timer-left", &[("seconds", "3")]);
    h.get_by_label(&counting);
    click(&mut h, Role::Button, &tr(lang, "camera-timer-stop"));
    std::thread::sleep(std::time::Duration::from_millis(3500));
    settle(&mut h);
    assert!(
        h.query_by_label_contains("Abbiamo letto").is_none(),
        "stopped"
    );
    h.get_by_label(&tr(lang, "camera-take"));

    click(&mut h, Role::Button, &tr(lang, "camera-take-timer"));
    wait_for_label(&mut h, "Abbiamo letto: Model: CMS8000");
    // The photo's name, over it and in its alternative text.
    let name = tr_args(lang, "camera-photo-name", &[("n", "1")]);
    h.get_by_label(&tr_args(lang, "photo-alt", &[("name", &name)]));
}

#[test]
fn about_shows_the_version_the_list_and_every_licence() {
    for lang in [Lang::It, Lang::En, Lang::De] {
        let dir = tempfile::tempdir().unwrap();
        let mut h = harness(lang, dir.path());
        click(&mut h, Role::Button, &tr(lang, "about-open"));
        h.get_by_label(&tr_args(
            lang,
            "about-version",
            &[("version", env!("CARGO_PKG_VERSION"))],
        ));
        h.get_by_label(&tr(lang, "about-licence"));
        // Each licence unfolds on its own; the crates' is the one shipped
        // beside the program.
        click_containing(&mut h, &tr(lang, "about-licence-fonts"));
        h.get_by_label("Bitstream Vera Fonts Copyright");
        click_containing(&mut h, &tr(lang, "about-licence-fonts"));
        click_containing(&mut h, &tr(lang, "about-licence-crates"));
        h.get_by_label("Monitor Check: licences of the software it is built from");
        click(&mut h, Role::Button, &tr(lang, "about-close"));
        assert!(
            h.query_by_label(&tr(lang, "about-licence")).is_none(),
            "{lang:?}: Close closes the window"
        );
    }
}

fn is_eml(file: &str) -> bool {
    std::path::Path::new(file)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("eml"))
}

/// The e-mail handed to the mail program carries the patient's notice and
/// photos. *Discard this notice* and *Check another monitor* remove it,
/// together with a second e-mail still being written when the button is
/// pressed: that job is cancelled, and the removal waits for it.
#[test]
fn discard_and_start_over_leave_no_email_behind() {
    let lang = Lang::En;
    for button in ["ui-notice-discard", "ui-notice-start-over"] {
        let (mut h, dir) = walk_to_notice(lang, "CMS 8000");
        type_into(&mut h, &tr(lang, "ui-notice-gp-name"), "Dr. Rossi");
        click(&mut h, Role::Button, &tr(lang, "ui-notice-email"));
        let ready = tr(lang, "ui-notice-email-ready");
        wait_for_label(&mut h, ready.split('(').next().unwrap().trim());
        let emails: Vec<String> = files_under(dir.path())
            .into_iter()
            .filter(|f| f.starts_with("outbox") && is_eml(f))
            .collect();
        assert_eq!(emails.len(), 1, "one e-mail in the outbox");

        // A second e-mail, and the button pressed while the e-mail's job
        // runs (writing a PDF and an e-mail takes far longer than a frame):
        // the job is dropped with the notice. A click reaches only a button
        // in view: a tall window, and the short scroll to the button.
        h.set_size(egui::vec2(1000.0, 7000.0));
        settle(&mut h);
        h.get_by_role_and_label(Role::Button, &tr(lang, "ui-notice-email"))
            .click();
        h.get_by_role_and_label(Role::Button, &tr(lang, button))
            .scroll_to_me();
        h.run_steps(1);
        assert!(
            h.query_by_label(&tr(lang, "ui-notice-working")).is_some(),
            "the second e-mail is still being written"
        );
        h.get_by_role_and_label(Role::Button, &tr(lang, button))
            .click();
        settle(&mut h);
        assert_ne!(h.state().step(), Step::Notice, "{button}");
        h.state_mut()
            .state_mut()
            .wait_for_cleanup(std::time::Duration::from_secs(20));
        // Whatever the cancelled job had left to do is over by now.
        std::thread::sleep(std::time::Duration::from_millis(500));
        settle(&mut h);
        let left: Vec<String> = files_under(dir.path())
            .into_iter()
            .filter(|f| !f.starts_with("prefs"))
            .collect();
        assert!(left.is_empty(), "{button}: left behind {left:?}");
    }
}

/// With no data folder, the e-mail goes only where the user chooses (here
/// the tests' save folder), never into the temp folder, and the step says
/// that nothing is kept.
#[test]
fn without_a_data_folder_the_email_is_saved_where_the_user_chooses() {
    let lang = Lang::It;
    let chosen = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let config = AppConfig {
        data_dir: None,
        dialogs: monitor_check::ui::Dialogs::Fixed(chosen.path().to_path_buf()),
        ..AppConfig::offline(lang, dir.path())
    };
    let mut h = Harness::builder()
        .with_size(egui::vec2(1000.0, 1400.0))
        .build_eframe(move |cc| MonitorCheckApp::new(cc, config));
    settle(&mut h);
    click(&mut h, Role::RadioButton, &tr(lang, "role-carer"));
    click_containing(&mut h, &tr(lang, "welcome-start"));
    identify(&mut h, lang, "CMS 8000");
    click_containing(&mut h, &tr(lang, "result-next"));
    click_containing(&mut h, &tr(lang, "guidance-next"));
    assert_eq!(h.state().step(), Step::Notice);
    assert!(
        h.query_by_label(&tr(lang, "ui-notice-no-data-dir"))
            .is_some()
    );
    // The old fallback wrote into the temp folder's root.
    let emails_in_temp = || -> Vec<std::path::PathBuf> {
        std::fs::read_dir(std::env::temp_dir())
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "eml"))
            .collect()
    };
    let temp_before = emails_in_temp();
    click(&mut h, Role::Button, &tr(lang, "ui-notice-email"));
    let ready = tr(lang, "ui-notice-email-ready");
    wait_for_label(&mut h, ready.split('(').next().unwrap().trim());
    let saved = files_under(chosen.path());
    assert_eq!(saved.len(), 1, "{saved:?}");
    assert!(is_eml(&saved[0]), "{saved:?}");
    assert!(
        files_under(dir.path()).is_empty(),
        "nothing in a data folder"
    );
    assert_eq!(emails_in_temp(), temp_before);
}
