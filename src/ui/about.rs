//! *About*: the app's version, the list in use, and the licences of
//! everything the app is built from: its own, the fonts', the models', and
//! every crate's (`packaging/licenses/THIRD-PARTY-LICENSES.txt`, made by
//! cargo-about and zlib-packed into the binary by `build.rs`).

use std::sync::OnceLock;

use egui::RichText;

use super::theme;
use crate::i18n::{Lang, tr, tr_args};
use crate::update::ActiveList;

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

/// Draws the *About* window while `open` is true; its close button and
/// *Close* set it to false.
pub(crate) fn window(ctx: &egui::Context, lang: Lang, list: &ActiveList, open: &mut bool) {
    let mut close = false;
    egui::Window::new(tr(lang, "about-title"))
        .open(open)
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
    if close {
        *open = false;
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
