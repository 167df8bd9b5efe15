//! *About*: the app's version, the list in use, and the licences of
//! everything the app is built from: its own, the fonts', the models', and
//! every crate's (`packaging/licenses/THIRD-PARTY-LICENSES.txt`, made by
//! cargo-about and zlib-packed into the binary by `build.rs`); and *Save
//! diagnostics…*, the file a user can send when something did not work
//! (`crate::applog`: versions, system, the log's last lines).

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use egui::RichText;

use super::dialogs::Dialogs;
use super::jobs::Job;
use super::steps::StepCtx;
use super::theme;
use crate::i18n::{tr, tr_args};
use crate::update::{ActiveList, ListOrigin};

const APP_LICENCE: &str = include_str!("../../LICENSE");
const FONTS_LICENCE: &str = include_str!("../../assets/fonts/LICENSE-DejaVu.txt");
const MODELS_NOTICE: &str = include_str!("../../assets/models/NOTICE");
static THIRD_PARTY_PACKED: &[u8] =
    include_bytes!(concat!(env!("OUT_DIR"), "/THIRD-PARTY-LICENSES.txt.zlib"));

/// Far above the file (about 0.5 MB): a damaged stream cannot make us
/// allocate more.
const MAX_LICENCES_BYTES: usize = 16 * 1024 * 1024;

/// The third-party licences, inflated the first time they are shown.
pub(crate) fn third_party() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| {
        miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(
            THIRD_PARTY_PACKED,
            MAX_LICENCES_BYTES,
        )
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .unwrap_or_default()
    })
}

/// Each document's lines, split the first time it is shown.
static APP: OnceLock<Vec<&str>> = OnceLock::new();
static FONTS: OnceLock<Vec<&str>> = OnceLock::new();
static MODELS: OnceLock<Vec<&str>> = OnceLock::new();
static CRATES: OnceLock<Vec<&str>> = OnceLock::new();

/// Lines of a long text, split once.
fn lines_of(
    text: &'static str,
    cell: &'static OnceLock<Vec<&'static str>>,
) -> &'static [&'static str] {
    cell.get_or_init(|| text.lines().collect())
}

/// What the *About* window keeps between frames.
#[derive(Default)]
pub(crate) struct About {
    /// The window is shown (a view choice, not app state).
    pub(crate) open: bool,
    /// *Save diagnostics…* at work.
    saving: Option<Job<Saved>>,
    /// How the last save ended: saved (true) or not, in words.
    message: Option<(bool, String)>,
}

/// How *Save diagnostics…* ended.
enum Saved {
    Written(PathBuf),
    Cancelled,
    Failed(String),
}

/// Draws the *About* window while `about.open` is true; its close button
/// and *Close* set it to false.
pub(crate) fn window(ctx: &egui::Context, step: &StepCtx<'_>, about: &mut About) {
    let (lang, list) = (step.lang, step.list);
    let mut close = false;
    let mut open = about.open;
    egui::Window::new(tr(lang, "about-title"))
        .open(&mut open)
        .collapsible(false)
        .resizable(true)
        .default_size([640.0, 520.0])
        .show(ctx, |ui| {
            ui.label(RichText::new(tr(lang, "app-title")).strong());
            ui.label(tr_args(
                lang,
                "about-version",
                &[("version", env!("CARGO_PKG_VERSION"))],
            ));
            ui.label(super::steps::welcome::list_in_use(lang, list));
            ui.label(tr(lang, "about-licence"));
            ui.add_space(theme::GAP);
            diagnostics_ui(ui, step, about);
            ui.add_space(theme::GAP);
            ui.label(RichText::new(tr(lang, "about-licences")).strong());
            for (title, text, lines) in [
                ("about-licence-app", APP_LICENCE, &APP),
                ("about-licence-fonts", FONTS_LICENCE, &FONTS),
                ("about-licence-models", MODELS_NOTICE, &MODELS),
                ("about-licence-crates", third_party(), &CRATES),
            ] {
                document(ui, &tr(lang, title), lines_of(text, lines));
            }
            ui.add_space(theme::GAP);
            if ui.button(tr(lang, "about-close")).clicked() {
                close = true;
            }
        });
    about.open = open && !close;
}

/// *Save diagnostics…*, the job that writes the file, and how it ended.
fn diagnostics_ui(ui: &mut egui::Ui, step: &StepCtx<'_>, about: &mut About) {
    let lang = step.lang;
    ui.label(tr(lang, "about-diagnostics-hint"));
    if let Some(job) = &mut about.saving {
        if let Some(saved) = job.poll() {
            about.message = match saved {
                Saved::Written(path) => Some((
                    true,
                    tr_args(
                        lang,
                        "about-diagnostics-saved",
                        &[("path", &path.display().to_string())],
                    ),
                )),
                Saved::Cancelled => None,
                Saved::Failed(detail) => Some((
                    false,
                    super::jobs::with_details(lang, &tr(lang, "about-diagnostics-failed"), &detail),
                )),
            };
            about.saving = None;
        } else if job.is_lost() {
            about.message = Some((false, super::jobs::lost_message(lang, job)));
            about.saving = None;
        }
    }
    if about.saving.is_some() {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(tr(lang, "about-diagnostics-saving"));
        });
    } else if ui.button(tr(lang, "about-save-diagnostics")).clicked() {
        about.message = None;
        let facts = crate::applog::Facts {
            app_version: crate::APP_VERSION.to_owned(),
            list: list_facts(step.list),
            has_data_dir: step.data_dir.is_some(),
        };
        let data_dir = step.data_dir.map(Path::to_path_buf);
        let dialogs = step.dialogs.clone();
        let name = format!(
            "monitor-check-diagnostics-{}.txt",
            jiff::Zoned::now().date()
        );
        match Job::spawn("diagnostics", ui.ctx(), move |_| {
            save(&dialogs, &name, &facts, data_dir.as_deref())
        }) {
            Ok(job) => about.saving = Some(job),
            Err(e) => {
                about.message = Some((false, super::jobs::not_started_message(lang, &e)));
            }
        }
    }
    if let Some((saved, text)) = &about.message {
        let text = RichText::new(text).strong();
        ui.label(if *saved {
            text
        } else {
            text.color(theme::error_color(step.look))
        });
    }
}

/// The list in use, for the diagnostics: version, date, origin.
fn list_facts(list: &ActiveList) -> String {
    let origin = match list.origin {
        ListOrigin::Bundled => "built in",
        ListOrigin::Stored => "downloaded",
    };
    format!(
        "version {} of {}, {origin}",
        list.catalog.version, list.catalog.issued
    )
}

/// On the worker thread: asks where, and writes the diagnostics there.
fn save(
    dialogs: &Dialogs,
    name: &str,
    facts: &crate::applog::Facts,
    data_dir: Option<&Path>,
) -> Saved {
    let Some(path) = dialogs.save_path(name, "Text", "txt") else {
        return Saved::Cancelled;
    };
    let text = crate::applog::diagnostics(facts, data_dir);
    match crate::fsutil::write_atomic(&path, text.as_bytes()) {
        Ok(()) => {
            log::info!("diagnostics saved");
            Saved::Written(path)
        }
        Err(e) => {
            log::warn!("the diagnostics could not be saved");
            Saved::Failed(e.to_string())
        }
    }
}

/// One licence document, folded: only the lines in view are laid out, so
/// the crates' half a megabyte of text scrolls smoothly.
fn document(ui: &mut egui::Ui, title: &str, lines: &[&str]) {
    egui::CollapsingHeader::new(title)
        .id_salt(title)
        .show(ui, |ui| {
            let row_height = ui.text_style_height(&egui::TextStyle::Monospace);
            egui::ScrollArea::both()
                .id_salt(title)
                .max_height(240.0)
                .auto_shrink([false, true])
                .show_rows(ui, row_height, lines.len(), |ui, rows| {
                    // Unwrapped, so every row has the height `show_rows`
                    // counts on; long lines scroll sideways.
                    for line in &lines[rows] {
                        ui.add(
                            egui::Label::new(RichText::new(*line).monospace())
                                .wrap_mode(egui::TextWrapMode::Extend),
                        );
                    }
                });
        });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_crates_licences_are_packed_in_whole() {
        let text = third_party();
        assert!(
            text.starts_with("Monitor Check: licences of the software it is built from"),
            "{}",
            &text[..text.len().min(200)]
        );
        assert!(
            text.contains("Apache License"),
            "the Apache-2.0 text is in it"
        );
        assert!(text.contains("\n  egui 0.37.0\n"), "egui is named");
    }
}
