//! Colours, spacing and text sizes: the only place they are chosen.
//!
//! Sizes start larger than egui's defaults because many users are elderly;
//! "larger text" scales them again, "high contrast" swaps to black on white
//! with heavy outlines. Steps name a text style ([`title`], [`emphasis`],
//! `heading()`, `small()`) or ask for a colour here; `clippy.toml` refuses
//! inline sizes and colours anywhere else, so both modes reach every screen.
#![expect(
    clippy::disallowed_methods,
    reason = "this is the one module that picks sizes and colours"
)]

use egui::{Color32, FontFamily, FontId, Stroke, TextStyle, Visuals};

use crate::identify::VerdictKind;

/// Display preferences that change the theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Look {
    /// Scale text up by a third.
    pub large_text: bool,
    /// Black on white, heavy outlines.
    pub high_contrast: bool,
}

/// Widest the content column grows, in points: long lines are hard to read.
pub const CONTENT_MAX_WIDTH: f32 = 820.0;

/// Space between blocks.
pub const GAP: f32 = 14.0;

/// Space between groups of controls on one line.
pub const INLINE_GAP: f32 = 20.0;

/// Space above and below a bar's content.
pub const BAR_MARGIN: f32 = 5.0;

/// Padding inside a boxed panel (the verdict banner, the photo reading).
pub const PANEL_MARGIN: f32 = 16.0;

/// Corner radius of boxed panels.
pub const PANEL_CORNER: u8 = 8;

/// Text style of section titles: between the heading and the body, at
/// every text size.
pub fn title_style() -> TextStyle {
    TextStyle::Name("title".into())
}

/// Text style of a line that must stand out from the body (what the app
/// read in a photo).
pub fn emphasis_style() -> TextStyle {
    TextStyle::Name("emphasis".into())
}

/// Text style of the counter's input: large enough to check a scan at a
/// glance.
pub fn counter_input_style() -> TextStyle {
    TextStyle::Name("counter-input".into())
}

/// Text style of the counter's verdict: readable from a metre away.
pub fn counter_verdict_style() -> TextStyle {
    TextStyle::Name("counter-verdict".into())
}

/// A section title.
pub fn title(text: impl Into<String>) -> egui::RichText {
    egui::RichText::new(text).text_style(title_style()).strong()
}

/// A line set larger than the body.
pub fn emphasis(text: impl Into<String>) -> egui::RichText {
    egui::RichText::new(text).text_style(emphasis_style())
}

/// Applies `look` to the whole context.
pub fn apply(ctx: &egui::Context, look: Look) {
    let scale = if look.large_text { 1.35 } else { 1.0 };
    let mut visuals = Visuals::light();
    // egui's default grey text is too faint for tired eyes.
    visuals.override_text_color = Some(Color32::from_gray(25));
    if look.high_contrast {
        visuals.override_text_color = Some(Color32::BLACK);
        visuals.panel_fill = Color32::WHITE;
        visuals.window_fill = Color32::WHITE;
        visuals.extreme_bg_color = Color32::WHITE;
        let heavy = Stroke::new(2.0, Color32::BLACK);
        visuals.widgets.inactive.bg_stroke = heavy;
        visuals.widgets.inactive.fg_stroke = heavy;
        visuals.widgets.inactive.weak_bg_fill = Color32::from_gray(235);
        visuals.widgets.hovered.bg_stroke = Stroke::new(3.0, Color32::BLACK);
        visuals.widgets.active.bg_stroke = Stroke::new(3.0, Color32::BLACK);
        visuals.selection.bg_fill = Color32::from_rgb(255, 214, 0);
        visuals.selection.stroke = Stroke::new(2.0, Color32::BLACK);
        visuals.hyperlink_color = Color32::from_rgb(0, 0, 160);
    }
    ctx.set_visuals(visuals);
    ctx.all_styles_mut(|style| {
        style.text_styles = [
            (
                TextStyle::Heading,
                FontId::new(30.0 * scale, FontFamily::Proportional),
            ),
            (
                title_style(),
                FontId::new(24.0 * scale, FontFamily::Proportional),
            ),
            (
                emphasis_style(),
                FontId::new(22.0 * scale, FontFamily::Proportional),
            ),
            (
                counter_input_style(),
                FontId::new(30.0 * scale, FontFamily::Monospace),
            ),
            (
                counter_verdict_style(),
                FontId::new(52.0 * scale, FontFamily::Proportional),
            ),
            (
                TextStyle::Body,
                FontId::new(19.0 * scale, FontFamily::Proportional),
            ),
            (
                TextStyle::Button,
                FontId::new(20.0 * scale, FontFamily::Proportional),
            ),
            (
                TextStyle::Small,
                FontId::new(15.0 * scale, FontFamily::Proportional),
            ),
            (
                TextStyle::Monospace,
                FontId::new(17.0 * scale, FontFamily::Monospace),
            ),
        ]
        .into();
        style.spacing.item_spacing = egui::vec2(10.0, 10.0 * scale);
        style.spacing.button_padding = egui::vec2(16.0, 8.0 * scale);
        style.spacing.interact_size.y = 34.0 * scale;
        style.spacing.icon_width = 22.0 * scale;
        style.spacing.icon_width_inner = 12.0 * scale;
    });
}

/// Fill and text colour of the verdict banner. "Not affected" is blue, not
/// green: it means "not on the list", never "all clear".
pub fn verdict_colors(kind: VerdictKind, look: Look) -> (Color32, Color32) {
    if look.high_contrast {
        return match kind {
            VerdictKind::Affected => (Color32::from_rgb(160, 0, 0), Color32::WHITE),
            VerdictKind::Unknown => (Color32::from_rgb(255, 214, 0), Color32::BLACK),
            VerdictKind::NotAffected => (Color32::from_rgb(0, 0, 128), Color32::WHITE),
        };
    }
    match kind {
        VerdictKind::Affected => (Color32::from_rgb(178, 34, 34), Color32::WHITE),
        VerdictKind::Unknown => (Color32::from_rgb(255, 200, 60), Color32::BLACK),
        VerdictKind::NotAffected => (Color32::from_rgb(30, 80, 160), Color32::WHITE),
    }
}

/// Colour of an urgent step's marker.
pub fn urgent_color(look: Look) -> Color32 {
    if look.high_contrast {
        Color32::BLACK
    } else {
        Color32::from_rgb(178, 34, 34)
    }
}

/// Colour of an error message.
pub fn error_color(look: Look) -> Color32 {
    if look.high_contrast {
        Color32::from_rgb(140, 0, 0)
    } else {
        Color32::from_rgb(178, 34, 34)
    }
}

/// Outline of a text line found in a photo: decisive lines (the model
/// field) in red and thick, the others in blue and thin.
pub fn photo_line_stroke(decisive: bool, look: Look) -> Stroke {
    match (decisive, look.high_contrast) {
        (true, false) => Stroke::new(4.0, Color32::from_rgb(230, 40, 20)),
        (false, false) => Stroke::new(1.5, Color32::from_rgb(30, 110, 230)),
        (true, true) => Stroke::new(5.0, Color32::from_rgb(200, 0, 0)),
        (false, true) => Stroke::new(2.5, Color32::from_rgb(0, 0, 160)),
    }
}

/// Installs DejaVu Sans, the font the PDF notice uses too, so screen and
/// paper look alike. It is the only font: egui's own (`default_fonts`) are
/// left out of the build, as DejaVu covers every letter and symbol in the
/// translations, and the binary stays 1.4 MB smaller.
pub fn install_fonts(ctx: &egui::Context) {
    let mut fonts = egui::FontDefinitions::empty();
    fonts.font_data.insert(
        "dejavu-sans".to_owned(),
        std::sync::Arc::new(egui::FontData::from_static(crate::notice::font::regular())),
    );
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        fonts
            .families
            .insert(family, vec!["dejavu-sans".to_owned()]);
    }
    ctx.set_fonts(fonts);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn size(ctx: &egui::Context, style: &TextStyle) -> f32 {
        ctx.global_style()
            .text_styles
            .get(style)
            .map_or(0.0, |f| f.size)
    }

    /// Titles stay above the body text and grow with it, in every look.
    #[test]
    fn titles_outrank_body_text_in_every_look() {
        let ctx = egui::Context::default();
        let mut body_sizes = Vec::new();
        for large_text in [false, true] {
            for high_contrast in [false, true] {
                apply(
                    &ctx,
                    Look {
                        large_text,
                        high_contrast,
                    },
                );
                let body = size(&ctx, &TextStyle::Body);
                assert!(size(&ctx, &title_style()) > body);
                assert!(size(&ctx, &emphasis_style()) > body);
                assert!(size(&ctx, &TextStyle::Heading) > size(&ctx, &title_style()));
                assert!(size(&ctx, &TextStyle::Small) < body);
                body_sizes.push(body);
            }
        }
        assert!(body_sizes[2] > body_sizes[0], "larger text is larger");
    }

    /// High contrast darkens every colour the steps ask for.
    #[test]
    fn high_contrast_changes_the_colours_steps_use() {
        let plain = Look::default();
        let contrast = Look {
            high_contrast: true,
            ..Look::default()
        };
        assert_ne!(error_color(plain), error_color(contrast));
        assert_ne!(urgent_color(plain), urgent_color(contrast));
        assert_ne!(
            photo_line_stroke(true, plain),
            photo_line_stroke(true, contrast)
        );
        for kind in [
            VerdictKind::Affected,
            VerdictKind::NotAffected,
            VerdictKind::Unknown,
        ] {
            assert_ne!(verdict_colors(kind, plain), verdict_colors(kind, contrast));
        }
    }
}

/// Colours of the drawings (`ui/pictures.rs`).
#[derive(Debug, Clone, Copy)]
pub struct PictureColors {
    /// Behind and around the object drawn.
    pub background: Color32,
    /// The object's body.
    pub body: Color32,
    /// Outlines, pointers and captions.
    pub outline: Color32,
    /// Secondary detail (slots, small print).
    pub detail: Color32,
    /// What the picture points at.
    pub highlight: Color32,
    /// Lines and text on the highlight.
    pub highlight_text: Color32,
    /// A "do not" mark.
    pub stop: Color32,
}

/// The drawings' colours for `look`.
pub fn picture_colors(look: Look) -> PictureColors {
    if look.high_contrast {
        PictureColors {
            background: Color32::WHITE,
            body: Color32::WHITE,
            outline: Color32::BLACK,
            detail: Color32::BLACK,
            highlight: Color32::from_rgb(255, 214, 0),
            highlight_text: Color32::BLACK,
            stop: Color32::from_rgb(140, 0, 0),
        }
    } else {
        PictureColors {
            background: Color32::from_rgb(250, 250, 248),
            body: Color32::from_rgb(222, 224, 228),
            outline: Color32::from_rgb(40, 44, 52),
            detail: Color32::from_rgb(110, 116, 128),
            highlight: Color32::from_rgb(255, 200, 60),
            highlight_text: Color32::from_rgb(30, 30, 30),
            stop: Color32::from_rgb(178, 34, 34),
        }
    }
}
